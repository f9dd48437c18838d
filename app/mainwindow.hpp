#pragma once
#include <QMainWindow>
#include <functional>

#include "core/util/result.hpp"

class QUndoStack;
class QDockWidget;
class QSplitter;
class QLabel;
class QToolButton;
class QMenu;
class QTabWidget;

namespace scoville {

class CompareBar;
class LatencyBar;
class SessionController;
class SessionPanel;
class CompareView;
class DesignDocument;
class ExplainPanel;
class KpiStrip;
class LayerView;
class ParameterPanel;
class PhysicalView;
class RooflineView;
class SeekDialog;
class SensitivityView;
class FrontierView;
class RecordView;
class RoadmapView;
class LessonPanel;
class ViewGrid;
class ViewScale;
class SweepView;
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
    [[nodiscard]] SessionController* sessionController() const { return sessions_; }
    // The central tabs: the design's views, then the sweep, sensitivity, frontier and roadmap.
    [[nodiscard]] QTabWidget* viewTabs() const { return tabs_; }
    // The design's four views: a grid, or tabs on a small window.
    [[nodiscard]] ViewGrid* viewGrid() const { return viewGrid_; }
    [[nodiscard]] SweepView* sweepView() const { return sweep_; }
    [[nodiscard]] SensitivityView* sensitivityView() const { return sensitivity_; }
    [[nodiscard]] FrontierView* frontierView() const { return frontier_; }
    [[nodiscard]] RecordView* recordView() const { return record_; }
    [[nodiscard]] RoadmapView* roadmapView() const { return roadmap_; }
    // Tools > Goal Seek: the dialog, shown (not modal).
    SeekDialog* showGoalSeek();
    // Help > Lessons: the lesson dock, shown.
    LessonPanel* showLessons();
    [[nodiscard]] LessonPanel* lessonPanel() const { return lessons_; }
    // Raises and frames the view a lesson step names (core/learn/lesson.hpp lesson_views()).
    void showLessonView(const QString& view);
    [[nodiscard]] ViewScale* viewScale() const { return viewScale_; }
    // Where a user's own lessons are read from: "lessons" in the user's data folder.
    [[nodiscard]] static QString lessonFolder();

    // Opens a session file (created when missing); on failure a warning names the file and the
    // current session stays. Returns whether it opened.
    bool openSessionFile(const QString& path, bool interactive = true);
    // At start: the session used last, else the default session in the user's data folder.
    void openStartupSession();
    // The session file used when no other was chosen.
    [[nodiscard]] static QString defaultSessionPath();

    // The key under which window layouts are kept for the screen the window is on ("1366x768").
    [[nodiscard]] QString screenBucket() const;
    // Widths the panels start at on a first start (px): the parameter filter's placeholder and a
    // slider with its spin box fit; the explain text reads in lines, not words.
    static constexpr int kParameterWidth = 310;
    static constexpr int kExplainWidth = 380;

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void createViews();
    void createActions();
    void restoreSettings();
    void saveSettings() const;
    void applyDockWidths();
    void showAbout();
    void newSession();
    void openSession();
    void saveSessionAs();
    void saveNow();
    void importDesign();
    void exportDesign();
    void exportModel();
    // A save dialog for a JSON file named `base`; `write` writes it, `done` (%1: the file) is shown after.
    void exportJson(const QString& title, const QString& base, const QString& filter,
                    const std::function<Status(const QString&)>& write, const QString& done);
    // File > Export Report: the one-page report (PDF or PNG) of the design on screen.
    void exportReport();
    void updateRoadmapDesigns();
    void fillRecentMenu();
    void addRecent(const QString& path);
    void updateTitle();
    void createLessons();
    void setPresentationLayout(bool on);
    void showSaveState(const QString& unsavedReason);
    [[nodiscard]] QString dialogFolder() const;

    DesignDocument* doc_ = nullptr;
    QDockWidget* parameterDock_ = nullptr;
    QDockWidget* explainDock_ = nullptr;
    ParameterPanel* parameters_ = nullptr;
    WorkloadBar* workloadBar_ = nullptr;
    CompareBar* compareBar_ = nullptr;
    LatencyBar* latencyBar_ = nullptr;
    KpiStrip* kpis_ = nullptr;
    RooflineView* roofline_ = nullptr;
    LayerView* layers_ = nullptr;
    PhysicalView* physical_ = nullptr;
    CompareView* compare_ = nullptr;
    ViewGrid* viewGrid_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    SweepView* sweep_ = nullptr;
    SensitivityView* sensitivity_ = nullptr;
    FrontierView* frontier_ = nullptr;
    RecordView* record_ = nullptr;
    RoadmapView* roadmap_ = nullptr;
    SeekDialog* seek_ = nullptr;
    ExplainPanel* explain_ = nullptr;
    SessionController* sessions_ = nullptr;
    SessionPanel* sessionPanel_ = nullptr;
    QDockWidget* sessionDock_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QToolButton* saveState_ = nullptr;
    QString notSavedMessage_;  // the status bar's "Not saved: ..." while it may still show
    QString designFolder_;
    QDockWidget* lessonDock_ = nullptr;
    LessonPanel* lessons_ = nullptr;
    ViewScale* viewScale_ = nullptr;
    // What presentation mode hid, shown again when it ends.
    QList<QWidget*> hiddenForPresentation_;
    // Dock widths read from the settings, applied when the window is first shown.
    QList<QPair<QDockWidget*, int>> dockWidths_;
};

}  // namespace scoville
