// The GUI on a session file: every edit of every kind is stored as it is made, undo and redo move
// the stored history and continue after a restart, the History panel goes to any step, designs are
// switchable and branchable, the command line and the GUI share one history, and a failed write is
// visible without losing the edit.
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>
#include <memory>

#include "app/mainwindow.hpp"
#include "app/sessioncontroller.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/modeleditor.hpp"
#include "widgets/workloadbar.hpp"

using namespace scoville;

namespace {

double param(const ChipSpec& chip, const char* key) { return get_param(chip, key).value(); }

void writeText(const QString& path, const char* text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

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

    void clickingAHistoryStepGoesToIt() {
        const ChipSpec original = doc()->chip();
        QVERIFY(doc()->setParam("compute.clock_ghz", param(original, "compute.clock_ghz") + 0.2));
        QVERIFY(doc()->setParam("hbm.stacks", param(original, "hbm.stacks") - 1));
        const ChipSpec edited = doc()->chip();

        auto* list = window_->findChild<QListView*>(QStringLiteral("historyList"));
        QVERIFY(list);
        QCOMPARE(list->model()->rowCount(), 3);  // as first saved + 2 steps
        QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("first saved")));
        window_->findChild<QWidget*>(QStringLiteral("sessionDock"))->show();
        window_->findChild<QWidget*>(QStringLiteral("sessionDock"))->raise();
        QVERIFY(QTest::qWaitForWindowExposed(list));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());

        // Back to the start through undo: the steps stay, as redo.
        QVERIFY(doc()->chip() == original);
        QCOMPARE(doc()->undoStack()->count(), 2);
        QCOMPARE(doc()->undoStack()->index(), 0);
        QCOMPARE(ctl()->session()->stepPosition(ctl()->currentDesign()), 0);
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == original);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(2, 0)).center());
        QVERIFY(doc()->chip() == edited);
        QVERIFY(ctl()->session()->chip(ctl()->currentDesign()).value() == edited);
        QCOMPARE(ctl()->session()->stepPosition(ctl()->currentDesign()), 2);
    }

    // The Done-when of one history: a workload, a baseline and a chip change survive a restart and
    // undo in order; the History list shows every kind.
    void everyKindOfEditUndoesInOrderAfterARestart() {
        const std::string model0 = doc()->state().model.id;
        const std::string baseline0 = doc()->state().baseline_id;
        const double clock0 = param(doc()->chip(), "compute.clock_ghz");
        doc()->setModel("mixtral-8x7b");
        doc()->setBaseline("h100-sxm");
        QVERIFY(doc()->setParam("compute.clock_ghz", clock0 + 0.1));
        QCOMPARE(doc()->undoStack()->undoText(), QStringLiteral("Clock %1 \u2192 %2 GHz")
                                                     .arg(QString::number(clock0, 'g', 6), QString::number(clock0 + 0.1, 'g', 6)));

        window_.reset();
        open();
        QCOMPARE(doc()->state().model.id, std::string("mixtral-8x7b"));
        QCOMPARE(doc()->undoStack()->count(), 3);
        auto* list = window_->findChild<QListView*>(QStringLiteral("historyList"));
        QCOMPARE(list->model()->rowCount(), 4);
        QCOMPARE(list->model()->index(1, 0).data().toString(),
                 QStringLiteral("Model %1 \u2192 mixtral-8x7b").arg(QString::fromStdString(model0)));
        QCOMPARE(list->model()->index(2, 0).data().toString(),
                 QStringLiteral("Baseline %1 \u2192 h100-sxm").arg(QString::fromStdString(baseline0)));
        QVERIFY(list->model()->index(3, 0).data().toString().startsWith(QStringLiteral("Clock ")));

        doc()->undoStack()->undo();
        QCOMPARE(param(doc()->chip(), "compute.clock_ghz"), clock0);
        QCOMPARE(doc()->state().baseline_id, std::string("h100-sxm"));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().baseline_id, baseline0);
        QCOMPARE(doc()->state().model.id, std::string("mixtral-8x7b"));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().model.id, model0);
        QVERIFY(!doc()->undoStack()->canUndo());
        // The file followed every undo.
        const auto stored = ctl()->session()->values(ctl()->currentDesign());
        QCOMPARE(stored->model_id, model0);
        QCOMPARE(stored->baseline_id, baseline0);
        QCOMPARE(ctl()->session()->stepPosition(ctl()->currentDesign()), 0);
    }

    // Arrow keys on a slider make one step per run of presses, like a drag.
    void arrowKeysOnASliderMakeOneStep() {
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.cores:slider"));
        QVERIFY(slider);
        const double cores0 = param(doc()->chip(), "compute.cores");
        slider->setFocus();
        for (int i = 0; i < 5; ++i) QTest::keyClick(slider, Qt::Key_PageUp);
        QVERIFY(param(doc()->chip(), "compute.cores") > cores0);
        QCOMPARE(doc()->undoStack()->count(), 1);
        // Stored as one step too, with the run's last value once the run pauses.
        const std::string last = std::to_string(static_cast<int>(param(doc()->chip(), "compute.cores")));
        auto storedSteps = [&] { return ctl()->session()->steps(ctl()->currentDesign()); };
        QTRY_VERIFY_WITH_TIMEOUT(storedSteps().size() == 1 && storedSteps().front().edits.front().new_value == last, 3000);
        QCOMPARE(storedSteps().front().edits.size(), size_t(1));
        // After a pause the next run is a new step.
        QTest::qWait(1000);
        QTest::keyClick(slider, Qt::Key_PageDown);
        QCOMPARE(doc()->undoStack()->count(), 2);
        doc()->undoStack()->undo();
        doc()->undoStack()->undo();
        QCOMPARE(param(doc()->chip(), "compute.cores"), cores0);
    }

    // One history for the command line and the GUI: an edit made with `scoville session edit`
    // while the GUI is closed is undone in the GUI, and an edit made in the GUI is undone with
    // `scoville session undo`.
    void theCommandLineAndTheGuiShareOneHistory() {
        const QString design = ctl()->currentDesign();
        QVERIFY(doc()->setParam("compute.clock_ghz", param(doc()->chip(), "compute.clock_ghz") + 0.2));
        const ChipSpec guiEdited = doc()->chip();
        window_.reset();

        QProcess cli;
        cli.start(QStringLiteral(SCOVILLE_BINARY),
                  {QStringLiteral("session"), QStringLiteral("edit"), file_, design, QStringLiteral("--set"),
                   QStringLiteral("workload.model=llama-2-7b"), QStringLiteral("--set"), QStringLiteral("baseline=mi300x")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

        open();
        QCOMPARE(doc()->state().model.id, std::string("llama-2-7b"));
        QCOMPARE(doc()->state().baseline_id, std::string("mi300x"));
        QCOMPARE(doc()->undoStack()->count(), 2);
        doc()->undoStack()->undo();  // the command line's step, whole
        QCOMPARE(doc()->state().baseline_id, std::string("b200"));
        QVERIFY(doc()->state().model.id != "llama-2-7b");
        QVERIFY(doc()->chip() == guiEdited);
        window_.reset();

        cli.start(QStringLiteral(SCOVILLE_BINARY), {QStringLiteral("session"), QStringLiteral("undo"), file_, design});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY2(cli.readAllStandardOutput().contains("undid step 1"), "the GUI's clock edit is step 1");
        open();
        QVERIFY(!doc()->undoStack()->canUndo());
        QCOMPARE(doc()->undoStack()->count(), 2);
        doc()->undoStack()->redo();
        QVERIFY(doc()->chip() == guiEdited);
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
        // The branch's own history: the clock edit and the model edit.
        QCOMPARE(doc()->undoStack()->count(), 2);

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

    void aModelFromAFileIsTheDesignsOwnAndSurvivesARestart() {
        // DeepSeek-V2-Lite's published config.json (deepseek-ai/DeepSeek-V2-Lite), its architecture keys: a model
        // the library does not hold. DeepSeek's model card: 15.7B parameters.
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("DeepSeek-V2-Lite")));
        const QString config = dir_.filePath(QStringLiteral("DeepSeek-V2-Lite/config.json"));
        writeText(config, R"({"architectures": ["DeepseekV2ForCausalLM"], "model_type": "deepseek_v2",
            "first_k_dense_replace": 1, "hidden_size": 2048, "intermediate_size": 10944, "kv_lora_rank": 512,
            "max_position_embeddings": 163840, "moe_intermediate_size": 1408, "moe_layer_freq": 1,
            "n_routed_experts": 64, "n_shared_experts": 2, "num_attention_heads": 16, "num_experts_per_tok": 6,
            "num_hidden_layers": 27, "num_key_value_heads": 16, "q_lora_rank": null, "qk_nope_head_dim": 128,
            "qk_rope_head_dim": 64, "v_head_dim": 128, "vocab_size": 102400})");
        const QString design = ctl()->currentDesign();
        const std::string libraryModel = doc()->state().model.id;
        auto* bar = window_->findChild<WorkloadBar*>(QStringLiteral("workloadBar"));
        auto* combo = window_->findChild<QComboBox*>(QStringLiteral("workload:model"));
        QVERIFY(bar && combo);
        const int listed = combo->count();  // the library's models, a separator and the load item
        QVERIFY(bar->loadModelFile(config));
        QCOMPARE(doc()->state().model.id, std::string("deepseek-v2-lite"));
        QCOMPARE(doc()->state().model.moe.experts, 64);
        QVERIFY(std::abs(doc()->state().model.parameters() / 1e9 - 15.7) < 0.01 * 15.7);
        QCOMPARE(combo->currentText(), QStringLiteral("deepseek-v2-lite (own model)"));
        QCOMPARE(combo->count(), listed + 1);
        QVERIFY2(doc()->evaluation().ok(), doc()->evaluation().ok() ? "" : doc()->evaluation().error().message.c_str());
        const double tokens = doc()->evaluation()->serving.throughput_tokens_per_s;
        QVERIFY(tokens > 0);

        // The session keeps the whole model: after a restart it evaluates the same.
        window_.reset();
        open();
        QCOMPARE(doc()->state().model.id, std::string("deepseek-v2-lite"));
        QVERIFY(!doc()->state().model_json.empty());
        QCOMPARE(doc()->evaluation()->serving.throughput_tokens_per_s, tokens);
        combo = window_->findChild<QComboBox*>(QStringLiteral("workload:model"));
        QCOMPARE(combo->currentText(), QStringLiteral("deepseek-v2-lite (own model)"));
        // The command line reads it from the session too.
        QProcess cli;
        cli.start(QStringLiteral(SCOVILLE_BINARY), {QStringLiteral("session"), QStringLiteral("show"), file_, design,
                                                    QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QJsonObject shown = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(shown[QStringLiteral("workload")][QStringLiteral("model")].toString(), QStringLiteral("deepseek-v2-lite"));
        QCOMPARE(shown[QStringLiteral("workload")][QStringLiteral("model_spec")][QStringLiteral("moe")][QStringLiteral("experts")].toInt(), 64);

        // One undoable step, which reads as the models' names; undo takes the list back to the library's.
        QCOMPARE(doc()->undoStack()->count(), 1);
        QCOMPARE(doc()->undoStack()->text(0), QStringLiteral("Model %1 → deepseek-v2-lite").arg(QString::fromStdString(libraryModel)));
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().model.id, libraryModel);
        QVERIFY(doc()->state().model_json.empty());
        QCOMPARE(combo->count(), listed);
        QCOMPARE(combo->currentData().toString(), QString::fromStdString(libraryModel));
        doc()->undoStack()->redo();
        QCOMPARE(combo->currentText(), QStringLiteral("deepseek-v2-lite (own model)"));

        // A file that is no model is refused visibly and changes nothing.
        const QString t5 = dir_.filePath(QStringLiteral("t5.json"));
        writeText(t5, R"({"model_type": "t5", "d_model": 512})");
        bar = window_->findChild<WorkloadBar*>(QStringLiteral("workloadBar"));  // the restarted window's
        QVERIFY(!bar->loadModelFile(t5));
        QCOMPARE(doc()->state().model.id, std::string("deepseek-v2-lite"));
        QVERIFY2(window_->statusBar()->currentMessage().contains(QStringLiteral("'model_type' \"t5\" is not one")),
                 qPrintable(window_->statusBar()->currentMessage()));

        // `session edit --set workload.model=FILE` makes a file's model the design's own from the command line.
        window_.reset();
        cli.start(QStringLiteral(SCOVILLE_BINARY),
                  {QStringLiteral("session"), QStringLiteral("edit"), file_, design, QStringLiteral("--set"),
                   QStringLiteral("workload.model=") + config});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        QVERIFY2(cli.readAllStandardOutput().contains("nothing changed"), "the same model again changes nothing");
        cli.start(QStringLiteral(SCOVILLE_BINARY),
                  {QStringLiteral("session"), QStringLiteral("edit"), file_, design, QStringLiteral("--set"),
                   QStringLiteral("workload.model=mixtral-8x7b")});
        QVERIFY(cli.waitForFinished(30000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        open();
        QCOMPARE(doc()->state().model.id, std::string("mixtral-8x7b"));
        QVERIFY(doc()->state().model_json.empty());
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().model.id, std::string("deepseek-v2-lite"));
    }

    void theModelsFormMakesAVariantTheDesignsOwn() {
        // Llama 3.1 70B with 4 KV heads where it has 8: half the KV cache a token, so more requests fit.
        auto* bar = window_->findChild<WorkloadBar*>(QStringLiteral("workloadBar"));
        QVERIFY(bar);
        const ModelSpec library = doc()->state().model;
        QCOMPARE(library.id, std::string("llama-3.1-70b"));
        QCOMPARE(library.kv_heads, 8);
        QVERIFY(doc()->evaluation().ok());
        const double before = doc()->evaluation()->serving.throughput_tokens_per_s;
        ModelEditor* editor = bar->editModel();
        QVERIFY(editor && editor->isVisible());
        auto* kv = editor->findChild<QSpinBox*>(QStringLiteral("model:kv_heads"));
        auto* id = editor->findChild<QLineEdit*>(QStringLiteral("model:id"));
        QVERIFY(kv && id);
        QCOMPARE(kv->value(), 8);
        // 70.55 B parameters (the library's count); 7 KV heads do not divide 64 query heads: refused, OK off.
        QVERIFY2(editor->statusText().contains(QStringLiteral("70.55 billion parameters")), qPrintable(editor->statusText()));
        QVERIFY2(!editor->statusText().contains(QStringLiteral("MTP")), qPrintable(editor->statusText()));
        // An MTP module of its kind: one layer, attention 8192 x 8192 x 2 + 2 x 8192 x 1024 = 150,994,944, SwiGLU
        // 3 x 8192 x 28672 = 704,643,072, the 2 x 8192 x 8192 = 134,217,728 projection, 5 x 8192 norms: 0.99 B more.
        auto* mtp = editor->findChild<QSpinBox*>(QStringLiteral("model:mtp_layers"));
        QVERIFY(mtp);
        mtp->setValue(1);
        QVERIFY2(editor->statusText().contains(QStringLiteral("its MTP modules 0.99 billion more")),
                 qPrintable(editor->statusText()));
        mtp->setValue(0);
        kv->setValue(7);
        QVERIFY(!editor->isValid());
        QVERIFY2(editor->statusText().contains(QStringLiteral("must be a multiple of 'kv_heads'")),
                 qPrintable(editor->statusText()));
        QVERIFY(!editor->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled());
        kv->setValue(4);
        QVERIFY(editor->isValid());
        // 4 fewer KV heads of 128 in 80 layers' K and V projections: 2 x 80 x 8192 x 512 = 0.67 B fewer.
        QVERIFY2(editor->statusText().contains(QStringLiteral("69.88 billion parameters")), qPrintable(editor->statusText()));
        id->setText(QStringLiteral("llama-3.1-70b-kv4"));
        editor->accept();
        QCOMPARE(doc()->state().model.id, std::string("llama-3.1-70b-kv4"));
        QCOMPARE(doc()->state().model.kv_heads, 4);
        QVERIFY(!doc()->state().model_json.empty());
        auto* combo = window_->findChild<QComboBox*>(QStringLiteral("workload:model"));
        QCOMPARE(combo->currentText(), QStringLiteral("Llama 3.1 70B (own model)"));
        QVERIFY(doc()->evaluation().ok());
        QVERIFY(doc()->evaluation()->serving.throughput_tokens_per_s > before);
        // Stored with the design; File > Export Model writes it as a model file the command line reads.
        QVERIFY(ctl()->session()->values(ctl()->currentDesign())->model_json == doc()->state().model_json);
        const QString exported = dir_.filePath(QStringLiteral("llama-3.1-70b-kv4.json"));
        QVERIFY(ctl()->exportModel(exported).ok());
        const auto read = load_model(stext(exported));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QVERIFY(*read == doc()->state().model);
        QVERIFY(window_->findChild<QAction*>(QStringLiteral("actionExportModel")));
        // One undo takes the library's model back.
        doc()->undoStack()->undo();
        QVERIFY(doc()->state().model == library);
        QCOMPARE(doc()->evaluation()->serving.throughput_tokens_per_s, before);
    }

    void theModelsFormEditsALayerPattern() {
        // Nemotron 3 Nano: one block a layer as its pattern gives them. Its last layer an MLP in place of MoE: one
        // MoE layer's experts fewer (130 x 9,977,856 + the router 344,064 = 1,297.47 M) and an MLP of the (unused)
        // dense size set here, 2 x 2688 x 1856 = 9.98 M: 31.58 - 1.30 + 0.01 = 30.29 B.
        doc()->setModel("nemotron-3-nano-30b-a3b");
        auto* bar = window_->findChild<WorkloadBar*>(QStringLiteral("workloadBar"));
        QVERIFY(bar);
        ModelEditor* editor = bar->editModel();
        QVERIFY(editor && editor->isVisible());
        auto* pattern = editor->findChild<QLineEdit*>(QStringLiteral("model:layer_pattern"));
        auto* ffn = editor->findChild<QSpinBox*>(QStringLiteral("model:ffn"));
        QVERIFY(pattern && ffn);
        QCOMPARE(pattern->text(), QStringLiteral("MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME"));
        QVERIFY2(editor->statusText().contains(QStringLiteral("31.58 billion parameters")), qPrintable(editor->statusText()));
        // One block short of the 52 layers: refused, naming both.
        pattern->setText(pattern->text().chopped(1));
        QVERIFY(!editor->isValid());
        QVERIFY2(editor->statusText().contains(QStringLiteral("'layer_pattern' gives 51 layers but 'layers' is 52")),
                 qPrintable(editor->statusText()));
        // An MLP layer needs a dense FFN size.
        pattern->setText(pattern->text() + QLatin1Char('-'));
        QVERIFY2(editor->statusText().contains(QStringLiteral("'ffn' = 0 is out of range")), qPrintable(editor->statusText()));
        ffn->setValue(1856);
        QVERIFY2(editor->isValid(), qPrintable(editor->statusText()));
        QVERIFY2(editor->statusText().contains(QStringLiteral("30.29 billion parameters")), qPrintable(editor->statusText()));
        editor->accept();
        QCOMPARE(doc()->state().model.layer_pattern, std::string("MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEM-"));
        QCOMPARE(doc()->state().model.moe_layer_count(), 22);
        QVERIFY(doc()->evaluation().ok());
        doc()->undoStack()->undo();
        QCOMPARE(doc()->state().model.id, std::string("nemotron-3-nano-30b-a3b"));
        QCOMPARE(doc()->state().model.moe_layer_count(), 23);
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
