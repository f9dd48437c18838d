#include "core/learn/lesson.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/hw/params.hpp"
#include "core/library/resources.hpp"
#include "core/perf/explain.hpp"
#include "core/perf/result_keys.hpp"
#include "core/util/format.hpp"
#include "core/util/json.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kViews[] = {"summary", "roofline", "layers",      "physical", "compare",  "explain",
                                       "sweep",   "pareto",   "sensitivity", "frontier", "parameters", "workload"};
constexpr std::string_view kDecodeBound = "decode_bound";
constexpr std::string_view kLessonFolder = "lessons/";

std::string join(std::span<const std::string_view> items) {
    std::string s;
    for (auto v : items) s += (s.empty() ? "" : ", ") + std::string(v);
    return s;
}

std::optional<double> parse_double(std::string_view text) {
    double v = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return v;
}

// Reads a string field; absent is "" unless required. With a language ("zh_CN"), the field's
// translation NAME_LANGUAGE is read where the lesson gives one.
Result<std::string> text_field(const Json& obj, const char* name, const std::string& where, bool required,
                               std::string_view language = {}) {
    if (!language.empty()) {
        const std::string localized = std::string(name) + "_" + std::string(language);
        if (auto t = obj.find(localized); t != obj.end()) {
            if (!t->is_string()) return Error{where + "." + localized + ": must be text"};
            return t->get<std::string>();
        }
    }
    auto it = obj.find(name);
    if (it == obj.end()) {
        if (required) return Error{where + ": '" + name + "' is missing"};
        return std::string();
    }
    if (!it->is_string()) return Error{where + "." + name + ": must be text"};
    return it->get<std::string>();
}

// {"target": value, ...} in file order; values are numbers or text.
Result<std::vector<LessonSetting>> settings_field(const Json& obj, const char* name, const std::string& where) {
    std::vector<LessonSetting> out;
    auto it = obj.find(name);
    if (it == obj.end()) return out;
    const std::string at = where + "." + name;
    if (!it->is_object()) return Error{at + ": must be an object of key: value"};
    for (const auto& [target, value] : it->items()) {
        if (auto t = parse_edit_target(target); !t) return Error{at + ": " + t.error().message};
        std::string text;
        if (value.is_string())
            text = value.get<std::string>();
        else if (value.is_number())
            text = format_number(value.get<double>());
        else
            return Error{at + "." + target + ": must be a number or text"};
        out.push_back({target, std::move(text)});
    }
    return out;
}

Result<std::optional<double>> number_field(const Json& obj, const char* name, const std::string& where) {
    auto it = obj.find(name);
    if (it == obj.end() || it->is_null()) return std::optional<double>();
    if (!it->is_number()) return Error{where + "." + name + ": must be a number"};
    return std::optional<double>(it->get<double>());
}

Result<LessonCheck> parse_check(const Json& obj, const std::string& where) {
    if (!obj.is_object()) return Error{where + ": must be an object"};
    LessonCheck c;
    auto result = text_field(obj, "result", where, true);
    if (!result) return result.error();
    c.result = *result;
    if (c.result == kDecodeBound) {
        auto bound = text_field(obj, "bound", where, true);
        if (!bound) return bound.error();
        if (*bound != "compute" && *bound != "memory" && *bound != "network")
            return Error{where + ".bound: '" + *bound + "' is not compute, memory or network"};
        c.bound = *bound;
        return c;
    }
    if (!find_result_key(c.result))
        return Error{where + ".result: '" + c.result + "' is not a result key (see scoville eval --format json) or " +
                     std::string(kDecodeBound)};
    auto against = text_field(obj, "against", where, false);
    if (!against) return against.error();
    auto edits = settings_field(obj, "with", where);
    if (!edits) return edits.error();
    c.edits = std::move(*edits);
    if (*against == "previous") {
        c.against = LessonCheck::Against::previous;
        if (!c.edits.empty()) return Error{where + ": 'with' and 'against': 'previous' do not go together"};
    } else if (!against->empty()) {
        return Error{where + ".against: '" + *against + "' is not 'previous'"};
    } else if (!c.edits.empty()) {
        c.against = LessonCheck::Against::edits;
    }
    auto lo = number_field(obj, "min", where);
    if (!lo) return lo.error();
    auto hi = number_field(obj, "max", where);
    if (!hi) return hi.error();
    c.min = *lo;
    c.max = *hi;
    if (!c.min && !c.max) return Error{where + ": give 'min', 'max' or both"};
    if (c.min && c.max && *c.min > *c.max) return Error{where + ": 'min' is above 'max'"};
    return c;
}

