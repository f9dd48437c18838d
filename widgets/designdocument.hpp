#pragma once
// The one object that owns what the user is editing: the chip design, the workload, the baseline
// and the reference chips, the one undo history of typed edit steps (core/design/edit.hpp), and
// the latest evaluations. Views observe it through its typed signals and never talk to each other
// (STYLE.md "State flows one way"). Persistence listens to stepRecorded/stepUndone/stepRedone and
// journals the same steps; it never looks inside the undo stack.
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/design/edit.hpp"
#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/result_keys.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"
#include "widgets/modellibrary.hpp"

class QUndoStack;

namespace scoville {

struct EvaluationBatch;

// Everything an edit can change, as one value (plus what the views show of it): a persistence
// layer saves it and restores it with DesignDocument::loadHistory().
struct DesignState {
    ChipSpec chip;                       // the design being edited
    std::string preset_id;               // the chip the design started from
    ChipSpec preset;                     // that chip's values: the target of "reset to preset"
    ModelSpec model;
    std::string model_json;              // the model's own description where it is not the library's (one from a file)
    Scenario scenario;
    PhaseSelect phase = PhaseSelect::both;  // which phase(s) the views show: view state, not undoable
    std::string baseline_id;             // reference chip the KPI deltas compare against
    std::vector<std::string> reference_ids;  // chips shown beside the design in Compare
    friend bool operator==(const DesignState&, const DesignState&) = default;
};

// A layer (and optionally one op of it) selected in a view; not an edit, so not undoable.
struct LayerSelection {
    Phase phase = Phase::decode;
    int layer = -1;   // index into PhaseResult::layer_template; -1 = none
    int op = -1;      // index into that layer's ops; -1 = the whole layer
    friend bool operator==(const LayerSelection&, const LayerSelection&) = default;
};

class DesignDocument : public QObject {
    Q_OBJECT
public:
    enum Part : unsigned {
        ChipPart = 1u << 0,
        WorkloadPart = 1u << 1,   // model, scenario
        PhasePart = 1u << 2,
        BaselinePart = 1u << 3,
        ReferencesPart = 1u << 4,
        AllParts = 0xffu,
    };

    explicit DesignDocument(const ModelLibrary& library, QObject* parent = nullptr);
    ~DesignDocument() override;

    [[nodiscard]] const ModelLibrary& library() const { return library_; }
    [[nodiscard]] QUndoStack* undoStack() const { return undoStack_; }
    [[nodiscard]] const DesignState& state() const { return state_; }
    [[nodiscard]] const ChipSpec& chip() const { return state_.chip; }

    // The design on the current workload; an error (e.g. the model does not fit) names the cause.
    // While a slider drag on a slow design is followed from a background thread (below), it may
    // belong to an earlier value of the drag: evaluationBehind() says so.
    [[nodiscard]] const Result<Evaluation>& evaluation() const { return evaluation_; }
    // A design whose evaluation took longer than this (a disaggregated split or a parallelism searched
    // over many chips) follows a slider drag (beginDrag) from a background thread: the slider and the
    // views keep the display rate, and each result is shown as it comes (the newest value's last, at
    // the latest when the drag ends). Other edits (typed values, keys, undo, the workload) are
    // evaluated at once. Tests set it.
    static constexpr double kBackgroundEvaluationMs = 12.0;
    void setBackgroundEvaluationMs(double ms) { backgroundEvaluationMs_ = ms; }
    // A workload edit (its undo and redo too) of a design whose last workload evaluation, the design's and
    // the reference chips' together, took longer than this (a search over a large system compared with
    // several chips) is evaluated on a background thread: the edit returns at once, the bars show it, and
    // evaluation() and the reference chips' keep what they were (evaluationBehind()) until the new ones arrive,
    // in place together (stateChanged again). Edits made meanwhile join it: the newest state is evaluated
    // when it returns. Opening a history is evaluated at once. Tests set it.
    static constexpr double kBackgroundWorkloadMs = 100.0;
    void setBackgroundWorkloadMs(double ms) { backgroundWorkloadMs_ = ms; }
    // How long the last workload evaluation took, the design and the reference chips together.
    [[nodiscard]] double lastWorkloadMs() const { return workloadMs_; }
    [[nodiscard]] bool evaluationBehind() const { return shownGeneration_ != evaluationGeneration_; }
    // Changes whenever evaluation() is replaced: a view that draws only the evaluation knows from it
    // whether what it drew is still what is shown.
    [[nodiscard]] int shownEvaluation() const { return shownGeneration_; }
    // How long the design's latest evaluation took: what a view that evaluates it again can expect.
    [[nodiscard]] double lastEvaluationMs() const { return lastEvaluationMs_; }
    // Reference chips (the selected ones and the baseline) on the same workload, by id.
    [[nodiscard]] const std::map<std::string, Result<Evaluation>>& referenceEvaluations() const {
        return references_;
    }
    [[nodiscard]] const Result<Evaluation>* referenceEvaluation(const std::string& id) const;
    [[nodiscard]] const ChipSpec* referenceChip(const std::string& id) const;
    // The headline results' ranges over each chip's uncertain values (core/sweep/ranges) on the current
    // workload, for the design and every reference chip (the baseline included): computed once, on a
    // background thread, kRangesDelayMs after the edits pause; null until then, and for a chip that
    // does not evaluate. rangesChanged() says they arrived.
    [[nodiscard]] const Ranges* designRanges() const { return designRangesReady_ ? &designRanges_ : nullptr; }
    [[nodiscard]] const Ranges* referenceRanges(const std::string& id) const;
    static constexpr int kRangesDelayMs = 250;
    [[nodiscard]] const Result<Evaluation>* baselineEvaluation() const {
        return referenceEvaluation(state_.baseline_id);
    }

