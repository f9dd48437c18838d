#pragma once
// Single-kernel models: one matrix product and one memory copy, through the same roofline engine
// as the full evaluation. Used by `scoville kernel` and for checking against microbenchmarks.
#include <cstdint>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"

namespace scoville {

struct KernelResult {
    OpResult op;
    double achieved_tflops = 0;  // gemm: flops / time
    double achieved_tb_s = 0;    // copy: (read + write bytes) / time
};

// (M x K) . (K x N) at precision p: 2 M N K FLOPs; reads both inputs at p, writes the output in bf16.
Result<KernelResult> gemm_kernel(const ChipSpec& chip, double m, double n, double k, Precision p);
// Reads `bytes` and writes `bytes` at the achieved bandwidth of the level the buffers fit in.
Result<KernelResult> copy_kernel(const ChipSpec& chip, double bytes);

}  // namespace scoville
