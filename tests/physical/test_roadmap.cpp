// The roadmap timeline (roadmap.csv) and its links to reference chips.
#include <gtest/gtest.h>

#include "core/library/library.hpp"
#include "core/library/resources.hpp"
#include "core/physical/design.hpp"
#include "core/physical/roadmap.hpp"
#include "core/sweep/roadmap_chart.hpp"

using namespace scoville;

TEST(Roadmap, EmbeddedEntriesLoad) {
    const auto& r = default_roadmap();
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->size(), 23u);  // rows of roadmap.csv, with A100, MI325X, Maia 100 and Trainium2
    EXPECT_EQ(r->front().name, "A100");
    EXPECT_EQ(r->front().year, 2020);
    EXPECT_EQ(r->front().confidence, "A");
    int linked = 0;
    for (const auto& e : *r) {
        EXPECT_FALSE(e.headline.empty()) << e.name;
        for (const auto& id : e.chip_ids) {
            EXPECT_TRUE(embedded_file("chips/" + id + ".json").has_value()) << e.name << " -> " << id;
            ++linked;
        }
    }
    EXPECT_EQ(linked, 20);  // B200 / GB200 links two chips
}

TEST(Roadmap, BadEntriesNamed) {
    auto r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": "soon",
                                  "headline": "h", "confidence": "C", "source": "s"}]})",
                               "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'year'"), std::string::npos) << r.error().message;
    r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": 2027,
                             "confidence": "C", "source": "s"}]})",
                          "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'headline'"), std::string::npos) << r.error().message;
}

namespace {
const RoadmapEntry& entry(const std::string& name) {
    for (const auto& e : *default_roadmap())
        if (e.name == name) return e;
    static RoadmapEntry none;
    ADD_FAILURE() << "no roadmap entry " << name;
    return none;
}
const RoadmapPoint& point(const std::vector<RoadmapPoint>& points, const std::string& name) {
    for (const auto& p : points)
        if (p.name == name) return p;
    static RoadmapPoint none;
    ADD_FAILURE() << "no roadmap point " << name;
    return none;
}
}  // namespace

TEST(Roadmap, AnnouncedFiguresAsTheHeadlineStatesThem) {
    // MI400 (MI455X): "40 PF FP4; 432 GB HBM4 19.6 TB/s".
    const RoadmapEntry& mi400 = entry("MI400 (MI455X)");
    EXPECT_EQ(mi400.announced_value("peak_fp4_tflops"), 40000.0);  // 40 PF = 40,000 TFLOP/s
    EXPECT_EQ(mi400.announced_value("memory_gb"), 432.0);
    EXPECT_EQ(mi400.announced_value("memory_tb_s"), 19.6);
    EXPECT_FALSE(mi400.announced_value("peak_fp8_tflops"));  // not in the headline
    // Rubin Ultra: "100 PF FP4; 1 TB HBM4e".
    EXPECT_EQ(entry("Rubin Ultra").announced_value("peak_fp4_tflops"), 100000.0);
    EXPECT_EQ(entry("Rubin Ultra").announced_value("memory_gb"), 1000.0);
    // Feynman and TPU 8 announced none of the chart's figures.
    EXPECT_TRUE(entry("Feynman").announced.empty());
    EXPECT_TRUE(entry("TPU 8t / 8i").announced.empty());
}

TEST(Roadmap, AnnouncedFiguresMustBeChipResultKeys) {
    auto r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": 2027,
        "headline": "h", "confidence": "C", "source": "s", "announced": {"tokens_per_joule": 3}}]})", "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'tokens_per_joule' is not a chip result key"), std::string::npos)
        << r.error().message;
    r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": 2027,
        "headline": "h", "confidence": "C", "source": "s", "announced": {"memory_gb": -1}}]})", "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'memory_gb' must be a positive number"), std::string::npos) << r.error().message;
}

TEST(Roadmap, PointsPerChipWithStatus) {
    const auto points = roadmap_points(*default_roadmap(), [](std::string_view id) { return load_chip(id); });
    // 23 generations, B200 / GB200 as two points: 24.
    EXPECT_EQ(points.size(), 24u);
    EXPECT_EQ(point(points, "GB200 (per GPU)").chip_id, "gb200");
    EXPECT_EQ(point(points, "GB200 (per GPU)").line, "NVIDIA");
    EXPECT_EQ(point(points, "H100").status, RoadmapStatus::shipping);        // confidence A
    EXPECT_EQ(point(points, "Vera Rubin").status, RoadmapStatus::announced);  // confidence C, with a chip spec
    EXPECT_EQ(point(points, "Vera Rubin").chip_id, "vera-rubin");
    EXPECT_EQ(point(points, "Jalapeno (gen 1)").status, RoadmapStatus::estimated);  // jalapeno-est is an estimate
    EXPECT_EQ(point(points, "MI400 (MI455X)").chip_id, "");
}

