#pragma once
// Opens session files and switches designs. The document's undo history is the design's history:
// each step the document records, undoes or redoes is journalled in the session file as it is
// made (autosave), and opening a design puts its stored steps back on the undo stack, so undo and
// redo of every kind of edit continue across a restart.
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <atomic>
#include <deque>
#include <memory>
#include <vector>

#include "core/design/edit.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"
#include "store/session.hpp"

class QTimer;

namespace scoville {

class DesignDocument;
struct DesignState;
struct ModelLibrary;

namespace store {
class HistoryModel;
}

class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(DesignDocument* doc, QObject* parent = nullptr);
    ~SessionController() override;

    // Opens (or creates) a session file and shows its most recently changed design (a new file
    // gets one design: the document's current state). On failure the current session stays.
    Status openSession(const QString& path, bool create = true);
    // Creates a new session file at `path` (refused if it exists) with one design, the default.
    Status newSession(const QString& path);
    Status saveAs(const QString& path);
    // Writes anything pending: a slider drag's latest value, or what a failed write left (that is
    // also retried every few seconds).
    void flush();

    [[nodiscard]] store::Session* session() const { return session_.get(); }
    [[nodiscard]] QString path() const;
    [[nodiscard]] QString currentDesign() const { return design_; }
    [[nodiscard]] QStringList designNames() const;
    [[nodiscard]] store::HistoryModel* historyModel() const { return history_; }
    // The last write that failed, until a later write succeeds; empty when everything is saved.
    [[nodiscard]] QString unsavedReason() const { return unsaved_; }

    Status switchDesign(const QString& name);
    // A new design holding the document's default state, named `name`.
    Status newDesign(const QString& name);
    // Branches: copies the current design (its chip, workload, baseline and compared chips).
    Status duplicateDesign(const QString& newName);
    Status renameDesign(const QString& newName);
    // Removes the current design and shows another one; the last design cannot be removed.
    Status removeDesign();
    // History panel: undo or redo to the end of step `step` (0 = the design as first saved).
    Status goToStep(int step);
    Status setNotes(const QString& text);
    [[nodiscard]] QString notes() const;

    // Design JSON files (lossless; `scoville eval --chip FILE` evaluates them).
    Status exportDesign(const QString& file) const;
    // The design's model (the library's, or its own) as a model file, which `scoville eval --model FILE` reads.
    Status exportModel(const QString& file) const;
    // Imports as a new design named after the chip (made unique) and shows it; returns the name.
    Result<QString> importDesign(const QString& file);

    // A name not used by any design of the session: `base`, else "base 2", "base 3", ...
    [[nodiscard]] QString uniqueDesignName(const QString& base) const;

    // Sweep results (store::Sweeps). A sweep of a million points takes seconds to write and to
    // read, so both happen in a background thread on a connection of their own; the journal's
    // writes wait meanwhile rather than block the window on the sweep's transaction.
    [[nodiscard]] QStringList sweepNames() const;
    // Stores a sweep under its name (replacing one of that name), recording the current design as
    // the one it varied; sweepStored tells how it went.
    void storeSweep(std::shared_ptr<store::SweepResult> sweep);
    // Reads a stored sweep; sweepLoaded hands it over, or says why not.
    void loadSweep(const QString& name);
    Status removeSweep(const QString& name);
    // Waits until the sweeps being written are written (closing, tests).
    void waitForSweeps();

signals:
    void sessionChanged(const QString& path);      // opened, created or saved as
    void designsChanged();                          // added, removed or renamed
    void currentDesignChanged(const QString& name);
    void saveStateChanged(const QString& unsavedReason);  // empty: everything is saved
    void notesChanged();
    void sweepsChanged(const QStringList& names);
    void sweepStored(const QString& name, const QString& error);  // error empty: stored
    void sweepLoaded(const QString& name, std::shared_ptr<const scoville::store::SweepResult> sweep,
                     const QString& error);

private:
    // One journal operation waiting to be written: writes happen in order, and what a failed write
    // (locked file, full disk, read-only file) leaves is retried until it succeeds.
    struct Pending {
        enum Kind { record, replace, undo, redo } kind;
        EditStep step;
    };

    void adopt(std::unique_ptr<store::Session> session);
    // Before a change of design or session, or a write of its own: the sweeps being written are
    // written (their transaction would hold this one up) and then the journal's pending steps.
    void settle();
    Status showDesign(const QString& name);
    [[nodiscard]] DesignState stateFor(const QString& name, const DesignValues& stored) const;
    void enqueue(Pending op);
    // Writes the pending operations, in order, until one fails.
    void writePending();
    void noteResult(const Status& status);

    DesignDocument* doc_;
    std::unique_ptr<store::Session> session_;
    store::HistoryModel* history_ = nullptr;
    QTimer* retry_ = nullptr;
    QTimer* mergeThrottle_ = nullptr;
    QString design_;
    std::deque<Pending> pending_;
    QString unsaved_;
    std::atomic<int> sweepWrites_{0};  // sweeps being written in the background
    QThreadPool sweepPool_;
};

// The document state that shows design `name` of `session`: its stored values over `base` (what a
// design has not stored, such as an older file's workload, stays as `base` has it).
DesignState designStateFor(const ModelLibrary& library, const DesignState& base, const store::Session& session,
                           const QString& name, const DesignValues& stored);

}  // namespace scoville
