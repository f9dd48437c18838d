#include "core/perf/accuracy.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/library/library.hpp"

namespace scoville {

std::string_view to_string(LengthMix mix) {
    switch (mix) {
        case LengthMix::output_heavy: return "output_heavy";
        case LengthMix::mixed: return "mixed";
        case LengthMix::prompt_heavy: return "prompt_heavy";
    }
    return "mixed";
}

LengthMix length_mix(double input_len, double output_len) {
    const double all = input_len + output_len;
    const double share = all > 0 ? input_len / all : 0.5;
    if (share < kOutputHeavyBelow) return LengthMix::output_heavy;
    if (share > kPromptHeavyAbove) return LengthMix::prompt_heavy;
    return LengthMix::mixed;
}

WorkloadClass workload_class(const ModelSpec& model, const Scenario& scenario) {
    return {model.is_moe(), length_mix(scenario.input_len, scenario.output_len)};
}

std::string describe(const WorkloadClass& c) {
    std::string s = c.moe ? "MoE models, " : "dense models, ";
    switch (c.mix) {
        case LengthMix::output_heavy: return s + "output-heavy requests";
        case LengthMix::mixed: return s + "mixed prompt and output lengths";
        case LengthMix::prompt_heavy: return s + "prompt-heavy requests";
    }
    return s;
}

double quantile_sorted(const std::vector<double>& sorted, double q) {
    const double rank = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(rank));
    const size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

namespace {
// The signed errors' median and spread over `rows` (serving checks, not empty).
MeasuredAccuracy accuracy_of(const std::vector<ValidationResult>& rows, const WorkloadClass& workload) {
    std::vector<double> e;
    for (const ValidationResult& r : rows) e.push_back(r.error);
    std::sort(e.begin(), e.end());
    // The median |error| and the rows within +-25 % and +-35 %: core's summary, as `validate` and the
    // Record view count them.
    const ValidationSummary summary = summarise(rows, true);
    MeasuredAccuracy a;
    a.workload = workload;
    a.rows = summary.rows;
    a.median_error = quantile_sorted(e, 0.5);
    a.p10_error = quantile_sorted(e, 0.1);
    a.p90_error = quantile_sorted(e, 0.9);
    a.median_abs_error = summary.median_abs_error;
    a.within_25 = summary.rows_within_25;
    a.within_35 = summary.rows_within_35;
    return a;
}
}  // namespace

Result<std::vector<ValidationResult>> builtin_serving_results() {
    std::vector<ValidationResult> results;
    for (std::string_view name : {"public", "extra"}) {
        const auto set = builtin_validation_set(name);
        if (!set) return Error{"no built-in validation set '" + std::string(name) + "'"};
        auto cases = parse_validation_csv(set->text, set->file);
        if (!cases) return cases.error();
        for (const ValidationCase& c : *cases) {
            if (c.kind != "serving" || c.fit) continue;
            auto r = run_validation_case(c);
            if (!r) return r.error();
            results.push_back(std::move(*r));
        }
    }
    return results;
}

Result<std::vector<MeasuredAccuracy>> measured_accuracy(const std::vector<ValidationResult>& results) {
    // Classes in table order: dense before MoE, then by LengthMix.
    auto order = [](const WorkloadClass& c) { return (c.moe ? 3 : 0) + static_cast<int>(c.mix); };
    std::map<int, std::vector<ValidationResult>> classes;
    std::map<std::string, bool> moe_of;  // model id or path -> MoE, loaded once
    for (const ValidationResult& r : results) {
        if (r.c.kind != "serving" || r.c.fit) continue;
        auto known = moe_of.find(r.c.model);
        if (known == moe_of.end()) {
            auto m = load_model(r.c.model);
            if (!m) return Error{"case '" + r.c.id + "': " + m.error().message};
            known = moe_of.emplace(r.c.model, m->is_moe()).first;
        }
        classes[order({known->second, length_mix(r.c.input_len, r.c.output_len)})].push_back(r);
    }
    std::vector<MeasuredAccuracy> out;
    for (const auto& [key, rows] : classes) out.push_back(accuracy_of(rows, {key >= 3, static_cast<LengthMix>(key % 3)}));
    return out;
}

std::vector<ChipAccuracy> measured_accuracy_by_chip(const std::vector<ValidationResult>& results) {
    std::map<std::string, std::vector<ValidationResult>> chips;
    for (const ValidationResult& r : results)
        if (r.c.kind == "serving" && !r.c.fit) chips[r.c.chip].push_back(r);
    std::vector<ChipAccuracy> out;
    for (const auto& [chip, rows] : chips) out.push_back({chip, accuracy_of(rows, {})});
    return out;
}

Result<std::vector<MeasuredAccuracy>> compute_builtin_measured_accuracy() {
    auto results = builtin_serving_results();
    if (!results) return results.error();
    return measured_accuracy(*results);
}

Result<std::vector<ChipAccuracy>> compute_builtin_chip_accuracy() {
    auto results = builtin_serving_results();
    if (!results) return results.error();
    return measured_accuracy_by_chip(*results);
}

const MeasuredAccuracy* find_accuracy(std::span<const MeasuredAccuracy> table, const WorkloadClass& c) {
    for (const MeasuredAccuracy& a : table)
        if (a.workload == c) return &a;
    return nullptr;
}

const MeasuredAccuracy* find_chip_accuracy(std::span<const ChipAccuracy> table, std::string_view chip_id) {
    for (const ChipAccuracy& a : table)
        if (a.chip == chip_id) return &a.accuracy;
    return nullptr;
}

const MeasuredAccuracy* find_reference_chip_accuracy(std::span<const ChipAccuracy> table, const ChipSpec& chip) {
    const MeasuredAccuracy* a = find_chip_accuracy(table, chip.id);
    if (!a) return nullptr;
    for (const ChipSpec& c : library_chips())
        if (c.id == chip.id) return c == chip ? a : nullptr;
    return nullptr;
}

}  // namespace scoville
