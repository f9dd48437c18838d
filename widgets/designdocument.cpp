#include "widgets/designdocument.hpp"

#include <QElapsedTimer>
#include <QUndoStack>
#include <algorithm>
#include <exception>
#include <memory>
#include <set>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/sweep/ranges.hpp"
#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/format.hpp"
#include "widgets/undocommands.hpp"

namespace scoville {
namespace {

// Merge ids: one per parameter key, so a drag on one slider is one step.
int paramMergeId(const std::string& key) {
    const auto params = chip_params();
    for (size_t i = 0; i < params.size(); ++i)
        if (params[i].key == key) return 1000 + static_cast<int>(i);
    return -1;
}

Result<Evaluation> guardedEvaluate(const ModelLibrary& lib, const ChipSpec& chip, const ModelSpec& model,
                                   const Scenario& scenario) {
    if (!lib.evaluate) return Error{"no evaluation function"};
    try {
        return lib.evaluate(chip, model, scenario);
    } catch (const std::exception& e) {
        return Error{std::string("evaluation failed: ") + e.what()};
    }
}

// The same, and the time it took in `ms` (a slow design's drag is followed from a background thread).
Result<Evaluation> timedEvaluate(const ModelLibrary& lib, const ChipSpec& chip, const ModelSpec& model,
                                 const Scenario& scenario, double& ms) {
    QElapsedTimer timer;
    timer.start();
    auto result = guardedEvaluate(lib, chip, model, scenario);
    ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return result;
}

}  // namespace

// Evaluations run side by side on the cores: the reference chips due and, when it is due, the design's. Each is
// independent, so a workload edit of a design compared with several chips waits for the slowest.
struct EvaluationBatch {
    struct Reference {
        std::string id;
        ChipSpec chip;
        Result<Evaluation> evaluation{Error{"not evaluated"}};
    };
    std::vector<Reference> references;
    std::map<std::string, Result<Evaluation>> unknown;  // wanted chips the library lacks
    bool withDesign = false;
    Result<Evaluation> design{Error{"not evaluated"}};
    double designMs = 0, totalMs = 0;

