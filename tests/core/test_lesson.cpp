// Lessons: the file format and its messages, steps applied as edits, and every built-in lesson's
// answers checked against the model in each step's state.
#include <gtest/gtest.h>

#include "core/learn/lesson.hpp"
#include "core/library/library.hpp"
#include "core/physical/design.hpp"

using namespace scoville;

namespace {

Result<Evaluation> design_eval(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario) {
    return evaluate_design(chip, model, scenario);
}

// Some other design than any lesson's: the lessons must not depend on where the user was.
DesignValues start() {
    DesignValues v;
    v.chip = load_chip("jalapeno-est").value();
    v.model_id = "llama-3.1-70b";
    v.scenario.chips = 8;
    v.scenario.tp = 0;
    v.scenario.batch = 0;
    v.scenario.ttft_slo_s = 2.0;
    v.baseline_id = "b200";
    v.compared_ids = {"b200"};
    return v;
}

Result<Lesson> parse(const std::string& text) { return parse_lesson(text, "my/lesson.json"); }

const char* kMinimal = R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q?", "answer": "A.",
    "chip": "h100-sxm", "set": {"workload.model": "llama-3.1-8b", "compute.cores": "x0.5", "workload.batch": 4}}]})";

}  // namespace

TEST(Lesson, BuiltInLessonsCoverTheSyllabus) {
    auto lessons = builtin_lessons();
    ASSERT_TRUE(lessons.ok()) << lessons.error().message;
    ASSERT_GE(lessons->size(), 6u);
    for (const Lesson& l : *lessons) {
        EXPECT_FALSE(l.title.empty()) << l.origin;
        EXPECT_GE(l.steps.size(), 3u) << l.origin;
        EXPECT_TRUE(l.origin.starts_with("lessons/")) << l.origin;
        EXPECT_FALSE(l.steps.front().chip.empty()) << l.origin << ": the first step sets the chip";
    }
    // In the order of their numbers: the tenth after the ninth.
    ASSERT_GE(lessons->size(), 10u);
    EXPECT_EQ((*lessons)[0].origin, "lessons/1-decode-memory-bound.json");
    EXPECT_EQ((*lessons)[1].origin, "lessons/2-batch-ridge-point.json");
    EXPECT_EQ((*lessons)[8].origin, "lessons/9-linear-attention.json");
    EXPECT_EQ((*lessons)[9].origin, "lessons/10-mamba-hybrid.json");
}

// Every step of every built-in lesson applies from a foreign start, and every claim its answer makes
// (written as checks beside it) holds for the model in that step's state.
TEST(Lesson, EveryBuiltInAnswerIsTrueForTheModel) {
    auto lessons = builtin_lessons();
    ASSERT_TRUE(lessons.ok()) << lessons.error().message;
    int checks = 0;
    for (const Lesson& lesson : *lessons) {
        DesignValues state = start();
        for (size_t i = 0; i < lesson.steps.size(); ++i) {
            const LessonStep& step = lesson.steps[i];
            const std::string where = lesson.origin + " step " + std::to_string(i + 1);
            auto next = apply_lesson_step(state, step, load_chip);
            ASSERT_TRUE(next.ok()) << where << ": " << next.error().message;
            auto outcomes = check_step(step, *next, state, load_model, design_eval);
            ASSERT_TRUE(outcomes.ok()) << where << ": " << outcomes.error().message;
            EXPECT_EQ(outcomes->size(), step.checks.size());
            for (const CheckOutcome& o : *outcomes) {
                EXPECT_TRUE(o.ok) << where << ": " << o.message;
                ++checks;
                std::cout << where << ": " << o.message << "\n";
            }
            state = std::move(*next);
        }
    }
    EXPECT_GE(checks, 15);
}

TEST(Lesson, StepsSetTheChipResetTheWorkloadAndScale) {
    auto lesson = parse(kMinimal);
    ASSERT_TRUE(lesson.ok()) << lesson.error().message;
    ASSERT_EQ(lesson->steps.size(), 1u);
    const LessonStep& step = lesson->steps[0];
    EXPECT_TRUE(step.reset_workload);  // the first step starts the workload afresh
    EXPECT_EQ(lesson->id, "lesson");
    auto v = apply_lesson_step(start(), step, load_chip);
    ASSERT_TRUE(v.ok()) << v.error().message;
    EXPECT_EQ(v->chip.id, "h100-sxm");
    EXPECT_EQ(v->model_id, "llama-3.1-8b");
    EXPECT_EQ(v->chip.compute.cores, 66);  // 132 x 0.5
    EXPECT_EQ(v->scenario.batch, 4);
    EXPECT_EQ(v->scenario.chips, 1);  // the default, not the start's 8
    EXPECT_FALSE(v->scenario.ttft_slo_s.has_value());
    EXPECT_EQ(v->baseline_id, "b200");  // kept

    // A whole-number key scaled rounds: 66 x 1.5 = 99, 99 x 0.33 = 32.67 -> 33.
    DesignValues w = *v;
    ASSERT_TRUE(apply_settings(w, {{"compute.cores", "x1.5"}}).ok());
    EXPECT_EQ(w.chip.compute.cores, 99);
    ASSERT_TRUE(apply_settings(w, {{"compute.cores", "x0.33"}}).ok());
    EXPECT_EQ(w.chip.compute.cores, 33);
    auto bad = apply_settings(w, {{"compute.cores", "xmany"}});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("compute.cores"), std::string::npos) << bad.error().message;
    auto range = apply_settings(w, {{"workload.batch", "-3"}});
    ASSERT_FALSE(range.ok());
    EXPECT_NE(range.error().message.find("workload.batch"), std::string::npos) << range.error().message;
}

