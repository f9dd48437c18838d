#pragma once
// Guided lessons: a sequence of steps, each of which sets the design and the workload, points at the
// view to watch, asks a question and reveals its answer. Lessons are JSON files (the built-in ones
// under resources/lessons/, a teacher's own in a folder the GUI reads); the format is in the README.
// An answer's claims (a number, a direction) are written beside it as checks, which check_step()
// evaluates with the model in the step's state, so a lesson that says something false is caught.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/design/edit.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/explain.hpp"
#include "core/util/result.hpp"

namespace scoville {

// The views a step can point at; the GUI raises the one named.
std::span<const std::string_view> lesson_views();

// One setting of a step: an edit target ("compute.cores", "workload.batch", "baseline") and its
// value as text ("132", "fp8"), or "xF" for F times the value the design has when the step starts.
struct LessonSetting {
    std::string target;
    std::string value;
    friend bool operator==(const LessonSetting&, const LessonSetting&) = default;
};

// A claim of an answer. `result` is a result key (core/perf/result_keys) or "decode_bound". Without
// `against`, the value itself must lie within [min, max]; against the previous step's state or
// against the step's state with `edits` applied, the ratio other / this must.
struct LessonCheck {
    enum class Against { none, previous, edits };
    std::string result;
    Against against = Against::none;
    std::vector<LessonSetting> edits;
    std::optional<double> min, max;
    std::string bound;  // decode_bound: "compute", "memory" or "network"
    friend bool operator==(const LessonCheck&, const LessonCheck&) = default;
};

struct LessonStep {
    std::string title;
    std::string text;      // what the step does and what to look at
    std::string chip;      // a reference chip the design starts from ("" = keep the design's chip)
    bool reset_workload = false;  // the workload starts from the defaults before `set` (step 1: true)
    std::vector<LessonSetting> set;
    std::string view;      // one of lesson_views()
    std::string question;
    std::string answer;
    std::vector<LessonCheck> checks;
    friend bool operator==(const LessonStep&, const LessonStep&) = default;
};

struct Lesson {
    std::string id;        // the file's name without .json
    std::string title;
    std::string summary;
    std::string origin;    // "lessons/decode-memory-bound.json" or the file's path
    std::vector<LessonStep> steps;
};

// Reads a lesson; an error names `origin` and the field at fault ("steps[2].set: 'compute.corez' is
// not an editable key ..."). Targets, result keys and views are checked here, values when applied.
// Translations live in the lesson itself: with `language` ("zh_CN"), each text a person reads
// (title, summary, a step's title, text, question and answer) is taken from NAME_LANGUAGE
// ("title_zh_CN") where the lesson has it, else from NAME, so a lesson without translations reads
// in English in every language.
Result<Lesson> parse_lesson(std::string_view text, std::string_view origin, std::string_view language = {});
// The lessons compiled into the binary, in file-name order (a malformed one is an error).
Result<std::vector<Lesson>> builtin_lessons(std::string_view language = {});

using ChipLookup = std::function<Result<ChipSpec>(std::string_view id)>;
using ModelLookup = std::function<Result<ModelSpec>(std::string_view id)>;

// Applies settings to `values` in order ("xF" scales the value they find); an error names the target.
Status apply_settings(DesignValues& values, const std::vector<LessonSetting>& settings);
// The design a step leads to from `from`: its chip, the default workload if it resets it (the
// model kept), then its settings. The baseline and compared chips are kept.
Result<DesignValues> apply_lesson_step(const DesignValues& from, const LessonStep& step, const ChipLookup& chips);

struct CheckOutcome {
    bool ok = false;
    std::string message;   // "tpot_s ×0.93 with compute.arrays_per_core=x2 (within 0.9..1.1)"
};
// Evaluates each of the step's checks in `state` (and `previous`, the state before the step, for
// checks against it). An error when the design does not evaluate or a check cannot be evaluated.
Result<std::vector<CheckOutcome>> check_step(const LessonStep& step, const DesignValues& state,
                                             const DesignValues& previous, const ModelLookup& models,
                                             const EvaluateFn& evaluate);

}  // namespace scoville
