#pragma once
// Reference chips and models: ids resolve to the JSON files embedded from resources/, anything
// else is read as a path to a JSON file.
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

// An id of resources/chips/<id>.json, or a path to a chip JSON file.
Result<ChipSpec> load_chip(std::string_view id_or_path);
std::vector<ChipSpec> reference_chips();
// The same, read once for the program and kept (for lookups that compare against the library).
const std::vector<ChipSpec>& library_chips();
std::vector<std::string> reference_chip_ids();

// An id of resources/models/<id>.json, or a path to a model JSON file: one of the library's form, or a
// Hugging Face model repository's config.json (core/workload/hf_config.hpp), whose id its path gives.
Result<ModelSpec> load_model(std::string_view id_or_path);
std::vector<ModelSpec> reference_models();
std::vector<std::string> reference_model_ids();

// Where each efficiency of a chip comes from: measured on the chip (not in its `estimated` list; the
// sources are in its notes), carried over from a reference chip that measured the same value, or an
// estimate of its own. Worked out from the library, so a claim of "carried over" is always true.
struct EfficiencyBasis {
    std::string key;     // "efficiency.compute_fp8"
    std::string basis;   // "measured", "carried" or "estimate"
    std::string from;    // for "carried": the reference chip id whose measured value it is
    std::string as;      // a key left 0 that means "as another key" (ParamInfo::zero_as): that key, whose
                         // basis this is
};
std::vector<EfficiencyBasis> efficiency_basis(const ChipSpec& chip);

}  // namespace scoville
