#include "core/physical/roadmap.hpp"

#include <nlohmann/json.hpp>

#include "core/library/resources.hpp"
#include "core/perf/result_keys.hpp"
#include "core/util/json.hpp"

namespace scoville {

using nlohmann::json;

Result<std::vector<RoadmapEntry>> roadmap_from_json(std::string_view text, std::string_view origin) {
    const std::string where = origin.empty() ? std::string("roadmap") : std::string(origin);
    auto parsed = parse_json(text, where);
    if (!parsed) return parsed.error();
    json& j = *parsed;
    if (!j.is_object() || !j.contains("entries") || !j["entries"].is_array())
        return Error{where + ": expected an object with an 'entries' array"};
    std::vector<RoadmapEntry> out;
    size_t index = 0;
    for (const auto& e : j["entries"]) {
        const std::string at = where + ": entry " + std::to_string(index++);
        if (!e.is_object()) return Error{at + ": must be an object"};
        RoadmapEntry r;
        for (auto [key, field] : {std::pair{"vendor", &r.vendor}, std::pair{"family", &r.family},
                                  std::pair{"name", &r.name}, std::pair{"headline", &r.headline},
                                  std::pair{"confidence", &r.confidence}, std::pair{"source", &r.source}}) {
            if (!e.contains(key) || !e[key].is_string() || e[key].get<std::string>().empty())
                return Error{at + ": '" + key + "' must be a non-empty string"};
            *field = e[key].get<std::string>();
        }
        if (!e.contains("year") || !e["year"].is_number_integer())
            return Error{at + " (" + r.name + "): 'year' must be an integer"};
        r.year = e["year"].get<int>();
        if (r.year < 1990 || r.year > 2100)
            return Error{at + " (" + r.name + "): 'year' " + std::to_string(r.year) + " is out of range"};
        if (e.contains("chips")) {
            if (!e["chips"].is_array())
                return Error{at + " (" + r.name + "): 'chips' must be an array of chip ids"};
            for (const auto& c : e["chips"]) {
                if (!c.is_string())
                    return Error{at + " (" + r.name + "): 'chips' must be an array of chip ids"};
                r.chip_ids.push_back(c.get<std::string>());
            }
        }
        if (e.contains("announced")) {
            const std::string what = at + " (" + r.name + "): 'announced'";
            if (!e["announced"].is_object()) return Error{what + " must be an object of result keys and values"};
            for (const auto& [key, value] : e["announced"].items()) {
                const ResultKey* k = find_result_key(key);
                if (!k || k->group != "Chip")
                    return Error{what + ": '" + key + "' is not a chip result key (memory_gb, memory_tb_s, peak_fp8_tflops, ...)"};
                if (!value.is_number() || !(value.get<double>() > 0))
                    return Error{what + ": '" + key + "' must be a positive number"};
                r.announced.emplace_back(key, value.get<double>());
            }
        }
        out.push_back(std::move(r));
    }
    return out;
}

std::optional<double> RoadmapEntry::announced_value(std::string_view key) const {
    for (const auto& [k, v] : announced)
        if (k == key) return v;
    return std::nullopt;
}

const Result<std::vector<RoadmapEntry>>& default_roadmap() {
    static const Result<std::vector<RoadmapEntry>> roadmap = []() -> Result<std::vector<RoadmapEntry>> {
        auto text = embedded_file("roadmap/roadmap.json");
        if (!text) return Error{"roadmap/roadmap.json is not embedded in this build"};
        return roadmap_from_json(*text, "roadmap/roadmap.json");
    }();
    return roadmap;
}

}  // namespace scoville
