#pragma once
// Power from what the evaluated workload does: MACs per precision, vector FLOPs, bytes at each
// memory level and over links (all from an Evaluation), times energy per op or per bit, plus a
// static floor. Voltage follows the clock in the DVFS range, so dynamic energy scales with V^2.
#include <array>
#include <functional>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/kernel.hpp"
#include "core/physical/area.hpp"
#include "core/physical/tech.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// What one chip does over some wall time.
struct Activity {
    std::array<double, 4> macs{};  // MACs executed, indexed by Precision
    double vector_flops = 0;
    double sram_bytes = 0;     // bytes whose home is on-chip SRAM
    double hbm_bytes = 0;      // bytes read or written in HBM
    double network_bytes = 0;  // bytes sent over scale-up links
    double time_s = 0;
    friend bool operator==(const Activity&, const Activity&) = default;

    Activity& operator+=(const Activity& o);
    [[nodiscard]] Activity scaled(double k) const;  // k repetitions
};

// One step of a phase, per chip: every layer's ops (templates repeated per layer) / pp stages.
Activity phase_activity(const PhaseResult& phase, int pp);
// What a chip does in steady state: one engine step (decodes with the prompt chunks mixed in).
// Disaggregated on one chip type: per second, the average chip of both pools at their utilisation.
Activity workload_activity(const Evaluation& ev, const Scenario& scenario);

struct PowerBreakdown {
    double matrix_w = 0;  // MAC datapath + operand delivery
    double vector_w = 0;
    double sram_w = 0;  // SRAM reads/writes + on-die wires (HBM bytes cross them too)
    double hbm_w = 0;
    double link_w = 0;    // SerDes
    double d2d_w = 0;     // die-to-die crossings
    double static_w = 0;  // leakage, clocks, idle floor
    double total_w = 0;
    double voltage_ratio = 1;  // V / Vnom at this clock
    friend bool operator==(const PowerBreakdown&, const PowerBreakdown&) = default;

    [[nodiscard]] std::vector<Breakdown> items() const;
};

// A chip with nothing to run (an engine between requests): its clocks drop to their idle state, so it
// draws power.idle_tdp_fraction of its TDP, never more than the busy floor at its clock (`busy`).
double idle_power_w(const ChipSpec& chip, const PowerBreakdown& busy, const PhysicalParams& pp);

// V / Vnom at clock_ghz for a chip whose nominal clock is chip.compute.clock_ghz: V falls by
// power.dvfs_v_slope of the clock's relative fall, down to power.dvfs_v_min_fraction (and never rises
// above nominal).
double voltage_ratio(const ChipSpec& chip, double clock_ghz, const PhysicalParams& pp);

// Average power per chip for `act` at clock_ghz (the nominal clock is chip.compute.clock_ghz).
// An unknown node is an error naming tech.node.
Result<PowerBreakdown> estimate_power(const ChipSpec& chip, const AreaBreakdown& area, const Activity& act,
                                      double clock_ghz, const TechLibrary& tech);

// The chip's power while it repeats one kernel (a GEMM or a copy) at clock_ghz (0: the nominal clock),
// taking `time_s` each time (0: the kernel's modelled time): its MACs, its bytes in the level they live
// in, and the static floor of the whole package. What a board power meter reads under a kernel loop.
Result<PowerBreakdown> kernel_power(const ChipSpec& chip, const OpResult& op, const TechLibrary& tech,
                                    double time_s = 0, double clock_ghz = 0);

// `clocked` becomes `nominal` run at clock_ghz: the compute clock, and the on-chip SRAM bandwidth that
// follows it. What a power limit lowers, in a whole evaluation and in one kernel. Its identity and every
// parameter are copied, its provenance is not (source, notes, estimated, ranges: left empty).
void set_clock(ChipSpec& clocked, const ChipSpec& nominal, double clock_ghz);
// The same where `clocked` is a copy of `nominal` already (at any clock): only the clocked fields change.
void set_clock_only(ChipSpec& clocked, const ChipSpec& nominal, double clock_ghz);

// A kernel repeated for long enough that the board's power limit acts (on H200 a GEMM loop from idle
// holds its top clock for 50-200 ms, then settles: tests/data/measured-h200-kernels.csv): the highest
// clock, to 0.1 % of the nominal one, at which its modelled board power fits power.tdp_w, its time and
// power there. `run` models the kernel on the chip it is given.
struct SustainedKernel {
    KernelResult kernel;
    PowerBreakdown power;
    double clock_ghz = 0;
    bool power_limited = false;  // the nominal clock draws more than power.tdp_w
    bool fits = true;            // false: above power.tdp_w even at the lowest clock the cap may choose
};
Result<SustainedKernel> sustained_kernel(const ChipSpec& chip, const TechLibrary& tech,
                                         const std::function<Result<KernelResult>(const ChipSpec&)>& run);
// The same kernel at the nominal clock, as a short burst runs it (power as it would draw, above the TDP or not).
Result<SustainedKernel> nominal_kernel(const ChipSpec& chip, const TechLibrary& tech,
                                       const std::function<Result<KernelResult>(const ChipSpec&)>& run);

}  // namespace scoville
