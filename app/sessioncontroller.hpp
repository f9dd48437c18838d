#pragma once
// Keeps the open session file (store::Session) and the design document in step: every committed
// edit of the document is written to the session before the next one (autosave), undo and redo
// move the design's stored undo position, and opening a session puts the design's stored history
// back on the undo stack, so undo and redo continue across a restart.
//
// The document's undo stack stays the one source of undo; this object only mirrors it. For each
// undo stack index it remembers the stored history position that index corresponds to.
#include <QObject>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

#include "core/util/result.hpp"
#include "core/workload/model.hpp"
#include "store/session.hpp"

class QTimer;
class QUndoCommand;

namespace scoville {

class DesignDocument;
struct DesignState;

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
    // History panel: the chip at `position` becomes the design again, as a new undoable edit.
    Status restoreHistory(int position);
    Status setNotes(const QString& text);
    [[nodiscard]] QString notes() const;

    // Design JSON files (lossless; `scoville eval --chip FILE` evaluates them).
    Status exportDesign(const QString& file) const;
    // Imports as a new design named after the chip (made unique) and shows it; returns the name.
    Result<QString> importDesign(const QString& file);

    // A name not used by any design of the session: `base`, else "base 2", "base 3", ...
    [[nodiscard]] QString uniqueDesignName(const QString& base) const;

signals:
    void sessionChanged(const QString& path);      // opened, created or saved as
    void designsChanged();                          // added, removed or renamed
    void currentDesignChanged(const QString& name);
    void saveStateChanged(const QString& unsavedReason);  // empty: everything is saved
    void notesChanged();

private:
    void adopt(std::unique_ptr<store::Session> session);
    Status showDesign(const QString& name);
    [[nodiscard]] DesignState stateFor(const QString& name) const;
    void onIndexChanged(int index);
    // Remembers the undo stack's commands and index, to tell a new command from undo and redo.
    void snapshot();
    // Brings the stored design to the document's chip (when they differ) as one new edit.
    void syncChip(const QString& label, bool merge);
    void moveStored(int position);
    // Writes the top command's merged edit (a slider drag in progress), at most every few frames.
    void flushMerge();
    // Workload, baseline and compared chips of the current design, written when they changed.
    void persistContext(bool force = false);
    void noteResult(const Status& status);
    [[nodiscard]] QString workloadName(const QString& design) const { return design; }

    DesignDocument* doc_;
    std::unique_ptr<store::Session> session_;
    store::HistoryModel* history_ = nullptr;
    QTimer* retry_ = nullptr;
    QTimer* mergeThrottle_ = nullptr;
    bool mergePending_ = false;
    QString design_;
    std::vector<int> positions_;  // stored undo position for each undo stack index
    std::vector<const QUndoCommand*> commands_;
    int prevIndex_ = 0;
    bool loading_ = false;
    bool failed_ = false;
    QString unsaved_;
    struct Context {
        std::string model_id;
        Scenario scenario;
        std::string baseline_id;
        std::vector<std::string> reference_ids;
        bool operator==(const Context&) const = default;
    };
    Context saved_;
};

}  // namespace scoville