    // Edits: each one is an undo step. A refused edit returns the reason and changes nothing.
    // `continuing`: part of one interaction (a slider drag, arrow keys on a slider): merges with the
    // previous edit of the same key until finishInteraction().
    Status setParam(const std::string& key, double value, bool continuing = false);
    Status resetParam(const std::string& key);
    Status loadPreset(const std::string& chipId);
    // A chip from elsewhere (an opened design file) becomes the design and the reset target.
    Status setDesign(const ChipSpec& chip);
    void setModel(const std::string& modelId);
    // A model of the design's own (one read from a file, a library model file or a transformers config.json),
    // kept whole in the design and its history.
    void setOwnModel(const ModelSpec& model);
    void setScenario(const Scenario& scenario);
    void setBaseline(const std::string& chipId);
    void setReferences(const std::vector<std::string>& chipIds);
    // Several changes made together as one undo step (a sweep point, a goal seek's value): chip
    // parameters and workload keys take the values of `next`. The chip is checked as a whole and
    // the model must be known; a refused change returns the reason and changes nothing.
    Status applyValues(const DesignValues& next);
    // Which phase(s) the views show: view state, not an edit.
    void setPhase(PhaseSelect phase);
    // A slider is held down: its edits may be evaluated in the background (kBackgroundEvaluationMs).
    void beginDrag() { dragging_ = true; }
    // Ends a continuous interaction (a slider drag): the next edit starts a new undo step. A drag
    // followed in the background ends with the evaluation of its last value in place.
    void finishInteraction();

    // The values the history edits, as text-form parts.
    [[nodiscard]] DesignValues values() const;

    // Shows `state` with an undo history of `steps`, of which the first `position` are applied
    // (state is the result): undo and redo continue across a restart. The state at step 0 is found
    // by undoing the steps; if they do not lead back consistently the history is dropped with a
    // warning and the state kept. Nothing is journalled.
    void loadHistory(const DesignState& state, const std::vector<EditStep>& steps, int position);
    // Replaces the whole state with an empty history (a new session).
    void replaceState(const DesignState& state) { loadHistory(state, {}, 0); }
    // The state shown on first start: jalapeno-est running llama-3.1-70b at fp8 against B200 and
    // TPU v7 (h100-sxm against b200 when the library lacks them).
    [[nodiscard]] static DesignState defaultState(const ModelLibrary& library);

    [[nodiscard]] const LayerSelection& selection() const { return selection_; }
    void setSelection(const LayerSelection& selection);

