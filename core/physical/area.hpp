#pragma once
// Die area from the chip parameters and the technology node: per component, per die, per package.
#include <string>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/physical/tech.hpp"
#include "core/util/result.hpp"

namespace scoville {

struct AreaBreakdown {
    // Whole package (all dies), mm2.
    double matrix_mm2 = 0;        // MAC arrays (incl. spare cores)
    double vector_mm2 = 0;        // FP32 vector lanes
    double local_sram_mm2 = 0;    // register files + L1 in the cores
    double core_control_mm2 = 0;  // schedulers, load/store, operand networks
    double sram_mm2 = 0;          // global SRAM (L2 / scratchpad), incl. spare
    double hbm_phy_mm2 = 0;
    double hbm_ctrl_mm2 = 0;
    double serdes_mm2 = 0;   // scale-up link PHYs
    double d2d_mm2 = 0;      // die-to-die PHYs
    double noc_mm2 = 0;      // on-chip interconnect
    double other_mm2 = 0;    // PCIe, misc I/O, fuses
    double io_base_mm2 = 0;  // I/O-die silicon under stacked compute dies beyond the I/O dies' own contents
    double package_mm2 = 0;  // sum of the above
    double die_mm2 = 0;      // one compute die
    int dies = 1;            // compute dies
    // Separate I/O dies (package.io_dies > 0): SRAM, HBM PHY and controller, SerDes, die-to-die PHYs and the
    // base are theirs, with their share of NoC and other; everything else is on the compute dies.
    int io_dies = 0;
    double io_die_mm2 = 0;    // one I/O die
    double io_noc_mm2 = 0;    // part of noc_mm2 on the I/O dies
    double io_other_mm2 = 0;  // part of other_mm2 on the I/O dies
    double serdes_lanes = 0;  // lanes (TX+RX pairs) from link bandwidth and lane rate
    int hbm_sites = 0;        // stacks + spare PHYs
    int max_hbm_stacks = 0;   // what the dies' long edges can hold
    friend bool operator==(const AreaBreakdown&, const AreaBreakdown&) = default;

    [[nodiscard]] double compute_mm2() const {
        return matrix_mm2 + vector_mm2 + local_sram_mm2 + core_control_mm2;
    }
    // Named components for display ("matrix units", "SRAM", ...), whole package.
    [[nodiscard]] std::vector<Breakdown> items() const;
    // One die's components: a compute die, or (io) an I/O die; only the components that die holds.
    [[nodiscard]] std::vector<Breakdown> die_items(bool io) const;
};

// Errors: an invalid chip (the key is named) or an unknown tech.node.
Result<AreaBreakdown> estimate_area(const ChipSpec& chip, const TechLibrary& tech);
// The same for a chip validate_chip passed, which is not checked again (errors: an unknown tech.node).
Result<AreaBreakdown> estimate_valid_area(const ChipSpec& chip, const TechLibrary& tech);

// "reticle: ...", "hbm: ..." warnings; the area itself is never clamped.
std::vector<Message> area_warnings(const ChipSpec& chip, const AreaBreakdown& area, const TechLibrary& tech);

// Area of one MAC cell: the widest requirement over the native precisions (rate x MAC area).
double mac_cell_um2(const ChipSpec& chip, const TechNode& node);

}  // namespace scoville
