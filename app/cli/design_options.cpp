#include "app/cli/design_options.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <filesystem>
#include <numeric>
#include <tuple>

#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"

namespace scoville::cli {

namespace {

// "auto" (0) or a whole number >= 1.
std::optional<int> parse_degree(const std::string& text) {
    if (text == "auto") return 0;
    int v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < 1) return std::nullopt;
    return v;
}

Error failed(int& code, int value, std::string message) {
    code = value;
    return Error{std::move(message)};
}

// Sets a choice key of the workload vocabulary from its flag's text; a text not among the key's choices is
// refused, naming the flag.
Status set_choice(Scenario& s, std::string_view key, std::string_view flag, const std::string& text) {
    if (set_workload_text(s, key, text).ok()) return Ok{};
    std::string allowed;
    for (const auto c : find_workload_key(key)->choices) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
    return Error{std::string(flag) + ": '" + text + "' is not one of " + allowed};
}

// The chip named by --chip, or by --session and --design, exactly one of them.
Result<ChipSpec> load_source(const std::string& id, const std::string& session, const std::string& design, int& code) {
    code = kUsage;
    if (!id.empty() && !session.empty()) return Error{"--chip and --session: give one of them, not both"};
    if (!design.empty() && session.empty()) return Error{"--design: needs --session FILE"};
    if (!session.empty() && design.empty()) return Error{"--session: needs --design NAME"};
    if (id.empty() && session.empty()) return Error{"--chip ID|FILE or --session FILE --design NAME is required"};
    code = kFailed;
    if (session.empty()) {
        auto chip = load_chip(id);
        if (!chip) return Error{"--chip: " + chip.error().message};
        return chip;
    }
    if (!std::filesystem::is_regular_file(session)) return Error{"--session: " + session + ": no such file"};
    auto chip = store::loadDesignChip(qtext(session), qtext(design));
    if (!chip) return Error{"--session: " + chip.error().message};
    return chip;
}

}  // namespace

Result<ChipSpec> chip_with_sets(const std::string& id, const std::string& session, const std::string& design,
                                const std::vector<std::string>& sets, int& code) {
    auto chip = load_source(id, session, design, code);
    if (!chip) return chip;
    for (const auto& s : sets) {
        if (auto st = apply_assignment(*chip, s); !st) {
            code = kUsage;
            return Error{"--set: " + st.error().message};
        }
    }
    if (auto st = validate_chip(*chip); !st) {
        code = kUsage;
        return Error{"--set: " + st.error().message};
    }
    return chip;
}

