// Models read from a Hugging Face model repository's config.json: the published configurations of the library's
// models give the library's models (their files were written from those configurations, each cited in its
// "source"), other published models give their published parameter totals, and what the model cannot represent
// is refused with the key that says so.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/library/library.hpp"
#include "core/perf/lower.hpp"
#include "core/workload/hf_config.hpp"

using namespace scoville;

namespace {

struct Published {
    const char* library_id;
    const char* config;  // the published config.json's architecture keys, with some of the keys it has beside them
};

// Published configurations (the repositories named in each library file's "source"), keys as they stand there.
const Published kPublished[] = {
    {"llama-2-7b", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_act": "silu",
        "hidden_size": 4096, "intermediate_size": 11008, "num_attention_heads": 32, "num_hidden_layers": 32,
        "num_key_value_heads": 32, "vocab_size": 32000, "max_position_embeddings": 4096, "rms_norm_eps": 1e-05,
        "rope_scaling": null, "tie_word_embeddings": false, "torch_dtype": "float16"})"},
    {"llama-2-70b", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 8192,
        "intermediate_size": 28672, "num_attention_heads": 64, "num_hidden_layers": 80, "num_key_value_heads": 8,
        "vocab_size": 32000, "max_position_embeddings": 4096, "pretraining_tp": 1})"},
    {"llama-3.1-8b", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 4096,
        "intermediate_size": 14336, "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
        "vocab_size": 128256, "max_position_embeddings": 131072, "rope_theta": 500000.0,
        "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                         "original_max_position_embeddings": 8192, "rope_type": "llama3"}})"},
    {"llama-3.1-70b", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 8192,
        "intermediate_size": 28672, "num_attention_heads": 64, "num_hidden_layers": 80, "num_key_value_heads": 8,
        "vocab_size": 128256, "max_position_embeddings": 131072,
        "rope_scaling": {"factor": 8.0, "rope_type": "llama3"}})"},
    {"llama-3.1-405b", R"({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 16384,
        "intermediate_size": 53248, "num_attention_heads": 128, "num_hidden_layers": 126, "num_key_value_heads": 8,
        "vocab_size": 128256, "max_position_embeddings": 131072})"},
    {"mixtral-8x7b", R"({"architectures": ["MixtralForCausalLM"], "model_type": "mixtral", "hidden_size": 4096,
        "intermediate_size": 14336, "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
        "num_local_experts": 8, "num_experts_per_tok": 2, "output_router_logits": false, "sliding_window": null,
        "vocab_size": 32000, "max_position_embeddings": 32768, "router_aux_loss_coef": 0.02})"},
    {"qwen3-30b-a3b", R"({"architectures": ["Qwen3MoeForCausalLM"], "model_type": "qwen3_moe", "decoder_sparse_step": 1,
        "head_dim": 128, "hidden_size": 2048, "intermediate_size": 6144, "max_position_embeddings": 40960,
        "max_window_layers": 48, "mlp_only_layers": [], "moe_intermediate_size": 768, "norm_topk_prob": true,
        "num_attention_heads": 32, "num_experts": 128, "num_experts_per_tok": 8, "num_hidden_layers": 48,
        "num_key_value_heads": 4, "sliding_window": null, "tie_word_embeddings": false, "use_sliding_window": false,
        "vocab_size": 151936})"},
    {"qwen3-235b-a22b", R"({"architectures": ["Qwen3MoeForCausalLM"], "model_type": "qwen3_moe",
        "decoder_sparse_step": 1, "head_dim": 128, "hidden_size": 4096, "intermediate_size": 12288,
        "max_position_embeddings": 40960, "mlp_only_layers": [], "moe_intermediate_size": 1536,
        "num_attention_heads": 64, "num_experts": 128, "num_experts_per_tok": 8, "num_hidden_layers": 94,
        "num_key_value_heads": 4, "tie_word_embeddings": false, "use_sliding_window": false, "vocab_size": 151936})"},
    {"deepseek-v3", R"({"architectures": ["DeepseekV3ForCausalLM"], "model_type": "deepseek_v3", "hidden_size": 7168,
        "intermediate_size": 18432, "kv_lora_rank": 512, "max_position_embeddings": 163840,
        "moe_intermediate_size": 2048, "moe_layer_freq": 1, "n_group": 8, "n_routed_experts": 256,
        "n_shared_experts": 1, "num_attention_heads": 128, "num_experts_per_tok": 8, "num_hidden_layers": 61,
        "num_key_value_heads": 128, "num_nextn_predict_layers": 1, "first_k_dense_replace": 3,
        "q_lora_rank": 1536, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "v_head_dim": 128,
        "rope_scaling": {"beta_fast": 32, "beta_slow": 1, "factor": 40, "type": "yarn"},
        "tie_word_embeddings": false, "topk_method": "noaux_tc", "vocab_size": 129280})"},
    {"gpt-oss-120b", R"({"architectures": ["GptOssForCausalLM"], "model_type": "gpt_oss", "experts_per_token": 4,
        "head_dim": 64, "hidden_size": 2880, "intermediate_size": 2880, "layer_types": [
        "sliding_attention", "full_attention", "sliding_attention", "full_attention", "sliding_attention",
        "full_attention", "sliding_attention", "full_attention", "sliding_attention", "full_attention",
        "sliding_attention", "full_attention", "sliding_attention", "full_attention", "sliding_attention",
        "full_attention", "sliding_attention", "full_attention", "sliding_attention", "full_attention",
        "sliding_attention", "full_attention", "sliding_attention", "full_attention", "sliding_attention",
        "full_attention", "sliding_attention", "full_attention", "sliding_attention", "full_attention",
        "sliding_attention", "full_attention", "sliding_attention", "full_attention", "sliding_attention",
        "full_attention"], "max_position_embeddings": 131072, "num_attention_heads": 64, "num_experts_per_tok": 4,
        "num_hidden_layers": 36, "num_key_value_heads": 8, "num_local_experts": 128,
        "rope_scaling": {"beta_fast": 32.0, "beta_slow": 1.0, "factor": 32.0, "original_max_position_embeddings": 4096,
                         "rope_type": "yarn", "truncate": false}, "sliding_window": 128, "swiglu_limit": 7.0,
        "tie_word_embeddings": false, "vocab_size": 201088})"},
    {"llama-4-scout", R"({"architectures": ["Llama4ForConditionalGeneration"], "model_type": "llama4",
        "text_config": {"attention_chunk_size": 8192, "head_dim": 128, "hidden_size": 5120, "intermediate_size": 8192,
        "intermediate_size_mlp": 16384, "interleave_moe_layer_step": 1, "max_position_embeddings": 10485760,
        "model_type": "llama4_text", "no_rope_layers": [], "num_attention_heads": 40, "num_experts_per_tok": 1,
        "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 16, "vocab_size": 202048},
        "vision_config": {"hidden_size": 1408, "num_hidden_layers": 34}, "tie_word_embeddings": false})"},
    {"llama-4-maverick", R"({"architectures": ["Llama4ForConditionalGeneration"], "model_type": "llama4",
        "text_config": {"attention_chunk_size": 8192, "head_dim": 128, "hidden_size": 5120, "intermediate_size": 8192,
        "intermediate_size_mlp": 16384, "interleave_moe_layer_step": 2, "max_position_embeddings": 1048576,
        "model_type": "llama4_text", "no_rope_layers": [1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0,
        1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0,1,1,1,0], "num_attention_heads": 40, "num_experts_per_tok": 1,
        "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 128, "vocab_size": 202048},
        "vision_config": {"hidden_size": 1408}})"},
    {"qwen3-next-80b-a3b", R"({"architectures": ["Qwen3NextForCausalLM"], "model_type": "qwen3_next",
        "decoder_sparse_step": 1, "full_attention_interval": 4, "head_dim": 256, "hidden_act": "silu",
        "hidden_size": 2048, "intermediate_size": 5120, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128,
        "linear_num_key_heads": 16, "linear_num_value_heads": 32, "linear_value_head_dim": 128,
        "max_position_embeddings": 262144, "mlp_only_layers": [], "moe_intermediate_size": 512, "norm_topk_prob": true,
        "num_attention_heads": 16, "num_experts": 512, "num_experts_per_tok": 10, "num_hidden_layers": 48,
        "num_key_value_heads": 2, "partial_rotary_factor": 0.25, "rope_scaling": null, "rope_theta": 5000000,
        "shared_expert_intermediate_size": 512, "tie_word_embeddings": false, "use_sliding_window": false,
        "vocab_size": 151936})"},
    {"qwen3-32b", R"({"architectures": ["Qwen3ForCausalLM"], "model_type": "qwen3", "attention_bias": false,
        "head_dim": 128, "hidden_act": "silu", "hidden_size": 5120, "intermediate_size": 25600,
        "max_position_embeddings": 40960, "max_window_layers": 64, "num_attention_heads": 64, "num_hidden_layers": 64,
        "num_key_value_heads": 8, "rms_norm_eps": 1e-06, "rope_scaling": null, "rope_theta": 1000000,
        "sliding_window": null, "tie_word_embeddings": false, "use_sliding_window": false, "vocab_size": 151936})"},
    {"qwen3-coder-480b-a35b", R"({"architectures": ["Qwen3MoeForCausalLM"], "model_type": "qwen3_moe",
        "decoder_sparse_step": 1, "head_dim": 128, "hidden_act": "silu", "hidden_size": 6144, "intermediate_size": 8192,
        "max_position_embeddings": 262144, "mlp_only_layers": [], "moe_intermediate_size": 2560, "norm_topk_prob": true,
        "num_attention_heads": 96, "num_experts": 160, "num_experts_per_tok": 8, "num_hidden_layers": 62,
        "num_key_value_heads": 8, "rope_theta": 10000000, "shared_expert_intermediate_size": 0,
        "tie_word_embeddings": false, "use_qk_norm": true, "vocab_size": 151936})"},
    {"qwen3.5-397b-a17b", R"({"architectures": ["Qwen3_5MoeForConditionalGeneration"], "model_type": "qwen3_5_moe",
        "text_config": {"model_type": "qwen3_5_moe_text", "attn_output_gate": true, "full_attention_interval": 4,
        "head_dim": 256, "hidden_size": 4096, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128,
        "linear_num_key_heads": 16, "linear_num_value_heads": 64, "linear_value_head_dim": 128,
        "max_position_embeddings": 262144, "moe_intermediate_size": 1024, "mtp_num_hidden_layers": 1,
        "num_attention_heads": 32, "num_experts": 512, "num_experts_per_tok": 10, "num_hidden_layers": 60,
        "num_key_value_heads": 2, "partial_rotary_factor": 0.25, "shared_expert_intermediate_size": 1024,
        "tie_word_embeddings": false, "vocab_size": 248320}, "vision_config": {"depth": 27},
        "tie_word_embeddings": false})"},
    {"nemotron-3-nano-30b-a3b", R"({"architectures": ["NemotronHForCausalLM"], "attention_bias": false,
        "chunk_size": 128, "conv_kernel": 4, "expand": 2, "head_dim": 128, "hidden_size": 2688,
        "hybrid_override_pattern": "MEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEM*EMEMEMEM*EMEMEMEME", "intermediate_size": 1856,
        "mamba_head_dim": 64, "mamba_hidden_act": "silu", "mamba_num_heads": 64, "mamba_ssm_cache_dtype": "float32",
        "max_position_embeddings": 262144, "mlp_hidden_act": "relu2", "model_type": "nemotron_h",
        "moe_intermediate_size": 1856, "moe_shared_expert_intermediate_size": 3712, "n_group": 1, "n_groups": 8,
        "n_routed_experts": 128, "n_shared_experts": 1, "norm_topk_prob": true, "num_attention_heads": 32,
        "num_experts_per_tok": 6, "num_hidden_layers": 52, "num_key_value_heads": 2, "rope_theta": 10000,
        "routed_scaling_factor": 2.5, "sliding_window": null, "ssm_state_size": 128, "tie_word_embeddings": false,
        "use_conv_bias": true, "vocab_size": 131072})"},
    {"nemotron-3-super-120b-a12b", R"({"architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h",
        "chunk_size": 128, "conv_kernel": 4, "head_dim": 128, "hidden_size": 4096,
        "hybrid_override_pattern": "MEMEMEM*EMEMEMEM*EMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEMEM*EMEMEMEM*EMEMEMEME",
        "mamba_head_dim": 64, "mamba_num_heads": 128,
        "max_position_embeddings": 262144, "mlp_hidden_act": "relu2", "moe_intermediate_size": 2688,
        "moe_latent_size": 1024, "moe_shared_expert_intermediate_size": 5376, "mtp_hybrid_override_pattern": "*E",
        "n_groups": 8, "n_routed_experts": 512, "n_shared_experts": 1, "num_attention_heads": 32,
        "num_experts_per_tok": 22, "num_hidden_layers": 88, "num_key_value_heads": 2, "num_nextn_predict_layers": 1,
        "routed_scaling_factor": 5.0, "ssm_state_size": 128, "tie_word_embeddings": false, "vocab_size": 131072})"},
};

