#pragma once
// How large everything is drawn: a zoom the user sets (Ctrl+= / Ctrl+-) times the presentation
// factor while presentation mode is on. It scales the application font (so every widget that
// takes its font from its parent follows), the fonts set explicitly on widgets (the KPI cards'
// large and small text) and every plot's fonts, line widths and markers (plotstyle). Both the
// zoom and the mode are kept in the settings.
#include <QFont>
#include <QObject>
#include <QPointer>

class QWidget;

namespace scoville {

class ViewScale : public QObject {
    Q_OBJECT
public:
    static constexpr double kPresentationFactor = 1.5;
    static constexpr double kZoomStep = 1.15;
    static constexpr double kMinZoom = 0.6;
    static constexpr double kMaxZoom = 3.0;

    // `root`: the window whose widgets and plots are scaled.
    explicit ViewScale(QWidget* root, QObject* parent = nullptr);
    ~ViewScale() override;

    [[nodiscard]] double zoom() const { return zoom_; }
    [[nodiscard]] bool presentation() const { return presentation_; }
    [[nodiscard]] double scale() const { return zoom_ * (presentation_ ? kPresentationFactor : 1.0); }
    // The application font before any scaling.
    [[nodiscard]] const QFont& baseFont() const { return baseFont_; }

    void setZoom(double zoom);
    void setPresentation(bool on);
    void zoomIn() { setZoom(zoom_ * kZoomStep); }
    void zoomOut() { setZoom(zoom_ / kZoomStep); }
    void resetZoom() { setZoom(1.0); }
    // Applies the zoom and mode kept in the settings.
    void restore();

signals:
    void presentationChanged(bool on);
    void scaleChanged(double scale);

private:
    void apply(double previous);
    void save() const;

    QPointer<QWidget> root_;
    QFont baseFont_;
    double zoom_ = 1.0;
    bool presentation_ = false;
    double applied_ = 1.0;
};

}  // namespace scoville
