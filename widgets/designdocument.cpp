#include "widgets/designdocument.hpp"

#include <QUndoStack>
#include <algorithm>
#include <exception>
#include <set>

#include "core/hw/params.hpp"
#include "widgets/undocommands.hpp"

namespace scoville {
namespace {

ChipSpec& chipOf(DesignState& s) { return s.chip; }
DesignState& whole(DesignState& s) { return s; }
Scenario& scenarioOf(DesignState& s) { return s.scenario; }
PhaseSelect& phaseOf(DesignState& s) { return s.phase; }
std::string& baselineOf(DesignState& s) { return s.baseline_id; }
std::vector<std::string>& referencesOf(DesignState& s) { return s.reference_ids; }

// Merge ids: one per parameter key, so a drag on one slider is one step.
int paramMergeId(const std::string& key) {
    const auto params = chip_params();
    for (size_t i = 0; i < params.size(); ++i)
        if (params[i].key == key) return 1000 + static_cast<int>(i);
    return -1;
}

QString q(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

Result<Evaluation> guardedEvaluate(const ModelLibrary& lib, const ChipSpec& chip, const ModelSpec& model,
                                   const Scenario& scenario) {
    if (!lib.evaluate) return Error{"no evaluation function"};
    try {
        return lib.evaluate(chip, model, scenario);
    } catch (const std::exception& e) {
        return Error{std::string("evaluation failed: ") + e.what()};
    }
}

}  // namespace

DesignDocument::DesignDocument(const ModelLibrary& library, QObject* parent)
    : QObject(parent), library_(library), undoStack_(new QUndoStack(this)) {
    setObjectName(QStringLiteral("designDocument"));
    state_ = defaultState(library_);
    changed(AllParts);
}

DesignDocument::~DesignDocument() {
    // The stack's clear() on destruction is not an edit: observers must not see it.
    undoStack_->blockSignals(true);
}

const Result<Evaluation>* DesignDocument::referenceEvaluation(const std::string& id) const {
    auto it = references_.find(id);
    return it == references_.end() ? nullptr : &it->second;
}

const ChipSpec* DesignDocument::referenceChip(const std::string& id) const {
    auto it = referenceChips_.find(id);
    return it == referenceChips_.end() ? nullptr : &it->second;
}

DesignState DesignDocument::defaultState(const ModelLibrary& library) {
    DesignState s;
    auto firstAvailable = [&](std::initializer_list<const char*> ids) -> std::string {
        for (const char* id : ids)
            if (library.hasChip(id)) return id;
        return library.chips.empty() ? std::string() : library.chips.front().id;
    };
    s.preset_id = firstAvailable({"jalapeno-est", "h100-sxm"});
    if (!s.preset_id.empty()) {
        if (auto chip = library.chip(s.preset_id)) s.preset = chip.value();
    }
    s.chip = s.preset;

    const std::string modelId = library.hasModel("llama-3.1-70b")
                                    ? std::string("llama-3.1-70b")
                                    : (library.models.empty() ? std::string() : library.models.front().id);
    if (!modelId.empty()) {
        if (auto model = library.model(modelId)) s.model = model.value();
    }
    // 70B at fp8 on an 8-chip system, each chip deployed the way it serves best (auto parallelism).
    s.scenario.weight_precision = Precision::fp8;
    s.scenario.activation_precision = Precision::fp8;
    s.scenario.kv_precision = Precision::fp8;
    s.scenario.chips = 8;
    s.scenario.tp = s.scenario.pp = s.scenario.ep = s.scenario.attention_dp = 0;
    s.scenario.batch = 0;  // auto, within the latency limits of an interactive service:
    // MLPerf Inference Llama-2-70B server scenario, TTFT <= 2 s and TPOT <= 200 ms.
    s.scenario.ttft_slo_s = 2.0;
    s.scenario.tpot_slo_s = 0.2;

    s.baseline_id = firstAvailable({"b200", "h100-sxm"});
    for (const char* id : {"b200", "gb200", "tpu-v7", "tpu-v6e", "h200-sxm"})
        if (library.hasChip(id)) s.reference_ids.emplace_back(id);
    if (s.reference_ids.empty() && !s.baseline_id.empty()) s.reference_ids.push_back(s.baseline_id);
    return s;
}

void DesignDocument::changed(unsigned parts) {
    const bool design = parts & (ChipPart | WorkloadPart);
    const bool refs = parts & (WorkloadPart | BaselinePart | ReferencesPart);
    if (design) evaluateDesign();
    if (refs) evaluateReferences(parts & WorkloadPart);
    if (parts & WorkloadPart) {
        const PhaseResult* phase = nullptr;
        if (evaluation_) phase = selection_.phase == Phase::prefill ? &evaluation_->prefill : &evaluation_->decode;
        if (selection_.layer >= 0 && (!phase || static_cast<size_t>(selection_.layer) >= phase->layer_count())) {
            selection_ = LayerSelection{};
            emit selectionChanged();
        }
    }
    if (design) emit evaluationChanged();
    if (refs) emit referencesChanged();
    emit stateChanged(parts);
}

void DesignDocument::evaluateDesign() {
    evaluation_ = guardedEvaluate(library_, state_.chip, state_.model, state_.scenario);
}

void DesignDocument::evaluateReferences(bool workloadChanged) {
    std::set<std::string> wanted(state_.reference_ids.begin(), state_.reference_ids.end());
    if (!state_.baseline_id.empty()) wanted.insert(state_.baseline_id);
    for (auto it = references_.begin(); it != references_.end();)
        it = wanted.count(it->first) ? std::next(it) : references_.erase(it);
    for (const auto& id : wanted) {
        if (!workloadChanged && references_.count(id)) continue;
        if (!referenceChips_.count(id)) {
            auto chip = library_.chip(id);
            if (!chip) {
                references_.insert_or_assign(id, Result<Evaluation>(chip.error()));
                continue;
            }
            referenceChips_.emplace(id, chip.value());
        }
        references_.insert_or_assign(
            id, guardedEvaluate(library_, referenceChips_.at(id), state_.model, state_.scenario));
    }
}

Status DesignDocument::setParam(const std::string& key, double value, bool continuing) {
    const ParamInfo* info = find_param(key);
    auto refuse = [&](const std::string& message) -> Status {
        emit editRefused(QString::fromStdString(message));
        return Error{message};
    };
    if (!info) return refuse("unknown parameter '" + key + "'");
    if (auto ok = check_param(*info, value); !ok) return refuse(ok.error().message);
    ChipSpec next = state_.chip;
    info->set(next, value);
    if (auto ok = validate_chip(next); !ok) return refuse(ok.error().message);
    if (next == state_.chip) return Ok{};
    undoStack_->push(new ChangeValue<ChipSpec>(this, &chipOf, std::move(next), ChipPart,
                                               tr("Change %1").arg(q(info->label)),
                                               continuing ? paramMergeId(key) : -1));
    return Ok{};
}

Status DesignDocument::resetParam(const std::string& key) {
    auto value = get_param(state_.preset, key);
    if (!value) {
        emit editRefused(QString::fromStdString(value.error().message));
        return value.error();
    }
    finishInteraction();
    return setParam(key, value.value());
}

Status DesignDocument::loadPreset(const std::string& chipId) {
    auto chip = library_.chip(chipId);
    if (!chip) {
        emit editRefused(QString::fromStdString(chip.error().message));
        return chip.error();
    }
    DesignState next = state_;
    next.chip = chip.value();
    next.preset = chip.value();
    next.preset_id = chipId;
    if (next == state_) return Ok{};
    push(ChipPart, tr("Start from %1").arg(QString::fromStdString(chip->name.empty() ? chipId : chip->name)),
         std::move(next));
    return Ok{};
}

Status DesignDocument::setDesign(const ChipSpec& chip) {
    if (auto ok = validate_chip(chip); !ok) {
        emit editRefused(QString::fromStdString(ok.error().message));
        return ok;
    }
    DesignState next = state_;
    next.chip = chip;
    next.preset = chip;
    next.preset_id = chip.id;
    if (next == state_) return Ok{};
    push(ChipPart, tr("Open %1").arg(QString::fromStdString(chip.name.empty() ? chip.id : chip.name)), std::move(next));
    return Ok{};
}

void DesignDocument::setModel(const std::string& modelId) {
    auto model = library_.model(modelId);
    if (!model) {
        emit editRefused(QString::fromStdString(model.error().message));
        return;
    }
    if (model.value() == state_.model) return;
    DesignState next = state_;
    next.model = model.value();
    push(WorkloadPart, tr("Model %1").arg(QString::fromStdString(modelId)), std::move(next));
}

void DesignDocument::setScenario(const Scenario& scenario) {
    if (scenario == state_.scenario) return;
    undoStack_->push(new ChangeValue<Scenario>(this, &scenarioOf, scenario, WorkloadPart, tr("Change workload")));
}

void DesignDocument::setPhase(PhaseSelect phase) {
    if (phase == state_.phase) return;
    undoStack_->push(new ChangeValue<PhaseSelect>(this, &phaseOf, phase, PhasePart, tr("Change phase")));
}

void DesignDocument::setBaseline(const std::string& chipId) {
    if (chipId == state_.baseline_id) return;
    undoStack_->push(new ChangeValue<std::string>(this, &baselineOf, chipId, BaselinePart,
                                                  tr("Baseline %1").arg(QString::fromStdString(chipId))));
}

void DesignDocument::setReferences(const std::vector<std::string>& chipIds) {
    if (chipIds == state_.reference_ids) return;
    undoStack_->push(new ChangeValue<std::vector<std::string>>(this, &referencesOf, chipIds, ReferencesPart,
                                                               tr("Change compared chips")));
}

void DesignDocument::push(unsigned parts, const QString& text, DesignState next, int mergeId) {
    undoStack_->push(new ChangeValue<DesignState>(this, &whole, std::move(next), parts, text, mergeId));
}

Status DesignDocument::setChip(const ChipSpec& chip, const QString& label) {
    if (auto ok = validate_chip(chip); !ok) {
        emit editRefused(QString::fromStdString(ok.error().message));
        return ok;
    }
    if (chip == state_.chip) return Ok{};
    finishInteraction();
    undoStack_->push(new ChangeValue<ChipSpec>(this, &chipOf, chip, ChipPart, label));
    return Ok{};
}

void DesignDocument::seedChipHistory(int count, int position, ChipAt chipAt,
                                     const std::function<QString(int)>& label) {
    storedChipAt_ = std::move(chipAt);
    seeding_ = true;  // the state already is the chip at `position`: pushing changes nothing
    for (int i = 1; i <= count; ++i) undoStack_->push(new StoredStep(this, i, label(i)));
    undoStack_->setIndex(std::clamp(position, 0, count));
    seeding_ = false;
}

void DesignDocument::goToStoredPosition(int position) {
    if (seeding_ || !storedChipAt_) return;
    auto chip = storedChipAt_(position);
    if (!chip) {
        emit editRefused(QString::fromStdString(chip.error().message));
        return;
    }
    if (chip.value() == state_.chip) return;
    state_.chip = std::move(chip.value());
    changed(ChipPart);
}

void DesignDocument::replaceState(const DesignState& state) {
    undoStack_->clear();
    storedChipAt_ = {};
    state_ = state;
    selection_ = LayerSelection{};
    emit selectionChanged();
    changed(AllParts);
}

void DesignDocument::setSelection(const LayerSelection& selection) {
    if (selection == selection_) return;
    selection_ = selection;
    emit selectionChanged();
}

}  // namespace scoville