TEST(Lesson, ChecksCompareTheModelAndCatchFalseClaims) {
    // Llama 3.1 8B, batch 1, on one H100: decode is memory-bound, so doubling the MACs barely moves
    // TPOT and doubling the HBM bandwidth cuts it. A claim that doubling MACs halves TPOT is false.
    const char* text = R"({"title": "T", "steps": [{"title": "S", "view": "summary", "question": "Q", "answer": "A",
        "chip": "h100-sxm", "set": {"workload.model": "llama-3.1-8b"},
        "checks": [{"result": "decode_bound", "bound": "memory"},
                   {"result": "tpot_s", "with": {"compute.arrays_per_core": "x2"}, "min": 0.95, "max": 1.0},
                   {"result": "tpot_s", "with": {"compute.arrays_per_core": "x2"}, "max": 0.6},
                   {"result": "decode_bound", "bound": "compute"},
                   {"result": "batch", "min": 1, "max": 1}]},
        {"title": "S2", "view": "summary", "question": "Q", "answer": "A", "set": {"hbm.tb_s_per_stack": "x2"},
         "checks": [{"result": "tpot_s", "against": "previous", "max": 0.8}]}]})";
    auto lesson = parse(text);
    ASSERT_TRUE(lesson.ok()) << lesson.error().message;
    auto s1 = apply_lesson_step(start(), lesson->steps[0], load_chip);
    ASSERT_TRUE(s1.ok());
    auto o1 = check_step(lesson->steps[0], *s1, start(), load_model, design_eval);
    ASSERT_TRUE(o1.ok()) << o1.error().message;
    ASSERT_EQ(o1->size(), 5u);
    EXPECT_TRUE((*o1)[0].ok) << (*o1)[0].message;
    EXPECT_TRUE((*o1)[1].ok) << (*o1)[1].message;
    EXPECT_FALSE((*o1)[2].ok) << (*o1)[2].message;
    EXPECT_FALSE((*o1)[3].ok) << (*o1)[3].message;
    EXPECT_TRUE((*o1)[4].ok) << (*o1)[4].message;

    // Against the previous step: this step's TPOT over the previous one's, as the model gives them.
    auto s2 = apply_lesson_step(*s1, lesson->steps[1], load_chip);
    ASSERT_TRUE(s2.ok());
    EXPECT_FALSE(lesson->steps[1].reset_workload);
    EXPECT_EQ(s2->model_id, "llama-3.1-8b");  // kept from step 1
    EXPECT_DOUBLE_EQ(s2->chip.hbm.tb_s_per_stack, 2 * 0.67);
    auto o2 = check_step(lesson->steps[1], *s2, *s1, load_model, design_eval);
    ASSERT_TRUE(o2.ok()) << o2.error().message;
    const auto model = load_model("llama-3.1-8b").value();
    const double before = design_eval(s1->chip, model, s1->scenario)->serving.tpot_s;
    const double after = design_eval(s2->chip, model, s2->scenario)->serving.tpot_s;
    EXPECT_EQ((*o2)[0].ok, after / before <= 0.8);
    EXPECT_LT(after / before, 0.8);
}

TEST(Lesson, MalformedFilesAreRefusedNamingTheFileAndField) {
    const struct {
        const char* text;
        const char* expected;
    } cases[] = {
        {"{\"title\": \"T\", ", "my/lesson.json: malformed JSON"},
        {"[]", "my/lesson.json: a lesson is a JSON object"},
        {R"({"steps": []})", "'title' is missing"},
        {R"({"title": "T", "steps": []})", "'steps' must be a list of at least one step"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q"}]})",
         "my/lesson.json: steps[0]: 'answer' is missing"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "rooftop", "question": "Q", "answer": "A"}]})",
         "steps[0].view: 'rooftop' is not one of summary, roofline"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q", "answer": "A",
             "set": {"compute.corez": 3}}]})",
         "steps[0].set: 'compute.corez' is not an editable key"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q", "answer": "A",
             "set": {"compute.cores": [3]}}]})",
         "steps[0].set.compute.cores: must be a number or text"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q", "answer": "A",
             "checks": [{"result": "speed", "min": 1}]}]})",
         "steps[0].checks[0].result: 'speed' is not a result key"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q", "answer": "A",
             "checks": [{"result": "tpot_s"}]}]})",
         "steps[0].checks[0]: give 'min', 'max' or both"},
        {R"({"title": "T", "steps": [{"title": "S", "view": "roofline", "question": "Q", "answer": "A",
             "checks": [{"result": "decode_bound", "bound": "slow"}]}]})",
         "steps[0].checks[0].bound: 'slow' is not compute, memory or network"},
    };
    for (const auto& c : cases) {
        auto lesson = parse(c.text);
        ASSERT_FALSE(lesson.ok()) << c.text;
        EXPECT_NE(lesson.error().message.find(c.expected), std::string::npos)
            << "got: " << lesson.error().message << "\nwanted: " << c.expected;
        EXPECT_NE(lesson.error().message.find("my/lesson.json"), std::string::npos) << lesson.error().message;
    }
}
