#include "core/design/edit.hpp"

#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {

namespace {

constexpr std::pair<EditKind, std::string_view> kKindNames[] = {
    {EditKind::chip, "chip"},         {EditKind::design, "design"},     {EditKind::workload, "workload"},
    {EditKind::baseline, "baseline"}, {EditKind::compared, "compared"},
};

Error unknown_target(std::string_view name) {
    std::string text = "'";
    text.append(name).append(
        "' is not an editable key (a chip parameter such as compute.clock_ghz, workload.model, "
        "workload.KEY for a workload key such as workload.batch, baseline or compared)");
    return Error{text};
}

}  // namespace

std::string_view to_string(EditKind kind) {
    for (const auto& [k, name] : kKindNames)
        if (k == kind) return name;
    return "chip";
}

std::optional<EditKind> parse_edit_kind(std::string_view text) {
    for (const auto& [k, name] : kKindNames)
        if (name == text) return k;
    return std::nullopt;
}

std::string join_ids(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
    return out;
}

std::vector<std::string> split_ids(std::string_view text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        const size_t end = comma == std::string_view::npos ? text.size() : comma;
        std::string_view part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

Result<EditTarget> parse_edit_target(std::string_view name) {
    if (name == kBaselineKey) return EditTarget{EditKind::baseline, std::string(kBaselineKey)};
    if (name == kComparedKey) return EditTarget{EditKind::compared, std::string(kComparedKey)};
    if (name.starts_with(kWorkloadPrefix)) {
        const std::string_view key = name.substr(kWorkloadPrefix.size());
        if (key == kModelKey || find_workload_key(key))
            return EditTarget{EditKind::workload, std::string(key)};
        return unknown_target(name);
    }
    if (find_param(name)) return EditTarget{EditKind::chip, std::string(name)};
    return unknown_target(name);
}

std::string edit_target_name(EditKind kind, std::string_view key) {
    if (kind == EditKind::workload) return std::string(kWorkloadPrefix) + std::string(key);
    return std::string(key);
}

Result<std::string> edit_value(const DesignValues& v, EditKind kind, std::string_view key) {
    switch (kind) {
        case EditKind::chip:
            return get_param_text(v.chip, key);
        case EditKind::design:
            return chip_to_json(v.chip, -1);
        case EditKind::workload:
            if (key == kModelKey) return v.model_json.empty() ? v.model_id : v.model_json;
            return get_workload_text(v.scenario, key);
        case EditKind::baseline:
            return v.baseline_id;
        case EditKind::compared:
            return join_ids(v.compared_ids);
    }
    return Error{"unknown edit kind"};
}

Status set_edit_value(DesignValues& v, EditKind kind, std::string_view key, std::string_view text) {
    switch (kind) {
        case EditKind::chip:
            return set_param_text(v.chip, key, text);
        case EditKind::design: {
            auto chip = chip_from_json(text, "design edit");
            if (!chip) return chip.error();
            v.chip = std::move(*chip);
            return Ok{};
        }
        case EditKind::workload:
            if (key == kModelKey) {  // "" = no workload yet (how a design starts)
                if (text.starts_with('{')) {  // a model's own description
                    auto model = model_from_json(text, "workload.model");
                    if (!model) return model.error();
                    set_own_model(v, *model);
                    return Ok{};
                }
                v.model_id = std::string(text);
                v.model_json.clear();
                return Ok{};
            }
            return set_workload_text(v.scenario, key, text);
        case EditKind::baseline:
            v.baseline_id = std::string(text);
            return Ok{};
        case EditKind::compared:
            v.compared_ids = split_ids(text);
            return Ok{};
    }
    return Error{"unknown edit kind"};
}

Status apply_step(DesignValues& values, const EditStep& step, bool forward) {
    DesignValues next = values;
    if (forward) {
        for (const Edit& e : step)
            if (auto st = set_edit_value(next, e.kind, e.key, e.new_value); !st) return st;
    } else {
        for (auto it = step.rbegin(); it != step.rend(); ++it)
            if (auto st = set_edit_value(next, it->kind, it->key, it->old_value); !st) return st;
    }
    values = std::move(next);
    return Ok{};
}

Result<std::optional<Edit>> make_edit(const DesignValues& values, const EditTarget& target,
                                      std::string_view text) {
    auto old_text = edit_value(values, target.kind, target.key);
    if (!old_text) return old_text.error();
    DesignValues next = values;
    if (auto st = set_edit_value(next, target.kind, target.key, text); !st) return st.error();
    auto new_text = edit_value(next, target.kind, target.key);  // normalised ("2.0" -> "2")
    if (!new_text) return new_text.error();
    if (*new_text == *old_text) return std::optional<Edit>();
    return std::optional<Edit>(Edit{target.kind, target.key, std::move(*old_text), std::move(*new_text)});
}

EditStep diff_values(const DesignValues& from, const DesignValues& to) {
    EditStep step;
    ChipSpec probe = from.chip;
    EditStep chip_edits;
    for (const auto& info : chip_params()) {
        const std::string a = *get_param_text(from.chip, info.key), b = *get_param_text(to.chip, info.key);
        if (a == b) continue;
        chip_edits.push_back({EditKind::chip, std::string(info.key), a, b});
        info.set(probe, info.get(to.chip));
    }
    if (!(probe == to.chip))  // identity, sources or notes changed too: the whole chip
        step.push_back({EditKind::design, std::string(kWholeChipKey), chip_to_json(from.chip, -1),
                        chip_to_json(to.chip, -1)});
    else
        step = std::move(chip_edits);
    if (from.model_id != to.model_id || from.model_json != to.model_json)
        step.push_back({EditKind::workload, std::string(kModelKey), *edit_value(from, EditKind::workload, kModelKey),
                        *edit_value(to, EditKind::workload, kModelKey)});
    for (const auto& k : workload_keys()) {
        const std::string a = k.get(from.scenario), b = k.get(to.scenario);
        if (a != b) step.push_back({EditKind::workload, std::string(k.key), a, b});
    }
    if (from.baseline_id != to.baseline_id)
        step.push_back({EditKind::baseline, std::string(kBaselineKey), from.baseline_id, to.baseline_id});
    if (from.compared_ids != to.compared_ids)
        step.push_back({EditKind::compared, std::string(kComparedKey), join_ids(from.compared_ids),
                        join_ids(to.compared_ids)});
    return step;
}

Result<ModelSpec> design_model(const DesignValues& values,
                               const std::function<Result<ModelSpec>(std::string_view id)>& library) {
    if (!values.model_json.empty()) return model_from_json(values.model_json, "workload.model");
    return library(values.model_id);
}

std::string own_model_text(const ModelSpec& model) { return model_to_json(model, -1); }

void set_own_model(DesignValues& values, const ModelSpec& model) {
    values.model_id = model.id;
    values.model_json = own_model_text(model);
}

std::string model_edit_label(std::string_view text) {
    if (!text.starts_with('{')) return std::string(text);
    auto model = model_from_json(text, "history");
    if (!model) return "?";
    return model->name.empty() ? model->id : model->name;
}

bool is_noop(const EditStep& step) {
    for (const Edit& e : step)
        if (e.old_value != e.new_value) return false;
    return true;
}

std::string describe_edit(const Edit& e) {
    auto shown = [](const std::string& v) { return v.empty() ? std::string("none") : v; };
    switch (e.kind) {
        case EditKind::chip: {
            const ParamInfo* p = find_param(e.key);
            const std::string unit = p && !p->unit.empty() ? std::string(" ").append(p->unit) : std::string();
            const std::string label =
                p ? std::string(p->label).append(" (").append(e.key).append(")") : e.key;
            return label + " " + e.old_value + " -> " + e.new_value + unit;
        }
        case EditKind::design: {
            auto from = chip_from_json(e.old_value, "history"), to = chip_from_json(e.new_value, "history");
            const std::string a = from ? (from->name.empty() ? from->id : from->name) : "?";
            const std::string b = to ? (to->name.empty() ? to->id : to->name) : "?";
            return "Chip " + a + " -> " + b;
        }
        case EditKind::workload: {
            if (e.key == kModelKey)
                return "Model " + shown(model_edit_label(e.old_value)) + " -> " + shown(model_edit_label(e.new_value));
            const WorkloadKey* k = find_workload_key(e.key);
            const std::string unit = k && !k->unit.empty() ? std::string(" ").append(k->unit) : std::string();
            const std::string label =
                k ? std::string(k->label).append(" (workload.").append(e.key).append(")") : e.key;
            return label + " " + shown(e.old_value) + " -> " + shown(e.new_value) + unit;
        }
        case EditKind::baseline:
            return "Baseline " + shown(e.old_value) + " -> " + shown(e.new_value);
        case EditKind::compared:
            return "Compared chips " + shown(e.old_value) + " -> " + shown(e.new_value);
    }
    return e.key;
}

}  // namespace scoville
