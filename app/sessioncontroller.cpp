#include "app/sessioncontroller.hpp"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "store/history_model.hpp"
#include "widgets/designdocument.hpp"

namespace scoville {
namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& q) { return q.toStdString(); }

const QLatin1String kChipRef("chip:");

QString lastDesignKey(const QString& path) {
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("session/lastDesign/") + QString::fromLatin1(hash.left(16));
}

}  // namespace

SessionController::SessionController(DesignDocument* doc, QObject* parent)
    : QObject(parent), doc_(doc), history_(new store::HistoryModel(this)), retry_(new QTimer(this)),
      mergeThrottle_(new QTimer(this)) {
    setObjectName(QStringLiteral("sessionController"));
    connect(doc_->undoStack(), &QUndoStack::indexChanged, this, &SessionController::onIndexChanged);
    // A failed write (locked file, full disk) is retried until it succeeds; the document keeps
    // everything in memory meanwhile.
    retry_->setInterval(3000);
    connect(retry_, &QTimer::timeout, this, [this] { onIndexChanged(doc_->undoStack()->index()); });
    // While a slider is dragged the step is rewritten at most every 250 ms (a write and the
    // History panel's refresh cost several ms of a 16 ms frame); the end of the drag writes it
    // at once. A crash in mid-drag loses at most the last 250 ms of that one drag.
    mergeThrottle_->setSingleShot(true);
    mergeThrottle_->setInterval(250);
    connect(mergeThrottle_, &QTimer::timeout, this, &SessionController::flushMerge);
    connect(doc_, &DesignDocument::interactionFinished, this, &SessionController::flushMerge);
    snapshot();
}

SessionController::~SessionController() = default;

QString SessionController::path() const { return session_ ? session_->path() : QString(); }

QStringList SessionController::designNames() const { return session_ ? session_->designNames() : QStringList(); }

QString SessionController::uniqueDesignName(const QString& base) const {
    const QString b = base.trimmed().isEmpty() ? tr("Design") : base.trimmed();
    if (!session_ || !session_->hasDesign(b)) return b;
    for (int i = 2;; ++i) {
        const QString candidate = QStringLiteral("%1 %2").arg(b).arg(i);
        if (!session_->hasDesign(candidate)) return candidate;
    }
}

// --- Files ---------------------------------------------------------------------------------------

Status SessionController::openSession(const QString& path, bool create) {
    store::Session::Options options;
    options.create = create;
    auto opened = store::Session::open(path, options);
    QString readOnlyReason;
    if (!opened) {
        // A file we may read but not write (read-only file or folder) still opens, read-only:
        // edits stay in memory and Save As can put them somewhere writable.
        const QFileInfo info(path);
        if (!info.exists() || (info.isWritable() && QFileInfo(info.absolutePath()).isWritable()))
            return opened.error();
        options.mode = store::Session::Mode::readOnly;
        auto readOnly = store::Session::open(path, options);
        if (!readOnly) return opened.error();
        opened = std::move(readOnly);
        readOnlyReason = tr("%1 is read-only: changes are kept in memory only (use Save As)").arg(path);
    }
    std::unique_ptr<store::Session> session = std::move(opened.value());
    QStringList names = session->designNames();
    QString show;
    if (names.isEmpty()) {
        if (session->isReadOnly()) return Error{s(tr("%1: the session has no designs and is read-only").arg(path))};
        const ChipSpec& chip = doc_->chip();
        show = q(chip.id.empty() ? std::string("design") : chip.id);
        if (auto st = session->saveDesign(show, chip, tr("Created")); !st) return st;
    } else {
        show = QSettings().value(lastDesignKey(path)).toString();
        if (!names.contains(show)) {
            // The design changed last is the one the user was working on.
            QDateTime newest;
            for (const QString& n : names) {
                auto summary = session->summary(n);
                if (summary && (show.isEmpty() || summary->modified > newest)) {
                    show = n;
                    newest = summary->modified;
                }
            }
        }
    }
    adopt(std::move(session));
    if (auto st = showDesign(show); !st) return st;
    if (!readOnlyReason.isEmpty()) {
        unsaved_ = readOnlyReason;
        emit saveStateChanged(unsaved_);
    }
    return Ok{};
}

