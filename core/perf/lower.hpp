#pragma once
// Lowering: one phase of a scenario becomes per-layer op lists, per chip after sharding, each op
// timed by the roofline engine. Identical layers share one LayerTemplate.
#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/roofline.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// Where weights and the KV cache live for one evaluation (decided by serving from capacities).
struct Placement {
    MemLevel weights = MemLevel::hbm;
    MemLevel kv = MemLevel::hbm;
};

// Bytes of weights each chip holds: all weights / (tp x pp) (norms, router and MLA down
// projections are small and replicated; counted as sharded).
double weight_bytes_per_chip(const ModelSpec& model, const Scenario& scenario);
// Decode context of the sequences in flight, averaged over time: input + output (1 + cv^2) / 2.
// A batch slot holds each request for its output length, so long outputs are over-represented
// (length-biased: E[o^2] / (2 E[o]) = mean (1 + cv^2) / 2); cv = 0 gives input + output / 2.
double mean_decode_context(const Scenario& scenario);
// Context a batch slot reserves KV for: its request's final length, length-biased the same way,
// input + output (1 + cv^2).
double reserved_context(const Scenario& scenario);
// KV-cache bytes one request holds on one chip at its reserved context, sliding layers holding at
// most their window.
double kv_bytes_per_request_per_chip(const ModelSpec& model, const Scenario& scenario);
// KV bytes per token of one layer on one chip (GQA heads sharded over tp, at least one head; MLA: the
// latent, replicated on every chip of the tp group).
double kv_bytes_per_token_per_layer(const ModelSpec& model, const Scenario& scenario);

bool is_sliding_layer(const ModelSpec& model, int layer);
bool is_moe_layer(const ModelSpec& model, int layer);

// Expected number of distinct experts `tokens` token-slots touch among `experts` with top_k routing:
// E x (1 - (1 - k/E)^tokens) (uniform routing).
double expected_distinct_experts(double experts, double top_k, double tokens);

// Lower and time one phase at `batch` sequences per replica. Reuses out's storage (no allocation
// after the first call with the same model).
void lower_phase(const ModelSpec& model, const Scenario& scenario, const ChipRates& rates, Phase phase,
                 int batch, Placement placement, PhaseResult& out);

}  // namespace scoville
