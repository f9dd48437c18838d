// Session file format: every migration from an empty file to the newest keeps the data written at
// each step; foreign, non-SQLite, corrupt and newer files are refused and left byte-for-byte alone.
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <tuple>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"
#include "support/test_chips.hpp"

using namespace scoville;
using namespace scoville::store;

namespace {

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// A raw Qt Sql connection for building files by hand; closed and removed on destruction.
class RawDb {
public:
    explicit RawDb(const QString& path) : name_(uniqueConnectionName("test")) {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        d.setDatabaseName(path);
        ok_ = d.open();
    }
    ~RawDb() {
        {
            QSqlDatabase d = QSqlDatabase::database(name_, false);
            d.close();
        }
        QSqlDatabase::removeDatabase(name_);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }
    bool ok() const { return ok_; }
    bool exec(const QString& sql) const {
        QSqlQuery q(db());
        if (!q.exec(sql)) qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return !q.lastError().isValid();
    }
    QVariant scalar(const QString& sql) const {
        QSqlQuery q(db());
        if (!q.exec(sql) || !q.next()) return {};
        return q.value(0);
    }

private:
    QString name_;
    bool ok_ = false;
};

}  // namespace

class TestSchema : public QObject {
    Q_OBJECT
private slots:
    void migrationsAreNumberedOneToN() {
        int count = 0;
        const Migration* m = migrations(&count);
        QCOMPARE(count, kSchemaVersion);
        for (int i = 0; i < count; ++i) QCOMPARE(m[i].version, i + 1);
    }

