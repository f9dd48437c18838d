#include "core/workload/hf_config.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace scoville {

using nlohmann::json;

namespace {

constexpr std::string_view kSupported =
    "llama, mistral, mixtral, qwen2, qwen3, qwen2_moe, qwen3_moe, deepseek_v2, deepseek_v3, glm4_moe, llama4, gpt_oss, "
    "gemma2, gemma3, gemma3_text, phi3, kimi_k2, qwen3_next, qwen3_5, qwen3_5_moe, nemotron_h";

// Gemma 3's published files leave out the keys whose value is their configuration class's default
// (transformers' Gemma3TextConfig): the reader takes those defaults, and the model's source lists them.
struct ClassDefault {
    const char* key;
    int value;
};
constexpr ClassDefault kGemma3TextDefaults[] = {
    {"vocab_size", 262208},      {"hidden_size", 2304},     {"intermediate_size", 9216},
    {"num_hidden_layers", 26},   {"num_attention_heads", 8}, {"num_key_value_heads", 4},
    {"head_dim", 256},           {"max_position_embeddings", 131072}, {"sliding_window", 4096},
    {"sliding_window_pattern", 6}};

// The object holding the language model's keys: the file itself, or its "text_config" (Llama 4, whose file
// describes the vision tower beside it).
const json& text_part(const json& root) {
    const auto t = root.find("text_config");
    return t != root.end() && t->is_object() ? *t : root;
}

std::string model_type_of(const json& root) {
    const json& c = text_part(root);
    for (const json* o : {&root, &c}) {
        const auto t = o->find("model_type");
        if (t != o->end() && t->is_string()) {
            std::string s = t->get<std::string>();
            if (s == "llama4_text") s = "llama4";
            if (s == "gemma3_text") s = "gemma3";  // Gemma 3's language model, alone or in a vision model's file
            if (s == "qwen3_5_text") s = "qwen3_5";  // Qwen3.5's language model, alone or in its vision model's file
            if (s == "qwen3_5_moe_text") s = "qwen3_5_moe";
            // Kimi K2.5's vision-language file: its language model, Kimi K2's, in text_config.
            if (s == "kimi_k25" && o == &root && &c != &root) continue;
            return s;
        }
    }
    return {};
}

// Reads the keys of one object, each message naming the file and the key.
class Keys {
public:
    Keys(const json& obj, std::string at) : obj_(obj), at_(std::move(at)) {}

    // A whole number at `key`; nullopt where it is missing or null.
    Result<std::optional<int>> integer(const char* key) const {
        const auto it = obj_.find(key);
        if (it == obj_.end() || it->is_null()) return std::optional<int>{};
        const json& v = *it;
        const bool whole = v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                                     v.get<double>() == std::round(v.get<double>()));
        if (!whole || v.get<double>() < 0 || v.get<double>() > 1e9)
            return Error{at_ + ": '" + key + "' must be a whole number from 0 to 1e9"};
        return std::optional<int>{static_cast<int>(v.get<double>())};
    }
    Result<int> required(const char* key) const {
        auto v = integer(key);
        if (!v) return v.error();
        if (!*v) return Error{at_ + ": '" + key + "' is missing"};
        return **v;
    }
    Result<int> or_else(const char* key, int fallback) const {
        auto v = integer(key);
        if (!v) return v.error();
        return v->value_or(fallback);
    }
    bool flag(const char* key) const {
        const auto it = obj_.find(key);
        return it != obj_.end() && it->is_boolean() && it->get<bool>();
    }
    const json* find(const char* key) const {
        const auto it = obj_.find(key);
        return it == obj_.end() || it->is_null() ? nullptr : &*it;
    }
    Error error(const std::string& message) const { return Error{at_ + ": " + message}; }

private:
    const json& obj_;
    std::string at_;
};

// The period p of a per-layer pattern in which layer i is `global` exactly where (i + 1) % p == 0 (the
// model's every-n-th layer); 0 where no layer is, nullopt where the pattern has no such period.
std::optional<int> every_nth(int layers, const std::function<bool(int)>& global) {
    int first = -1;
    for (int i = 0; i < layers && first < 0; ++i)
        if (global(i)) first = i;
    if (first < 0) return 0;
    const int p = first + 1;
    for (int i = 0; i < layers; ++i)
        if (global(i) != ((i + 1) % p == 0)) return std::nullopt;
    return p;
}

