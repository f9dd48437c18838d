#pragma once
// A model described by the configuration a Hugging Face model repository publishes beside its weights
// (config.json of the transformers library): the architectures the model library holds (Llama, Mistral,
// Mixtral, Qwen2 and Qwen3 dense and MoE, Qwen3-Next, DeepSeek-V2/V3, Llama 4, gpt-oss), GLM-4.5's MoE and Qwen3.5
// (its linear-attention layers, dense or MoE), read into a ModelSpec.
#include <string_view>

#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// True when `text` is a JSON object in the transformers form ("model_type" or "architectures" at its top,
// or in its "text_config"), not a model file of this library ("layers").
bool looks_like_hf_config(std::string_view text);

// Reads a transformers config.json. `id` names the model (a library id's form: lower case, digits, '-', '.',
// '_'); `name` is shown to users (empty: the id). What the file cannot say the result leaves at the library's
// defaults (no routing skew), and its source says what was read and what was left out (vision towers,
// multi-token-prediction layers; Gemma 3's keys left at its configuration class's defaults, which it takes,
// listed). A configuration the model
// cannot represent is refused with the key that says so: an unknown model_type, Qwen's sliding window on some
// layers, dense layers amid MoE ones other than at the start or every n-th.
Result<ModelSpec> model_from_hf_config(std::string_view text, std::string_view id, std::string_view name = {},
                                       std::string_view origin = {});

// An id for a model read from `path`: its file name without ".json", or for "config.json" the folder it
// lies in (…/Qwen3-30B-A3B/config.json: "qwen3-30b-a3b"), lower case, other characters as '-'.
std::string model_id_from_path(std::string_view path);

}  // namespace scoville
