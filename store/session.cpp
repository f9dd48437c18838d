#include "store/session.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QVariant>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/workload/model.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/schema.hpp"

namespace scoville::store {

namespace {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL, so bind "" instead.
QString nn(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}
QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
std::string ss(const QString& s) {
    return s.toStdString();
}
qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
const QString kWhole = QLatin1String(kWholeChipKey);

// Design JSON as stored: compact, so a history entry stays one line.
QString storedJson(const ChipSpec& chip) {
    return qs(chip_to_json(chip, -1));
}

Status applyValue(ChipSpec& chip, const QString& key, const QString& value) {
    if (key == kWhole) {
        auto parsed = chip_from_json(ss(value), "history");
        if (!parsed) return parsed.error();
        chip = std::move(*parsed);
        return Ok{};
    }
    return set_param_text(chip, ss(key), ss(value));
}

QString joinNumbers(const std::vector<double>& values) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (double v : values) parts << QString::number(v, 'g', 17);  // 17 digits: exact round trip
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

Result<std::vector<double>> splitNumbers(const QString& text) {
    const QString inner = text.mid(1, text.size() - 2).trimmed();
    std::vector<double> out;
    if (!text.startsWith(QLatin1Char('[')) || !text.endsWith(QLatin1Char(']')))
        return Error{"sweep row '" + ss(text.left(40)) + "' is not a JSON array"};
    if (inner.isEmpty()) return out;
    for (const QString& part : inner.split(QLatin1Char(','))) {
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) return Error{"sweep row value '" + ss(part) + "' is not a number"};
        out.push_back(v);
    }
    return out;
}

QString joinStrings(const QStringList& list) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList splitStrings(const QString& text) {
    QStringList out;
    for (const auto& v : QJsonDocument::fromJson(text.toUtf8()).array()) out << v.toString();
    return out;
}

QString defaultLabel(const std::string& key, const std::string& text) {
    const ParamInfo* info = find_param(key);
    if (!info) return qs(key) + QStringLiteral(" = ") + qs(text);
    QString label = qs(info->label) + QStringLiteral(" = ") + qs(text);
    if (!info->unit.empty()) label += QLatin1Char(' ') + qs(info->unit);
    return label;
}

// Checks a chip can be stored and loaded back: the stored form is design JSON, and loading it
// applies every range and consistency check.
Status storable(const ChipSpec& chip, const QString& what) {
    auto back = chip_from_json(chip_to_json(chip, -1), ss(what));
    if (!back) return back.error();
    return Ok{};
}

}  // namespace

// --- Opening ---------------------------------------------------------------------------------------

Session::Session(QString path, QString connection, bool readOnly)
    : path_(std::move(path)), connection_(std::move(connection)), readOnly_(readOnly) {}

Session::~Session() {
    {
        QSqlDatabase d = QSqlDatabase::database(connection_, false);
        if (d.isOpen()) d.close();
    }
    QSqlDatabase::removeDatabase(connection_);
}

QSqlDatabase Session::db() const {
    return QSqlDatabase::database(connection_, false);
}

Result<QString> Session::openConnection(const QString& path, bool readOnly, int busyTimeoutMs) {
    const QString name = uniqueConnectionName("session");
    QString error;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(std::max(0, busyTimeoutMs));
        if (readOnly) options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        d.setConnectOptions(options);
        if (!d.open()) {
            error = describeSqlError(path, QStringLiteral("opening"), d.lastError());
        } else if (!readOnly) {
            QSqlQuery q(d);
            // WAL: readers never block the writer and a crash loses at most the transaction in
            // flight; synchronous=FULL makes each committed edit durable before the call returns.
            if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
                error = describeSqlError(path, QStringLiteral("switching to WAL"), q.lastError());
            } else if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
                error = QStringLiteral("%1: opening: the file cannot use WAL journaling (journal mode %2)")
                            .arg(path, q.value(0).toString());
            } else if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
                       !q.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
                error = describeSqlError(path, QStringLiteral("opening"), q.lastError());
            }
        }
        if (!error.isEmpty()) d.close();
    }
    if (!error.isEmpty()) {
        QSqlDatabase::removeDatabase(name);
        return Error{ss(error)};
    }
    return name;
}

namespace {

// Builds a new session file next to `path` and moves it into place, so a file at `path` is always
// a complete session even if the process dies half-way. `replace` overwrites (an empty file).
Status createFile(const QString& path, bool replace) {
    const QFileInfo info(path);
    QString tmpPath;
    {
        // Only a unique name is taken from QTemporaryFile (which would create the file 0600);
        // SQLite then creates it with the usual permissions (0644 less the umask).
        QTemporaryFile tmp(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                           QStringLiteral(".new-XXXXXX"));
        if (!tmp.open())
            return Error{
                ss(QStringLiteral("%1: cannot create the session file (%2)").arg(path, tmp.errorString()))};
        tmpPath = tmp.fileName();
    }
    const QString name = uniqueConnectionName("create");
    Status st = Ok{};
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(tmpPath);
        if (!d.open()) {
            st = Error{ss(describeSqlError(path, QStringLiteral("creating"), d.lastError()))};
        } else {
            st = migrate(d);
            if (st) {
                // WAL from the start: the mode is recorded in the file header, so the first open
                // has no journal switch in which a crash could leave a hot rollback journal.
                QSqlQuery wal(d);
                if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
                    st = Error{ss(describeSqlError(path, QStringLiteral("creating"), wal.lastError()))};
            }
            if (st) {
                QSqlQuery q(d);
                if (!q.exec(QStringLiteral("INSERT OR REPLACE INTO scoville_meta (key, value) VALUES "
                                           "('created_by', 'Scoville %1')")
                                .arg(QLatin1String(SCOVILLE_VERSION))))
                    st = Error{ss(describeSqlError(path, QStringLiteral("creating"), q.lastError()))};
            }
            if (!st) st = Error{ss(path) + ": creating: " + st.error().message};
            d.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    if (st) {
        bool moved = false;
        if (replace) {
            moved =
                std::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(path).constData()) == 0;
        } else {
            // Never replaces: if another process created the file meanwhile, that one is used.
            moved = QFile::rename(tmpPath, path) || QFileInfo::exists(path);
        }
        if (!moved)
            st = Error{ss(QStringLiteral("%1: cannot create the session file (rename failed)").arg(path))};
    }
    QFile::remove(tmpPath);
    for (const char* suffix : {"-journal", "-wal", "-shm"}) QFile::remove(tmpPath + QLatin1String(suffix));
    return st;
}

}  // namespace