ModelSpec read(const char* config, const char* id = "test") {
    auto m = model_from_hf_config(config, id);
    EXPECT_TRUE(m.ok()) << (m.ok() ? "" : m.error().message);
    return m.ok() ? *m : ModelSpec{};
}

std::string refusal(const std::string& config) {
    auto m = model_from_hf_config(config, "test", {}, "cfg.json");
    return m.ok() ? std::string("accepted") : m.error().message;
}

}  // namespace

TEST(HfConfig, PublishedConfigurationsGiveTheLibrarysModels) {
    for (const Published& p : kPublished) {
        SCOPED_TRACE(p.library_id);
        ASSERT_TRUE(looks_like_hf_config(p.config));
        const ModelSpec got = read(p.config, p.library_id);
        auto want = load_model(p.library_id);
        ASSERT_TRUE(want.ok()) << want.error().message;
        // Everything but what the file cannot say (name, source, the routing skew's estimate).
        ModelSpec same = *want;
        same.name = got.name;
        same.source = got.source;
        same.moe.routing_alpha = got.moe.routing_alpha;
        same.moe.routing_alpha_low = got.moe.routing_alpha_low;
        same.moe.routing_alpha_high = got.moe.routing_alpha_high;
        // Qwen3-Next's multi-token-prediction layer is in its checkpoint's tensors (mtp.*), which its config.json as
        // transcribed here does not name.
        if (std::string_view(p.library_id) == "qwen3-next-80b-a3b") same.mtp_layers = got.mtp_layers;
        EXPECT_EQ(got, same) << model_to_json(got) << "\nlibrary:\n" << model_to_json(*want);
        EXPECT_DOUBLE_EQ(got.parameters(), want->parameters());
        EXPECT_EQ(got.moe.routing_alpha, 0.0);  // no skew known
    }
}

