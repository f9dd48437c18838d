#pragma once
// Decoder-only transformer descriptions (dense, GQA/MQA, MoE, MLA) and the serving scenario.
#include <optional>
#include <string>
#include <string_view>

#include "core/hw/precision.hpp"
#include "core/util/result.hpp"

namespace scoville {

struct MoeSpec {
    int experts = 0;             // routed experts per MoE layer; 0 = dense model
    int top_k = 0;               // routed experts per token
    int shared_experts = 0;      // always-active experts
    int expert_ffn = 0;          // intermediate size of one expert
    int first_dense_layers = 0;  // leading layers with a dense FFN (DeepSeek-V3: 3)
    friend bool operator==(const MoeSpec&, const MoeSpec&) = default;
};

struct MlaSpec {
    int q_lora_rank = 0;         // 0 = no MLA
    int kv_lora_rank = 0;
    int qk_nope_head_dim = 0;
    int qk_rope_head_dim = 0;
    int v_head_dim = 0;
    friend bool operator==(const MlaSpec&, const MlaSpec&) = default;
};

struct ModelSpec {
    std::string id;
    std::string name;
    std::string source;
    int layers = 0;
    int hidden = 0;
    int heads = 0;
    int kv_heads = 0;            // == heads: MHA; 1: MQA; otherwise GQA
    int head_dim = 0;
    int ffn = 0;                 // intermediate size of the dense FFN
    bool gated_ffn = true;       // SwiGLU: gate + up + down
    int vocab = 0;
    int sliding_window = 0;      // tokens; 0 = full attention everywhere
    int sliding_window_every = 0;  // every n-th layer is full attention, the rest sliding (gpt-oss: 2)
    MoeSpec moe;
    MlaSpec mla;
    friend bool operator==(const ModelSpec&, const ModelSpec&) = default;

    [[nodiscard]] bool is_moe() const { return moe.experts > 0; }
    [[nodiscard]] bool is_mla() const { return mla.kv_lora_rank > 0; }
    [[nodiscard]] double parameters() const;         // total weights (count)
    [[nodiscard]] double active_parameters() const;  // per token
};

enum class PhaseSelect { both, prefill, decode };

struct Scenario {
    int batch = 1;               // concurrent sequences; 0 = auto (max throughput within limits)
    int input_len = 1024;        // prompt tokens per request
    int output_len = 256;        // generated tokens per request
    // Spread of the request mix: coefficient of variation (standard deviation / mean) of the prompt
    // and output lengths over the requests; 0 = every request has the mean lengths. input_len and
    // output_len are the means. (MLPerf OpenOrca and Mixtral sets: ~0.77 and ~0.79.)
    double input_len_cv = 0.0;
    double output_len_cv = 0.0;
    Precision weight_precision = Precision::bf16;
    Precision activation_precision = Precision::bf16;  // GEMM compute precision
    Precision kv_precision = Precision::bf16;
    int chips = 1;               // total; a replica spans tp x pp chips; replicas = chips / (tp x pp)
    int tp = 1;
    int pp = 1;
    int ep = 1;                  // experts spread over ep chips of the tp group (ep divides tp)
    std::optional<double> ttft_slo_s;
    std::optional<double> tpot_slo_s;
    friend bool operator==(const Scenario&, const Scenario&) = default;
};

Result<ModelSpec> model_from_json(std::string_view text, std::string_view origin);
std::string model_to_json(const ModelSpec& model, int indent = 2);
Status validate_model(const ModelSpec& model);
Status validate_scenario(const Scenario& scenario, const ModelSpec& model);

}  // namespace scoville
