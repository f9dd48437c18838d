#pragma once
// One open session file (*.scoville): named designs with their full edit history and undo
// position, workloads, pinned comparisons, baselines, sweep results and notes.
//
// Autosave: every committed edit is one SQLite transaction in WAL mode, written before the call
// returns; there is no "save". A failed write (locked file, full disk, read-only location) returns
// an error naming the file and the cause, rolls the transaction back and leaves the in-memory
// state exactly as it was before the call. Views listen to the signals; they never write.
//
// A Session belongs to the thread that opened it (Qt Sql connections are per thread); several
// Sessions, in one or more threads or processes, may hold the same file.
//
// One history per design (core/design/edit.hpp): every chip, workload, baseline and compared-chips
// edit is journalled as a step of entries (kind, key, old, new) with an undo position, so undo and
// redo continue after a restart, from the GUI or from `scoville session undo`. record() appends a
// step (or replaces the newest one while a slider is dragged), undo()/redo() move one step and
// apply it to every part it touched. HistoryModel lists the steps.
#include <QHash>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <functional>
#include <memory>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"
#include "store/records.hpp"
#include "store/tables.hpp"

namespace scoville::store {

class Session : public QObject {
    Q_OBJECT
public:
    enum class Mode { readWrite, readOnly };
    struct Options {
        Mode mode = Mode::readWrite;
        bool create = true;        // create the file when it does not exist (readWrite only)
        int busyTimeoutMs = 2000;  // how long to wait for another writer before giving up
    };

    // Opens (or creates) a session file. An existing file is first checked read-only: a file that
    // is not SQLite, another program's SQLite file, a corrupt file or one from a newer Scoville is
    // refused with a message saying which, and is never modified. Older files are migrated.
    static Result<std::unique_ptr<Session>> open(const QString& path, const Options& options);
    static Result<std::unique_ptr<Session>> open(const QString& path) { return open(path, Options{}); }
    ~Session() override;

    [[nodiscard]] QString path() const { return path_; }
    [[nodiscard]] bool isReadOnly() const { return readOnly_; }
    // The Qt Sql connection (for tests and read-only SQL); valid in the opening thread.
    [[nodiscard]] QString connectionName() const { return connection_; }

    // --- Designs ------------------------------------------------------------------------------
    [[nodiscard]] QStringList designNames() const;  // sorted
    [[nodiscard]] bool hasDesign(const QString& name) const { return designs_.contains(name); }
    [[nodiscard]] Result<ChipSpec> chip(const QString& design) const;
    [[nodiscard]] Result<DesignSummary> summary(const QString& design) const;
    // Everything the design's history edits: chip, model and scenario (its workload), baseline
    // and compared chips. A design with no workload stored yet has an empty model_id.
    [[nodiscard]] Result<DesignValues> values(const QString& design) const;

    // Creates a design, or replaces an existing design's chip as one undoable step.
    Status saveDesign(const QString& name, const ChipSpec& chip);
    // Records the difference from the stored chip as one step (one entry per changed parameter
    // key, or one design entry when identity fields changed too). Creates the design when new.
    Status updateDesign(const QString& name, const ChipSpec& chip);
    // Removes the design with its history, workload and comparison.
    Status removeDesign(const QString& name);
    // Renames the design with its workload and comparison.
    Status renameDesign(const QString& from, const QString& to);

    // --- Edits: one step each, one transaction ----------------------------------------------------
    // Appends `step` after the undo position (dropping the redo branch, as QUndoStack does) and
    // applies it. Values are checked: chip ranges and consistency, the model id, the scenario
    // against the model. With `replaceNewest`, the step replaces the newest one instead (a slider
    // drag goes on); an empty or no-op step then removes it (the drag ended where it began).
    Status record(const QString& design, const EditStep& step, bool replaceNewest = false);
    // "key=value" assignments as one step: chip keys, workload.KEY, workload.model, baseline,
    // compared (core/design/edit.hpp parse_edit_target). All or nothing.
    Status applyAssignments(const QString& design, const QStringList& assignments);
    Status setParameter(const QString& design, const QString& key, double value);
    // Text form as typed on the command line: "1.8", "hbm3e", "torus".
    Status setParameterText(const QString& design, const QString& key, const QString& text);
    // Stores the workload, baseline and compared chips of a design that has none stored yet (a new
    // design shown in the GUI adopts the workload on screen), without a history step.
    Status adoptContext(const QString& design, const DesignValues& values);

    // --- History and undo (the undo position survives a restart) -------------------------------
    [[nodiscard]] QList<HistoryEntry> history(const QString& design) const;  // every entry, in order
    [[nodiscard]] QList<HistoryStep> steps(const QString& design) const;
    [[nodiscard]] int undoPosition(const QString& design) const;  // entries applied; -1 if unknown
    [[nodiscard]] int stepPosition(const QString& design) const;  // steps applied; -1 if unknown
    [[nodiscard]] bool canUndo(const QString& design) const;
    [[nodiscard]] bool canRedo(const QString& design) const;
    Status undo(const QString& design);  // one step back
    Status redo(const QString& design);  // one step forward
    // Moves to the end of any step 0..step count (0 = the design as first saved).
    Status goToStep(const QString& design, int step);
    // Moves to an entry position 0..history size that ends a step.
    Status restoreTo(const QString& design, int position);
    // The chip at an entry position, rebuilt from the first saved state by replaying edits.
    [[nodiscard]] Result<ChipSpec> chipAt(const QString& design, int position) const;

