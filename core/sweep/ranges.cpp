#include "core/sweep/ranges.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/hw/params.hpp"
#include "core/physical/design.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {

namespace {

// One end of a parameter's range: the value, rounded for whole-number keys and kept in the valid range.
double end_value(const ParamInfo& info, double value, double factor) {
    double v = std::clamp(value * factor, info.min, info.max);
    if (info.kind == ParamKind::integer) v = factor < 1 ? std::floor(v) : std::ceil(v);
    return std::clamp(v, info.min, info.max);
}

}  // namespace

std::span<const ResultKey* const> ranged_result_keys() {
    static const std::array<const ResultKey*, 6> keys = {
        find_result_key("throughput_tokens_per_s"), find_result_key("throughput_tokens_per_s_per_chip"),
        find_result_key("tokens_per_joule"),        find_result_key("cost_per_million_tokens_usd"),
        find_result_key("die_area_mm2"),            find_result_key("power_w_per_chip"),
    };
    return keys;
}

bool within_uncertainty(const ResultRange& a, const ResultRange& b) { return a.low <= b.high && b.low <= a.high; }

Result<Ranges> result_ranges(const DesignPoint& design, std::span<const ResultKey* const> keys,
                             const std::function<bool()>& stop) {
    const Error stopped{"ranges: stopped (the design changed)"};
    if (keys.empty()) keys = ranged_result_keys();
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    EvalWorkspace ws;
    if (auto st = evaluate_design_into(design.chip, design.model, design.scenario, *tech, design.companions, ws); !st)
        return Error{"ranges: " + st.error().message};

    Ranges out;
    out.evaluations = 1;
    struct Acc {
        double down2 = 0, up2 = 0, widest = 0;
        std::string widest_key;
    };
    std::vector<Acc> acc;
    for (const ResultKey* k : keys) {
        if (!k) continue;
        const auto v = k->value(ws.ev);
        if (!v) continue;
        out.results.push_back({k, *v, *v, *v, {}});
        acc.emplace_back();
    }

    // The parallelism stays as chosen: the uncertainty is the chip's, not the deployment's.
    const Scenario s = with_deployment(design.scenario, ws.ev.serving);
    // Each result's shift with one key at one end, kept for the root-sum-square.
    auto take = [&](std::string_view key) {
        for (size_t i = 0; i < out.results.size(); ++i) {
            const auto y = out.results[i].key->value(ws.ev);
            if (!y) continue;
            const double d = *y - out.results[i].value;
            Acc& a = acc[i];
            (d < 0 ? a.down2 : a.up2) += d * d;
            if (std::abs(d) > a.widest) {
                a.widest = std::abs(d);
                a.widest_key = key;
            }
        }
    };
    // The design evaluated at one end of `key` (its text `end`), its shifts taken, or the reason it failed kept.
    auto at_end = [&](std::string_view key, const std::string& end, const ChipSpec& chip, const ModelSpec& model,
                      const Scenario& scenario, const TechLibrary& library) {
        ++out.evaluations;
        if (auto st = evaluate_design_into(chip, model, scenario, library, design.companions, ws); !st)
            out.failed.push_back(std::string(key) + "=" + end + ": " + st.error().message);
        else
            take(key);
    };
    for (const KeyRange& range : design.chip.ranges) {
        const ParamInfo* info = find_param(range.key);
        if (!info || info->kind == ParamKind::choice) continue;
        const double value = info->get(design.chip);
        for (const double factor : {range.low, range.high}) {
            if (factor == 1.0) continue;
            const double end = end_value(*info, value, factor);
            if (end == value) continue;
            if (stop && stop()) return stopped;
            ChipSpec chip = design.chip;
            info->set(chip, end);
            at_end(range.key, format_number(end), chip, design.model, s, *tech);
        }
    }
    // The engine's estimated defaults (WorkloadKey::estimate_ends) where the scenario keeps them and they can change
    // this deployment: the host loop's walk over the requests a pipeline stage holds, how attention-DP ranks'
    // prompt chunks line up. Named "workload.KEY", as a sweep names them.
    for (const WorkloadKey& key : workload_keys()) {
        if (key.estimate_ends.empty() || workload_key_holds_value(key, s) || !workload_key_applies(key, s, design.model))
            continue;
        const std::string name = "workload." + std::string(key.key);
        for (const std::string_view end : key.estimate_ends) {
            if (stop && stop()) return stopped;
            Scenario moved = s;
            if (auto st = set_workload_text(moved, key.key, end); !st) {
                out.failed.push_back(name + "=" + std::string(end) + ": " + st.error().message);
                continue;
            }
            at_end(name, std::string(end), design.chip, design.model, moved, *tech);
        }
    }
    // The model's estimated routing skew (MoeSpec::routing_alpha_range), where the busiest expert rank's load follows it
    // (expert_imbalance auto): the model at each end.
    if (const MoeSpec& moe = design.model.moe; design.model.is_moe() && moe.routing_alpha_ranged() && s.expert_imbalance == 0) {
        for (const double end : {moe.routing_alpha_low, moe.routing_alpha_high}) {
            if (end == moe.routing_alpha) continue;
            if (stop && stop()) return stopped;
            ModelSpec model = design.model;
            model.moe.routing_alpha = end;
            // The workspace knows a model by its address, which this one may share with the last end's.
            ws.forget_model();
            at_end(kRoutingSkewKey, format_number(end), design.chip, model, s, *tech);
        }
    }
    // The physical model's fitted parameters with a measured spread (nodes.json "range"): the same
    // design under the power model at each end (power, tokens per joule and the energy in the cost).
    // A chip key that takes a library parameter's place (H100's own power floor) leaves that one without effect.
    std::vector<std::string_view> replaced;
    for (const ParamInfo& key : chip_params())
        if (!key.replaces.empty() && key.get(design.chip) != 0) replaced.push_back(key.replaces);
    // A memory type's own assumptions (hbm.<what>.<type>: GDDR7's pJ/bit, PHY, controller, USD/GB) move only a
    // design with that memory.
    const auto another_memorys = [&](const std::string& key) {
        if (key.rfind("hbm.", 0) != 0) return false;
        const std::string_view type = std::string_view(key).substr(key.rfind('.') + 1);
        for (size_t t = 1; t < kDramTypes; ++t)
            if (type == to_string(static_cast<DramType>(t))) return static_cast<DramType>(t) != design.chip.hbm.generation;
        return false;
    };
    std::optional<TechLibrary> moved;  // copied once, for the first ranged parameter; each is set back after its ends
    for (const PhysParamInfo& p : tech->global_info) {
        if (!p.ranged || std::find(replaced.begin(), replaced.end(), p.key) != replaced.end() || another_memorys(p.key))
            continue;
        if (!moved) moved = *tech;
        for (const double end : {p.low, p.high}) {
            if (end == p.value) continue;
            if (stop && stop()) return stopped;
            if (auto st = set_physical_param(*moved, p.key, end); !st) {
                out.failed.push_back(p.key + "=" + format_number(end) + ": " + st.error().message);
                continue;
            }
            at_end(p.key, format_number(end), design.chip, design.model, s, *moved);
        }
        if (auto st = set_physical_param(*moved, p.key, p.value); !st) return Error{"ranges: " + st.error().message};
    }
    for (size_t i = 0; i < out.results.size(); ++i) {
        ResultRange& r = out.results[i];
        r.low = r.value - std::sqrt(acc[i].down2);
        r.high = r.value + std::sqrt(acc[i].up2);
        r.widest = acc[i].widest_key;
        // The TDP cap lowers the clock until the power fits, so no end draws more than the TDP (or the
        // design's own power where even the lowest clock does not fit); the root-sum-square of several
        // keys' shifts can add up past it.
        if (r.key->key == "power_w_per_chip" && design.chip.power.tdp_w > 0)
            r.high = std::min(r.high, std::max(r.value, design.chip.power.tdp_w));
    }
    return out;
}

}  // namespace scoville
