#include "core/workload/scenario_keys.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/util/registry.hpp"
#include "core/util/tr.hpp"

namespace scoville {

namespace {

std::string number_text(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

#define SCV_INT(field) \
    [](const Scenario& s) { return number_text(s.field); }, \
    [](Scenario& s, double v, std::string_view) { s.field = static_cast<int>(std::lround(v)); }
#define SCV_REAL(field) \
    [](const Scenario& s) { return number_text(s.field); }, \
    [](Scenario& s, double v, std::string_view) { s.field = v; }
#define SCV_PRECISION(field) \
    [](const Scenario& s) { return std::string(to_string(s.field)); }, \
    [](Scenario& s, double v, std::string_view) { s.field = static_cast<Precision>(std::lround(v)); }
#define SCV_LIMIT(field) \
    [](const Scenario& s) { return s.field ? number_text(*s.field) : std::string(); }, \
    [](Scenario& s, double v, std::string_view) { s.field = v > 0 ? std::optional<double>(v) : std::nullopt; }
#define SCV_TEXT(field) \
    [](const Scenario& s) { return s.field; }, [](Scenario& s, double, std::string_view t) { s.field = std::string(t); }

const std::vector<std::string_view> kPrecisions{"bf16", "fp8", "fp4", "int8"};

std::vector<WorkloadKey> build() {
    std::vector<WorkloadKey> k;
    auto add = [&](WorkloadKey key) { k.push_back(std::move(key)); };
    using K = WorkloadKeyKind;
    // clang-format off
    add({"batch", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Batch"), SCV_TR("Unit", "requests"), K::integer, 0, 1000000, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Requests in flight per replica; auto = offline, as the offline admission says (best: the highest "
         "throughput within memory and the engine batch limit; fill: as many as those allow); server, the most that meet the p99 latency limits."), SCV_INT(batch)});
    add({"input_len", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Prompt"), SCV_TR("Unit", "tokens"), K::integer, 1, 10000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "Prompt tokens per request (the mean over the requests)."), SCV_INT(input_len)});
    add({"output_len", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Output"), SCV_TR("Unit", "tokens"), K::integer, 1, 10000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "Generated tokens per request (the mean over the requests)."), SCV_INT(output_len)});
    add({"input_len_cv", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Prompt spread"), "", K::real, 0, 10, "", {},
         SCV_TR("scoville::WorkloadKeys", "Standard deviation / mean of the prompt lengths (MLPerf OpenOrca: 0.77)."), SCV_REAL(input_len_cv)});
    add({"output_len_cv", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Output spread"), "", K::real, 0, 10, "", {},
         SCV_TR("scoville::WorkloadKeys", "Standard deviation / mean of the output lengths (MLPerf OpenOrca: 0.79)."), SCV_REAL(output_len_cv)});
    add({"output_len_quantiles", SCV_TR("scoville::WorkloadKeys", "Requests"), SCV_TR("scoville::WorkloadKeys", "Output quantiles"), "", K::text, 0, 0, "", {},
         SCV_TR("scoville::WorkloadKeys", "Measured output lengths as probability:tokens pairs (MLPerf Llama-2-70B: 0.01:23 0.5:251 0.99:922 ...). "
         "Scaled to the mean output, they stand for the output lengths in place of the lognormal of the output spread: the time per output token's "
         "percentiles, the requests' mean context in flight, the end of a finite run. Empty = the lognormal."),
         [](const Scenario& s) { return to_string(s.output_len_quantiles); },
         [](Scenario& s, double, std::string_view t) {
             auto q = parse_length_quantiles(t, "output_len_quantiles");
             if (q) s.output_len_quantiles = std::move(*q);
         },
         [](std::string_view t) -> Status {
             if (auto q = parse_length_quantiles(t, "output_len_quantiles"); !q) return q.error();
             return Ok{};
         }});
    add({"weight_precision", SCV_TR("scoville::WorkloadKeys", "Precision"), SCV_TR("scoville::WorkloadKeys", "Weights"), "", K::choice, 0, 3, "", kPrecisions,
         SCV_TR("scoville::WorkloadKeys", "Number format of the weights."), SCV_PRECISION(weight_precision)});
    add({"activation_precision", SCV_TR("scoville::WorkloadKeys", "Precision"), SCV_TR("scoville::WorkloadKeys", "Activations"), "", K::choice, 0, 3, "", kPrecisions,
         SCV_TR("scoville::WorkloadKeys", "Number format the GEMMs compute in."), SCV_PRECISION(activation_precision)});
    add({"kv_precision", SCV_TR("scoville::WorkloadKeys", "Precision"), SCV_TR("scoville::WorkloadKeys", "KV cache"), "", K::choice, 0, 3, "", kPrecisions,
         SCV_TR("scoville::WorkloadKeys", "Number format of the KV cache."), SCV_PRECISION(kv_precision)});
    add({"chips", SCV_TR("scoville::WorkloadKeys", "Parallelism"), SCV_TR("scoville::WorkloadKeys", "Chips"), "", K::integer, 1, 1000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "Chips in the system; replicas = chips / (tp x attention_dp x pp)."), SCV_INT(chips)});
    add({"tp", SCV_TR("scoville::WorkloadKeys", "Parallelism"), SCV_TR("scoville::WorkloadKeys", "Tensor parallel"), "", K::integer, 0, 1000000, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Tensor-parallel degree of attention, dense FFNs and the LM head; auto = the best within the limits."),
         SCV_INT(tp)});
    add({"pp", SCV_TR("scoville::WorkloadKeys", "Parallelism"), SCV_TR("scoville::WorkloadKeys", "Pipeline stages"), "", K::integer, 0, 1000000, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Pipeline stages; auto = 1 unless the model only fits deeper."), SCV_INT(pp)});
    add({"ep", SCV_TR("scoville::WorkloadKeys", "Parallelism"), SCV_TR("scoville::WorkloadKeys", "Expert parallel"), "", K::integer, 0, 1000000, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Chips the routed experts are spread over (divides tp x attention_dp); auto = the best."), SCV_INT(ep)});
    add({"attention_dp", SCV_TR("scoville::WorkloadKeys", "Parallelism"), SCV_TR("scoville::WorkloadKeys", "Attention data parallel"), "", K::integer, 0, 1000000, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Attention ranks, each with its own requests, that MoE layers span (DeepSeek and Qwen3 deployments)."),
         SCV_INT(attention_dp)});
    add({"max_tokens_per_step", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Token budget per step"), SCV_TR("Unit", "tokens"), K::integer, 1, 10000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "Decode and prompt-chunk tokens one step of an attention rank takes (TensorRT-LLM max_num_tokens: 8192)."),
         SCV_INT(max_tokens_per_step)});
    add({"max_batch", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Engine batch limit"), SCV_TR("Unit", "requests"), K::integer, 1, 1000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "Requests in flight per attention rank the engine allows (TensorRT-LLM max_batch_size: 2048)."),
         SCV_INT(max_batch)});
    add({"kv_allocation", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "KV allocation"), "", K::choice, 0, 1, "", {"reserve", "on_demand"},
         SCV_TR("scoville::WorkloadKeys", "reserve: a request's final KV is set aside when it is admitted (TensorRT-LLM default); on_demand: pages "
         "as tokens are made (vLLM, TensorRT-LLM max utilisation), so more requests fit, except in a run of requests of "
         "one length issued at once, which reach their whole context together."),
         [](const Scenario& s) { return std::string(to_string(s.kv_allocation)); },
         [](Scenario& s, double v, std::string_view) { s.kv_allocation = static_cast<KvAllocation>(std::lround(v)); }});
    add({"admission", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Offline admission"), "", K::choice, 0, 1, "", {"best", "fill"},
         SCV_TR("scoville::WorkloadKeys", "How an offline batch comes about. best: the requests in flight with the highest throughput within "
         "memory and the engine batch limit (a tuned deployment); fill: the engine admits queued requests until memory or its batch "
         "limit stops it (TensorRT-LLM and vLLM schedulers). A server's requests in flight follow from its arrival rate."),
         [](const Scenario& s) { return std::string(to_string(s.admission)); },
         [](Scenario& s, double v, std::string_view) { s.admission = static_cast<Admission>(std::lround(v)); }});
    add({"weights_16bit_share", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "16-bit weight share"), "", K::real, 0, 1, "", {},
         SCV_TR("scoville::WorkloadKeys", "Share of the weights, and of each weight GEMM's work, a mixed-precision checkpoint keeps at 16 "
         "bits where the weights are narrower (ModelOpt auto_quantize at effective_bits 8.75 over fp8 and 16-bit layers: "
         "(8.75 - 8) / 8 = 0.094, MLPerf v5.1 Mixtral on H200). 0 = every weight at its precision."),
         SCV_REAL(weights_16bit_share)});
    add({"host_us_per_request", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Host time per request"), SCV_TR("Unit", "us"), K::real, 0, 10000, "", {},
         SCV_TR("scoville::WorkloadKeys", "CPU time per step and request the accelerator waits for: scheduling, sampling, bookkeeping (vLLM V1 "
         "update_from_output: 0.254 ms at batch 256, ~1 us; TensorRT-LLM PyTorch backend: ~580 us per step at "
         "64 requests, ~9 us, issue 13957; vLLM V0 detokenizing every token: at least 18 us, issue 5206)."), SCV_REAL(host_us_per_request)});
    add({"host_active_share", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Host share over held requests"), "", K::real, 0, 1, "", {},
         SCV_TR("scoville::WorkloadKeys", "Share of the host time per request that the engine's loop spends walking every request it "
         "holds rather than the micro-batch it steps: its scheduler and response handling (TensorRT-LLM's PyTorch executor runs "
         "_schedule and _handle_responses over all active requests every iteration). It tells over pipeline stages only: a rank "
         "holds pp micro-batches and runs pp iterations a step, each costing (1 + share x (pp - 1)) x the host time of the "
         "requests it steps. 0.59 is an estimate fitted to one measured row (TensorRT-LLM perf-overview: Llama 3.3 70B FP4 over "
         "8 RTX PRO 6000 stages at 128/2048, marked as a fit), range 0.4 to 0.8 (the other 8-stage rows' median error "
         "stays within +-8 %)."), SCV_REAL(host_active_share)});
    add({"stream_us_per_token", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Host time per streamed token"), SCV_TR("Unit", "us"), K::real, 0, 10000, "", {},
         SCV_TR("scoville::WorkloadKeys", "CPU time per step and request the accelerator waits for to hand the request's new token to "
         "its client: a response per request and step where the clients stream. Paid by a server (latency limits "
         "given: TTFT is the first streamed token); offline returns whole responses. NVIDIA's and AMD's MLPerf "
         "harnesses stream in every scenario but Offline: 15 us, an estimate: the submitters' server runs spread it over "
         "3-30 us, and NVIDIA's own two v5.1 Interactive runs (B200 at 255 requests a GPU, GB200 at 228) are too close in batch "
         "to tell it from the host time per step. 0 = handed over off the step's path."),
         SCV_REAL(stream_us_per_token)});
    add({"host_ms_per_step", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Host time per step"), SCV_TR("Unit", "ms"), K::real, 0, 10000, "", {},
         SCV_TR("scoville::WorkloadKeys", "CPU time per step the accelerator waits for whatever the batch: an engine loop that neither "
         "replays the step from a CUDA graph nor overlaps scheduling with it. TensorRT-LLM's C++ executor in NVIDIA's MLPerf "
         "harness (use_graphs off): 6.5 ms, beside 16 us per request (15 for its streamed tokens, stream_us_per_token, and 1 of "
         "bookkeeping): the measured step (TPOT p50 at the requests in flight) less the model's kernels on NVIDIA's own v5.1 "
         "Interactive Llama-2-70B runs leaves 10.70 ms at 255 requests a GPU (B200) and 10.05 ms at 228 (GB200), 6.62 and "
         "6.40 ms beyond their requests. vLLM with enforce_eager in AMD's MLPerf "
         "harness: 4.9 ms with the same streamed 15 us (its MI300X and MI325X runs: 5.4 and 4.4 ms, MI300X's with its prompts "
         "in steps of their own). "
         "0 = hidden behind the step (CUDA graphs, overlapped scheduling)."), SCV_REAL(host_ms_per_step)});
    add({"admit_every_steps", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Steps per scheduling block"), SCV_TR("Unit", "steps"), K::integer, 1, 1000, "", {},
         SCV_TR("scoville::WorkloadKeys", "New requests join the batch only between blocks of this many steps (vLLM num_scheduler_steps, "
         "multi-step scheduling: AMD's MLPerf v5.1 server runs use 9), so an arrival first waits for the rest of the running "
         "block, and the block hands its tokens back at its end, so a request finishing within it waits for that end; "
         "1 = at every step (TensorRT-LLM)."),
         SCV_INT(admit_every_steps)});
    add({"prefill_steps", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Prompt steps"), "", K::choice, 0, 1, "", {"mixed", "separate"},
         SCV_TR("scoville::WorkloadKeys", "Where prompts run. mixed: in chunks inside the decode steps, within the token budget "
         "(chunked prefill: TensorRT-LLM, vLLM V1, SGLang); separate: whenever requests wait at the end of a scheduling block, one "
         "step of prompts alone runs and every decode waits for it (vLLM V0 with enable_chunked_prefill off, as AMD's MLPerf "
         "v5.1 offline and server runs and its MI300X interactive run)."),
         [](const Scenario& s) { return std::string(to_string(s.prefill_steps)); },
         [](Scenario& s, double v, std::string_view) { s.prefill_steps = static_cast<PrefillSteps>(std::lround(v)); }});
    add({"attention_dp_balance", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Aligned prompt chunks"), "", K::choice, 0, 1, "", {"off", "on"},
         SCV_TR("scoville::WorkloadKeys", "With attention data parallelism, whether the ranks take their prompt chunks in the same steps. "
         "off: each rank schedules its own prompts (TensorRT-LLM's default, attention_dp_config enable_balance false), and "
         "every step waits for its slowest rank at the MoE layers' exchange: a step in which any rank runs a chunk takes a "
         "chunk step's time, so with d ranks each carrying a chunk in a share q of the steps, 1 - (1 - q)^d of the steps "
         "are that long. on: the ranks take chunks together (enable_balance), in a share q of the steps."),
         [](const Scenario& s) { return std::string(s.attention_dp_balance ? "on" : "off"); },
         [](Scenario& s, double v, std::string_view) { s.attention_dp_balance = std::lround(v) == 1; }});
    add({"chunked_decode", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Chunked attention in decode"), "", K::choice, 0, 1, "", {"chunk", "full"},
         SCV_TR("scoville::WorkloadKeys", "For a model with chunked local attention (Llama 4: each local layer's token attends only "
         "the tokens of its own chunk), what a decoding token attends. chunk: its own chunk, as the model defines it (vLLM, "
         "and TensorRT-LLM since 0.21); full: the whole context, as an engine that applies chunked attention to prompts "
         "only runs it. Prompts attend their chunk either way."),
         [](const Scenario& s) { return std::string(s.chunked_decode_full ? "full" : "chunk"); },
         [](Scenario& s, double v, std::string_view) { s.chunked_decode_full = std::lround(v) == 1; }});
    add({"chunked_kv", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Chunked layers' KV cache"), "", K::choice, 0, 1, "", {"chunk", "whole"},
         SCV_TR("scoville::WorkloadKeys", "For a model with chunked local attention (Llama 4), what a local layer's KV cache keeps "
         "of a request's context, which sets how many requests fit. chunk: its current chunk, at most the chunk size (vLLM "
         "frees the chunks before it); whole: every token, as TensorRT-LLM's cache manager does. Decodes that attend the "
         "whole context (chunked_decode full) keep it whole either way."),
         [](const Scenario& s) { return std::string(s.chunked_kv_whole ? "whole" : "chunk"); },
         [](Scenario& s, double v, std::string_view) { s.chunked_kv_whole = std::lround(v) == 1; }});
    add({"lm_head_format", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "LM head format"), "", K::choice, 0, 1, "", {"bf16", "weights"},
         SCV_TR("scoville::WorkloadKeys", "The format the LM head, the token embedding and an MoE model's routers run and are held "
         "in. bf16: 16 bits whatever the weights' format, as quantisation tools leave them (ModelOpt's recipes disable "
         "their quantizers; AMD Quark's checkpoints exclude lm_head); weights: the weights' format, like every other layer."),
         [](const Scenario& s) { return std::string(s.lm_head_as_weights ? "weights" : "bf16"); },
         [](Scenario& s, double v, std::string_view) { s.lm_head_as_weights = std::lround(v) == 1; }});
    add({"state_precision", SCV_TR("scoville::WorkloadKeys", "Precision"), SCV_TR("scoville::WorkloadKeys", "Recurrent state"), "", K::choice, 0, 2, "", {"model", "bf16", "fp32"},
         SCV_TR("scoville::WorkloadKeys", "For a model with linear-attention or Mamba-2 layers (Qwen3-Next, Qwen3.5, Nemotron 3), "
         "the format each layer's recurrent state is held in, per request. model: what the model's configuration asks "
         "(its linear.state_precision: Qwen3-Next bf16, Nemotron 3 fp32), as vLLM's mamba_ssm_cache_dtype auto follows "
         "it; bf16 or fp32 whatever it asks (vLLM's mamba_ssm_cache_dtype; llama.cpp: fp32). The convolution's last "
         "inputs stay at 16 bits."),
         [](const Scenario& s) {
             return std::string(s.state_format == StateFormat::fp32   ? "fp32"
                                : s.state_format == StateFormat::bf16 ? "bf16"
                                                                      : "model");
         },
         [](Scenario& s, double v, std::string_view) { s.state_format = static_cast<StateFormat>(std::lround(v)); }});
    add({"linear_chunk_tokens", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Linear-attention chunk"), SCV_TR("Unit", "tokens"), K::integer, 0, 1024, "model", {},
         SCV_TR("scoville::WorkloadKeys", "Tokens per chunk of a prompt's linear attention (the chunked delta rule, Mamba-2's "
         "chunked scan): within a chunk the tokens attend each other as in attention, across chunks they meet through "
         "the state. 0: the model's (its linear.chunk_tokens: 64, flash-linear-attention's chunk_gated_delta_rule, for "
         "Gated DeltaNet; a Mamba-2 config's chunk_size)."),
         SCV_INT(linear_chunk_tokens)});
    add({"custom_allreduce_mb", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Engine all-reduce limit"), SCV_TR("Unit", "MB"), K::real, 0, 1000000, "", {},
         SCV_TR("scoville::WorkloadKeys", "The largest all-reduce the engine runs with its own one-shot and two-shot kernels, its "
         "workspace (TensorRT-LLM: 16 MB at TP <= 2, 8 MB above; vLLM: 8 MiB); a larger one goes to the vendor library (NCCL, "
         "RCCL), which pays the chip's collective library latency and window. 0 = every all-reduce through the library."),
         SCV_REAL(custom_allreduce_mb)});
    add({"requests", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Requests in the run"), SCV_TR("Unit", "requests"), K::integer, 0, 1000000000, "steady", {},
         SCV_TR("scoville::WorkloadKeys", "Requests issued at once and served to the last, as a benchmark runs them (trtllm-bench: 1,000-30,000 "
         "by length; MLPerf offline: at least 600 s of samples); the throughput includes the tail in which the "
         "batch drains. 0 = a steady stream."), SCV_INT(requests)});
    add({"spec_tokens", SCV_TR("scoville::WorkloadKeys", "Speculative decoding"), SCV_TR("scoville::WorkloadKeys", "Draft tokens"), SCV_TR("Unit", "tokens"), K::integer, 0, 16, "off", {},
         SCV_TR("scoville::WorkloadKeys", "Tokens drafted per step and verified in one pass of the target; 0 = off."), SCV_INT(spec_tokens)});
    add({"spec_accept", SCV_TR("scoville::WorkloadKeys", "Speculative decoding"), SCV_TR("scoville::WorkloadKeys", "Acceptance"), "", K::real, 0, 1, "", {},
         SCV_TR("scoville::WorkloadKeys", "Probability a drafted token is accepted (DeepSeek-V3 MTP: 0.85-0.9 for the second token)."),
         SCV_REAL(spec_accept)});
    add({"draft_model", SCV_TR("scoville::WorkloadKeys", "Speculative decoding"), SCV_TR("scoville::WorkloadKeys", "Draft model"), "", K::text, 0, 0, "", {},
         SCV_TR("scoville::WorkloadKeys", "Model id of a separate draft model; empty = MTP layers of the target."), SCV_TEXT(draft_model)});
    add({"expert_imbalance", SCV_TR("scoville::WorkloadKeys", "Mixture of experts"), SCV_TR("scoville::WorkloadKeys", "Expert imbalance"), SCV_TR("Unit", "x"), K::real, 0, 64, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Routed load of the busiest expert-parallel rank / the mean (TensorRT-LLM DeepSeek-R1 at EP32: 1.11 "
         "with EPLB, 2.56 without). auto: 1 at EP 1; above, from the model's routing skew (moe.routing_alpha: the "
         "power law of tokens per expert, as aiconfigurator draws MoE workloads; Qwen3-235B at EP 8: about 2), or 1.1 "
         "where the model's skew is not known, times the busiest rank's extra expert where EP does not divide the "
         "experts (Mixtral's 8 over EP 6: 2 on the busiest against 1.33 on average)."), SCV_REAL(expert_imbalance)});
    add({"moe_pair_bytes", SCV_TR("scoville::WorkloadKeys", "Mixture of experts"), SCV_TR("scoville::WorkloadKeys", "Traffic per routed token"), SCV_TR("Unit", "B"), K::real, 0, 256, "auto", {},
         SCV_TR("scoville::WorkloadKeys", "Bytes each routed copy of a token moves per hidden element outside the expert GEMMs: the expand into "
         "expert order, activation quantisation and the weighted sum back (auto: 4 at bf16, 5.2 at fp8 and int8, "
         "16.3 at fp4, from TensorRT-LLM fused-MoE kernel timings on H100, H200 and B200)."), SCV_REAL(moe_pair_bytes)});
    add({"moe_tile_tokens", SCV_TR("scoville::WorkloadKeys", "Mixture of experts"), SCV_TR("scoville::WorkloadKeys", "Expert GEMM token tile"), SCV_TR("Unit", "tokens"), K::integer, 0, 1024, "", {},
         SCV_TR("scoville::WorkloadKeys", "Tokens per tile of the grouped expert GEMMs at most: each expert's tokens fill whole tiles, so its last "
         "tile is part empty (half on average where the experts' loads vary), and an expert with fewer tokens takes one tile of "
         "its size. 128: TensorRT-LLM's MoE kernels choose their tile from the tokens per expert up to 128 "
         "(calculate_tile_tokens_dim); DeepGEMM pads each expert's rows to 128. 0: the tiles are full."), SCV_INT(moe_tile_tokens)});
    add({"moe_dispatch", SCV_TR("scoville::WorkloadKeys", "Mixture of experts"), SCV_TR("scoville::WorkloadKeys", "Token exchange"), "", K::choice, 0, 2, "", {"auto", "allgather", "alltoall"},
         SCV_TR("scoville::WorkloadKeys", "How tokens of several attention ranks reach the experts. allgather: every rank gathers all the "
         "group's tokens, runs the MoE op on each of them and returns the sums by a reduce-scatter (TensorRT-LLM on 8-GPU nodes, "
         "vLLM); alltoall: only the rows routed to a rank travel (DeepEP; TensorRT-LLM on NVL72). auto: all-to-all where the "
         "scale-up domain holds 72 chips or more and the experts are not split, or the group spans several domains; "
         "all-gather otherwise (NVIDIA aiconfigurator's rule for TensorRT-LLM)."),
         [](const Scenario& s) { return std::string(to_string(s.moe_dispatch)); },
         [](Scenario& s, double v, std::string_view) { s.moe_dispatch = static_cast<MoeDispatch>(std::lround(v)); }});
    add({"comm_overlap", SCV_TR("scoville::WorkloadKeys", "Engine"), SCV_TR("scoville::WorkloadKeys", "Communication overlap"), "", K::real, 0, 1, "", {},
         SCV_TR("scoville::WorkloadKeys", "Fraction of collective time hidden behind the layer's other ops (0: engines run the all-reduce between "
         "GEMMs; two-batch overlap hides most of an all-to-all)."), SCV_REAL(comm_overlap)});
    add({"prefill_chips", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill chips"), "", K::integer, -1, 1000000, "off", {},
         SCV_TR("scoville::WorkloadKeys", "Chips of the prefill pool (with decode_chips); 0 = one pool does both; -1 = the best split of chips."),
         SCV_INT(prefill_chips)});
    add({"decode_chips", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Decode chips"), "", K::integer, -1, 1000000, "off", {},
         SCV_TR("scoville::WorkloadKeys", "Chips of the decode pool (prefill_chips + decode_chips = chips); -1 with prefill_chips -1."),
         SCV_INT(decode_chips)});
    add({"prefill_tp", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill tensor parallel"), "", K::integer, 0, 1000000, "shared", {},
         SCV_TR("scoville::WorkloadKeys", "The prefill pool's tensor-parallel degree; shared (0) = tp, given or auto, as the decode pool takes it."),
         SCV_INT(prefill_tp)});
    add({"prefill_pp", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill pipeline stages"), "", K::integer, 0, 1000000, "shared", {},
         SCV_TR("scoville::WorkloadKeys", "The prefill pool's pipeline stages; shared (0) = pp, as the decode pool takes it."),
         SCV_INT(prefill_pp)});
    add({"prefill_ep", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill expert parallel"), "", K::integer, 0, 1000000, "shared", {},
         SCV_TR("scoville::WorkloadKeys", "The prefill pool's expert-parallel degree; shared (0) = ep, as the decode pool takes it."),
         SCV_INT(prefill_ep)});
    add({"prefill_attention_dp", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill attention DP"), "", K::integer, 0, 1000000, "shared", {},
         SCV_TR("scoville::WorkloadKeys", "The prefill pool's attention data-parallel ranks; shared (0) = attention_dp, as the decode pool takes it."),
         SCV_INT(prefill_attention_dp)});
    add({"prefill_chip", SCV_TR("scoville::WorkloadKeys", "Disaggregation"), SCV_TR("scoville::WorkloadKeys", "Prefill chip"), "", K::text, 0, 0, "", {},
         SCV_TR("scoville::WorkloadKeys", "Chip id of the prefill pool; empty = the design's chip."), SCV_TEXT(prefill_chip)});
    add({"ttft_slo_s", SCV_TR("scoville::WorkloadKeys", "Limits"), SCV_TR("scoville::WorkloadKeys", "TTFT p99 limit"), SCV_TR("Unit", "s"), K::limit, 0, 1e6, "none", {},
         SCV_TR("scoville::WorkloadKeys", "p99 time-to-first-token limit; empty = none (MLPerf Llama-2-70B server: 2 s)."), SCV_LIMIT(ttft_slo_s)});
    add({"tpot_slo_s", SCV_TR("scoville::WorkloadKeys", "Limits"), SCV_TR("scoville::WorkloadKeys", "TPOT p99 limit"), SCV_TR("Unit", "s"), K::limit, 0, 1e6, "none", {},
         SCV_TR("scoville::WorkloadKeys", "p99 time-per-output-token limit; empty = none (MLPerf Llama-2-70B server: 0.2 s)."), SCV_LIMIT(tpot_slo_s)});
    // clang-format on
    // Where a key can change the result: outside that, a form greys it out and says when it applies, and an
    // evaluation warns where it holds a value of its own.
    auto applies = [&](std::string_view key, bool (*when)(const Scenario&, const ModelSpec&), std::string_view text) {
        for (WorkloadKey& w : k)
            if (w.key == key) {
                w.applies = when;
                w.applies_when = text;
            }
    };
    static const Scenario defaults;
    auto holds = [&](std::string_view key, bool (*own)(const Scenario&)) {
        for (WorkloadKey& w : k)
            if (w.key == key) w.holds_value = own;
    };
#define SCV_HOLDS(field) holds(#field, [](const Scenario& s) { return s.field != defaults.field; })
    // An expert-parallel degree of its own is more than one: auto (0) and none (1) choose none.
    holds("ep", [](const Scenario& s) { return s.ep > 1; });
    SCV_HOLDS(expert_imbalance);
    SCV_HOLDS(moe_pair_bytes);
    SCV_HOLDS(moe_tile_tokens);
    SCV_HOLDS(moe_dispatch);
    SCV_HOLDS(spec_accept);
    SCV_HOLDS(draft_model);
    SCV_HOLDS(prefill_tp);
    SCV_HOLDS(prefill_pp);
    SCV_HOLDS(prefill_ep);
    SCV_HOLDS(prefill_attention_dp);
    SCV_HOLDS(prefill_chip);
    SCV_HOLDS(attention_dp_balance);
    holds("chunked_decode", [](const Scenario& s) { return s.chunked_decode_full != defaults.chunked_decode_full; });
    holds("chunked_kv", [](const Scenario& s) { return s.chunked_kv_whole != defaults.chunked_kv_whole; });
    SCV_HOLDS(host_active_share);
    holds("state_precision", [](const Scenario& s) { return s.state_format != defaults.state_format; });
    SCV_HOLDS(linear_chunk_tokens);
#undef SCV_HOLDS
    using M = ModelSpec;
    const auto moe = [](const Scenario&, const M& m) { return m.is_moe(); };
    const auto moe_text = SCV_TR("scoville::WorkloadKeys", "on a mixture-of-experts model");
    for (std::string_view key : {"ep", "expert_imbalance", "moe_pair_bytes", "moe_tile_tokens", "moe_dispatch"})
        applies(key, moe, moe_text);
    // Ranks that take their prompt chunks together or alone differ only where there are several.
    applies("attention_dp_balance", [](const Scenario& s, const M&) { return s.attention_dp != 1; },
            SCV_TR("scoville::WorkloadKeys", "with attention data parallelism (DP auto or above 1)"));
    // The loop's walk over held requests tells only where a rank holds several micro-batches.
    applies("host_active_share", [](const Scenario& s, const M&) { return s.pp != 1 || s.prefill_pp > 1; },
            SCV_TR("scoville::WorkloadKeys", "with pipeline stages (PP auto or above 1)"));
    // Estimated defaults and their ends (WorkloadKey::estimate_ends): the share fitted to one row, 0.4-0.8 (see its
    // description); the ranks' prompt chunks, which measured attention-DP runs of uniform requests show between
    // each rank scheduling its own (off, the default) and the ranks' taking them together (on): Scout and
    // Qwen3-235B near the first, Maverick's long prompts nearer the second (tests/data/validation-extra.csv).
    auto ends = [&](std::string_view key, std::vector<std::string_view> values) {
        for (WorkloadKey& w : k)
            if (w.key == key) w.estimate_ends = std::move(values);
    };
    ends("host_active_share", {"0.4", "0.8"});
    ends("attention_dp_balance", {"on"});
    const auto chunked = [](const Scenario&, const M& m) { return m.has_chunked_attention(); };
    const auto chunked_text = SCV_TR("scoville::WorkloadKeys", "on a model with chunked local attention (Llama 4)");
    applies("chunked_decode", chunked, chunked_text);
    applies("chunked_kv", chunked, chunked_text);
    const auto linear = [](const Scenario&, const M& m) { return m.has_linear_attention(); };
    const auto linear_text = SCV_TR("scoville::WorkloadKeys", "on a model with linear-attention or Mamba-2 layers (Qwen3-Next, Nemotron 3)");
    applies("state_precision", linear, linear_text);
    applies("linear_chunk_tokens", linear, linear_text);
    const auto drafting = [](const Scenario& s, const M&) { return s.spec_tokens > 0; };
    const auto drafting_text = SCV_TR("scoville::WorkloadKeys", "with draft tokens");
    applies("spec_accept", drafting, drafting_text);
    applies("draft_model", drafting, drafting_text);
    const auto pools = [](const Scenario& s, const M&) { return s.disaggregated(); };
    const auto pools_text = SCV_TR("scoville::WorkloadKeys", "with prefill/decode pools (prefill and decode chips set)");
    for (std::string_view key : {"prefill_tp", "prefill_pp", "prefill_attention_dp", "prefill_chip"})
        applies(key, pools, pools_text);
    applies("prefill_ep", [](const Scenario& s, const M& m) { return s.disaggregated() && m.is_moe(); },
            SCV_TR("scoville::WorkloadKeys", "with prefill/decode pools on a mixture-of-experts model"));
    return k;
}

#undef SCV_INT
#undef SCV_REAL
#undef SCV_PRECISION
#undef SCV_LIMIT
#undef SCV_TEXT

Error unknown(std::string_view key) {
    std::string keys;
    for (const auto& k : workload_keys()) keys += (keys.empty() ? "" : ", ") + std::string(k.key);
    return Error{"unknown workload key '" + std::string(key) + "' (keys: " + keys + ")"};
}

}  // namespace

bool workload_key_applies(const WorkloadKey& key, const Scenario& s, const ModelSpec& model) {
    return !key.applies || key.applies(s, model);
}

bool workload_key_holds_value(const WorkloadKey& key, const Scenario& s) {
    static const Scenario defaults;
    return key.holds_value ? key.holds_value(s) : key.get(s) != key.get(defaults);
}

std::span<const WorkloadKey> workload_keys() {
    static const std::vector<WorkloadKey> keys = build();
    return keys;
}

const WorkloadKey* find_workload_key(std::string_view key) {
    return find_by_key(workload_keys(), key);
}

Result<std::string> get_workload_text(const Scenario& s, std::string_view key) {
    const WorkloadKey* k = find_workload_key(key);
    if (!k) return unknown(key);
    return k->get(s);
}

Status set_workload_text(Scenario& s, std::string_view key, std::string_view text) {
    const WorkloadKey* k = find_workload_key(key);
    if (!k) return unknown(key);
    const std::string name(key);
    if (k->kind == WorkloadKeyKind::text) {
        if (k->check)
            if (auto st = k->check(text); !st) return st;
        k->set(s, 0, text);
        return Ok{};
    }
    if (k->kind == WorkloadKeyKind::choice) {
        std::string allowed;
        for (size_t i = 0; i < k->choices.size(); ++i) {
            if (k->choices[i] == text || (name == "kv_allocation" && text == "on-demand" && i == 1)) {
                k->set(s, static_cast<double>(i), text);
                return Ok{};
            }
            allowed += (allowed.empty() ? "" : ", ") + std::string(k->choices[i]);
        }
        return Error::of({"Error", SCV_TR("Error", "workload '%1': '%2' is not one of %3"),
                          {name, std::string(text), allowed}});
    }
    if (k->kind == WorkloadKeyKind::limit && (text.empty() || text == k->zero_text)) {
        k->set(s, 0, text);
        return Ok{};
    }
    double v = 0;
    if (!k->zero_text.empty() && text == k->zero_text) {
        v = 0;
    } else if (text == "auto" && (name == "prefill_chips" || name == "decode_chips")) {
        v = -1;
    } else {
        auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (text.empty() || ec != std::errc() || p != text.data() + text.size() || !std::isfinite(v))
            return Error::of(
                {"Error", SCV_TR("Error", "workload '%1': '%2' is not a number"), {name, std::string(text)}});
    }
    const double lo = k->kind == WorkloadKeyKind::limit ? 0.0 : k->min;
    if (v < lo || v > k->max || (k->kind == WorkloadKeyKind::limit && v <= 0)) {
        char range[96];
        std::snprintf(range, sizeof range, "[%g, %g]", lo, k->max);
        return Error::of(
            {"Error", SCV_TR("Error", "workload '%1': %2 is out of range %3"), {name, std::string(text), range}});
    }
    if (k->kind == WorkloadKeyKind::integer && v != std::round(v))
        return Error::of(
            {"Error", SCV_TR("Error", "workload '%1': %2 must be a whole number"), {name, std::string(text)}});
    k->set(s, v, text);
    return Ok{};
}

}  // namespace scoville
