#include "app/mainwindow.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QStandardPaths>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <functional>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include "app/preferencesdialog.hpp"
#include "app/sessioncontroller.hpp"
#include "app/sessionpanel.hpp"
#include "core/perf/accuracy.hpp"
#include "core/hw/chip_json.hpp"
#include "widgets/compareview.hpp"
#include "widgets/recordview.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/explainpanel.hpp"
#include "widgets/format.hpp"
#include "widgets/frontierview.hpp"
#include "widgets/highlight.hpp"
#include "widgets/lessonpanel.hpp"
#include "widgets/kpistrip.hpp"
#include "widgets/layerview.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/parameterpanel.hpp"
#include "widgets/physicalview.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/reportwriter.hpp"
#include "widgets/roadmapview.hpp"
#include "widgets/rooflineview.hpp"
#include "widgets/seekdialog.hpp"
#include "widgets/sensitivityview.hpp"
#include "widgets/sweepview.hpp"
#include "widgets/viewgrid.hpp"
#include "widgets/viewscale.hpp"
#include "widgets/workloadbar.hpp"

namespace scoville {

MainWindow::MainWindow(QWidget* parent) : MainWindow(builtin_library(), parent) {}

MainWindow::MainWindow(const ModelLibrary& library, QWidget* parent)
    : QMainWindow(parent), doc_(new DesignDocument(library, this)), sessions_(new SessionController(doc_, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    createViews();
    createLessons();
    viewScale_ = new ViewScale(this, this);
    connect(viewScale_, &ViewScale::presentationChanged, this, &MainWindow::setPresentationLayout);
    createActions();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("Ready"));
    // Where the work is saved; a click shows the session's designs and history.
    saveState_ = new QToolButton(this);
    saveState_->setObjectName(QStringLiteral("saveState"));
    saveState_->setAutoRaise(true);
    saveState_->setFocusPolicy(Qt::NoFocus);  // Ctrl+H reaches the same dock from the keyboard
    connect(saveState_, &QToolButton::clicked, this, [this] {
        sessionDock_->show();
        sessionDock_->raise();
    });
    statusBar()->addPermanentWidget(saveState_);
    connect(sessions_, &SessionController::saveStateChanged, this, &MainWindow::showSaveState);
    connect(sessions_, &SessionController::sessionChanged, this, [this](const QString& path) {
        addRecent(path);
        updateTitle();
        showSaveState(sessions_->unsavedReason());
    });
    connect(sessions_, &SessionController::currentDesignChanged, this, &MainWindow::updateTitle);
    showSaveState(QString());
    updateTitle();
    connect(doc_, &DesignDocument::editRefused, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Refused: %1").arg(message), 8000); });
    restoreSettings();
    viewScale_->restore();
}

MainWindow::~MainWindow() {
    sessions_->waitForSweeps();  // a sweep being stored is stored (the journal waits for it)
    sessions_->flush();  // a drag's last value, while the document still exists
}

QUndoStack* MainWindow::undoStack() const { return doc_->undoStack(); }

void MainWindow::createViews() {
    workloadBar_ = new WorkloadBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, workloadBar_);
    addToolBarBreak(Qt::TopToolBarArea);
    compareBar_ = new CompareBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, compareBar_);
    latencyBar_ = new LatencyBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, latencyBar_);

    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    kpis_ = new KpiStrip(doc_, central);
    layout->addWidget(kpis_);

    // Four views tiled, so every one follows a slider drag; tabbed where the window is too small
    // for four readable plots (a plot with its legend, axis titles and tick labels needs the cell).
    roofline_ = new RooflineView(doc_, central);
    layers_ = new LayerView(doc_, central);
    physical_ = new PhysicalView(doc_, central);
    compare_ = new CompareView(doc_, central);
    for (QWidget* w : {static_cast<QWidget*>(roofline_), static_cast<QWidget*>(layers_),
                       static_cast<QWidget*>(physical_), static_cast<QWidget*>(compare_)})
        w->setMinimumSize(260, 180);
    viewGrid_ = new ViewGrid({ViewGrid::View{roofline_, tr("Roofline")}, ViewGrid::View{layers_, tr("Layers")},
                              ViewGrid::View{physical_, tr("Area, Power, Cost")}, ViewGrid::View{compare_, tr("Compare")}},
                             QSize(440, 300), central);
    // The design's four views, and beside them the questions about the design space.
    tabs_ = new QTabWidget(central);
    tabs_->setObjectName(QStringLiteral("viewTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(viewGrid_, tr("Desi&gn"));
    sweep_ = new SweepView(doc_, tabs_);
    tabs_->addTab(sweep_, tr("Sweep"));
    sensitivity_ = new SensitivityView(doc_, tabs_);
    tabs_->addTab(sensitivity_, tr("Se&nsitivity"));
    frontier_ = new FrontierView(doc_, tabs_);
    tabs_->addTab(frontier_, tr("F&rontier"));
    // The model's record against measured results: evaluated in the background when first shown.
    record_ = new RecordView(doc_, tabs_);
    tabs_->addTab(record_, tr("Rec&ord"));
    roadmap_ = new RoadmapView(doc_, tabs_);
    tabs_->addTab(roadmap_, tr("Road&map"));
    layout->addWidget(tabs_, 1);
    setCentralWidget(central);

    // Sweeps are stored in the session as they finish and can be reopened from it.
    connect(sweep_, &SweepView::storeRequested, sessions_, &SessionController::storeSweep);
    connect(sweep_, &SweepView::openRequested, sessions_, &SessionController::loadSweep);
    connect(sweep_, &SweepView::removeRequested, this, [this](const QString& name) {
        if (QMessageBox::question(this, tr("Delete sweep"), tr("Delete the stored sweep \u201c%1\u201d from the session?").arg(name)) !=
            QMessageBox::Yes)
            return;
        if (auto st = sessions_->removeSweep(name); !st)
            statusBar()->showMessage(tr("Not deleted: %1").arg(errorText(st.error())), 8000);
    });
    connect(sessions_, &SessionController::sweepsChanged, sweep_, &SweepView::setStoredSweeps);
    connect(sessions_, &SessionController::sweepStored, sweep_, &SweepView::storeFinished);
    connect(sessions_, &SessionController::sweepLoaded, sweep_, &SweepView::showStoredSweep);
    // The session's other designs can be placed on the roadmap as later generations.
    connect(sessions_, &SessionController::designsChanged, this, &MainWindow::updateRoadmapDesigns);
    connect(sessions_, &SessionController::sessionChanged, this, &MainWindow::updateRoadmapDesigns);
    connect(sessions_, &SessionController::currentDesignChanged, this, &MainWindow::updateRoadmapDesigns);

    parameterDock_ = new QDockWidget(tr("Parameters"), this);
    parameterDock_->setObjectName(QStringLiteral("parameterDock"));
    parameterDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    parameters_ = new ParameterPanel(doc_, parameterDock_);
    // The cost line's "Cost assumptions" link: the economics group of the parameters, in view.
    // The accuracy line's "Show the runs" link: the Record tab, filtered to the runs of the workload's class.
    connect(kpis_, &KpiStrip::accuracyRunsRequested, this, [this] {
        tabs_->setCurrentWidget(record_);
        record_->showWorkloadClass(workload_class(doc_->state().model, doc_->state().scenario));
    });
    connect(kpis_, &KpiStrip::assumptionsRequested, this, [this] {
        parameterDock_->show();
        parameterDock_->raise();
        parameters_->showMatching(QStringLiteral("econ."));
    });
    parameterDock_->setWidget(parameters_);
    addDockWidget(Qt::LeftDockWidgetArea, parameterDock_);

    explainDock_ = new QDockWidget(tr("Explain"), this);
    explainDock_->setObjectName(QStringLiteral("explainDock"));
    explain_ = new ExplainPanel(doc_, explainDock_);
    // Narrower, the sentences break after every word.
    explain_->setMinimumWidth(explain_->fontMetrics().averageCharWidth() * 32);
    explainDock_->setWidget(explain_);
    addDockWidget(Qt::RightDockWidgetArea, explainDock_);

    sessionDock_ = new QDockWidget(tr("Designs and History"), this);
    sessionDock_->setObjectName(QStringLiteral("sessionDock"));
    sessionPanel_ = new SessionPanel(sessions_, sessionDock_);
    sessionDock_->setWidget(sessionPanel_);
    addDockWidget(Qt::RightDockWidgetArea, sessionDock_);
    tabifyDockWidget(sessionDock_, explainDock_);
    explainDock_->raise();
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* newSession = file->addAction(tr("&New Session..."), this, &MainWindow::newSession);
    newSession->setObjectName(QStringLiteral("actionNewSession"));
    newSession->setShortcut(QKeySequence::New);
    QAction* open = file->addAction(tr("&Open Session..."), this, &MainWindow::openSession);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    recentMenu_->setObjectName(QStringLiteral("recentMenu"));
    connect(recentMenu_, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    QAction* save = file->addAction(tr("&Save"), this, &MainWindow::saveNow);
    save->setObjectName(QStringLiteral("actionSave"));
    save->setShortcut(QKeySequence::Save);
    save->setToolTip(tr("Every edit is saved to the session file as it is made; this writes anything still pending"));
    QAction* saveAs = file->addAction(tr("Save Session &As..."), this, &MainWindow::saveSessionAs);
    saveAs->setObjectName(QStringLiteral("actionSaveAs"));
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction* importDesign = file->addAction(tr("&Import Design (JSON)..."), this, &MainWindow::importDesign);
    importDesign->setObjectName(QStringLiteral("actionImportDesign"));
    QAction* exportDesign = file->addAction(tr("&Export Design (JSON)..."), this, &MainWindow::exportDesign);
    exportDesign->setObjectName(QStringLiteral("actionExportDesign"));
    exportDesign->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction* exportModel = file->addAction(tr("Export &Model (JSON)..."), this, &MainWindow::exportModel);
    exportModel->setObjectName(QStringLiteral("actionExportModel"));
    QAction* exportReport = file->addAction(tr("Export &Report..."), this, &MainWindow::exportReport);
    exportReport->setObjectName(QStringLiteral("actionExportReport"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction* undo = doc_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = doc_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction* find = edit->addAction(tr("&Find Parameter"), this, [this] {
        parameterDock_->show();
        if (auto* search = parameters_->findChild<QWidget*>(QStringLiteral("paramSearch"))) search->setFocus();
    });
    find->setObjectName(QStringLiteral("actionFindParameter"));
    find->setShortcut(QKeySequence::Find);
    edit->addSeparator();
    QAction* preferences = edit->addAction(tr("&Preferences..."), this, [this] {
        PreferencesDialog dialog(this);
        dialog.exec();
    });
    preferences->setObjectName(QStringLiteral("actionPreferences"));
    preferences->setMenuRole(QAction::PreferencesRole);
    preferences->setShortcut(QKeySequence::Preferences);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* toggleParams = parameterDock_->toggleViewAction();
    toggleParams->setObjectName(QStringLiteral("actionToggleParameters"));
    view->addAction(toggleParams);
    QAction* toggleExplain = explainDock_->toggleViewAction();
    toggleExplain->setObjectName(QStringLiteral("actionToggleExplain"));
    view->addAction(toggleExplain);
    // Ctrl+H brings the dock to the front when it is hidden or behind another tab (Explain), and
    // hides it only when it is the one shown; the dock's own toggle action would hide it instead.
    QAction* toggleSession = view->addAction(sessionDock_->windowTitle());
    toggleSession->setObjectName(QStringLiteral("actionToggleSession"));
    toggleSession->setCheckable(true);
    toggleSession->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(sessionDock_, &QDockWidget::visibilityChanged, toggleSession, &QAction::setChecked);
    connect(toggleSession, &QAction::triggered, this, [this] {
        if (sessionDock_->isVisible() && !sessionDock_->visibleRegion().isEmpty()) {
            sessionDock_->hide();
            return;
        }
        sessionDock_->show();
        sessionDock_->raise();
    });
    view->addAction(workloadBar_->toggleViewAction());
    view->addAction(compareBar_->toggleViewAction());
    view->addAction(latencyBar_->toggleViewAction());
    view->addSeparator();
    QAction* presentation = view->addAction(tr("&Presentation"));
    presentation->setObjectName(QStringLiteral("actionPresentation"));
    presentation->setCheckable(true);
    presentation->setShortcut(QKeySequence(Qt::Key_F5));
    presentation->setToolTip(tr("Larger text and thicker plot lines for a projector; fewer panels"));
    connect(presentation, &QAction::toggled, viewScale_, &ViewScale::setPresentation);
    connect(viewScale_, &ViewScale::presentationChanged, presentation, &QAction::setChecked);
    QAction* zoomIn = view->addAction(tr("Zoom &In"), viewScale_, &ViewScale::zoomIn);
    zoomIn->setObjectName(QStringLiteral("actionZoomIn"));
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    QAction* zoomOut = view->addAction(tr("Zoom &Out"), viewScale_, &ViewScale::zoomOut);
    zoomOut->setObjectName(QStringLiteral("actionZoomOut"));
    zoomOut->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Minus), QKeySequence::ZoomOut});
    QAction* zoomReset = view->addAction(tr("&Actual Size"), viewScale_, &ViewScale::resetZoom);
    zoomReset->setObjectName(QStringLiteral("actionZoomReset"));
    zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    QMenu* exportMenu = view->addMenu(tr("&Export Plot"));
    exportMenu->setObjectName(QStringLiteral("exportMenu"));
    const struct {
        const char* name;
        QString text;
        QCustomPlot* plot;
        const char* file;
    } exports[] = {
        {"actionExportRoofline", tr("&Roofline..."), roofline_->plot(), "roofline"},
        {"actionExportLayers", tr("&Layers..."), layers_->plot(), "layers"},
        {"actionExportPhysical", tr("&Area and Power..."), physical_->plot(), "area-power"},
        {"actionExportCompare", tr("&Compare..."), compare_->plot(), "compare"},
        {"actionExportSweep", tr("&Sweep Map..."), sweep_->mapPlot(), "sweep"},
        {"actionExportPareto", tr("&Pareto Front..."), sweep_->paretoPlot(), "pareto"},
        {"actionExportSensitivity", tr("Se&nsitivity..."), sensitivity_->plot(), "sensitivity"},
        {"actionExportFrontier", tr("&Frontier..."), frontier_->plot(), "frontier"},
        {"actionExportRoadmap", tr("Road&map..."), roadmap_->plot(), "roadmap"},
    };
    for (const auto& e : exports) {
        QCustomPlot* plot = e.plot;
        const QString base = QString::fromLatin1(e.file);
        // The chart's title in its exported image: the action's text without its mnemonic and dots.
        plot->setProperty("scvTitle", QString(e.text).remove(QLatin1Char('&')).remove(QStringLiteral("...")));
        QAction* a = exportMenu->addAction(e.text, this, [this, plot, base] { exportPlotInteractive(plot, base, this); });
        a->setObjectName(QString::fromLatin1(e.name));
    }

    // Every exported chart carries its title, the workload and the chips.
    setExportCaption([this](QCustomPlot* plot) {
        QString title = plot->property("scvTitle").toString();
        if (plot == roadmap_->plot()) title = tr("%1: %2").arg(title, resultShortLabel(roadmap_->metric()));
        return QStringList{title, tr("Workload: %1").arg(workloadSummary(*doc_)), chipsSummary(*doc_)};
    });

    QMenu* tools = menuBar()->addMenu(tr("Tool&s"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction* seek = tools->addAction(tr("&Goal Seek..."), this, [this] { showGoalSeek(); });
    seek->setObjectName(QStringLiteral("actionGoalSeek"));
    seek->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    tools->addSeparator();
    const struct {
        const char* name;
        QString text;
        QWidget* tab;
    } tabActions[] = {
        {"actionShowSweep", tr("&Sweep"), sweep_},
        {"actionShowSensitivity", tr("Se&nsitivity"), sensitivity_},
        {"actionShowFrontier", tr("Throughput\u2013Interactivity &Frontier"), frontier_},
        {"actionShowRecord", tr("Model's &Record"), record_},
        {"actionShowRoadmap", tr("Road&map"), roadmap_},
    };
    for (const auto& t : tabActions) {
        QWidget* tab = t.tab;
        QAction* a = tools->addAction(t.text, this, [this, tab] { tabs_->setCurrentWidget(tab); });
        a->setObjectName(QString::fromLatin1(t.name));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* lessons = help->addAction(tr("&Lessons"), this, [this] { showLessons(); });
    lessons->setObjectName(QStringLiteral("actionLessons"));
    lessons->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction* openLesson = help->addAction(tr("Open Lesson &File..."), this, [this] {
        const QString name = QFileDialog::getOpenFileName(this, tr("Open lesson"), lessonFolder(),
                                                          tr("Lesson (*.json);;All files (*)"));
        if (name.isEmpty()) return;
        showLessons();
        lessons_->openLessonFile(name);
    });
    openLesson->setObjectName(QStringLiteral("actionOpenLesson"));
    help->addSeparator();
    QAction* about = help->addAction(tr("&About Scoville"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

SeekDialog* MainWindow::showGoalSeek() {
    if (!seek_) seek_ = new SeekDialog(doc_, this);
    seek_->show();
    seek_->raise();
    seek_->activateWindow();
    return seek_;
}

// --- Lessons and presentation --------------------------------------------------------------------

QString MainWindow::lessonFolder() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath();
    return QDir(dir).filePath(QStringLiteral("lessons"));
}

void MainWindow::createLessons() {
    lessonDock_ = new QDockWidget(tr("Lesson"), this);
    lessonDock_->setObjectName(QStringLiteral("lessonDock"));
    lessons_ = new LessonPanel(doc_, lessonDock_);
    lessons_->loadFolder(lessonFolder());
    lessonDock_->setWidget(lessons_);
    addDockWidget(Qt::RightDockWidgetArea, lessonDock_);
    lessonDock_->hide();
    connect(lessons_, &LessonPanel::viewRequested, this, &MainWindow::showLessonView);
}

LessonPanel* MainWindow::showLessons() {
    lessonDock_->show();
    lessonDock_->raise();
    return lessons_;
}

void MainWindow::showLessonView(const QString& view) {
    QWidget* target = nullptr;
    QWidget* tab = nullptr;
    QDockWidget* dock = nullptr;
    if (view == QLatin1String("summary")) {
        target = kpis_;
    } else if (view == QLatin1String("roofline")) {
        target = roofline_;
    } else if (view == QLatin1String("layers")) {
        target = layers_;
    } else if (view == QLatin1String("physical")) {
        target = physical_;
    } else if (view == QLatin1String("compare")) {
        target = compare_;
    } else if (view == QLatin1String("explain")) {
        dock = explainDock_;
        target = explain_;
    } else if (view == QLatin1String("sweep")) {
        tab = target = sweep_;
    } else if (view == QLatin1String("pareto")) {
        tab = sweep_;
        target = sweep_->paretoPlot();
    } else if (view == QLatin1String("sensitivity")) {
        tab = target = sensitivity_;
    } else if (view == QLatin1String("frontier")) {
        tab = target = frontier_;
    } else if (view == QLatin1String("parameters")) {
        dock = parameterDock_;
        target = parameters_;
    } else if (view == QLatin1String("workload")) {
        workloadBar_->show();
        target = workloadBar_;
    }
    if (!target) return;
    // The design's four views live on the first tab.
    if (!tab && !dock && target != kpis_ && target != workloadBar_) {
        tabs_->setCurrentIndex(0);
        viewGrid_->reveal(target);
    }
    if (tab) tabs_->setCurrentWidget(tab);
    if (dock) {
        dock->show();
        dock->raise();
    }
    flashHighlight(target);
}

void MainWindow::setPresentationLayout(bool on) {
    // Fewer panels on a projector: the history, the comparison and limit bars go; the parameters,
    // the workload and the lesson stay.
    if (on) {
        for (QWidget* w : {static_cast<QWidget*>(sessionDock_), static_cast<QWidget*>(compareBar_),
                           static_cast<QWidget*>(latencyBar_)}) {
            if (w->isHidden()) continue;
            hiddenForPresentation_ << w;
            w->hide();
        }
    } else {
        for (QWidget* w : std::as_const(hiddenForPresentation_)) w->show();
        hiddenForPresentation_.clear();
    }
}

// --- Sessions ------------------------------------------------------------------------------------

QString MainWindow::defaultSessionPath() {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty()) dir = QDir::homePath();
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("default.scoville"));
}

QString MainWindow::dialogFolder() const {
    if (!designFolder_.isEmpty()) return designFolder_;
    const QString docs = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return docs.isEmpty() ? QDir::homePath() : docs;
}

bool MainWindow::openSessionFile(const QString& path, bool interactive) {
    if (auto st = sessions_->openSession(path); !st) {
        const QString message = errorText(st.error());
        if (interactive) QMessageBox::warning(this, tr("Open session"), message);
        statusBar()->showMessage(tr("Not opened: %1").arg(message), 10000);
        return false;
    }
    statusBar()->showMessage(tr("Opened %1").arg(path), 5000);
    return true;
}

void MainWindow::openStartupSession() {
    const QStringList recent = QSettings().value(QStringLiteral("session/recent")).toStringList();
    if (!recent.isEmpty() && QFileInfo::exists(recent.front()) && openSessionFile(recent.front(), false)) return;
    const QString fallback = defaultSessionPath();
    if (!recent.isEmpty() && recent.front() == fallback) return;  // it just failed, with a message
    openSessionFile(fallback, false);
}

void MainWindow::newSession() {
    QString name = QFileDialog::getSaveFileName(this, tr("New session"), dialogFolder(),
                                                tr("Scoville session (*.scoville)"));
    if (name.isEmpty()) return;
    if (QFileInfo(name).suffix().isEmpty()) name += QStringLiteral(".scoville");
    // The dialog has asked before replacing a file; a new session never overwrites one.
    if (QFileInfo::exists(name) && !QFile::remove(name)) {
        QMessageBox::warning(this, tr("New session"), tr("%1 exists and cannot be replaced").arg(name));
        return;
    }
    if (auto st = sessions_->newSession(name); !st) {
        QMessageBox::warning(this, tr("New session"), errorText(st.error()));
        return;
    }
    designFolder_ = QFileInfo(name).absolutePath();
}

void MainWindow::openSession() {
    const QString name = QFileDialog::getOpenFileName(this, tr("Open session"), dialogFolder(),
                                                      tr("Scoville session (*.scoville);;All files (*)"));
    if (name.isEmpty()) return;
    if (openSessionFile(name, true)) designFolder_ = QFileInfo(name).absolutePath();
}

void MainWindow::saveSessionAs() {
    if (!sessions_->session()) return;
    QString name = QFileDialog::getSaveFileName(this, tr("Save session as"), dialogFolder(),
                                                tr("Scoville session (*.scoville)"));
    if (name.isEmpty()) return;
    if (QFileInfo(name).suffix().isEmpty()) name += QStringLiteral(".scoville");
    if (auto st = sessions_->saveAs(name); !st) {
        QMessageBox::warning(this, tr("Save session as"), errorText(st.error()));
        return;
    }
    designFolder_ = QFileInfo(name).absolutePath();
    statusBar()->showMessage(tr("Saved as %1; edits now go to that file").arg(name), 8000);
}

void MainWindow::saveNow() {
    if (!sessions_->session()) {
        saveSessionAs();
        return;
    }
    if (sessions_->session()->isReadOnly()) {
        saveSessionAs();
        return;
    }
    sessions_->flush();  // writes anything a failed write left pending
    if (sessions_->unsavedReason().isEmpty())
        statusBar()->showMessage(tr("All edits are saved in %1 (every edit is saved as it is made)")
                                     .arg(sessions_->path()),
                                 6000);
}

void MainWindow::importDesign() {
    const QString name = QFileDialog::getOpenFileName(this, tr("Import design"), dialogFolder(),
                                                      tr("Chip design (*.json);;All files (*)"));
    if (name.isEmpty()) return;
    auto imported = sessions_->importDesign(name);
    if (!imported) {
        QMessageBox::warning(this, tr("Import design"), errorText(imported.error()));
        return;
    }
    designFolder_ = QFileInfo(name).absolutePath();
    statusBar()->showMessage(tr("Imported %1 as design '%2'").arg(name, imported.value()), 8000);
}

void MainWindow::exportJson(const QString& title, const QString& base, const QString& filter,
                            const std::function<Status(const QString&)>& write, const QString& done) {
    QString name =
        QFileDialog::getSaveFileName(this, title, QDir(dialogFolder()).filePath(base + QStringLiteral(".json")), filter);
    if (name.isEmpty()) return;
    if (QFileInfo(name).suffix().isEmpty()) name += QStringLiteral(".json");
    if (auto st = write(name); !st) {
        QMessageBox::warning(this, title, errorText(st.error()));
        return;
    }
    designFolder_ = QFileInfo(name).absolutePath();
    statusBar()->showMessage(done.arg(name), 8000);
}

void MainWindow::exportDesign() {
    const std::string id = doc_->chip().id.empty() ? std::string("design") : doc_->chip().id;
    const QString base = sessions_->currentDesign().isEmpty() ? QString::fromStdString(id) : sessions_->currentDesign();
    exportJson(tr("Export design"), base, tr("Chip design (*.json)"),
               [this](const QString& file) { return sessions_->exportDesign(file); },
               tr("Exported %1; evaluate it headless with: scoville eval --chip %1"));
}

void MainWindow::exportModel() {
    exportJson(tr("Export model"), QString::fromStdString(doc_->state().model.id), tr("Model files (*.json)"),
               [this](const QString& file) { return sessions_->exportModel(file); },
               tr("Exported %1; evaluate it headless with: scoville eval --model %1"));
}

void MainWindow::exportReport() {
    const QString design = sessions_->currentDesign().isEmpty() ? QString::fromStdString(doc_->chip().id)
                                                                : sessions_->currentDesign();
    QString name = QFileDialog::getSaveFileName(this, tr("Export report"),
                                                QDir(dialogFolder()).filePath(design + tr("-report") + QStringLiteral(".pdf")),
                                                tr("PDF document (*.pdf);;PNG image (*.png)"));
    if (name.isEmpty()) return;
    if (QFileInfo(name).suffix().isEmpty()) name += QStringLiteral(".pdf");
    ReportOptions options;
    options.designName = design;
    options.roadmapMetric = std::string(roadmap_->metric().key);
    options.designYear = roadmap_->designYear();
    statusBar()->showMessage(tr("Writing the report\u2026"));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Status st = writeReport(doc_, name, options);
    QApplication::restoreOverrideCursor();
    if (!st) {
        statusBar()->clearMessage();
        QMessageBox::warning(this, tr("Export report"), errorText(st.error()));
        return;
    }
    designFolder_ = QFileInfo(name).absolutePath();
    statusBar()->showMessage(tr("Wrote the report %1").arg(name), 8000);
}

void MainWindow::updateRoadmapDesigns() {
    std::vector<RoadmapView::OtherDesign> designs;
    if (const store::Session* session = sessions_->session())
        for (const QString& name : session->designNames())
            if (name != sessions_->currentDesign())
                if (auto chip = session->chip(name)) designs.push_back({name, chip.value()});
    roadmap_->setOtherDesigns(std::move(designs), sessions_->currentDesign());
}

void MainWindow::addRecent(const QString& path) {
    if (path.isEmpty()) return;
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("session/recent")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > 8) recent.removeLast();
    settings.setValue(QStringLiteral("session/recent"), recent);
}

void MainWindow::fillRecentMenu() {
    recentMenu_->clear();
    const QStringList recent = QSettings().value(QStringLiteral("session/recent")).toStringList();
    int n = 0;
    for (const QString& path : recent) {
        QAction* a = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(++n).arg(QFileInfo(path).fileName()),
                                            this, [this, path] { openSessionFile(path, true); });
        a->setToolTip(path);
        a->setStatusTip(path);
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty()) recentMenu_->addAction(tr("(none)"))->setEnabled(false);
    recentMenu_->addSeparator();
    QAction* clear = recentMenu_->addAction(tr("&Clear List"), this, [] {
        QSettings().remove(QStringLiteral("session/recent"));
    });
    clear->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle() {
    const QString path = sessions_->path();
    if (path.isEmpty()) {
        setWindowTitle(tr("Scoville"));
        return;
    }
    setWindowTitle(tr("%1 \u2014 %2 \u2014 Scoville").arg(sessions_->currentDesign(), QFileInfo(path).fileName()));
}

void MainWindow::showSaveState(const QString& unsavedReason) {
    if (!unsavedReason.isEmpty()) {
        saveState_->setText(tr("Not saved"));
        saveState_->setToolTip(unsavedReason);
        saveState_->setStyleSheet(QStringLiteral("QToolButton { color: white; background: #c62828; padding: 0 6px; }"));
        notSavedMessage_ = tr("Not saved: %1").arg(unsavedReason);
        statusBar()->showMessage(notSavedMessage_, 15000);
        return;
    }
    // Written after all: the status bar no longer says otherwise beside "Saved".
    if (!notSavedMessage_.isEmpty() && statusBar()->currentMessage() == notSavedMessage_) statusBar()->clearMessage();
    notSavedMessage_.clear();
    saveState_->setStyleSheet(QString());
    const QString path = sessions_->path();
    saveState_->setText(path.isEmpty() ? tr("No session file") : tr("Saved"));
    saveState_->setToolTip(path.isEmpty() ? tr("Edits are kept in memory only")
                                          : tr("Every edit is saved to %1; click for the designs and history").arg(path));
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Scoville"),
                       tr("<h3>Scoville %1</h3><p>Design-space explorer for LLM-inference "
                          "accelerators: an analytical model of compute, memory and networking "
                          "with a roofline engine.</p>")
                           .arg(QStringLiteral(SCOVILLE_VERSION)));
}

QString MainWindow::screenBucket() const {
    // Layouts are kept per screen size: a dock width right on a 2560 px monitor is wrong on a laptop.
    const QScreen* s = screen();
    const QSize size = s ? s->size() : QSize(1920, 1080);
    return QStringLiteral("%1x%2").arg(size.width()).arg(size.height());
}

void MainWindow::restoreSettings() {
    QSettings settings;
    const QString bucket = QStringLiteral("mainWindow/") + screenBucket() + QLatin1Char('/');
    // A screen size seen before has its own layout; otherwise the last one of any screen.
    const QString prefix = settings.contains(bucket + QStringLiteral("state")) ? bucket : QStringLiteral("mainWindow/");
    const QByteArray geometry = settings.value(prefix + QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, never larger than it.
        QSize size(1280, 800);
        if (const QScreen* s = screen()) {
            const QRect avail = s->availableGeometry();
            size = size.boundedTo(avail.size() * 0.95);
            if (avail.width() >= 1800) size = QSize(avail.width() * 85 / 100, avail.height() * 85 / 100);
            // The explain and session panels need room beside four plots; on small screens they
            // start hidden (View menu, Ctrl+H for the session).
            explainDock_->setVisible(avail.width() >= 1600);
            sessionDock_->setVisible(avail.width() >= 1600);
        }
        resize(size);
        if (sessionDock_->isVisible()) explainDock_->raise();
        // Dock sizes set before the window is shown do not hold: applied once it is.
        dockWidths_ = {{parameterDock_, kParameterWidth}, {explainDock_, kExplainWidth}};
    }
    restoreState(settings.value(prefix + QStringLiteral("state")).toByteArray());
    // The dock widths as they were: restoreState sizes them against the window as it is now,
    // before it is shown at its size, so they are applied again once it is.
    const QVariantMap widths = settings.value(prefix + QStringLiteral("dockWidths")).toMap();
    if (!widths.isEmpty()) dockWidths_.clear();
    for (QDockWidget* dock : {parameterDock_, explainDock_, sessionDock_, lessonDock_})
        if (const int w = widths.value(dock->objectName()).toInt(); w > 0) dockWidths_.append({dock, w});
}

void MainWindow::applyDockWidths() {
    // One dock at a time: a call naming docks of both sides can leave them as they were.
    for (const auto& [dock, width] : std::as_const(dockWidths_))
        if (!dock->isHidden() && !dock->isFloating())
            resizeDocks({dock}, {std::max(width, dock->minimumSizeHint().width())}, Qt::Horizontal);
    dockWidths_.clear();
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // Once the window has its size and its layout has run.
    if (!dockWidths_.isEmpty()) QTimer::singleShot(0, this, &MainWindow::applyDockWidths);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    QVariantMap widths;
    for (QDockWidget* dock : {parameterDock_, explainDock_, sessionDock_, lessonDock_})
        if (dock->isVisible() && !dock->isFloating()) widths.insert(dock->objectName(), dock->width());
    for (const QString& prefix : {QStringLiteral("mainWindow/"), QStringLiteral("mainWindow/") + screenBucket() + QLatin1Char('/')}) {
        settings.setValue(prefix + QStringLiteral("geometry"), saveGeometry());
        settings.setValue(prefix + QStringLiteral("state"), saveState());
        settings.setValue(prefix + QStringLiteral("dockWidths"), widths);
    }
}

void MainWindow::closeEvent(QCloseEvent* event) {
    sessions_->waitForSweeps();  // a sweep being stored is stored
    sessions_->flush();
    saveSettings();
    event->accept();
}

}  // namespace scoville