std::string count_text(const char* key, int v) { return std::string(key) + " " + std::to_string(v); }

}  // namespace

bool looks_like_hf_config(std::string_view text) {
    const json root = json::parse(text, nullptr, false);
    if (!root.is_object() || root.contains("layers")) return false;
    const json& c = text_part(root);
    return root.contains("model_type") || root.contains("architectures") || c.contains("model_type");
}

std::string model_id_from_path(std::string_view path) {
    std::string p(path);
    std::replace(p.begin(), p.end(), '\\', '/');
    while (!p.empty() && p.back() == '/') p.pop_back();
    const auto slash = p.rfind('/');
    std::string stem = slash == std::string::npos ? p : p.substr(slash + 1);
    std::string folder;
    if (slash != std::string::npos) {
        const std::string dir = p.substr(0, slash);
        const auto up = dir.rfind('/');
        folder = up == std::string::npos ? dir : dir.substr(up + 1);
    }
    if (stem.size() > 5 && stem.substr(stem.size() - 5) == ".json") stem.resize(stem.size() - 5);
    if ((stem == "config" || stem.empty()) && !folder.empty() && folder != ".") stem = folder;
    std::string id;
    for (const char ch : stem) {
        const auto u = static_cast<unsigned char>(ch);
        id += std::isalnum(u) || ch == '.' || ch == '_' || ch == '-' ? static_cast<char>(std::tolower(u)) : '-';
    }
    return id.empty() ? "model" : id;
}

