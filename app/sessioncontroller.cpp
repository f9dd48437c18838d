#include "app/sessioncontroller.hpp"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "store/history_model.hpp"
#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

QString lastDesignKey(const QString& path) {
    const QByteArray hash =
        QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("session/lastDesign/") + QString::fromLatin1(hash.left(16));
}

std::vector<EditStep> editSteps(const QList<store::HistoryStep>& steps) {
    std::vector<EditStep> out;
    out.reserve(static_cast<size_t>(steps.size()));
    for (const auto& st : steps) out.push_back(st.edits);
    return out;
}

}  // namespace

SessionController::SessionController(DesignDocument* doc, QObject* parent)
    : QObject(parent), doc_(doc), history_(new store::HistoryModel(this)), retry_(new QTimer(this)),
      mergeThrottle_(new QTimer(this)) {
    setObjectName(QStringLiteral("sessionController"));
    connect(doc_, &DesignDocument::stepRecorded, this, [this](const EditStep& step, bool replaced) {
        enqueue({replaced ? Pending::replace : Pending::record, step});
    });
    connect(doc_, &DesignDocument::stepUndone, this, [this] { enqueue({Pending::undo, {}}); });
    connect(doc_, &DesignDocument::stepRedone, this, [this] { enqueue({Pending::redo, {}}); });
    // A failed write (locked file, full disk) is retried until it succeeds; the document keeps
    // everything in memory meanwhile.
    retry_->setInterval(3000);
    connect(retry_, &QTimer::timeout, this, &SessionController::writePending);
    // While a slider is dragged its step is rewritten at most every 250 ms (a write and the
    // History panel's refresh cost several ms of a 16 ms frame); the end of the drag writes it
    // at once. A crash in mid-drag loses at most the last 250 ms of that one drag.
    mergeThrottle_->setSingleShot(true);
    mergeThrottle_->setInterval(250);
    connect(mergeThrottle_, &QTimer::timeout, this, &SessionController::writePending);
    connect(doc_, &DesignDocument::interactionFinished, this, &SessionController::flush);
    sweepPool_.setMaxThreadCount(1);  // one at a time, in the order asked
}

SessionController::~SessionController() {
    sweepPool_.waitForDone();  // a sweep being written is written
}

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
        if (session->isReadOnly()) return Error{stext(tr("%1: the session has no designs and is read-only").arg(path))};
        const ChipSpec& chip = doc_->chip();
        show = qtext(chip.id.empty() ? std::string("design") : chip.id);
        if (auto st = session->saveDesign(show, chip); !st) return st;
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
        return Error{stext(tr("%1 already exists; open it, or choose another name for the new session").arg(path))};
    auto opened = store::Session::open(path);
    if (!opened) return opened.error();
    const DesignState def = DesignDocument::defaultState(doc_->library());
    const QString name = qtext(def.chip.id.empty() ? std::string("design") : def.chip.id);
    if (auto st = opened.value()->saveDesign(name, def.chip); !st) return st;
    adopt(std::move(opened.value()));
    doc_->replaceState(def);  // a new session starts from the default workload and comparison too
    return showDesign(name);
}

Status SessionController::saveAs(const QString& path) {
    if (!session_) return Error{"no session is open"};
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(session_->path()).absoluteFilePath())
        return Ok{};  // already there: every edit is saved as it is made
    if (auto st = session_->saveAs(path); !st) return st;
    QSettings().setValue(lastDesignKey(path), design_);
    emit sessionChanged(session_->path());
    settle();  // writes what the read-only file could not take, and clears its warning
    return Ok{};
}

void SessionController::flush() {
    mergeThrottle_->stop();
    writePending();
}

void SessionController::settle() {
    waitForSweeps();
    flush();
}

void SessionController::adopt(std::unique_ptr<store::Session> session) {
    settle();  // the last edits of the previous session
    pending_.clear();
    design_.clear();
    history_->setSession(nullptr);
    session_ = std::move(session);
    history_->setSession(session_.get());
    connect(session_.get(), &store::Session::designAdded, this, &SessionController::designsChanged);
    connect(session_.get(), &store::Session::designRemoved, this, &SessionController::designsChanged);
    connect(session_.get(), &store::Session::designRenamed, this, &SessionController::designsChanged);
    connect(session_.get(), &store::Session::sweepsChanged, this, [this] { emit sweepsChanged(sweepNames()); });
    unsaved_.clear();
    retry_->stop();
    emit saveStateChanged(unsaved_);
    emit sessionChanged(session_->path());
    emit designsChanged();
    emit sweepsChanged(sweepNames());
}

// --- Designs -------------------------------------------------------------------------------------

DesignState SessionController::stateFor(const QString& name, const DesignValues& stored) const {
    return designStateFor(doc_->library(), doc_->state(), *session_, name, stored);
}

