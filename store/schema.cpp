#include "store/schema.hpp"

#include <sqlite3.h>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <vector>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"

namespace scoville::store {

namespace {

Status exec(QSqlDatabase& db, const QString& sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        return Error{"schema: " + sql.left(60).toStdString() + ": " + q.lastError().text().toStdString()};
    return Ok{};
}

Status execAll(QSqlDatabase& db, const QStringList& statements) {
    for (const QString& s : statements)
        if (auto st = exec(db, s); !st) return st;
    return Ok{};
}

// 1: designs (current chip as design JSON, the state at history position 0, the undo position)
//    and their full edit history.
Status migrate1(QSqlDatabase& db) {
    return execAll(
        db, {
                QStringLiteral("CREATE TABLE scoville_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE designs ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " chip_json TEXT NOT NULL,"
                               " base_json TEXT NOT NULL,"
                               " undo_position INTEGER NOT NULL DEFAULT 0,"
                               " created_ms INTEGER NOT NULL,"
                               " modified_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE history ("
                               " design_id INTEGER NOT NULL REFERENCES designs(id) ON DELETE CASCADE,"
                               " seq INTEGER NOT NULL,"
                               " time_ms INTEGER NOT NULL,"
                               " label TEXT NOT NULL,"
                               " key TEXT NOT NULL,"
                               " old_value TEXT NOT NULL,"
                               " new_value TEXT NOT NULL,"
                               " PRIMARY KEY (design_id, seq))"),
            });
}

// 2: free-text notes per design; workloads (model id or JSON + scenario).
Status migrate2(QSqlDatabase& db) {
    return execAll(db, {
                           QStringLiteral("ALTER TABLE designs ADD COLUMN notes TEXT NOT NULL DEFAULT ''"),
                           QStringLiteral("ALTER TABLE designs ADD COLUMN workload TEXT NOT NULL DEFAULT ''"),
                           QStringLiteral("CREATE TABLE workloads ("
                                          " id INTEGER PRIMARY KEY,"
                                          " name TEXT NOT NULL UNIQUE,"
                                          " model_id TEXT NOT NULL DEFAULT '',"
                                          " model_json TEXT NOT NULL DEFAULT '',"
                                          " batch INTEGER NOT NULL,"
                                          " input_len INTEGER NOT NULL,"
                                          " output_len INTEGER NOT NULL,"
                                          " weight_precision TEXT NOT NULL,"
                                          " activation_precision TEXT NOT NULL,"
                                          " kv_precision TEXT NOT NULL,"
                                          " chips INTEGER NOT NULL,"
                                          " tp INTEGER NOT NULL,"
                                          " pp INTEGER NOT NULL,"
                                          " ep INTEGER NOT NULL,"
                                          " ttft_slo_s REAL,"
                                          " tpot_slo_s REAL)"),
                       });
}

// 3: baselines, pinned comparisons and sweep results.
Status migrate3(QSqlDatabase& db) {
    return execAll(
        db, {
                QStringLiteral("ALTER TABLE designs ADD COLUMN baseline TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("CREATE TABLE comparisons ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " workload TEXT NOT NULL DEFAULT '',"
                               " baseline TEXT NOT NULL DEFAULT '',"
                               " created_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE comparison_members ("
                               " comparison_id INTEGER NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,"
                               " position INTEGER NOT NULL,"
                               " ref TEXT NOT NULL,"
                               " PRIMARY KEY (comparison_id, position))"),
                QStringLiteral("CREATE TABLE sweeps ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " design TEXT NOT NULL DEFAULT '',"
                               " workload TEXT NOT NULL DEFAULT '',"
                               " spec TEXT NOT NULL DEFAULT '',"
                               " param_keys TEXT NOT NULL,"      // JSON array of dotted keys
                               " objective_keys TEXT NOT NULL,"  // JSON array of result keys
                               " created_ms INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE sweep_rows ("
                               " sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,"
                               " row INTEGER NOT NULL,"
                               " param_values TEXT NOT NULL,"      // JSON array, same order as param_keys
                               " objective_values TEXT NOT NULL,"  // JSON array, same order as objective_keys
                               " PRIMARY KEY (sweep_id, row))"),
            });
}

// 4: the current parameters of each design as key/value rows, so plain SQL can query them;
//    filled from the design JSON of existing designs.
Status migrate4(QSqlDatabase& db) {
    if (auto st =
            exec(db, QStringLiteral("CREATE TABLE design_params ("
                                    " design_id INTEGER NOT NULL REFERENCES designs(id) ON DELETE CASCADE,"
                                    " key TEXT NOT NULL,"
                                    " value REAL NOT NULL,"
                                    " text TEXT NOT NULL,"
                                    " PRIMARY KEY (design_id, key))"));
        !st)
        return st;
    QSqlQuery sel(db);
    if (!sel.exec(QStringLiteral("SELECT id, name, chip_json FROM designs")))
        return Error{"schema 4: " + sel.lastError().text().toStdString()};
    QSqlQuery ins(db);
    ins.prepare(
        QStringLiteral("INSERT INTO design_params (design_id, key, value, text) VALUES (?, ?, ?, ?)"));
    while (sel.next()) {
        const auto chip = chip_from_json(sel.value(2).toString().toStdString(),
                                         "design '" + sel.value(1).toString().toStdString() + "'");
        if (!chip) return chip.error();
        for (const auto& info : chip_params()) {
            ins.addBindValue(sel.value(0));
            ins.addBindValue(QString::fromUtf8(info.key.data(), static_cast<qsizetype>(info.key.size())));
            ins.addBindValue(info.get(*chip));
            ins.addBindValue(QString::fromStdString(*get_param_text(*chip, info.key)));
            if (!ins.exec()) return Error{"schema 4: " + ins.lastError().text().toStdString()};
        }
    }
    return exec(db,
                QStringLiteral(
                    "INSERT OR REPLACE INTO scoville_meta (key, value) VALUES ('min_reader_version', '4')"));
}

// 5: the spread of a workload's request lengths (coefficient of variation; 0 = uniform).
Status migrate5(QSqlDatabase& db) {
    return execAll(db, {
                           QStringLiteral("ALTER TABLE workloads ADD COLUMN input_len_cv REAL NOT NULL DEFAULT 0"),
                           QStringLiteral("ALTER TABLE workloads ADD COLUMN output_len_cv REAL NOT NULL DEFAULT 0"),
                       });
}

// 6: workloads key by key (core/workload/scenario_keys), so a new serving key needs no migration;
//    filled from the columns of existing workloads. The columns stay and are still written.
Status migrate6(QSqlDatabase& db) {
    if (auto st = exec(db, QStringLiteral("CREATE TABLE workload_params ("
                                          " workload_id INTEGER NOT NULL REFERENCES workloads(id) ON DELETE CASCADE,"
                                          " key TEXT NOT NULL,"
                                          " value TEXT NOT NULL,"
                                          " PRIMARY KEY (workload_id, key))"));
        !st)
        return st;
    QSqlQuery sel(db);
    if (!sel.exec(QStringLiteral("SELECT id, batch, input_len, output_len, weight_precision, activation_precision,"
                                 " kv_precision, chips, tp, pp, ep, ttft_slo_s, tpot_slo_s, input_len_cv,"
                                 " output_len_cv FROM workloads")))
        return Error{"schema 6: " + sel.lastError().text().toStdString()};
    QSqlQuery ins(db);
    ins.prepare(QStringLiteral("INSERT INTO workload_params (workload_id, key, value) VALUES (?, ?, ?)"));
    while (sel.next()) {
        Scenario s;
        s.batch = sel.value(1).toInt();
        s.input_len = sel.value(2).toInt();
        s.output_len = sel.value(3).toInt();
        for (auto [column, target] : {std::pair{4, &s.weight_precision}, std::pair{5, &s.activation_precision},
                                      std::pair{6, &s.kv_precision}})
            if (auto p = parse_precision(sel.value(column).toString().toStdString())) *target = *p;
        s.chips = sel.value(7).toInt();
        s.tp = sel.value(8).toInt();
        s.pp = sel.value(9).toInt();
        s.ep = sel.value(10).toInt();
        if (!sel.value(11).isNull()) s.ttft_slo_s = sel.value(11).toDouble();
        if (!sel.value(12).isNull()) s.tpot_slo_s = sel.value(12).toDouble();
        s.input_len_cv = sel.value(13).toDouble();
        s.output_len_cv = sel.value(14).toDouble();
        for (const auto& k : workload_keys()) {
            ins.addBindValue(sel.value(0));
            ins.addBindValue(QString::fromUtf8(k.key.data(), static_cast<qsizetype>(k.key.size())));
            ins.addBindValue(QString::fromStdString(k.get(s)));
            if (!ins.exec()) return Error{"schema 6: " + ins.lastError().text().toStdString()};
        }
    }
    return Ok{};
}

// A chip stored before the owner's-cost keys existed (no "econ" section) takes them from the
// reference chip it was made from, when there is one: a design started from jalapeno-est is still
// built in house and a B200 still has its price. Other chips keep the defaults.
Result<QString> withEconomics(const QString& json, const std::string& origin) {
    const std::string text = json.toStdString();
    if (text.find("\"econ\"") != std::string::npos) return json;
    auto chip = chip_from_json(text, origin);
    if (!chip) return chip.error();
    static const std::vector<std::string> ids = reference_chip_ids();
    if (std::find(ids.begin(), ids.end(), chip->id) != ids.end())
        if (auto reference = load_chip(chip->id)) {
            chip->econ = reference->econ;
            for (const auto& key : reference->estimated)  // and which of them are estimates
                if (key.starts_with("econ.") &&
                    std::find(chip->estimated.begin(), chip->estimated.end(), key) == chip->estimated.end())
                    chip->estimated.push_back(key);
        }
    return QString::fromStdString(chip_to_json(*chip, -1));
}

// Rewrites every stored chip through `transform`: each design's current chip and the chip it started
// from, and the chips of whole-chip history entries. Gives the designs' ids and rewritten chips.
struct StoredDesign {
    QVariant id;
    QString chip, base;
};
Result<std::vector<StoredDesign>> rewriteStoredChips(QSqlDatabase& db, const std::string& schema,
                                                      Result<QString> (*transform)(const QString&, const std::string&)) {
    QSqlQuery sel(db);
    if (!sel.exec(QStringLiteral("SELECT id, name, chip_json, base_json FROM designs")))
        return Error{schema + ": " + sel.lastError().text().toStdString()};
    std::vector<StoredDesign> rows;
    while (sel.next()) {
        const std::string origin = "design '" + sel.value(1).toString().toStdString() + "'";
        auto chip = transform(sel.value(2).toString(), origin);
        auto base = transform(sel.value(3).toString(), origin);
        if (!chip) return chip.error();
        if (!base) return base.error();
        rows.push_back({sel.value(0), *chip, *base});
    }
    QSqlQuery up(db);
    up.prepare(QStringLiteral("UPDATE designs SET chip_json = ?, base_json = ? WHERE id = ?"));
    for (const StoredDesign& r : rows) {
        up.addBindValue(r.chip);
        up.addBindValue(r.base);
        up.addBindValue(r.id);
        if (!up.exec()) return Error{schema + ": " + up.lastError().text().toStdString()};
    }
    QSqlQuery hist(db);
    if (!hist.exec(QStringLiteral("SELECT design_id, seq, old_value, new_value FROM history WHERE key = '*'")))
        return Error{schema + ": " + hist.lastError().text().toStdString()};
    struct Entry {
        QVariant design, seq;
        QString oldValue, newValue;
    };
    std::vector<Entry> entries;
    while (hist.next()) {
        auto o = transform(hist.value(2).toString(), "history");
        auto n = transform(hist.value(3).toString(), "history");
        if (!o) return o.error();
        if (!n) return n.error();
        entries.push_back({hist.value(0), hist.value(1), *o, *n});
    }
    QSqlQuery he(db);
    he.prepare(QStringLiteral("UPDATE history SET old_value = ?, new_value = ? WHERE design_id = ? AND seq = ?"));
    for (const Entry& e : entries) {
        he.addBindValue(e.oldValue);
        he.addBindValue(e.newValue);
        he.addBindValue(e.design);
        he.addBindValue(e.seq);
        if (!he.exec()) return Error{schema + ": " + he.lastError().text().toStdString()};
    }
    return rows;
}

// 7: one history for every kind of edit: each entry has a kind (chip, design, workload, baseline,
//    compared) and a step (entries made together undo together). Existing entries are chip edits,
//    or design edits for whole-chip replacements, each its own step. Stored chips gain the
//    owner's-cost keys of their reference chip, and every design's parameter rows are complete.
Status migrate7(QSqlDatabase& db) {
    if (auto st = execAll(
            db, {
                    QStringLiteral("ALTER TABLE history ADD COLUMN kind TEXT NOT NULL DEFAULT 'chip'"),
                    QStringLiteral("ALTER TABLE history ADD COLUMN step INTEGER NOT NULL DEFAULT 0"),
                    QStringLiteral("UPDATE history SET step = seq,"
                                   " kind = CASE key WHEN '*' THEN 'design' ELSE 'chip' END"),
                    QStringLiteral("INSERT OR REPLACE INTO scoville_meta (key, value) VALUES ('min_reader_version', '7')"),
                });
        !st)
        return st;
    auto rows = rewriteStoredChips(db, "schema 7", &withEconomics);
    if (!rows) return rows.error();
    QSqlQuery params(db);
    params.prepare(QStringLiteral("INSERT OR REPLACE INTO design_params (design_id, key, value, text) VALUES (?, ?, ?, ?)"));
    for (const StoredDesign& r : *rows) {
        const auto chip = chip_from_json(r.chip.toStdString(), "design");
        if (!chip) return chip.error();
        for (const auto& info : chip_params()) {
            params.addBindValue(r.id);
            params.addBindValue(QString::fromUtf8(info.key.data(), static_cast<qsizetype>(info.key.size())));
            params.addBindValue(info.get(*chip));
            params.addBindValue(QString::fromStdString(*get_param_text(*chip, info.key)));
            if (!params.exec()) return Error{"schema 7: " + params.lastError().text().toStdString()};
        }
    }
    return Ok{};
}

// 8: sweep points keep how they came out: a status (ok, violates, failed) and its note; an
//    objective that does not apply is null. Older readers would take a null for a bad number, so
//    they are told to stop (min_reader_version 8).
Status migrate8(QSqlDatabase& db) {
    return execAll(db, {
                           QStringLiteral("ALTER TABLE sweep_rows ADD COLUMN status TEXT NOT NULL DEFAULT 'ok'"),
                           QStringLiteral("ALTER TABLE sweep_rows ADD COLUMN note TEXT NOT NULL DEFAULT ''"),
                           QStringLiteral("INSERT OR REPLACE INTO scoville_meta (key, value) VALUES "
                                          "('min_reader_version', '8')"),
                       });
}

// A chip stored before chips carried the ranges of their uncertain values takes them from the
// reference chip it was made from, when there is one (ranges are factors of the values, so they
// follow the design's own values). Other chips stay without ranges.
Result<QString> withRanges(const QString& json, const std::string& origin) {
    const std::string text = json.toStdString();
    if (text.find("\"ranges\"") != std::string::npos) return json;
    auto chip = chip_from_json(text, origin);
    if (!chip) return chip.error();
    static const std::vector<std::string> ids = reference_chip_ids();
    if (std::find(ids.begin(), ids.end(), chip->id) == ids.end()) return json;
    auto reference = load_chip(chip->id);
    if (!reference || reference->ranges.empty()) return json;
    chip->ranges = reference->ranges;
    return QString::fromStdString(chip_to_json(*chip, -1));
}

// 9: designs (their current chip, the chip they started from, and whole-chip history entries)
//    saved before chips carried ranges gain their reference chip's ranges.
Status migrate9(QSqlDatabase& db) {
    auto rows = rewriteStoredChips(db, "schema 9", &withRanges);
    if (!rows) return rows.error();
    return Ok{};
}

constexpr Migration kMigrations[] = {
    {1, "designs and edit history", &migrate1},
    {2, "notes and workloads", &migrate2},
    {3, "baselines, comparisons and sweeps", &migrate3},
    {4, "design parameters as key/value rows", &migrate4},
    {5, "spread of request lengths in workloads", &migrate5},
    {6, "workloads key by key", &migrate6},
    {7, "one history of every kind of edit, in steps", &migrate7},
    {8, "sweep points' status and note; objectives that do not apply as null", &migrate8},
    {9, "ranges of reference chips' uncertain values in designs saved without them", &migrate9},
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

Result<int> pragmaInt(QSqlDatabase& db, const QString& name) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return Error{"PRAGMA " + name.toStdString() + ": " + q.lastError().text().toStdString()};
    return q.value(0).toInt();
}

}  // namespace

const Migration* migrations(int* count) {
    *count = static_cast<int>(std::size(kMigrations));
    return kMigrations;
}

Status migrate(QSqlDatabase& db, int target) {
    if (target < 0 || target > kSchemaVersion)
        return Error{"schema: no migration to version " + std::to_string(target)};
    auto version = pragmaInt(db, QStringLiteral("user_version"));
    if (!version) return version.error();
    if (*version > kSchemaVersion)
        return Error{"schema: version " + std::to_string(*version) + " is newer than this build reads (" +
                     std::to_string(kSchemaVersion) + ")"};
    for (const Migration& m : kMigrations) {
        if (m.version <= *version || m.version > target) continue;
        if (auto st = exec(db, QStringLiteral("BEGIN IMMEDIATE")); !st) return st;
        Status st = m.apply(db);
        if (st && m.version == 1)
            st = exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId));
        if (st) st = exec(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version));
        if (st) st = exec(db, QStringLiteral("COMMIT"));
        if (!st) {
            exec(db, QStringLiteral("ROLLBACK"));
            return Error{"migration to schema " + std::to_string(m.version) + " (" + m.description +
                         ") failed: " + st.error().message};
        }
    }
    return Ok{};
}