Result<std::unique_ptr<Session>> Session::open(const QString& path, const Options& options) {
    const bool wantReadOnly = options.mode == Mode::readOnly;
    FileCheck check = checkFile(path, options.busyTimeoutMs);
    if (check.kind == FileKind::missing || check.kind == FileKind::empty) {
        if (wantReadOnly || !options.create)
            return Error{ss(check.kind == FileKind::missing
                                ? QStringLiteral("%1: no such session file").arg(path)
                                : QStringLiteral("%1: empty file, not a session").arg(path))};
        if (auto st = createFile(path, check.kind == FileKind::empty); !st) return st.error();
        check = checkFile(path, options.busyTimeoutMs);
    }
    if (check.kind != FileKind::session) return Error{ss(check.message)};

    // A file or folder we may not write to is opened read-only: readable, and Save As works.
    const QFileInfo info(path);
    const bool readOnly = wantReadOnly || !info.isWritable() || !QFileInfo(info.absolutePath()).isWritable();
    // Read-only and older: the file itself must not change, so a private copy is upgraded instead.
    QString openPath = path;
    std::shared_ptr<QTemporaryDir> scratch;
    if (readOnly && check.version < kSchemaVersion) {
        scratch = std::make_shared<QTemporaryDir>();
        if (!scratch->isValid())
            return Error{ss(QStringLiteral("%1: cannot make a temporary copy to upgrade (%2)")
                                .arg(path, scratch->errorString()))};
        openPath = scratch->filePath(QStringLiteral("upgraded.scoville"));
        auto source = openConnection(path, true, options.busyTimeoutMs);
        if (!source) return source.error();
        Session copier(path, *source, true);
        if (auto st = copier.copyTo(openPath); !st) return st.error();
        auto upgrade = openConnection(openPath, false, options.busyTimeoutMs);
        if (!upgrade) return upgrade.error();
        Session upgrader(path, *upgrade, false);
        QSqlDatabase d = upgrader.db();
        if (auto st = migrate(d); !st) return Error{ss(path) + ": " + st.error().message};
    }

    auto connection = openConnection(openPath, readOnly, options.busyTimeoutMs);
    if (!connection) return connection.error();
    std::unique_ptr<Session> session(new Session(path, *connection, readOnly));
    session->scratch_ = std::move(scratch);
    session->busyTimeoutMs_ = options.busyTimeoutMs;
    if (!readOnly && check.version < kSchemaVersion) {
        QSqlDatabase d = session->db();
        if (auto st = migrate(d); !st) return Error{ss(path) + ": " + st.error().message};
    }
    if (auto st = session->loadDesigns(); !st) return st.error();
    return session;
}

Status Session::loadDesigns() {
    designs_.clear();
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT d.id, d.name, d.chip_json, d.undo_position,"
                               " (SELECT COUNT(*) FROM history h WHERE h.design_id = d.id) FROM designs d")))
        return Error{ss(describeSqlError(path_, QStringLiteral("reading designs"), q.lastError()))};
    while (q.next()) {
        const QString name = q.value(1).toString();
        auto chip = chip_from_json(ss(q.value(2).toString()),
                                   ss(path_ + QStringLiteral(": design '") + name + QLatin1Char('\'')));
        if (!chip) return chip.error();
        DesignState s;
        s.id = q.value(0).toLongLong();
        s.chip = std::move(*chip);
        s.undoPosition = q.value(3).toInt();
        s.historyCount = q.value(4).toInt();
        designs_.insert(name, std::move(s));
    }
    if (q.lastError().isValid())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading designs"), q.lastError()))};
    return Ok{};
}

// --- Writing -----------------------------------------------------------------------------------------

Status Session::fail(const std::string& message) {
    emit writeFailed(qs(message));
    return Error{message};
}

Status Session::write(const QString& action, const std::function<Status()>& body) {
    if (readOnly_)
        return fail(ss(QStringLiteral("%1: %2: the session is open read-only (use Save As to keep changes)")
                           .arg(path_, action)));
    QSqlDatabase d = db();
    {
        QSqlQuery q(d);
        // IMMEDIATE takes the write lock up front, so a busy file fails here and not half-way.
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(ss(describeSqlError(path_, action, q.lastError())) + "; nothing was changed");
    }
    Status st = body();
    if (st) {
        QSqlQuery q(d);
        if (!q.exec(QStringLiteral("COMMIT"))) st = Error{ss(describeSqlError(path_, action, q.lastError()))};
    }
    if (!st) {
        QSqlQuery q(d);
        q.exec(QStringLiteral("ROLLBACK"));
        return fail(st.error().message + "; nothing was changed");
    }
    return Ok{};
}

namespace {
// Runs a prepared query inside a write body; the error names the file and the action.
Status run(QSqlQuery& q, const QString& file, const QString& action) {
    if (q.exec()) return Ok{};
    return Error{ss(describeSqlError(file, action, q.lastError()))};
}
}  // namespace

Result<const Session::DesignState*> Session::find(const QString& design) const {
    const auto it = designs_.constFind(design);
    if (it == designs_.constEnd()) {
        QStringList names = designNames();
        return Error{
            ss(QStringLiteral("%1: no design '%2' (designs: %3)")
                   .arg(path_, design,
                        names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))))};
    }
    return &it.value();
}

Status Session::writeDesignRow(qint64 id, const ChipSpec& chip, int undoPosition, const ChipSpec* previous) {
    const QString action = QStringLiteral("saving the design");
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("UPDATE designs SET chip_json = ?, undo_position = ?, modified_ms = ? WHERE id = ?"));
    q.addBindValue(storedJson(chip));
    q.addBindValue(undoPosition);
    q.addBindValue(nowMs());
    q.addBindValue(id);
    if (auto st = run(q, path_, action); !st) return st;
    // Only the rows that changed: an edit touches one key, not the whole table.
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO design_params (design_id, key, value, text) VALUES (?, ?, ?, ?)"));
    for (const auto& info : chip_params()) {
        const std::string text = *get_param_text(chip, info.key);
        if (previous && *get_param_text(*previous, info.key) == text) continue;
        q.addBindValue(id);
        q.addBindValue(qs(info.key));
        q.addBindValue(info.get(chip));
        q.addBindValue(qs(text));
        if (auto st = run(q, path_, action); !st) return st;
    }
    return Ok{};
}

