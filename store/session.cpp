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
#include <optional>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/workload/model.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "store/schema.hpp"

namespace scoville::store {

namespace {

// Qt binds a null QString as SQL NULL; the text columns are NOT NULL, so bind "" instead.
QString nn(const QString& s) {
    return s.isNull() ? QStringLiteral("") : s;
}
qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}
QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// Design JSON as stored: compact, so a history entry stays one line.
QString storedJson(const ChipSpec& chip) {
    return qtext(chip_to_json(chip, -1));
}

// Checks a chip can be stored and loaded back: the stored form is design JSON, and loading it
// applies every range and consistency check.
Status storable(const ChipSpec& chip, const QString& what) {
    auto back = chip_from_json(chip_to_json(chip, -1), stext(what));
    if (!back) return back.error();
    return Ok{};
}

// Baseline and comparison members are stored as references: "chip:ID" (or "design:NAME").
const QLatin1String kChipRef("chip:");
QString refOf(const std::string& id) {
    if (id.empty()) return {};
    return id.find(':') != std::string::npos ? qtext(id) : kChipRef + qtext(id);
}
std::string idOf(const QString& ref) {
    return stext(ref.startsWith(kChipRef) ? ref.mid(kChipRef.size()) : ref);
}

bool isReferenceChip(const std::string& id) {
    static const std::vector<std::string> ids = reference_chip_ids();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
bool isReferenceModel(const std::string& id) {
    static const std::vector<std::string> ids = reference_model_ids();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
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
    std::optional<Message> error;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(std::max(0, busyTimeoutMs));
        if (readOnly) options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        d.setConnectOptions(options);
        if (!d.open()) {
            error = sqlErrorMessage(path, storeMessage(SCV_TR("Store", "opening"), {}), d.lastError());
        } else if (!readOnly) {
            QSqlQuery q(d);
            // WAL: readers never block the writer and a crash loses at most the transaction in
            // flight; synchronous=FULL makes each committed edit durable before the call returns.
            if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next()) {
                error = sqlErrorMessage(path, storeMessage(SCV_TR("Store", "switching to WAL"), {}), q.lastError());
            } else if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
                error = storeMessage(SCV_TR("Store", "%1: opening: the file cannot use WAL journaling (journal mode %2)"),
                                     {path, q.value(0).toString()});
            } else if (!q.exec(QStringLiteral("PRAGMA synchronous=FULL")) ||
                       !q.exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
                error = sqlErrorMessage(path, storeMessage(SCV_TR("Store", "opening"), {}), q.lastError());
            }
        }
        if (error) d.close();
    }
    if (error) {
        QSqlDatabase::removeDatabase(name);
        return Error::of(*error);
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
            return storeError(SCV_TR("Store", "%1: cannot create the session file (%2)"), {path, tmp.errorString()});
        tmpPath = tmp.fileName();
    }
    const QString name = uniqueConnectionName("create");
    Status st = Ok{};
    const Message creating = storeMessage(SCV_TR("Store", "creating"), {});
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        d.setDatabaseName(tmpPath);
        if (!d.open()) {
            st = Error::of(sqlErrorMessage(path, creating, d.lastError()));
        } else {
            st = migrate(d);
            if (st) {
                // WAL from the start: the mode is recorded in the file header, so the first open
                // has no journal switch in which a crash could leave a hot rollback journal.
                QSqlQuery wal(d);
                if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
                    st = Error::of(sqlErrorMessage(path, creating, wal.lastError()));
            }
            if (st) {
                QSqlQuery q(d);
                if (!q.exec(QStringLiteral("INSERT OR REPLACE INTO scoville_meta (key, value) VALUES "
                                           "('created_by', 'Scoville %1')")
                                .arg(QLatin1String(SCOVILLE_VERSION))))
                    st = Error::of(sqlErrorMessage(path, creating, q.lastError()));
            }
            if (!st) st = Error::of(Message{"", "%1: %2: %3", {stext(path)}, {creating, st.error().as_message()}});
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
            st = storeError(SCV_TR("Store", "%1: cannot create the session file (rename failed)"), {path});
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
            return check.kind == FileKind::missing ? storeError(SCV_TR("Store", "%1: no such session file"), {path})
                                                   : storeError(SCV_TR("Store", "%1: empty file, not a session"), {path});
        if (auto st = createFile(path, check.kind == FileKind::empty); !st) return st.error();
        check = checkFile(path, options.busyTimeoutMs);
    }
    if (check.kind != FileKind::session) return Error::of(check.text);

    // A file or folder we may not write to is opened read-only: readable, and Save As works.
    const QFileInfo info(path);
    const bool readOnly = wantReadOnly || !info.isWritable() || !QFileInfo(info.absolutePath()).isWritable();
    // Read-only and older: the file itself must not change, so a private copy is upgraded instead.
    QString openPath = path;
    std::shared_ptr<QTemporaryDir> scratch;
    if (readOnly && check.version < kSchemaVersion) {
        scratch = std::make_shared<QTemporaryDir>();
        if (!scratch->isValid())
            return storeError(SCV_TR("Store", "%1: cannot make a temporary copy to upgrade (%2)"),
                              {path, scratch->errorString()});
        openPath = scratch->filePath(QStringLiteral("upgraded.scoville"));
        auto source = openConnection(path, true, options.busyTimeoutMs);
        if (!source) return source.error();
        Session copier(path, *source, true);
        if (auto st = copier.copyTo(openPath); !st) return st.error();
        auto upgrade = openConnection(openPath, false, options.busyTimeoutMs);
        if (!upgrade) return upgrade.error();
        Session upgrader(path, *upgrade, false);
        QSqlDatabase d = upgrader.db();
        if (auto st = migrate(d); !st) return Error::of(Message{"", "%1: %2", {stext(path)}, {st.error().as_message()}});
    }

    auto connection = openConnection(openPath, readOnly, options.busyTimeoutMs);
    if (!connection) return connection.error();
    std::unique_ptr<Session> session(new Session(path, *connection, readOnly));
    session->scratch_ = std::move(scratch);
    session->busyTimeoutMs_ = options.busyTimeoutMs;
    if (!readOnly && check.version < kSchemaVersion) {
        QSqlDatabase d = session->db();
        if (auto st = migrate(d); !st) return Error::of(Message{"", "%1: %2", {stext(path)}, {st.error().as_message()}});
    }
    if (auto st = session->loadDesigns(); !st) return st.error();
    return session;
}