TEST(HfConfig, OtherPublishedModelsGiveTheirPublishedTotals) {
    // Qwen1.5-MoE-A2.7B (Qwen/Qwen1.5-MoE-A2.7B config.json): a shared expert of 5632 = 4 x 1408, 60 experts;
    // Qwen's model card: 14.3B parameters.
    const ModelSpec qwen_moe = read(R"({"architectures": ["Qwen2MoeForCausalLM"], "model_type": "qwen2_moe",
        "decoder_sparse_step": 1, "hidden_size": 2048, "intermediate_size": 5632, "max_position_embeddings": 8192,
        "moe_intermediate_size": 1408, "num_attention_heads": 16, "num_experts": 60, "num_experts_per_tok": 4,
        "num_hidden_layers": 24, "num_key_value_heads": 16, "shared_expert_intermediate_size": 5632,
        "tie_word_embeddings": false, "use_sliding_window": false, "vocab_size": 151936})");
    EXPECT_EQ(qwen_moe.moe.shared_experts, 4);
    EXPECT_EQ(qwen_moe.head_dim, 128);  // 2048 / 16
    EXPECT_NEAR(qwen_moe.parameters() / 1e9, 14.3, 0.01 * 14.3);
    // DeepSeek-V2-Lite (deepseek-ai/DeepSeek-V2-Lite config.json): no query compression (q_lora_rank null), one
    // dense layer first; DeepSeek's model card: 15.7B parameters.
    const ModelSpec lite = read(R"({"architectures": ["DeepseekV2ForCausalLM"], "model_type": "deepseek_v2",
        "first_k_dense_replace": 1, "hidden_size": 2048, "intermediate_size": 10944, "kv_lora_rank": 512,
        "max_position_embeddings": 163840, "moe_intermediate_size": 1408, "moe_layer_freq": 1, "n_routed_experts": 64,
        "n_shared_experts": 2, "num_attention_heads": 16, "num_experts_per_tok": 6, "num_hidden_layers": 27,
        "num_key_value_heads": 16, "q_lora_rank": null, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
        "rope_scaling": {"type": "yarn", "factor": 40}, "v_head_dim": 128, "vocab_size": 102400})");
    EXPECT_EQ(lite.mla.q_lora_rank, 0);
    EXPECT_EQ(lite.moe.first_dense_layers, 1);
    EXPECT_EQ(lite.rope, RopeKind::yarn);
    EXPECT_NEAR(lite.parameters() / 1e9, 15.7, 0.01 * 15.7);
    // GLM-4.5-Air (zai-org/GLM-4.5-Air config.json): DeepSeek-V3's experts behind grouped-query attention whose
    // 96 heads of 128 are three times the hidden size; Z.ai: 106B total parameters (its MTP layer not counted here).
    const ModelSpec glm = read(R"({"architectures": ["Glm4MoeForCausalLM"], "attention_bias": true,
        "first_k_dense_replace": 1, "head_dim": 128, "hidden_act": "silu", "hidden_size": 4096,
        "intermediate_size": 10944, "max_position_embeddings": 131072, "model_type": "glm4_moe",
        "moe_intermediate_size": 1408, "n_group": 1, "n_routed_experts": 128, "n_shared_experts": 1,
        "norm_topk_prob": true, "num_attention_heads": 96, "num_experts_per_tok": 8, "num_hidden_layers": 46,
        "num_key_value_heads": 8, "num_nextn_predict_layers": 1, "partial_rotary_factor": 0.5, "rope_scaling": null,
        "tie_word_embeddings": false, "vocab_size": 151552})");
    EXPECT_EQ(glm.kv_heads, 8);
    EXPECT_EQ(glm.mla.kv_lora_rank, 0);  // no latent attention
    EXPECT_EQ(glm.moe.first_dense_layers, 1);
    EXPECT_NEAR(glm.parameters() / 1e9, 106, 0.01 * 106);
    // Mistral-7B-v0.1 (mistralai/Mistral-7B-v0.1 config.json): a 4096-token window on every layer.
    const ModelSpec mistral = read(R"({"architectures": ["MistralForCausalLM"], "model_type": "mistral",
        "hidden_size": 4096, "intermediate_size": 14336, "max_position_embeddings": 32768, "num_attention_heads": 32,
        "num_hidden_layers": 32, "num_key_value_heads": 8, "sliding_window": 4096, "vocab_size": 32000})");
    EXPECT_EQ(mistral.sliding_window, 4096);
    EXPECT_EQ(mistral.sliding_window_every, 0);  // every layer slides
    EXPECT_EQ(mistral.window_kind, WindowKind::sliding);
    EXPECT_NEAR(mistral.parameters() / 1e9, 7.24, 0.01 * 7.24);  // Mistral AI: 7.3B; 7,241,732,096 in the weights
}