Status Session::checkUnchanged(const QString& design, const DesignState& state, const QString& action) {
    // Another program (or Session) may have edited this design since it was loaded; writing on
    // top of that would fork its history, so the edit is refused instead.
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT undo_position, (SELECT COUNT(*) FROM history WHERE design_id = ?) FROM designs"
                       " WHERE id = ?"));
    q.addBindValue(state.id);
    q.addBindValue(state.id);
    if (auto st = run(q, path_, action); !st) return st;
    if (!q.next() || q.value(0).toInt() != state.undoPosition || q.value(1).toInt() != state.historyCount)
        return Error{
            ss(QStringLiteral("%1: %2: design '%3' was changed by another program since the session was "
                              "opened; reopen the session")
                   .arg(path_, action, design))};
    return Ok{};
}

Status Session::commitEdits(const QString& design, const std::vector<Edit>& edits, const QString& label,
                            bool merge) {
    auto found = find(design);
    if (!found) return fail(found.error().message);
    DesignState next = **found;
    struct Row {
        QString key, oldValue, newValue;
    };
    std::vector<Row> rows;
    for (const Edit& e : edits) {
        if (e.key == kWholeChipKey) {
            auto chip = chip_from_json(e.newText, ss(QStringLiteral("design '%1'").arg(design)));
            if (!chip) return fail(ss(path_) + ": " + chip.error().message);
            const QString oldJson = storedJson(next.chip), newJson = storedJson(*chip);
            if (oldJson != newJson) rows.push_back({kWhole, oldJson, newJson});
            next.chip = std::move(*chip);
            continue;
        }
        auto oldText = get_param_text(next.chip, e.key);
        if (!oldText) return fail(ss(path_) + ": design '" + ss(design) + "': " + oldText.error().message);
        if (auto st = set_param_text(next.chip, e.key, e.newText); !st)
            return fail(ss(path_) + ": design '" + ss(design) + "': " + st.error().message);
        const std::string newText = *get_param_text(next.chip, e.key);
        if (newText != *oldText) rows.push_back({qs(e.key), qs(*oldText), qs(newText)});
    }
    if (rows.empty()) return Ok{};  // nothing changed: no history entry
    if (auto st = validate_chip(next.chip); !st)
        return fail(ss(path_) + ": design '" + ss(design) + "': " + st.error().message);

    QString entryLabel = label;
    if (entryLabel.isEmpty())
        entryLabel = rows.size() == 1 && rows[0].key != kWhole
                         ? defaultLabel(ss(rows[0].key), ss(rows[0].newValue))
                     : rows[0].key == kWhole ? QStringLiteral("Replace design")
                                             : QStringLiteral("Set %1 parameters").arg(rows.size());
    const QString action = QStringLiteral("saving edit '%1' of design '%2'").arg(entryLabel, design);
    const qint64 id = next.id;
    int position = next.undoPosition;
    const int oldCount = next.historyCount;
    bool merged = false;

    Status st = write(action, [&]() -> Status {
        if (auto s = checkUnchanged(design, **found, action); !s) return s;
        QSqlQuery q(db());
        if (position < oldCount) {  // an edit after undo drops the redo branch, as QUndoStack does
            q.prepare(QStringLiteral("DELETE FROM history WHERE design_id = ? AND seq > ?"));
            q.addBindValue(id);
            q.addBindValue(position);
            if (auto s = run(q, path_, action); !s) return s;
        }
        if (merge && rows.size() == 1 && position > 0 && position == oldCount) {
            q.prepare(QStringLiteral("SELECT key, label FROM history WHERE design_id = ? AND seq = ?"));
            q.addBindValue(id);
            q.addBindValue(position);
            if (auto s = run(q, path_, action); !s) return s;
            if (q.next() && q.value(0).toString() == rows[0].key && q.value(1).toString() == entryLabel) {
                q.finish();
                q.prepare(QStringLiteral(
                    "UPDATE history SET new_value = ?, time_ms = ? WHERE design_id = ? AND seq = ?"));
                q.addBindValue(nn(rows[0].newValue));
                q.addBindValue(nowMs());
                q.addBindValue(id);
                q.addBindValue(position);
                if (auto s = run(q, path_, action); !s) return s;
                merged = true;
            }
            q.finish();
        }
        if (!merged) {
            q.prepare(QStringLiteral(
                "INSERT INTO history (design_id, seq, time_ms, label, key, old_value, new_value)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            const qint64 t = nowMs();
            for (const Row& r : rows) {
                q.addBindValue(id);
                q.addBindValue(++position);
                q.addBindValue(t);
                q.addBindValue(nn(entryLabel));
                q.addBindValue(nn(r.key));
                q.addBindValue(nn(r.oldValue));
                q.addBindValue(nn(r.newValue));
                if (auto s = run(q, path_, action); !s) return s;
            }
        }
        return writeDesignRow(id, next.chip, position, &(*found)->chip);
    });
    if (!st) return st;
    next.undoPosition = position;
    next.historyCount = position;
    designs_[design] = std::move(next);
    emit designChanged(design);
    emit historyChanged(design);
    return Ok{};
}

// --- Designs ------------------------------------------------------------------------------------------

QStringList Session::designNames() const {
    QStringList names = designs_.keys();
    names.sort();
    return names;
}

Result<ChipSpec> Session::chip(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    return (*s)->chip;
}

Result<DesignSummary> Session::summary(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    DesignSummary out;
    out.name = design;
    out.historyCount = (*s)->historyCount;
    out.undoPosition = (*s)->undoPosition;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT created_ms, modified_ms FROM designs WHERE id = ?"));
    q.addBindValue((*s)->id);
    if (q.exec() && q.next()) {
        out.created = fromMs(q.value(0).toLongLong());
        out.modified = fromMs(q.value(1).toLongLong());
    }
    return out;
}

Status Session::saveDesign(const QString& name, const ChipSpec& chip, const QString& label) {
    if (name.trimmed().isEmpty() || name != name.trimmed())
        return fail(ss(
            QStringLiteral("%1: design name '%2' is empty or has leading/trailing spaces").arg(path_, name)));
    if (auto st = storable(chip, QStringLiteral("design '%1'").arg(name)); !st)
        return fail(ss(path_) + ": " + st.error().message);
    if (designs_.contains(name))
        return commitEdits(name, {{kWholeChipKey, chip_to_json(chip, -1)}},
                           label.isEmpty() ? QStringLiteral("Replace design") : label, false);

    const QString action = QStringLiteral("saving new design '%1'").arg(name);
    qint64 id = 0;
    Status st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "INSERT INTO designs (name, chip_json, base_json, undo_position, created_ms, modified_ms)"
            " VALUES (?, ?, ?, 0, ?, ?)"));
        const QString json = storedJson(chip);
        const qint64 t = nowMs();
        q.addBindValue(nn(name));
        q.addBindValue(json);
        q.addBindValue(json);
        q.addBindValue(t);
        q.addBindValue(t);
        if (auto s = run(q, path_, action); !s) return s;
        id = q.lastInsertId().toLongLong();
        return writeDesignRow(id, chip, 0, nullptr);
    });
    if (!st) return st;
    DesignState s;
    s.id = id;
    s.chip = chip;
    designs_.insert(name, std::move(s));
    emit designAdded(name);
    return Ok{};
}

