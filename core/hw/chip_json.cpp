#include "core/hw/chip_json.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/hw/params.hpp"
#include "core/util/format.hpp"
#include "core/util/json.hpp"

namespace scoville {

using nlohmann::json;

namespace {
std::string where(std::string_view origin) { return origin.empty() ? "chip" : std::string(origin); }

// "ranges": {"KEY": [LOW, HIGH], ...} in the key's unit, around the chip's value of the key.
Status read_ranges(const json& r, ChipSpec& chip, const std::string& origin) {
    if (!r.is_object()) return Error{origin + ": 'ranges' must be an object of \"key\": [low, high]"};
    for (auto it = r.begin(); it != r.end(); ++it) {
        const std::string& key = it.key();
        const std::string at = origin + ": ranges." + key;
        const ParamInfo* info = find_param(key);
        if (!info) return Error{at + ": unknown parameter key"};
        if (info->kind == ParamKind::choice) return Error{at + ": a choice has no numeric range"};
        const json& v = it.value();
        if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number())
            return Error{at + ": expected [low, high]"};
        const double lo = v[0].get<double>(), hi = v[1].get<double>(), value = info->get(chip);
        if (value <= 0) return Error{at + ": the value is " + format_number(value) + "; a range needs a positive value"};
        if (!(lo <= value && value <= hi))
            return Error{at + ": [" + format_number(lo) + ", " + format_number(hi) + "] does not hold the value " +
                         format_number(value)};
        if (lo < info->min || hi > info->max)
            return Error{at + ": [" + format_number(lo) + ", " + format_number(hi) + "] leaves the valid range [" +
                         format_number(info->min) + ", " + format_number(info->max) + "]"};
        for (const KeyRange& e : chip.ranges)
            if (e.key == key) return Error{at + ": given twice"};
        chip.ranges.push_back({key, lo / value, hi / value});
    }
    return Ok{};
}
}  // namespace

Result<ChipSpec> chip_from_json(std::string_view text, std::string_view origin) {
    auto parsed = parse_json(text, where(origin));
    if (!parsed) return parsed.error();
    json& j = *parsed;
    if (!j.is_object()) return Error{where(origin) + ": expected a JSON object"};

    ChipSpec chip;
    try {
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            const json& v = it.value();
            auto need_string = [&](std::string& out) -> Status {
                if (!v.is_string()) return Error{where(origin) + ": '" + k + "' must be a string"};
                out = v.get<std::string>();
                return Ok{};
            };
            if (k == "id" || k == "name" || k == "vendor" || k == "confidence" || k == "source" ||
                k == "notes") {
                std::string* target = k == "id"           ? &chip.id
                                      : k == "name"       ? &chip.name
                                      : k == "vendor"     ? &chip.vendor
                                      : k == "confidence" ? &chip.confidence
                                      : k == "source"     ? &chip.source
                                                          : &chip.notes;
                if (auto st = need_string(*target); !st) return st.error();
            } else if (k == "year") {
                if (!v.is_number_integer()) return Error{where(origin) + ": 'year' must be an integer"};
                chip.year = v.get<int>();
            } else if (k == "estimated") {
                if (!v.is_array()) return Error{where(origin) + ": 'estimated' must be an array of keys"};
                for (const auto& e : v) {
                    if (!e.is_string() || !find_param(e.get<std::string>()))
                        return Error{where(origin) + ": 'estimated' lists an unknown parameter key"};
                    chip.estimated.push_back(e.get<std::string>());
                }
            } else if (k == "ranges") {
                continue;  // read once every value is known (below)
            } else if (v.is_object()) {
                for (auto p = v.begin(); p != v.end(); ++p) {
                    const std::string key = k + "." + p.key();
                    const ParamInfo* info = find_param(key);
                    if (!info) return Error{where(origin) + ": unknown parameter '" + key + "'"};
                    Status st = Ok{};
                    if (info->kind == ParamKind::choice) {
                        if (!p.value().is_string())
                            return Error{where(origin) + ": parameter '" + key + "' must be a string"};
                        st = set_param_text(chip, key, p.value().get<std::string>());
                    } else {
                        if (!p.value().is_number())
                            return Error{where(origin) + ": parameter '" + key + "' must be a number"};
                        st = set_param(chip, key, p.value().get<double>());
                    }
                    if (!st) return Error{where(origin) + ": " + st.error().message};
                }
            } else {
                return Error{where(origin) + ": unknown key '" + k + "'"};
            }
        }
        if (auto r = j.find("ranges"); r != j.end()) {
            if (auto st = read_ranges(*r, chip, where(origin)); !st) return st.error();
        }
    } catch (const json::exception& e) {
        return Error{where(origin) + ": " + e.what()};
    }
    if (auto st = validate_chip(chip); !st) return Error{where(origin) + ": " + st.error().message};
    return chip;
}

std::string chip_to_json(const ChipSpec& chip, int indent) {
    json j = json::object();
    j["id"] = chip.id;
    j["name"] = chip.name;
    j["vendor"] = chip.vendor;
    j["year"] = chip.year;
    j["confidence"] = chip.confidence;
    j["source"] = chip.source;
    j["estimated"] = chip.estimated;
    if (!chip.ranges.empty()) {
        json r = json::object();
        for (const KeyRange& e : chip.ranges) {
            const ParamInfo* info = find_param(e.key);
            if (!info) continue;
            // Within the key's valid range, so a design edited towards a limit still reads back.
            const double v = info->get(chip);
            r[e.key] = json::array({std::clamp(e.low * v, info->min, v), std::clamp(e.high * v, v, info->max)});
        }
        j["ranges"] = r;
    }
    j["notes"] = chip.notes;
    for (const auto& info : chip_params()) {
        const std::string key(info.key);
        const auto dot = key.find('.');
        const std::string group = key.substr(0, dot);
        const std::string name = key.substr(dot + 1);
        const double v = info.get(chip);
        if (info.kind == ParamKind::choice)
            j[group][name] = std::string(info.choices.at(static_cast<size_t>(v)));
        else if (info.kind == ParamKind::integer)
            j[group][name] = static_cast<long long>(v);
        else
            j[group][name] = v;
    }
    return j.dump(indent);
}

}  // namespace scoville