Status SessionController::newSession(const QString& path) {
    if (QFileInfo::exists(path))
        return Error{s(tr("%1 already exists; open it, or choose another name for the new session").arg(path))};
    auto opened = store::Session::open(path);
    if (!opened) return opened.error();
    const DesignState def = DesignDocument::defaultState(doc_->library());
    const QString name = q(def.chip.id.empty() ? std::string("design") : def.chip.id);
    if (auto st = opened.value()->saveDesign(name, def.chip, tr("Created")); !st) return st;
    adopt(std::move(opened.value()));
    loading_ = true;
    doc_->replaceState(def);  // a new session starts from the default workload and comparison too
    loading_ = false;
    return showDesign(name);
}

Status SessionController::saveAs(const QString& path) {
    if (!session_) return Error{"no session is open"};
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(session_->path()).absoluteFilePath())
        return Ok{};  // already there: every edit is saved as it is made
    if (auto st = session_->saveAs(path); !st) return st;
    QSettings().setValue(lastDesignKey(path), design_);
    if (unsaved_.contains(tr("read-only")) && !session_->isReadOnly()) {
        unsaved_.clear();
        emit saveStateChanged(unsaved_);
    }
    emit sessionChanged(session_->path());
    flush();  // writes what the read-only file could not take
    return Ok{};
}

void SessionController::flush() {
    mergeThrottle_->stop();
    onIndexChanged(doc_->undoStack()->index());
}

void SessionController::adopt(std::unique_ptr<store::Session> session) {
    design_.clear();
    history_->setSession(nullptr);
    session_ = std::move(session);
    history_->setSession(session_.get());
    connect(session_.get(), &store::Session::designAdded, this, &SessionController::designsChanged);
    connect(session_.get(), &store::Session::designRemoved, this, &SessionController::designsChanged);
    connect(session_.get(), &store::Session::designRenamed, this, &SessionController::designsChanged);
    unsaved_.clear();
    retry_->stop();
    emit saveStateChanged(unsaved_);
    emit sessionChanged(session_->path());
    emit designsChanged();
}

// --- Designs -------------------------------------------------------------------------------------

DesignState SessionController::stateFor(const QString& name) const {
    const ModelLibrary& lib = doc_->library();
    DesignState st = doc_->state();  // what the design has not stored stays as it is now
    if (auto chip = session_->chip(name)) st.chip = chip.value();
    st.preset_id = st.chip.id;
    if (auto preset = lib.hasChip(st.chip.id) ? lib.chip(st.chip.id) : session_->chipAt(name, 0))
        st.preset = preset.value();
    else
        st.preset = st.chip;

    if (const QString w = session_->designWorkload(name); !w.isEmpty()) {
        auto record = session_->workload(w);
        if (record && lib.hasModel(s(record->modelId))) {
            if (auto model = lib.model(s(record->modelId))) {
                st.model = model.value();
                st.scenario = record->scenario;
            }
        }
    }
    if (const QString b = session_->baseline(name); b.startsWith(kChipRef) && lib.hasChip(s(b.mid(5))))
        st.baseline_id = s(b.mid(5));
    if (auto c = session_->comparison(name)) {
        std::vector<std::string> refs;
        for (const QString& m : c->members)
            if (m.startsWith(kChipRef) && lib.hasChip(s(m.mid(5)))) refs.push_back(s(m.mid(5)));
        st.reference_ids = refs;
    }
    return st;
}

