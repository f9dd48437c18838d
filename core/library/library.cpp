#include "core/library/library.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/resources.hpp"
#include "core/workload/hf_config.hpp"

namespace scoville {
namespace {

// Ids of embedded files under `folder` ("chips/"), in the embedded (sorted) order.
std::vector<std::string> ids_in(std::string_view folder) {
    std::vector<std::string> ids;
    for (const auto& f : embedded_files()) {
        if (f.path.size() > folder.size() + 5 && f.path.substr(0, folder.size()) == folder &&
            f.path.substr(f.path.size() - 5) == ".json" &&
            f.path.find('/', folder.size()) == std::string_view::npos)
            ids.emplace_back(f.path.substr(folder.size(), f.path.size() - folder.size() - 5));
    }
    return ids;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

bool looks_like_path(std::string_view s) {
    return s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos ||
           (s.size() > 5 && s.substr(s.size() - 5) == ".json");
}

Result<std::string> read_file(std::string_view path) {
    std::ifstream in{std::string(path), std::ios::binary};
    if (!in) return Error{"cannot read '" + std::string(path) + "'"};
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) return Error{"cannot read '" + std::string(path) + "'"};
    return ss.str();
}

template <typename T, typename Parse>
Result<T> load(std::string_view id_or_path, std::string_view folder, std::string_view what, Parse parse) {
    if (id_or_path.empty()) return Error{std::string(what) + ": empty id"};
    const std::string rel = std::string(folder) + std::string(id_or_path) + ".json";
    if (!looks_like_path(id_or_path)) {
        if (auto content = embedded_file(rel)) return parse(*content, rel);
        std::ifstream probe{std::string(id_or_path)};
        if (!probe)
            return Error{"unknown " + std::string(what) + " '" + std::string(id_or_path) +
                         "' (valid ids: " + join(ids_in(folder)) + "; or a path to a JSON file)"};
    }
    auto text = read_file(id_or_path);
    if (!text) return text.error();
    return parse(*text, id_or_path);
}

}  // namespace

Result<ChipSpec> load_chip(std::string_view id_or_path) {
    return load<ChipSpec>(id_or_path, "chips/", "chip",
                          [](std::string_view text, std::string_view origin) { return chip_from_json(text, origin); });
}

std::vector<std::string> reference_chip_ids() { return ids_in("chips/"); }

std::vector<ChipSpec> reference_chips() {
    std::vector<ChipSpec> chips;
    for (const auto& id : reference_chip_ids())
        if (auto c = load_chip(id)) chips.push_back(std::move(*c));
    return chips;
}

Result<ModelSpec> load_model(std::string_view id_or_path) {
    return load<ModelSpec>(id_or_path, "models/", "model", [](std::string_view text, std::string_view origin) {
        // A model repository's transformers config.json reads as well as a model file of the library.
        if (looks_like_hf_config(text)) return model_from_hf_config(text, model_id_from_path(origin), {}, origin);
        return model_from_json(text, origin);
    });
}

std::vector<std::string> reference_model_ids() { return ids_in("models/"); }

std::vector<ModelSpec> reference_models() {
    std::vector<ModelSpec> models;
    for (const auto& id : reference_model_ids())
        if (auto m = load_model(id)) models.push_back(std::move(*m));
    return models;
}

const std::vector<ChipSpec>& library_chips() {
    static const std::vector<ChipSpec> chips = reference_chips();
    return chips;
}

std::vector<EfficiencyBasis> efficiency_basis(const ChipSpec& chip) {
    const std::vector<ChipSpec>& library = library_chips();
    auto estimated = [](const ChipSpec& c, std::string_view key) {
        return std::find(c.estimated.begin(), c.estimated.end(), key) != c.estimated.end();
    };
    std::vector<EfficiencyBasis> out;
    for (const ParamInfo& key : chip_params()) {
        if (!key.key.starts_with("efficiency.")) continue;
        EfficiencyBasis b;
        b.key = std::string(key.key);
        // A key left 0 that follows another takes that one's value, and its basis.
        const ParamInfo* followed = !key.zero_as.empty() && key.get(chip) == 0 ? find_param(key.zero_as) : nullptr;
        if (followed) b.as = std::string(key.zero_as);
        const ParamInfo& p = followed ? *followed : key;
        if (!estimated(chip, p.key)) {
            b.basis = "measured";
        } else {
            b.basis = "estimate";
            const double v = p.get(chip);
            for (const ChipSpec& other : library) {
                if (other.id == chip.id || estimated(other, p.key) || p.get(other) != v) continue;
                b.basis = "carried";
                b.from = other.id;
                break;
            }
        }
        out.push_back(std::move(b));
    }
    return out;
}

}  // namespace scoville