void add_design_options(CLI::App* cmd, DesignOptions& o) {
    cmd->add_option("--chip", o.chip, "Chip id or JSON file (or --session and --design)");
    cmd->add_option("--session", o.session, "Session file (*.scoville) holding the design to evaluate");
    cmd->add_option("--design", o.design, "Design name in the --session file");
    cmd->add_option("--model", o.model, "Model id or JSON file (required)");
    cmd->add_option("--chips", o.chips,
                     "Total chips (default: the product of the degrees given, tp x attention-dp raised to a "
                     "multiple of --ep, else 1); "
                     "replicas = chips / (tp x attention-dp x pp)");
    cmd->add_option("--tp", o.tp, "Tensor-parallel degree of attention and dense layers, or auto (default)");
    cmd->add_option("--pp", o.pp, "Pipeline stages, or auto (default)");
    cmd->add_option("--ep", o.ep, "Expert-parallel degree (divides tp x attention-dp), or auto (default)");
    cmd->add_option("--attention-dp", o.attention_dp,
                     "Attention data-parallel ranks (each with its own requests; MoE layers span them), or auto");
    cmd->add_option("--max-tokens-per-step", o.max_tokens_per_step,
                     "Engine token budget per step and attention rank (prefill chunks + decodes; default 8192)");
    cmd->add_option("--max-batch", o.max_batch, "Engine limit: requests in flight per attention rank (default 2048)");
    cmd->add_option("--requests", o.requests,
                    "Requests issued at once and served to the last (a benchmark run); the throughput counts the "
                    "tail in which the batch drains (default 0: a steady stream)");
    cmd->add_option("--kv-allocation", o.kv_allocation,
                     "reserve (a request's final KV at admission, TensorRT-LLM default) or on_demand (paged as "
                     "tokens are made, vLLM)");
    cmd->add_option("--admission", o.admission,
                     "Offline batch: best (the requests in flight with the highest throughput within the limits; default) "
                     "or fill (the engine admits requests until memory or --max-batch stops it, as TensorRT-LLM and vLLM do)");
    cmd->add_option("--prefill-chips", o.prefill_chips, "Disaggregated serving: chips of the prefill pool");
    cmd->add_option("--decode-chips", o.decode_chips, "Disaggregated serving: chips of the decode pool");
    cmd->add_flag("--disaggregate", o.disaggregate, "Disaggregated serving at the best split of --chips");
    cmd->add_option("--prefill-chip", o.prefill_chip, "Chip id or JSON file of the prefill pool (default: --chip)");
    cmd->add_option("--prefill-tp", o.prefill_tp,
                    "Disaggregated serving: the prefill pool's tensor-parallel degree (default 0: shared, --tp as the "
                    "decode pool takes it)");
    cmd->add_option("--prefill-pp", o.prefill_pp, "Disaggregated serving: the prefill pool's pipeline stages (0: --pp)");
    cmd->add_option("--prefill-ep", o.prefill_ep, "Disaggregated serving: the prefill pool's expert-parallel degree (0: --ep)");
    cmd->add_option("--prefill-attention-dp", o.prefill_attention_dp,
                    "Disaggregated serving: the prefill pool's attention data-parallel ranks (0: --attention-dp)");
    cmd->add_option("--host-us-per-request", o.host_us_per_request,
                     "Engine host time per step and request the chips wait for, us (default 1: vLLM V1)");
    cmd->add_option("--host-active-share", o.host_active_share,
                     "Share of the host time per request that walks every request the engine holds, not only the "
                     "micro-batch it steps (0-1; default 0.59, an estimate: TensorRT-LLM's PyTorch executor); tells "
                     "over pipeline stages, where a rank holds pp micro-batches");
    cmd->add_option("--stream-us-per-token", o.stream_us_per_token,
                     "Engine host time per request and step to stream its token to the client, us; paid by a server "
                     "(with --ttft-slo or --tpot-slo), whose clients stream; offline returns whole responses (default 0: "
                     "off the step's path; NVIDIA's and AMD's MLPerf harnesses: 15)");
    cmd->add_option("--host-ms-per-step", o.host_ms_per_step,
                     "Engine host time per step the chips wait for whatever the batch, ms (default 0: hidden behind the "
                     "step; TensorRT-LLM's C++ executor without CUDA graphs, as in NVIDIA's MLPerf harness: 6.5)");
    cmd->add_option("--admit-every-steps", o.admit_every_steps,
                     "Steps per scheduling block: new requests join only between blocks (vLLM num_scheduler_steps; "
                     "default 1)");
    cmd->add_option("--prefill-steps", o.prefill_steps,
                     "Where prompts run: mixed (in chunks inside the decode steps: TensorRT-LLM, vLLM V1, SGLang; "
                     "default) or separate (steps of prompts alone that pause the decodes: vLLM V0 without chunked "
                     "prefill)");
    cmd->add_option("--attention-dp-balance", o.attention_dp_balance,
                     "With --attention-dp, off (default: each rank schedules its own prompts, TensorRT-LLM's default, so a "
                     "step in which any rank runs a prompt chunk waits for it) or on (the ranks take chunks in the same "
                     "steps: TensorRT-LLM attention_dp_config enable_balance)");
    cmd->add_option("--chunked-decode", o.chunked_decode,
                     "For a model with chunked local attention (Llama 4), what a decoding token attends: chunk (its own "
                     "chunk, default) or full (the whole context: an engine that applies chunked attention to prompts only)");
    cmd->add_option("--chunked-kv", o.chunked_kv,
                     "For a model with chunked local attention (Llama 4), what a local layer's KV cache keeps: chunk (its "
                     "current chunk, default: vLLM frees the chunks before it) or whole (every token: TensorRT-LLM)");
    cmd->add_option("--lm-head", o.lm_head,
                     "Format of the LM head, the token embedding and MoE routers: bf16 (default: quantisation tools "
                     "leave them at 16 bits) or weights (the weights' format)");
    cmd->add_option("--state-precision", o.state_precision,
                     "For a model with linear-attention or Mamba-2 layers (Qwen3-Next, Qwen3.5, Nemotron 3), the format "
                     "of each layer's recurrent state a request keeps: model (default: what its configuration asks, as "
                     "vLLM follows it; Qwen3-Next bf16, Nemotron 3 fp32), bf16 or fp32");
    cmd->add_option("--linear-chunk-tokens", o.linear_chunk_tokens,
                     "For a model with linear-attention or Mamba-2 layers, tokens per chunk of a prompt's chunked scan "
                     "(default 0: the model's, 64 for Gated DeltaNet as flash-linear-attention runs it, a Mamba-2 "
                     "config's chunk_size)");
    cmd->add_option("--custom-allreduce-mb", o.custom_allreduce_mb,
                     "The largest all-reduce the engine's own kernels take, MB; larger ones go to the vendor library "
                     "(default 8: vLLM, and TensorRT-LLM above TP 2; TensorRT-LLM at TP <= 2: 16)");
    cmd->add_option("--spec-tokens", o.spec_tokens, "Speculative decoding: draft tokens per step (0: off)");
    cmd->add_option("--spec-accept", o.spec_accept, "Speculative decoding: probability a draft token is accepted");
    cmd->add_option("--draft-model", o.draft_model,
                     "Speculative decoding: draft model id or JSON file (default: MTP layers of the target)");
    cmd->add_option("--expert-imbalance", o.expert_imbalance,
                     "MoE: busiest expert-parallel rank's load / mean (default 0 = auto: 1 at EP 1, else from the "
                     "model's routing skew moe.routing_alpha, or 1.1 where it is not known, times the busiest group's "
                     "extra expert where ep does not divide the experts)");
    cmd->add_option("--moe-pair-bytes", o.moe_pair_bytes, kMoePairBytesHelp);
    cmd->add_option("--moe-tile-tokens", o.moe_tile_tokens, kMoeTileTokensHelp);
    cmd->add_option("--moe-dispatch", o.moe_dispatch,
                     "MoE over attention ranks: auto (default), allgather (every rank gathers every token, then a "
                     "reduce-scatter: TensorRT-LLM on 8-GPU nodes, vLLM) or alltoall (only routed rows travel: DeepEP, NVL72)");
    cmd->add_option("--comm-overlap", o.comm_overlap,
                     "Fraction of collective time hidden behind compute (default 0)");
    cmd->add_option("--precision", o.precision, "Weights and GEMMs: bf16|fp8|fp4|int8");
    cmd->add_option("--weights-16bit-share", o.weights_16bit_share,
                     "Share of the weights a mixed-precision checkpoint keeps at 16 bits (0-1; default 0)");
    cmd->add_option("--kv-precision", o.kv_precision, "KV cache: bf16|fp8|fp4|int8 (default: --precision, fp4 -> fp8)");
    cmd->add_option("--input-len", o.input_len, "Prompt tokens per request");
    cmd->add_option("--output-len", o.output_len, "Generated tokens per request");
    cmd->add_option("--input-len-cv", o.input_len_cv,
                     "Spread of prompt lengths over the requests: std / mean (0: all equal; --input-len is the mean)");
    cmd->add_option("--output-len-cv", o.output_len_cv,
                     "Spread of output lengths over the requests: std / mean (0: all equal; --output-len is the mean)");
    cmd->add_option("--output-len-quantiles", o.output_len_quantiles,
                    "Measured output lengths as probability:tokens pairs, e.g. '0.01:23 0.5:251 0.99:922': scaled to "
                    "--output-len, they stand for the output lengths in place of the lognormal of --output-len-cv");
    cmd->add_option("--batch", o.batch, "Sequences per replica, or auto (offline: as --admission says; server: the highest rate within the SLOs)");
    cmd->add_option("--ttft-slo", o.ttft_slo, "Time-to-first-token limit, seconds");
    cmd->add_option("--tpot-slo", o.tpot_slo, "Time-per-output-token limit, seconds");
    std::string keys;
    for (const auto& p : chip_params()) keys += (keys.empty() ? "" : ", ") + std::string(p.key);
    cmd->add_option("--set", o.sets, "Override a chip parameter, key=value (repeatable). Keys: " + keys);
}