Status Session::updateDesign(const QString& name, const ChipSpec& chip, const QString& label, bool merge) {
    const auto it = designs_.constFind(name);
    if (it == designs_.constEnd()) return saveDesign(name, chip, label);
    if (auto st = storable(chip, QStringLiteral("design '%1'").arg(name)); !st)
        return fail(ss(path_) + ": " + st.error().message);
    const ChipSpec& current = it->chip;
    std::vector<Edit> edits;
    ChipSpec probe = current;
    for (const auto& info : chip_params()) {
        const std::string text = *get_param_text(chip, info.key);
        if (*get_param_text(current, info.key) == text) continue;
        edits.push_back({std::string(info.key), text});
        info.set(probe, info.get(chip));
    }
    // Anything the parameter keys do not cover (identity, sources, notes) makes it a replacement.
    if (!(probe == chip)) return commitEdits(name, {{kWholeChipKey, chip_to_json(chip, -1)}}, label, merge);
    return commitEdits(name, edits, label, merge);
}

Status Session::removeDesign(const QString& name) {
    auto s = find(name);
    if (!s) return fail(s.error().message);
    const qint64 id = (*s)->id;
    const QString action = QStringLiteral("removing design '%1'").arg(name);
    Status st = write(action, [&]() -> Status {
        for (const char* table : {"history", "design_params"}) {
            QSqlQuery q(db());
            q.prepare(QStringLiteral("DELETE FROM %1 WHERE design_id = ?").arg(QLatin1String(table)));
            q.addBindValue(id);
            if (auto r = run(q, path_, action); !r) return r;
        }
        QSqlQuery q(db());
        q.prepare(QStringLiteral("DELETE FROM designs WHERE id = ?"));
        q.addBindValue(id);
        return run(q, path_, action);
    });
    if (!st) return st;
    designs_.remove(name);
    emit designRemoved(name);
    return Ok{};
}

Status Session::renameDesign(const QString& from, const QString& to) {
    auto s = find(from);
    if (!s) return fail(s.error().message);
    if (to.trimmed().isEmpty() || to != to.trimmed())
        return fail(ss(
            QStringLiteral("%1: design name '%2' is empty or has leading/trailing spaces").arg(path_, to)));
    if (designs_.contains(to))
        return fail(ss(QStringLiteral("%1: a design named '%2' already exists").arg(path_, to)));
    const qint64 id = (*s)->id;
    const QString action = QStringLiteral("renaming design '%1' to '%2'").arg(from, to);
    Status st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE designs SET name = ?, modified_ms = ? WHERE id = ?"));
        q.addBindValue(nn(to));
        q.addBindValue(nowMs());
        q.addBindValue(id);
        return run(q, path_, action);
    });
    if (!st) return st;
    designs_.insert(to, designs_.take(from));
    emit designRenamed(from, to);
    return Ok{};
}

Status Session::setParameter(const QString& design, const QString& key, double value, const QString& label,
                             bool merge) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    ChipSpec probe = (*s)->chip;
    if (auto st = set_param(probe, ss(key), value); !st)
        return fail(ss(path_) + ": design '" + ss(design) + "': " + st.error().message);
    return commitEdits(design, {{ss(key), *get_param_text(probe, ss(key))}}, label, merge);
}

Status Session::setParameterText(const QString& design, const QString& key, const QString& text,
                                 const QString& label, bool merge) {
    if (key == kWhole) return fail(ss(path_) + ": '*' is not a parameter key");
    return commitEdits(design, {{ss(key), ss(text)}}, label, merge);
}

Status Session::applyAssignments(const QString& design, const QStringList& assignments,
                                 const QString& label) {
    std::vector<Edit> edits;
    for (const QString& a : assignments) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0) return fail(ss(QStringLiteral("'%1': expected key=value").arg(a)));
        const QString key = a.left(eq).trimmed();
        if (key == kWhole) return fail(ss(path_) + ": '*' is not a parameter key");
        edits.push_back({ss(key), ss(a.mid(eq + 1).trimmed())});
    }
    return commitEdits(design, edits, label, false);
}

// --- History -----------------------------------------------------------------------------------------

QList<HistoryEntry> Session::history(const QString& design) const {
    auto s = find(design);
    if (!s) return {};
    return historyRange((*s)->id, 1, (*s)->historyCount);
}