    // Builds a file one migration at a time, writing data the way that version's build would, then
    // opens it with the current Session and checks every piece.
    void walksEveryMigrationKeepingData() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("walk.scoville"));
        const ChipSpec chip = store_test::everyFieldChip();
        ChipSpec edited = chip;
        edited.compute.clock_ghz = 2.0;
        {
            RawDb raw(path);
            QVERIFY(raw.ok());
            QSqlDatabase d = raw.db();
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 0);

            QVERIFY(migrate(d, 1).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 1);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA application_id")).toInt(), kApplicationId);
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT INTO designs (name, chip_json, base_json, undo_position, created_ms,"
                               " modified_ms) VALUES ('v1 design', ?, ?, 1, 1000, 2000)"));
            q.addBindValue(QString::fromStdString(chip_to_json(edited, -1)));
            q.addBindValue(QString::fromStdString(chip_to_json(chip, -1)));
            QVERIFY(q.exec());
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO history VALUES (1, 1, 1500, 'Clock = 2 GHz', "
                                        "'compute.clock_ghz', '1.83', '2')")));

            QVERIFY(migrate(d, 2).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 2);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT notes FROM designs")).toString(), QString());
            QVERIFY(
                raw.exec(QStringLiteral("UPDATE designs SET notes = 'written at v2', workload = 'chat'")));
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO workloads (name, model_id, batch, input_len, output_len, weight_precision,"
                " activation_precision, kv_precision, chips, tp, pp, ep, ttft_slo_s) VALUES"
                " ('chat', 'llama-2-70b', 0, 2048, 128, 'fp8', 'fp8', 'bf16', 8, 8, 1, 1, 0.5)")));

            QVERIFY(migrate(d, 3).ok());
            QVERIFY(raw.exec(QStringLiteral("UPDATE designs SET baseline = 'chip:h100-sxm'")));
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO comparisons VALUES (1, 'pinned', 'chat', 'chip:h100-sxm', 3000)")));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO comparison_members VALUES (1, 0, 'design:v1 design'),"
                                        " (1, 1, 'chip:b200')")));
            QVERIFY(
                raw.exec(QStringLiteral("INSERT INTO sweeps VALUES (1, 'clock', 'v1 design', 'chat',"
                                        " '--vary compute.clock_ghz=1:2:2', '[\"compute.clock_ghz\"]',"
                                        " '[\"ttft_s\"]', 4000)")));
            QVERIFY(raw.exec(QStringLiteral(
                "INSERT INTO sweep_rows VALUES (1, 0, '[1]', '[0.25]'), (1, 1, '[2]', '[0.125]')")));

            QVERIFY(migrate(d, 4).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 4);
            // The backfill read the current design JSON: clock 2.0 (the edited state), 132 cores.
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT value FROM design_params WHERE key = 'compute.clock_ghz'"))
                    .toDouble(),
                2.0);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT text FROM design_params WHERE key = 'compute.cores'"))
                         .toString(),
                     QStringLiteral("132"));
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT value FROM scoville_meta WHERE key = 'min_reader_version'"))
                    .toInt(),
                4);
            // 5: a workload written before the spread existed reads as uniform lengths.
            QVERIFY(migrate(d, 5).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 5);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT output_len_cv FROM workloads")).toDouble(), 0.0);
            QVERIFY(raw.exec(QStringLiteral("UPDATE workloads SET input_len_cv = 0.77")));
            // 6: the workload key by key, filled from the columns; keys that did not exist read as their
            // defaults.
            QVERIFY(migrate(d, 6).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 6);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM workload_params WHERE key = 'tp'")).toString(),
                     QStringLiteral("8"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM workload_params WHERE key = 'ttft_slo_s'")).toString(),
                     QStringLiteral("0.5"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT value FROM workload_params WHERE key = 'tpot_slo_s'")).toString(),
                     QString());
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT value FROM workload_params WHERE key = 'input_len_cv'")).toString(),
                QStringLiteral("0.77"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM workload_params")).toInt(),
                     static_cast<int>(workload_keys().size()));
            // 7: every entry gets a kind and a step: a parameter edit is a chip edit, its own step.
            QVERIFY(migrate(d, 7).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 7);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT kind FROM history")).toString(), QStringLiteral("chip"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT step FROM history")).toInt(), 1);
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT value FROM scoville_meta WHERE key = 'min_reader_version'"))
                    .toInt(),
                7);
            // 8: sweep points gain a status (the stored ones evaluated and met their constraints) and
            // a note; older readers are told to stop, objectives may be null now.
            QVERIFY(migrate(d, 8).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 8);
            QCOMPARE(raw.scalar(QStringLiteral("SELECT status FROM sweep_rows WHERE row = 1")).toString(),
                     QStringLiteral("ok"));
            QCOMPARE(raw.scalar(QStringLiteral("SELECT note FROM sweep_rows WHERE row = 1")).toString(), QString());
            QCOMPARE(
                raw.scalar(QStringLiteral("SELECT value FROM scoville_meta WHERE key = 'min_reader_version'"))
                    .toInt(),
                kMinReaderVersion);
            QCOMPARE(kMinReaderVersion, 8);
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
        }

        auto opened = Session::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        Session& s = **opened;
        QCOMPARE(s.designNames(), QStringList{QStringLiteral("v1 design")});
        QVERIFY(*s.chip(QStringLiteral("v1 design")) == edited);
        QVERIFY(*s.chipAt(QStringLiteral("v1 design"), 0) == chip);
        QCOMPARE(s.undoPosition(QStringLiteral("v1 design")), 1);
        QVERIFY(s.undo(QStringLiteral("v1 design")).ok());
        QVERIFY(*s.chip(QStringLiteral("v1 design")) == chip);
        QCOMPARE(s.notes(QStringLiteral("v1 design")), QStringLiteral("written at v2"));
        // The design's workload (the shared "chat" record) and baseline, as its history edits them.
        auto v = s.values(QStringLiteral("v1 design"));
        QVERIFY(v.ok());
        QCOMPARE(v->model_id, std::string("llama-2-70b"));
        QCOMPARE(v->scenario.tp, 8);
        QCOMPARE(v->baseline_id, std::string("h100-sxm"));
        QCOMPARE(s.steps(QStringLiteral("v1 design")).size(), 1);
        auto w = s.workloads().get(QStringLiteral("chat"));
        QVERIFY(w.ok());
        QCOMPARE(w->modelId, QStringLiteral("llama-2-70b"));
        QCOMPARE(w->scenario.batch, 0);
        QCOMPARE(w->scenario.weight_precision, Precision::fp8);
        QCOMPARE(w->scenario.kv_precision, Precision::bf16);
        QCOMPARE(w->scenario.tp, 8);
        QCOMPARE(*w->scenario.ttft_slo_s, 0.5);
        QCOMPARE(w->scenario.input_len_cv, 0.77);
        QCOMPARE(w->scenario.max_tokens_per_step, Scenario{}.max_tokens_per_step);
        QCOMPARE(w->scenario.attention_dp, 1);
        QCOMPARE(w->scenario.output_len_cv, 0.0);
        QVERIFY(!w->scenario.tpot_slo_s.has_value());
        auto c = s.comparisons().get(QStringLiteral("pinned"));
        QVERIFY(c.ok());
        QCOMPARE(c->members, (QStringList{QStringLiteral("design:v1 design"), QStringLiteral("chip:b200")}));
        QCOMPARE(c->baseline, QStringLiteral("chip:h100-sxm"));
        auto sw = s.sweeps().get(QStringLiteral("clock"));
        QVERIFY(sw.ok());
        QCOMPARE(sw->paramKeys, QStringList{QStringLiteral("compute.clock_ghz")});
        QCOMPARE(sw->rows.size(), size_t(2));
        QCOMPARE(sw->rows[1].objectives[0], 0.125);
    }

    // 9: a design saved before chips carried ranges, started from a reference chip, gains that chip's
    // ranges (as factors, so an edited value keeps its relative range), in its current chip, its
    // starting chip and its whole-chip history entries; a chip of its own (no reference) stays
    // without; the session then shows them.
    void rangesReachDesignsSavedWithoutThem() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v8.scoville"));
        auto reference = load_chip("h100-sxm");
        QVERIFY(reference.ok());
        QVERIFY(!reference->ranges.empty());
        ChipSpec base = *reference;
        base.ranges.clear();
        ChipSpec edited = base;
        edited.compute.clock_ghz = 2.0;
        ChipSpec own = store_test::everyFieldChip();
        own.ranges.clear();
        {
            RawDb raw(path);
            QSqlDatabase d = raw.db();
            QVERIFY(migrate(d, 8).ok());
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO designs (name, chip_json, base_json, undo_position, created_ms,"
                                     " modified_ms) VALUES (?, ?, ?, 1, 1000, 2000)"));
            for (const auto& [name, chip, start] :
                 {std::tuple{QStringLiteral("from h100"), edited, base}, std::tuple{QStringLiteral("own"), own, own}}) {
                q.addBindValue(name);
                q.addBindValue(QString::fromStdString(chip_to_json(chip, -1)));
                q.addBindValue(QString::fromStdString(chip_to_json(start, -1)));
                QVERIFY(q.exec());
            }
            q.prepare(QStringLiteral("INSERT INTO history (design_id, seq, time_ms, label, key, old_value,"
                                     " new_value, kind, step) VALUES (1, 1, 1500, 'Start from H100', '*', ?, ?,"
                                     " 'design', 1)"));
            q.addBindValue(QString::fromStdString(chip_to_json(base, -1)));
            q.addBindValue(QString::fromStdString(chip_to_json(edited, -1)));
            QVERIFY(q.exec());
            QVERIFY(migrate(d, 9).ok());
            QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), 9);
            const auto read = [&](const QString& sql) {
                auto c = chip_from_json(raw.scalar(sql).toString().toStdString(), "test");
                return c.ok() ? *c : ChipSpec{};
            };
            const ChipSpec chip = read(QStringLiteral("SELECT chip_json FROM designs WHERE name = 'from h100'"));
            QVERIFY(chip.ranges == reference->ranges);
            QCOMPARE(chip.compute.clock_ghz, 2.0);  // the values are the design's own
            QVERIFY(read(QStringLiteral("SELECT base_json FROM designs WHERE name = 'from h100'")).ranges ==
                    reference->ranges);
            QVERIFY(read(QStringLiteral("SELECT old_value FROM history")).ranges == reference->ranges);
            QVERIFY(read(QStringLiteral("SELECT new_value FROM history")).ranges == reference->ranges);
            QVERIFY(read(QStringLiteral("SELECT chip_json FROM designs WHERE name = 'own'")).ranges.empty());
        }
        auto opened = Session::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        QVERIFY((**opened).chip(QStringLiteral("from h100"))->ranges == reference->ranges);
    }

    // A file written at any earlier schema opens with every design and its history: undo and redo
    // walk the old entries, and the journal goes on with every kind of edit.
    void opensEveryEarlierVersionKeepingHistory_data() {
        QTest::addColumn<int>("version");
        for (int v = 1; v < kSchemaVersion; ++v) QTest::newRow(qPrintable(QStringLiteral("schema %1").arg(v))) << v;
    }
    void opensEveryEarlierVersionKeepingHistory() {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v.scoville"));
        const ChipSpec first = store_test::numberedChip(1);
        const ChipSpec replaced = store_test::numberedChip(2);
        ChipSpec edited = replaced;
        edited.compute.clock_ghz = 1.5;
        {
            RawDb raw(path);
            QSqlDatabase d = raw.db();
            QVERIFY(migrate(d, version).ok());
            QSqlQuery q(d);
            q.prepare(QStringLiteral("INSERT INTO designs (name, chip_json, base_json, undo_position, created_ms,"
                                     " modified_ms) VALUES ('old', ?, ?, 2, 1000, 2000)"));
            q.addBindValue(QString::fromStdString(chip_to_json(edited, -1)));
            q.addBindValue(QString::fromStdString(chip_to_json(first, -1)));
            QVERIFY(q.exec());
            // Written as that version's build did: a whole-chip replacement, then one parameter (from
            // version 7 on, each entry with its kind and its step).
            q.prepare(version >= 7
                          ? QStringLiteral("INSERT INTO history (design_id, seq, time_ms, label, key, old_value,"
                                           " new_value, kind, step) VALUES (1, ?, ?, ?, ?, ?, ?,"
                                           " CASE ? WHEN '*' THEN 'design' ELSE 'chip' END, ?)")
                          : QStringLiteral("INSERT INTO history (design_id, seq, time_ms, label, key, old_value,"
                                           " new_value) VALUES (1, ?, ?, ?, ?, ?, ?)"));
            for (const QVariant& v : {QVariant(1), QVariant(1500), QVariant(QStringLiteral("Replace design")),
                                      QVariant(QStringLiteral("*")),
                                      QVariant(QString::fromStdString(chip_to_json(first, -1))),
                                      QVariant(QString::fromStdString(chip_to_json(replaced, -1)))})
                q.addBindValue(v);
            if (version >= 7) {
                q.addBindValue(QStringLiteral("*"));
                q.addBindValue(1);
            }
            QVERIFY(q.exec());
            const QString oldClock = QString::fromStdString(*get_param_text(replaced, "compute.clock_ghz"));
            for (const QVariant& v : {QVariant(2), QVariant(1600), QVariant(QStringLiteral("Clock = 1.5 GHz")),
                                      QVariant(QStringLiteral("compute.clock_ghz")), QVariant(oldClock),
                                      QVariant(QStringLiteral("1.5"))})
                q.addBindValue(v);
            if (version >= 7) {
                q.addBindValue(QStringLiteral("compute.clock_ghz"));
                q.addBindValue(2);
            }
            QVERIFY(q.exec());
            if (version >= 4) {  // the parameter rows a version-4 build kept
                for (const auto& info : chip_params()) {
                    q.prepare(QStringLiteral("INSERT INTO design_params VALUES (1, ?, ?, ?)"));
                    q.addBindValue(QString::fromUtf8(info.key.data(), static_cast<qsizetype>(info.key.size())));
                    q.addBindValue(info.get(edited));
                    q.addBindValue(QString::fromStdString(*get_param_text(edited, info.key)));
                    QVERIFY(q.exec());
                }
            }
        }
        auto opened = Session::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        Session& s = **opened;
        const QString d = QStringLiteral("old");
        QVERIFY(*s.chip(d) == edited);
        const auto steps = s.steps(d);
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps[0].edits.front().kind, EditKind::design);
        QCOMPARE(steps[1].edits.front().kind, EditKind::chip);
        QCOMPARE(s.stepPosition(d), 2);
        QVERIFY(s.undo(d).ok());
        QVERIFY(*s.chip(d) == replaced);
        QVERIFY(s.undo(d).ok());
        QVERIFY(*s.chip(d) == first);
        QVERIFY(s.redo(d).ok());
        QVERIFY(s.redo(d).ok());
        QVERIFY(*s.chip(d) == edited);
        // The journal goes on: a workload and a baseline edit, one step, undone as one.
        QVERIFY(s.applyAssignments(d, {QStringLiteral("workload.model=llama-2-7b"), QStringLiteral("baseline=b200")})
                    .ok());
        QCOMPARE(s.steps(d).size(), 3);
        QCOMPARE(s.values(d)->model_id, std::string("llama-2-7b"));
        const Status undone = s.undo(d);
        QVERIFY2(undone.ok(), undone.ok() ? "" : undone.error().message.c_str());
        QCOMPARE(s.values(d)->baseline_id, std::string());
        QVERIFY(*s.chip(d) == edited);
        QCOMPARE(checkFile(path).version, kSchemaVersion);
    }

    // Chips stored before the owner's-cost keys existed take them from their reference chip (a B200
    // keeps its price, the Jalapeno estimate is still built in house); other chips keep the defaults.
    void storedChipsGainTheirReferenceEconomics() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("econ.scoville"));
        // As such a file has them: without the economics, and without the ranges that came later.
        auto withoutEcon = [](ChipSpec c) {
            c.ranges.clear();
            std::string json = chip_to_json(c, -1);
            const auto at = json.find(",\"econ\":");
            const auto end = json.find('}', at);
            json.erase(at, end - at + 1);
            return QString::fromStdString(json);
        };
        const ChipSpec b200 = load_chip("b200").value();
        const ChipSpec jalapeno = load_chip("jalapeno-est").value();
        const ChipSpec own = store_test::numberedChip(4);
        {
            RawDb raw(path);
            QSqlDatabase d = raw.db();
            QVERIFY(migrate(d, 6).ok());
            QSqlQuery q(d);
            int id = 0;
            for (const ChipSpec* c : {&b200, &jalapeno, &own}) {
                const QString json = withoutEcon(*c);
                QVERIFY(!json.contains(QStringLiteral("\"econ\":")));
                q.prepare(QStringLiteral("INSERT INTO designs (id, name, chip_json, base_json, undo_position, created_ms,"
                                         " modified_ms) VALUES (?, ?, ?, ?, 0, 1, 1)"));
                q.addBindValue(++id);
                q.addBindValue(QString::fromStdString(c->id));
                q.addBindValue(json);
                q.addBindValue(json);
                QVERIFY(q.exec());
            }
            // A whole-chip history entry of the B200 design: from the Jalapeno to the B200.
            q.prepare(QStringLiteral("INSERT INTO history (design_id, seq, time_ms, label, key, old_value, new_value)"
                                     " VALUES (1, 1, 2, 'Replace', '*', ?, ?)"));
            q.addBindValue(withoutEcon(jalapeno));
            q.addBindValue(withoutEcon(b200));
            QVERIFY(q.exec());
            QVERIFY(raw.exec(QStringLiteral("UPDATE designs SET undo_position = 1 WHERE id = 1")));
        }
        auto opened = Session::open(path);
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        Session& s = **opened;
        QVERIFY(s.chip(QStringLiteral("b200"))->econ == b200.econ);
        QCOMPARE(s.chip(QStringLiteral("b200"))->econ.chip_price_usd, 35000.0);  // b200.json
        QVERIFY(s.chip(QStringLiteral("jalapeno-est"))->econ == jalapeno.econ);
        QCOMPARE(s.chip(QStringLiteral("jalapeno-est"))->econ.mode, EconMode::build);
        const auto est = s.chip(QStringLiteral("jalapeno-est"))->estimated;
        QVERIFY(std::find(est.begin(), est.end(), "econ.units") != est.end());  // marked as an estimate
        QVERIFY(s.chip(QString::fromStdString(own.id))->econ == EconSpec{});
        // Undoing the replacement brings back a Jalapeno that is still built.
        QVERIFY(s.undo(QStringLiteral("b200")).ok());
        QCOMPARE(s.chip(QStringLiteral("b200"))->econ.mode, EconMode::build);
        // Every design has all its parameter rows, the new keys included.
        QSqlQuery q(QSqlDatabase::database(s.connectionName()));
        QVERIFY(q.exec(QStringLiteral("SELECT text FROM design_params WHERE design_id = 2 AND key = 'econ.mode'")) &&
                q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("build"));
    }

    // A file left at an older version by an older build is upgraded on open.
    void opensAndUpgradesAnOlderFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.scoville"));
        {
            RawDb raw(path);
            QSqlDatabase d = raw.db();
            QVERIFY(migrate(d, 2).ok());
        }
        {
            auto s = Session::open(path);
            QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
            QVERIFY((*s)->saveDesign(QStringLiteral("new"), store_test::numberedChip(7)).ok());
        }
        RawDb raw(path);
        QCOMPARE(raw.scalar(QStringLiteral("PRAGMA user_version")).toInt(), kSchemaVersion);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM design_params")).toInt() > 0, true);
    }

    void refusesWithoutModifying_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << "text"
                                   << "not an SQLite file";
        QTest::newRow("short file with the SQLite magic") << "short"
                                                          << "not an SQLite file";
        QTest::newRow("another program's SQLite file") << "foreign"
                                                       << "SQLite file of another program";
        QTest::newRow("SQLite file with another application_id") << "otherapp"
                                                                 << "application_id 1179603523";
        QTest::newRow("newer Scoville") << "newer"
                                        << QStringLiteral("newer Scoville (session schema %1; this build reads up to %2)")
                                               .arg(kSchemaVersion + 1)
                                               .arg(kSchemaVersion);
        QTest::newRow("corrupt pages") << "corrupt"
                                       << "corrupt session file";
    }
    void refusesWithoutModifying() {
        QFETCH(QString, kind);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("file.scoville"));
        if (kind == QStringLiteral("text")) {
            writeAll(path, QByteArray("{\"compute\": {\"cores\": 4}}\n"));
        } else if (kind == QStringLiteral("short")) {
            writeAll(path, QByteArray("SQLite format 3\0", 16));
        } else if (kind == QStringLiteral("foreign") || kind == QStringLiteral("otherapp")) {
            RawDb raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE designs (name TEXT)")));
            QVERIFY(raw.exec(QStringLiteral("INSERT INTO designs VALUES ('not ours')")));
            if (kind == QStringLiteral("otherapp"))  // 'FOSC' (0x464F5343), some other program's id
                QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = 1179603523")));
        } else {
            {
                auto s = Session::open(path);
                QVERIFY(s.ok());
                for (int i = 0; i < 40; ++i)
                    QVERIFY((*s)->saveDesign(QStringLiteral("d%1").arg(i), store_test::numberedChip(i)).ok());
            }
            if (kind == QStringLiteral("newer")) {
                RawDb raw(path);
                QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(kSchemaVersion + 1)));
            } else {
                // Overwrite pages 2..4 (page size 4096) with a pattern: b-tree headers become garbage.
                QByteArray bytes = readAll(path);
                QVERIFY(bytes.size() > 5 * 4096);
                for (int i = 4096; i < 4 * 4096; ++i) bytes[i] = static_cast<char>(0x5A);
                writeAll(path, bytes);
            }
            QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) ||
                    QFile(path + QStringLiteral("-wal")).size() == 0);
        }
        const QByteArray before = readAll(path);
        QVERIFY(!before.isEmpty());

        auto opened = Session::open(path);
        QVERIFY(!opened.ok());
        const QString message = QString::fromStdString(opened.error().message);
        qInfo("%s", qPrintable(message));
        QVERIFY2(message.startsWith(path), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(readAll(path), before);

        // The read-only paths (the CLI, the eval command) refuse it the same way.
        auto chip = loadDesignChip(path, QStringLiteral("d1"));
        QVERIFY(!chip.ok());
        QVERIFY2(QString::fromStdString(chip.error().message).contains(expected),
                 chip.error().message.c_str());
        QCOMPARE(readAll(path), before);
    }

    // Read-only readers (the CLI, the eval command) may not upgrade the file: they read an
    // upgraded private copy and leave the file as it was.
    void readsAnOlderFileReadOnlyWithoutTouchingIt() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.scoville"));
        const ChipSpec chip = store_test::numberedChip(11);
        {
            RawDb raw(path);
            QSqlDatabase d = raw.db();
            QVERIFY(migrate(d, 1).ok());
            QSqlQuery q(d);
            q.prepare(
                QStringLiteral("INSERT INTO designs (name, chip_json, base_json, created_ms, modified_ms)"
                               " VALUES ('old', ?, ?, 1, 1)"));
            q.addBindValue(QString::fromStdString(chip_to_json(chip, -1)));
            q.addBindValue(QString::fromStdString(chip_to_json(chip, -1)));
            QVERIFY(q.exec());
        }
        const QByteArray before = readAll(path);
        auto loaded = loadDesignChip(path, QStringLiteral("old"));
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QVERIFY(*loaded == chip);
        QCOMPARE(readAll(path), before);
        QCOMPARE(checkFile(path).version, 1);
    }

    // Another program holding an exclusive lock is reported as such, not as corruption.
    void lockedFileIsReportedAsLocked() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("held.scoville"));
        {
            auto s = Session::open(path);
            QVERIFY(s.ok() && (*s)->saveDesign(QStringLiteral("d"), store_test::numberedChip(1)).ok());
        }
        RawDb locker(path);
        QVERIFY(locker.exec(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")));
        QVERIFY(locker.exec(
            QStringLiteral("UPDATE designs SET notes = 'mine now'")));  // takes the lock, keeps it
        Session::Options options;
        options.busyTimeoutMs = 50;
        auto s = Session::open(path, options);
        QVERIFY(!s.ok());
        QVERIFY2(
            QString::fromStdString(s.error().message).contains(QStringLiteral("locked by another program")),
            s.error().message.c_str());
    }

    void emptyFileBecomesASession() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.scoville"));
        writeAll(path, {});
        auto s = Session::open(path);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QVERIFY((*s)->designNames().isEmpty());
        const FileCheck check = checkFile(path);
        QCOMPARE(check.kind, FileKind::session);
        QCOMPARE(check.version, kSchemaVersion);
    }
};

QTEST_GUILESS_MAIN(TestSchema)
#include "test_schema.moc"