Status SessionController::showDesign(const QString& name) {
    if (!session_ || !session_->hasDesign(name)) return Error{s(tr("no design named '%1' in this session").arg(name))};
    auto summary = session_->summary(name);
    if (!summary) return summary.error();
    loading_ = true;
    const DesignState state = stateFor(name);
    doc_->replaceState(state);
    const QList<store::HistoryEntry> entries = session_->history(name);
    QPointer<store::Session> session(session_.get());
    doc_->seedChipHistory(
        static_cast<int>(entries.size()), summary->undoPosition,
        [session, name](int position) -> Result<ChipSpec> {
            if (!session) return Error{"the session was closed"};
            return session->chipAt(name, position);
        },
        [&entries](int i) { return entries[i - 1].label; });
    design_ = name;
    positions_.resize(static_cast<size_t>(entries.size()) + 1);
    for (size_t i = 0; i < positions_.size(); ++i) positions_[i] = static_cast<int>(i);
    snapshot();
    history_->setDesign(name);

    // What the design had stored; anything missing is written now from the document's state.
    saved_ = Context{};
    if (const QString w = session_->designWorkload(name); !w.isEmpty()) {
        if (auto record = session_->workload(w); record && s(record->modelId) == state.model.id) {
            saved_.model_id = state.model.id;
            saved_.scenario = record->scenario;
        }
    }
    if (const QString b = session_->baseline(name); b.startsWith(kChipRef)) saved_.baseline_id = s(b.mid(5));
    if (auto c = session_->comparison(name)) {
        for (const QString& m : c->members)
            if (m.startsWith(kChipRef)) saved_.reference_ids.push_back(s(m.mid(5)));
    }
    loading_ = false;
    if (!session_->isReadOnly()) {
        persistContext();
        QSettings().setValue(lastDesignKey(session_->path()), name);
    }
    emit currentDesignChanged(name);
    emit notesChanged();
    return Ok{};
}

Status SessionController::switchDesign(const QString& name) {
    if (name == design_) return Ok{};
    return showDesign(name);
}

Status SessionController::newDesign(const QString& name) {
    if (!session_) return Error{"no session is open"};
    const DesignState def = DesignDocument::defaultState(doc_->library());
    if (session_->hasDesign(name)) return Error{s(tr("a design named '%1' already exists").arg(name))};
    if (auto st = session_->saveDesign(name, def.chip, tr("Created")); !st) return st;
    return showDesign(name);
}

Status SessionController::duplicateDesign(const QString& newName) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    if (session_->hasDesign(newName)) return Error{s(tr("a design named '%1' already exists").arg(newName))};
    const QString from = design_;
    if (auto st = session_->saveDesign(newName, doc_->chip(), tr("Branched from %1").arg(from)); !st) return st;
    if (const QString n = session_->notes(from); !n.isEmpty()) session_->setNotes(newName, n);
    return showDesign(newName);  // keeps the document's workload and comparison, then stores them
}

Status SessionController::renameDesign(const QString& newName) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    const QString from = design_;
    if (auto st = session_->renameDesign(from, newName); !st) return st;
    // The design's workload and comparison records carry its name.
    session_->removeComparison(from);
    session_->removeWorkload(workloadName(from));
    design_.clear();
    return showDesign(newName);
}

Status SessionController::removeDesign() {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    const QStringList names = session_->designNames();
    if (names.size() <= 1) return Error{s(tr("'%1' is the only design of the session and cannot be removed").arg(design_))};
    const QString gone = design_;
    if (auto st = session_->removeDesign(gone); !st) return st;
    session_->removeComparison(gone);
    session_->removeWorkload(workloadName(gone));
    QString next;
    QDateTime newest;
    for (const QString& n : session_->designNames()) {
        auto summary = session_->summary(n);
        if (summary && (next.isEmpty() || summary->modified > newest)) {
            next = n;
            newest = summary->modified;
        }
    }
    design_.clear();
    return showDesign(next);
}

