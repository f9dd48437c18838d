#pragma once
// Evaluation -> text: the JSON the CLI prints (keys carry their units), a CSV with one row per op per
// layer, and a readable table. Shared by the CLI, the GUI's export and sessions.
#include <string>

#include "core/hw/chip.hpp"
#include "core/perf/accuracy.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/result_keys.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// `against`: the design's cost per token against a baseline chip (eval --baseline), or none.
// `ranges`: the headline results' ranges over the chip's uncertain parameters, or none.
// `accuracy`: how the model's throughput matched measured runs of the workload's class, or none.
// `chip_accuracy`: how it matched every measured run on the chip (a reference chip, unchanged), or none.
std::string evaluation_to_json(const Evaluation& ev, const ChipSpec& chip, const ModelSpec& model,
                               const Scenario& scenario, int indent = 2, const CostComparison* against = nullptr,
                               const Ranges* ranges = nullptr, const MeasuredAccuracy* accuracy = nullptr,
                               const MeasuredAccuracy* chip_accuracy = nullptr);
std::string evaluation_to_csv(const Evaluation& ev);
std::string evaluation_to_table(const Evaluation& ev, const ChipSpec& chip, const ModelSpec& model,
                                const Scenario& scenario, const CostComparison* against = nullptr,
                                const Ranges* ranges = nullptr, const MeasuredAccuracy* accuracy = nullptr,
                                const MeasuredAccuracy* chip_accuracy = nullptr);
// One line for people: "tokens/s against 247 measured runs of dense models, ...: median +1.7 % ...".
std::string measured_accuracy_text(const MeasuredAccuracy& accuracy);
// The same for every measured run on one chip: "tokens/s against the 8 measured runs on tpu-v7 (every workload): ...".
std::string measured_chip_accuracy_text(const MeasuredAccuracy& accuracy, std::string_view chip);

}  // namespace scoville
