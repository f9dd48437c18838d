// The main window: docks, menus and actions exist by objectName; geometry is remembered.
#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"

using scoville::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleTest"));
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

    void rooflineIsLogLogWithUnits() {
        MainWindow w;
        auto* plot = w.findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        QVERIFY(plot);
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(plot->xAxis->label().contains(QStringLiteral("FLOP/byte")));
        QVERIFY(plot->yAxis->label().contains(QStringLiteral("TFLOP/s")));
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