Status SessionController::restoreHistory(int position) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    auto chip = session_->chipAt(design_, position);
    if (!chip) return chip.error();
    const QList<store::HistoryEntry> entries = session_->history(design_);
    const QString what = position == 0 ? tr("the design as first saved")
                                       : tr("step %1 (%2)").arg(position).arg(entries.value(position - 1).label);
    return doc_->setChip(chip.value(), tr("Back to %1").arg(what));
}

QString SessionController::notes() const {
    return session_ && !design_.isEmpty() ? session_->notes(design_) : QString();
}

Status SessionController::setNotes(const QString& text) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    if (session_->notes(design_) == text) return Ok{};
    Status st = session_->setNotes(design_, text);
    noteResult(st);
    if (st) emit notesChanged();
    return st;
}

// --- Design JSON ---------------------------------------------------------------------------------

Status SessionController::exportDesign(const QString& file) const {
    std::string json;
    if (session_ && !design_.isEmpty() && session_->chip(design_) && *session_->chip(design_) == doc_->chip()) {
        auto exported = session_->exportDesignJson(design_);
        if (!exported) return exported.error();
        json = exported.value();
    } else {
        json = chip_to_json(doc_->chip());  // not stored yet (e.g. a read-only session)
    }
    QSaveFile f(file);  // atomic: never half a file
    if (!f.open(QIODevice::WriteOnly) || f.write(json.data(), static_cast<qint64>(json.size())) < 0 || !f.commit())
        return Error{s(tr("%1: cannot be written (%2)").arg(file, f.errorString()))};
    return Ok{};
}

Result<QString> SessionController::importDesign(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return Error{s(tr("%1: cannot be read (%2)").arg(file, f.errorString()))};
    const QByteArray bytes = f.readAll();
    const std::string text(bytes.constData(), static_cast<size_t>(bytes.size()));
    auto chip = chip_from_json(text, s(file));
    if (!chip) return chip.error();
    if (auto ok = validate_chip(chip.value()); !ok) return Error{s(file) + ": " + ok.error().message};
    if (!session_ || session_->isReadOnly()) {
        if (auto st = doc_->setDesign(chip.value()); !st) return st.error();
        return q(chip->name.empty() ? chip->id : chip->name);
    }
    const QString name = uniqueDesignName(q(chip->name.empty() ? chip->id : chip->name));
    if (auto st = session_->importDesignJson(name, text, file); !st) return st.error();
    if (auto st = showDesign(name); !st) return st.error();
    return name;
}

// --- Mirroring the undo stack --------------------------------------------------------------------

void SessionController::snapshot() {
    QUndoStack* stack = doc_->undoStack();
    commands_.clear();
    for (int i = 0; i < stack->count(); ++i) commands_.push_back(stack->command(i));
    prevIndex_ = stack->index();
}

