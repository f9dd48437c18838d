#pragma once
// Announced accelerator generations for roadmap timelines (resources/roadmap/roadmap.json).
#include <optional>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "core/util/result.hpp"

namespace scoville {

struct RoadmapEntry {
    std::string vendor;
    std::string family;
    std::string name;
    int year = 0;
    std::string headline;    // figures as announced
    std::string confidence;  // A, B, C
    std::string source;
    std::vector<std::string> chip_ids;  // reference chips for this generation (may be empty)
    // Figures the headline states, by result key (core/perf/result_keys, group "Chip": "memory_gb",
    // "peak_fp4_tflops", ...), for generations without a chip spec; in file order.
    std::vector<std::pair<std::string, double>> announced;
    [[nodiscard]] std::optional<double> announced_value(std::string_view key) const;
    friend bool operator==(const RoadmapEntry&, const RoadmapEntry&) = default;
};

// Every field but chip_ids and announced is required; the message names the entry and the field.
Result<std::vector<RoadmapEntry>> roadmap_from_json(std::string_view text, std::string_view origin);
// The embedded resources/roadmap/roadmap.json (parsed once).
const Result<std::vector<RoadmapEntry>>& default_roadmap();

}  // namespace scoville
