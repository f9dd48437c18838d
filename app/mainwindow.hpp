#pragma once
#include <QMainWindow>

class QUndoStack;
class QDockWidget;
class QSplitter;

namespace scoville {

class CompareBar;
class CompareView;
class DesignDocument;
class ExplainPanel;
class KpiStrip;
class LayerView;
class ParameterPanel;
class PhysicalView;
class RooflineView;
class WorkloadBar;
struct ModelLibrary;

// Creates the document and hands it to the views; holds the actions. Views observe the document
// and never talk to each other.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    MainWindow(const ModelLibrary& library, QWidget* parent);
    ~MainWindow() override;

    [[nodiscard]] DesignDocument* document() const { return doc_; }
    [[nodiscard]] QUndoStack* undoStack() const;

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createViews();
    void createActions();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();
    void openDesign();
    bool saveDesign(bool askForName);

    DesignDocument* doc_ = nullptr;
    QDockWidget* parameterDock_ = nullptr;
    QDockWidget* explainDock_ = nullptr;
    ParameterPanel* parameters_ = nullptr;
    WorkloadBar* workloadBar_ = nullptr;
    CompareBar* compareBar_ = nullptr;
    KpiStrip* kpis_ = nullptr;
    RooflineView* roofline_ = nullptr;
    LayerView* layers_ = nullptr;
    PhysicalView* physical_ = nullptr;
    CompareView* compare_ = nullptr;
    ExplainPanel* explain_ = nullptr;
    QString designFile_;
};

}  // namespace scoville
