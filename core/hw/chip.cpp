#include "core/hw/chip.hpp"

#include "core/util/tr.hpp"

namespace scoville {

double ChipSpec::macs_per_cycle() const {
    return static_cast<double>(compute.cores) * compute.arrays_per_core * compute.mac_rows *
           compute.mac_cols;
}

int ChipSpec::calibration_cores() const { return calibration.cores > 0 ? calibration.cores : compute.cores; }

double ChipSpec::calibration_clock_ghz() const {
    return calibration.clock_ghz > 0 ? calibration.clock_ghz : compute.clock_ghz;
}

double ChipSpec::rate(Precision p) const {
    switch (p) {
    case Precision::bf16: return compute.rate_bf16;
    case Precision::fp8: return compute.rate_fp8;
    case Precision::fp4: return compute.rate_fp4;
    case Precision::int8: return compute.rate_int8;
    }
    return 0.0;
}

// A format the chip lacks runs on the next wider one it has (fp4 -> fp8 -> bf16; int8 -> bf16).
Precision ChipSpec::executed_precision(Precision p) const {
    if (rate(p) > 0) return p;
    if (p == Precision::fp4 && rate(Precision::fp8) > 0) return Precision::fp8;
    if (rate(Precision::bf16) > 0) return Precision::bf16;
    if (rate(Precision::fp8) > 0) return Precision::fp8;
    if (rate(Precision::int8) > 0) return Precision::int8;
    return Precision::fp4;
}

double ChipSpec::peak_tflops(Precision p) const {
    // MACs/cycle x 2 FLOP/MAC x clock (GHz = 1e9/s) / 1e12 = TFLOP/s
    return macs_per_cycle() * rate(executed_precision(p)) * 2.0 * compute.clock_ghz / 1000.0;
}

double ChipSpec::compute_efficiency(Precision p) const {
    switch (executed_precision(p)) {
    case Precision::bf16: return efficiency.compute;
    case Precision::int8: return efficiency.compute;
    case Precision::fp8: return efficiency.compute_fp8;
    case Precision::fp4: return efficiency.compute_fp4;
    }
    return efficiency.compute;
}

double ChipSpec::vector_tflops() const {
    return static_cast<double>(compute.cores) * compute.vector_lanes_per_core * 2.0 *
           compute.clock_ghz / 1000.0;
}

double ChipSpec::memory_tb_s() const { return hbm.stacks * hbm.tb_s_per_stack; }
double ChipSpec::memory_gb() const { return hbm.stacks * hbm.gb_per_stack; }
double ChipSpec::link_gb_s() const { return link.count * link.gb_s; }
double ChipSpec::scaleout_gb_s() const { return scaleout.nics * scaleout.gb_s; }

std::string_view to_string(DramType g) {
    switch (g) {
    case DramType::none: return "none";
    case DramType::hbm2: return "hbm2";
    case DramType::hbm2e: return "hbm2e";
    case DramType::hbm3: return "hbm3";
    case DramType::hbm3e: return "hbm3e";
    case DramType::hbm4: return "hbm4";
    case DramType::gddr6: return "gddr6";
    case DramType::gddr7: return "gddr7";
    case DramType::lpddr5x: return "lpddr5x";
    }
    return "none";
}

std::string_view memory_name(DramType g) {
    switch (dram_family(g)) {
    case DramFamily::gddr: return SCV_TR("Model", "GDDR");
    case DramFamily::lpddr: return SCV_TR("Model", "LPDDR");
    case DramFamily::hbm: break;
    }
    return SCV_TR("Model", "HBM");
}

std::string_view to_string(EconMode m) { return m == EconMode::build ? "build" : "buy"; }

std::string_view to_string(Topology t) {
    switch (t) {
    case Topology::switched: return "switch";
    case Topology::torus: return "torus";
    case Topology::mesh: return "mesh";
    }
    return "switch";
}

}  // namespace scoville