// Gemma 2 and 3: GeGLU FFNs, heads wider than hidden / heads, local layers between global ones, a tied embedding
// (their classes' default, the key left out), and Gemma 3's files leave its class's defaults out.
TEST(HfConfig, GemmaReadsItsLocalLayersAndItsClassDefaults) {
    // google/gemma-2-9b config.json: sliding and global layers alternate (transformers' Gemma 2: layer i slides
    // where i is even).
    const ModelSpec g2 = read(R"({"architectures": ["Gemma2ForCausalLM"], "attn_logit_softcapping": 50.0,
        "final_logit_softcapping": 30.0, "head_dim": 256, "hidden_activation": "gelu_pytorch_tanh",
        "hidden_size": 3584, "intermediate_size": 14336, "max_position_embeddings": 8192, "model_type": "gemma2",
        "num_attention_heads": 16, "num_hidden_layers": 42, "num_key_value_heads": 8, "query_pre_attn_scalar": 256,
        "rope_theta": 10000.0, "sliding_window": 4096, "vocab_size": 256000})");
    EXPECT_EQ(g2.head_dim, 256);  // not 3584 / 16 = 224
    EXPECT_TRUE(g2.gated_ffn);
    EXPECT_EQ(g2.sliding_window, 4096);
    EXPECT_EQ(g2.sliding_window_every, 2);
    EXPECT_TRUE(is_sliding_layer(g2, 0));
    EXPECT_FALSE(is_sliding_layer(g2, 1));
    // 42 layers x (q, o: 2 x 3584 x 4096; k, v: 2 x 3584 x 2048; FFN: 3 x 3584 x 14336) = 42 x 198.18 M = 8.324 B,
    // and the embedding 256000 x 3584 = 0.918 B, the LM head's table too (tied, Gemma's default): 9.241 B, Google's
    // 9.24 B.
    EXPECT_TRUE(g2.tied_embedding);
    EXPECT_NEAR(g2.parameters() / 1e9, 9.241, 0.001 * 9.241);

    // google/gemma-3-12b-it config.json: the language model's keys in text_config, without head_dim, vocab_size,
    // max_position_embeddings or sliding_window_pattern (Gemma3TextConfig's 256, 262208, 131072 and 6).
    const ModelSpec g3 = read(R"({"architectures": ["Gemma3ForConditionalGeneration"], "model_type": "gemma3",
        "text_config": {"hidden_size": 3840, "intermediate_size": 15360, "model_type": "gemma3_text",
            "num_attention_heads": 16, "num_hidden_layers": 48, "num_key_value_heads": 8,
            "rope_scaling": {"factor": 8.0, "rope_type": "linear"}, "sliding_window": 1024},
        "vision_config": {"hidden_size": 1152, "model_type": "siglip_vision_model"}})");
    EXPECT_EQ(g3.head_dim, 256);
    EXPECT_EQ(g3.vocab, 262208);
    EXPECT_EQ(g3.max_context, 131072);
    EXPECT_EQ(g3.sliding_window, 1024);
    EXPECT_EQ(g3.sliding_window_every, 6);
    for (int layer = 0; layer < 12; ++layer)  // layer i global where (i + 1) % 6 == 0: 5 and 11
        EXPECT_EQ(is_sliding_layer(g3, layer), layer != 5 && layer != 11) << layer;
    // 48 x (2 x 3840 x 4096 + 2 x 3840 x 2048 + 3 x 3840 x 15360) = 48 x 224.13 M = 10.758 B, and the embedding
    // 262208 x 3840 = 1.007 B, tied: 11.765 B (Google's 12 B with its 0.4 B vision encoder).
    EXPECT_TRUE(g3.tied_embedding);
    EXPECT_NEAR(g3.parameters() / 1e9, 11.765, 0.001 * 11.765);
    EXPECT_NE(g3.source.find("Gemma3TextConfig): vocab_size 262208, head_dim 256, max_position_embeddings 131072, "
                             "sliding_window_pattern 6."),
              std::string::npos)
        << g3.source;
    EXPECT_NE(g3.source.find("vision encoder is not modelled"), std::string::npos) << g3.source;
    // A file of its own (gemma3_text) that says its pattern and unties its embedding.
    const ModelSpec own = read(R"({"model_type": "gemma3_text", "head_dim": 128, "hidden_size": 1024,
        "intermediate_size": 4096, "max_position_embeddings": 32768, "num_attention_heads": 8, "num_hidden_layers": 8,
        "num_key_value_heads": 4, "sliding_window": 512, "sliding_window_pattern": 4, "tie_word_embeddings": false,
        "vocab_size": 1000})");
    EXPECT_EQ(own.sliding_window_every, 4);
    EXPECT_FALSE(own.tied_embedding);
    EXPECT_EQ(own.source.find("Gemma3TextConfig"), std::string::npos) << own.source;  // every key given
}