Result<LessonStep> parse_step(const Json& obj, const std::string& where, bool first, std::string_view language) {
    if (!obj.is_object()) return Error{where + ": must be an object"};
    LessonStep s;
    for (auto [field, name, required] : {std::tuple{&s.title, "title", true}, {&s.text, "text", false},
                                         {&s.chip, "chip", false}, {&s.view, "view", true},
                                         {&s.question, "question", true}, {&s.answer, "answer", true}}) {
        const bool people = field != &s.chip && field != &s.view;  // read by people, not by the program
        auto v = text_field(obj, name, where, required, people ? language : std::string_view());
        if (!v) return v.error();
        *field = std::move(*v);
    }
    bool known_view = false;
    for (auto v : kViews) known_view = known_view || v == s.view;
    if (!known_view) return Error{where + ".view: '" + s.view + "' is not one of " + join(kViews)};
    s.reset_workload = first;
    if (auto it = obj.find("reset_workload"); it != obj.end()) {
        if (!it->is_boolean()) return Error{where + ".reset_workload: must be true or false"};
        s.reset_workload = it->get<bool>();
    }
    auto set = settings_field(obj, "set", where);
    if (!set) return set.error();
    s.set = std::move(*set);
    if (auto it = obj.find("checks"); it != obj.end()) {
        if (!it->is_array()) return Error{where + ".checks: must be a list"};
        for (size_t i = 0; i < it->size(); ++i) {
            auto c = parse_check((*it)[i], where + ".checks[" + std::to_string(i) + "]");
            if (!c) return c.error();
            s.checks.push_back(std::move(*c));
        }
    }
    return s;
}

// "lessons/a-b.json" or "/home/x/a-b.json" -> "a-b"
std::string id_of(std::string_view origin) {
    const auto slash = origin.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? origin : origin.substr(slash + 1);
    if (name.ends_with(".json")) name.remove_suffix(5);
    return std::string(name);
}

// The value of `target` in `values` as a number, for "xF" settings.
Result<double> numeric_value(const DesignValues& values, const EditTarget& t, const std::string& name) {
    auto text = edit_value(values, t.kind, t.key);
    if (!text) return text.error();
    auto v = parse_double(*text);
    if (!v) return Error{name + ": '" + *text + "' is not a number, so it cannot be scaled"};
    return *v;
}

bool whole_number_key(const EditTarget& t) {
    if (t.kind == EditKind::chip) {
        const ParamInfo* p = find_param(t.key);
        return p && p->kind == ParamKind::integer;
    }
    if (t.kind == EditKind::workload) {
        const WorkloadKey* k = find_workload_key(t.key);
        return k && k->kind == WorkloadKeyKind::integer;
    }
    return false;
}

std::string describe(const std::vector<LessonSetting>& edits) {
    std::string s;
    for (const auto& e : edits) s += (s.empty() ? "" : ", ") + e.target + "=" + e.value;
    return s;
}

std::string range_text(const LessonCheck& c) {
    if (c.min && c.max) return format_number("%.4g", *c.min) + ".." + format_number("%.4g", *c.max);
    if (c.min) return ">= " + format_number("%.4g", *c.min);
    return "<= " + format_number("%.4g", *c.max);
}

}  // namespace

std::span<const std::string_view> lesson_views() { return kViews; }

Result<Lesson> parse_lesson(std::string_view text, std::string_view origin, std::string_view language) {
    const std::string where(origin);
    auto json = parse_json<Json>(text, where);
    if (!json) return json.error();
    const Json& root = *json;
    if (!root.is_object()) return Error{where + ": a lesson is a JSON object with 'title' and 'steps'"};
    Lesson lesson;
    lesson.id = id_of(origin);
    lesson.origin = where;
    auto title = text_field(root, "title", where, true, language);
    if (!title) return title.error();
    lesson.title = *title;
    auto summary = text_field(root, "summary", where, false, language);
    if (!summary) return summary.error();
    lesson.summary = *summary;
    auto steps = root.find("steps");
    if (steps == root.end() || !steps->is_array() || steps->empty())
        return Error{where + ": 'steps' must be a list of at least one step"};
    for (size_t i = 0; i < steps->size(); ++i) {
        auto step = parse_step((*steps)[i], where + ": steps[" + std::to_string(i) + "]", i == 0, language);
        if (!step) return step.error();
        lesson.steps.push_back(std::move(*step));
    }
    return lesson;
}

