// The GUI on a session file: every edit is stored as it is made, undo and redo move the stored
// history and continue after a restart, the History panel goes back to any step as a new edit,
// designs are switchable and branchable, and a failed write is visible without losing the edit.
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <memory>

#include "app/mainwindow.hpp"
#include "app/sessioncontroller.hpp"
#include "core/hw/params.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"

using namespace scoville;

namespace {

double param(const ChipSpec& chip, const char* key) { return get_param(chip, key).value(); }

double stored(const SessionController& c, const char* key) {
    auto chip = c.session()->chip(c.currentDesign());
    return chip ? param(chip.value(), key) : -1;
}

}  // namespace

class TestSessions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleSessionTest"));
        QSettings().clear();
    }

    void init() {
        QVERIFY(dir_.isValid());
        file_ = dir_.filePath(QStringLiteral("t%1.scoville").arg(++n_));
        open();
    }
    void cleanup() { window_.reset(); }

    void aNewFileHoldsTheCurrentDesign() {
        // The document's design (jalapeno-est on first start) becomes the session's first design.
        QCOMPARE(ctl()->designNames(), QStringList{QStringLiteral("jalapeno-est")});
        QCOMPARE(ctl()->currentDesign(), QStringLiteral("jalapeno-est"));
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == doc()->chip());
        auto* state = window_->findChild<QToolButton*>(QStringLiteral("saveState"));
        QCOMPARE(state->text(), QStringLiteral("Saved"));
        // A click on it shows the designs and their history.
        auto* dock = window_->findChild<QWidget*>(QStringLiteral("sessionDock"));
        dock->hide();
        QTest::mouseClick(state, Qt::LeftButton);
        QVERIFY(dock->isVisible());
        QVERIFY(window_->windowTitle().contains(QStringLiteral("jalapeno-est")));
    }

    void everyEditIsStoredAndUndoMovesTheStoredPosition() {
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        const double clock1 = clock0 + 0.25;
        QVERIFY(doc()->setParam("compute.clock_ghz", clock1));
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock1);
        QCOMPARE(ctl()->session()->history(ctl()->currentDesign()).size(), 1);
        QCOMPARE(ctl()->session()->undoPosition(ctl()->currentDesign()), 1);

        doc()->undoStack()->undo();
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0);
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0);
        QCOMPARE(ctl()->session()->undoPosition(ctl()->currentDesign()), 0);

        doc()->undoStack()->redo();
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock1);
        QCOMPARE(ctl()->session()->undoPosition(ctl()->currentDesign()), 1);

        // A new edit after an undo drops the undone step in both histories: 1 kept + 1 new.
        doc()->undoStack()->undo();
        QVERIFY(doc()->setParam("hbm.stacks", param(doc()->chip(), "hbm.stacks") - 1));
        QCOMPARE(doc()->undoStack()->count(), 1);
        QCOMPARE(ctl()->session()->history(ctl()->currentDesign()).size(), 1);
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0);
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == doc()->chip());
    }

    void aSliderDragIsOneStoredStep() {
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        for (double d : {0.05, 0.10, 0.15, 0.20}) QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + d, true));
        doc()->finishInteraction();
        QCOMPARE(doc()->undoStack()->count(), 1);
        QCOMPARE(ctl()->session()->history(ctl()->currentDesign()).size(), 1);
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0 + 0.20);
        doc()->undoStack()->undo();
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0);
    }

    void aDragEndedByQuittingKeepsItsLastValue() {
        // Mid-drag writes are throttled; quitting writes the last value.
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        for (double d : {0.05, 0.10, 0.15}) QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + d, true));
        window_.reset();
        open();
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0 + 0.15);
        QCOMPARE(doc()->undoStack()->count(), 1);
    }

    void undoAndRedoContinueAfterARestart() {
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        const double stacks0 = param(doc()->chip(), "hbm.stacks");
        QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + 0.3));
        QVERIFY(doc()->setParam("hbm.stacks", stacks0 - 2));
        doc()->undoStack()->undo();  // the stacks edit is undone, still redoable

        window_.reset();  // quit (a kill would leave the same file: each edit is its own transaction)
        open();
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0 + 0.3);
        QCOMPARE(param(doc()->chip(), "hbm.stacks"), stacks0);
        QCOMPARE(doc()->undoStack()->count(), 2);
        QCOMPARE(doc()->undoStack()->index(), 1);

        doc()->undoStack()->redo();
        QCOMPARE(param(doc()->chip(), "hbm.stacks"), stacks0 - 2);
        QCOMPARE(ctl()->session()->undoPosition(ctl()->currentDesign()), 2);
        doc()->undoStack()->undo();
        doc()->undoStack()->undo();
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0);
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0);
        QCOMPARE(ctl()->session()->undoPosition(ctl()->currentDesign()), 0);
        QVERIFY(!doc()->undoStack()->canUndo());
    }

    void clickingAHistoryStepGoesBackAsANewEdit() {
        const ChipSpec original = doc()->chip();
        QVERIFY(doc()->setParam("compute.clock_ghz", param(original, "compute.clock_ghz") + 0.2));
        QVERIFY(doc()->setParam("hbm.stacks", param(original, "hbm.stacks") - 1));
        const ChipSpec edited = doc()->chip();

        auto* list = window_->findChild<QListView*>(QStringLiteral("historyList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 3);  // as first saved + 2 edits
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("first saved")));
        window_->findChild<QWidget*>(QStringLiteral("sessionDock"))->show();
        window_->findChild<QWidget*>(QStringLiteral("sessionDock"))->raise();
        QVERIFY(QTest::qWaitForWindowExposed(list));
        const QRect row0 = list->visualRect(list->model()->index(0, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row0.center());

        QVERIFY(doc()->chip() == original);
        QCOMPARE(doc()->undoStack()->count(), 3);  // the restore is one more undoable step
        // Two keys changed back: two stored entries, nothing of the earlier history lost.
        QCOMPARE(ctl()->session()->history(ctl()->currentDesign()).size(), 4);
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == original);
        doc()->undoStack()->undo();
        QVERIFY(doc()->chip() == edited);
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == edited);
    }

    void designsAreSwitchableAndBranchable() {
        const QString first = ctl()->currentDesign();
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        QVERIFY(ctl()->duplicateDesign(QStringLiteral("branch")));
        QCOMPARE(ctl()->currentDesign(), QStringLiteral("branch"));
        QCOMPARE(ctl()->designNames(), (QStringList{QStringLiteral("branch"), first}));
        QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + 0.4));
        doc()->setModel("llama-2-7b");

        auto* combo = window_->findChild<QComboBox*>(QStringLiteral("designCombo"));
        QCOMPARE(combo->count(), 2);
        QCOMPARE(combo->currentText(), QStringLiteral("branch"));
        const int firstIndex = combo->findText(first);
        combo->setCurrentIndex(firstIndex);
        emit combo->activated(firstIndex);
        QCOMPARE(ctl()->currentDesign(), first);
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0);
        QCOMPARE(doc()->state().model.id, std::string("llama-3.1-70b"));

        QVERIFY(ctl()->switchDesign(QStringLiteral("branch")));
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0 + 0.4);
        QCOMPARE(doc()->state().model.id, std::string("llama-2-7b"));
        // The branch's own history: created, then the clock edit (the model is not a chip edit).
        QCOMPARE(doc()->undoStack()->count(), 1);

        QVERIFY(ctl()->renameDesign(QStringLiteral("branch b")));
        QCOMPARE(ctl()->designNames(), (QStringList{QStringLiteral("branch b"), first}));
        QCOMPARE(doc()->state().model.id, std::string("llama-2-7b"));
        QVERIFY(ctl()->removeDesign());
        QCOMPARE(ctl()->designNames(), QStringList{first});
        QVERIFY(!ctl()->removeDesign());  // the last design stays
    }

    void workloadBaselineAndComparisonSurviveARestart() {
        doc()->setModel("mixtral-8x7b");
        Scenario sc = doc()->state().scenario;
        sc.input_len = 3000;
        sc.output_len = 500;
        doc()->setScenario(sc);
        doc()->setBaseline("h200-sxm");
        doc()->setReferences({"h100-sxm", "mi300x"});
        window_.reset();
        open();
        QCOMPARE(doc()->state().model.id, std::string("mixtral-8x7b"));
        QCOMPARE(doc()->state().scenario.input_len, 3000);
        QCOMPARE(doc()->state().scenario.output_len, 500);
        QCOMPARE(doc()->state().baseline_id, std::string("h200-sxm"));
        QCOMPARE(doc()->state().reference_ids, (std::vector<std::string>{"h100-sxm", "mi300x"}));
    }

    void notesAreStored() {
        QVERIFY(ctl()->setNotes(QStringLiteral("try 6 stacks on n3")));
        window_.reset();
        open();
        QCOMPARE(ctl()->notes(), QStringLiteral("try 6 stacks on n3"));
    }

    void exportThenImportIsLossless() {
        QVERIFY(doc()->setParam("compute.clock_ghz", param(doc()->chip(), "compute.clock_ghz") + 0.1));
        const ChipSpec chip = doc()->chip();
        const QString json = dir_.filePath(QStringLiteral("export%1.json").arg(n_));
        QVERIFY(ctl()->exportDesign(json));
        auto name = ctl()->importDesign(json);
        QVERIFY2(name.ok(), name.ok() ? "" : name.error().message.c_str());
        QCOMPARE(ctl()->currentDesign(), name.value());
        QCOMPARE(ctl()->designNames().size(), 2);
        QVERIFY(doc()->chip() == chip);
        QVERIFY(ctl()->session()->chip(name.value()).value() == chip);
    }

    void aBadImportIsRefusedNamingTheKey() {
        const QString json = dir_.filePath(QStringLiteral("bad%1.json").arg(n_));
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"id": "x", "compute": {"clock_ghz": -3}})");
        f.close();
        auto name = ctl()->importDesign(json);
        QVERIFY(!name.ok());
        QVERIFY2(QString::fromStdString(name.error().message).contains(QStringLiteral("clock_ghz")),
                 name.error().message.c_str());
        QCOMPARE(ctl()->designNames().size(), 1);
    }

    void aLockedFileShowsNotSavedAndKeepsTheEdit() {
        // Another program holds the write lock longer than the 2 s busy timeout.
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        other.setDatabaseName(file_);
        QVERIFY(other.open());
        QSqlQuery lock(other);
        QVERIFY2(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")), qPrintable(lock.lastError().text()));
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + 0.2));
        auto* state = window_->findChild<QToolButton*>(QStringLiteral("saveState"));
        QCOMPARE(state->text(), QStringLiteral("Not saved"));
        QVERIFY(!state->toolTip().isEmpty());
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0 + 0.2);  // the edit is kept
        QVERIFY(!ctl()->unsavedReason().isEmpty());

        QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
        lock = QSqlQuery();
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        ctl()->flush();
        QCOMPARE(state->text(), QStringLiteral("Saved"));
        QCOMPARE(stored(*ctl(), "compute.clock_ghz"), clock0 + 0.2);
    }

    void aForeignFileIsRefusedAndLeftUnchanged() {
        const QString foreign = dir_.filePath(QStringLiteral("notes%1.scoville").arg(n_));
        QFile f(foreign);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray bytes("this is not a session file\n");
        f.write(bytes);
        f.close();
        const QString before = ctl()->path();
        QVERIFY(!window_->openSessionFile(foreign, false));
        QCOMPARE(ctl()->path(), before);  // the open session stays
        QVERIFY(window_->statusBar()->currentMessage().contains(foreign));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);
    }

private:
    void open() {
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(window_->openSessionFile(file_, false));
    }
    SessionController* ctl() const { return window_->sessionController(); }
    DesignDocument* doc() const { return window_->document(); }

    QTemporaryDir dir_;
    QString file_;
    int n_ = 0;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestSessions)
#include "test_sessions.moc"