QList<HistoryEntry> Session::historyRange(qint64 id, int fromSeq, int toSeq) const {
    QList<HistoryEntry> out;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT seq, time_ms, label, key, old_value, new_value FROM history"
                       " WHERE design_id = ? AND seq BETWEEN ? AND ? ORDER BY seq"));
    q.addBindValue(id);
    q.addBindValue(fromSeq);
    q.addBindValue(toSeq);
    if (!q.exec()) return out;
    while (q.next())
        out.append({q.value(0).toInt(), fromMs(q.value(1).toLongLong()), q.value(2).toString(),
                    q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return out;
}

int Session::undoPosition(const QString& design) const {
    const auto it = designs_.constFind(design);
    return it == designs_.constEnd() ? -1 : it->undoPosition;
}

bool Session::canUndo(const QString& design) const {
    return undoPosition(design) > 0;
}

bool Session::canRedo(const QString& design) const {
    const auto it = designs_.constFind(design);
    return it != designs_.constEnd() && it->undoPosition < it->historyCount;
}

Status Session::undo(const QString& design) {
    if (!canUndo(design))
        return fail(ss(QStringLiteral("%1: design '%2': nothing to undo").arg(path_, design)));
    return moveTo(design, undoPosition(design) - 1);
}

Status Session::redo(const QString& design) {
    if (!canRedo(design))
        return fail(ss(QStringLiteral("%1: design '%2': nothing to redo").arg(path_, design)));
    return moveTo(design, undoPosition(design) + 1);
}

Status Session::restoreTo(const QString& design, int position) {
    return moveTo(design, position);
}

Status Session::moveTo(const QString& design, int position) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    DesignState next = **s;
    if (position < 0 || position > next.historyCount)
        return fail(ss(QStringLiteral("%1: design '%2': history position %3 is outside 0..%4")
                           .arg(path_, design)
                           .arg(position)
                           .arg(next.historyCount)));
    if (position == next.undoPosition) return Ok{};
    // Walk from the current state: backwards applies old values, forwards applies new values.
    // Only the entries between the two positions are read.
    const int lo = std::min(position, next.undoPosition) + 1;
    const int hi = std::max(position, next.undoPosition);
    const QList<HistoryEntry> entries = historyRange(next.id, lo, hi);
    if (entries.size() != hi - lo + 1)
        return fail(ss(QStringLiteral("%1: design '%2': history could not be read").arg(path_, design)));
    if (position < next.undoPosition) {
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            if (auto st = applyValue(next.chip, it->key, it->oldValue); !st)
                return fail(ss(path_) + ": " + st.error().message);
    } else {
        for (const auto& e : entries)
            if (auto st = applyValue(next.chip, e.key, e.newValue); !st)
                return fail(ss(path_) + ": " + st.error().message);
    }
    next.undoPosition = position;
    const QString action =
        QStringLiteral("moving design '%1' to history position %2").arg(design).arg(position);
    const auto body = [&]() -> Status {
        if (auto c = checkUnchanged(design, **s, action); !c) return c;
        return writeDesignRow(next.id, next.chip, position, &(*s)->chip);
    };
    if (auto st = write(action, body); !st) return st;
    designs_[design] = std::move(next);
    emit designChanged(design);
    emit historyChanged(design);
    return Ok{};
}

Result<ChipSpec> Session::chipAt(const QString& design, int position) const {
    auto s = find(design);
    if (!s) return s.error();
    if (position < 0 || position > (*s)->historyCount)
        return Error{ss(QStringLiteral("%1: design '%2': history position %3 is outside 0..%4")
                            .arg(path_, design)
                            .arg(position)
                            .arg((*s)->historyCount))};
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT base_json FROM designs WHERE id = ?"));
    q.addBindValue((*s)->id);
    if (!q.exec() || !q.next())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading history"), q.lastError()))};
    auto chip = chip_from_json(ss(q.value(0).toString()), ss(path_) + ": design '" + ss(design) + "'");
    if (!chip) return chip.error();
    const QList<HistoryEntry> entries = history(design);
    for (int i = 0; i < position && i < entries.size(); ++i)
        if (auto st = applyValue(*chip, entries[i].key, entries[i].newValue); !st) return st.error();
    return chip;
}

// --- Notes, baseline, workload -------------------------------------------------------------------------

QString Session::designColumn(const QString& design, const char* column) const {
    auto s = find(design);
    if (!s) return {};
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT %1 FROM designs WHERE id = ?").arg(QLatin1String(column)));
    q.addBindValue((*s)->id);
    if (!q.exec() || !q.next()) return {};
    return q.value(0).toString();
}

Status Session::setDesignColumn(const QString& design, const char* column, const QString& value) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    const qint64 id = (*s)->id;
    const QString action = QStringLiteral("saving the %1 of design '%2'").arg(QLatin1String(column), design);
    return write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE designs SET %1 = ?, modified_ms = ? WHERE id = ?")
                      .arg(QLatin1String(column)));
        q.addBindValue(nn(value));
        q.addBindValue(nowMs());
        q.addBindValue(id);
        return run(q, path_, action);
    });
}

QString Session::notes(const QString& design) const {
    return designColumn(design, "notes");
}
Status Session::setNotes(const QString& design, const QString& text) {
    if (notes(design) == text && hasDesign(design)) return Ok{};
    auto st = setDesignColumn(design, "notes", text);
    if (st) emit notesChanged(design);
    return st;
}

QString Session::baseline(const QString& design) const {
    return designColumn(design, "baseline");
}
Status Session::setBaseline(const QString& design, const QString& ref) {
    auto st = setDesignColumn(design, "baseline", ref);
    if (st) emit baselineChanged(design);
    return st;
}

QString Session::designWorkload(const QString& design) const {
    return designColumn(design, "workload");
}
Status Session::setDesignWorkload(const QString& design, const QString& workload) {
    auto st = setDesignColumn(design, "workload", workload);
    if (st) emit designWorkloadChanged(design);
    return st;
}

// --- Workloads ------------------------------------------------------------------------------------------

