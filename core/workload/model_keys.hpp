#pragma once
// The model vocabulary: every architecture field of a ModelSpec as the key a model file names it by
// ("layers", "moe.experts"), with its label, unit, range and meaning, for forms that edit a model. The ranges
// are validate_model's; a test holds every key to the model file's.
#include <span>
#include <string_view>
#include <vector>

#include "core/workload/model.hpp"

namespace scoville {

enum class ModelKeyKind { integer, real, choice, flag };

struct ModelKey {
    std::string_view key;    // "moe.experts": the model file's key (a member of "moe" or "mla" after the dot)
    std::string_view group;  // "Shape", "Attention", "Feed-forward", "Mixture of experts", "Latent attention"
    std::string_view label;  // "Routed experts"
    std::string_view unit;   // "tokens", or "" for counts
    ModelKeyKind kind = ModelKeyKind::integer;
    double min = 0, max = 0;
    std::vector<std::string_view> choices;  // choice kind, by value
    std::string_view description;
    double (*get)(const ModelSpec&) = nullptr;
    void (*set)(ModelSpec&, double) = nullptr;
};

// Every key, in display order.
std::span<const ModelKey> model_keys();
const ModelKey* find_model_key(std::string_view key);

}  // namespace scoville