    // --- Notes -----------------------------------------------------------------------------------
    [[nodiscard]] QString notes(const QString& design) const;
    Status setNotes(const QString& design, const QString& text);

    // --- Workloads, comparisons, sweeps (store/tables.hpp) ---------------------------------------
    [[nodiscard]] Workloads& workloads() { return workloads_; }
    [[nodiscard]] const Workloads& workloads() const { return workloads_; }
    [[nodiscard]] Comparisons& comparisons() { return comparisons_; }
    [[nodiscard]] const Comparisons& comparisons() const { return comparisons_; }
    [[nodiscard]] Sweeps& sweeps() { return sweeps_; }
    [[nodiscard]] const Sweeps& sweeps() const { return sweeps_; }

    // --- Design JSON (core/hw/chip_json.hpp: lossless) ------------------------------------------
    [[nodiscard]] Result<std::string> exportDesignJson(const QString& design) const;
    // Unknown keys, wrong types and out-of-range values are refused with the key named.
    Status importDesignJson(const QString& name, const std::string& json, const QString& origin = {});

    // --- Files -----------------------------------------------------------------------------------
    // Writes a consistent copy to `path` (VACUUM INTO a temporary file, then an atomic rename);
    // the session stays on its file. Works on read-only sessions too.
    Status copyTo(const QString& path) const;
    // Save As: copies, then continues on the new file. On failure the session stays on the old one.
    Status saveAs(const QString& path);
    // PRAGMA integrity_check: Ok, or the first problem found.
    [[nodiscard]] Status integrityCheck() const;

signals:
    void designAdded(const QString& name);
    void designRemoved(const QString& name);
    void designRenamed(const QString& from, const QString& to);
    void designChanged(const QString& name);   // its values changed (edit, undo, redo, restore)
    void historyChanged(const QString& name);  // entries or undo position changed
    void notesChanged(const QString& name);
    void workloadsChanged();
    void comparisonsChanged();
    void sweepsChanged();
    void pathChanged(const QString& path);     // after Save As
    void writeFailed(const QString& message);  // every refused write, also returned as Status

private:
    friend class Workloads;
    friend class Comparisons;
    friend class Sweeps;

    struct DesignState {
        qint64 id = 0;
        ChipSpec chip;
        int historyCount = 0;  // entries
        int undoPosition = 0;  // entries applied
        int stepCount = 0;
        int stepPosition = 0;
    };

    Session(QString path, QString connection, bool readOnly);
    // Opens a Qt Sql connection on an existing, checked file with the session pragmas set.
    static Result<QString> openConnection(const QString& path, bool readOnly, int busyTimeoutMs);
    [[nodiscard]] QSqlDatabase db() const;
    Status loadDesigns();
    // BEGIN IMMEDIATE; body; COMMIT. Any failure rolls back and is reported with `action`.
    Status write(const QString& action, const std::function<Status()>& body);
    Status fail(const std::string& message);
    Result<const DesignState*> find(const QString& design) const;
    // Checks the values a step leads to: chip consistency, model id, scenario against the model.
    Status checkValues(const QString& design, const DesignValues& before, const DesignValues& after) const;
    // Moves the undo position to `position` (entries), applying the entries in between.
    Status moveTo(const QString& design, int position);
    Status checkUnchanged(const QString& design, const DesignState& state, const QString& action);
    // Writes the current chip; design_params rows are rewritten only where they differ from
    // `previous` (all of them when it is null).
    Status writeDesignRow(qint64 id, const ChipSpec& chip, int undoPosition, const ChipSpec* previous);
    // Writes the parts of `after` that differ from `before` (all of them when before is null):
    // chip row and parameters, workload, baseline, comparison; and the undo position.
    Status writeValues(qint64 id, const QString& design, const DesignValues* before, const DesignValues& after,
                       int undoPosition);
    [[nodiscard]] QList<HistoryEntry> historyRange(qint64 id, int fromSeq, int toSeq) const;
    // Entry position where step `step` ends (0 for step 0).
    [[nodiscard]] Result<int> stepEnd(qint64 id, int step) const;
    Status setDesignColumn(const QString& design, const char* column, const QString& value);
    QString designColumn(const QString& design, const char* column) const;

    QString path_;
    QString connection_;
    bool readOnly_ = false;
    int busyTimeoutMs_ = 2000;
    QHash<QString, DesignState> designs_;
    std::shared_ptr<QTemporaryDir> scratch_;  // an upgraded copy of an older read-only file
    Workloads workloads_{*this};
    Comparisons comparisons_{*this};
    Sweeps sweeps_{*this};
};

// For the headless eval command: the current chip of DESIGN in session FILE, opened read-only.
Result<ChipSpec> loadDesignChip(const QString& file, const QString& design);

}  // namespace scoville::store
