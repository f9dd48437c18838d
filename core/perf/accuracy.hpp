#pragma once
// How closely the model's serving throughput matched measured runs of workloads like one: the signed
// errors, (predicted - measured) / measured, of the built-in serving check rows (validation-public.csv
// and validation-extra.csv; the rows that set an efficiency, fits, left out), by workload class. The
// class is what separates those errors most: a dense or a mixture-of-experts model, and how a
// request's tokens divide between its prompt and its output. It says how far a prediction of that kind
// has been from hardware; it corrects nothing.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/validation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// A request's prompt tokens over all its tokens: below kOutputHeavyBelow it is output-heavy (128/2048,
// 128/4096), above kPromptHeavyAbove prompt-heavy (2048/128, 5000/500), else mixed (500/2000, 1000/1000,
// 1024/256: the bounds themselves are mixed).
inline constexpr double kOutputHeavyBelow = 0.2;
inline constexpr double kPromptHeavyAbove = 0.8;

enum class LengthMix { output_heavy, mixed, prompt_heavy };
// Key words: output_heavy, mixed, prompt_heavy.
std::string_view to_string(LengthMix mix);
LengthMix length_mix(double input_len, double output_len);

struct WorkloadClass {
    bool moe = false;
    LengthMix mix = LengthMix::mixed;
    bool operator==(const WorkloadClass&) const = default;
};
WorkloadClass workload_class(const ModelSpec& model, const Scenario& scenario);
// "dense models, mixed lengths" (the command line's words; the GUI words its own).
std::string describe(const WorkloadClass& c);

// The model's throughput against the measured runs of one class.
struct MeasuredAccuracy {
    WorkloadClass workload;
    int rows = 0;
    double median_error = 0;      // signed: positive, the model faster than measured
    double p10_error = 0;         // 10th and 90th percentiles of the signed errors (linear between ranks)
    double p90_error = 0;
    double median_abs_error = 0;
    int within_25 = 0;            // rows with |error| <= 25 %
    int within_35 = 0;            // rows with |error| <= 35 %
};

// The q-quantile (0..1) of `sorted` (ascending, not empty), linear between the ranks: rank q (n - 1).
double quantile_sorted(const std::vector<double>& sorted, double q);

// The serving check rows of `results` by class, dense before MoE, each in the order of LengthMix;
// classes without rows left out. A row's model is a built-in id or a JSON file (load_model); a row
// whose model cannot be loaded is an error naming it.
Result<std::vector<MeasuredAccuracy>> measured_accuracy(const std::vector<ValidationResult>& results);
// Every serving check row of the built-in sets (fits left out), evaluated now: about half a second.
Result<std::vector<ValidationResult>> builtin_serving_results();
// The same over the built-in sets, evaluated now (every serving row: about half a second).
Result<std::vector<MeasuredAccuracy>> compute_builtin_measured_accuracy();
// The built-in sets' table as this build's model gives it: evaluated when the program was built
// (core/tools/accuracy_table.cpp writes it) and linked from the scoville_accuracy library, so that
// reading it costs nothing.
std::span<const MeasuredAccuracy> builtin_measured_accuracy();
// The entry of `c` in `table`, or nullptr.
const MeasuredAccuracy* find_accuracy(std::span<const MeasuredAccuracy> table, const WorkloadClass& c);

// The model's throughput against every serving check row measured on one reference chip, whatever its workload
// (`accuracy.workload` is left at its default): how far a prediction for that chip has been from its hardware.
struct ChipAccuracy {
    std::string chip;  // the chip's id in the library
    MeasuredAccuracy accuracy;
};
// The serving check rows of `results` by chip, in the order of the chips' ids.
std::vector<ChipAccuracy> measured_accuracy_by_chip(const std::vector<ValidationResult>& results);
// The same over the built-in sets, evaluated now.
Result<std::vector<ChipAccuracy>> compute_builtin_chip_accuracy();
// The built-in sets' table by chip as this build's model gives it (written with the one above).
std::span<const ChipAccuracy> builtin_chip_accuracy();
// The entry of `chip_id` in `table`, or nullptr (a chip no measured run holds).
const MeasuredAccuracy* find_chip_accuracy(std::span<const ChipAccuracy> table, std::string_view chip_id);
// The entry of `chip` in `table` where it is the library's chip of its id as the library holds it, or nullptr: a
// chip with any value changed is another chip, which no run measured.
const MeasuredAccuracy* find_reference_chip_accuracy(std::span<const ChipAccuracy> table, const ChipSpec& chip);

}  // namespace scoville
