#include "store/schema.hpp"

#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <atomic>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"

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
    return execAll(db, {
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
    return execAll(db, {
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
                       " param_keys TEXT NOT NULL,"       // JSON array of dotted keys
                       " objective_keys TEXT NOT NULL,"   // JSON array of result keys
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
    if (auto st = exec(db, QStringLiteral("CREATE TABLE design_params ("
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
    ins.prepare(QStringLiteral("INSERT INTO design_params (design_id, key, value, text) VALUES (?, ?, ?, ?)"));
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
    return exec(db, QStringLiteral("INSERT OR REPLACE INTO scoville_meta (key, value) VALUES ('min_reader_version', '%1')")
                        .arg(kMinReaderVersion));
}

constexpr Migration kMigrations[] = {
    {1, "designs and edit history", &migrate1},
    {2, "notes and workloads", &migrate2},
    {3, "baselines, comparisons and sweeps", &migrate3},
    {4, "design parameters as key/value rows", &migrate4},
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

QString describeSqlError(const QString& file, const QString& action, const QSqlError& error) {
    const int code = error.nativeErrorCode().toInt() & 0xff;  // primary SQLite result code
    QString what;
    switch (code) {
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
        what = QStringLiteral("the file is locked by another program");
        break;
    case 8:  // SQLITE_READONLY
        what = QStringLiteral("the file or its folder is read-only");
        break;
    case 13:  // SQLITE_FULL
        what = QStringLiteral("the disk is full");
        break;
    case 10:  // SQLITE_IOERR
        what = QStringLiteral("a disk read or write failed");
        break;
    case 11:  // SQLITE_CORRUPT
    case 26:  // SQLITE_NOTADB
        what = QStringLiteral("the file is corrupt");
        break;
    case 14:  // SQLITE_CANTOPEN
        what = QStringLiteral("the file cannot be opened");
        break;
    default:
        what = QStringLiteral("database error");
        break;
    }
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    return QStringLiteral("%1: %2: %3 (%4)").arg(file, action, what, detail);
}

FileCheck checkFile(const QString& path, int busyTimeoutMs) {
    FileCheck check;
    const QFileInfo info(path);
    if (!info.exists()) {
        check.kind = FileKind::missing;
        return check;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        check.kind = FileKind::unreadable;
        check.message = QStringLiteral("%1: cannot be read (%2)").arg(path, f.errorString());
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
        check.message = QStringLiteral("%1: not a Scoville session (not an SQLite file)").arg(path);
        return check;
    }

    // Authoritative values come from SQLite itself, read-only (a WAL may hold a newer page 1).
    const QString name = uniqueConnectionName("check");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=%1").arg(std::max(0, busyTimeoutMs)));
        // A failure is "locked" when another program holds the file, "corrupt" otherwise.
        auto failed = [&](const QSqlError& error) {
            const int code = error.nativeErrorCode().toInt() & 0xff;
            const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
            if (code == 5 || code == 6) {  // SQLITE_BUSY, SQLITE_LOCKED
                check.kind = FileKind::locked;
                check.message = QStringLiteral("%1: the file is locked by another program (%2)").arg(path, detail);
            } else if (code == 14) {  // SQLITE_CANTOPEN
                check.kind = FileKind::unreadable;
                check.message = QStringLiteral("%1: cannot be opened (%2)").arg(path, detail);
            } else {
                check.kind = FileKind::corrupt;
                check.message = QStringLiteral("%1: corrupt session file (%2)").arg(path, detail);
            }
        };
        QSqlQuery q(db);
        auto readInt = [&](const char* pragma, int& out) {
            if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(pragma))) || !q.next()) {
                failed(q.lastError());
                return false;
            }
            out = q.value(0).toInt();
            q.finish();
            return true;
        };
        int appId = 0;
        int version = 0;
        if (!db.open()) {
            failed(db.lastError());
        } else if (!readInt("application_id", appId) || !readInt("user_version", version)) {
            // reported by readInt
        } else if (appId != kApplicationId) {
            check.kind = FileKind::foreign;
            check.message = QStringLiteral("%1: not a Scoville session (an SQLite file of another program, "
                                           "application_id %2)")
                                .arg(path)
                                .arg(appId);
        } else if (version > kSchemaVersion) {
            check.kind = FileKind::newer;
            check.version = version;
            check.message = QStringLiteral("%1: written by a newer Scoville (session schema %2; this build "
                                           "reads up to %3)")
                                .arg(path)
                                .arg(version)
                                .arg(kSchemaVersion);
        } else if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
            failed(q.lastError());
        } else {
            QString problem;
            while (q.next())
                if (problem.isEmpty() && q.value(0).toString() != QStringLiteral("ok")) problem = q.value(0).toString();
            if (q.lastError().isValid()) {
                failed(q.lastError());
            } else if (!problem.isEmpty()) {
                check.kind = FileKind::corrupt;
                check.message = QStringLiteral("%1: corrupt session file (%2)").arg(path, problem);
            } else {
                check.kind = FileKind::session;
                check.version = version;
            }
        }
        q.finish();
        q.clear();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return check;
}

}  // namespace scoville::store
