#include "core/perf/kernel.hpp"

#include <cmath>

#include "core/hw/params.hpp"
#include "core/perf/roofline.hpp"

namespace scoville {

namespace {
MemLevel level_for(double bytes, const ChipRates& r) {
    if (!r.has_hbm) return MemLevel::sram;
    return r.sram_bytes > 0 && bytes <= r.sram_bytes ? MemLevel::sram : MemLevel::hbm;
}
bool valid_dim(double v) { return std::isfinite(v) && v >= 1 && v <= 1e9; }
}  // namespace

Result<KernelResult> gemm_kernel(const ChipSpec& chip, double m, double n, double k, Precision p) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!valid_dim(m) || !valid_dim(n) || !valid_dim(k))
        return Error{"gemm: each of M, N, K must be a whole number in [1, 1e9]"};
    const ChipRates r = chip_rates(chip);
    KernelResult kr;
    OpResult& op = kr.op;
    op.name = "gemm";
    op.kind = OpKind::gemm;
    op.precision = p;
    op.m = m;
    op.n = n;
    op.k = k;
    op.flops = 2.0 * m * n * k;
    op.weight_bytes = k * n * bytes_per_element(p);
    op.activation_bytes = m * k * bytes_per_element(p) + m * n * 2.0;
    op.weight_level = op.activation_level = level_for(op.weight_bytes + op.activation_bytes, r);
    op.utilisation = tile_utilisation(m, n, r.mac_rows, r.mac_cols);
    finish_op(op, r);
    kr.achieved_tflops = op.flops / op.time_s / 1e12;
    return kr;
}

Result<KernelResult> copy_kernel(const ChipSpec& chip, double bytes) {
    if (auto st = validate_chip(chip); !st) return st.error();
    if (!std::isfinite(bytes) || bytes < 1 || bytes > 1e15) return Error{"copy: BYTES must be in [1, 1e15]"};
    const ChipRates r = chip_rates(chip);
    KernelResult kr;
    OpResult& op = kr.op;
    op.name = "copy";
    op.kind = OpKind::vector;
    op.activation_bytes = 2.0 * bytes;
    op.activation_level = level_for(2.0 * bytes, r);
    finish_op(op, r);
    kr.achieved_tb_s = op.activation_bytes / op.time_s / 1e12;
    return kr;
}

}  // namespace scoville
