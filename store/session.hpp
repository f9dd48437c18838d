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
// For the GUI: a parameter edit is setParameter(design, key, value, label, merge) (merge = true
// while a slider is dragged turns the drag into one history entry); Undo/Redo call undo()/redo()
// and are enabled from canUndo()/canRedo() after historyChanged; HistoryModel lists the history
// (row = position for restoreTo()); File > Save As is saveAs(). Views redraw on designChanged.
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

    // Creates a design, or replaces an existing design's chip as one undoable edit (key "*").
    Status saveDesign(const QString& name, const ChipSpec& chip, const QString& label = {});
    // For an editor that holds the whole chip (the GUI's document): records the difference from
    // the stored chip as one history entry per changed parameter key, or one "*" entry when
    // identity fields (id, name, notes, ...) changed too. With `merge`, a change of the same single
    // key and label as the newest entry updates it (a slider drag stays one step). Creates the
    // design when it does not exist.
    Status updateDesign(const QString& name, const ChipSpec& chip, const QString& label = {},
                        bool merge = false);
    Status removeDesign(const QString& name);
    Status renameDesign(const QString& from, const QString& to);

    // One parameter edit = one history entry = one transaction. With `merge`, an edit of the same
    // key and label as the newest entry updates that entry instead (a slider drag is one step).
    Status setParameter(const QString& design, const QString& key, double value, const QString& label = {},
                        bool merge = false);
    // Text form as typed on the command line: "1.8", "hbm3e", "torus".
    Status setParameterText(const QString& design, const QString& key, const QString& text,
                            const QString& label = {}, bool merge = false);
    // "key=value" assignments, all or nothing in one transaction, one history entry per key.
    Status applyAssignments(const QString& design, const QStringList& assignments, const QString& label = {});

    // --- History and undo (the undo position survives a restart) -------------------------------
    [[nodiscard]] QList<HistoryEntry> history(const QString& design) const;
    [[nodiscard]] int undoPosition(const QString& design) const;  // -1 for an unknown design
    [[nodiscard]] bool canUndo(const QString& design) const;
    [[nodiscard]] bool canRedo(const QString& design) const;
    Status undo(const QString& design);
    Status redo(const QString& design);
    // Moves to any position 0..history size (0 = the design as first saved).
    Status restoreTo(const QString& design, int position);
    // The chip at a history position, rebuilt from the first saved state by replaying edits.
    [[nodiscard]] Result<ChipSpec> chipAt(const QString& design, int position) const;

    // --- Notes, baseline and workload of a design ------------------------------------------------
    [[nodiscard]] QString notes(const QString& design) const;
    Status setNotes(const QString& design, const QString& text);
    // A reference "chip:ID" or "design:NAME" the KPIs are compared against; empty for none.
    [[nodiscard]] QString baseline(const QString& design) const;
    Status setBaseline(const QString& design, const QString& ref);
    [[nodiscard]] QString designWorkload(const QString& design) const;
    Status setDesignWorkload(const QString& design, const QString& workload);

    // --- Workloads, comparisons, sweeps ----------------------------------------------------------
    [[nodiscard]] QStringList workloadNames() const;
    [[nodiscard]] Result<WorkloadRecord> workload(const QString& name) const;
    Status saveWorkload(const WorkloadRecord& workload);  // insert or replace by name
    Status removeWorkload(const QString& name);

    [[nodiscard]] QStringList comparisonNames() const;
    [[nodiscard]] Result<Comparison> comparison(const QString& name) const;
    Status saveComparison(const Comparison& comparison);  // insert or replace by name
    Status removeComparison(const QString& name);

    [[nodiscard]] QStringList sweepNames() const;
    [[nodiscard]] Result<SweepResult> sweep(const QString& name) const;
    Status saveSweep(const SweepResult& sweep);  // insert or replace by name; values must be finite
    Status removeSweep(const QString& name);

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
    void designChanged(const QString& name);   // the chip changed (edit, undo, redo, restore)
    void historyChanged(const QString& name);  // entries or undo position changed
    void notesChanged(const QString& name);
    void baselineChanged(const QString& name);
    void designWorkloadChanged(const QString& name);
    void workloadsChanged();
    void comparisonsChanged();
    void sweepsChanged();
    void pathChanged(const QString& path);     // after Save As
    void writeFailed(const QString& message);  // every refused write, also returned as Status

private:
    struct DesignState {
        qint64 id = 0;
        ChipSpec chip;
        int historyCount = 0;
        int undoPosition = 0;
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
    // Applies edits to a copy of the design and writes them; updates memory only after commit.
    struct Edit {
        std::string key;
        std::string newText;
    };
    Status commitEdits(const QString& design, const std::vector<Edit>& edits, const QString& label,
                       bool merge);
    Status moveTo(const QString& design, int position);
    Status checkUnchanged(const QString& design, const DesignState& state, const QString& action);
    // Writes the current chip; design_params rows are rewritten only where they differ from
    // `previous` (all of them when it is null).
    Status writeDesignRow(qint64 id, const ChipSpec& chip, int undoPosition, const ChipSpec* previous);
    [[nodiscard]] QList<HistoryEntry> historyRange(qint64 id, int fromSeq, int toSeq) const;
    Status setDesignColumn(const QString& design, const char* column, const QString& value);
    QString designColumn(const QString& design, const char* column) const;

    QString path_;
    QString connection_;
    bool readOnly_ = false;
    int busyTimeoutMs_ = 2000;
    QHash<QString, DesignState> designs_;
    std::shared_ptr<QTemporaryDir> scratch_;  // an upgraded copy of an older read-only file
};

// For the headless eval command: the current chip of DESIGN in session FILE, opened read-only.
Result<ChipSpec> loadDesignChip(const QString& file, const QString& design);

}  // namespace scoville::store
