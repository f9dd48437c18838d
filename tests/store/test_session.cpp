// The Session API: every stored field survives a reopen, history and the undo position survive a
// restart, design JSON round-trips losslessly, and failed writes (locked file, full disk,
// read-only) report the cause, keep the in-memory state and leave nothing half-written.
#include <sys/stat.h>
#include <unistd.h>
#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <cmath>
#include <limits>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/workload/scenario_keys.hpp"
#include "core/library/library.hpp"
#include "core/workload/model.hpp"
#include "store/history_model.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"
#include "support/test_chips.hpp"

using namespace scoville;
using namespace scoville::store;

namespace {

std::unique_ptr<Session> openOrFail(const QString& path, Session::Options options = {}) {
    auto s = Session::open(path, options);
    if (!s) qWarning("%s", s.error().message.c_str());
    return s ? std::move(*s) : nullptr;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

QString message(const Status& st) {
    return st ? QString() : QString::fromStdString(st.error().message);
}

WorkloadRecord chatWorkload() {
    WorkloadRecord w;
    w.name = QStringLiteral("chat");
    w.modelId = QStringLiteral("mixtral-8x7b");  // MoE, 8 experts: ep = 4 is valid
    w.scenario.batch = 64;
    w.scenario.input_len = 4096;
    w.scenario.output_len = 512;
    w.scenario.weight_precision = Precision::fp8;
    w.scenario.activation_precision = Precision::fp8;
    w.scenario.kv_precision = Precision::fp4;
    w.scenario.chips = 16;
    w.scenario.tp = 8;
    w.scenario.pp = 2;
    w.scenario.ep = 4;
    w.scenario.input_len_cv = 0.77;   // a spread of lengths round-trips too
    w.scenario.output_len_cv = 0.79;
    w.scenario.ttft_slo_s = 0.75;
    w.scenario.tpot_slo_s = 0.04;
    // The serving keys of schema 6 (stored key by key) round-trip too.
    w.scenario.attention_dp = 1;
    w.scenario.max_tokens_per_step = 4096;
    w.scenario.max_batch = 896;
    w.scenario.kv_allocation = KvAllocation::on_demand;
    w.scenario.host_us_per_request = 9;
    w.scenario.spec_tokens = 2;
    w.scenario.spec_accept = 0.7;
    w.scenario.expert_imbalance = 1.3;
    w.scenario.comm_overlap = 0.5;
    return w;
}

}  // namespace

class TestSession : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString file(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private slots:
    void roundTripsEveryField() {
        const QString path = file("every.scoville");
        const ChipSpec chip = store_test::everyFieldChip();
        const WorkloadRecord chat = chatWorkload();
        WorkloadRecord custom;
        custom.name = QStringLiteral("custom model");
        custom.modelJson = QString::fromStdString(model_to_json(*load_model("llama-2-7b")));
        custom.scenario.batch = 0;  // auto
        Comparison cmp;
        cmp.name = QStringLiteral("vs hopper");
        cmp.members = {QStringLiteral("design:mine"), QStringLiteral("chip:h100-sxm"),
                       QStringLiteral("chip:h200-sxm")};
        cmp.baseline = QStringLiteral("chip:h100-sxm");
        cmp.workload = QStringLiteral("chat");
        SweepResult sweep;
        sweep.name = QStringLiteral("clock x stacks");
        sweep.design = QStringLiteral("mine");
        sweep.workload = QStringLiteral("chat");
        sweep.spec = QStringLiteral("--vary compute.clock_ghz=1:2:3 --vary hbm.stacks=4:8:2");
        sweep.paramKeys = {QStringLiteral("compute.clock_ghz"), QStringLiteral("hbm.stacks")};
        sweep.objectiveKeys = {QStringLiteral("throughput_tokens_per_s"), QStringLiteral("ttft_s")};
        for (double clock : {1.0, 1.5, 2.0})
            for (double stacks : {4.0, 8.0})
                sweep.rows.push_back({{clock, stacks}, {clock * stacks * 1000.0 / 3.0, 0.1 / clock}});
        // A point that misses a constraint, and one that does not evaluate (no objective applies).
        sweep.rows[1].status = PointStatus::violates;
        sweep.rows[1].note = QStringLiteral("die_area_mm2<=800");
        sweep.rows[2].status = PointStatus::failed;
        sweep.rows[2].note = QStringLiteral("model 'x' does not fit on chip 'y', with a comma");
        sweep.rows[2].objectives = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
        {
            auto s = openOrFail(path);
            QVERIFY(s);
            QVERIFY(s->saveDesign(QStringLiteral("mine"), chip).ok());
            QVERIFY(s->setNotes(QStringLiteral("mine"), QStringLiteral("line one\nline two, with 'quotes'"))
                        .ok());
            QVERIFY(s->workloads().save(chat).ok());
            // The design's own workload, baseline and compared chips: one step of its history.
            QVERIFY(s->applyAssignments(QStringLiteral("mine"),
                                        {QStringLiteral("workload.model=mixtral-8x7b"), QStringLiteral("workload.ep=2"),
                                         QStringLiteral("baseline=b200"), QStringLiteral("compared=b200,tpu-v7")})
                        .ok());
            QVERIFY(s->workloads().save(custom).ok());
            QVERIFY(s->comparisons().save(cmp).ok());
            QVERIFY(s->sweeps().save(sweep).ok());
        }
        // A session is an ordinary document: readable by group and others like any file SQLite
        // creates (0644 less the umask; the umask never removes the owner's read and write).
        QVERIFY(QFile::permissions(path).testFlag(QFile::ReadOwner) &&
                QFile::permissions(path).testFlag(QFile::WriteOwner));
        const mode_t mask = ::umask(0);
        ::umask(mask);
        QCOMPARE(QFile::permissions(path).testFlag(QFile::ReadOther), (mask & S_IROTH) == 0);
        auto s = openOrFail(path);
        QVERIFY(s);
        QCOMPARE(s->designNames(), QStringList{QStringLiteral("mine")});
        QVERIFY(*s->chip(QStringLiteral("mine")) == chip);
        QCOMPARE(s->notes(QStringLiteral("mine")), QStringLiteral("line one\nline two, with 'quotes'"));
        const auto v = s->values(QStringLiteral("mine"));
        QVERIFY(v.ok());
        QCOMPARE(v->baseline_id, std::string("b200"));
        QCOMPARE(v->model_id, std::string("mixtral-8x7b"));
        QCOMPARE(v->scenario.ep, 2);
        QCOMPARE(v->compared_ids, (std::vector<std::string>{"b200", "tpu-v7"}));
        QCOMPARE(s->steps(QStringLiteral("mine")).size(), 1);
        QCOMPARE(s->steps(QStringLiteral("mine"))[0].edits.size(), size_t(4));
        // The design's workload and comparison are records named after it.
        QCOMPARE(s->workloads().names(),
                 (QStringList{QStringLiteral("chat"), QStringLiteral("custom model"), QStringLiteral("mine")}));
        QCOMPARE(s->comparisons().get(QStringLiteral("mine"))->members,
                 (QStringList{QStringLiteral("chip:b200"), QStringLiteral("chip:tpu-v7")}));
        QVERIFY(*s->workloads().get(QStringLiteral("chat")) == chat);
        QVERIFY(*s->workloads().get(QStringLiteral("custom model")) == custom);
        auto c = s->comparisons().get(QStringLiteral("vs hopper"));
        QVERIFY(c.ok());
        QVERIFY(c->created.isValid());
        cmp.created = c->created;
        QVERIFY(*c == cmp);
        auto sw = s->sweeps().get(QStringLiteral("clock x stacks"));
        QVERIFY(sw.ok());
        sweep.created = sw->created;
        QVERIFY(*sw == sweep);  // exact doubles: 1000/3 and 0.1/1.5 have no short decimal form
        QCOMPARE(sw->rows[1].status, PointStatus::violates);
        QVERIFY(std::isnan(sw->rows[2].objectives[0]));
        {
            QSqlQuery nulls(QSqlDatabase::database(s->connectionName()));
            QVERIFY(nulls.exec(QStringLiteral("SELECT objective_values, status FROM sweep_rows WHERE row = 2")) &&
                    nulls.next());
            QCOMPARE(nulls.value(0).toString(), QStringLiteral("[null,null]"));
            QCOMPARE(nulls.value(1).toString(), QStringLiteral("failed"));
        }
        // The key/value rows mirror the chip: 132 cores, 1.83 GHz.
        QSqlQuery q(QSqlDatabase::database(s->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM design_params WHERE key = 'compute.clock_ghz'")) &&
                q.next());
        QCOMPARE(q.value(0).toDouble(), 1.83);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM design_params")) && q.next());
        QCOMPARE(q.value(0).toInt(), static_cast<int>(chip_params().size()));
        // Workloads are stored key by key: every workload key for each of the three workloads.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM workload_params")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3 * static_cast<int>(workload_keys().size()));
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM workload_params WHERE key = 'kv_allocation'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("on_demand"));
        // A key this build does not know (written by a newer one) is left alone; a known key with a bad
        // value is refused naming it.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO workload_params SELECT id, 'future_key', '7' FROM workloads"
                                      " WHERE name = 'chat'")));
        QVERIFY(*s->workloads().get(QStringLiteral("chat")) == chat);
        QVERIFY(q.exec(QStringLiteral("UPDATE workload_params SET value = 'lazy' WHERE key = 'kv_allocation'")));
        const auto bad = s->workloads().get(QStringLiteral("chat"));
        QVERIFY(!bad.ok());
        QVERIFY2(QString::fromStdString(bad.error().message).contains(QStringLiteral("workload 'kv_allocation'")),
                 bad.error().message.c_str());
    }

    void refusesBadWorkloadsNamingTheInput_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown model id") << "model"
                                          << "no-such-model";
        QTest::newRow("ep on a dense model") << "ep"
                                             << "needs a mixture-of-experts model";
        QTest::newRow("chips not a multiple of tp x pp") << "chips"
                                                         << "chips (12) must be a multiple of tp x attention_dp x pp (16)";
        QTest::newRow("negative latency limit") << "slo"
                                                << "ttft_slo";
        QTest::newRow("negative spread of lengths") << "spread"
                                                    << "output_len_cv = -0.5";
        QTest::newRow("model JSON with an unknown key") << "json"
                                                        << "wings";
    }
    void refusesBadWorkloadsNamingTheInput() {
        QFETCH(QString, field);
        QFETCH(QString, expected);
        auto s = openOrFail(file("workloads.scoville"));
        QVERIFY(s);
        WorkloadRecord w = chatWorkload();
        if (field == QStringLiteral("model")) w.modelId = QStringLiteral("no-such-model");
        if (field == QStringLiteral("ep")) w.modelId = QStringLiteral("llama-3.1-70b");
        if (field == QStringLiteral("chips")) w.scenario.chips = 12;
        if (field == QStringLiteral("slo")) w.scenario.ttft_slo_s = -1.0;
        if (field == QStringLiteral("spread")) w.scenario.output_len_cv = -0.5;
        if (field == QStringLiteral("json")) {
            w.modelId.clear();
            w.modelJson = QStringLiteral("{\"id\": \"x\", \"wings\": 2}");
        }
        const Status st = s->workloads().save(w);
        QVERIFY(!st.ok());
        QVERIFY2(message(st).contains(expected), qPrintable(message(st)));
        QVERIFY(s->workloads().names().isEmpty());
    }

    void historyAndUndoSurviveRestart() {
        const QString path = file("history.scoville");
        const QString d = QStringLiteral("d");
        const ChipSpec base = store_test::numberedChip(3);
        std::vector<ChipSpec> states{base};
        {
            auto s = openOrFail(path);
            QVERIFY(s);
            QVERIFY(s->saveDesign(d, base).ok());
            QSignalSpy changed(s.get(), &Session::designChanged);
            QVERIFY(s->setParameter(d, QStringLiteral("compute.clock_ghz"), 1.25).ok());
            QVERIFY(s->setParameterText(d, QStringLiteral("hbm.generation"), QStringLiteral("hbm4")).ok());
            // Two keys set together: one step of two entries.
            QVERIFY(s->applyAssignments(d, {QStringLiteral("compute.cores=64"), QStringLiteral("link.topology=torus")})
                        .ok());
            QCOMPARE(changed.count(), 3);
            // A value equal to the current one records nothing.
            QVERIFY(s->setParameter(d, QStringLiteral("compute.cores"), 64).ok());
            QCOMPARE(changed.count(), 3);
            ChipSpec c = base;
            c.compute.clock_ghz = 1.25;
            states.push_back(c);
            c.hbm.generation = DramType::hbm4;
            states.push_back(c);
            c.compute.cores = 64;
            states.push_back(c);
            c.link.topology = Topology::torus;
            states.push_back(c);
            QCOMPARE(s->undoPosition(d), 4);
            QCOMPARE(s->stepPosition(d), 3);
            QVERIFY(*s->chip(d) == states[4]);
            QVERIFY(s->undo(d).ok());  // the two-key step, whole
            QVERIFY(*s->chip(d) == states[2]);
            QCOMPARE(s->undoPosition(d), 2);
        }
        auto s = openOrFail(path);
        QVERIFY(s);
        QCOMPARE(s->undoPosition(d), 2);
        QCOMPARE(s->stepPosition(d), 2);
        QVERIFY(*s->chip(d) == states[2]);
        const auto h = s->history(d);
        QCOMPARE(h.size(), 4);
        QCOMPARE(h[0].key, QStringLiteral("compute.clock_ghz"));
        QCOMPARE(h[0].kind, QStringLiteral("chip"));
        QCOMPARE(h[0].oldValue, QStringLiteral("1.03"));  // numberedChip(3): 1.0 + 3/100 GHz
        QCOMPARE(h[0].newValue, QStringLiteral("1.25"));
        // A plain-English line for SQL readers; views describe entries in the user's language.
        QCOMPARE(h[0].label, QStringLiteral("Clock (compute.clock_ghz) 1.03 -> 1.25 GHz"));
        QCOMPARE(h[1].oldValue, QStringLiteral("hbm3e"));
        QCOMPARE(h[1].newValue, QStringLiteral("hbm4"));
        QCOMPARE(h[2].step, 3);
        QCOMPARE(h[3].step, 3);
        QCOMPARE(h[3].key, QStringLiteral("link.topology"));
        QVERIFY(h[0].time.isValid() && h[0].time <= h[3].time);
        for (int i = 0; i <= 4; ++i) QVERIFY2(*s->chipAt(d, i) == states[i], qPrintable(QString::number(i)));
        QVERIFY(s->redo(d).ok());
        QVERIFY(*s->chip(d) == states[4]);
        QVERIFY(s->restoreTo(d, 0).ok());
        QVERIFY(*s->chip(d) == base);
        QVERIFY(!s->canUndo(d));
        QVERIFY(!s->undo(d).ok());
        QVERIFY(s->restoreTo(d, 4).ok());
        QVERIFY(*s->chip(d) == states[4]);
        {
            // The key/value rows follow undo and redo: every key matches the restored chip.
            QSqlQuery q(QSqlDatabase::database(s->connectionName()));
            QVERIFY(q.exec(QStringLiteral("SELECT key, text FROM design_params")));
            int rows = 0;
            while (q.next()) {
                ++rows;
                QCOMPARE(q.value(1).toString(), QString::fromStdString(*get_param_text(
                                                    states[4], q.value(0).toString().toStdString())));
            }
            QCOMPARE(rows, static_cast<int>(chip_params().size()));
        }
        QVERIFY(!s->restoreTo(d, 5).ok());
        // Undo moves whole steps: a position inside one is refused, naming it.
        const Status inside = s->restoreTo(d, 3);
        QVERIFY(!inside.ok());
        QVERIFY2(message(inside).contains(QStringLiteral("inside step 3")), qPrintable(message(inside)));
        QVERIFY(s->goToStep(d, 1).ok());
        QVERIFY(*s->chip(d) == states[1]);
        // An edit after undo drops the redo branch.
        QVERIFY(s->setParameter(d, QStringLiteral("sram.mb"), 128).ok());
        QCOMPARE(s->history(d).size(), 2);
        QVERIFY(!s->canRedo(d));
        // A slider drag replaces the newest step as it goes: one step from the first old value to
        // the last new one.
        QVERIFY(s->record(d, {{EditKind::chip, "sram.mb", {}, "130"}}).ok());
        for (const char* mb : {"140", "150"}) QVERIFY(s->record(d, {{EditKind::chip, "sram.mb", {}, mb}}, true).ok());
        const auto merged = s->history(d);
        QCOMPARE(merged.size(), 3);
        QCOMPARE(merged[2].oldValue, QStringLiteral("128"));
        QCOMPARE(merged[2].newValue, QStringLiteral("150"));
        // A drag back to where it began is no step at all.
        QVERIFY(s->record(d, {{EditKind::chip, "sram.mb", {}, "128"}}, true).ok());
        QCOMPARE(s->history(d).size(), 2);
        QCOMPARE(s->chip(d)->sram.mb, 128.0);
        QVERIFY(s->undo(d).ok());
        QCOMPARE(s->chip(d)->sram.mb, states[1].sram.mb);
    }

    // Every kind of edit is journalled and undone the same way, and survives a restart.
    void everyKindOfEditUndoesAcrossRestart() {
        const QString path = file("kinds.scoville");
        const QString d = QStringLiteral("k");
        {
            auto s = openOrFail(path);
            QVERIFY(s);
            QVERIFY(s->saveDesign(d, store_test::numberedChip(2)).ok());
            QVERIFY(s->applyAssignments(d, {QStringLiteral("workload.model=llama-3.1-70b"),
                                            QStringLiteral("baseline=b200"), QStringLiteral("compared=b200")})
                        .ok());
            QVERIFY(s->applyAssignments(d, {QStringLiteral("workload.model=mixtral-8x7b")}).ok());
            QVERIFY(s->applyAssignments(d, {QStringLiteral("baseline=h100-sxm")}).ok());
            QVERIFY(s->applyAssignments(d, {QStringLiteral("compute.clock_ghz=1.9")}).ok());
            QVERIFY(s->applyAssignments(d, {QStringLiteral("workload.batch=64"), QStringLiteral("compared=b200,tpu-v7")})
                        .ok());
        }
        auto s = openOrFail(path);
        QVERIFY(s);
        QCOMPARE(s->stepPosition(d), 5);
        auto v = *s->values(d);
        QCOMPARE(v.scenario.batch, 64);
        QCOMPARE(v.compared_ids.size(), size_t(2));
        QVERIFY(s->undo(d).ok());
        v = *s->values(d);
        QCOMPARE(v.scenario.batch, Scenario{}.batch);
        QCOMPARE(v.compared_ids, std::vector<std::string>{"b200"});
        QVERIFY(s->undo(d).ok());
        QCOMPARE(s->chip(d)->compute.clock_ghz, store_test::numberedChip(2).compute.clock_ghz);
        QVERIFY(s->undo(d).ok());
        QCOMPARE(s->values(d)->baseline_id, std::string("b200"));
        QVERIFY(s->undo(d).ok());
        QCOMPARE(s->values(d)->model_id, std::string("llama-3.1-70b"));
        const auto kinds = s->steps(d);
        QCOMPARE(kinds[0].edits[0].kind, EditKind::workload);
        QCOMPARE(kinds[0].edits[1].kind, EditKind::baseline);
        QCOMPARE(kinds[0].edits[2].kind, EditKind::compared);
        // A bad value is refused naming the key, and nothing is written.
        const Status bad = s->applyAssignments(d, {QStringLiteral("workload.batch=-3")});
        QVERIFY(!bad.ok());
        QVERIFY2(message(bad).contains(QStringLiteral("batch")), qPrintable(message(bad)));
        const Status model = s->applyAssignments(d, {QStringLiteral("workload.model=gpt-9")});
        QVERIFY(!model.ok());
        QVERIFY2(message(model).contains(QStringLiteral("gpt-9")), qPrintable(message(model)));
        const Status chip = s->applyAssignments(d, {QStringLiteral("baseline=no-such-chip")});
        QVERIFY(!chip.ok());
        QCOMPARE(s->steps(d).size(), 5);
        QCOMPARE(s->stepPosition(d), 1);
    }

    // The GUI's document hands over whole chips; the store records what changed, key by key.
    void updateDesignRecordsTheDifference() {
        auto s = openOrFail(file("update.scoville"));
        QVERIFY(s);
        const QString d = QStringLiteral("doc");
        ChipSpec chip = store_test::numberedChip(5);
        QVERIFY(s->updateDesign(d, chip).ok());  // creates
        QCOMPARE(s->history(d).size(), 0);
        chip.compute.clock_ghz = 1.4;
        chip.hbm.stacks = 8;
        QVERIFY(s->updateDesign(d, chip).ok());
        auto h = s->history(d);
        QCOMPARE(h.size(), 2);
        QCOMPARE(h[0].key, QStringLiteral("compute.clock_ghz"));
        QCOMPARE(h[0].oldValue, QStringLiteral("1.05"));  // numberedChip(5): 1.0 + 5/100 GHz
        QCOMPARE(h[1].key, QStringLiteral("hbm.stacks"));
        QCOMPARE(h[1].oldValue, QStringLiteral("6"));  // 1 + 5 % 8
        QCOMPARE(s->steps(d).size(), 1);
        // Identity fields are outside the parameter keys: the whole chip is replaced.
        chip.name = QStringLiteral("Renamed chip").toStdString();
        QVERIFY(s->updateDesign(d, chip).ok());
        QCOMPARE(s->history(d).last().key, QStringLiteral("*"));
        QCOMPARE(s->history(d).last().kind, QStringLiteral("design"));
        QVERIFY(*s->chip(d) == chip);
        QVERIFY(s->undo(d).ok());
        QCOMPARE(s->chip(d)->name, std::string("Numbered 5"));
        // No change: nothing recorded.
        const auto before = s->history(d).size();
        QVERIFY(s->updateDesign(d, *s->chip(d)).ok());
        QCOMPARE(s->history(d).size(), before);
    }

    void refusesBadEditsWithTheKeyNamed_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("unknown key") << "compute.warp_drive"
                                     << "1";
        QTest::newRow("out of range") << "compute.clock_ghz"
                                      << "-1";
        QTest::newRow("not a number") << "compute.cores"
                                      << "many";
        QTest::newRow("unknown choice") << "hbm.generation"
                                        << "hbm9";
    }
    void refusesBadEditsWithTheKeyNamed() {
        QFETCH(QString, key);
        QFETCH(QString, value);
        auto s = openOrFail(file("bad-edits.scoville"));
        QVERIFY(s);
        const QString d = QStringLiteral("d");
        if (!s->hasDesign(d)) QVERIFY(s->saveDesign(d, store_test::numberedChip(1)).ok());
        const auto before = s->history(d).size();
        const Status st = s->setParameterText(d, key, value);
        QVERIFY(!st.ok());
        QVERIFY2(message(st).contains(key), qPrintable(message(st)));
        QCOMPARE(s->history(d).size(), before);
        QVERIFY(*s->chip(d) == store_test::numberedChip(1));
    }

    void designJsonRoundTripIsLossless() {
        auto s = openOrFail(file("json.scoville"));
        QVERIFY(s);
        const ChipSpec chip = store_test::everyFieldChip();
        QVERIFY(s->saveDesign(QStringLiteral("a"), chip).ok());
        auto exported = s->exportDesignJson(QStringLiteral("a"));
        QVERIFY(exported.ok());
        QVERIFY(s->importDesignJson(QStringLiteral("b"), *exported).ok());
        QVERIFY(*s->chip(QStringLiteral("b")) == chip);
        QCOMPARE(QString::fromStdString(*s->exportDesignJson(QStringLiteral("b"))),
                 QString::fromStdString(*exported));
        // Importing over an existing design is one undoable edit.
        QVERIFY(s->importDesignJson(QStringLiteral("a"), chip_to_json(store_test::numberedChip(9))).ok());
        QVERIFY(*s->chip(QStringLiteral("a")) == store_test::numberedChip(9));
        QCOMPARE(s->history(QStringLiteral("a")).size(), 1);
        QCOMPARE(s->history(QStringLiteral("a"))[0].key, QStringLiteral("*"));
        QVERIFY(s->undo(QStringLiteral("a")).ok());
        QVERIFY(*s->chip(QStringLiteral("a")) == chip);
    }

    void importRefusesBadJsonNamingTheKey_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown key") << R"({"compute": {"cores": 4, "turbo": 1}})"
                                     << "compute.turbo";
        QTest::newRow("unknown group") << R"({"flux": 3})"
                                       << "flux";
        QTest::newRow("wrong type") << R"({"compute": {"cores": "four"}})"
                                    << "compute.cores";
        QTest::newRow("out of range") << R"({"compute": {"clock_ghz": -2}})"
                                      << "compute.clock_ghz";
        QTest::newRow("not JSON") << R"({"compute": )"
                                  << "malformed JSON";
    }
    void importRefusesBadJsonNamingTheKey() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        auto s = openOrFail(file("import.scoville"));
        QVERIFY(s);
        QSignalSpy failed(s.get(), &Session::writeFailed);
        const Status st =
            s->importDesignJson(QStringLiteral("bad"), json.toStdString(), QStringLiteral("bad.json"));
        QVERIFY(!st.ok());
        QVERIFY2(message(st).contains(expected) && message(st).contains(QStringLiteral("bad.json")),
                 qPrintable(message(st)));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!s->hasDesign(QStringLiteral("bad")));
    }

    void saveAsCopiesAndContinuesOnTheNewFile() {
        const QString a = file("a.scoville"), b = file("b.scoville");
        auto s = openOrFail(a);
        QVERIFY(s);
        QVERIFY(s->saveDesign(QStringLiteral("x"), store_test::numberedChip(1)).ok());
        QVERIFY(s->setParameter(QStringLiteral("x"), QStringLiteral("compute.cores"), 10).ok());
        QVERIFY(s->sweeps().save({QStringLiteral("s"),
                              {},
                              {},
                              {},
                              {QStringLiteral("k")},
                              {QStringLiteral("o")},
                              {{{1}, {2}}},
                              {}})
                    .ok());
        QSignalSpy moved(s.get(), &Session::pathChanged);
        QVERIFY(s->saveAs(b).ok());
        QCOMPARE(moved.count(), 1);
        QCOMPARE(s->path(), b);
        QVERIFY(s->setParameter(QStringLiteral("x"), QStringLiteral("compute.cores"), 20).ok());
        s.reset();
        auto old = openOrFail(a);
        auto copy = openOrFail(b);
        QVERIFY(old && copy);
        QCOMPARE(old->chip(QStringLiteral("x"))->compute.cores, 10);
        QCOMPARE(copy->chip(QStringLiteral("x"))->compute.cores, 20);
        QCOMPARE(copy->history(QStringLiteral("x")).size(), 2);
        QCOMPARE(copy->sweeps().get(QStringLiteral("s"))->rows.size(), size_t(1));
        QVERIFY(copy->integrityCheck().ok());
        QCOMPARE(checkFile(b).version, kSchemaVersion);
        // Copying over an existing file replaces it whole.
        QVERIFY(old->copyTo(b).ok());
        copy.reset();
        QCOMPARE(openOrFail(b)->chip(QStringLiteral("x"))->compute.cores, 10);
    }

    void lockedFileKeepsStateAndWritesNothing() {
        const QString path = file("locked.scoville");
        Session::Options options;
        options.busyTimeoutMs = 50;
        auto s = openOrFail(path, options);
        QVERIFY(s);
        const QString d = QStringLiteral("d");
        QVERIFY(s->saveDesign(d, store_test::numberedChip(2)).ok());
        const QString other = uniqueConnectionName("locker");
        {
            QSqlDatabase locker = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), other);
            locker.setDatabaseName(path);
            QVERIFY(locker.open());
            QSqlQuery q(locker);
            QVERIFY(q.exec(QStringLiteral("BEGIN EXCLUSIVE")));
            QVERIFY(q.exec(QStringLiteral("UPDATE designs SET notes = 'held' WHERE name = 'd'")));
            QSignalSpy failed(s.get(), &Session::writeFailed);
            const Status st = s->setParameter(d, QStringLiteral("compute.cores"), 99);
            QVERIFY(!st.ok());
            QVERIFY2(message(st).contains(QStringLiteral("locked by another program")) &&
                         message(st).contains(path),
                     qPrintable(message(st)));
            QCOMPARE(failed.count(), 1);
            QVERIFY(*s->chip(d) == store_test::numberedChip(2));
            QCOMPARE(s->undoPosition(d), 0);
            QVERIFY(q.exec(QStringLiteral("ROLLBACK")));
            locker.close();
        }
        QSqlDatabase::removeDatabase(other);
        QVERIFY(s->setParameter(d, QStringLiteral("compute.cores"), 99).ok());
        s.reset();
        auto again = openOrFail(path);
        QCOMPARE(again->history(d).size(), 1);
        QCOMPARE(again->chip(d)->compute.cores, 99);
    }

    void fullDiskKeepsStateAndWritesNothing() {
        const QString path = file("full.scoville");
        auto s = openOrFail(path);
        QVERIFY(s);
        QVERIFY(s->saveDesign(QStringLiteral("d"), store_test::numberedChip(4)).ok());
        // Cap the file at its current size: the next write that needs a new page fails with SQLITE_FULL.
        QSqlQuery q(QSqlDatabase::database(s->connectionName()));
        QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
        const int pages = q.value(0).toInt();
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
        SweepResult big{QStringLiteral("big"), {}, {}, {}, {QStringLiteral("k")},
                        {QStringLiteral("o")}, {}, {}};
        for (int i = 0; i < 5000; ++i) big.rows.push_back({{double(i)}, {i / 7.0}});
        const Status st = s->sweeps().save(big);
        QVERIFY(!st.ok());
        QVERIFY2(message(st).contains(QStringLiteral("disk is full")) &&
                     message(st).contains(QStringLiteral("nothing was changed")),
                 qPrintable(message(st)));
        QVERIFY(s->sweeps().names().isEmpty());
        const Status design = s->saveDesign(QStringLiteral("e"), store_test::numberedChip(5));
        if (!design.ok()) QVERIFY(!s->hasDesign(QStringLiteral("e")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
        q.finish();
        QVERIFY(s->sweeps().save(big).ok());
        s.reset();
        auto again = openOrFail(path);
        QCOMPARE(again->sweeps().get(QStringLiteral("big"))->rows.size(), size_t(5000));
        QVERIFY(again->integrityCheck().ok());
    }

    void readOnlySessionsRefuseEditsAndLeaveTheFile() {
        const QString path = file("ro.scoville");
        {
            auto s = openOrFail(path);
            QVERIFY(s && s->saveDesign(QStringLiteral("d"), store_test::numberedChip(6)).ok());
        }
        const QByteArray before = readAll(path);
        Session::Options options;
        options.mode = Session::Mode::readOnly;
        auto s = openOrFail(path, options);
        QVERIFY(s && s->isReadOnly());
        QVERIFY(*s->chip(QStringLiteral("d")) == store_test::numberedChip(6));
        const Status st = s->setParameter(QStringLiteral("d"), QStringLiteral("compute.cores"), 70);
        QVERIFY(!st.ok());
        QVERIFY2(message(st).contains(QStringLiteral("read-only")), qPrintable(message(st)));
        QVERIFY(*s->chip(QStringLiteral("d")) == store_test::numberedChip(6));
        // Save As still works from a read-only session.
        QVERIFY(s->copyTo(file("ro-copy.scoville")).ok());
        s.reset();
        QCOMPARE(readAll(path), before);
        QVERIFY(*loadDesignChip(file("ro-copy.scoville"), QStringLiteral("d")) ==
                store_test::numberedChip(6));
    }

    void unwritableLocationsAreReported() {
        // /proc refuses new files even for root.
        auto s = Session::open(QStringLiteral("/proc/scoville-test.scoville"));
        QVERIFY(!s.ok());
        QVERIFY2(QString::fromStdString(s.error().message).contains(QStringLiteral("cannot create")),
                 s.error().message.c_str());
        if (::geteuid() == 0) QSKIP("running as root: file permissions do not stop writes");
        const QString path = file("perm.scoville");
        {
            auto w = openOrFail(path);
            QVERIFY(w && w->saveDesign(QStringLiteral("d"), store_test::numberedChip(8)).ok());
        }
        QFile::setPermissions(path, QFile::ReadOwner);
        auto r = openOrFail(path);
        QVERIFY(r && r->isReadOnly());
        QVERIFY(!r->setNotes(QStringLiteral("d"), QStringLiteral("x")).ok());
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void loadDesignChipForTheEvalCommand() {
        const QString path = file("eval.scoville");
        {
            auto s = openOrFail(path);
            QVERIFY(s);
            QVERIFY(s->saveDesign(QStringLiteral("alpha"), store_test::everyFieldChip()).ok());
            QVERIFY(s->saveDesign(QStringLiteral("beta"), store_test::numberedChip(1)).ok());
            QVERIFY(s->setParameter(QStringLiteral("alpha"), QStringLiteral("power.tdp_w"), 1200).ok());
        }
        auto chip = loadDesignChip(path, QStringLiteral("alpha"));
        QVERIFY(chip.ok());
        QCOMPARE(chip->power.tdp_w, 1200.0);
        auto missing = loadDesignChip(path, QStringLiteral("gamma"));
        QVERIFY(!missing.ok());
        QCOMPARE(QString::fromStdString(missing.error().message),
                 path + QStringLiteral(": no design 'gamma' (designs: alpha, beta)"));
        auto nofile = loadDesignChip(file("nope.scoville"), QStringLiteral("alpha"));
        QVERIFY(!nofile.ok());
        QVERIFY(
            QString::fromStdString(nofile.error().message).contains(QStringLiteral("no such session file")));
        QVERIFY(!QFile::exists(file("nope.scoville")));
    }

    void twoSessionsOnOneFileInOneProcess() {
        const QString path = file("two.scoville");
        auto a = openOrFail(path);
        auto b = openOrFail(path);
        QVERIFY(a && b);
        QVERIFY(a->connectionName() != b->connectionName());
        QVERIFY(a->saveDesign(QStringLiteral("from a"), store_test::numberedChip(1)).ok());
        QVERIFY(b->saveDesign(QStringLiteral("from b"), store_test::numberedChip(2)).ok());
        // Both loaded "shared"; a edits it, so b's copy is stale and b's edit is refused rather
        // than forking the history. a's edit stands.
        auto shared = openOrFail(path);
        QVERIFY(shared->saveDesign(QStringLiteral("shared"), store_test::numberedChip(3)).ok());
        shared.reset();
        auto a2 = openOrFail(path);
        auto b2 = openOrFail(path);
        QVERIFY(a2->setParameter(QStringLiteral("shared"), QStringLiteral("compute.cores"), 40).ok());
        const Status stale = b2->setParameter(QStringLiteral("shared"), QStringLiteral("compute.cores"), 50);
        QVERIFY(!stale.ok());
        QVERIFY2(message(stale).contains(QStringLiteral("changed by another program")),
                 qPrintable(message(stale)));
        QVERIFY(!b2->undo(QStringLiteral("shared")).ok());
        QCOMPARE(b2->chip(QStringLiteral("shared"))->compute.cores, 4);  // numberedChip(3): 1 + 3
        a2.reset();
        b2.reset();
        a.reset();
        b.reset();
        auto c = openOrFail(path);
        QCOMPARE(c->designNames(),
                 (QStringList{QStringLiteral("from a"), QStringLiteral("from b"), QStringLiteral("shared")}));
        QCOMPARE(c->chip(QStringLiteral("shared"))->compute.cores, 40);
        QCOMPARE(c->history(QStringLiteral("shared")).size(), 1);
    }

    // Each thread opens its own Session (Qt Sql connections are per thread) on the same file.
    void sessionsInSeveralThreads() {
        const QString path = file("threads.scoville");
        { QVERIFY(openOrFail(path)); }  // create once, so the threads only open
        constexpr int kThreads = 3, kDesigns = 20;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> threads;
        for (int t = 0; t < kThreads; ++t) {
            threads.emplace_back(QThread::create([&, t] {
                Session::Options options;
                options.busyTimeoutMs = 10000;
                auto s = Session::open(path, options);
                if (!s) {
                    ++failures;
                    return;
                }
                for (int i = 0; i < kDesigns; ++i)
                    if (!(*s)->saveDesign(QStringLiteral("t%1-%2").arg(t).arg(i), store_test::numberedChip(i))
                             .ok())
                        ++failures;
            }));
            threads.back()->start();
        }
        for (auto& th : threads) QVERIFY(th->wait(60000));
        QCOMPARE(failures.load(), 0);
        auto s = openOrFail(path);
        QCOMPARE(s->designNames().size(), kThreads * kDesigns);
        QVERIFY(*s->chip(QStringLiteral("t2-19")) == store_test::numberedChip(19));
    }

    // The History panel's model: row n is history position n; it follows edits, undo and renames.
    void historyModelFollowsTheSession() {
        auto s = openOrFail(file("model.scoville"));
        QVERIFY(s);
        const QString d = QStringLiteral("d");
        QVERIFY(s->saveDesign(d, store_test::numberedChip(1)).ok());
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(s.get());
        model.setDesign(d);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(s->setParameter(d, QStringLiteral("compute.clock_ghz"), 1.5).ok());
        QVERIFY(s->setParameter(d, QStringLiteral("hbm.stacks"), 6).ok());
        QCOMPARE(model.rowCount(), 3);
        // Each row describes its step from (key, old, new): numberedChip(1) runs at 1.01 GHz.
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Clock 1.01 \u2192 1.5 GHz"));
        QCOMPARE(model.index(2).data(HistoryModel::KindRole).toString(), QStringLiteral("chip"));
        QCOMPARE(model.index(2).data(HistoryModel::KeyRole).toString(), QStringLiteral("hbm.stacks"));
        QCOMPARE(model.index(2).data(HistoryModel::OldValueRole).toString(),
                 QStringLiteral("2"));  // numberedChip(1): 1 + 1 % 8
        QVERIFY(model.index(2).data(HistoryModel::CurrentRole).toBool());
        QVERIFY(s->undo(d).ok());
        QVERIFY(model.index(1).data(HistoryModel::CurrentRole).toBool());
        QVERIFY(!model.index(2).data(HistoryModel::AppliedRole).toBool());
        QVERIFY(s->restoreTo(d, 0).ok());
        QVERIFY(model.index(0).data(HistoryModel::CurrentRole).toBool());
        QVERIFY(s->renameDesign(d, QStringLiteral("e")).ok());
        QCOMPARE(model.design(), QStringLiteral("e"));
        QVERIFY(s->setParameter(QStringLiteral("e"), QStringLiteral("sram.mb"), 64).ok());
        QCOMPARE(model.rowCount(), 2);  // the redo branch was dropped
        // A step of several edits is one row, described by its first edit and a count.
        QVERIFY(s->applyAssignments(QStringLiteral("e"), {QStringLiteral("baseline=b200"),
                                                          QStringLiteral("workload.model=llama-2-7b")})
                    .ok());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2).data(HistoryModel::EditCountRole).toInt(), 2);
        QCOMPARE(model.index(2).data().toString(), QStringLiteral("Baseline none \u2192 b200 (and 1 more)"));
        QVERIFY(model.index(2).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Model none \u2192 llama-2-7b")));
        QVERIFY(s->removeDesign(QStringLiteral("e")).ok());
        QCOMPARE(model.rowCount(), 0);
    }

    void renameAndRemove() {
        auto s = openOrFail(file("rename.scoville"));
        QVERIFY(s);
        QVERIFY(s->saveDesign(QStringLiteral("old"), store_test::numberedChip(1)).ok());
        QVERIFY(s->setParameter(QStringLiteral("old"), QStringLiteral("compute.cores"), 3).ok());
        QVERIFY(s->renameDesign(QStringLiteral("old"), QStringLiteral("new")).ok());
        QVERIFY(!s->hasDesign(QStringLiteral("old")));
        QCOMPARE(s->history(QStringLiteral("new")).size(), 1);
        QVERIFY(s->saveDesign(QStringLiteral("other"), store_test::numberedChip(2)).ok());
        QVERIFY(!s->renameDesign(QStringLiteral("new"), QStringLiteral("other")).ok());
        QVERIFY(s->removeDesign(QStringLiteral("new")).ok());
        QCOMPARE(s->designNames(), QStringList{QStringLiteral("other")});
        QSqlQuery q(QSqlDatabase::database(s->connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM history")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "test_session.moc"
