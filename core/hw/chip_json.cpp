#include "core/hw/chip_json.hpp"

#include <nlohmann/json.hpp>

#include "core/hw/params.hpp"
#include "core/util/json.hpp"

namespace scoville {

using nlohmann::json;

namespace {
std::string where(std::string_view origin) { return origin.empty() ? "chip" : std::string(origin); }
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