QString uniqueConnectionName(const char* purpose) {
    static std::atomic<quint64> counter{0};
    return QStringLiteral("scoville-%1-%2").arg(QLatin1String(purpose)).arg(++counter);
}

Message storeMessage(std::string_view pattern, const QStringList& args, std::vector<Message> inner) {
    Message m{"Store", pattern, {}, std::move(inner)};
    for (const QString& a : args) m.args.push_back(stext(a));
    return m;
}

Message sqlErrorMessage(const QString& file, const Message& action, const QSqlError& error) {
    const int code = error.nativeErrorCode().toInt() & 0xff;  // primary SQLite result code
    std::string_view what;
    switch (code) {
        case 5:  // SQLITE_BUSY
        case 6:  // SQLITE_LOCKED
            what = SCV_TR("Store", "the file is locked by another program");
            break;
        case 8:  // SQLITE_READONLY
            what = SCV_TR("Store", "the file or its folder is read-only");
            break;
        case 13:  // SQLITE_FULL
            what = SCV_TR("Store", "the disk is full");
            break;
        case 10:  // SQLITE_IOERR
            what = SCV_TR("Store", "a disk read or write failed");
            break;
        case 11:  // SQLITE_CORRUPT
        case 26:  // SQLITE_NOTADB
            what = SCV_TR("Store", "the file is corrupt");
            break;
        case 14:  // SQLITE_CANTOPEN
            what = SCV_TR("Store", "the file cannot be opened");
            break;
        default:
            what = SCV_TR("Store", "database error");
            break;
    }
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    // The file and SQLite's own words as they are; the action and the plain words translated
    // (%1 file, %2 SQLite's words, %3 action, %4 what went wrong).
    return Message{"Store", SCV_TR("Store", "%1: %3: %4 (%2)"), {stext(file), stext(detail)},
                   {action, storeMessage(what, {})}};
}

