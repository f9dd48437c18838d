#pragma once
// Shared checks: whatever parses must evaluate without crashing, and every number the evaluation
// produces must be finite.
#include <cmath>
#include <cstdlib>
#include <string_view>

#include "core/perf/evaluate.hpp"
#include "core/workload/model.hpp"

namespace scoville::fuzz {

inline void require(bool ok) {
    if (!ok) std::abort();
}

// The first line of `text` (without its newline), removed from `text`.
inline std::string_view next_line(std::string_view& text) {
    const auto nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    return line;
}

inline void check_finite(const Result<Evaluation>& ev) {
    if (!ev) {
        require(!ev.error().message.empty());
        return;
    }
    const ServingResult& s = ev->serving;
    require(std::isfinite(s.throughput_tokens_per_s) && s.throughput_tokens_per_s >= 0);
    // TTFT is unbounded only where the queue never settles, and a warning says why.
    for (double ttft : {s.ttft_s, s.ttft_p50_s, s.ttft_p99_s})
        require(std::isfinite(ttft) || (ttft > 0 && !ev->warning_messages.empty()));
    require(std::isfinite(s.tpot_s));
    // A disaggregated decode pool holds what the rate keeps in it: at least one request, at most what it takes.
    if (s.disaggregated)
        require(s.decode_pool.batch >= 1 && s.decode_pool.batch <= s.decode_pool.batch_limit &&
                std::isfinite(s.decode_pool.utilisation) && std::isfinite(s.prefill_pool.utilisation));
    for (const PhaseResult* ph : {&ev->prefill, &ev->decode}) {
        require(std::isfinite(ph->time_s));
        for (const auto& t : ph->templates)
            for (const auto& op : t.ops)
                require(std::isfinite(op.time_s) && std::isfinite(op.flops) && std::isfinite(op.bytes()) &&
                        std::isfinite(op.utilisation));
    }
}

// A model a parser accepted: its model file reads back as the same model, and it evaluates finitely on `chip`.
inline void check_model(const ModelSpec& model, const ChipSpec& chip) {
    auto back = model_from_json(model_to_json(model), "roundtrip");
    require(back.ok() && *back == model);
    Scenario s;
    s.input_len = 64;
    s.output_len = 16;
    check_finite(evaluate(chip, model, s));
}

}  // namespace scoville::fuzz
