#include "core/perf/evaluation.hpp"

#include <algorithm>

namespace scoville {

std::string_view to_string(Bound b) {
    switch (b) {
    case Bound::compute: return "compute";
    case Bound::memory: return "memory";
    case Bound::network: return "network";
    }
    return "compute";
}

std::string_view to_string(OpKind k) {
    switch (k) {
    case OpKind::gemm: return "gemm";
    case OpKind::attention: return "attention";
    case OpKind::vector: return "vector";
    case OpKind::collective: return "collective";
    }
    return "gemm";
}

std::string_view to_string(MemLevel l) { return l == MemLevel::sram ? "sram" : "hbm"; }

std::string_view to_string(Phase p) { return p == Phase::prefill ? "prefill" : "decode"; }

std::string to_string(const Parallelism& p) {
    std::string s = "tp " + std::to_string(p.tp);
    if (p.dp > 1) s += ", attention-dp " + std::to_string(p.dp);
    if (p.pp > 1) s += ", pp " + std::to_string(p.pp);
    if (p.ep > 1) s += ", ep " + std::to_string(p.ep);
    return s;
}

void PhaseResult::count_template_layers() {
    template_layers.assign(templates.size(), 0.0);
    // Layers come in runs of one template: count runs, not layers one by one.
    size_t i = 0;
    while (i < layer_template.size()) {
        const int idx = layer_template[i];
        size_t j = i + 1;
        while (j < layer_template.size() && layer_template[j] == idx) ++j;
        if (idx >= 0 && static_cast<size_t>(idx) < template_layers.size())
            template_layers[static_cast<size_t>(idx)] += static_cast<double>(j - i);
        i = j;
    }
}

}  // namespace scoville