    void run(const ModelLibrary& lib, const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario) {
        QElapsedTimer timer;
        timer.start();
        const int count = static_cast<int>(references.size());
        const int jobs = count + (withDesign ? 1 : 0);
#pragma omp parallel for schedule(dynamic, 1) if (jobs > 1)
        for (int i = 0; i < jobs; ++i) {
            if (i == count) {
                design = timedEvaluate(lib, chip, model, scenario, designMs);
            } else {
                Reference& r = references[static_cast<size_t>(i)];
                r.evaluation = guardedEvaluate(lib, r.chip, model, scenario);
            }
        }
        totalMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
};

DesignDocument::DesignDocument(const ModelLibrary& library, QObject* parent)
    : QObject(parent), library_(library), undoStack_(new QUndoStack(this)) {
    setObjectName(QStringLiteral("designDocument"));
    rangesPool_.setMaxThreadCount(1);
    evaluationPool_.setMaxThreadCount(1);
    rangesTimer_.setSingleShot(true);
    rangesTimer_.setInterval(kRangesDelayMs);
    connect(&rangesTimer_, &QTimer::timeout, this, &DesignDocument::startRanges);
    state_ = defaultState(library_);
    changed(AllParts);
}

DesignDocument::~DesignDocument() {
    // The stack's clear() on destruction is not an edit: observers must not see it.
    undoStack_->blockSignals(true);
    rangesPool_.clear();
    rangesPool_.waitForDone();
    evaluationPool_.clear();
    evaluationPool_.waitForDone();
}

const Ranges* DesignDocument::referenceRanges(const std::string& id) const {
    if (!referenceRangesReady_) return nullptr;
    auto it = referenceRanges_.find(id);
    return it == referenceRanges_.end() ? nullptr : &it->second;
}

// Each range takes two whole evaluations per uncertain key, so they run on a background thread for
// the design and every reference chip at once, and views read them from here.
void DesignDocument::startRanges() {
    auto companions = resolveCompanions(library_, state_.scenario);
    if (!companions) return;
    struct Job {
        std::string id;  // "" for the design
        DesignPoint point;
    };
    // Only what the edits since the last ranges changed: the design, the reference chips, or both.
    std::vector<Job> jobs;
    if (!designRangesReady_)
        jobs.push_back({std::string(), DesignPoint{state_.chip, state_.model, state_.scenario, companions.value()}});
    if (!referenceRangesReady_)
        for (const auto& [id, eval] : references_)
            if (eval && referenceChips_.count(id))
                jobs.push_back({id, DesignPoint{referenceChips_.at(id), state_.model, state_.scenario, companions.value()}});
    const bool design = !designRangesReady_, references = !referenceRangesReady_;
    const int generation = rangesGeneration_->load(std::memory_order_relaxed);
    using Out = std::vector<std::pair<std::string, Result<Ranges>>>;
    runInBackground<Out>(
        &rangesPool_, this,
        [jobs = std::move(jobs), latest = rangesGeneration_, generation]() {
            // Each chip's ranges take two evaluations a key (seconds for a search over a large system): a job
            // whose state the edits moved on from stops, and leaves the thread to the next one.
            const std::function<bool()> stale = [&] { return latest->load(std::memory_order_relaxed) != generation; };
            Out out;
            for (const Job& j : jobs) {
                if (stale()) break;
                out.emplace_back(j.id, result_ranges(j.point, {}, stale));
            }
            return out;
        },
        [this, generation, design, references](Out& out) {
            if (generation != rangesGeneration_->load(std::memory_order_relaxed)) return;  // the state moved on
            if (design) designRanges_ = {};
            if (references) referenceRanges_.clear();
            for (auto& [id, r] : out) {
                if (!r) continue;
                if (id.empty()) designRanges_ = std::move(r.value());
                else referenceRanges_.emplace(id, std::move(r.value()));
            }
            designRangesReady_ = referenceRangesReady_ = true;
            emit rangesChanged();
        });
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

void DesignDocument::changed(unsigned parts, bool mayDefer) {
    const bool design = parts & (ChipPart | WorkloadPart);
    const bool refs = parts & (WorkloadPart | BaselinePart | ReferencesPart);
    // A workload edit of a slow design, and every change while one is evaluated: the views keep the evaluations
    // they have until the background one returns with the design's and the reference chips' together.
    if (mayDefer && (design || refs) &&
        (workloadRunning_ || ((parts & WorkloadPart) && workloadMs_ > backgroundWorkloadMs_))) {
        pendingParts_ |= parts;
        ++evaluationGeneration_;
        if (!workloadRunning_) startWorkloadEvaluation();
        // The ranges belong to the state they were computed for: gone until this state's arrive (asked for
        // when its evaluations are in place).
        designRangesReady_ = designRangesReady_ && !design;
        referenceRangesReady_ = referenceRangesReady_ && !refs;
        rangesGeneration_->fetch_add(1, std::memory_order_relaxed);
        rangesTimer_.stop();
        emit stateChanged(parts);
        return;
    }
    // Evaluated at once (a history opened: every part): what a workload evaluation running meanwhile was
    // to bring is here now.
    if (!mayDefer) pendingParts_ = 0;
    // A drag of a chip parameter on a slow design: the views keep the evaluation they have until
    // the background one returns.
    const bool background = design && !refs && dragging_ && continuing_ && lastEvaluationMs_ > backgroundEvaluationMs_;
    if (background) evaluateDesignInBackground();
    if (refs) evaluateReferences(parts & WorkloadPart, design && !background);
    else if (design && !background) evaluateDesign();
    if (parts & WorkloadPart) keepSelectionInRange();
    if (design || refs) {
        // The ranges belong to the state they were computed for: gone until this state's arrive.
        designRangesReady_ = designRangesReady_ && !design;
        referenceRangesReady_ = referenceRangesReady_ && !refs;
        rangesGeneration_->fetch_add(1, std::memory_order_relaxed);
        rangesTimer_.start();
    }
    if (design && !background) emit evaluationChanged();
    if (refs) emit referencesChanged();
    emit stateChanged(parts);
}

void DesignDocument::keepSelectionInRange() {
    const PhaseResult* phase = nullptr;
    if (evaluation_) phase = selection_.phase == Phase::prefill ? &evaluation_->prefill : &evaluation_->decode;
    if (selection_.layer >= 0 && (!phase || static_cast<size_t>(selection_.layer) >= phase->layer_count())) {
        selection_ = LayerSelection{};
        emit selectionChanged();
    }
}

void DesignDocument::startWorkloadEvaluation() {
    workloadRunning_ = true;
    struct Job {
        int generation = 0;  // the change it evaluates
        EvaluationBatch batch;
    };
    auto job = std::make_shared<Job>();
    job->generation = evaluationGeneration_;
    job->batch.withDesign = true;
    collectReferences(job->batch, true);
    runInBackground<bool>(
        &evaluationPool_, this,
        [job, lib = &library_, chip = state_.chip, model = state_.model, scenario = state_.scenario] {
            job->batch.run(*lib, chip, model, scenario);
            return true;
        },
        [this, job](bool&) {
            workloadRunning_ = false;
            workloadMs_ = job->batch.totalMs;
            if (job->generation != evaluationGeneration_) {
                // The state moved on: its newest evaluated now (unless it was evaluated at once meanwhile).
                if (pendingParts_) startWorkloadEvaluation();
                return;
            }
            takeReferences(job->batch);
            evaluation_ = std::move(job->batch.design);
            lastEvaluationMs_ = job->batch.designMs;
            shownGeneration_ = evaluationGeneration_;
            keepSelectionInRange();
            rangesGeneration_->fetch_add(1, std::memory_order_relaxed);
            rangesTimer_.start();
            const unsigned parts = pendingParts_;
            pendingParts_ = 0;
            emit evaluationChanged();
            emit referencesChanged();
            emit stateChanged(parts);
        });
}

void DesignDocument::evaluateDesign() {
    double ms = 0;
    auto evaluation = timedEvaluate(library_, state_.chip, state_.model, state_.scenario, ms);
    showEvaluation(std::move(evaluation), ms);
}

void DesignDocument::showEvaluation(Result<Evaluation> evaluation, double ms) {
    evaluation_ = std::move(evaluation);
    lastEvaluationMs_ = ms;
    shownGeneration_ = ++evaluationGeneration_;  // a background evaluation still running is older
}

void DesignDocument::evaluateDesignInBackground() {
    ++evaluationGeneration_;
    if (!evaluationRunning_) startBackgroundEvaluation();
}

void DesignDocument::startBackgroundEvaluation() {
    evaluationRunning_ = true;
    // The job writes its result here; the release may take it once the pool is done, before the call
    // that shows it comes round.
    auto out = std::make_shared<BackgroundResult>();
    out->generation = evaluationGeneration_;
    running_ = out;
    runInBackground<bool>(
        &evaluationPool_, this,
        [out, lib = &library_, chip = state_.chip, model = state_.model, scenario = state_.scenario] {
            out->evaluation = timedEvaluate(*lib, chip, model, scenario, out->ms);
            return true;
        },
        [this, out](bool&) {
            evaluationRunning_ = false;
            if (running_ == out) running_.reset();
            lastEvaluationMs_ = out->ms;
            // Newer than what is shown (an edit evaluated at once since it started is not, nor one the
            // release took).
            if (out->generation > shownGeneration_) {
                evaluation_ = std::move(out->evaluation);
                shownGeneration_ = out->generation;
                emit evaluationChanged();
                emit stateChanged(ChipPart);
            }
            // The drag went on (unless a workload evaluation runs, which brings the newest state's).
            if (shownGeneration_ != evaluationGeneration_ && !workloadRunning_) startBackgroundEvaluation();
        });
}

void DesignDocument::finishInteraction() {
    if (dragging_) {
        dragging_ = false;
        // (A workload evaluation running in the background brings the last value's with it.)
        if (evaluationBehind() && !workloadRunning_) {
            // The last value at once. The one running is waited for: if it is the last value's its result is
            // shown, else the last value is evaluated here and the older result is left unshown (the call that
            // would show it finds a newer evaluation in place).
            evaluationPool_.waitForDone();
            if (running_ && running_->generation == evaluationGeneration_) {
                showEvaluation(std::move(running_->evaluation), running_->ms);
                running_.reset();
            } else {
                evaluateDesign();
            }
            emit evaluationChanged();
            emit stateChanged(ChipPart);
        }
    }
    ++interaction_;
    emit interactionFinished();
}

void DesignDocument::evaluateReferences(bool workloadChanged, bool withDesign) {
    EvaluationBatch batch;
    batch.withDesign = withDesign;
    collectReferences(batch, workloadChanged);
    batch.run(library_, state_.chip, state_.model, state_.scenario);
    takeReferences(batch);
    if (withDesign) showEvaluation(std::move(batch.design), batch.designMs);
    // What a workload edit of this design costs (kBackgroundWorkloadMs).
    if (workloadChanged && withDesign) workloadMs_ = batch.totalMs;
}

std::set<std::string> DesignDocument::wantedReferences() const {
    std::set<std::string> wanted(state_.reference_ids.begin(), state_.reference_ids.end());
    if (!state_.baseline_id.empty()) wanted.insert(state_.baseline_id);
    return wanted;
}

void DesignDocument::collectReferences(EvaluationBatch& batch, bool all) {
    for (const auto& id : wantedReferences()) {
        if (!all && references_.count(id)) continue;
        if (!referenceChips_.count(id)) {
            auto chip = library_.chip(id);
            if (!chip) {
                batch.unknown.insert_or_assign(id, Result<Evaluation>(chip.error()));
                continue;
            }
            referenceChips_.emplace(id, chip.value());
        }
        batch.references.push_back({id, referenceChips_.at(id)});
    }
}

void DesignDocument::takeReferences(EvaluationBatch& batch) {
    const std::set<std::string> wanted = wantedReferences();
    for (auto it = references_.begin(); it != references_.end();)
        it = wanted.count(it->first) ? std::next(it) : references_.erase(it);
    for (auto& [id, refusal] : batch.unknown) references_.insert_or_assign(id, std::move(refusal));
    for (auto& r : batch.references) references_.insert_or_assign(r.id, std::move(r.evaluation));
}

DesignValues DesignDocument::values() const {
    return DesignValues{state_.chip,    state_.model.id,     state_.model_json,
                        state_.scenario, state_.baseline_id, state_.reference_ids};
}

unsigned DesignDocument::setValues(const DesignValues& v, bool designEdit) {
    unsigned parts = 0;
    if (v.model_id != state_.model.id || v.model_json != state_.model_json) {
        auto model = design_model(v, library_.model);
        if (!model) {
            emit editRefused(errorText(model.error()));
            return 0;
        }
        state_.model = std::move(model.value());
        state_.model_json = v.model_json;
        parts |= WorkloadPart;
    }
    if (!(v.chip == state_.chip)) {
        state_.chip = v.chip;
        parts |= ChipPart;
    }
    if (designEdit) {  // the chip came from elsewhere: it is the reset target too
        state_.preset_id = state_.chip.id;
        auto preset = library_.hasChip(state_.chip.id) ? library_.chip(state_.chip.id) : Result<ChipSpec>(state_.chip);
        state_.preset = preset ? preset.value() : state_.chip;
        parts |= ChipPart;
    }
    if (!(v.scenario == state_.scenario)) {
        state_.scenario = v.scenario;
        parts |= WorkloadPart;
    }
    if (v.baseline_id != state_.baseline_id) {
        state_.baseline_id = v.baseline_id;
        parts |= BaselinePart;
    }
    if (v.compared_ids != state_.reference_ids) {
        state_.reference_ids = v.compared_ids;
        parts |= ReferencesPart;
    }
    return parts;
}

void DesignDocument::applyStep(const EditStep& step, bool forward, bool journal) {
    DesignValues v = values();
    if (auto st = apply_step(v, step, forward); !st) {
        emit editRefused(errorText(st.error()));
        return;
    }
    const bool designEdit =
        std::any_of(step.begin(), step.end(), [](const Edit& e) { return e.kind == EditKind::design; });
    const unsigned parts = setValues(v, designEdit);
    if (loading_) return;
    if (parts) changed(parts);
    if (journal) forward ? emit stepRedone() : emit stepUndone();
}

void DesignDocument::pushStep(EditStep step, int mergeId) {
    if (step.empty() || is_noop(step)) return;
    const int before = undoStack_->index();
    undoStack_->push(new EditCommand(this, std::move(step), mergeId, interaction_));
    const int after = undoStack_->index();
    // QUndoStack::push adds the command (index + 1), merges it into the top one (index kept), or
    // merges it into nothing and drops the top one (index - 1).
    const auto* top = after > 0 ? static_cast<const EditCommand*>(undoStack_->command(after - 1)) : nullptr;
    if (after > before && top)
        emit stepRecorded(top->step(), false);
    else if (after == before && top)
        emit stepRecorded(top->step(), true);
    else
        emit stepRecorded({}, true);
}

Status DesignDocument::setParam(const std::string& key, double value, bool continuing) {
    const ParamInfo* info = find_param(key);
    auto refuse = [&](const Error& error) -> Status {
        emit editRefused(errorText(error));
        return error;
    };
    if (!info) return refuse(Error{"unknown parameter '" + key + "'"});
    if (auto ok = check_param(*info, value); !ok) return refuse(ok.error());
    ChipSpec next = state_.chip;
    info->set(next, value);
    if (auto ok = validate_chip(next); !ok) return refuse(ok.error());
    if (next == state_.chip) return Ok{};
    continuing_ = continuing;
    pushStep({{EditKind::chip, key, *get_param_text(state_.chip, key), *get_param_text(next, key)}},
             continuing ? paramMergeId(key) : -1);
    continuing_ = false;
    return Ok{};
}

Status DesignDocument::resetParam(const std::string& key) {
    auto value = get_param(state_.preset, key);
    if (!value) {
        emit editRefused(errorText(value.error()));
        return value.error();
    }
    finishInteraction();
    return setParam(key, value.value());
}

Status DesignDocument::loadPreset(const std::string& chipId) {
    auto chip = library_.chip(chipId);
    if (!chip) {
        emit editRefused(errorText(chip.error()));
        return chip.error();
    }
    return setDesign(chip.value());
}

Status DesignDocument::setDesign(const ChipSpec& chip) {
    if (auto ok = validate_chip(chip); !ok) {
        emit editRefused(errorText(ok.error()));
        return ok;
    }
    if (chip == state_.chip && chip.id == state_.preset_id) return Ok{};
    finishInteraction();
    pushStep({{EditKind::design, std::string(kWholeChipKey), chip_to_json(state_.chip, -1), chip_to_json(chip, -1)}});
    return Ok{};
}

void DesignDocument::setModel(const std::string& modelId) {
    auto model = library_.model(modelId);
    if (!model) {
        emit editRefused(errorText(model.error()));
        return;
    }
    if (modelId == state_.model.id && state_.model_json.empty()) return;
    finishInteraction();
    pushStep({{EditKind::workload, std::string(kModelKey), *edit_value(values(), EditKind::workload, kModelKey), modelId}});
}

QString modelLabel(const DesignState& state) {
    const QString name = qtext(state.model.name.empty() ? state.model.id : state.model.name);
    return state.model_json.empty() ? name : DesignDocument::tr("%1 (own model)").arg(name);
}

void DesignDocument::setOwnModel(const ModelSpec& model) {
    if (auto ok = validate_model(model); !ok) {
        emit editRefused(errorText(ok.error()));
        return;
    }
    const std::string text = own_model_text(model);
    if (text == state_.model_json) return;
    finishInteraction();
    pushStep({{EditKind::workload, std::string(kModelKey), *edit_value(values(), EditKind::workload, kModelKey), text}});
}

void DesignDocument::setScenario(const Scenario& scenario) {
    if (scenario == state_.scenario) return;
    DesignValues next = values();
    next.scenario = scenario;
    pushStep(diff_values(values(), next));
}

Status DesignDocument::applyValues(const DesignValues& next) {
    auto refuse = [&](const Error& error) -> Status {
        emit editRefused(errorText(error));
        return error;
    };
    if (auto ok = validate_chip(next.chip); !ok) return refuse(ok.error());
    if (next.model_id != state_.model.id || next.model_json != state_.model_json) {
        if (auto model = design_model(next, library_.model); !model) return refuse(model.error());
    }
    finishInteraction();
    pushStep(diff_values(values(), next));
    return Ok{};
}

void DesignDocument::setPhase(PhaseSelect phase) {
    if (phase == state_.phase) return;
    state_.phase = phase;
    changed(PhasePart);
}

void DesignDocument::setBaseline(const std::string& chipId) {
    if (chipId == state_.baseline_id) return;
    pushStep({{EditKind::baseline, std::string(kBaselineKey), state_.baseline_id, chipId}});
}

void DesignDocument::setReferences(const std::vector<std::string>& chipIds) {
    if (chipIds == state_.reference_ids) return;
    pushStep({{EditKind::compared, std::string(kComparedKey), join_ids(state_.reference_ids), join_ids(chipIds)}});
}

void DesignDocument::loadHistory(const DesignState& state, const std::vector<EditStep>& steps, int position) {
    position = std::clamp(position, 0, static_cast<int>(steps.size()));
    loading_ = true;
    undoStack_->clear();
    state_ = state;
    // Back to step 0 by undoing the applied steps on the values, then forward again through the
    // undo stack, which ends at `position` having applied every step once each way.
    DesignValues start = values();
    Status ok = Ok{};
    for (int i = position - 1; i >= 0 && ok; --i) ok = apply_step(start, steps[static_cast<size_t>(i)], false);
    if (ok) {
        setValues(start, false);
        if (!(values() == start)) ok = Error{"a model of the history is unknown"};
    }
    if (ok) {
        for (const EditStep& step : steps) undoStack_->push(new EditCommand(this, step, -1, -1));
        undoStack_->setIndex(position);
    }
    const DesignValues expected{state.chip,     state.model.id,    state.model_json,
                                state.scenario, state.baseline_id, state.reference_ids};
    if (!ok || !(values() == expected)) {
        undoStack_->clear();
        emit editRefused(tr("The stored undo history does not lead back to this design (%1); it starts afresh here.")
                             .arg(ok ? tr("its steps do not match") : errorText(ok.error())));
    }
    state_ = state;  // the stored state, with its reset target and view state
    loading_ = false;
    selection_ = LayerSelection{};
    emit selectionChanged();
    changed(AllParts, false);
}

void DesignDocument::setSelection(const LayerSelection& selection) {
    if (selection == selection_) return;
    selection_ = selection;
    emit selectionChanged();
}

}  // namespace scoville