// A tied embedding (tie_word_embeddings) is one table: counted once, held once, and held on each end stage where
// pipeline stages part the lookup from the projection. meta-llama/Llama-3.2-1B config.json: 16 x (q, o: 2 x 2048 x
// 2048; k, v: 2 x 2048 x 512; FFN: 3 x 2048 x 8192) = 16 x 60.82 M = 973.1 M, norms 16 x 2 x 2048 + 2048 = 67.6 k,
// the table 128256 x 2048 = 262.7 M: 1.2359 B, Meta's 1.23 B.
TEST(HfConfig, ATiedEmbeddingIsOneTable) {
    const ModelSpec m = read(R"({"architectures": ["LlamaForCausalLM"], "head_dim": 64, "hidden_size": 2048,
        "intermediate_size": 8192, "max_position_embeddings": 131072, "model_type": "llama", "num_attention_heads": 32,
        "num_hidden_layers": 16, "num_key_value_heads": 8, "tie_word_embeddings": true, "vocab_size": 128256})");
    EXPECT_TRUE(m.tied_embedding);
    const double table = 128256.0 * 2048;
    const double total = 16 * 60.817408e6 + 67584 + table;
    EXPECT_NEAR(m.parameters(), total, 1.0);
    // bf16 on one chip: 2 B x 1.2359 B = 2.472 GB. Two stages hold the table each: (2 x total + 2 x table) / 2 chips
    // = total + table = 1.499 GB a chip.
    EXPECT_NEAR(weight_bytes_per_chip(m, Precision::bf16, Parallelism{1, 1, 1, 1}), 2 * total, 1e3);
    EXPECT_NEAR(weight_bytes_per_chip(m, Precision::bf16, Parallelism{1, 2, 1, 1}), total + table, 1e3);
    // Untied, the LM head has a table of its own: one more everywhere.
    ModelSpec untied = m;
    untied.tied_embedding = false;
    EXPECT_NEAR(untied.parameters(), total + table, 1.0);
    EXPECT_NEAR(weight_bytes_per_chip(untied, Precision::bf16, Parallelism{1, 1, 1, 1}), 2 * (total + table), 1e3);
    EXPECT_NEAR(weight_bytes_per_chip(untied, Precision::bf16, Parallelism{1, 2, 1, 1}), total + table, 1e3);
    // The same per token: the LM head's projection (the lookup is not compute).
    EXPECT_EQ(m.active_parameters(), untied.active_parameters());
    // A model file says it, and keeps it.
    auto again = model_from_json(model_to_json(m, 0), "again");
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_TRUE(again->tied_embedding);
}

// Phi-3 and Phi-4 (model_type phi3): Llama's layers, a window on every layer where the file sets one below its context.
TEST(HfConfig, PhiReadsAsPublished) {
    // microsoft/phi-4 config.json: 40 x (q, o: 2 x 5120 x 5120; k, v: 2 x 5120 x 1280; FFN: 3 x 5120 x 17920)
    // = 40 x 340.8 M = 13.63 B, and the embedding and the LM head 2 x 100352 x 5120 = 1.03 B: 14.66 B, Microsoft's 14.7 B.
    const ModelSpec phi4 = read(R"({"architectures": ["Phi3ForCausalLM"], "hidden_act": "silu", "hidden_size": 5120,
        "intermediate_size": 17920, "max_position_embeddings": 16384, "model_type": "phi3", "num_attention_heads": 40,
        "num_hidden_layers": 40, "num_key_value_heads": 10, "original_max_position_embeddings": 16384,
        "rope_scaling": null, "rope_theta": 250000, "sliding_window": null, "tie_word_embeddings": false,
        "vocab_size": 100352})");
    EXPECT_EQ(phi4.head_dim, 128);
    EXPECT_EQ(phi4.sliding_window, 0);
    EXPECT_NEAR(phi4.parameters() / 1e9, 14.66, 0.001 * 14.66);
    // microsoft/Phi-3-mini-4k-instruct config.json: a 2047-token window on every layer of a 4096-token context;
    // 32 x (4 x 3072 x 3072 + 3 x 3072 x 8192) + 2 x 32064 x 3072 = 3.82 B, Microsoft's 3.8 B.
    const ModelSpec mini = read(R"({"architectures": ["Phi3ForCausalLM"], "hidden_size": 3072,
        "intermediate_size": 8192, "max_position_embeddings": 4096, "model_type": "phi3", "num_attention_heads": 32,
        "num_hidden_layers": 32, "num_key_value_heads": 32, "original_max_position_embeddings": 4096,
        "rope_scaling": null, "sliding_window": 2047, "tie_word_embeddings": false, "vocab_size": 32064})");
    EXPECT_EQ(mini.sliding_window, 2047);
    EXPECT_EQ(mini.sliding_window_every, 0);
    EXPECT_NEAR(mini.parameters() / 1e9, 3.821, 0.001 * 3.821);
}