TEST(Roadmap, ValuesAreTheModelsOrTheAnnouncedOnes) {
    const auto points = roadmap_points(*default_roadmap(), [](std::string_view id) { return load_chip(id); });
    auto model = load_model("llama-3.1-70b");
    ASSERT_TRUE(model.ok());
    Scenario s;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.chips = 8;
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    std::vector<ChipSpec> chips;
    for (const char* id : {"h200-sxm", "mi355x"}) chips.push_back(*load_chip(id));
    const auto evals = evaluate_roadmap_chips(chips, *model, s, {}, true);
    ASSERT_EQ(evals.size(), 2u);
    const ResultKey& tput = *find_result_key("throughput_tokens_per_s_per_chip");
    const ResultKey& tpj = *find_result_key("tokens_per_joule");
    for (size_t i = 0; i < evals.size(); ++i) {
        ASSERT_TRUE(evals[i].evaluation.ok()) << evals[i].evaluation.error().message;
        // The same numbers as evaluating the chip directly.
        const auto direct = evaluate_design(chips[i], *model, s);
        ASSERT_TRUE(direct.ok());
        const RoadmapPoint& p = point(points, i == 0 ? "H200" : "MI355X");
        for (const ResultKey* k : {&tput, &tpj}) {
            const RoadmapValue v = roadmap_value(p, *k, &evals[i].evaluation, evals[i].ranges ? &*evals[i].ranges : nullptr);
            EXPECT_EQ(v.source, RoadmapValueSource::model);
            EXPECT_EQ(v.value, *k->value(*direct)) << p.name << " " << k->key;
            ASSERT_TRUE(v.low && v.high) << p.name << " " << k->key;  // both chips carry uncertain values
            EXPECT_LE(*v.low, v.value);
            EXPECT_GE(*v.high, v.value);
        }
    }
    // H200: 141 GB of HBM3e (data sheet), modelled as the chip spec gives it.
    const RoadmapValue hbm = roadmap_value(point(points, "H200"), *find_result_key("memory_gb"), &evals[0].evaluation, nullptr);
    EXPECT_NEAR(hbm.value, 141.0, 0.5);
}

TEST(Roadmap, AnnouncedOnlyGenerationsNeverGetAModelValue) {
    const auto points = roadmap_points(*default_roadmap(), [](std::string_view id) { return load_chip(id); });
    const RoadmapPoint& mi400 = point(points, "MI400 (MI455X)");
    // Announced figures: exactly roadmap.json's.
    const RoadmapValue hbm = roadmap_value(mi400, *find_result_key("memory_gb"), nullptr, nullptr);
    EXPECT_EQ(hbm.source, RoadmapValueSource::announced);
    EXPECT_EQ(hbm.value, 432.0);
    // Model metrics: none, with the reason, for every generation without a chip spec.
    for (const char* name : {"MI400 (MI455X)", "Rubin Ultra", "Feynman", "TPU 8t / 8i"}) {
        for (const char* key : {"throughput_tokens_per_s_per_chip", "tokens_per_joule", "cost_per_million_tokens_usd",
                                "peak_fp8_tflops"}) {
            const RoadmapValue v = roadmap_value(point(points, name), *find_result_key(key), nullptr, nullptr);
            EXPECT_EQ(v.source, RoadmapValueSource::none) << name << " " << key;
            EXPECT_EQ(v.reason, RoadmapNoValue::not_modelled) << name << " " << key;
            EXPECT_NE(v.why.find("not modelled"), std::string::npos) << v.why;
        }
    }
}

// A chip that cannot run the workload has no value, and says so with the evaluation's own error;
// one not evaluated yet, and a metric that does not apply, say so too.
TEST(Roadmap, AChipThatCannotRunTheWorkloadGivesItsReason) {
    const auto points = roadmap_points(*default_roadmap(), [](std::string_view id) { return load_chip(id); });
    const RoadmapPoint& h100 = point(points, "H100");
    const ResultKey& tput = *find_result_key("throughput_tokens_per_s_per_chip");
    const Result<Evaluation> failed{Error{"model 'llama-3.1-405b' does not fit on chip 'h100-sxm' at tp 1"}};
    const RoadmapValue v = roadmap_value(h100, tput, &failed, nullptr);
    EXPECT_EQ(v.source, RoadmapValueSource::none);
    EXPECT_EQ(v.reason, RoadmapNoValue::does_not_run);
    EXPECT_EQ(v.why, "model 'llama-3.1-405b' does not fit on chip 'h100-sxm' at tp 1");
    const RoadmapValue waiting = roadmap_value(h100, tput, nullptr, nullptr);
    EXPECT_EQ(waiting.source, RoadmapValueSource::none);
    EXPECT_EQ(waiting.reason, RoadmapNoValue::not_evaluated);
}