Result<ModelSpec> model_from_hf_config(std::string_view text, std::string_view id, std::string_view name,
                                       std::string_view origin) {
    const std::string at = origin.empty() ? "config.json" : std::string(origin);
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object()) return Error{at + ": not a JSON object"};
    if (id.empty()) return Error{at + ": the model needs an id"};
    const std::string type = model_type_of(root);
    if (type.empty()) return Error{at + ": 'model_type' is missing (a transformers config.json names it)"};
    const bool dense = type == "llama" || type == "mistral" || type == "qwen2" || type == "qwen3" || type == "phi3";
    // Qwen3-Next and Qwen3.5: Gated DeltaNet layers between gated full-attention ones (ModelSpec::linear).
    const bool hybrid = type == "qwen3_next" || type == "qwen3_5" || type == "qwen3_5_moe";
    const bool qwen_moe = type == "qwen2_moe" || type == "qwen3_moe" || type == "qwen3_next" || type == "qwen3_5_moe";
    // Kimi K2 is DeepSeek-V3's architecture under a name of its own (Moonshot AI's model card).
    const bool deepseek = type == "deepseek_v2" || type == "deepseek_v3" || type == "kimi_k2";
    const bool glm_moe = type == "glm4_moe";  // DeepSeek-V3's experts with grouped-query attention
    const bool gemma = type == "gemma2" || type == "gemma3";  // dense, GeGLU, local layers between global ones
    // Nemotron-H and Nemotron 3: one block a layer (Mamba-2, attention, MLP or MoE) in the order its pattern gives.
    const bool nemotron = type == "nemotron_h";
    if (!dense && !qwen_moe && !hybrid && !deepseek && !glm_moe && !gemma && !nemotron && type != "mixtral" &&
        type != "llama4" && type != "gpt_oss")
        return Error{at + ": 'model_type' \"" + type + "\" is not one this model reads (" + std::string(kSupported) +
                     ")"};
    const json& part = text_part(root);
    json filled;  // Gemma 3's keys with its class's defaults where the file leaves them out
    std::string defaulted;
    if (type == "gemma3") {
        filled = part;
        for (const ClassDefault& d : kGemma3TextDefaults) {
            if (filled.contains(d.key)) continue;
            filled[d.key] = d.value;
            defaulted += std::string(defaulted.empty() ? "" : ", ") + d.key + " " + std::to_string(d.value);
        }
    }
    const json& c = type == "gemma3" ? filled : part;
    const Keys k(c, at);
    ModelSpec m;
    m.id = std::string(id);
    m.name = name.empty() ? m.id : std::string(name);
    std::string read = "model_type " + type;
    std::string notes;
    auto get = [&](Result<int> r, const char* key, int& out) -> Status {
        if (!r) return r.error();
        out = *r;
        read += ", " + count_text(key, out);
        return Ok{};
    };
    if (auto st = get(k.required("num_hidden_layers"), "num_hidden_layers", m.layers); !st) return st.error();
    if (auto st = get(k.required("hidden_size"), "hidden_size", m.hidden); !st) return st.error();
    if (auto st = get(k.required("num_attention_heads"), "num_attention_heads", m.heads); !st) return st.error();
    if (m.heads == 0) return k.error("'num_attention_heads' must be at least 1");
    if (auto st = get(k.or_else("num_key_value_heads", m.heads), "num_key_value_heads", m.kv_heads); !st)
        return st.error();
    auto head_dim = k.integer("head_dim");
    if (!head_dim) return head_dim.error();
    if (*head_dim && !deepseek) {
        m.head_dim = **head_dim;
        read += ", " + count_text("head_dim", m.head_dim);
    } else if (!deepseek) {
        if (m.hidden % m.heads != 0)
            return k.error("'head_dim' is missing and 'hidden_size' (" + std::to_string(m.hidden) +
                           ") is not a multiple of 'num_attention_heads' (" + std::to_string(m.heads) + ")");
        m.head_dim = m.hidden / m.heads;
    }
    if (auto st = get(k.required("vocab_size"), "vocab_size", m.vocab); !st) return st.error();
    if (auto st = get(k.or_else("max_position_embeddings", 0), "max_position_embeddings", m.max_context); !st)
        return st.error();
    if (auto st = get(k.or_else("intermediate_size", 0), "intermediate_size", m.ffn); !st) return st.error();
    m.gated_ffn = true;  // every architecture read here gates its FFNs (SwiGLU; Gemma's GeGLU)
    if (const json* rs = k.find("rope_scaling"); rs && rs->is_object()) {
        for (const char* key : {"rope_type", "type"}) {
            const auto t = rs->find(key);
            if (t != rs->end() && t->is_string() && t->get<std::string>() == "yarn") m.rope = RopeKind::yarn;
        }
        if (m.rope == RopeKind::yarn) read += ", rope_scaling yarn";
    }

    // Local attention: a window on every layer (Mistral), every layer but each n-th (gpt-oss's layer_types),
    // or Llama 4's chunks.
    auto sliding = k.or_else("sliding_window", 0);
    if (!sliding) return sliding.error();
    const bool qwen = type == "qwen2" || type == "qwen3" || qwen_moe || hybrid;
    if (qwen && k.flag("use_sliding_window"))
        return k.error("'use_sliding_window' true (a window on the layers past max_window_layers) is not supported");
    if (type == "mistral" || type == "mixtral" || type == "gpt_oss" || type == "phi3" || gemma) {
        if (*sliding > 0 && (m.max_context == 0 || *sliding < m.max_context)) {
            m.sliding_window = *sliding;
            read += ", " + count_text("sliding_window", m.sliding_window);
        }
    }
    if (hybrid) {
        // Linear-attention layers: every full_attention_interval-th layer attends fully (layer i when (i + 1) % n
        // == 0), or as layer_types lists them.
        LinearAttentionSpec& a = m.linear;
        if (auto st = get(k.required("linear_num_value_heads"), "linear_num_value_heads", a.value_heads); !st)
            return st.error();
        if (auto st = get(k.required("linear_num_key_heads"), "linear_num_key_heads", a.key_heads); !st)
            return st.error();
        if (auto st = get(k.required("linear_key_head_dim"), "linear_key_head_dim", a.key_head_dim); !st)
            return st.error();
        if (auto st = get(k.required("linear_value_head_dim"), "linear_value_head_dim", a.value_head_dim); !st)
            return st.error();
        if (auto st = get(k.required("linear_conv_kernel_dim"), "linear_conv_kernel_dim", a.conv_kernel); !st)
            return st.error();
        if (const json* lt = k.find("layer_types"); lt) {
            if (!lt->is_array() || static_cast<int>(lt->size()) != m.layers)
                return k.error("'layer_types' must list one type for each of the " + std::to_string(m.layers) +
                               " layers");
            for (const json& t : *lt)
                if (!t.is_string() || (t != "full_attention" && t != "linear_attention"))
                    return k.error("'layer_types' may hold only \"full_attention\" and \"linear_attention\"");
            const auto every =
                every_nth(m.layers, [&](int i) { return (*lt)[static_cast<size_t>(i)] == "full_attention"; });
            if (!every) return k.error("'layer_types' has full-attention layers at no regular interval");
            a.full_every = *every;
            read += ", layer_types: full attention on 1 layer in " + std::to_string(*every);
        } else {
            auto every = k.or_else("full_attention_interval", 4);
            if (!every) return every.error();
            if (*every < 1) return k.error("'full_attention_interval' must be at least 1");
            a.full_every = *every;
            read += ", " + count_text("full_attention_interval", *every);
        }
        if (a.full_every == 1) a = LinearAttentionSpec{};  // every layer attends fully
        // Their full-attention layers gate their output (Qwen3NextAttention; Qwen3.5's attn_output_gate).
        const json* gate = k.find("attn_output_gate");
        m.attention_gate = !gate || (gate->is_boolean() && gate->get<bool>());
        if (m.attention_gate) read += ", gated attention";
    } else if (const json* lt = k.find("layer_types"); lt) {
        if (!lt->is_array() || static_cast<int>(lt->size()) != m.layers)
            return k.error("'layer_types' must list one type for each of the " + std::to_string(m.layers) + " layers");
        for (const json& t : *lt)
            if (!t.is_string() || (t != "full_attention" && t != "sliding_attention"))
                return k.error("'layer_types' may hold only \"full_attention\" and \"sliding_attention\"");
        const auto every = every_nth(m.layers, [&](int i) { return (*lt)[static_cast<size_t>(i)] == "full_attention"; });
        const bool any_sliding = std::any_of(lt->begin(), lt->end(), [](const json& t) { return t == "sliding_attention"; });
        if (any_sliding) {
            if (!every) return k.error("'layer_types' has full-attention layers at no regular interval");
            if (m.sliding_window == 0)
                return k.error("'layer_types' has sliding-attention layers but 'sliding_window' is not set");
            m.sliding_window_every = *every == 1 ? 0 : *every;
            read += ", layer_types: full attention on 1 layer in " + std::to_string(*every);
        } else {
            m.sliding_window = 0;  // every layer attends all its keys
        }
    } else if ((type == "gpt_oss" || type == "gemma2") && m.sliding_window > 0) {
        m.sliding_window_every = 2;  // transformers' gpt-oss and Gemma 2: sliding and full layers alternate
        read += ", full attention on 1 layer in 2";
    } else if (type == "gemma3" && m.sliding_window > 0) {
        // Gemma 3: every sliding_window_pattern-th layer attends all its keys (layer i when (i + 1) % n == 0).
        auto pattern = k.or_else("sliding_window_pattern", 6);
        if (!pattern) return pattern.error();
        if (*pattern < 1) return k.error("'sliding_window_pattern' must be at least 1");
        m.sliding_window_every = *pattern == 1 ? 0 : *pattern;
        if (*pattern == 1) m.sliding_window = 0;  // every layer global
        read += ", sliding_window_pattern " + std::to_string(*pattern);
    }

    if (nemotron) {
        // Its layers' blocks: hybrid_override_pattern ('M' Mamba-2, '*' attention, '-' MLP, 'E' MoE), or the same as
        // a list (layers_block_type: mamba, attention, mlp, moe).
        if (const json* p = k.find("hybrid_override_pattern"); p) {
            if (!p->is_string()) return k.error("'hybrid_override_pattern' must be a string of M, *, - and E");
            m.layer_pattern = p->get<std::string>();
            read += ", hybrid_override_pattern";
        } else if (const json* list = k.find("layers_block_type"); list) {
            if (!list->is_array()) return k.error("'layers_block_type' must list one block type a layer");
            for (const json& t : *list) {
                const std::string b = t.is_string() ? t.get<std::string>() : std::string();
                const char c = b == "mamba" ? 'M' : b == "attention" ? '*' : b == "mlp" ? '-' : b == "moe" ? 'E' : '\0';
                if (c == '\0')
                    return k.error("'layers_block_type' may hold only \"mamba\", \"attention\", \"mlp\" and \"moe\"");
                m.layer_pattern += c;
            }
            read += ", layers_block_type";
        } else {
            return k.error("'hybrid_override_pattern' is missing (a nemotron_h file gives each layer's block)");
        }
        if (m.layer_pattern.size() != static_cast<size_t>(m.layers))
            return k.error("the layer pattern gives " + std::to_string(m.layer_pattern.size()) +
                           " layers but 'num_hidden_layers' is " + std::to_string(m.layers));
        if (m.layer_pattern.find('M') != std::string::npos) {
            LinearAttentionSpec& a = m.linear;
            a.kind = LinearKind::mamba2;
            if (auto st = get(k.required("mamba_num_heads"), "mamba_num_heads", a.value_heads); !st) return st.error();
            if (auto st = get(k.required("mamba_head_dim"), "mamba_head_dim", a.value_head_dim); !st) return st.error();
            if (auto st = get(k.required("ssm_state_size"), "ssm_state_size", a.key_head_dim); !st) return st.error();
            // The groups sharing B and C: n_groups in the published files (transformers' argument mamba_n_groups).
            const char* groups = k.find("n_groups") || !k.find("mamba_n_groups") ? "n_groups" : "mamba_n_groups";
            if (auto st = get(k.required(groups), groups, a.key_heads); !st) return st.error();
            if (auto st = get(k.or_else("conv_kernel", 4), "conv_kernel", a.conv_kernel); !st) return st.error();
            // The state's format engines keep: the file's mamba_ssm_cache_dtype, else 32 bits (vLLM's default for
            // NemotronH, vllm/model_executor/models/config.py NemotronHForCausalLMConfig: "only float32 is known to
            // have no accuracy issues"); and the scan's chunk (its chunk_size; Mamba-2's own default 256).
            if (const json* dt = k.find("mamba_ssm_cache_dtype"); dt && dt->is_string()) {
                a.state_fp32 = *dt == "float32";
                read += ", mamba_ssm_cache_dtype " + dt->get<std::string>();
            } else {
                a.state_fp32 = true;
            }
            if (auto st = get(k.or_else("chunk_size", 256), "chunk_size", a.chunk_tokens); !st) return st.error();
        }
        if (m.layer_pattern.find('E') != std::string::npos) {
            if (auto st = get(k.required("n_routed_experts"), "n_routed_experts", m.moe.experts); !st) return st.error();
            if (auto st = get(k.required("num_experts_per_tok"), "num_experts_per_tok", m.moe.top_k); !st)
                return st.error();
            if (auto st = get(k.required("moe_intermediate_size"), "moe_intermediate_size", m.moe.expert_ffn); !st)
                return st.error();
            // Nemotron 3 Super's LatentMoE: its experts work in a width of their own.
            if (k.find("moe_latent_size"))
                if (auto st = get(k.required("moe_latent_size"), "moe_latent_size", m.moe.latent); !st) return st.error();
            auto shared = k.or_else("moe_shared_expert_intermediate_size", 0);
            if (!shared) return shared.error();
            if (*shared > 0) {
                // A shared expert of n experts' width is n experts' weights and FLOPs (the model counts shared experts
                // of the routed ones' size).
                if (m.moe.expert_ffn == 0 || *shared % m.moe.expert_ffn != 0)
                    return k.error("'moe_shared_expert_intermediate_size' (" + std::to_string(*shared) +
                                   ") must be a multiple of 'moe_intermediate_size' (" +
                                   std::to_string(m.moe.expert_ffn) + ")");
                m.moe.shared_experts = *shared / m.moe.expert_ffn;
                read += ", " + count_text("moe_shared_expert_intermediate_size", *shared);
            }
        }
        // Its MLPs and experts square a ReLU of one projection (mlp_hidden_act relu2), no gate.
        if (const json* act = k.find("mlp_hidden_act"); act && (!act->is_string() || *act != "relu2"))
            return k.error("'mlp_hidden_act' other than \"relu2\" is not supported for nemotron_h");
        m.gated_ffn = false;
        read += ", mlp_hidden_act relu2";
        if (m.layer_pattern.find('-') == std::string::npos) m.ffn = 0;  // no MLP layer: intermediate_size unused
        auto mtp = k.or_else("num_nextn_predict_layers", 0);
        if (!mtp) return mtp.error();
        if (*mtp < 0 || *mtp > 16) return k.error("'num_nextn_predict_layers' must be in [0, 16]");
        m.mtp_layers = *mtp;
        // Its module is one attention block and one MoE block (mtp_hybrid_override_pattern "*E"), which the
        // model lowers as its last attention layer and its last FFN layer: held as one module.
        if (m.mtp_layers == 0 && (k.find("mtp_layers_block_type") || k.find("mtp_hybrid_override_pattern")))
            m.mtp_layers = 1;
        if (m.mtp_layers > 0)
            read += ", " + count_text(*mtp > 0 ? "num_nextn_predict_layers" : "multi-token-prediction modules", m.mtp_layers);
    }

    auto moe_every = [&](const char* key) -> Status {
        auto v = k.or_else(key, 1);
        if (!v) return v.error();
        if (*v < 1) return k.error("'" + std::string(key) + "' must be at least 1");
        m.moe.every = *v;
        if (*v > 1) read += ", " + count_text(key, *v);
        return Ok{};
    };
    if (type == "mixtral" || type == "gpt_oss") {
        if (auto st = get(k.required("num_local_experts"), "num_local_experts", m.moe.experts); !st) return st.error();
        const char* top = type == "gpt_oss" && !k.find("num_experts_per_tok") ? "experts_per_token" : "num_experts_per_tok";
        if (auto st = get(k.required(top), top, m.moe.top_k); !st) return st.error();
        m.moe.expert_ffn = m.ffn;
    } else if (qwen_moe) {
        if (auto st = get(k.required("num_experts"), "num_experts", m.moe.experts); !st) return st.error();
        if (auto st = get(k.required("num_experts_per_tok"), "num_experts_per_tok", m.moe.top_k); !st) return st.error();
        if (auto st = get(k.required("moe_intermediate_size"), "moe_intermediate_size", m.moe.expert_ffn); !st)
            return st.error();
        if (auto st = moe_every("decoder_sparse_step"); !st) return st.error();
        if (const json* dense_layers = k.find("mlp_only_layers"); dense_layers && !dense_layers->empty())
            return k.error("'mlp_only_layers' (dense layers chosen one by one) is not supported");
        auto shared = k.or_else("shared_expert_intermediate_size", 0);
        if (!shared) return shared.error();
        if (*shared > 0) {
            if (m.moe.expert_ffn == 0 || *shared % m.moe.expert_ffn != 0)
                return k.error("'shared_expert_intermediate_size' (" + std::to_string(*shared) +
                               ") must be a multiple of 'moe_intermediate_size' (" + std::to_string(m.moe.expert_ffn) + ")");
            m.moe.shared_experts = *shared / m.moe.expert_ffn;
            read += ", " + count_text("shared_expert_intermediate_size", *shared);
        }
    } else if (deepseek || glm_moe) {
        if (auto st = get(k.required("n_routed_experts"), "n_routed_experts", m.moe.experts); !st) return st.error();
        if (auto st = get(k.required("num_experts_per_tok"), "num_experts_per_tok", m.moe.top_k); !st) return st.error();
        if (auto st = get(k.required("moe_intermediate_size"), "moe_intermediate_size", m.moe.expert_ffn); !st)
            return st.error();
        if (auto st = get(k.or_else("n_shared_experts", 0), "n_shared_experts", m.moe.shared_experts); !st)
            return st.error();
        if (auto st = get(k.or_else("first_k_dense_replace", 0), "first_k_dense_replace", m.moe.first_dense_layers); !st)
            return st.error();
        if (auto st = moe_every("moe_layer_freq"); !st) return st.error();
    }
    if (deepseek) {
        if (auto st = get(k.or_else("q_lora_rank", 0), "q_lora_rank", m.mla.q_lora_rank); !st) return st.error();
        if (auto st = get(k.required("kv_lora_rank"), "kv_lora_rank", m.mla.kv_lora_rank); !st) return st.error();
        if (auto st = get(k.required("qk_nope_head_dim"), "qk_nope_head_dim", m.mla.qk_nope_head_dim); !st)
            return st.error();
        if (auto st = get(k.required("qk_rope_head_dim"), "qk_rope_head_dim", m.mla.qk_rope_head_dim); !st)
            return st.error();
        if (auto st = get(k.required("v_head_dim"), "v_head_dim", m.mla.v_head_dim); !st) return st.error();
        m.head_dim = m.mla.v_head_dim;
    }
    if (hybrid) {
        auto mtp = k.or_else("mtp_num_hidden_layers", 0);
        if (!mtp) return mtp.error();
        if (*mtp < 0 || *mtp > 16) return k.error("'mtp_num_hidden_layers' must be in [0, 16]");
        m.mtp_layers = *mtp;
        if (m.mtp_layers > 0) read += ", " + count_text("mtp_num_hidden_layers", m.mtp_layers);
        if (root.contains("vision_config")) notes += " Its vision encoder is not modelled.";
    }
    if (deepseek || glm_moe) {
        auto mtp = k.or_else("num_nextn_predict_layers", 0);
        if (!mtp) return mtp.error();
        if (*mtp < 0 || *mtp > 16) return k.error("'num_nextn_predict_layers' must be in [0, 16]");
        m.mtp_layers = *mtp;
        if (m.mtp_layers > 0) read += ", " + count_text("num_nextn_predict_layers", m.mtp_layers);
    } else if (type == "llama4") {
        if (auto st = get(k.required("num_local_experts"), "num_local_experts", m.moe.experts); !st) return st.error();
        if (auto st = get(k.required("num_experts_per_tok"), "num_experts_per_tok", m.moe.top_k); !st) return st.error();
        m.moe.expert_ffn = m.ffn;  // intermediate_size: an expert's, and the shared expert's
        m.moe.shared_experts = 1;  // every Llama 4 MoE layer adds one shared expert
        if (auto st = get(k.or_else("intermediate_size_mlp", 0), "intermediate_size_mlp", m.ffn); !st) return st.error();
        if (auto st = moe_every("interleave_moe_layer_step"); !st) return st.error();
        if (const json* layers = k.find("moe_layers"); layers) {
            if (!layers->is_array()) return k.error("'moe_layers' must list layer indices");
            std::vector<bool> is_moe(static_cast<size_t>(m.layers), false);
            for (const json& i : *layers) {
                if (!i.is_number_integer() || i.get<int>() < 0 || i.get<int>() >= m.layers)
                    return k.error("'moe_layers' holds an index outside 0 to " + std::to_string(m.layers - 1));
                is_moe[static_cast<size_t>(i.get<int>())] = true;
            }
            const auto every = every_nth(m.layers, [&](int i) { return is_moe[static_cast<size_t>(i)]; });
            if (!every || *every == 0) return k.error("'moe_layers' has MoE layers at no regular interval");
            m.moe.every = *every;
        }
        auto chunk = k.or_else("attention_chunk_size", 0);
        if (!chunk) return chunk.error();
        if (*chunk > 0) {
            m.sliding_window = *chunk;
            m.window_kind = WindowKind::chunked;
            read += ", " + count_text("attention_chunk_size", *chunk);
            // Layers with RoPE attend their own chunk; the others (no_rope_layers 0) attend every key.
            std::optional<int> every;
            if (const json* nope = k.find("no_rope_layers"); nope && nope->is_array() && !nope->empty()) {
                if (static_cast<int>(nope->size()) != m.layers)
                    return k.error("'no_rope_layers' must hold one entry for each of the " + std::to_string(m.layers) +
                                   " layers");
                every = every_nth(m.layers, [&](int i) { return (*nope)[static_cast<size_t>(i)] == 0; });
                if (!every) return k.error("'no_rope_layers' has global layers at no regular interval");
            } else {
                auto interval = k.or_else("no_rope_layer_interval", 4);
                if (!interval) return interval.error();
                every = *interval;
            }
            m.sliding_window_every = *every == 1 ? 0 : *every;
        }
        if (root.contains("vision_config")) notes += " Its vision encoder is not modelled.";
    }
    // Gemma ties its embedding unless the file says otherwise (its classes' default).
    const json* tie = k.find("tie_word_embeddings");
    if (!tie && &part != &root) tie = Keys(root, at).find("tie_word_embeddings");
    m.tied_embedding = tie ? tie->is_boolean() && tie->get<bool>() : gemma;
    if ((type == "gemma3" || type == "kimi_k2") && root.contains("vision_config"))
        notes += " Its vision encoder is not modelled.";
    if (!defaulted.empty())
        notes += " Left out of the file, its configuration class's defaults (transformers' Gemma3TextConfig): " +
                 defaulted + ".";
    m.source = "Hugging Face config.json" + (origin.empty() ? std::string() : " (" + std::string(origin) + ")") +
               ": " + read + "." + notes;
    if (auto st = validate_model(m); !st) return Error{at + ": " + st.error().message};
    return m;
}

}  // namespace scoville