// Kimi K2 (model_type kimi_k2): DeepSeek-V3's architecture under a name of its own, with 384 experts and 64 heads.
TEST(HfConfig, KimiK2ReadsAsDeepSeekV3sArchitecture) {
    // moonshotai/Kimi-K2-Instruct config.json.
    const std::string k2_text = R"("first_k_dense_replace": 1, "hidden_size": 7168, "intermediate_size": 18432,
        "kv_lora_rank": 512, "max_position_embeddings": 131072, "moe_intermediate_size": 2048, "moe_layer_freq": 1,
        "n_routed_experts": 384, "n_shared_experts": 1, "num_attention_heads": 64, "num_experts_per_tok": 8,
        "num_hidden_layers": 61, "num_key_value_heads": 64, "num_nextn_predict_layers": 0, "q_lora_rank": 1536,
        "qk_nope_head_dim": 128, "qk_rope_head_dim": 64, "rope_scaling": {"factor": 32.0,
        "original_max_position_embeddings": 4096, "type": "yarn"}, "scoring_func": "sigmoid",
        "tie_word_embeddings": false, "v_head_dim": 128, "vocab_size": 163840)";
    const ModelSpec k2 = read(("{\"architectures\": [\"DeepseekV3ForCausalLM\"], \"model_type\": \"kimi_k2\", " + k2_text + "}").c_str());
    EXPECT_EQ(k2.moe.experts, 384);
    EXPECT_EQ(k2.moe.top_k, 8);
    EXPECT_EQ(k2.moe.shared_experts, 1);
    EXPECT_EQ(k2.mtp_layers, 0);  // num_nextn_predict_layers 0
    EXPECT_EQ(k2.moe.first_dense_layers, 1);
    EXPECT_EQ(k2.mla.kv_lora_rank, 512);
    EXPECT_EQ(k2.mla.q_lora_rank, 1536);
    EXPECT_EQ(k2.rope, RopeKind::yarn);
    // Per layer, attention: 7168 x 1536 + 1536 x 64 x 192 + 7168 x 576 + 512 x 64 x 256 + 64 x 128 x 7168 = 101.1 M;
    // an expert 3 x 7168 x 2048 = 44.04 M. 2 x 163840 x 7168 (embedding, LM head) + 61 x 101.1 M + 3 x 7168 x 18432
    // (the dense layer) + 60 x (385 experts + a router of 384 x 7168) = 1026.4 B: Moonshot AI's "1 T".
    EXPECT_NEAR(k2.parameters() / 1e9, 1026.4, 0.001 * 1026.4);
    // A token runs 8 of the 384 and the shared one, and reads one row of the embedding: 31.7 B, Moonshot's "32 B".
    EXPECT_NEAR(k2.active_parameters() / 1e9, 31.69, 0.001 * 31.69);
    // Kimi K2.5's vision-language file holds the same language model in text_config.
    const ModelSpec k25 = read(("{\"model_type\": \"kimi_k25\", \"vision_config\": {\"vt_num_hidden_layers\": 27}, "
                                "\"text_config\": {\"model_type\": \"kimi_k2\", " + k2_text + "}}").c_str());
    EXPECT_EQ(k25.parameters(), k2.parameters());
    EXPECT_NE(k25.source.find("model_type kimi_k2"), std::string::npos) << k25.source;
    EXPECT_NE(k25.source.find("vision encoder is not modelled"), std::string::npos) << k25.source;
}

TEST(HfConfig, TheSourceSaysWhatWasReadAndLeftOut) {
    const ModelSpec scout = read(kPublished[10].config, "scout");
    EXPECT_NE(scout.source.find("model_type llama4"), std::string::npos) << scout.source;
    EXPECT_NE(scout.source.find("attention_chunk_size 8192"), std::string::npos) << scout.source;
    EXPECT_NE(scout.source.find("vision encoder is not modelled"), std::string::npos) << scout.source;
    const ModelSpec v3 = read(kPublished[8].config, "v3");
    // Its multi-token-prediction module: read, held where speculative decoding drafts with it.
    EXPECT_EQ(v3.mtp_layers, 1);
    EXPECT_NE(v3.source.find("num_nextn_predict_layers 1"), std::string::npos) << v3.source;
    EXPECT_EQ(scout.mtp_layers, 0);
    EXPECT_EQ(v3.name, "v3");
    auto named = model_from_hf_config(kPublished[0].config, "my-llama", "My Llama");
    ASSERT_TRUE(named.ok());
    EXPECT_EQ(named->name, "My Llama");
}

