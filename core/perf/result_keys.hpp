#pragma once
// The result vocabulary: every headline number of an Evaluation as a key with its unit, label,
// better direction and getter, like the chip parameters (hw/params) and the workload keys
// (workload/scenario_keys). The keys are those of `scoville eval --format json`; the JSON, the
// GUI's KPI cards and comparison, sweep objectives and report tables all name results through it.
#include <optional>
#include <string>
#include <vector>
#include <span>
#include <string_view>

#include "core/perf/evaluation.hpp"

namespace scoville {

// Which way a result is better, for deltas, comparisons and objectives.
enum class Better { higher, lower, none };

// How a value reads: a formatting hint for every front end.
enum class ResultKind {
    integer,    // an exact whole number (batch, replicas): "1,024"; JSON prints it as an integer
    si,         // a number with an SI prefix, its unit in the label (tokens/s, tokens/J): "12.3 k"
    seconds,    // a time, SI-scaled: "38.0 ms"
    money,      // US dollars: "$1.23"
    whole,      // rounded to a whole number, with its unit: "814 mm2", "700 W"
    decimal,    // three significant digits, with its unit: "1.98 GHz", "3.35 TB/s"
    gigabytes,  // GB, shown with an SI prefix on bytes: "1.23 TB"
    fraction,   // 0..1, shown as a percentage
};

struct ResultKey {
    std::string_view key;          // "ttft_p99_s": the JSON key, carrying its unit
    std::string_view group;        // "Throughput", "Latency", "Batch", "Engine", "Memory", "Physical", "Chip"
    std::string_view label;        // "Time to first token, p99": plain English, translated by the GUI
    std::string_view short_label;  // "TTFT p99": for cards, column headers and axis ticks
    std::string_view unit;         // "s", "tokens/s", "USD", "mm2" ("" for counts and fractions)
    Better better = Better::none;
    ResultKind kind = ResultKind::si;
    std::optional<double> (*get)(const Evaluation&) = nullptr;  // nullopt: not applicable
    bool latency = false;  // from the queueing model (EvalWorkspace::latencies)

    // The value on an evaluation; nullopt where the key does not apply or the value is not finite.
    [[nodiscard]] std::optional<double> value(const Evaluation& ev) const;
    // A latency that grows without bound (a queue that never settles): value() has none, and it reads
    // null in JSON and unbounded on screen.
    [[nodiscard]] bool unbounded(const Evaluation& ev) const;
    // +1 when `value` is better than `base`, -1 when worse, 0 when equal, not comparable or neither.
    [[nodiscard]] int compare(double value, double base) const;
};

// A result's range over the uncertainty of the chip's parameters (computed by sweep/ranges).
struct ResultRange {
    const ResultKey* key = nullptr;
    double value = 0;          // on the design
    double low = 0, high = 0;  // low <= value <= high
    std::string widest;        // the parameter key that moves this result most ("" when none does)
};

struct Ranges {
    std::vector<ResultRange> results;  // in the order asked for; results that do not apply are left out
    int evaluations = 0;
    std::vector<std::string> failed;   // "KEY=VALUE: why" for ends at which the design does not evaluate
    // Two designs' results are within each other's uncertainty when their ranges overlap.
    [[nodiscard]] const ResultRange* find(std::string_view key) const;
};

// Every key, in the order `eval --format json` prints them.
std::span<const ResultKey> result_keys();
const ResultKey* find_result_key(std::string_view key);

std::string_view to_string(Better b);

}  // namespace scoville
