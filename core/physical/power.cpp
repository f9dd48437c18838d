#include "core/physical/power.hpp"
#include "core/util/tr.hpp"

#include <algorithm>
#include <cmath>

namespace scoville {

Activity& Activity::operator+=(const Activity& o) {
    for (size_t i = 0; i < macs.size(); ++i) macs[i] += o.macs[i];
    vector_flops += o.vector_flops;
    sram_bytes += o.sram_bytes;
    hbm_bytes += o.hbm_bytes;
    network_bytes += o.network_bytes;
    time_s += o.time_s;
    return *this;
}

Activity Activity::scaled(double k) const {
    Activity a = *this;
    for (auto& m : a.macs) m *= k;
    a.vector_flops *= k;
    a.sram_bytes *= k;
    a.hbm_bytes *= k;
    a.network_bytes *= k;
    a.time_s *= k;
    return a;
}

namespace {
void add_bytes(Activity& a, double bytes, MemLevel level) {
    (level == MemLevel::sram ? a.sram_bytes : a.hbm_bytes) += bytes;
}

Activity template_activity(const LayerTemplate& t) {
    // Summed in registers, each op's amounts into their own sums in the op's order (an amount that goes
    // elsewhere adds an exact zero): a sweep reads every point's activity.
    decltype(Activity::macs) macs{};
    double vector_flops = 0, sram = 0, hbm = 0, network = 0;
    for (const OpResult& op : t.ops) {
        const bool matrix = op.kind == OpKind::gemm || op.kind == OpKind::attention;
        const double op_macs = matrix ? op.flops / 2.0 : 0.0;
        const auto p = static_cast<size_t>(op.precision);
        for (size_t i = 0; i < macs.size(); ++i) macs[i] += p == i ? op_macs : 0.0;
        vector_flops += matrix ? 0.0 : op.flops;  // reductions in collectives run on vector units
        const bool w = op.weight_level == MemLevel::sram, x = op.activation_level == MemLevel::sram,
                   k = op.kv_level == MemLevel::sram;
        sram += w ? op.weight_bytes : 0.0;
        hbm += w ? 0.0 : op.weight_bytes;
        sram += x ? op.activation_bytes : 0.0;
        hbm += x ? 0.0 : op.activation_bytes;
        sram += k ? op.kv_bytes : 0.0;
        hbm += k ? 0.0 : op.kv_bytes;
        network += op.network_bytes;
    }
    Activity a;
    a.macs = macs;
    a.vector_flops = vector_flops;
    a.sram_bytes = sram;
    a.hbm_bytes = hbm;
    a.network_bytes = network;
    return a;
}
}  // namespace

Activity phase_activity(const PhaseResult& phase, int pp) {
    // Each template's activity once, times the layers that use it.
    Activity a;
    // Lowered phases carry their counts; a phase put together by hand is counted here.
    PhaseResult counted;
    if (phase.template_layers.size() != phase.templates.size()) {
        counted.templates.resize(phase.templates.size());
        counted.layer_template = phase.layer_template;
        counted.count_template_layers();
    }
    const std::vector<double>& uses =
        phase.template_layers.size() == phase.templates.size() ? phase.template_layers : counted.template_layers;
    for (size_t i = 0; i < uses.size() && i < phase.templates.size(); ++i)
        if (uses[i] > 0) a += template_activity(phase.templates[i]).scaled(uses[i]);
    // A chip holds 1/pp of the layers (the same convention as PhaseResult's per-chip totals).
    a = a.scaled(1.0 / std::max(1, pp));
    a.time_s = phase.time_s;
    return a;
}

Activity workload_activity(const Evaluation& ev, const Scenario&) {
    const ServingResult& sv = ev.serving;
    // A step of pp stages keeps pp micro-batches in flight (the throughput counts each of them): in the time
    // of one micro-batch's pass each chip runs its 1/pp of the layers once for every micro-batch, pp x 1/pp of
    // the phase's work, so a chip's step is the phase's whole work at any pp (phase_activity at one stage).
    Activity a = phase_activity(ev.decode, 1);
    // Prompt steps of their own: their share of them per decode step.
    if (sv.prompt_steps_per_step > 0 && !ev.prompt_step.templates.empty()) {
        const double time = a.time_s;
        a += phase_activity(ev.prompt_step, 1).scaled(sv.prompt_steps_per_step);
        a.time_s = time;
    }
    // The chips idle while the engine's host work for the step runs.
    if (sv.step_s > a.time_s) a.time_s = sv.step_s;
    if (!sv.disaggregated || sv.prefill_pool.chip != sv.decode_pool.chip || sv.decode_pool.chips <= 0) return a;
    // One chip type in both pools: the average chip, each pool at its utilisation (an idle chip
    // adds only the static floor, which estimate_power adds).
    const double chips = sv.prefill_pool.chips + sv.decode_pool.chips;
    Activity pre = phase_activity(ev.prefill, 1);  // its pipeline's micro-batches, as above
    const double wd = sv.decode_pool.chips / chips;
    const double wp = sv.prefill_pool.chips / chips * sv.prefill_pool.utilisation;
    Activity mix = a.scaled(wd / std::max(a.time_s, 1e-30));
    mix += pre.scaled(wp / std::max(pre.time_s, 1e-30));
    mix.time_s = 1.0;  // per second
    return mix;
}

Result<PowerBreakdown> kernel_power(const ChipSpec& chip, const OpResult& op, const TechLibrary& tech, double time_s,
                                    double clock_ghz) {
    auto area = estimate_area(chip, tech);
    if (!area) return area.error();
    Activity a;
    if (op.kind == OpKind::gemm || op.kind == OpKind::attention) a.macs[static_cast<size_t>(op.precision)] = op.flops / 2.0;
    else a.vector_flops = op.flops;
    add_bytes(a, op.weight_bytes, op.weight_level);
    add_bytes(a, op.activation_bytes, op.activation_level);
    add_bytes(a, op.kv_bytes, op.kv_level);
    a.time_s = time_s > 0 ? time_s : op.time_s;
    return estimate_power(chip, *area, a, clock_ghz > 0 ? clock_ghz : chip.compute.clock_ghz, tech);
}

void set_clock(ChipSpec& clocked, const ChipSpec& nominal, double clock_ghz) {
    // What the performance and power models read: the identity and every parameter, not the provenance
    // (source, notes, which values are estimates and their ranges), whose copy would cost more than the run.
    clocked.id = nominal.id;
    clocked.name = nominal.name;
    clocked.vendor = nominal.vendor;
    clocked.year = nominal.year;
    clocked.confidence = nominal.confidence;
    clocked.source.clear();
    clocked.estimated.clear();
    clocked.ranges.clear();
    clocked.notes.clear();
    clocked.compute = nominal.compute;
    clocked.sram = nominal.sram;
    clocked.hbm = nominal.hbm;
    clocked.link = nominal.link;
    clocked.scaleout = nominal.scaleout;
    clocked.package = nominal.package;
    clocked.tech = nominal.tech;
    clocked.power = nominal.power;
    clocked.efficiency = nominal.efficiency;
    clocked.calibration = nominal.calibration;
    clocked.econ = nominal.econ;
    set_clock_only(clocked, nominal, clock_ghz);
}

void set_clock_only(ChipSpec& clocked, const ChipSpec& nominal, double clock_ghz) {
    const double k = clock_ghz / nominal.compute.clock_ghz;
    clocked.compute.clock_ghz = clock_ghz;
    clocked.sram.tb_s = nominal.sram.tb_s * k;
}

Result<SustainedKernel> nominal_kernel(const ChipSpec& chip, const TechLibrary& tech,
                                       const std::function<Result<KernelResult>(const ChipSpec&)>& run) {
    auto k = run(chip);
    if (!k) return k.error();
    auto p = kernel_power(chip, k->op, tech);
    if (!p) return p.error();
    return SustainedKernel{*k, *p, chip.compute.clock_ghz};
}

Result<SustainedKernel> sustained_kernel(const ChipSpec& chip, const TechLibrary& tech,
                                         const std::function<Result<KernelResult>(const ChipSpec&)>& run) {
    ChipSpec clocked;
    auto at = [&](double f) -> Result<SustainedKernel> {
        set_clock(clocked, chip, f);
        auto k = run(clocked);
        if (!k) return k.error();
        // Voltage is relative to the nominal chip: its spec with the lowered clock. The op's own time, as
        // nominal_kernel: the quantising kernels before a GEMM carry no modelled energy of their own.
        auto p = kernel_power(chip, k->op, tech, 0, f);
        if (!p) return p.error();
        return SustainedKernel{*k, *p, f};
    };
    const double f_nom = chip.compute.clock_ghz;
    auto best = nominal_kernel(chip, tech, run);
    if (!best) return best.error();
    const double tdp = chip.power.tdp_w;
    if (!(tdp > 0) || best->power.total_w <= tdp) return best;
    const double f_min = std::max(0.05, tech.params.power_dvfs_f_min_fraction * f_nom);
    auto low = at(f_min);
    if (!low) return low.error();
    if (low->power.total_w > tdp) {
        low->power_limited = true;
        low->fits = false;
        return low;
    }
    // Power rises with the clock (V on the floor, V^2 on the dynamic energy): bisect to 0.1 %.
    SustainedKernel fit = *low;
    double a = f_min, b = f_nom;
    while (b - a > 1e-3 * f_nom) {
        const double c = 0.5 * (a + b);
        auto p = at(c);
        if (!p) return p.error();
        if (p->power.total_w <= tdp) {
            a = c;
            fit = *p;
        } else {
            b = c;
        }
    }
    fit.power_limited = true;
    return fit;
}

std::vector<Breakdown> PowerBreakdown::items() const {
    return {{SCV_TR("Breakdown", "matrix units"), matrix_w},
            {SCV_TR("Breakdown", "vector units"), vector_w},
            {SCV_TR("Breakdown", "SRAM + wires"), sram_w},
            {SCV_TR("Breakdown", "DRAM"), hbm_w},
            {SCV_TR("Breakdown", "links"), link_w},
            {SCV_TR("Breakdown", "die-to-die"), d2d_w},
            {SCV_TR("Breakdown", "static"), static_w}};
}

double idle_power_w(const ChipSpec& chip, const PowerBreakdown& busy, const PhysicalParams& pp) {
    if (!(chip.power.tdp_w > 0)) return busy.static_w;  // no TDP to scale: the busy floor, an upper bound
    return std::min(pp.power_idle_tdp_fraction * chip.power.tdp_w, busy.static_w);
}

double voltage_ratio(const ChipSpec& chip, double clock_ghz, const PhysicalParams& pp) {
    const double f = chip.compute.clock_ghz > 0 ? clock_ghz / chip.compute.clock_ghz : 1.0;
    // The voltage-frequency curve near nominal: V falls by power.dvfs_v_slope of the clock's relative fall.
    const double v = 1.0 - pp.power_dvfs_v_slope * (1.0 - f);
    return std::clamp(v, pp.power_dvfs_v_min_fraction, 1.0);
}

Result<PowerBreakdown> estimate_power(const ChipSpec& chip, const AreaBreakdown& area, const Activity& act,
                                      double clock_ghz, const TechLibrary& tech) {
    const TechNode* node = tech.node(chip.tech.node);
    if (!node) return Error{"tech.node: unknown process node '" + chip.tech.node + "'"};
    const PhysicalParams& pp = tech.params;
    PowerBreakdown p;
    p.voltage_ratio = voltage_ratio(chip, clock_ghz, pp);
    const double v2 = p.voltage_ratio * p.voltage_ratio;  // dynamic CV^2 energy on the core rail
    // A chip's own power fit where readings of its silicon set one (> 0), else the library's.
    const double operand = 1.0 + operand_overhead_in_use(chip, pp);
    constexpr double kPj = 1e-12;

    double mac_j = 0;
    for (Precision prec : kAllPrecisions) {
        const auto i = static_cast<size_t>(prec);
        mac_j += act.macs[i] * node->mac_pj[i];
    }
    mac_j *= operand * kPj * v2;
    const double vector_j = act.vector_flops * pp.power_vector_pj_per_flop_bf16_macs *
                            node->mac_pj[static_cast<size_t>(Precision::bf16)] * operand * kPj * v2;

    // SRAM energy improves half as much as logic from N7 (tech-nodes.csv); every byte, HBM ones
    // included, is read or written on chip once and travels the mean on-die distance.
    const double sram_pj = pp.sram_pj_per_bit_n7 * (1.0 - (1.0 - node->energy_factor) / 2.0);
    const double distance_mm = std::sqrt(std::max(area.die_mm2, 0.0)) * pp.sram_mean_distance_fraction;
    const double onchip_pj = sram_pj + pp.sram_wire_pj_per_bit_mm * distance_mm;
    const double sram_j = (act.sram_bytes + act.hbm_bytes) * 8.0 * onchip_pj * kPj * v2;
    const auto gen = static_cast<size_t>(chip.hbm.generation);
    const double hbm_j =
        act.hbm_bytes * 8.0 * pp.hbm_pj_per_bit[gen] * kPj;  // DRAM and PHY rail: no core DVFS
    const double link_j = act.network_bytes * 8.0 * pp.serdes_pj_per_bit * kPj;
    // Memory interleaved across dies: (dies - 1) / dies of the traffic crosses a die boundary.
    const double dies = std::max(1, chip.package.dies);
    const double d2d_j =
        (act.sram_bytes + act.hbm_bytes) * (dies - 1.0) / dies * 8.0 * pp.d2d_pj_per_bit * kPj;

    const double t = act.time_s;
    if (t > 0) {
        p.matrix_w = mac_j / t;
        p.vector_w = vector_j / t;
        p.sram_w = sram_j / t;
        p.hbm_w = hbm_j / t;
        p.link_w = link_j / t;
        p.d2d_w = d2d_j / t;
    }
    // Leakage, clock trees and idle I/O: a floor per mm2 of silicon, roughly proportional to V.
    // Tied to silicon, not to the TDP, so a lower power cap does not shrink it.
    // The busy floor: leakage and the clock trees of silicon that is running, per mm2 and per GHz
    // (a GPU and a systolic chip agree on it: H200 at 1.83 GHz, TPU v4 at 1.05 GHz). I/O dies run
    // their fabric and caches at their own clock, not the compute clock. Base silicon under stacked
    // dies (vias, power delivery, routing) holds no clocked logic of its own.
    const double io_mm2 = area.io_die_mm2 * area.io_dies - area.io_base_mm2;
    const double compute_mm2 = area.package_mm2 - area.io_die_mm2 * area.io_dies;
    p.static_w = busy_floor_in_use(chip, pp) *
                 (compute_mm2 * clock_ghz + io_mm2 * pp.power_io_static_clock_ghz) * p.voltage_ratio;
    p.total_w = p.matrix_w + p.vector_w + p.sram_w + p.hbm_w + p.link_w + p.d2d_w + p.static_w;
    return p;
}

}  // namespace scoville