void SessionController::onIndexChanged(int index) {
    QUndoStack* stack = doc_->undoStack();
    const int count = stack->count();
    if (!session_ || loading_ || design_.isEmpty() || session_->isReadOnly()) {
        snapshot();
        return;
    }
    failed_ = false;
    mergePending_ = false;  // whatever happens now brings the stored design up to date
    // The commands still on the stack from before: a new command (pushed after an undo, or on
    // top) or a removed one shows up as a difference in this prefix.
    size_t same = 0;
    while (same < commands_.size() && same < static_cast<size_t>(count) &&
           stack->command(static_cast<int>(same)) == commands_[same])
        ++same;
    const bool structural = !(same == commands_.size() && same == static_cast<size_t>(count));
    positions_.resize(std::max(positions_.size(), static_cast<size_t>(count) + 1), session_->undoPosition(design_));
    if (!structural && index != prevIndex_) {
        // Undo, redo or a jump in the undo view: move the stored undo position along.
        moveStored(positions_[static_cast<size_t>(index)]);
    } else if (!structural) {
        // The top command absorbed the next one (a slider drag goes on): one stored step too,
        // written now or when the throttle interval ends.
        if (mergeThrottle_->isActive()) {
            mergePending_ = true;
            snapshot();
            return;
        }
        const QUndoCommand* top = index > 0 ? stack->command(index - 1) : nullptr;
        syncChip(top ? top->text() : QString(), true);
        mergeThrottle_->start();
    } else if (static_cast<size_t>(index) > same) {
        // A new command on top; the commands that were past the previous index are gone.
        positions_.resize(same + 1);
        moveStored(positions_[same]);
        syncChip(stack->command(index - 1)->text(), false);
    } else {
        // A command removed (a drag that ended where it began is no step): back to that index.
        positions_.resize(same + 1);
        moveStored(positions_[static_cast<size_t>(index)]);
    }
    // Whatever happened, the stored chip must be the document's: a write that failed before is
    // made now, as one more edit.
    auto stored = session_->chip(design_);
    if (!stored || !(stored.value() == doc_->chip())) syncChip(tr("Edit"), false);
    const int position = session_->undoPosition(design_);
    positions_.resize(static_cast<size_t>(count) + 1, position);
    positions_[static_cast<size_t>(index)] = position;
    persistContext();
    snapshot();
    if (!failed_ && !unsaved_.isEmpty()) {
        unsaved_.clear();
        retry_->stop();
        emit saveStateChanged(unsaved_);
    }
}

void SessionController::flushMerge() {
    if (mergePending_) flush();
}

void SessionController::syncChip(const QString& label, bool merge) {
    auto stored = session_->chip(design_);
    if (stored && stored.value() == doc_->chip()) return;
    noteResult(session_->updateDesign(design_, doc_->chip(), label, merge));
}

void SessionController::moveStored(int position) {
    if (session_->undoPosition(design_) == position) return;
    auto target = session_->chipAt(design_, position);
    // Only when the stored position still holds the document's chip; otherwise the edit is
    // recorded as a new one by the caller.
    if (!target || !(target.value() == doc_->chip())) return;
    noteResult(session_->restoreTo(design_, position));
}

void SessionController::persistContext(bool force) {
    if (!session_ || design_.isEmpty() || session_->isReadOnly()) return;
    const DesignState& st = doc_->state();
    const Context now{st.model.id, st.scenario, st.baseline_id, st.reference_ids};
    if (now == saved_ && !force) return;
    bool ok = true;
    if (force || now.model_id != saved_.model_id || !(now.scenario == saved_.scenario)) {
        store::WorkloadRecord w;
        w.name = workloadName(design_);
        w.modelId = q(now.model_id);
        w.scenario = now.scenario;
        Status st1 = session_->saveWorkload(w);
        noteResult(st1);
        ok = ok && st1;
        if (st1 && session_->designWorkload(design_) != w.name) {
            Status st2 = session_->setDesignWorkload(design_, w.name);
            noteResult(st2);
            ok = ok && st2;
        }
    }
    if (force || now.baseline_id != saved_.baseline_id || now.reference_ids != saved_.reference_ids) {
        const QString baseline = now.baseline_id.empty() ? QString() : kChipRef + q(now.baseline_id);
        Status st1 = session_->setBaseline(design_, baseline);
        noteResult(st1);
        store::Comparison c;
        c.name = design_;
        for (const auto& id : now.reference_ids) c.members << kChipRef + q(id);
        c.baseline = baseline;
        c.workload = workloadName(design_);
        Status st2 = session_->saveComparison(c);
        noteResult(st2);
        ok = ok && st1 && st2;
    }
    if (ok) saved_ = now;
}

void SessionController::noteResult(const Status& status) {
    if (status) return;
    failed_ = true;
    unsaved_ = QString::fromStdString(status.error().message);
    if (!retry_->isActive()) retry_->start();
    emit saveStateChanged(unsaved_);
}

}  // namespace scoville