Status Session::loadDesigns() {
    designs_.clear();
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral(
            "SELECT d.id, d.name, d.chip_json, d.undo_position,"
            " (SELECT COUNT(*) FROM history h WHERE h.design_id = d.id),"
            " (SELECT COALESCE(MAX(h.step), 0) FROM history h WHERE h.design_id = d.id),"
            " (SELECT COALESCE(MAX(h.step), 0) FROM history h WHERE h.design_id = d.id AND h.seq <= d.undo_position)"
            " FROM designs d")))
        return Error{stext(describeSqlError(path_, QStringLiteral("reading designs"), q.lastError()))};
    while (q.next()) {
        const QString name = q.value(1).toString();
        auto chip = chip_from_json(stext(q.value(2).toString()),
                                   stext(path_ + QStringLiteral(": design '") + name + QLatin1Char('\'')));
        if (!chip) return chip.error();
        DesignState s;
        s.id = q.value(0).toLongLong();
        s.chip = std::move(*chip);
        s.undoPosition = q.value(3).toInt();
        s.historyCount = q.value(4).toInt();
        s.stepCount = q.value(5).toInt();
        s.stepPosition = q.value(6).toInt();
        designs_.insert(name, std::move(s));
    }
    if (q.lastError().isValid())
        return Error{stext(describeSqlError(path_, QStringLiteral("reading designs"), q.lastError()))};
    return Ok{};
}


// --- Writing -----------------------------------------------------------------------------------------

Status Session::fail(const std::string& message) {
    emit writeFailed(qtext(message));
    return Error{message};
}