namespace {
QStringList names(QSqlDatabase d, const QString& table) {
    QStringList out;
    QSqlQuery q(d);
    if (q.exec(QStringLiteral("SELECT name FROM %1 ORDER BY name").arg(table)))
        while (q.next()) out << q.value(0).toString();
    return out;
}
QVariant optionalReal(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
}  // namespace

QStringList Session::workloadNames() const {
    return names(db(), QStringLiteral("workloads"));
}

Result<WorkloadRecord> Session::workload(const QString& name) const {
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT model_id, model_json, batch, input_len, output_len, weight_precision,"
                       " activation_precision, kv_precision, chips, tp, pp, ep, ttft_slo_s, tpot_slo_s,"
                       " input_len_cv, output_len_cv, id FROM workloads WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading workload"), q.lastError()))};
    if (!q.next()) return Error{ss(QStringLiteral("%1: no workload '%2'").arg(path_, name))};
    WorkloadRecord w;
    w.name = name;
    w.modelId = q.value(0).toString();
    w.modelJson = q.value(1).toString();
    Scenario& s = w.scenario;
    s.batch = q.value(2).toInt();
    s.input_len = q.value(3).toInt();
    s.output_len = q.value(4).toInt();
    const auto precision = [&](int column, Precision& out) -> Status {
        auto p = parse_precision(ss(q.value(column).toString()));
        if (!p)
            return Error{ss(QStringLiteral("%1: workload '%2': unknown precision '%3'")
                                .arg(path_, name, q.value(column).toString()))};
        out = *p;
        return Ok{};
    };
    if (auto st = precision(5, s.weight_precision); !st) return st.error();
    if (auto st = precision(6, s.activation_precision); !st) return st.error();
    if (auto st = precision(7, s.kv_precision); !st) return st.error();
    s.chips = q.value(8).toInt();
    s.tp = q.value(9).toInt();
    s.pp = q.value(10).toInt();
    s.ep = q.value(11).toInt();
    if (!q.value(12).isNull()) s.ttft_slo_s = q.value(12).toDouble();
    if (!q.value(13).isNull()) s.tpot_slo_s = q.value(13).toDouble();
    s.input_len_cv = q.value(14).toDouble();
    s.output_len_cv = q.value(15).toDouble();
    // Key by key (schema 6): every scenario key the file holds; a key this build does not know is
    // left alone, one it knows with a bad value is refused with the key named.
    QSqlQuery kv(db());
    kv.prepare(QStringLiteral("SELECT key, value FROM workload_params WHERE workload_id = ?"));
    kv.addBindValue(q.value(16));
    if (!kv.exec())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading workload"), kv.lastError()))};
    while (kv.next()) {
        const std::string key = ss(kv.value(0).toString());
        if (!find_workload_key(key)) continue;
        if (auto st = set_workload_text(s, key, ss(kv.value(1).toString())); !st)
            return Error{ss(path_) + ": workload '" + ss(name) + "': " + st.error().message};
    }
    return w;
}

Status Session::saveWorkload(const WorkloadRecord& w) {
    if (w.name.trimmed().isEmpty()) return fail(ss(path_) + ": a workload needs a name");
    if (w.modelId.isEmpty() == w.modelJson.isEmpty())
        return fail(ss(
            QStringLiteral("%1: workload '%2': give either a model id or a model JSON").arg(path_, w.name)));
    const Scenario& s = w.scenario;
    // The model must resolve (a library id, or JSON that parses) and the scenario fit it, so a
    // stored workload always evaluates; messages name the bad key.
    auto model =
        w.modelJson.isEmpty()
            ? load_model(ss(w.modelId))
            : model_from_json(ss(w.modelJson), ss(QStringLiteral("workload '%1' model").arg(w.name)));
    if (!model) return fail(ss(path_) + ": workload '" + ss(w.name) + "': " + model.error().message);
    if (auto st = validate_scenario(s, *model); !st)
        return fail(ss(path_) + ": workload '" + ss(w.name) + "': " + st.error().message);
    const QString action = QStringLiteral("saving workload '%1'").arg(w.name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        // The row keeps its id (the key/value rows hang off it): update in place, insert when new.
        q.prepare(QStringLiteral("SELECT id FROM workloads WHERE name = ?"));
        q.addBindValue(nn(w.name));
        if (auto st2 = run(q, path_, action); !st2) return st2;
        const QVariant id = q.next() ? q.value(0) : QVariant();
        q.prepare(id.isValid()
                      ? QStringLiteral("UPDATE workloads SET name = ?, model_id = ?, model_json = ?, batch = ?,"
                                       " input_len = ?, output_len = ?, weight_precision = ?, activation_precision = ?,"
                                       " kv_precision = ?, chips = ?, tp = ?, pp = ?, ep = ?, ttft_slo_s = ?,"
                                       " tpot_slo_s = ?, input_len_cv = ?, output_len_cv = ? WHERE id = ?")
                      : QStringLiteral("INSERT INTO workloads (name, model_id, model_json, batch, input_len, output_len,"
                                       " weight_precision, activation_precision, kv_precision, chips, tp, pp, ep,"
                                       " ttft_slo_s, tpot_slo_s, input_len_cv, output_len_cv)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v :
             {QVariant(nn(w.name)), QVariant(nn(w.modelId)), QVariant(nn(w.modelJson)), QVariant(s.batch),
              QVariant(s.input_len), QVariant(s.output_len), QVariant(qs(to_string(s.weight_precision))),
              QVariant(qs(to_string(s.activation_precision))), QVariant(qs(to_string(s.kv_precision))),
              QVariant(s.chips), QVariant(s.tp), QVariant(s.pp), QVariant(s.ep), optionalReal(s.ttft_slo_s),
              optionalReal(s.tpot_slo_s), QVariant(s.input_len_cv), QVariant(s.output_len_cv)})
            q.addBindValue(v);
        if (id.isValid()) q.addBindValue(id);
        if (auto st2 = run(q, path_, action); !st2) return st2;
        const QVariant rowId = id.isValid() ? id : q.lastInsertId();
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO workload_params (workload_id, key, value) VALUES (?, ?, ?)"));
        for (const auto& k : workload_keys()) {
            q.addBindValue(rowId);
            q.addBindValue(qs(k.key));
            q.addBindValue(QString::fromStdString(k.get(s)));
            if (auto st2 = run(q, path_, action); !st2) return st2;
        }
        return Ok{};
    });
    if (st) emit workloadsChanged();
    return st;
}

Status Session::removeWorkload(const QString& name) {
    const QString action = QStringLiteral("removing workload '%1'").arg(name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("DELETE FROM workloads WHERE name = ?"));
        q.addBindValue(name);
        return run(q, path_, action);
    });
    if (st) emit workloadsChanged();
    return st;
}

