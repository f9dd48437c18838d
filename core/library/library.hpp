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
std::vector<std::string> reference_chip_ids();

// An id of resources/models/<id>.json, or a path to a model JSON file.
Result<ModelSpec> load_model(std::string_view id_or_path);
std::vector<ModelSpec> reference_models();
std::vector<std::string> reference_model_ids();

}  // namespace scoville
