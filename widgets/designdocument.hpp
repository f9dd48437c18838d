#pragma once
// The one object that owns what the user is editing: the chip design, the workload, the baseline
// and the reference chips, the undo stack, and the latest evaluations. Views observe it through
// its typed signals and never talk to each other (STYLE.md "State flows one way").
#include <QObject>
#include <QString>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"
#include "widgets/modellibrary.hpp"

class QUndoStack;

namespace scoville {

// Everything an edit can change, as one value: a persistence layer saves it and restores it with
// DesignDocument::replaceState().
struct DesignState {
    ChipSpec chip;                       // the design being edited
    std::string preset_id;               // the chip the design started from
    ChipSpec preset;                     // that chip's values: the target of "reset to preset"
    ModelSpec model;
    Scenario scenario;
    PhaseSelect phase = PhaseSelect::both;  // which phase(s) the views show
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
    [[nodiscard]] const Result<Evaluation>& evaluation() const { return evaluation_; }
    // Reference chips (the selected ones and the baseline) on the same workload, by id.
    [[nodiscard]] const std::map<std::string, Result<Evaluation>>& referenceEvaluations() const {
        return references_;
    }
    [[nodiscard]] const Result<Evaluation>* referenceEvaluation(const std::string& id) const;
    [[nodiscard]] const ChipSpec* referenceChip(const std::string& id) const;
    [[nodiscard]] const Result<Evaluation>* baselineEvaluation() const {
        return referenceEvaluation(state_.baseline_id);
    }

    // Edits: each one is an undo command. A refused edit returns the reason and changes nothing.
    Status setParam(const std::string& key, double value, bool continuing = false);
    Status resetParam(const std::string& key);
    Status loadPreset(const std::string& chipId);
    // A chip from elsewhere (an opened design file) becomes the design and the reset target.
    Status setDesign(const ChipSpec& chip);
    void setModel(const std::string& modelId);
    void setScenario(const Scenario& scenario);
    void setPhase(PhaseSelect phase);
    void setBaseline(const std::string& chipId);
    void setReferences(const std::vector<std::string>& chipIds);
    // Ends a continuous interaction (a slider drag): the next edit starts a new undo step.
    void finishInteraction() {
        ++interaction_;
        emit interactionFinished();
    }

    // A chip from a design's stored history (History panel): one undoable edit; the reset target
    // stays the preset.
    Status setChip(const ChipSpec& chip, const QString& label);

    // Replaces the whole state (opening a session); clears the undo history.
    void replaceState(const DesignState& state);

    // The chip at a position of a stored edit history (0 = as first saved).
    using ChipAt = std::function<Result<ChipSpec>(int position)>;
    // Puts a stored history of `count` chip edits on the undo stack without changing the state,
    // which must be the chip at `position`: steps 1..position can be undone, the rest redone, so
    // undo and redo continue across a restart. Step i goes to chipAt(i) on redo, chipAt(i - 1) on
    // undo. Call right after replaceState().
    void seedChipHistory(int count, int position, ChipAt chipAt, const std::function<QString(int)>& label);
    // Used by the stored-history undo commands.
    void goToStoredPosition(int position);
    // The state shown on first start: jalapeno-est running llama-3.1-70b at fp8 against B200 and
    // TPU v7 (h100-sxm against b200 when the library lacks them).
    [[nodiscard]] static DesignState defaultState(const ModelLibrary& library);

    [[nodiscard]] const LayerSelection& selection() const { return selection_; }
    void setSelection(const LayerSelection& selection);

    // Used by the undo commands: swaps a part of the state and re-evaluates.
    template <typename Value>
    void swapValue(Value& (*access)(DesignState&), Value& value, unsigned parts) {
        std::swap(access(state_), value);
        changed(parts);
    }
    [[nodiscard]] int interaction() const { return interaction_; }

signals:
    void stateChanged(unsigned parts);    // after evaluation and reference evaluations are current
    void evaluationChanged();             // design evaluation replaced
    void referencesChanged();             // reference evaluations replaced
    void selectionChanged();
    void editRefused(const QString& message);
    void interactionFinished();           // a slider drag ended: its undo step is complete

private:
    void changed(unsigned parts);
    void evaluateDesign();
    void evaluateReferences(bool workloadChanged);
    void push(unsigned parts, const QString& text, DesignState next, int mergeId = -1);

    const ModelLibrary& library_;
    QUndoStack* undoStack_ = nullptr;
    DesignState state_;
    Result<Evaluation> evaluation_{Error{"not evaluated yet"}};
    std::map<std::string, ChipSpec> referenceChips_;
    std::map<std::string, Result<Evaluation>> references_;
    LayerSelection selection_;
    int interaction_ = 0;
    ChipAt storedChipAt_;
    bool seeding_ = false;
};

}  // namespace scoville