// Qwen3.5's files are vision-language ones: the language model in text_config, its layers listed one by one.
// Qwen3.5-27B (Qwen/Qwen3.5-27B config.json; its shape as THUDM/slime's qwen3.5-27B recipe gives it): 64 layers,
// every 4th gated full attention, the others Gated DeltaNet with 16 key and 48 value heads. Its language model: 48
// linear layers of 5120 x (4096 + 12288 + 96) + 10240 x 4 + 96 + 128 + 6144 x 5120 = 111.7M, 16 full layers of
// 5120 x 6144 x 2 + 5120 x 2048 + 6144 x 5120 = 104.9M, 64 SwiGLU FFNs of 3 x 5120 x 17408, untied 248,320 x 5120
// tables: 26.90B, where Qwen counts 27B with its vision encoder.
TEST(HfConfig, Qwen35ReadsItsLinearAttentionLayers) {
    std::string types;
    for (int i = 0; i < 64; ++i) types += std::string(i ? ", " : "") + ((i + 1) % 4 ? "\"linear_attention\"" : "\"full_attention\"");
    const std::string config = R"({"architectures": ["Qwen3_5ForConditionalGeneration"], "model_type": "qwen3_5",
        "text_config": {"model_type": "qwen3_5_text", "hidden_size": 5120, "intermediate_size": 17408,
        "num_hidden_layers": 64, "num_attention_heads": 24, "num_key_value_heads": 4, "head_dim": 256,
        "linear_conv_kernel_dim": 4, "linear_key_head_dim": 128, "linear_num_key_heads": 16, "linear_num_value_heads": 48,
        "linear_value_head_dim": 128, "max_position_embeddings": 262144, "mtp_num_hidden_layers": 1,
        "vocab_size": 248320, "attn_output_gate": true, "layer_types": [)" + types + R"(]},
        "vision_config": {"depth": 27}, "tie_word_embeddings": false})";
    auto m = model_from_hf_config(config, "qwen3.5-27b");
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_TRUE(m->has_linear_attention());
    EXPECT_EQ(m->linear.full_every, 4);
    EXPECT_EQ(m->linear.value_heads, 48);
    EXPECT_EQ(m->linear.key_heads, 16);
    EXPECT_EQ(m->linear_layer_count(), 48);
    EXPECT_TRUE(m->attention_gate);
    EXPECT_FALSE(m->is_moe());
    EXPECT_FALSE(m->tied_embedding);
    EXPECT_NEAR(m->parameters() / 1e9, 26.896, 0.001);
    EXPECT_NEAR(m->parameters() / 1e9, 27, 0.01 * 27);
    EXPECT_EQ(m->mtp_layers, 1);
    EXPECT_NE(m->source.find("mtp_num_hidden_layers 1"), std::string::npos) << m->source;
    EXPECT_NE(m->source.find("vision encoder is not modelled"), std::string::npos) << m->source;
    // Qwen3-Next without layer_types: its class's full_attention_interval, 4.
    const std::string next = R"({"model_type": "qwen3_next", "hidden_size": 256, "num_attention_heads": 4,
        "num_key_value_heads": 2, "head_dim": 64, "num_hidden_layers": 8, "vocab_size": 100, "num_experts": 8,
        "num_experts_per_tok": 2, "moe_intermediate_size": 64, "linear_conv_kernel_dim": 4, "linear_key_head_dim": 32,
        "linear_num_key_heads": 2, "linear_num_value_heads": 4, "linear_value_head_dim": 32)";
    const ModelSpec n = read((next + "}").c_str());
    EXPECT_EQ(n.linear.full_every, 4);
    EXPECT_EQ(n.linear_layer_count(), 6);
    EXPECT_TRUE(n.is_moe());
    // Refused, naming the key: a layer type the hybrid does not have, layers at no regular interval, a missing key.
    EXPECT_NE(refusal(next + R"(, "layer_types": ["linear_attention", "sliding_attention", "linear_attention",
        "full_attention", "linear_attention", "linear_attention", "linear_attention", "full_attention"]})")
                  .find("'layer_types' may hold only \"full_attention\" and \"linear_attention\""),
              std::string::npos);
    EXPECT_NE(refusal(next + R"(, "layer_types": ["full_attention", "linear_attention", "linear_attention",
        "full_attention", "linear_attention", "linear_attention", "linear_attention", "full_attention"]})")
                  .find("'layer_types' has full-attention layers at no regular interval"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "qwen3_next", "hidden_size": 256, "num_attention_heads": 4,
        "num_hidden_layers": 8, "vocab_size": 100, "num_experts": 8, "num_experts_per_tok": 2,
        "moe_intermediate_size": 64})")
                  .find("cfg.json: 'linear_num_value_heads' is missing"),
              std::string::npos);
    EXPECT_NE(refusal(next + R"(, "linear_num_key_heads": 3})").find("must be a multiple of 'linear.key_heads'"),
              std::string::npos);
}

// Nemotron-H's files: one block a layer, by hybrid_override_pattern or as a list. Nemotron-H-8B (nvidia/Nemotron-H-8B-
// Base-8K config.json: 52 layers, 24 Mamba-2, 4 attention, 24 MLP; 4096 wide, 128 Mamba heads of 64 with a state of
// 128 in 8 groups, MLPs of 21504): NVIDIA's 8B. Refused, naming the key: no pattern, a pattern of another length, a
// block type it does not know, a gated MLP.
TEST(HfConfig, ReadsNemotronHsLayerPattern) {
    const std::string h8 = R"({"architectures": ["NemotronHForCausalLM"], "model_type": "nemotron_h",
        "hidden_size": 4096, "num_hidden_layers": 52, "num_attention_heads": 32, "num_key_value_heads": 8,
        "head_dim": 128, "intermediate_size": 21504, "mamba_num_heads": 128, "mamba_head_dim": 64, "n_groups": 8,
        "ssm_state_size": 128, "conv_kernel": 4, "chunk_size": 128, "mlp_hidden_act": "relu2", "vocab_size": 131072,
        "tie_word_embeddings": false, "max_position_embeddings": 8192)";
    const std::string pattern = "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-";
    const ModelSpec m = read((h8 + R"(, "hybrid_override_pattern": ")" + pattern + "\"}").c_str());
    EXPECT_EQ(m.layer_pattern, pattern);
    EXPECT_EQ(m.linear.kind, LinearKind::mamba2);
    EXPECT_EQ(m.linear_layer_count(), 24);
    EXPECT_EQ(m.attention_layer_count(), 4);
    EXPECT_EQ(m.dense_ffn_layer_count(), 24);
    EXPECT_FALSE(m.is_moe());
    EXPECT_FALSE(m.gated_ffn);
    EXPECT_TRUE(m.linear.state_fp32);  // the file asks nothing of the state: vLLM's NemotronH default, float32
    EXPECT_EQ(m.linear.chunk_tokens, 128);
    EXPECT_NEAR(m.parameters() / 1e9, 8.1, 0.02 * 8.1);
    // A file that asks its state at 16 bits gets them.
    EXPECT_FALSE(read((h8 + R"(, "mamba_ssm_cache_dtype": "bfloat16", "hybrid_override_pattern": ")" + pattern + "\"}")
                          .c_str())
                     .linear.state_fp32);
    // The same as a list.
    std::string list;
    for (const char c : pattern)
        list += std::string(list.empty() ? "" : ", ") + (c == 'M' ? "\"mamba\"" : c == '*' ? "\"attention\"" : "\"mlp\"");
    ModelSpec listed = read((h8 + R"(, "layers_block_type": [)" + list + "]}").c_str());
    listed.source = m.source;  // which key it read
    EXPECT_EQ(listed, m);
    EXPECT_NE(refusal(h8 + "}").find("cfg.json: 'hybrid_override_pattern' is missing"), std::string::npos);
    EXPECT_NE(refusal(h8 + R"(, "hybrid_override_pattern": "M-M*"})")
                  .find("the layer pattern gives 4 layers but 'num_hidden_layers' is 52"),
              std::string::npos);
    EXPECT_NE(refusal(h8 + R"(, "layers_block_type": ["mamba", "cross"]})")
                  .find("'layers_block_type' may hold only \"mamba\", \"attention\", \"mlp\" and \"moe\""),
              std::string::npos);
    std::string odd = pattern;
    odd[1] = 'X';
    EXPECT_NE(refusal(h8 + R"(, "hybrid_override_pattern": ")" + odd + "\"}")
                  .find("'layer_pattern' holds 'X' at layer 1"),
              std::string::npos);
    EXPECT_NE(refusal(h8 + R"(, "mlp_hidden_act": "silu", "hybrid_override_pattern": ")" + pattern + "\"}")
                  .find("'mlp_hidden_act' other than \"relu2\""),
              std::string::npos);
}