QString describeSqlError(const QString& file, const QString& action, const QSqlError& error) {
    return qtext(sqlErrorMessage(file, Message{"", "%1", {stext(action)}}, error).text());  // English
}

namespace {

// What SQLite reports about a file: header values and the first quick_check problem.
struct SqliteProbe {
    bool ok = false;
    int code = SQLITE_OK;  // extended result code of the first failure
    QString error;
    int applicationId = 0;
    int userVersion = 0;
    QString quickCheck;  // empty when quick_check says "ok"
};

// Uses the SQLite C API (the same libsqlite3 Qt's driver loads) because a check must be able to
// promise not to write the database file: SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE keeps a read-write
// connection from checkpointing when it closes.
SqliteProbe probeFile(const QString& path, bool readWrite, int busyTimeoutMs) {
    SqliteProbe probe;
    sqlite3* db = nullptr;
    const QByteArray name = QFile::encodeName(path);
    int rc = sqlite3_open_v2(name.constData(), &db, readWrite ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY,
                             nullptr);
    auto failed = [&](int code) {
        probe.code = db ? sqlite3_extended_errcode(db) : code;
        probe.error = QStringLiteral("%1, SQLite code %2")
                          .arg(QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(code)))
                          .arg(probe.code);
        sqlite3_close_v2(db);
        return probe;
    };
    if (rc != SQLITE_OK) return failed(rc);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, std::max(0, busyTimeoutMs));
    if (readWrite) sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    auto readInt = [&](const char* sql, int& out) {
        sqlite3_stmt* st = nullptr;
        int r = sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        if (r == SQLITE_OK) r = sqlite3_step(st);
        if (r == SQLITE_ROW) out = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
        return r == SQLITE_ROW ? SQLITE_OK : r;
    };
    if ((rc = readInt("PRAGMA application_id", probe.applicationId)) != SQLITE_OK) return failed(rc);
    if ((rc = readInt("PRAGMA user_version", probe.userVersion)) != SQLITE_OK) return failed(rc);
    if (probe.applicationId == kApplicationId && probe.userVersion <= kSchemaVersion) {
        sqlite3_stmt* st = nullptr;
        rc = sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr);
        while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            const QString row = QString::fromUtf8(text ? text : "");
            if (probe.quickCheck.isEmpty() && row != QStringLiteral("ok")) probe.quickCheck = row;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return failed(rc);
    }
    probe.ok = true;
    sqlite3_close_v2(db);
    return probe;
}

}  // namespace

