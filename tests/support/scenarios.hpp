#pragma once
// Workloads the GUI tests set up more than once.
#include "core/workload/model.hpp"

namespace scoville::test {

// `s` on one chip with 16-bit weights, activations and KV, its parallelism left to the model: whether
// the chip holds the model is then its weights' size against the chip's memory.
inline Scenario bf16OnOneChip(Scenario s) {
    s.chips = 1;
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
    return s;
}

}  // namespace scoville::test