DesignState designStateFor(const ModelLibrary& lib, const DesignState& base, const store::Session& session,
                           const QString& name, const DesignValues& stored) {
    DesignState st = base;  // what the design has not stored stays as it is
    st.chip = stored.chip;
    st.preset_id = st.chip.id;
    if (auto preset = lib.hasChip(st.chip.id) ? lib.chip(st.chip.id) : session.chipAt(name, 0))
        st.preset = preset.value();
    else
        st.preset = st.chip;
    if (!stored.model_id.empty() && (!stored.model_json.empty() || lib.hasModel(stored.model_id))) {
        if (auto model = design_model(stored, lib.model)) {
            st.model = model.value();
            st.model_json = stored.model_json;
            st.scenario = stored.scenario;
            st.baseline_id = lib.hasChip(stored.baseline_id) ? stored.baseline_id : std::string();
            st.reference_ids.clear();
            for (const auto& id : stored.compared_ids)
                if (lib.hasChip(id)) st.reference_ids.push_back(id);
        }
    }
    return st;
}

Status SessionController::showDesign(const QString& name) {
    if (!session_ || !session_->hasDesign(name))
        return Error{stext(tr("no design named '%1' in this session").arg(name))};
    settle();  // the previous design's last edits
    auto stored = session_->values(name);
    if (!stored) return stored.error();
    const DesignState state = stateFor(name, *stored);
    design_ = name;
    doc_->loadHistory(state, editSteps(session_->steps(name)), session_->stepPosition(name));
    history_->setDesign(name);
    if (!session_->isReadOnly()) {
        // A design that has no workload stored yet (new, branched, imported, or from an older file)
        // takes the one on screen.
        if (stored->model_id.empty()) noteResult(session_->adoptContext(name, doc_->values()));
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
    if (session_->hasDesign(name)) return Error{stext(tr("a design named '%1' already exists").arg(name))};
    waitForSweeps();
    if (auto st = session_->saveDesign(name, def.chip); !st) return st;
    return showDesign(name);
}

Status SessionController::duplicateDesign(const QString& newName) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    if (session_->hasDesign(newName)) return Error{stext(tr("a design named '%1' already exists").arg(newName))};
    const QString from = design_;
    settle();
    if (auto st = session_->saveDesign(newName, doc_->chip()); !st) return st;
    if (const QString n = session_->notes(from); !n.isEmpty()) session_->setNotes(newName, n);
    return showDesign(newName);  // keeps the document's workload and comparison, then stores them
}

Status SessionController::renameDesign(const QString& newName) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    const QString from = design_;
    settle();
    if (auto st = session_->renameDesign(from, newName); !st) return st;
    design_.clear();
    return showDesign(newName);
}

Status SessionController::removeDesign() {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    const QStringList names = session_->designNames();
    if (names.size() <= 1) return Error{stext(tr("'%1' is the only design of the session and cannot be removed").arg(design_))};
    const QString gone = design_;
    waitForSweeps();
    pending_.clear();  // edits of a design about to go
    if (auto st = session_->removeDesign(gone); !st) return st;
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

Status SessionController::goToStep(int step) {
    QUndoStack* stack = doc_->undoStack();
    if (step < 0 || step > stack->count())
        return Error{stext(tr("step %1 is outside the history (0 to %2)").arg(step).arg(stack->count()))};
    doc_->finishInteraction();
    stack->setIndex(step);
    return Ok{};
}

QString SessionController::notes() const {
    return session_ && !design_.isEmpty() ? session_->notes(design_) : QString();
}

Status SessionController::setNotes(const QString& text) {
    if (!session_ || design_.isEmpty()) return Error{"no session is open"};
    if (session_->notes(design_) == text) return Ok{};
    waitForSweeps();
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
        return Error{stext(tr("%1: cannot be written (%2)").arg(file, f.errorString()))};
    return Ok{};
}

Status SessionController::exportModel(const QString& file) const {
    const std::string json = model_to_json(doc_->state().model) + "\n";
    QSaveFile f(file);  // atomic: never half a file
    if (!f.open(QIODevice::WriteOnly) || f.write(json.data(), static_cast<qint64>(json.size())) < 0 || !f.commit())
        return Error{stext(tr("%1: cannot be written (%2)").arg(file, f.errorString()))};
    return Ok{};
}

Result<QString> SessionController::importDesign(const QString& file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) return Error{stext(tr("%1: cannot be read (%2)").arg(file, f.errorString()))};
    const QByteArray bytes = f.readAll();
    const std::string text(bytes.constData(), static_cast<size_t>(bytes.size()));
    auto chip = chip_from_json(text, stext(file));
    if (!chip) return chip.error();
    if (auto ok = validate_chip(chip.value()); !ok)
        return Error::of(Message{"", "%1: %2", {stext(file)}, {ok.error().as_message()}});  // translatable
    if (!session_ || session_->isReadOnly()) {
        if (auto st = doc_->setDesign(chip.value()); !st) return st.error();
        return qtext(chip->name.empty() ? chip->id : chip->name);
    }
    const QString name = uniqueDesignName(qtext(chip->name.empty() ? chip->id : chip->name));
    waitForSweeps();
    if (auto st = session_->importDesignJson(name, text, file); !st) return st.error();
    if (auto st = showDesign(name); !st) return st.error();
    return name;
}

