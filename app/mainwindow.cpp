#include "app/mainwindow.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "core/hw/chip_json.hpp"
#include "widgets/compareview.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/explainpanel.hpp"
#include "widgets/kpistrip.hpp"
#include "widgets/layerview.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/parameterpanel.hpp"
#include "widgets/physicalview.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/rooflineview.hpp"
#include "widgets/workloadbar.hpp"

namespace scoville {

MainWindow::MainWindow(QWidget* parent) : MainWindow(builtin_library(), parent) {}

MainWindow::MainWindow(const ModelLibrary& library, QWidget* parent)
    : QMainWindow(parent), doc_(new DesignDocument(library, this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Scoville"));
    createViews();
    createActions();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("Ready"));
    connect(doc_, &DesignDocument::editRefused, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Refused: %1").arg(message), 8000); });
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QUndoStack* MainWindow::undoStack() const { return doc_->undoStack(); }

void MainWindow::createViews() {
    workloadBar_ = new WorkloadBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, workloadBar_);
    addToolBarBreak(Qt::TopToolBarArea);
    compareBar_ = new CompareBar(doc_, this);
    addToolBar(Qt::TopToolBarArea, compareBar_);

    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    kpis_ = new KpiStrip(doc_, central);
    layout->addWidget(kpis_);

    // Four views tiled, so every one follows a slider drag.
    roofline_ = new RooflineView(doc_, central);
    layers_ = new LayerView(doc_, central);
    physical_ = new PhysicalView(doc_, central);
    compare_ = new CompareView(doc_, central);
    auto* rows = new QSplitter(Qt::Vertical, central);
    rows->setObjectName(QStringLiteral("viewSplitter"));
    auto* top = new QSplitter(Qt::Horizontal, rows);
    auto* bottom = new QSplitter(Qt::Horizontal, rows);
    top->addWidget(roofline_);
    top->addWidget(layers_);
    bottom->addWidget(physical_);
    bottom->addWidget(compare_);
    for (QSplitter* s : {rows, top, bottom}) {
        s->setChildrenCollapsible(false);
        s->setSizes({1000, 1000});  // equal shares
    }
    for (QWidget* w : {static_cast<QWidget*>(roofline_), static_cast<QWidget*>(layers_),
                       static_cast<QWidget*>(physical_), static_cast<QWidget*>(compare_)})
        w->setMinimumSize(260, 180);
    layout->addWidget(rows, 1);
    setCentralWidget(central);

    parameterDock_ = new QDockWidget(tr("Parameters"), this);
    parameterDock_->setObjectName(QStringLiteral("parameterDock"));
    parameterDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    parameters_ = new ParameterPanel(doc_, parameterDock_);
    parameterDock_->setWidget(parameters_);
    addDockWidget(Qt::LeftDockWidgetArea, parameterDock_);

    explainDock_ = new QDockWidget(tr("Explain"), this);
    explainDock_->setObjectName(QStringLiteral("explainDock"));
    explain_ = new ExplainPanel(doc_, explainDock_);
    explainDock_->setWidget(explain_);
    addDockWidget(Qt::RightDockWidgetArea, explainDock_);
}

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* open = file->addAction(tr("&Open Design..."), this, &MainWindow::openDesign);
    open->setObjectName(QStringLiteral("actionOpen"));
    open->setShortcut(QKeySequence::Open);
    QAction* save = file->addAction(tr("&Save Design"), this, [this] { saveDesign(false); });
    save->setObjectName(QStringLiteral("actionSave"));
    save->setShortcut(QKeySequence::Save);
    QAction* saveAs = file->addAction(tr("Save Design &As..."), this, [this] { saveDesign(true); });
    saveAs->setObjectName(QStringLiteral("actionSaveAs"));
    saveAs->setShortcut(QKeySequence::SaveAs);
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

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* toggleParams = parameterDock_->toggleViewAction();
    toggleParams->setObjectName(QStringLiteral("actionToggleParameters"));
    view->addAction(toggleParams);
    QAction* toggleExplain = explainDock_->toggleViewAction();
    toggleExplain->setObjectName(QStringLiteral("actionToggleExplain"));
    view->addAction(toggleExplain);
    view->addAction(workloadBar_->toggleViewAction());
    view->addAction(compareBar_->toggleViewAction());
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
    };
    for (const auto& e : exports) {
        QCustomPlot* plot = e.plot;
        const QString base = QString::fromLatin1(e.file);
        QAction* a = exportMenu->addAction(e.text, this, [this, plot, base] { exportPlotInteractive(plot, base, this); });
        a->setObjectName(QString::fromLatin1(e.name));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About Scoville"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::openDesign() {
    const QString name = QFileDialog::getOpenFileName(this, tr("Open design"), designFile_, tr("Chip design (*.json)"));
    if (name.isEmpty()) return;
    QFile f(name);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Open design"), tr("%1: cannot be read (%2)").arg(name, f.errorString()));
        return;
    }
    const QByteArray text = f.readAll();
    auto chip = chip_from_json(std::string_view(text.constData(), static_cast<size_t>(text.size())), name.toStdString());
    if (!chip) {
        QMessageBox::warning(this, tr("Open design"), QString::fromStdString(chip.error().message));
        return;
    }
    if (doc_->setDesign(chip.value())) designFile_ = name;
}

bool MainWindow::saveDesign(bool askForName) {
    QString name = designFile_;
    if (name.isEmpty() || askForName) {
        const QString suggested = QString::fromStdString(doc_->chip().id.empty() ? std::string("design") : doc_->chip().id) +
                                  QStringLiteral(".json");
        name = QFileDialog::getSaveFileName(this, tr("Save design"), designFile_.isEmpty() ? suggested : designFile_,
                                            tr("Chip design (*.json)"));
        if (name.isEmpty()) return false;
    }
    QSaveFile f(name);  // atomic: a crash never leaves half a file
    const std::string json = chip_to_json(doc_->chip());
    if (!f.open(QIODevice::WriteOnly) || f.write(json.data(), static_cast<qint64>(json.size())) < 0 || !f.commit()) {
        QMessageBox::warning(this, tr("Save design"), tr("%1: cannot be written (%2)").arg(name, f.errorString()));
        return false;
    }
    designFile_ = name;
    doc_->undoStack()->setClean();
    statusBar()->showMessage(tr("Saved %1; evaluate it headless with: scoville eval --chip %1").arg(name), 8000);
    return true;
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Scoville"),
                       tr("<h3>Scoville %1</h3><p>Design-space explorer for LLM-inference "
                          "accelerators: an analytical model of compute, memory and networking "
                          "with a roofline engine.</p>")
                           .arg(QStringLiteral(SCOVILLE_VERSION)));
}

void MainWindow::restoreSettings() {
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("mainWindow/geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        // First start: most of the screen, never larger than it.
        QSize size(1280, 800);
        if (const QScreen* s = screen()) {
            const QRect avail = s->availableGeometry();
            size = size.boundedTo(avail.size() * 0.95);
            if (avail.width() >= 1800) size = QSize(avail.width() * 85 / 100, avail.height() * 85 / 100);
            // The explain panel needs room beside four plots; on small screens it starts hidden.
            explainDock_->setVisible(avail.width() >= 1600);
        }
        resize(size);
        resizeDocks({parameterDock_}, {310}, Qt::Horizontal);
        if (explainDock_->isVisible()) resizeDocks({explainDock_}, {380}, Qt::Horizontal);
    }
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    event->accept();
}

}  // namespace scoville
