#pragma once
// The roadmap: accelerator generations on a time line (x = year), each at its value of one result
// on the document's workload (core/sweep/roadmap_chart), with the user's design placed as a
// generation of its own (and, optionally, the session's other designs as the later ones). Shipping,
// announced and estimated generations are drawn distinctly; a vendor's generations are joined; the
// model's range over a chip's uncertain values is an error bar; a hover tells the source.
// The reference chips are evaluated on a thread of their own when the workload changes and the view
// is shown; a chip edit only moves the design's point.
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QWidget>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/sweep/roadmap_chart.hpp"
#include "widgets/documentview.hpp"

class QCheckBox;
class QComboBox;
class QLabel;
class QMouseEvent;
class QSpinBox;
class QCustomPlot;
class QCPGraph;
class QCPErrorBars;
class QCPItemText;

namespace scoville {

class RoadmapView : public DocumentView<QWidget> {
    Q_OBJECT
public:
    explicit RoadmapView(DesignDocument* doc, QWidget* parent = nullptr);
    ~RoadmapView() override;

    // The results the chart can show, in the metric box's order.
    static const std::vector<const ResultKey*>& metrics();
    void setMetric(const std::string& key);
    [[nodiscard]] const ResultKey& metric() const;
    // The year the design is placed in (its first generation).
    void setDesignYear(int year);
    [[nodiscard]] int designYear() const;
    // The session's other designs, placed as later generations when "Other designs" is checked:
    // the second two years after the first, then yearly.
    struct OtherDesign {
        QString name;
        ChipSpec chip;
    };
    void setOtherDesigns(std::vector<OtherDesign> designs, const QString& currentName);
    void setShowOtherDesigns(bool show);

    // One point as drawn: what the hover and the tests read.
    struct Shown {
        RoadmapPoint point;
        RoadmapValue value;
        double x = 0;            // the year, spread a little where several share it
        bool design = false;     // one of the user's designs
        QString label;           // the text beside the marker ("" when it did not fit)
    };
    [[nodiscard]] const std::vector<Shown>& shown() const { return shown_; }
    [[nodiscard]] QCustomPlot* plot() const { return plot_; }
    // The reference chips' evaluations of the current workload have arrived (and their ranges).
    [[nodiscard]] bool isComplete() const { return evaluated_ && rangesDone_; }
    // The hover text of a shown point.
    [[nodiscard]] QString toolTipFor(const Shown& s) const;
    // The legend in as many columns as fit `width` pixels (the window's; the report's chart).
    void fitLegend(int width);
    // Evaluates now if the workload changed (the report draws the view without showing it).
    void update_now() { refreshNow(); }

signals:
    void updated();  // the chart was redrawn with new values

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh() override;
    void paletteChanged() override;
    void startEvaluations();
    void rebuild();
    void placeLabels();
    void hovered(QMouseEvent* event);
    [[nodiscard]] bool evaluationsCurrent() const;

    QComboBox* metricBox_ = nullptr;
    QSpinBox* yearBox_ = nullptr;
    QCheckBox* othersBox_ = nullptr;
    QLabel* status_ = nullptr;
    QCustomPlot* plot_ = nullptr;

    std::vector<RoadmapPoint> points_;
    std::map<std::string, ChipSpec> chips_;                       // by id: the roadmap's chips
    std::map<std::string, RoadmapEvaluation> evaluations_;        // by id (designs: "design:NAME")
    std::vector<OtherDesign> others_;
    QString currentDesign_;
    // The workload the evaluations belong to.
    std::optional<Scenario> evaluatedScenario_;
    std::string evaluatedModel_;
    QStringList evaluatedOthers_;
    bool evaluated_ = false;
    bool rangesDone_ = false;
    int generation_ = 0;
    QThreadPool pool_;

    std::vector<Shown> shown_;
    std::vector<QCPGraph*> markers_;       // one per shown point with a value
    std::vector<int> markerPoint_;         // index into shown_
    std::vector<QCPItemText*> labels_;     // one per shown point
    std::vector<QCPErrorBars*> errors_;
};

}  // namespace scoville