Status Session::write(const QString& action, const std::function<Status()>& body) {
    if (readOnly_)
        return fail(stext(QStringLiteral("%1: %2: the session is open read-only (use Save As to keep changes)")
                           .arg(path_, action)));
    QSqlDatabase d = db();
    {
        QSqlQuery q(d);
        // IMMEDIATE takes the write lock up front, so a busy file fails here and not half-way.
        if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(stext(describeSqlError(path_, action, q.lastError())) + "; nothing was changed");
    }
    Status st = body();
    if (st) {
        QSqlQuery q(d);
        if (!q.exec(QStringLiteral("COMMIT"))) st = Error{stext(describeSqlError(path_, action, q.lastError()))};
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
    return Error{stext(describeSqlError(file, action, q.lastError()))};
}
}  // namespace

Result<const Session::DesignState*> Session::find(const QString& design) const {
    const auto it = designs_.constFind(design);
    if (it == designs_.constEnd()) {
        QStringList names = designNames();
        return Error{
            stext(QStringLiteral("%1: no design '%2' (designs: %3)")
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
        q.addBindValue(qtext(info.key));
        q.addBindValue(info.get(chip));
        q.addBindValue(qtext(text));
        if (auto st = run(q, path_, action); !st) return st;
    }
    return Ok{};
}

Status Session::writeValues(qint64 id, const QString& design, const DesignValues* before, const DesignValues& after,
                            int undoPosition) {
    const QString action = QStringLiteral("saving design '%1'").arg(design);
    if (auto st = writeDesignRow(id, after.chip, undoPosition, before ? &before->chip : nullptr); !st) return st;
    QSqlQuery q(db());
    const bool workloadChanged = !before || before->model_id != after.model_id ||
                                 before->model_json != after.model_json || !(before->scenario == after.scenario);
    if (workloadChanged && after.model_id.empty()) {
        // Back before the design had a workload (an undo): it has none again.
        if (auto st = rows::deleteWorkload(db(), path_, design, action); !st) return st;
        q.prepare(QStringLiteral("UPDATE designs SET workload = '' WHERE id = ?"));
        q.addBindValue(id);
        if (auto st = run(q, path_, action); !st) return st;
    } else if (workloadChanged) {
        // The design's own workload record carries its name.
        WorkloadRecord w;
        w.name = design;
        // A library model by its id; one read from a file by its whole description.
        if (after.model_json.empty()) w.modelId = qtext(after.model_id);
        else w.modelJson = qtext(after.model_json);
        w.scenario = after.scenario;
        if (auto st = rows::writeWorkload(db(), path_, w, action); !st) return st;
        q.prepare(QStringLiteral("UPDATE designs SET workload = ? WHERE id = ?"));
        q.addBindValue(nn(design));
        q.addBindValue(id);
        if (auto st = run(q, path_, action); !st) return st;
    }
    if (!before || before->baseline_id != after.baseline_id || before->compared_ids != after.compared_ids) {
        const QString baseline = refOf(after.baseline_id);
        q.prepare(QStringLiteral("UPDATE designs SET baseline = ? WHERE id = ?"));
        q.addBindValue(nn(baseline));
        q.addBindValue(id);
        if (auto st = run(q, path_, action); !st) return st;
        Comparison c;
        c.name = design;
        for (const auto& m : after.compared_ids) c.members << refOf(m);
        c.baseline = baseline;
        c.workload = design;
        if (auto st = rows::writeComparison(db(), path_, c, action); !st) return st;
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
            stext(QStringLiteral("%1: %2: design '%3' was changed by another program since the session was "
                              "opened; reopen the session")
                   .arg(path_, action, design))};
    return Ok{};
}

Status Session::checkValues(const QString& design, const DesignValues& before, const DesignValues& after) const {
    const std::string where = stext(path_) + ": design '" + stext(design) + "': ";
    if (!(before.chip == after.chip)) {
        if (auto st = validate_chip(after.chip); !st) return Error{where + st.error().message};
        if (auto st = storable(after.chip, QStringLiteral("design '%1'").arg(design)); !st)
            return Error{where + st.error().message};
    }
    if (before.model_id != after.model_id || before.model_json != after.model_json ||
        !(before.scenario == after.scenario)) {
        if (after.model_id.empty())
            return Error{where + "it has no workload yet: set workload.model first"};
        if (after.model_json.empty() && !isReferenceModel(after.model_id))
            return Error{where + "workload.model: '" + after.model_id + "' is not a model of the library"};
        // A model's own description was checked when it was set (set_edit_value reads it whole).
        // Each key is in its range (set_edit_value checked it); whether the scenario suits the model
        // (tp within the heads, enough chips) is the evaluation's to report, as the GUI shows it.
    }
    if (before.baseline_id != after.baseline_id && !after.baseline_id.empty() &&
        after.baseline_id.find(':') == std::string::npos && !isReferenceChip(after.baseline_id))
        return Error{where + "baseline: '" + after.baseline_id + "' is not a chip of the library"};
    if (before.compared_ids != after.compared_ids)
        for (const auto& id : after.compared_ids)
            if (id.find(':') == std::string::npos && !isReferenceChip(id))
                return Error{where + "compared: '" + id + "' is not a chip of the library"};
    return Ok{};
}

Status Session::record(const QString& design, const EditStep& step, bool replaceNewest) {
    auto found = find(design);
    if (!found) return fail(found.error().message);
    const DesignState& cur = **found;
    auto before = values(design);
    if (!before) return fail(before.error().message);
    // The values the step starts from: the current ones, or those before the newest step.
    DesignValues base = *before;
    int position = cur.undoPosition;
    int stepNo = cur.stepPosition;
    if (replaceNewest) {
        if (cur.stepPosition == 0 || cur.undoPosition != cur.historyCount)
            return fail(stext(QStringLiteral("%1: design '%2': there is no newest step to replace").arg(path_, design)));
        const QList<HistoryStep> all = steps(design);
        if (all.isEmpty() || all.last().number != cur.stepPosition)
            return fail(stext(QStringLiteral("%1: design '%2': history could not be read").arg(path_, design)));
        if (auto st = apply_step(base, all.last().edits, false); !st) return fail(stext(path_) + ": " + st.error().message);
        auto end = stepEnd(cur.id, stepNo - 1);
        if (!end) return fail(end.error().message);
        position = *end;
        --stepNo;
    }
    // The store is the authority on old values: each edit's old value is what it replaces.
    DesignValues after = base;
    EditStep entries;
    for (const Edit& e : step) {
        auto oldText = edit_value(after, e.kind, e.key);
        if (!oldText) return fail(stext(path_) + ": design '" + stext(design) + "': " + oldText.error().message);
        if (auto st = set_edit_value(after, e.kind, e.key, e.new_value); !st)
            return fail(stext(path_) + ": design '" + stext(design) + "': " + st.error().message);
        auto newText = edit_value(after, e.kind, e.key);
        if (!newText) return fail(stext(path_) + ": design '" + stext(design) + "': " + newText.error().message);
        if (*newText != *oldText) entries.push_back({e.kind, e.key, std::move(*oldText), std::move(*newText)});
    }
    if (entries.empty() && !replaceNewest) return Ok{};  // nothing changed: no history step
    if (auto st = checkValues(design, base, after); !st) return fail(st.error().message);

    const QString action = QStringLiteral("saving an edit of design '%1'").arg(design);
    const qint64 id = cur.id;
    const int newPosition = position + static_cast<int>(entries.size());
    Status st = write(action, [&]() -> Status {
        if (auto c = checkUnchanged(design, cur, action); !c) return c;
        QSqlQuery q(db());
        // An edit after undo drops the redo branch, as QUndoStack does; a replaced step goes too.
        q.prepare(QStringLiteral("DELETE FROM history WHERE design_id = ? AND seq > ?"));
        q.addBindValue(id);
        q.addBindValue(position);
        if (auto r = run(q, path_, action); !r) return r;
        q.prepare(QStringLiteral(
            "INSERT INTO history (design_id, seq, time_ms, label, key, old_value, new_value, kind, step)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const qint64 t = nowMs();
        int seq = position;
        for (const Edit& e : entries) {
            q.addBindValue(id);
            q.addBindValue(++seq);
            q.addBindValue(t);
            q.addBindValue(qtext(describe_edit(e)));
            q.addBindValue(qtext(e.key));
            q.addBindValue(qtext(e.old_value));
            q.addBindValue(qtext(e.new_value));
            q.addBindValue(qtext(to_string(e.kind)));
            q.addBindValue(stepNo + 1);
            if (auto r = run(q, path_, action); !r) return r;
        }
        return writeValues(id, design, &*before, after, newPosition);
    });
    if (!st) return st;
    DesignState next = cur;
    next.chip = after.chip;
    next.undoPosition = next.historyCount = newPosition;
    next.stepPosition = next.stepCount = entries.empty() ? stepNo : stepNo + 1;
    designs_[design] = std::move(next);
    emit designChanged(design);
    emit historyChanged(design);
    return Ok{};
}

Status Session::adoptContext(const QString& design, const DesignValues& values) {
    auto found = find(design);
    if (!found) return fail(found.error().message);
    auto before = this->values(design);
    if (!before) return fail(before.error().message);
    DesignValues after = *before;
    after.model_id = values.model_id;
    after.model_json = values.model_json;
    after.scenario = values.scenario;
    after.baseline_id = values.baseline_id;
    after.compared_ids = values.compared_ids;
    if (after == *before) return Ok{};
    if (auto st = checkValues(design, *before, after); !st) return fail(st.error().message);
    const QString action = QStringLiteral("saving the workload of design '%1'").arg(design);
    const DesignState cur = **found;
    Status st = write(action, [&]() -> Status { return writeValues(cur.id, design, &*before, after, cur.undoPosition); });
    if (st) emit designChanged(design);
    return st;
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

Result<DesignValues> Session::values(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    DesignValues v;
    v.chip = (*s)->chip;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT workload, baseline FROM designs WHERE id = ?"));
    q.addBindValue((*s)->id);
    if (!q.exec() || !q.next())
        return Error{stext(describeSqlError(path_, QStringLiteral("reading design '%1'").arg(design), q.lastError()))};
    const QString workload = q.value(0).toString();
    v.baseline_id = idOf(q.value(1).toString());
    if (!workload.isEmpty()) {
        auto record = rows::readWorkload(db(), path_, workload);
        if (!record && !workload.isEmpty()) return record.error();
        if (!record->modelId.isEmpty()) {
            v.model_id = stext(record->modelId);
            v.scenario = record->scenario;
        } else if (!record->modelJson.isEmpty()) {
            // readWorkload read the description whole; its one-line form is the history's text of it.
            if (auto st = set_edit_value(v, EditKind::workload, kModelKey, stext(record->modelJson)); !st)
                return Error{stext(path_) + ": design '" + stext(design) + "': " + st.error().message};
            v.scenario = record->scenario;
        }
    }
    if (auto c = rows::readComparison(db(), path_, design))
        for (const QString& m : c->members) v.compared_ids.push_back(idOf(m));
    return v;
}

Result<DesignSummary> Session::summary(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    DesignSummary out;
    out.name = design;
    out.historyCount = (*s)->historyCount;
    out.undoPosition = (*s)->undoPosition;
    out.stepCount = (*s)->stepCount;
    out.stepPosition = (*s)->stepPosition;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT created_ms, modified_ms FROM designs WHERE id = ?"));
    q.addBindValue((*s)->id);
    if (q.exec() && q.next()) {
        out.created = fromMs(q.value(0).toLongLong());
        out.modified = fromMs(q.value(1).toLongLong());
    }
    return out;
}

Status Session::saveDesign(const QString& name, const ChipSpec& chip) {
    if (name.trimmed().isEmpty() || name != name.trimmed())
        return fail(stext(
            QStringLiteral("%1: design name '%2' is empty or has leading/trailing spaces").arg(path_, name)));
    if (auto st = storable(chip, QStringLiteral("design '%1'").arg(name)); !st)
        return fail(stext(path_) + ": " + st.error().message);
    if (designs_.contains(name))
        return record(name, {{EditKind::design, std::string(kWholeChipKey), {}, chip_to_json(chip, -1)}});

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

Status Session::updateDesign(const QString& name, const ChipSpec& chip) {
    if (!designs_.contains(name)) return saveDesign(name, chip);
    if (auto st = storable(chip, QStringLiteral("design '%1'").arg(name)); !st)
        return fail(stext(path_) + ": " + st.error().message);
    auto before = values(name);
    if (!before) return fail(before.error().message);
    DesignValues after = *before;
    after.chip = chip;
    return record(name, diff_values(*before, after));
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
        if (auto r = run(q, path_, action); !r) return r;
        // The design's own workload and comparison carry its name.
        if (auto r = rows::deleteComparison(db(), path_, name, action); !r) return r;
        return rows::deleteWorkload(db(), path_, name, action);
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
        return fail(stext(
            QStringLiteral("%1: design name '%2' is empty or has leading/trailing spaces").arg(path_, to)));
    if (designs_.contains(to))
        return fail(stext(QStringLiteral("%1: a design named '%2' already exists").arg(path_, to)));
    const qint64 id = (*s)->id;
    const QString action = QStringLiteral("renaming design '%1' to '%2'").arg(from, to);
    Status st = write(action, [&]() -> Status {
        QSqlQuery q(db());
        // The design's own workload and comparison follow its name (a record already named `to`
        // belongs to no design of that name and gives way).
        if (auto r = rows::deleteComparison(db(), path_, to, action); !r) return r;
        if (auto r = rows::deleteWorkload(db(), path_, to, action); !r) return r;
        q.prepare(QStringLiteral("UPDATE workloads SET name = ? WHERE name = ?"));
        q.addBindValue(nn(to));
        q.addBindValue(nn(from));
        if (auto r = run(q, path_, action); !r) return r;
        q.prepare(QStringLiteral("UPDATE comparisons SET name = ?, workload = CASE workload WHEN ? THEN ? ELSE workload"
                                 " END WHERE name = ?"));
        for (const QString& v : {to, from, to, from}) q.addBindValue(nn(v));
        if (auto r = run(q, path_, action); !r) return r;
        q.prepare(QStringLiteral("UPDATE designs SET name = ?, workload = CASE workload WHEN ? THEN ? ELSE workload END,"
                                 " modified_ms = ? WHERE id = ?"));
        q.addBindValue(nn(to));
        q.addBindValue(nn(from));
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

Status Session::setParameter(const QString& design, const QString& key, double value) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    ChipSpec probe = (*s)->chip;
    if (auto st = set_param(probe, stext(key), value); !st)
        return fail(stext(path_) + ": design '" + stext(design) + "': " + st.error().message);
    return record(design, {{EditKind::chip, stext(key), {}, *get_param_text(probe, stext(key))}});
}

Status Session::setParameterText(const QString& design, const QString& key, const QString& text) {
    if (!find_param(stext(key)))
        return fail(stext(path_) + ": design '" + stext(design) + "': '" + stext(key) + "' is not a chip parameter");
    return record(design, {{EditKind::chip, stext(key), {}, stext(text)}});
}

Status Session::applyAssignments(const QString& design, const QStringList& assignments) {
    EditStep step;
    for (const QString& a : assignments) {
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        if (eq <= 0) return fail(stext(QStringLiteral("'%1': expected key=value").arg(a)));
        auto target = parse_edit_target(stext(a.left(eq).trimmed()));
        if (!target) return fail(stext(path_) + ": design '" + stext(design) + "': " + target.error().message);
        step.push_back({target->kind, target->key, {}, stext(a.mid(eq + 1).trimmed())});
    }
    return record(design, step);
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
        QStringLiteral("SELECT seq, time_ms, label, key, old_value, new_value, kind, step FROM history"
                       " WHERE design_id = ? AND seq BETWEEN ? AND ? ORDER BY seq"));
    q.addBindValue(id);
    q.addBindValue(fromSeq);
    q.addBindValue(toSeq);
    if (!q.exec()) return out;
    while (q.next())
        out.append({q.value(0).toInt(), fromMs(q.value(1).toLongLong()), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toInt()});
    return out;
}

QList<HistoryStep> Session::steps(const QString& design) const {
    QList<HistoryStep> out;
    for (const HistoryEntry& e : history(design)) {
        if (out.isEmpty() || out.last().number != e.step) out.append(HistoryStep{e.step, e.time, {}});
        out.last().time = e.time;
        out.last().edits.push_back(
            {parse_edit_kind(stext(e.kind)).value_or(EditKind::chip), stext(e.key), stext(e.oldValue), stext(e.newValue)});
    }
    return out;
}

Result<int> Session::stepEnd(qint64 id, int step) const {
    if (step <= 0) return 0;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM history WHERE design_id = ? AND step <= ?"));
    q.addBindValue(id);
    q.addBindValue(step);
    if (!q.exec() || !q.next())
        return Error{stext(describeSqlError(path_, QStringLiteral("reading history"), q.lastError()))};
    return q.value(0).toInt();
}

int Session::undoPosition(const QString& design) const {
    const auto it = designs_.constFind(design);
    return it == designs_.constEnd() ? -1 : it->undoPosition;
}

int Session::stepPosition(const QString& design) const {
    const auto it = designs_.constFind(design);
    return it == designs_.constEnd() ? -1 : it->stepPosition;
}

bool Session::canUndo(const QString& design) const {
    return stepPosition(design) > 0;
}

bool Session::canRedo(const QString& design) const {
    const auto it = designs_.constFind(design);
    return it != designs_.constEnd() && it->stepPosition < it->stepCount;
}

Status Session::undo(const QString& design) {
    if (!canUndo(design))
        return fail(stext(QStringLiteral("%1: design '%2': nothing to undo").arg(path_, design)));
    return goToStep(design, stepPosition(design) - 1);
}

Status Session::redo(const QString& design) {
    if (!canRedo(design))
        return fail(stext(QStringLiteral("%1: design '%2': nothing to redo").arg(path_, design)));
    return goToStep(design, stepPosition(design) + 1);
}

Status Session::goToStep(const QString& design, int step) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    if (step < 0 || step > (*s)->stepCount)
        return fail(stext(QStringLiteral("%1: design '%2': step %3 is outside 0..%4")
                           .arg(path_, design)
                           .arg(step)
                           .arg((*s)->stepCount)));
    auto end = stepEnd((*s)->id, step);
    if (!end) return fail(end.error().message);
    return moveTo(design, *end);
}

Status Session::restoreTo(const QString& design, int position) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    if (position > 0 && position < (*s)->historyCount) {
        const QList<HistoryEntry> pair = historyRange((*s)->id, position, position + 1);
        if (pair.size() == 2 && pair[0].step == pair[1].step)
            return fail(stext(QStringLiteral("%1: design '%2': history position %3 is inside step %4; undo moves whole "
                                          "steps")
                               .arg(path_, design)
                               .arg(position)
                               .arg(pair[0].step)));
    }
    return moveTo(design, position);
}

Status Session::moveTo(const QString& design, int position) {
    auto s = find(design);
    if (!s) return fail(s.error().message);
    const DesignState& cur = **s;
    if (position < 0 || position > cur.historyCount)
        return fail(stext(QStringLiteral("%1: design '%2': history position %3 is outside 0..%4")
                           .arg(path_, design)
                           .arg(position)
                           .arg(cur.historyCount)));
    if (position == cur.undoPosition) return Ok{};
    auto before = values(design);
    if (!before) return fail(before.error().message);
    // Walk from the current state: backwards applies old values, forwards applies new values.
    // Only the entries between the two positions (and the one at the target, for its step) are read.
    const int lo = std::min(position, cur.undoPosition) + 1;
    const int hi = std::max(position, cur.undoPosition);
    const QList<HistoryEntry> entries = historyRange(cur.id, std::max(1, lo - 1), hi);
    if (entries.size() != hi - std::max(1, lo - 1) + 1)
        return fail(stext(QStringLiteral("%1: design '%2': history could not be read").arg(path_, design)));
    DesignValues after = *before;
    int stepAfter = 0;
    for (const HistoryEntry& e : entries)
        if (e.seq == position) stepAfter = e.step;
    auto apply = [&](const HistoryEntry& e, const QString& text) -> Status {
        const auto kind = parse_edit_kind(stext(e.kind));
        if (!kind) return Error{"history entry " + std::to_string(e.seq) + " has an unknown kind '" + stext(e.kind) + "'"};
        return set_edit_value(after, *kind, stext(e.key), stext(text));
    };
    if (position < cur.undoPosition) {
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            if (it->seq >= lo)
                if (auto st = apply(*it, it->oldValue); !st) return fail(stext(path_) + ": " + st.error().message);
    } else {
        for (const auto& e : entries)
            if (e.seq >= lo)
                if (auto st = apply(e, e.newValue); !st) return fail(stext(path_) + ": " + st.error().message);
    }
    const QString action =
        QStringLiteral("moving design '%1' to history position %2").arg(design).arg(position);
    const auto body = [&]() -> Status {
        if (auto c = checkUnchanged(design, cur, action); !c) return c;
        return writeValues(cur.id, design, &*before, after, position);
    };
    if (auto st = write(action, body); !st) return st;
    DesignState next = cur;
    next.chip = after.chip;
    next.undoPosition = position;
    next.stepPosition = stepAfter;
    designs_[design] = std::move(next);
    emit designChanged(design);
    emit historyChanged(design);
    return Ok{};
}

Result<ChipSpec> Session::chipAt(const QString& design, int position) const {
    auto s = find(design);
    if (!s) return s.error();
    if (position < 0 || position > (*s)->historyCount)
        return Error{stext(QStringLiteral("%1: design '%2': history position %3 is outside 0..%4")
                            .arg(path_, design)
                            .arg(position)
                            .arg((*s)->historyCount))};
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT base_json FROM designs WHERE id = ?"));
    q.addBindValue((*s)->id);
    if (!q.exec() || !q.next())
        return Error{stext(describeSqlError(path_, QStringLiteral("reading history"), q.lastError()))};
    DesignValues v;
    auto chip = chip_from_json(stext(q.value(0).toString()), stext(path_) + ": design '" + stext(design) + "'");
    if (!chip) return chip.error();
    v.chip = std::move(*chip);
    for (const HistoryEntry& e : historyRange((*s)->id, 1, position)) {
        const auto kind = parse_edit_kind(stext(e.kind));
        if (kind != EditKind::chip && kind != EditKind::design) continue;
        if (auto st = set_edit_value(v, *kind, stext(e.key), stext(e.newValue)); !st) return st.error();
    }
    return v.chip;
}

// --- Notes ---------------------------------------------------------------------------------------------

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


// --- Design JSON
// ---------------------------------------------------------------------------------------------

Result<std::string> Session::exportDesignJson(const QString& design) const {
    auto s = find(design);
    if (!s) return s.error();
    return chip_to_json((*s)->chip, 2);
}

Status Session::importDesignJson(const QString& name, const std::string& json, const QString& origin) {
    auto chip = chip_from_json(
        json, stext(origin.isEmpty() ? QStringLiteral("imported design '%1'").arg(name) : origin));
    if (!chip) return fail(chip.error().message);
    return saveDesign(name, *chip);
}

// --- Files
// -------------------------------------------------------------------------------------------------------

Status Session::copyTo(const QString& path) const {
    const QFileInfo target(path);
    if (target.exists() && target.canonicalFilePath() == QFileInfo(path_).canonicalFilePath())
        return Error{stext(QStringLiteral("%1: cannot copy a session onto itself").arg(path))};
    // VACUUM INTO needs a file that does not exist yet; the rename then replaces the target at once.
    QString tmpPath;
    {
        QTemporaryFile tmp(target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                           QStringLiteral(".copy-XXXXXX"));
        if (!tmp.open())
            return Error{stext(QStringLiteral("%1: cannot write there (%2)").arg(path, tmp.errorString()))};
        tmpPath = tmp.fileName();
    }  // removed again: only the unique name is kept
    QSqlQuery q(db());
    QString quoted = tmpPath;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (!q.exec(QStringLiteral("VACUUM INTO '%1'").arg(quoted))) {
        const QString message = describeSqlError(path, QStringLiteral("saving a copy"), q.lastError());
        QFile::remove(tmpPath);
        return Error{stext(message)};
    }
    if (std::rename(QFile::encodeName(tmpPath).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(tmpPath);
        return Error{stext(QStringLiteral("%1: saving a copy: cannot replace the file").arg(path))};
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
        return Error{stext(describeSqlError(path_, QStringLiteral("checking integrity"), q.lastError()))};
    while (q.next())
        if (q.value(0).toString() != QStringLiteral("ok"))
            return Error{stext(path_ + QStringLiteral(": integrity check: ") + q.value(0).toString())};
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