Result<DesignPoint> load_design(const DesignOptions& o, int& code) {
    const auto precision = parse_precision(o.precision);
    if (!precision) return failed(code, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp8, fp4, int8");
    std::optional<Precision> kv = precision == Precision::fp4 ? Precision::fp8 : *precision;
    if (!o.kv_precision.empty()) {
        kv = parse_precision(o.kv_precision);
        if (!kv) return failed(code, kUsage, "--kv-precision: '" + o.kv_precision + "' is not one of bf16, fp8, fp4, int8");
    }
    Scenario s;
    for (auto [flag, text, target] : {std::tuple{"--tp", &o.tp, &s.tp}, std::tuple{"--pp", &o.pp, &s.pp},
                                      std::tuple{"--ep", &o.ep, &s.ep},
                                      std::tuple{"--attention-dp", &o.attention_dp, &s.attention_dp}}) {
        const auto v = parse_degree(*text);
        if (!v) return failed(code, kUsage, std::string(flag) + ": '" + *text + "' is not a whole number >= 1 or 'auto'");
        *target = *v;
    }
    // A --chips that is given is checked with the scenario (at least 1), not replaced by the default: the
    // degrees given, whose tensor-parallel x attention-data-parallel group the experts span (so a multiple of
    // --ep), times the pipeline stages.
    if (o.chips != kChipsNotGiven) {
        s.chips = o.chips;
    } else {
        const int group = std::max(1, s.tp) * std::max(1, s.attention_dp);
        s.chips = std::lcm(group, std::max(1, s.ep)) * std::max(1, s.pp);
    }
    if (o.disaggregate) {
        if (o.prefill_chips > 0 || o.decode_chips > 0)
            return failed(code, kUsage, "--disaggregate: give it alone (the best split of --chips) or "
                                     "--prefill-chips and --decode-chips, not both");
        s.prefill_chips = s.decode_chips = -1;
    } else {
        s.prefill_chips = o.prefill_chips;
        s.decode_chips = o.decode_chips;
        if (o.chips == kChipsNotGiven && o.prefill_chips > 0 && o.decode_chips > 0)
            s.chips = o.prefill_chips + o.decode_chips;
    }
    s.prefill_chip = o.prefill_chip;
    s.prefill_tp = o.prefill_tp;
    s.prefill_pp = o.prefill_pp;
    s.prefill_ep = o.prefill_ep;
    s.prefill_attention_dp = o.prefill_attention_dp;
    s.max_tokens_per_step = o.max_tokens_per_step;
    s.max_batch = o.max_batch;
    s.requests = o.requests;
    const auto kv_alloc = parse_kv_allocation(o.kv_allocation);
    if (!kv_alloc)
        return failed(code, kUsage, "--kv-allocation: '" + o.kv_allocation + "' is not one of reserve, on_demand");
    s.kv_allocation = *kv_alloc;
    const auto admission = parse_admission(o.admission);
    if (!admission) return failed(code, kUsage, "--admission: '" + o.admission + "' is not one of best, fill");
    s.admission = *admission;
    s.host_us_per_request = o.host_us_per_request;
    s.host_active_share = o.host_active_share;
    s.stream_us_per_token = o.stream_us_per_token;
    s.host_ms_per_step = o.host_ms_per_step;
    s.admit_every_steps = o.admit_every_steps;
    const auto prefill_steps = parse_prefill_steps(o.prefill_steps);
    if (!prefill_steps)
        return failed(code, kUsage, "--prefill-steps: '" + o.prefill_steps + "' is not one of mixed, separate");
    s.prefill_steps = *prefill_steps;
    for (const auto& [key, flag, text] : {std::tuple{"attention_dp_balance", "--attention-dp-balance", &o.attention_dp_balance},
                                          std::tuple{"chunked_decode", "--chunked-decode", &o.chunked_decode},
                                          std::tuple{"chunked_kv", "--chunked-kv", &o.chunked_kv},
                                          std::tuple{"lm_head_format", "--lm-head", &o.lm_head},
                                          std::tuple{"state_precision", "--state-precision", &o.state_precision}})
        if (auto st = set_choice(s, key, flag, *text); !st) return failed(code, kUsage, st.error().message);
    s.linear_chunk_tokens = o.linear_chunk_tokens;
    s.custom_allreduce_mb = o.custom_allreduce_mb;
    s.spec_tokens = o.spec_tokens;
    s.spec_accept = o.spec_accept;
    s.draft_model = o.draft_model;
    s.expert_imbalance = o.expert_imbalance;
    s.moe_pair_bytes = o.moe_pair_bytes;
    s.moe_tile_tokens = o.moe_tile_tokens;
    const auto dispatch = parse_moe_dispatch(o.moe_dispatch);
    if (!dispatch)
        return failed(code, kUsage, "--moe-dispatch: '" + o.moe_dispatch + "' is not one of auto, allgather, alltoall");
    s.moe_dispatch = *dispatch;
    s.comm_overlap = o.comm_overlap;
    s.weight_precision = s.activation_precision = *precision;
    s.weights_16bit_share = o.weights_16bit_share;
    s.kv_precision = *kv;
    s.input_len = o.input_len;
    s.output_len = o.output_len;
    s.input_len_cv = o.input_len_cv;
    s.output_len_cv = o.output_len_cv;
    if (!o.output_len_quantiles.empty()) {
        auto q = parse_length_quantiles(o.output_len_quantiles, "output_len_quantiles");
        if (!q) return failed(code, kUsage, "--output-len-quantiles: " + q.error().message);
        s.output_len_quantiles = std::move(*q);
    }
    if (o.batch == "auto") {
        s.batch = 0;
    } else {
        int b = 0;
        auto [p, ec] = std::from_chars(o.batch.data(), o.batch.data() + o.batch.size(), b);
        if (o.batch.empty() || ec != std::errc() || p != o.batch.data() + o.batch.size() || b < 1)
            return failed(code, kUsage, "--batch: '" + o.batch + "' is not a positive whole number or 'auto'");
        s.batch = b;
    }
    s.ttft_slo_s = o.ttft_slo;
    s.tpot_slo_s = o.tpot_slo;

    if (o.model.empty()) return failed(code, kUsage, "--model ID|FILE is required");
    auto chip = chip_with_sets(o.chip, o.session, o.design, o.sets, code);
    if (!chip) return chip.error();
    auto model = load_model(o.model);
    if (!model) return failed(code, kFailed, "--model: " + model.error().message);
    if (auto st = validate_scenario(s, *model); !st) return failed(code, kUsage, st.error().message);
    Companions companions;
    if (!o.draft_model.empty()) {
        auto draft = load_model(o.draft_model);
        if (!draft) return failed(code, kFailed, "--draft-model: " + draft.error().message);
        companions.draft = std::move(*draft);
    }
    if (!o.prefill_chip.empty()) {
        auto pchip = load_chip(o.prefill_chip);
        if (!pchip) return failed(code, kFailed, "--prefill-chip: " + pchip.error().message);
        companions.prefill_chip = std::move(*pchip);
    }

    return DesignPoint{std::move(*chip), std::move(*model), s, std::move(companions)};
}

}  // namespace scoville::cli
