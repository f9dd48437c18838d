#include "app/mainwindow.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "widgets/rooflineview.hpp"

namespace scoville {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), undoStack_(new QUndoStack(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Scoville"));

    roofline_ = new RooflineView(this);
    setCentralWidget(roofline_);

    parameterDock_ = new QDockWidget(tr("Parameters"), this);
    parameterDock_->setObjectName(QStringLiteral("parameterDock"));
    parameterDock_->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    auto* placeholder = new QWidget(parameterDock_);
    placeholder->setObjectName(QStringLiteral("parameterPanel"));
    parameterDock_->setWidget(placeholder);
    addDockWidget(Qt::LeftDockWidgetArea, parameterDock_);

    createActions();
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->showMessage(tr("Ready"));
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    QAction* undo = undoStack_->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undoStack_->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction* toggleParams = parameterDock_->toggleViewAction();
    toggleParams->setObjectName(QStringLiteral("actionToggleParameters"));
    view->addAction(toggleParams);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction* about = help->addAction(tr("&About Scoville"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
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
    if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1280, 800);
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
