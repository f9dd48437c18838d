#include "core/perf/explain.hpp"

#include <algorithm>

namespace scoville {
namespace {

constexpr Resource kResources[] = {Resource::macs, Resource::vector, Resource::hbm_bandwidth, Resource::sram,
                                   Resource::link_bandwidth};

const PhaseResult& phase_of(const Evaluation& ev, Phase p) { return p == Phase::prefill ? ev.prefill : ev.decode; }

}  // namespace

Bound step_bound(const PhaseResult& phase) {
    double by[3] = {0, 0, 0};
    for (size_t i = 0; i < phase.layer_count(); ++i)
        for (const OpResult& op : phase.layer(i).ops) by[static_cast<int>(op.bound)] += op.time_s;
    return largest_bound(by[0], by[1], by[2]);
}

LayerCause layer_cause(const LayerTemplate& layer) {
    LayerCause c;
    c.bound = layer.bound;
    c.layer_s = layer.time_s;
    for (size_t i = 0; i < layer.ops.size(); ++i) {
        if (layer.ops[i].bound != layer.bound || !(layer.ops[i].time_s > 0)) continue;
        c.ops.push_back(i);
        c.ops_s += layer.ops[i].time_s;
    }
    std::stable_sort(c.ops.begin(), c.ops.end(),
                     [&](size_t a, size_t b) { return layer.ops[a].time_s > layer.ops[b].time_s; });
    return c;
}

std::span<const Resource> all_resources() { return kResources; }

std::string_view to_string(Resource r) {
    switch (r) {
    case Resource::macs: return "macs";
    case Resource::vector: return "vector";
    case Resource::hbm_bandwidth: return "hbm_bandwidth";
    case Resource::sram: return "sram";
    case Resource::link_bandwidth: return "link_bandwidth";
    }
    return "macs";
}

ChipSpec doubled(const ChipSpec& chip, Resource r) {
    ChipSpec c = chip;
    switch (r) {
    case Resource::macs: c.compute.arrays_per_core *= 2; break;
    case Resource::vector: c.compute.vector_lanes_per_core *= 2; break;
    case Resource::hbm_bandwidth: c.hbm.tb_s_per_stack *= 2; break;
    case Resource::sram: c.sram.mb *= 2; break;
    case Resource::link_bandwidth: c.link.gb_s *= 2; break;
    }
    return c;
}

Scenario fixed_scenario(const Scenario& scenario, const Evaluation& ev) {
    if (ev.serving.disaggregated) {
        // The split and the decode pool's batch stay. The scenario holds one parallelism for both pools, so
        // a parallelism left open is chosen again for each.
        Scenario s = scenario;
        s.prefill_chips = ev.serving.prefill_pool.chips;
        s.decode_chips = ev.serving.decode_pool.chips;
        s.batch = ev.serving.batch;
        return s;
    }
    Scenario s = with_parallelism(scenario, ev.serving.parallelism);
    s.batch = ev.serving.batch;
    // The latency limits stay: a server runs its steps at the highest rate within them, which sets
    // the prompt tokens each step carries.
    return s;
}

Result<LayerMoves> what_moves(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario,
                              const Evaluation& ev, Phase phase, size_t layer, const EvaluateFn& evaluate) {
    const Scenario fixed = fixed_scenario(scenario, ev);
    auto base = evaluate(chip, model, fixed);
    if (!base) return base.error();
    const PhaseResult& bp = phase_of(*base, phase);
    if (layer >= bp.layer_count()) return Error{"layer " + std::to_string(layer) + " is not in the step"};
    LayerMoves out;
    out.layer_s = bp.layer(layer).time_s;
    out.step_s = bp.time_s;
    for (Resource r : kResources) {
        ResourceMove m;
        m.resource = r;
        auto more = evaluate(doubled(chip, r), model, fixed);
        if (!more) return Error{std::string(to_string(r)) + " doubled: " + more.error().message};
        const PhaseResult& mp = phase_of(*more, phase);
        if (layer >= mp.layer_count()) return Error{std::string(to_string(r)) + " doubled: the step changed shape"};
        m.layer_s = mp.layer(layer).time_s;
        m.step_s = mp.time_s;
        m.layer_change = out.layer_s > 0 ? m.layer_s / out.layer_s - 1 : 0;
        m.step_change = out.step_s > 0 ? m.step_s / out.step_s - 1 : 0;
        out.moves.push_back(m);
    }
    return out;
}

}  // namespace scoville