Result<std::vector<Lesson>> builtin_lessons(std::string_view language) {
    std::vector<Lesson> out;
    for (const auto& f : embedded_files()) {
        if (!f.path.starts_with(kLessonFolder) || !f.path.ends_with(".json")) continue;
        auto lesson = parse_lesson(f.content, f.path, language);
        if (!lesson) return lesson.error();
        out.push_back(std::move(*lesson));
    }
    // In the order of their files' numbers ("lessons/10-..." after "lessons/9-..."), not of their names' letters.
    const auto number = [](const Lesson& l) {
        int n = 0;
        for (size_t i = kLessonFolder.size(); i < l.origin.size() && l.origin[i] >= '0' && l.origin[i] <= '9'; ++i)
            n = n * 10 + (l.origin[i] - '0');
        return n;
    };
    std::stable_sort(out.begin(), out.end(), [&](const Lesson& a, const Lesson& b) { return number(a) < number(b); });
    return out;
}

Status apply_settings(DesignValues& values, const std::vector<LessonSetting>& settings) {
    for (const LessonSetting& s : settings) {
        auto target = parse_edit_target(s.target);
        if (!target) return target.error();
        std::string text = s.value;
        if (text.size() > 1 && text.front() == 'x') {
            auto factor = parse_double(std::string_view(text).substr(1));
            if (!factor) return Error{s.target + ": '" + text + "' is neither a value nor xFACTOR"};
            auto now = numeric_value(values, *target, s.target);
            if (!now) return now.error();
            double v = *now * *factor;
            if (whole_number_key(*target)) v = std::round(v);
            text = format_number(v);
        }
        if (auto st = set_edit_value(values, target->kind, target->key, text); !st)
            return Error{s.target + ": " + st.error().message};
    }
    return Ok{};
}

Result<DesignValues> apply_lesson_step(const DesignValues& from, const LessonStep& step, const ChipLookup& chips) {
    DesignValues v = from;
    if (!step.chip.empty()) {
        auto chip = chips(step.chip);
        if (!chip) return Error{"chip: " + chip.error().message};
        v.chip = std::move(*chip);
    }
    if (step.reset_workload) v.scenario = Scenario{};
    if (auto st = apply_settings(v, step.set); !st) return st.error();
    if (auto st = validate_chip(v.chip); !st) return st.error();
    return v;
}

Result<std::vector<CheckOutcome>> check_step(const LessonStep& step, const DesignValues& state,
                                             const DesignValues& previous, const ModelLookup& models,
                                             const EvaluateFn& evaluate) {
    auto eval = [&](const DesignValues& v) -> Result<Evaluation> {
        auto model = design_model(v, models);
        if (!model) return model.error();
        return evaluate(v.chip, *model, v.scenario);
    };
    auto here = eval(state);
    if (!here) return Error{"the step's design does not evaluate: " + here.error().message};
    std::vector<CheckOutcome> out;
    for (const LessonCheck& c : step.checks) {
        if (c.result == kDecodeBound) {
            const std::string got(to_string(step_bound(here->decode)));
            out.push_back({got == c.bound, "decode step is " + got + "-bound (expected " + c.bound + ")"});
            continue;
        }
        const ResultKey* key = find_result_key(c.result);
        const auto value = key ? key->value(*here) : std::nullopt;
        if (!value) return Error{c.result + " does not apply to the step's design"};
        if (c.against == LessonCheck::Against::none) {
            const bool ok = (!c.min || *value >= *c.min) && (!c.max || *value <= *c.max);
            out.push_back({ok, c.result + " = " + format_number("%.4g", *value) + " (expected " + range_text(c) + ")"});
            continue;
        }
        DesignValues other = previous;
        std::string what = "against the previous step";
        if (c.against == LessonCheck::Against::edits) {
            other = state;
            if (auto st = apply_settings(other, c.edits); !st) return st.error();
            what = "with " + describe(c.edits);
        }
        auto there = eval(other);
        if (!there) return Error{c.result + " " + what + ": " + there.error().message};
        const auto other_value = key->value(*there);
        if (!other_value) return Error{c.result + " does not apply " + what};
        if (!(*value != 0)) return Error{c.result + " is 0, so a ratio to it means nothing"};
        // against the previous step: this step over the previous; with edits: edited over this step.
        const double ratio = c.against == LessonCheck::Against::previous ? *value / *other_value : *other_value / *value;
        const bool ok = (!c.min || ratio >= *c.min) && (!c.max || ratio <= *c.max);
        out.push_back({ok, c.result + " x" + format_number("%.4g", ratio) + " " + what + " (expected " +
                               range_text(c) + ")"});
    }
    return out;
}

}  // namespace scoville