// --- Comparisons -------------------------------------------------------------------------------------------

QStringList Session::comparisonNames() const {
    return names(db(), QStringLiteral("comparisons"));
}

Result<Comparison> Session::comparison(const QString& name) const {
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT id, workload, baseline, created_ms FROM comparisons WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading comparison"), q.lastError()))};
    if (!q.next()) return Error{ss(QStringLiteral("%1: no comparison '%2'").arg(path_, name))};
    Comparison c;
    c.name = name;
    const qint64 id = q.value(0).toLongLong();
    c.workload = q.value(1).toString();
    c.baseline = q.value(2).toString();
    c.created = fromMs(q.value(3).toLongLong());
    q.finish();
    q.prepare(QStringLiteral("SELECT ref FROM comparison_members WHERE comparison_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec())
        return Error{ss(describeSqlError(path_, QStringLiteral("reading comparison"), q.lastError()))};
    while (q.next()) c.members << q.value(0).toString();
    return c;
}

Status Session::saveComparison(const Comparison& c) {
    if (c.name.trimmed().isEmpty()) return fail(ss(path_) + ": a comparison needs a name");
    const QString action = QStringLiteral("saving comparison '%1'").arg(c.name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT id, created_ms FROM comparisons WHERE name = ?"));
        q.addBindValue(c.name);
        if (auto s = run(q, path_, action); !s) return s;
        qint64 created = nowMs();
        if (q.next()) {
            created = q.value(1).toLongLong();
            const qint64 old = q.value(0).toLongLong();
            q.finish();
            for (const char* sql : {"DELETE FROM comparison_members WHERE comparison_id = ?",
                                    "DELETE FROM comparisons WHERE id = ?"}) {
                q.prepare(QLatin1String(sql));
                q.addBindValue(old);
                if (auto s = run(q, path_, action); !s) return s;
            }
        }
        q.finish();
        q.prepare(QStringLiteral(
            "INSERT INTO comparisons (name, workload, baseline, created_ms) VALUES (?, ?, ?, ?)"));
        q.addBindValue(nn(c.name));
        q.addBindValue(nn(c.workload));
        q.addBindValue(nn(c.baseline));
        q.addBindValue(created);
        if (auto s = run(q, path_, action); !s) return s;
        const qint64 id = q.lastInsertId().toLongLong();
        q.prepare(
            QStringLiteral("INSERT INTO comparison_members (comparison_id, position, ref) VALUES (?, ?, ?)"));
        for (qsizetype i = 0; i < c.members.size(); ++i) {
            q.addBindValue(id);
            q.addBindValue(static_cast<int>(i));
            q.addBindValue(nn(c.members[i]));
            if (auto s = run(q, path_, action); !s) return s;
        }
        return Ok{};
    });
    if (st) emit comparisonsChanged();
    return st;
}

Status Session::removeComparison(const QString& name) {
    const QString action = QStringLiteral("removing comparison '%1'").arg(name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(
            QStringLiteral("DELETE FROM comparison_members WHERE comparison_id IN"
                           " (SELECT id FROM comparisons WHERE name = ?)"));
        q.addBindValue(name);
        if (auto s = run(q, path_, action); !s) return s;
        q.prepare(QStringLiteral("DELETE FROM comparisons WHERE name = ?"));
        q.addBindValue(name);
        return run(q, path_, action);
    });
    if (st) emit comparisonsChanged();
    return st;
}

// --- Sweeps
// --------------------------------------------------------------------------------------------------

QStringList Session::sweepNames() const {
    return names(db(), QStringLiteral("sweeps"));
}

Result<SweepResult> Session::sweep(const QString& name) const {
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT id, design, workload, spec, param_keys, objective_keys, created_ms FROM sweeps"
                       " WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) return Error{ss(describeSqlError(path_, QStringLiteral("reading sweep"), q.lastError()))};
    if (!q.next()) return Error{ss(QStringLiteral("%1: no sweep '%2'").arg(path_, name))};
    SweepResult r;
    r.name = name;
    const qint64 id = q.value(0).toLongLong();
    r.design = q.value(1).toString();
    r.workload = q.value(2).toString();
    r.spec = q.value(3).toString();
    r.paramKeys = splitStrings(q.value(4).toString());
    r.objectiveKeys = splitStrings(q.value(5).toString());
    r.created = fromMs(q.value(6).toLongLong());
    q.finish();
    q.prepare(QStringLiteral(
        "SELECT param_values, objective_values FROM sweep_rows WHERE sweep_id = ? ORDER BY row"));
    q.addBindValue(id);
    if (!q.exec()) return Error{ss(describeSqlError(path_, QStringLiteral("reading sweep"), q.lastError()))};
    while (q.next()) {
        auto p = splitNumbers(q.value(0).toString());
        auto o = splitNumbers(q.value(1).toString());
        if (!p || !o) return Error{ss(path_) + ": sweep '" + ss(name) + "': " + (!p ? p : o).error().message};
        r.rows.push_back({std::move(*p), std::move(*o)});
    }
    return r;
}

