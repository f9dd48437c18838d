// The main window: docks, menus and actions exist by objectName; geometry is remembered; every
// control is reachable with the keyboard.
#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

#include <sstream>

#include "app/cli/cli.hpp"
#include "app/mainwindow.hpp"

using scoville::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        // Settings of their own: the other GUI suites, run beside this one, save their windows' geometry too.
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleTestMainWindow"));
        QSettings().clear();
    }

    void hasDocksMenusAndActions() {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* dock = w.findChild<QDockWidget*>(QStringLiteral("parameterDock"));
        QVERIFY(dock);
        QCOMPARE(w.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
        for (const char* name : {"fileMenu", "editMenu", "viewMenu", "helpMenu"})
            QVERIFY2(w.findChild<QMenu*>(QString::fromLatin1(name)), name);
        for (const char* name : {"actionUndo", "actionRedo", "actionAbout", "actionQuit"})
            QVERIFY2(w.findChild<QAction*>(QString::fromLatin1(name)), name);
        QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionUndo"))->shortcut(), QKeySequence(QKeySequence::Undo));
    }

    // A 1366x768 laptop: the window as first built, before any resize has fitted the summary cards
    // to the width, asks for no more than the screen, so it is not shown wider than the screen.
    void theFirstWindowFitsALaptopScreen() {
        MainWindow w;
        const QSize min = w.minimumSizeHint();
        QVERIFY2(min.width() <= 1366, qPrintable(QString::number(min.width())));
        QVERIFY2(min.height() <= 768 - 40, qPrintable(QString::number(min.height())));  // room for a panel
    }

    void rooflineIsLogLogWithUnits() {
        MainWindow w;
        auto* plot = w.findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        QVERIFY(plot);
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(plot->xAxis->label().contains(QStringLiteral("FLOP/byte")));
        QVERIFY(plot->yAxis->label().contains(QStringLiteral("TFLOP/s")));
    }

    void everyControlIsReachableByTab() {
        QTemporaryDir dir;
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        for (const char* name : {"parameterDock", "sessionDock"}) w.findChild<QDockWidget*>(QLatin1String(name))->show();
        w.findChild<QDockWidget*>(QStringLiteral("sessionDock"))->raise();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.openSessionFile(dir.filePath(QStringLiteral("tab.scoville")), false));
        QApplication::setActiveWindow(&w);
        auto* search = w.findChild<QWidget*>(QStringLiteral("paramSearch"));
        search->setFocus(Qt::OtherFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), search);

        // Tab through the whole window once, back to where it started.
        QSet<QWidget*> reached;
        for (int i = 0; i < 5000; ++i) {
            QWidget* focus = QApplication::focusWidget();
            QVERIFY(focus);
            reached.insert(focus);
            QTest::keyClick(focus, Qt::Key_Tab);
            if (QApplication::focusWidget() == search) break;
        }
        QCOMPARE(QApplication::focusWidget(), search);

        // Every visible, enabled control the user edits is in that cycle.
        int controls = 0;
        const auto all = w.findChildren<QWidget*>();
        for (QWidget* c : all) {
            const bool control = qobject_cast<QAbstractSpinBox*>(c) || qobject_cast<QSlider*>(c) ||
                                 qobject_cast<QComboBox*>(c) || qobject_cast<QLineEdit*>(c) ||
                                 qobject_cast<QListView*>(c) || qobject_cast<QPlainTextEdit*>(c) ||
                                 qobject_cast<QAbstractButton*>(c);
            if (!control || !c->isVisibleTo(&w) || !c->isEnabled() || !c->isVisible()) continue;
            if (qobject_cast<QLineEdit*>(c) && qobject_cast<QAbstractSpinBox*>(c->parentWidget())) continue;
            if (qobject_cast<QLineEdit*>(c) && qobject_cast<QComboBox*>(c->parentWidget())) continue;
            if (c->focusPolicy() == Qt::NoFocus && qobject_cast<QAbstractButton*>(c)) {
                // Dock title buttons and tool-bar extensions: reached through menus instead.
                continue;
            }
            ++controls;
            QVERIFY2(reached.contains(c), qPrintable(QStringLiteral("%1 (%2) is not reachable by Tab")
                                                         .arg(c->objectName(), QLatin1String(c->metaObject()->className()))));
        }
        QVERIFY2(controls > 60, qPrintable(QString::number(controls)));  // parameters, workload, session panel
    }

    void aSessionFileArgumentStartsTheGuiOnIt() {
        namespace cli = scoville::cli;
        std::ostringstream out, err;
        const char* gui[] = {"scoville", "work.scoville"};
        const auto o = cli::run(2, gui, out, err);
        QVERIFY(o.mode == cli::Mode::gui);
        QCOMPARE(o.session_file, std::string("work.scoville"));
        // Sub-commands still win over the file argument.
        const char* models[] = {"scoville", "models"};
        const auto m = cli::run(2, models, out, err);
        QVERIFY(m.mode == cli::Mode::done);
        QCOMPARE(m.exit_code, 0);
        QVERIFY(out.str().find("llama-2-70b") != std::string::npos);
        // A mistyped command is not taken for a new session file.
        const char* typo[] = {"scoville", "evl"};
        const auto e = cli::run(2, typo, out, err);
        QVERIFY(e.mode == cli::Mode::done);
        QCOMPARE(e.exit_code, 2);
        QVERIFY(err.str().find("'evl' is neither a command nor a session file") != std::string::npos);
        const char* two[] = {"scoville", "a.scoville", "b.scoville"};
        const auto t = cli::run(3, two, out, err);
        QVERIFY(t.mode == cli::Mode::done);
        QCOMPARE(t.exit_code, 2);
    }

    void geometryIsRemembered() {
        {
            MainWindow w;
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            w.resize(1000, 700);
            w.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(1000, 700));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_mainwindow.moc"
