#pragma once
// The parameter registry: every chip parameter as a dotted key with unit, range and basis.
// The CLI's --set, design files, sessions and the GUI's parameter panel all go through it.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"

namespace scoville {

enum class ParamKind { real, integer, choice };

struct ParamInfo {
    std::string_view key;          // "compute.clock_ghz"
    std::string_view group;        // "Compute"
    std::string_view label;        // "Clock"
    std::string_view unit;         // "GHz" ("" for counts and fractions)
    ParamKind kind = ParamKind::real;
    double min = 0.0;              // valid range, inclusive
    double max = 0.0;
    double slider_min = 0.0;       // a useful range for a slider
    double slider_max = 0.0;
    bool log_scale = false;        // slider moves geometrically
    std::vector<std::string_view> choices;  // for ParamKind::choice; the value is the index
    std::string_view description;  // meaning and basis, one or two lines
    double (*get)(const ChipSpec&) = nullptr;
    void (*set)(ChipSpec&, double) = nullptr;
    std::string_view zero_as;      // a key whose 0 means "as this other key" ("" where 0 is a value)
    std::string_view replaces;     // a tech-library parameter (nodes.json) this key takes the place of where not 0
    bool measurement_point = false;  // where measured keys hold (calibration.*): a fact of the data, not a lever
};

// All parameters, in display order.
std::span<const ParamInfo> chip_params();
const ParamInfo* find_param(std::string_view key);

// Numeric value of a parameter (choice parameters: the index).
Result<double> get_param(const ChipSpec& chip, std::string_view key);
// Text form: numbers with full precision, choices by name.
Result<std::string> get_param_text(const ChipSpec& chip, std::string_view key);

// Check a value against the key's kind and range; the message names the key.
Status check_param(const ParamInfo& info, double value);
// Set from a number (choice: index).
Status set_param(ChipSpec& chip, std::string_view key, double value);
// Set from text as typed on the command line ("1.8", "hbm3e", "torus").
Status set_param_text(ChipSpec& chip, std::string_view key, std::string_view text);
// Parse "key=value" and apply it.
Status apply_assignment(ChipSpec& chip, std::string_view assignment);

// Every parameter within its range (check_param), then the checks across parameters (check_chip_whole).
Status validate_chip(const ChipSpec& chip);
// Whether every parameter but those in `skip` is within its range (a sweep checks its base chip so once,
// and each key it varies as it sets it).
bool params_in_range(const ChipSpec& chip, std::span<const ParamInfo* const> skip = {});
// The checks across parameters alone (e.g. no compute at any precision), for a chip whose parameters are
// each known to be in range.
Status check_chip_whole(const ChipSpec& chip);

}  // namespace scoville