    // Used by the undo command: applies a step forwards or backwards and re-evaluates; `journal`
    // announces it as an undo or redo (false for the push itself and while a history is loaded).
    void applyStep(const EditStep& step, bool forward, bool journal);
    [[nodiscard]] int interaction() const { return interaction_; }

signals:
    // After evaluation and reference evaluations are current (or, in a drag followed from a
    // background thread, with the evaluation behind: stateChanged(ChipPart) again when it arrives).
    void stateChanged(unsigned parts);
    void rangesChanged();                 // the current state's ranges arrived
    void evaluationChanged();             // design evaluation replaced
    void referencesChanged();             // reference evaluations replaced
    void selectionChanged();
    void editRefused(const QString& message);
    void interactionFinished();           // a slider drag ended: its undo step is complete
    // The history grew: a new step on top (replaced = false), or the newest step changed by an
    // interaction that goes on (replaced = true; an empty step: it came back to where it began and
    // is gone).
    void stepRecorded(const scoville::EditStep& step, bool replaced);
    void stepUndone();
    void stepRedone();

private:
    // Evaluates what `parts` changed, at once or (`mayDefer`, a slow design's workload edit) in the background.
    void changed(unsigned parts, bool mayDefer = true);
    // The design and every reference chip on the current state, on evaluationPool_, put in place together
    // when they return; restarted there if the state moved on meanwhile.
    void startWorkloadEvaluation();
    // Drops a layer selection the evaluation shown no longer has.
    void keepSelectionInRange();
    void evaluateDesign();
    // Puts the current state's evaluation in place, with the time it took (a background one still
    // running is older: its result is left unshown).
    void showEvaluation(Result<Evaluation> evaluation, double ms);
    // The current state's evaluation on evaluationPool_: started, or where one runs, started when it
    // returns (the newest state's then; the states between are not evaluated).
    void evaluateDesignInBackground();
    void startBackgroundEvaluation();
    // The reference chips due (all of them after a workload edit, else those not evaluated yet), and the
    // design with them when `withDesign`, on the cores side by side.
    void evaluateReferences(bool workloadChanged, bool withDesign);
    // The reference chips the state compares with: the compared ones and the baseline.
    [[nodiscard]] std::set<std::string> wantedReferences() const;
    // Puts into `batch` the wanted chips (all, or those not evaluated yet), each looked up here: the library and
    // the chip map are touched on this thread alone.
    void collectReferences(EvaluationBatch& batch, bool all);
    // Puts the batch's reference evaluations in place, the chips the library lacks with their refusal, and drops
    // those of chips no longer wanted.
    void takeReferences(EvaluationBatch& batch);
    void startRanges();
    // Pushes a step as one undo command (nothing when it changes nothing) and journals it.
    void pushStep(EditStep step, int mergeId = -1);
    // Puts `values` into the state; returns the parts that changed (0 and a refusal when the model
    // id is unknown). A design edit also moves the reset target.
    unsigned setValues(const DesignValues& values, bool designEdit);

    const ModelLibrary& library_;
    QUndoStack* undoStack_ = nullptr;
    DesignState state_;
    Result<Evaluation> evaluation_{Error{"not evaluated yet"}};
    std::map<std::string, ChipSpec> referenceChips_;
    std::map<std::string, Result<Evaluation>> references_;
    LayerSelection selection_;
    QThreadPool rangesPool_;
    QTimer rangesTimer_;
    // Counts the states the ranges were asked for; shared with the ranges thread, where a job for an earlier
    // state stops at its next evaluation.
    std::shared_ptr<std::atomic<int>> rangesGeneration_ = std::make_shared<std::atomic<int>>(0);
    bool designRangesReady_ = false;     // an edit of the chip alone keeps the reference chips' ranges
    bool referenceRangesReady_ = false;
    Ranges designRanges_;
    std::map<std::string, Ranges> referenceRanges_;
    int interaction_ = 0;
    bool loading_ = false;  // a stored history is being put on the stack: no evaluation, no journal
    // The design evaluation followed from a background thread during a drag.
    struct BackgroundResult {
        int generation = 0;  // the change it evaluates
        Result<Evaluation> evaluation{Error{"not evaluated"}};
        double ms = 0;
    };
    std::shared_ptr<BackgroundResult> running_;  // the job started last, until its result is taken
    QThreadPool evaluationPool_;
    bool dragging_ = false;            // a slider is held down
    bool continuing_ = false;          // the edit being applied continues an interaction
    bool evaluationRunning_ = false;   // a background evaluation has not returned yet
    int evaluationGeneration_ = 0;     // bumped by every change the design's evaluation depends on
    int shownGeneration_ = 0;          // the change evaluation_ belongs to
    double lastEvaluationMs_ = 0;      // the latest design evaluation's time
    double backgroundEvaluationMs_ = kBackgroundEvaluationMs;
    // The workload evaluation followed from a background thread (kBackgroundWorkloadMs).
    bool workloadRunning_ = false;     // one has not returned yet
    unsigned pendingParts_ = 0;        // what the edits since the evaluation shown changed
    double workloadMs_ = 0;            // the last workload evaluation's time
    double backgroundWorkloadMs_ = kBackgroundWorkloadMs;
};

// The design's model as people read it: its name, marked "(own model)" where it is the design's own (read from
// a file or edited) rather than the library's.
QString modelLabel(const DesignState& state);

}  // namespace scoville
