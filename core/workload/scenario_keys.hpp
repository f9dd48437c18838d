#pragma once
// The workload vocabulary: every serving-scenario field as a key with its unit, range and meaning,
// read and written as text. Sessions store workloads key by key through it, so a new key needs no
// schema change; the CLI and the GUI name the same keys.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

enum class WorkloadKeyKind { integer, real, choice, text, limit };

struct WorkloadKey {
    std::string_view key;          // "max_tokens_per_step"
    std::string_view group;        // "Requests", "Precision", "Parallelism", "Engine", ...
    std::string_view label;        // "Token budget per step"
    std::string_view unit;         // "tokens", "s", "" for counts and fractions
    WorkloadKeyKind kind = WorkloadKeyKind::integer;
    double min = 0, max = 0;       // integer and real kinds (limit: > 0; empty = none)
    std::string_view zero_text;    // what 0 means when it is special ("auto", "off", "steady"); "" otherwise
    std::vector<std::string_view> choices;  // choice kind
    std::string_view description;
    std::string (*get)(const Scenario&) = nullptr;
    void (*set)(Scenario&, double value, std::string_view text) = nullptr;
    // A text key whose text has a form of its own: the check that refuses a bad one, naming the key.
    Status (*check)(std::string_view text) = nullptr;
    // Whether the key can change the result of this scenario on this model (null: always). It cannot where
    // `applies_when` does not hold: a prefill pool's degree without pools, an MoE setting on a dense model,
    // the acceptance without draft tokens. Forms show such a key greyed out.
    bool (*applies)(const Scenario&, const ModelSpec&) = nullptr;
    std::string_view applies_when;  // "with prefill/decode pools", ...
    // Whether the scenario holds a value of its own for the key, not the default (null: its text differs from
    // the default's); a key with `applies` has one, which an evaluation asks cheaply.
    bool (*holds_value)(const Scenario&) = nullptr;
    // A default that is an estimate with a range: the values at the range's ends, as text (host_active_share's
    // 0.4 and 0.8), or the other setting the engines run (attention_dp_balance's "on"). The results' ranges
    // (core/sweep/ranges.hpp) evaluate a design at each where the scenario keeps the default and the key applies.
    std::vector<std::string_view> estimate_ends;
};

// Whether `key` can change the result of `s` on `model` (WorkloadKey::applies).
bool workload_key_applies(const WorkloadKey& key, const Scenario& s, const ModelSpec& model);
// Whether `s` holds a value of its own for `key`, not the default (WorkloadKey::holds_value).
bool workload_key_holds_value(const WorkloadKey& key, const Scenario& s);

// Every key, in display order.
std::span<const WorkloadKey> workload_keys();
const WorkloadKey* find_workload_key(std::string_view key);

// Text form of a key's value (numbers as the shortest exact decimal, choices by name, an absent
// limit as "").
Result<std::string> get_workload_text(const Scenario& s, std::string_view key);
// Sets a key from text, checking its kind and range; the message names the key.
Status set_workload_text(Scenario& s, std::string_view key, std::string_view text);

}  // namespace scoville
