#pragma once
// Chip design files: JSON objects grouped like the dotted keys.
//   {"id": "h100-sxm", "name": ..., "compute": {"cores": 132, ...}, "hbm": {...}, ...}
#include <string>
#include <string_view>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"

namespace scoville {

// Parse a chip. Missing parameters keep their defaults; unknown keys, wrong types and
// out-of-range values are refused with the key named. `origin` names the file in messages.
Result<ChipSpec> chip_from_json(std::string_view text, std::string_view origin);
// Lossless: chip_from_json(chip_to_json(c)) == c.
std::string chip_to_json(const ChipSpec& chip, int indent = 2);

}  // namespace scoville
