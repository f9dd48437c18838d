#pragma once
// Chips the store tests save: every field away from its default, and a numbered family whose
// members can be checked after a crash without knowing what else was written.
#include <string>

#include "core/hw/chip.hpp"

namespace scoville::store_test {

// Every field differs from ChipSpec{}; the numbers are an H100-SXM-like shape (132 SMs x 4 tensor
// cores, 1.83 GHz boost, 5 x 16 GB HBM3 at 0.67 TB/s each; NVIDIA H100 data sheet) plus made-up
// test values for the rest, which only need to differ from the defaults.
inline ChipSpec everyFieldChip() {
    ChipSpec c;
    c.id = "test-every-field";
    c.name = "Every field";
    c.vendor = "Test";
    c.year = 2024;
    c.confidence = "estimate";
    c.source = "store test";
    c.estimated = {"compute.clock_ghz", "sram.tb_s"};
    c.notes = "quotes \" and unicode \xc2\xb5 survive";
    c.compute.cores = 132;
    c.compute.arrays_per_core = 4;
    c.compute.mac_rows = 16;
    c.compute.mac_cols = 32;
    c.compute.clock_ghz = 1.83;
    c.compute.rate_bf16 = 1;
    c.compute.rate_fp8 = 2;
    c.compute.rate_fp4 = 4;
    c.compute.rate_int8 = 2;
    c.compute.vector_lanes_per_core = 64;
    c.sram.mb = 50.0 + 1.0 / 3.0;  // a value with no short decimal form
    c.sram.tb_s = 33.3;
    c.hbm.generation = DramType::hbm3;
    c.hbm.stacks = 5;
    c.hbm.gb_per_stack = 16;
    c.hbm.tb_s_per_stack = 0.67;
    c.hbm.usable_fraction = 0.85;
    c.link.count = 18;
    c.link.gb_s = 50;
    c.link.topology = Topology::torus;
    c.link.domain = 256;
    c.link.latency_us = 3.5;
    c.package.dies = 2;
    c.package.d2d_tb_s = 10;
    c.tech.node = "n3";
    c.power.tdp_w = 1000;
    c.efficiency.compute = 0.75;
    c.efficiency.compute_fp8 = 0.65;
    c.efficiency.compute_fp4 = 0.6;
    c.efficiency.memory = 0.9;
    c.efficiency.network = 0.7;
    c.efficiency.overlap = 0.5;
    c.efficiency.op_overhead_us = 1.5;
    return c;
}

// Member i of a family: cores and clock derived from i, so a reader can check any member alone.
inline ChipSpec numberedChip(int i) {
    ChipSpec c;
    c.id = "numbered-" + std::to_string(i);
    c.name = "Numbered " + std::to_string(i);
    c.compute.cores = 1 + i % 500;
    c.compute.clock_ghz = 1.0 + (i % 97) / 100.0;
    c.sram.mb = i % 1000;
    c.hbm.stacks = 1 + i % 8;
    c.hbm.gb_per_stack = 24;
    c.hbm.tb_s_per_stack = 1.2;
    return c;
}

}  // namespace scoville::store_test