TEST(HfConfig, WhatTheModelCannotRepresentIsRefusedNamingTheKey) {
    EXPECT_NE(refusal(R"({"model_type": "bert", "hidden_size": 768})").find("'model_type' \"bert\" is not one"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"architectures": ["X"]})").find("'model_type' is missing"), std::string::npos);
    const std::string qwen = R"({"model_type": "qwen2", "hidden_size": 1024, "num_attention_heads": 16,
        "num_hidden_layers": 24, "vocab_size": 1000, "intermediate_size": 2816)";
    EXPECT_EQ(refusal(qwen + "}"), "accepted");
    EXPECT_NE(refusal(qwen + R"(, "use_sliding_window": true})").find("cfg.json: 'use_sliding_window' true"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "llama", "hidden_size": 1024, "num_attention_heads": 16, "vocab_size": 10})")
                  .find("'num_hidden_layers' is missing"),
              std::string::npos);
    EXPECT_NE(refusal(qwen + R"(, "num_key_value_heads": 2.5})").find("'num_key_value_heads' must be a whole number"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "llama", "hidden_size": 1000, "num_attention_heads": 3, "num_hidden_layers": 2,
        "vocab_size": 10, "intermediate_size": 10})")
                  .find("'head_dim' is missing"),
              std::string::npos);
    // A model the library's checks refuse (kv heads that do not divide the heads) is refused as such.
    EXPECT_NE(refusal(qwen + R"(, "num_key_value_heads": 3})").find("must be a multiple of 'kv_heads'"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "qwen2_moe", "hidden_size": 1024, "num_attention_heads": 16,
        "num_hidden_layers": 4, "vocab_size": 10, "num_experts": 8, "num_experts_per_tok": 2,
        "moe_intermediate_size": 100, "shared_expert_intermediate_size": 150})")
                  .find("'shared_expert_intermediate_size' (150) must be a multiple"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "qwen3_moe", "hidden_size": 1024, "num_attention_heads": 16,
        "num_hidden_layers": 4, "vocab_size": 10, "num_experts": 8, "num_experts_per_tok": 2,
        "moe_intermediate_size": 100, "mlp_only_layers": [0]})")
                  .find("'mlp_only_layers'"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "gpt_oss", "hidden_size": 64, "num_attention_heads": 4, "head_dim": 16,
        "num_hidden_layers": 3, "vocab_size": 10, "intermediate_size": 64, "num_local_experts": 4,
        "num_experts_per_tok": 2, "sliding_window": 8,
        "layer_types": ["sliding_attention", "full_attention", "full_attention"]})")
                  .find("'layer_types' has full-attention layers at no regular interval"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "gemma3_text", "sliding_window_pattern": 0})")
                  .find("cfg.json: 'sliding_window_pattern' must be at least 1"),
              std::string::npos);
    EXPECT_NE(refusal(R"({"model_type": "gemma3_text", "head_dim": 96.5})").find("'head_dim' must be a whole number"),
              std::string::npos);
    EXPECT_NE(refusal("[1, 2]").find("not a JSON object"), std::string::npos);
    // A model file of the library is not taken for a transformers configuration.
    EXPECT_FALSE(looks_like_hf_config(R"({"id": "x", "layers": 2, "model_type": "llama"})"));
    EXPECT_FALSE(looks_like_hf_config("not json"));
}

TEST(HfConfig, AConfigFileLoadsAsAModelNamedByItsFolder) {
    EXPECT_EQ(model_id_from_path("/models/Qwen3-30B-A3B/config.json"), "qwen3-30b-a3b");
    EXPECT_EQ(model_id_from_path("my model.json"), "my-model");
    EXPECT_EQ(model_id_from_path("config.json"), "config");
    const auto dir = std::filesystem::temp_directory_path() / "scoville-hf-test" / "Mixtral-8x7B-v0.1";
    std::filesystem::create_directories(dir);
    const auto path = dir / "config.json";
    {
        std::ofstream out(path);
        out << kPublished[5].config;
    }
    auto m = load_model(path.string());
    ASSERT_TRUE(m.ok()) << m.error().message;
    EXPECT_EQ(m->id, "mixtral-8x7b-v0.1");
    EXPECT_EQ(m->moe.experts, 8);
    // 46.7B parameters (Mistral AI: 46.7B total, 12.9B active); the library's Mixtral the same.
    EXPECT_NEAR(m->parameters() / 1e9, 46.7, 0.005 * 46.7);
    std::filesystem::remove_all(dir.parent_path());
}