namespace {

FileCheck inspectFile(const QString& path, int busyTimeoutMs) {
    FileCheck check;
    const QFileInfo info(path);
    if (!info.exists()) {
        check.kind = FileKind::missing;
        return check;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        check.kind = FileKind::unreadable;
        check.text = storeMessage(SCV_TR("Store", "%1: cannot be read (%2)"), {path, f.errorString()});
        return check;
    }
    const QByteArray header = f.read(100);
    f.close();
    if (header.isEmpty() && info.size() == 0) {
        check.kind = FileKind::empty;  // SQLite treats a zero-byte file as an empty database
        return check;
    }
    static const QByteArray kMagic("SQLite format 3\0", 16);
    if (header.size() < 100 || !header.startsWith(kMagic)) {
        check.kind = FileKind::notSqlite;
        check.text = storeMessage(SCV_TR("Store", "%1: not a Scoville session (not an SQLite file)"), {path});
        return check;
    }

    // A file whose page 1 names another program is not ours, whatever state its journal is in.
    const auto be32 = [&](int offset) {
        return static_cast<qint32>(
            (quint32(quint8(header[offset])) << 24) | (quint32(quint8(header[offset + 1])) << 16) |
            (quint32(quint8(header[offset + 2])) << 8) | quint32(quint8(header[offset + 3])));
    };
    const int headerAppId = be32(68);

    // Authoritative values come from SQLite itself, read-only (a WAL may hold a newer page 1).
    // A WAL left by a process that died needs its index rebuilt, which a read-only connection
    // cannot do; then a read-write connection that never checkpoints (so the database file itself
    // is not written) reads it instead. Only for files whose header says they are ours.
    SqliteProbe probe = probeFile(path, false, busyTimeoutMs);
    // Likewise a rollback journal left hot by a process that died must be rolled back first.
    if (!probe.ok && (probe.code & 0xff) == SQLITE_READONLY && headerAppId == kApplicationId &&
        info.isWritable())
        probe = probeFile(path, true, busyTimeoutMs);

    if (!probe.ok && headerAppId != kApplicationId) {
        check.kind = FileKind::foreign;
        check.text = storeMessage(
            SCV_TR("Store", "%1: not a Scoville session (an SQLite file of another program, application_id %2)"),
            {path, QString::number(headerAppId)});
    } else if (!probe.ok) {
        const int code = probe.code & 0xff;
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            check.kind = FileKind::locked;
            check.text = storeMessage(SCV_TR("Store", "%1: the file is locked by another program (%2)"), {path, probe.error});
        } else if (code == SQLITE_CANTOPEN || code == SQLITE_PERM || code == SQLITE_READONLY) {
            check.kind = FileKind::unreadable;
            check.text = storeMessage(SCV_TR("Store", "%1: cannot be opened (%2)"), {path, probe.error});
        } else {
            check.kind = FileKind::corrupt;
            check.text = storeMessage(SCV_TR("Store", "%1: corrupt session file (%2)"), {path, probe.error});
        }
    } else if (probe.applicationId != kApplicationId) {
        check.kind = FileKind::foreign;
        check.text = storeMessage(
            SCV_TR("Store", "%1: not a Scoville session (an SQLite file of another program, application_id %2)"),
            {path, QString::number(probe.applicationId)});
    } else if (probe.userVersion > kSchemaVersion) {
        check.kind = FileKind::newer;
        check.version = probe.userVersion;
        check.text = storeMessage(
            SCV_TR("Store", "%1: written by a newer Scoville (session schema %2; this build reads up to %3)"),
            {path, QString::number(probe.userVersion), QString::number(kSchemaVersion)});
    } else if (!probe.quickCheck.isEmpty()) {
        check.kind = FileKind::corrupt;
        check.text = storeMessage(SCV_TR("Store", "%1: corrupt session file (%2)"), {path, probe.quickCheck});
    } else {
        check.kind = FileKind::session;
        check.version = probe.userVersion;
    }
    return check;
}

}  // namespace

FileCheck checkFile(const QString& path, int busyTimeoutMs) {
    FileCheck check = inspectFile(path, busyTimeoutMs);
    if (!check.text.pattern.empty()) check.message = qtext(check.text.text());
    return check;
}

}  // namespace scoville::store