Status Session::saveSweep(const SweepResult& r) {
    if (r.name.trimmed().isEmpty()) return fail(ss(path_) + ": a sweep needs a name");
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const SweepRow& row = r.rows[i];
        if (row.params.size() != static_cast<size_t>(r.paramKeys.size()) ||
            row.objectives.size() != static_cast<size_t>(r.objectiveKeys.size()))
            return fail(
                ss(QStringLiteral(
                       "%1: sweep '%2': row %3 has %4 parameter and %5 objective values; expected %6 and %7")
                       .arg(path_, r.name)
                       .arg(i)
                       .arg(row.params.size())
                       .arg(row.objectives.size())
                       .arg(r.paramKeys.size())
                       .arg(r.objectiveKeys.size())));
        for (double v : row.params)
            if (!std::isfinite(v))
                return fail(ss(QStringLiteral("%1: sweep '%2': row %3 has a value that is not finite")
                                   .arg(path_, r.name)
                                   .arg(i)));
        for (double v : row.objectives)
            if (!std::isfinite(v))
                return fail(ss(QStringLiteral("%1: sweep '%2': row %3 has a value that is not finite")
                                   .arg(path_, r.name)
                                   .arg(i)));
    }
    const QString action = QStringLiteral("saving sweep '%1'").arg(r.name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral("SELECT id, created_ms FROM sweeps WHERE name = ?"));
        q.addBindValue(r.name);
        if (auto s = run(q, path_, action); !s) return s;
        qint64 created = nowMs();
        if (q.next()) {
            created = q.value(1).toLongLong();
            const qint64 old = q.value(0).toLongLong();
            q.finish();
            for (const char* sql :
                 {"DELETE FROM sweep_rows WHERE sweep_id = ?", "DELETE FROM sweeps WHERE id = ?"}) {
                q.prepare(QLatin1String(sql));
                q.addBindValue(old);
                if (auto s = run(q, path_, action); !s) return s;
            }
        }
        q.finish();
        q.prepare(QStringLiteral(
            "INSERT INTO sweeps (name, design, workload, spec, param_keys, objective_keys, created_ms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v :
             {QVariant(nn(r.name)), QVariant(nn(r.design)), QVariant(nn(r.workload)), QVariant(nn(r.spec)),
              QVariant(joinStrings(r.paramKeys)), QVariant(joinStrings(r.objectiveKeys)), QVariant(created)})
            q.addBindValue(v);
        if (auto s = run(q, path_, action); !s) return s;
        const qint64 id = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral(
            "INSERT INTO sweep_rows (sweep_id, row, param_values, objective_values) VALUES (?, ?, ?, ?)"));
        for (size_t i = 0; i < r.rows.size(); ++i) {
            q.addBindValue(id);
            q.addBindValue(static_cast<qint64>(i));
            q.addBindValue(joinNumbers(r.rows[i].params));
            q.addBindValue(joinNumbers(r.rows[i].objectives));
            if (auto s = run(q, path_, action); !s) return s;
        }
        return Ok{};
    });
    if (st) emit sweepsChanged();
    return st;
}

Status Session::removeSweep(const QString& name) {
    const QString action = QStringLiteral("removing sweep '%1'").arg(name);
    auto st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        q.prepare(QStringLiteral(
            "DELETE FROM sweep_rows WHERE sweep_id IN (SELECT id FROM sweeps WHERE name = ?)"));
        q.addBindValue(name);
        if (auto s = run(q, path_, action); !s) return s;
        q.prepare(QStringLiteral("DELETE FROM sweeps WHERE name = ?"));
        q.addBindValue(name);
        return run(q, path_, action);
    });
    if (st) emit sweepsChanged();
    return st;
}

// --- Design JSON
// ---------------------------------------------------------------------------------------------

Result<std::string> Session::exportDesignJson(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    return chip_to_json((*s)->chip, 2);
}

Status Session::importDesignJson(const QString& name, const std::string& json, const QString& origin) {
    auto chip = chip_from_json(
        json, ss(origin.isEmpty() ? QStringLiteral("imported design '%1'").arg(name) : origin));
    if (!chip) return fail(chip.error().message);
    return saveDesign(name, *chip, QStringLiteral("Import design JSON"));
}

// --- Files
// -------------------------------------------------------------------------------------------------------

Status Session::copyTo(const QString& path) const {
    const QFileInfo target(path);
    if (target.exists() && target.canonicalFilePath() == QFileInfo(path_).canonicalFilePath())
        return Error{ss(QStringLiteral("%1: cannot copy a session onto itself").arg(path))};
    // VACUUM INTO needs a file that does not exist yet; the rename then replaces the target at once.
    QString tmpPath;
    {
        QTemporaryFile tmp(target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                           QStringLiteral(".copy-XXXXXX"));
        if (!tmp.open())
            return Error{ss(QStringLiteral("%1: cannot write there (%2)").arg(path, tmp.errorString()))};
        tmpPath = tmp.fileName();
    }  // removed again: only the unique name is kept
    QSqlQuery q(db());
    QString quoted = tmpPath;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (!q.exec(QStringLiteral("VACUUM INTO '%1'").arg(quoted))) {
        const QString message = describeSqlError(path, QStringLiteral("saving a copy"), q.lastError());
        QFile::remove(tmpPath);
        return Error{ss(message)};
    }
    if (std::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(tmpPath);
        return Error{ss(QStringLiteral("%1: saving a copy: cannot replace the file").arg(path))};
    }
    return Ok{};
}

Status Session::saveAs(const QString& path) {
    if (auto st = copyTo(path); !st) return fail(st.error().message);
    auto connection = openConnection(path, false, busyTimeoutMs_);
    if (!connection) return fail(connection.error().message);
    const QString old = connection_;
    connection_ = *connection;
    const QString oldPath = path_;
    path_ = path;
    readOnly_ = false;
    if (auto st = loadDesigns(); !st) {  // cannot happen for a copy we just made, but stay usable
        {
            QSqlDatabase d = QSqlDatabase::database(connection_, false);
            d.close();
        }
        QSqlDatabase::removeDatabase(connection_);
        connection_ = old;
        path_ = oldPath;
        loadDesigns();
        return fail(st.error().message);
    }
    {
        QSqlDatabase d = QSqlDatabase::database(old, false);
        d.close();
    }
    QSqlDatabase::removeDatabase(old);
    emit pathChanged(path_);
    return Ok{};
}

Status Session::integrityCheck() const {
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check")))
        return Error{ss(describeSqlError(path_, QStringLiteral("checking integrity"), q.lastError()))};
    while (q.next())
        if (q.value(0).toString() != QStringLiteral("ok"))
            return Error{ss(path_ + QStringLiteral(": integrity check: ") + q.value(0).toString())};
    return Ok{};
}

Result<ChipSpec> loadDesignChip(const QString& file, const QString& design) {
    // Qt Sql loads its SQLite driver as a plugin, which needs an application object; the headless
    // command line has none yet, so a temporary one lives for this call only.
    std::unique_ptr<QCoreApplication> app;
    static int argc = 1;
    static char arg0[] = "scoville";
    static char* argv[] = {arg0, nullptr};
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    Session::Options options;
    options.mode = Session::Mode::readOnly;
    auto session = Session::open(file, options);
    if (!session) return session.error();
    return (*session)->chip(design);
}

}  // namespace scoville::store