// --- Sweeps --------------------------------------------------------------------------------------

QStringList SessionController::sweepNames() const { return session_ ? session_->sweeps().names() : QStringList(); }

void SessionController::storeSweep(std::shared_ptr<store::SweepResult> sweep) {
    if (!sweep) return;
    const QString name = sweep->name;
    if (!session_ || session_->isReadOnly()) {
        emit sweepStored(name, session_ ? tr("%1 is read-only").arg(session_->path()) : tr("no session file is open"));
        return;
    }
    if (!design_.isEmpty()) sweep->design = design_;
    const QString path = session_->path();
    ++sweepWrites_;
    // The session's own connection belongs to this thread: the worker opens one of its own.
    std::function<QString()> work = [path, sweep = std::shared_ptr<const store::SweepResult>(std::move(sweep)), this] {
        QString error;
        {
            store::Session::Options options;
            options.create = false;
            options.busyTimeoutMs = 10000;  // the window's journal waits for this write, not the reverse
            auto session = store::Session::open(path, options);
            if (!session)
                error = errorText(session.error());
            else if (auto st = session.value()->sweeps().save(*sweep); !st)
                error = errorText(st.error());
        }
        --sweepWrites_;
        return error;
    };
    std::function<void(QString&)> done = [this, name](QString& error) {
        emit sweepStored(name, error);
        emit sweepsChanged(sweepNames());
        writePending();  // what the journal kept while the sweep was written
    };
    runInBackground<QString>(&sweepPool_, this, std::move(work), std::move(done));
}

void SessionController::loadSweep(const QString& name) {
    if (!session_) {
        emit sweepLoaded(name, nullptr, tr("no session file is open"));
        return;
    }
    struct Loaded {
        std::shared_ptr<const store::SweepResult> sweep;
        QString error;
    };
    const QString path = session_->path();
    std::function<Loaded()> work = [path, name] {
        Loaded out;
        store::Session::Options options;
        options.mode = store::Session::Mode::readOnly;
        options.create = false;
        auto session = store::Session::open(path, options);
        if (!session) {
            out.error = errorText(session.error());
            return out;
        }
        auto sweep = session.value()->sweeps().get(name);
        if (sweep)
            out.sweep = std::make_shared<const store::SweepResult>(std::move(sweep.value()));
        else
            out.error = errorText(sweep.error());
        return out;
    };
    std::function<void(Loaded&)> done = [this, name](Loaded& loaded) { emit sweepLoaded(name, loaded.sweep, loaded.error); };
    runInBackground<Loaded>(&sweepPool_, this, std::move(work), std::move(done));
}

Status SessionController::removeSweep(const QString& name) {
    if (!session_) return Error{"no session is open"};
    waitForSweeps();
    Status st = session_->sweeps().remove(name);  // sweepsChanged follows from the session
    noteResult(st);
    return st;
}

void SessionController::waitForSweeps() {
    sweepPool_.waitForDone();
    QCoreApplication::sendPostedEvents(this);  // their results, before anything else is written
}

// --- Journal -------------------------------------------------------------------------------------

void SessionController::enqueue(Pending op) {
    if (!session_ || design_.isEmpty()) return;  // no session file: nothing to journal
    const bool replace = op.kind == Pending::replace;
    if (replace && !pending_.empty() &&
        (pending_.back().kind == Pending::record || pending_.back().kind == Pending::replace)) {
        // The newest step, not written yet, changed again: only its latest form is written. A step
        // recorded and gone before it was written is no write at all.
        if (pending_.back().kind == Pending::record && op.step.empty())
            pending_.pop_back();
        else
            pending_.back().step = std::move(op.step);
    } else {
        pending_.push_back(std::move(op));
    }
    if (replace) {
        if (!mergeThrottle_->isActive()) {
            writePending();
            mergeThrottle_->start();
        }
        return;
    }
    writePending();
}

void SessionController::writePending() {
    if (!session_ || design_.isEmpty()) {
        pending_.clear();
        return;
    }
    if (session_->isReadOnly()) return;  // kept until Save As gives them a writable file
    if (sweepWrites_.load() > 0) return;  // written when the sweep is (storeSweep)
    while (!pending_.empty()) {
        const Pending& op = pending_.front();
        Status st = Ok{};
        switch (op.kind) {
            case Pending::record:
                st = session_->record(design_, op.step, false);
                break;
            case Pending::replace:
                st = session_->record(design_, op.step, true);
                break;
            case Pending::undo:
                st = session_->undo(design_);
                break;
            case Pending::redo:
                st = session_->redo(design_);
                break;
        }
        if (!st) {
            noteResult(st);
            return;
        }
        pending_.pop_front();
    }
    if (!unsaved_.isEmpty()) {
        unsaved_.clear();
        retry_->stop();
        emit saveStateChanged(unsaved_);
    }
}

void SessionController::noteResult(const Status& status) {
    if (status) return;
    unsaved_ = errorText(status.error());
    if (!retry_->isActive()) retry_->start();
    emit saveStateChanged(unsaved_);
}

}  // namespace scoville
