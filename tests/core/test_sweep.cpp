// Sweeps, Pareto fronts, sensitivity, goal seek and the throughput-interactivity frontier.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/physical/design.hpp"
#include "core/physical/tech.hpp"
#include "core/sweep/analysis.hpp"
#include "core/sweep/sweep.hpp"

using namespace scoville;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Llama-2-70B on 8 x H100 at tp 8 (the MLPerf deployment), a fixed batch unless given.
SweepSpec base_spec(int batch = 64) {
    SweepSpec spec;
    spec.chip = load_chip("h100-sxm").value();
    spec.model = load_model("llama-2-70b").value();
    spec.scenario.chips = 8;
    spec.scenario.tp = 8;
    spec.scenario.batch = batch;
    for (const char* k : {"throughput_tokens_per_s_per_chip", "tokens_per_joule", "cost_per_million_tokens_usd",
                          "die_area_mm2", "ttft_p99_s"})
        spec.objectives.push_back(find_result_key(k));
    return spec;
}

DesignPoint design_of(const SweepSpec& spec) { return {spec.chip, spec.model, spec.scenario, spec.companions}; }

Axis axis(const char* text) {
    auto a = parse_axis(text);
    EXPECT_TRUE(a.ok()) << text << ": " << (a ? "" : a.error().message);
    return a.ok() ? *a : Axis{};
}

void expect_error(const Result<Axis>& r, const std::string& part) {
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find(part), std::string::npos) << r.error().message;
}

// Two sweeps' rows are the same, bit for bit.
void expect_same_rows(const SweepRows& a, const SweepRows& b) {
    ASSERT_EQ(a.size(), b.size());
    EXPECT_EQ(a.point, b.point);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.note, b.note);
    EXPECT_EQ(a.axes, b.axes);
    ASSERT_EQ(a.objectives.size(), b.objectives.size());
    for (size_t i = 0; i < a.objectives.size(); ++i) {
        if (std::isnan(a.objectives[i])) {
            EXPECT_TRUE(std::isnan(b.objectives[i])) << i;
        } else {
            EXPECT_EQ(a.objectives[i], b.objectives[i]) << i;
        }
    }
}

// A step's ops evaluated through a workspace are those of a fresh evaluation, op by op.
void expect_same_ops(const PhaseResult& got, const PhaseResult& fresh, const std::string& change) {
    ASSERT_EQ(got.templates.size(), fresh.templates.size()) << change;
    for (size_t t = 0; t < fresh.templates.size(); ++t) {
        const auto& a = got.templates[t].ops;
        const auto& b = fresh.templates[t].ops;
        ASSERT_EQ(a.size(), b.size()) << change;
        for (size_t i = 0; i < a.size(); ++i) {
            EXPECT_EQ(a[i].time_s, b[i].time_s) << change << " " << b[i].name;
            EXPECT_EQ(a[i].precision, b[i].precision) << change << " " << b[i].name;
            EXPECT_EQ(a[i].activation_level, b[i].activation_level) << change << " " << b[i].name;
            EXPECT_EQ(a[i].utilisation, b[i].utilisation) << change << " " << b[i].name;
            EXPECT_EQ(a[i].algorithm, b[i].algorithm) << change << " " << b[i].name;
            EXPECT_EQ(a[i].fixed_s, b[i].fixed_s) << change << " " << b[i].name;
            EXPECT_EQ(a[i].network_s, b[i].network_s) << change << " " << b[i].name;
            EXPECT_EQ(a[i].library, b[i].library) << change << " " << b[i].name;
            EXPECT_EQ(a[i].mean_share, b[i].mean_share) << change << " " << b[i].name;
        }
    }
}

}  // namespace

// --- Axes, constraints, shards ------------------------------------------------------------------

TEST(SweepAxis, RangesListsAndChoices) {
    // 1.0 : 2.0 in 5 steps: 1.0, 1.25, 1.5, 1.75, 2.0.
    EXPECT_EQ(axis("compute.clock_ghz=1:2:5").values, (std::vector<double>{1.0, 1.25, 1.5, 1.75, 2.0}));
    // log 1 : 100 in 3 steps: 1, 10, 100.
    const auto log = axis("sram.mb=1:100:3:log").values;
    ASSERT_EQ(log.size(), 3u);
    EXPECT_DOUBLE_EQ(log[1], 10.0);
    EXPECT_EQ(log[2], 100.0);
    // Whole-number keys round and keep each value once: 4, 4.5, 5, 5.5, 6 -> 4, 5, 6 (4.5 and 5.5
    // round away from zero to 5 and 6).
    EXPECT_EQ(axis("hbm.stacks=4:6:5").values, (std::vector<double>{4, 5, 6}));
    // A choice key by name: hbm3 and hbm3e are indices into hbm.generation's choices.
    const Axis gen = axis("hbm.generation=hbm3,hbm3e");
    ASSERT_EQ(gen.values.size(), 2u);
    EXPECT_EQ(gen.key.value_text(gen.values[1]), "hbm3e");
    // Workload keys are written workload.KEY.
    EXPECT_EQ(axis("workload.batch=1,8,64").values, (std::vector<double>{1, 8, 64}));
    EXPECT_EQ(axis("econ.utilisation=0.5:0.7:3").values.size(), 3u);
}

TEST(SweepAxis, BadInputIsRefusedByName) {
    expect_error(parse_axis("compute.warp=1:2:3"), "compute.warp");
    expect_error(parse_axis("compute.clock_ghz=1:2:0"), "steps must be at least 1");
    expect_error(parse_axis("compute.clock_ghz=1:2:-3"), "steps must be at least 1");
    expect_error(parse_axis("compute.clock_ghz=1.5:1.5:4"), "empty");
    expect_error(parse_axis("sram.mb=0:100:3:log"), "log range");
    expect_error(parse_axis("compute.clock_ghz=1:200:3"), "outside the key's range");
    expect_error(parse_axis("batch=1:8:3"), "workload.batch");  // the hint names the right spelling
    expect_error(parse_axis("compute.clock_ghz"), "KEY=START:STOP:STEPS");
    expect_error(parse_axis("compute.clock_ghz=1:x:3"), "'x' is not a number");
}

TEST(SweepConstraint, ParsesAndChecks) {
    auto c = parse_constraint("die_area_mm2<=800");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->op, Constraint::Op::le);
    EXPECT_EQ(c->value, 800);
    EXPECT_EQ(parse_constraint("ttft_p99_s < 2")->op, Constraint::Op::lt);
    EXPECT_EQ(parse_constraint("fits_reticle")->op, Constraint::Op::fits_reticle);
    EXPECT_EQ(parse_constraint("fits_memory")->op, Constraint::Op::fits_memory);
    auto bad = parse_constraint("area<=800");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("'area' is not a result key"), std::string::npos);
    EXPECT_FALSE(parse_constraint("die_area_mm2<=big").ok());
    EXPECT_FALSE(parse_constraint("die_area_mm2").ok());
}

TEST(SweepShard, SlicesCoverTheGridOnce) {
    // 10 points in 3 shards: [0, 3), [3, 6), [6, 10) (floor(10 i / 3)).
    EXPECT_EQ((Shard{0, 3}.begin(10)), 0u);
    EXPECT_EQ((Shard{0, 3}.end(10)), 3u);
    EXPECT_EQ((Shard{1, 3}.end(10)), 6u);
    EXPECT_EQ((Shard{2, 3}.end(10)), 10u);
    EXPECT_EQ(parse_shard("2/5")->index, 2u);
    for (const char* bad : {"5/5", "1/0", "x/3", "3", "-1/3"}) EXPECT_FALSE(parse_shard(bad).ok()) << bad;
}

TEST(SweepSpecCheck, HugeGridsMustBeSharded) {
    SweepSpec spec = base_spec();
    // 2000 x 2000 x 1000 = 4e9 points: over the 1e9 one run takes.
    spec.axes = {axis("compute.clock_ghz=1:2:2000"), axis("sram.mb=10:100:2000"), axis("sram.tb_s=10:30:1000")};
    auto st = check_sweep(spec);
    ASSERT_FALSE(st.ok());
    EXPECT_NE(st.error().message.find("--shard"), std::string::npos) << st.error().message;
    EXPECT_NE(st.error().message.find("N at least 4"), std::string::npos) << st.error().message;
    EXPECT_TRUE(check_sweep(spec, {0, 8}).ok());
    spec.objectives.clear();
    EXPECT_FALSE(check_sweep(spec, {0, 8}).ok());
}

// An axis whose workload key cannot change any point's result (WorkloadKey::applies) is said: the acceptance
// without draft tokens on any point, an MoE setting on a dense model; not where another axis brings it in (draft
// tokens 0 and 2), nor a chip key's axis.
TEST(SweepSpecCheck, AnAxisThatChangesNothingIsSaid) {
    SweepSpec spec = base_spec();
    spec.axes = {axis("workload.spec_accept=0.5:0.9:5"), axis("compute.clock_ghz=1:2:3")};
    auto notes = inert_axes(spec);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].text(), "sweep: workload.spec_accept changes nothing on this grid: it applies with draft tokens");
    spec.axes = {axis("workload.spec_tokens=0,2"), axis("workload.spec_accept=0.5:0.9:5")};
    EXPECT_TRUE(inert_axes(spec).empty());
    spec.axes = {axis("workload.moe_tile_tokens=64,128"), axis("workload.spec_accept=0.5:0.9:5")};
    notes = inert_axes(spec);
    ASSERT_EQ(notes.size(), 2u);
    EXPECT_NE(notes[0].text().find("workload.moe_tile_tokens changes nothing on this grid: it applies on a "
                                   "mixture-of-experts model"),
              std::string::npos);
    spec.model = load_model("mixtral-8x7b").value();
    spec.scenario.tp = 0;
    notes = inert_axes(spec);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].text().find("workload.spec_accept"), std::string::npos);
    // Many points: the other axes' ends are tried (draft tokens 0..8 in 9 x 40 combinations).
    spec.axes = {axis("workload.spec_tokens=0:8:9"), axis("compute.clock_ghz=1:2:40"), axis("workload.spec_accept=0.5:0.9:5")};
    EXPECT_TRUE(inert_axes(spec).empty());
}

// --- Running ------------------------------------------------------------------------------------

TEST(Sweep, GridEqualsPointByPoint) {
    SweepSpec spec = base_spec();
    spec.axes = {axis("compute.clock_ghz=1.4:2.2:3"), axis("hbm.stacks=4,6"), axis("sram.mb=20,200"),
                 axis("compute.rate_fp8=0,2")};
    spec.scenario.weight_precision = spec.scenario.activation_precision = Precision::fp8;
    spec.constraints.push_back(parse_constraint("power_w_per_chip<=650").value());
    auto rows = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 24u);  // 3 x 2 x 2 x 2, the last axis fastest
    size_t violating = 0;
    for (size_t r = 0; r < rows->size(); ++r) {
        ChipSpec chip = spec.chip;
        for (size_t a = 0; a < spec.axes.size(); ++a)
            ASSERT_TRUE(set_param(chip, spec.axes[a].key.key, rows->axis(r, a)).ok());
        EXPECT_EQ(rows->point[r], r);
        auto ev = evaluate_design(chip, spec.model, spec.scenario);
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        for (size_t o = 0; o < spec.objectives.size(); ++o)
            EXPECT_EQ(rows->objective(r, o), *spec.objectives[o]->value(*ev)) << "row " << r << " " << spec.objectives[o]->key;
        const bool hot = ev->physical.power_w > 650;
        EXPECT_EQ(rows->status[r], hot ? PointStatus::violates : PointStatus::ok) << r;
        violating += hot;
    }
    // Row order: clock 1.4, 4 stacks, 20 MB, fp8 rate 0 first; then the rate, then the SRAM.
    EXPECT_EQ(rows->axis(1, 3), 2.0);
    EXPECT_EQ(rows->axis(2, 2), 200.0);
    EXPECT_EQ(rows->axis(4, 1), 6.0);
    EXPECT_GT(rows->size() - violating, 0u);
}

// fits_memory keeps the combinations a real memory makes. H100's 5 sites of 16 GB at 0.67 TB/s as HBM3 (its own)
// or HBM3E fit; as GDDR7 channels they ask 0.67 TB/s and 16 GB of a x32 channel, which carries 0.192 TB/s and holds
// 8 GB at most: those points miss it, and the rest of the grid (16 channels of 6 GB at 0.112 TB/s) meets it.
TEST(Sweep, FitsMemoryKeepsTheCombinationsARealMemoryMakes) {
    SweepSpec spec = base_spec();
    spec.axes = {axis("hbm.generation=hbm3,hbm3e,gddr7")};
    spec.constraints.push_back(parse_constraint("fits_memory").value());
    auto rows = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ(rows->status[0], PointStatus::ok);
    EXPECT_EQ(rows->status[1], PointStatus::ok);
    EXPECT_EQ(rows->status[2], PointStatus::violates);
    EXPECT_EQ(rows->note[2], "fits_memory");
    spec.chip.hbm.generation = DramType::gddr7;
    spec.chip.hbm.stacks = 16;
    spec.chip.hbm.gb_per_stack = 6;
    spec.chip.hbm.tb_s_per_stack = 0.112;
    spec.chip.hbm.spare_phys = 0;
    spec.axes = {axis("hbm.stacks=16,40")};  // 40 channels need 200 mm of the die's edge
    auto gddr = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(gddr.ok()) << gddr.error().message;
    EXPECT_EQ(gddr->status[0], PointStatus::ok);
    EXPECT_EQ(gddr->status[1], PointStatus::violates);
}

// Without a latency objective a fixed-batch sweep skips the queueing model; what it reports is
// still eval's, to the bit.
TEST(Sweep, WithoutLatencyObjectivesTheValuesAreTheSame) {
    SweepSpec spec = base_spec();
    spec.objectives = {find_result_key("throughput_tokens_per_s_per_chip"), find_result_key("tokens_per_joule"),
                       find_result_key("cost_per_million_tokens_usd"), find_result_key("tpot_s"),
                       find_result_key("power_w_per_chip")};
    spec.axes = {axis("compute.clock_ghz=1.2:2.6:4"), axis("hbm.tb_s_per_stack=0.5:1.5:3")};
    auto rows = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(rows.ok());
    for (size_t r = 0; r < rows->size(); ++r) {
        ChipSpec chip = spec.chip;
        chip.compute.clock_ghz = rows->axis(r, 0);
        chip.hbm.tb_s_per_stack = rows->axis(r, 1);
        auto ev = evaluate_design(chip, spec.model, spec.scenario);
        ASSERT_TRUE(ev.ok());
        for (size_t o = 0; o < spec.objectives.size(); ++o)
            EXPECT_EQ(rows->objective(r, o), *spec.objectives[o]->value(*ev)) << r << " " << spec.objectives[o]->key;
    }
    // Asked for, a latency key makes the sweep run the queueing model.
    EXPECT_TRUE(find_result_key("ttft_p99_s")->latency);
    EXPECT_FALSE(find_result_key("tpot_s")->latency);
}

TEST(Sweep, WorkloadAndEconomicsKeysAndFailures) {
    SweepSpec spec = base_spec(0);
    // Batch 4096 does not fit on 8 x H100 at tp 8 (80 GB each, 70B in bf16): that point fails with
    // the model's reason, the others evaluate.
    spec.axes = {axis("workload.batch=1,64,4096"), axis("econ.utilisation=0.5,0.7")};
    auto rows = run_sweep(spec, {}, {2, nullptr});
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 6u);
    for (size_t r = 0; r < rows->size(); ++r) {
        Scenario s = spec.scenario;
        s.batch = static_cast<int>(rows->axis(r, 0));
        ChipSpec chip = spec.chip;
        chip.econ.utilisation = rows->axis(r, 1);
        auto ev = evaluate_design(chip, spec.model, s);
        if (!ev) {
            EXPECT_EQ(rows->status[r], PointStatus::failed);
            EXPECT_EQ(rows->note[r], ev.error().message);
            continue;
        }
        for (size_t o = 0; o < spec.objectives.size(); ++o)
            EXPECT_EQ(rows->objective(r, o), *spec.objectives[o]->value(*ev)) << r;
    }
    EXPECT_EQ(rows->status[4], PointStatus::failed);
    EXPECT_NE(rows->note[4].find("does not fit"), std::string::npos) << rows->note[4];
    // Utilisation does not change what a chip does while busy, only how many of its hours serve:
    // the same tokens/s, and the cost per token falls to about 5/7 (1.4x the tokens per hour; the
    // energy of the busier hours adds a little back).
    EXPECT_EQ(rows->objective(1, 0), rows->objective(0, 0));
    const double ratio = rows->objective(1, 2) / rows->objective(0, 2);
    EXPECT_GT(ratio, 0.5 / 0.7);
    EXPECT_LT(ratio, 0.5 / 0.7 * 1.02);
}

// A sweep checks its base chip's parameters once, and each key it varies as it sets it; each point still fails as a
// single evaluation of its design would. A base clock of 12 GHz (the range ends at 10) fails every point by name
// where no axis sets the clock, and none where one does; a point whose memory sites hold 0 GB at 0.67 TB/s fails on
// that combination, the rest evaluate.
TEST(Sweep, PointsFailAsTheirDesignsWouldWhereTheBaseIsChecked) {
    auto expect_as_designs = [](const SweepSpec& spec, size_t failing) {
        auto rows = run_sweep(spec, {}, {1, nullptr});
        ASSERT_TRUE(rows.ok()) << rows.error().message;
        size_t failed = 0;
        for (size_t r = 0; r < rows->size(); ++r) {
            ChipSpec chip = spec.chip;
            for (size_t a = 0; a < spec.axes.size(); ++a)
                ASSERT_TRUE(set_param(chip, spec.axes[a].key.key, rows->axis(r, a)).ok());
            auto ev = evaluate_design(chip, spec.model, spec.scenario);
            if (!ev) {
                ++failed;
                EXPECT_EQ(rows->status[r], PointStatus::failed) << r;
                EXPECT_EQ(rows->note[r], ev.error().message) << r;
                continue;
            }
            EXPECT_EQ(rows->status[r], PointStatus::ok) << r;
            for (size_t o = 0; o < spec.objectives.size(); ++o)
                EXPECT_EQ(rows->objective(r, o), *spec.objectives[o]->value(*ev)) << r;
        }
        EXPECT_EQ(failed, failing);
    };
    SweepSpec spec = base_spec();
    spec.chip.compute.clock_ghz = 12;
    spec.axes = {axis("sram.mb=20,40")};
    expect_as_designs(spec, 2);
    {
        auto rows = run_sweep(spec, {}, {1, nullptr});
        ASSERT_TRUE(rows.ok());
        EXPECT_NE(rows->note[0].find("compute.clock_ghz"), std::string::npos) << rows->note[0];
    }
    spec.axes = {axis("sram.mb=20,40"), axis("compute.clock_ghz=1.5,1.8")};
    expect_as_designs(spec, 0);
    spec.chip.compute.clock_ghz = 1.755;
    spec.axes = {axis("hbm.gb_per_stack=0,16"), axis("sram.mb=20,40")};
    expect_as_designs(spec, 2);
    {
        auto rows = run_sweep(spec, {}, {1, nullptr});
        ASSERT_TRUE(rows.ok());
        EXPECT_NE(rows->note[0].find("hold nothing"), std::string::npos) << rows->note[0];
    }
}

TEST(Sweep, OneAndTwoThreadsGiveIdenticalFiles) {
    SweepSpec spec = base_spec(0);  // the batch searched at every point
    spec.axes = {axis("compute.clock_ghz=1.2:2.2:6"), axis("hbm.tb_s_per_stack=0.5:1.5:5"), axis("hbm.stacks=4:6:3")};
    auto one = run_sweep(spec, {}, {1, nullptr});
    auto two = run_sweep(spec, {}, {2, nullptr});
    ASSERT_TRUE(one.ok() && two.ok());
    expect_same_rows(*one, *two);
    EXPECT_EQ(sweep_csv_header(*one) + sweep_csv_rows(*one), sweep_csv_header(*two) + sweep_csv_rows(*two));
}

TEST(Sweep, ShardsUnionEqualsTheWhole) {
    SweepSpec spec = base_spec();
    spec.axes = {axis("compute.clock_ghz=1.2:2.2:7"), axis("sram.mb=20:100:5")};  // 35 points
    spec.constraints.push_back(parse_constraint("die_area_mm2<=830").value());
    auto whole = run_sweep(spec);
    ASSERT_TRUE(whole.ok());
    SweepRows joined;
    joined.axis_keys = whole->axis_keys;
    joined.objective_keys = whole->objective_keys;
    joined.better = whole->better;
    EXPECT_EQ(whole->grid_points, 35u);
    for (uint64_t i = 0; i < 4; ++i) {
        auto part = run_sweep(spec, {i, 4}, {1, nullptr});
        ASSERT_TRUE(part.ok());
        // 35 points in 4 shards: 8, 9, 9, 9 (floor(35 i / 4) = 0, 8, 17, 26, 35).
        EXPECT_EQ(part->size(), i == 0 ? 8u : 9u);
        ASSERT_TRUE(joined.append(*part).ok());
    }
    expect_same_rows(joined, *whole);
    // A part given twice or out of order is refused.
    auto first = run_sweep(spec, {0, 4}, {1, nullptr});
    EXPECT_FALSE(joined.append(*first).ok());
}

TEST(Sweep, CsvRoundTrips) {
    SweepSpec spec = base_spec(0);
    spec.axes = {axis("hbm.generation=hbm3,hbm3e"), axis("workload.batch=1,4096")};
    spec.constraints.push_back(parse_constraint("die_area_mm2<=800").value());
    auto rows = run_sweep(spec);
    ASSERT_TRUE(rows.ok());
    const std::string csv = sweep_csv_header(*rows) + sweep_csv_rows(*rows);
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "hbm.generation,workload.batch,throughput_tokens_per_s_per_chip,tokens_per_joule,"
              "cost_per_million_tokens_usd,die_area_mm2,ttft_p99_s,status,point,grid_points");
    EXPECT_NE(csv.find("\nhbm3e,"), std::string::npos);
    auto back = parse_sweep_csv(csv, "rows.csv");
    ASSERT_TRUE(back.ok()) << back.error().message;
    expect_same_rows(*back, *rows);
    auto bad = parse_sweep_csv("a,b\n1,2\n", "bad.csv");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("bad.csv:1"), std::string::npos);
}

TEST(Sweep, CancelStopsTheRun) {
    SweepSpec spec = base_spec();
    spec.axes = {axis("compute.clock_ghz=1:2:100"), axis("sram.mb=10:100:100")};
    SweepProgress progress;
    progress.cancel = true;
    auto rows = run_sweep(spec, {}, {1, &progress});
    ASSERT_FALSE(rows.ok());
    EXPECT_NE(rows.error().message.find("cancelled"), std::string::npos);
    EXPECT_EQ(progress.done.load(), 0u);
    SweepProgress counted;
    spec.axes = {axis("compute.clock_ghz=1:2:10"), axis("sram.mb=10:100:13")};
    ASSERT_TRUE(run_sweep(spec, {}, {2, &counted}).ok());
    EXPECT_EQ(counted.done.load(), 130u);
}

// A step that is only retimed for another chip equals one lowered afresh: precision that becomes
// native, activations that move into SRAM, a MAC array of another shape, a smaller scale-up domain.
TEST(Sweep, RetimedEvaluationsEqualFreshOnes) {
    const SweepSpec spec = base_spec();
    EvalWorkspace ws;
    Scenario s = spec.scenario;
    s.weight_precision = s.activation_precision = Precision::fp8;
    for (const char* change : {"", "compute.rate_fp8=0", "sram.mb=2000", "compute.mac_rows=128", "link.domain=4",
                               "efficiency.attention_overhead_us=40", "compute.clock_ghz=1.1"}) {
        ChipSpec chip = spec.chip;
        if (*change) {
            ASSERT_TRUE(apply_assignment(chip, change).ok()) << change;
        }
        ASSERT_TRUE(evaluate_into(chip, spec.model, s, {}, ws).ok()) << change;
        auto fresh = evaluate(chip, spec.model, s);
        ASSERT_TRUE(fresh.ok()) << change;
        EXPECT_EQ(ws.ev.serving.throughput_tokens_per_s, fresh->serving.throughput_tokens_per_s) << change;
        EXPECT_EQ(ws.ev.serving.ttft_p99_s, fresh->serving.ttft_p99_s) << change;
        expect_same_ops(ws.ev.decode, fresh->decode, change);
        EXPECT_EQ(ws.ev.prefill.time_s, fresh->prefill.time_s) << change;
    }
}

// One workspace over a sweep's designs, the deployment left to auto as the command line leaves it and the TDP
// cap lowering the clock at some of them (H100's 700 W TDP takes 2.9 and 3.0 GHz down to about 2.73): each design evaluates as a fresh
// one, bit for bit, its warnings too. The workspace keeps the two steps a chunk alternates between lowered and
// retimes them, takes the cap's runs (whose scenario names the deployment the nominal run chose) as the same
// lowering, keeps the checks of both scenarios, and copies the chip once per design for the clocks it tries.
// (An acceptance rate without draft tokens changes nothing, which each evaluation says.)
TEST(Sweep, RetimedDesignEvaluationsEqualFreshOnes) {
    const SweepSpec spec = base_spec();
    Scenario s = spec.scenario;
    s.pp = s.ep = s.attention_dp = 0;
    s.weight_precision = s.activation_precision = Precision::fp8;
    s.spec_accept = 0.7;
    const auto& tech = default_tech();
    ASSERT_TRUE(tech.ok());
    EvalWorkspace ws;
    ws.views = false;
    int capped = 0;
    for (const char* change : {"", "compute.clock_ghz=3.0", "hbm.tb_s_per_stack=1.2", "compute.clock_ghz=2.9",
                               "sram.mb=80", "", "compute.clock_ghz=3.0"}) {
        ChipSpec chip = spec.chip;
        if (*change) {
            ASSERT_TRUE(apply_assignment(chip, change).ok()) << change;
        }
        ASSERT_TRUE(evaluate_design_into(chip, spec.model, s, *tech, {}, ws).ok()) << change;
        auto fresh = evaluate_design(chip, spec.model, s);
        ASSERT_TRUE(fresh.ok()) << change;
        capped += fresh->physical.clock_ghz < chip.compute.clock_ghz;
        EXPECT_EQ(ws.ev.physical.clock_ghz, fresh->physical.clock_ghz) << change;
        EXPECT_EQ(ws.ev.physical.power_w, fresh->physical.power_w) << change;
        EXPECT_EQ(ws.ev.serving.throughput_tokens_per_s, fresh->serving.throughput_tokens_per_s) << change;
        EXPECT_EQ(ws.ev.serving.tpot_s, fresh->serving.tpot_s) << change;
        EXPECT_EQ(ws.ev.physical.cost_per_million_tokens_usd, fresh->physical.cost_per_million_tokens_usd) << change;
        EXPECT_EQ(ws.ev.decode.time_s, fresh->decode.time_s) << change;
        EXPECT_EQ(ws.ev.decode.flops, fresh->decode.flops) << change;
        EXPECT_EQ(ws.ev.decode.bytes, fresh->decode.bytes) << change;
        EXPECT_EQ(ws.ev.warning_texts(), fresh->warning_texts()) << change;
        const std::vector<std::string> said = fresh->warning_texts();
        EXPECT_EQ(std::count_if(said.begin(), said.end(),
                                [](const std::string& w) { return w.starts_with("workload: spec_accept 0.7 changes nothing"); }),
                  1)
            << change;
        // The decode step is the mean of a step of decodes alone and one carrying a prompt chunk.
        ASSERT_FALSE(fresh->decode.templates.empty());
        EXPECT_GT(fresh->decode.templates[0].ops[0].mean_share, 0.0) << change;
        expect_same_ops(ws.ev.decode, fresh->decode, change);
    }
    EXPECT_EQ(capped, 3);  // the three designs at 2.9 and 3.0 GHz
}

// --- Pareto fronts ------------------------------------------------------------------------------

TEST(Pareto, ExactOnAHandMadeSet) {
    // Two objectives, both higher-better. (4,1), (3,3), (1,4) trade off; (2,2) is dominated by
    // (3,3); (3,3) twice: both kept; (1,4) vs (0,4): (0,4) is dominated; NaN never takes part.
    const std::vector<std::vector<double>> pts = {{4, 1}, {2, 2}, {3, 3}, {1, 4}, {0, 4}, {3, 3}, {kNaN, 9}};
    const Better hh[2] = {Better::higher, Better::higher};
    EXPECT_EQ(pareto_front(pts, hh), (std::vector<size_t>{0, 2, 3, 5}));
    // Second objective lower-better: (4,1) dominates every point with x <= 4 and y >= 1.
    const Better hl[2] = {Better::higher, Better::lower};
    EXPECT_EQ(pareto_front(pts, hl), (std::vector<size_t>{0}));
    // Three objectives: (1,1,5) survives on the third; (1,1,1) does not.
    const std::vector<std::vector<double>> p3 = {{3, 3, 1}, {1, 1, 5}, {1, 1, 1}, {2, 4, 0}};
    const Better hhh[3] = {Better::higher, Better::higher, Better::higher};
    EXPECT_EQ(pareto_front(p3, hhh), (std::vector<size_t>{0, 1, 3}));
}

TEST(Pareto, OverSweepRowsUsesOnlyFeasiblePoints) {
    SweepRows rows;
    rows.axis_keys = {"compute.clock_ghz"};
    rows.objective_keys = {"throughput_tokens_per_s_per_chip", "cost_per_million_tokens_usd"};
    rows.better = {Better::higher, Better::lower};
    const double data[4][2] = {{100, 2}, {200, 1}, {300, 3}, {400, 0.5}};
    for (size_t r = 0; r < 4; ++r) {
        rows.point.push_back(r);
        rows.axes.push_back(1.0 + r);
        rows.objectives.insert(rows.objectives.end(), {data[r][0], data[r][1]});
        rows.status.push_back(r == 3 ? PointStatus::violates : PointStatus::ok);
        rows.note.emplace_back();
    }
    // Row 3 would dominate everything but violates a constraint; of the rest, (200, $1) dominates
    // (100, $2) and (300, $3) trades off.
    EXPECT_EQ(pareto_front(rows), (std::vector<size_t>{1, 2}));
}

// --- Sensitivity, seek, frontier ----------------------------------------------------------------

TEST(Sensitivity, MemoryBoundDecodeIsLimitedByHbm) {
    SweepSpec spec = base_spec(1);  // batch 1: every step streams the weights from HBM
    const ResultKey& tps = *find_result_key("throughput_tokens_per_s_per_chip");
    auto s = sensitivity(design_of(spec), tps);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->bound, "memory");
    ASSERT_FALSE(s->rows.empty());
    EXPECT_EQ(s->rows.front().key.key.rfind("hbm.", 0), 0u) << s->rows.front().key.key;
    EXPECT_GT(s->rows.front().elasticity, 0.3);
    // The MAC array barely matters when decode waits on memory.
    for (const auto& r : s->rows) {
        if (r.key.key == "compute.mac_rows" || r.key.key == "compute.rate_bf16") {
            EXPECT_LT(std::abs(r.elasticity), 0.05);
        }
        // Where H100's measured times hold (132 SMs, 1.83 GHz) is a fact of the data, no lever.
        EXPECT_NE(r.key.key.rfind("calibration.", 0), 0u) << r.key.key;
        // The elasticity is the central difference of the objective over the key, both relative.
        EXPECT_NEAR(r.elasticity,
                    (r.objective_high - r.objective_low) / s->value / ((r.high - r.low) / r.value), 1e-12);
    }
    // Economics keys move the cost, not the throughput.
    const ResultKey& usd = *find_result_key("cost_per_million_tokens_usd");
    auto c = sensitivity(design_of(spec), usd);
    ASSERT_TRUE(c.ok());
    bool utilisation_found = false;
    for (const auto& r : c->rows) {
        if (r.key.key != "econ.utilisation") continue;
        utilisation_found = true;
        // $/M tokens = cost per hour / (tokens per hour x u): elasticity -1 from the tokens (central
        // difference of 1/u over +-5 %: (1/1.05 - 1/0.95) / 0.1 = -1.0025), less the energy a busier
        // chip adds to the hour (a few per mille of its cost when bought).
        EXPECT_LT(r.elasticity, -0.98);
        EXPECT_GT(r.elasticity, -1.0025);
    }
    EXPECT_TRUE(utilisation_found);
    EXPECT_NE(describe_sensitivity(*s).find("hbm."), std::string::npos) << describe_sensitivity(*s);
}

// What a step exchanges for a resource, by the objective's better direction and the resource's change.
TEST(Sensitivity, ExchangeFollowsTheObjectivesDirection) {
    const ResultKey& tps = *find_result_key("throughput_tokens_per_s_per_chip");  // higher is better
    const ResultKey& usd = *find_result_key("cost_per_million_tokens_usd");       // lower is better
    const ResultKey& batch = *find_result_key("batch");                           // neither
    ASSERT_EQ(tps.better, Better::higher);
    ASSERT_EQ(usd.better, Better::lower);
    ASSERT_EQ(batch.better, Better::none);
    // (objective at the key's lower value, at its higher value, the resource's change)
    // 100 -> 110 tokens/s for 5 W more: a trade (2 tokens/s per W); 110 -> 100 for 5 W less: the same trade back.
    EXPECT_EQ(exchange_of(tps, 100, 110, 2.0, 5), Exchange::trade);
    EXPECT_EQ(exchange_of(tps, 110, 100, 2.0, -5), Exchange::trade);
    // 100 -> 110 for 5 W less: better and cheaper (per_w -2 is no price); 100 -> 100 for 5 W less: the same.
    EXPECT_EQ(exchange_of(tps, 100, 110, -2.0, -5), Exchange::saves);
    EXPECT_EQ(exchange_of(tps, 100, 100, 0.0, -5), Exchange::saves);
    // 100 -> 90 for 5 W more: worse and dearer; 100 -> 100 for 5 W more: nothing for it.
    EXPECT_EQ(exchange_of(tps, 100, 90, -2.0, 5), Exchange::worse);
    EXPECT_EQ(exchange_of(tps, 100, 100, 0.0, 5), Exchange::no_gain);
    // Lower is better: $2.0 -> $1.8 per M tokens for 10 mm2 more is a trade (-0.02 $ per mm2), for 10 mm2 less it saves;
    // $2.0 -> $2.2 for 10 mm2 more is worse.
    EXPECT_EQ(exchange_of(usd, 2.0, 1.8, -0.02, 10), Exchange::trade);
    EXPECT_EQ(exchange_of(usd, 2.0, 1.8, 0.02, -10), Exchange::saves);
    EXPECT_EQ(exchange_of(usd, 2.0, 2.2, 0.02, 10), Exchange::worse);
    // $1.8 -> $2.0 for 10 mm2 less: the same trade back (-0.02 $ per mm2).
    EXPECT_EQ(exchange_of(usd, 1.8, 2.0, -0.02, -10), Exchange::trade);
    // No better direction, or a resource the step leaves as it is: none.
    EXPECT_EQ(exchange_of(batch, 64, 80, 3.2, 5), Exchange::none);
    EXPECT_EQ(exchange_of(tps, 100, 110, std::nullopt, 0), Exchange::none);
    EXPECT_EQ(to_string(Exchange::no_gain), "no_gain");
    EXPECT_EQ(to_string(Exchange::none), "");
}

// On a design: FP4 MAC rates cost die area and capital and buy an FP8 workload no tokens, so its cost per token
// only grows; wider MAC arrays buy a compute-bound decode tokens at a price. Jalapeno (an estimate) serving Llama-3.1-70B in FP8 on 8 chips, 1024/256
// tokens, within 2 s TTFT and 200 ms TPOT (p99).
TEST(Sensitivity, StepsThatBuyNothingOrSaveAreNotPriced) {
    DesignPoint design{load_chip("jalapeno-est").value(), load_model("llama-3.1-70b").value(), {}, {}};
    design.scenario.chips = 8;
    design.scenario.weight_precision = design.scenario.activation_precision = design.scenario.kv_precision =
        Precision::fp8;
    design.scenario.input_len = 1024;
    design.scenario.output_len = 256;
    design.scenario.ttft_slo_s = 2.0;
    design.scenario.tpot_slo_s = 0.2;
    for (const char* key : {"throughput_tokens_per_s_per_chip", "cost_per_million_tokens_usd"}) {
        const ResultKey& objective = *find_result_key(key);
        auto s = sensitivity(design, objective);
        ASSERT_TRUE(s.ok()) << s.error().message;
        const SensitivityRow* fp4 = nullptr;
        const SensitivityRow* cols = nullptr;
        const SensitivityRow* dies = nullptr;
        for (const SensitivityRow& r : s->rows) {
            if (r.key.key == "compute.rate_fp4") fp4 = &r;
            if (r.key.key == "compute.mac_cols") cols = &r;
            if (r.key.key == "package.dies") dies = &r;
            // A trade's price has the objective's better direction: tokens/s up per W more, $/M tokens down.
            for (const auto& [per, exchange] : {std::pair{r.per_mm2, r.exchange_mm2}, std::pair{r.per_w, r.exchange_w},
                                                std::pair{r.per_usd, r.exchange_usd}}) {
                if (exchange == Exchange::trade) {
                    EXPECT_TRUE(objective.better == Better::higher ? *per > 0 : *per < 0) << key << " " << r.key.key;
                }
                EXPECT_EQ(per.has_value(), exchange != Exchange::none) << key << " " << r.key.key;
            }
        }
        ASSERT_NE(fp4, nullptr);
        ASSERT_NE(cols, nullptr);
        const Exchange fp4_buys = objective.better == Better::higher ? Exchange::no_gain : Exchange::worse;
        if (fp4_buys == Exchange::no_gain) EXPECT_EQ(fp4->objective_high, fp4->objective_low);
        EXPECT_EQ(fp4->exchange_mm2, fp4_buys) << key;
        EXPECT_EQ(fp4->exchange_usd, fp4_buys) << key;
        EXPECT_EQ(cols->exchange_mm2, Exchange::trade) << key;
        // The same cores over 1 or 3 dies: each die smaller, the chip's silicon larger by the die-to-die PHYs
        // (876.0 to 883.0 mm2), for the same tokens: no gain, where each die's area read "saves".
        ASSERT_NE(dies, nullptr);
        if (objective.better == Better::higher) {
            EXPECT_EQ(dies->objective_high, dies->objective_low);
            EXPECT_EQ(dies->exchange_mm2, Exchange::no_gain);
        }
    }
}

// The workload's and the model's keys, by group. Llama-2-70B on 8 H100s at tp 8, batch 64.
TEST(Sensitivity, WorkloadAndModelKeysByGroup) {
    EXPECT_EQ(parse_key_groups("chip").value(), (KeyGroups{true, false, false}));
    EXPECT_EQ(parse_key_groups("model,workload").value(), (KeyGroups{false, true, true}));
    EXPECT_EQ(parse_key_groups("all").value(), (KeyGroups{true, true, true}));
    for (const char* bad : {"gpu", "chip,", "", "chip,,model"}) {
        auto g = parse_key_groups(bad);
        ASSERT_FALSE(g.ok()) << bad;
        EXPECT_NE(g.error().message.find("is not one of chip, workload, model or all"), std::string::npos)
            << g.error().message;
    }

    const SweepSpec spec = base_spec();
    const DesignPoint design = design_of(spec);
    const ResultKey& tps = *find_result_key("throughput_tokens_per_s_per_chip");
    auto prefix_of = [](const SensitivityRow& r) { return r.key.key.substr(0, r.key.key.find('.') + 1); };

    // Chip keys alone by default: no workload or model key.
    auto chip = sensitivity(design, tps);
    ASSERT_TRUE(chip.ok()) << chip.error().message;
    for (const auto& r : chip->rows) EXPECT_TRUE(r.key.is_chip()) << r.key.key;

    // The model's keys. 80 layers step by 4 (5 %) each way: fewer layers, a shorter step, more tokens; the step
    // is nearly all layers (the LM head and the host's time are the rest), so about -1.
    auto model = sensitivity(design, tps, 0.05, {false, false, true});
    ASSERT_TRUE(model.ok()) << model.error().message;
    std::set<std::string> keys;
    for (const auto& r : model->rows) {
        EXPECT_EQ(prefix_of(r), "model.") << r.key.key;
        keys.insert(r.key.key);
    }
    const auto layers = std::find_if(model->rows.begin(), model->rows.end(),
                                     [](const SensitivityRow& r) { return r.key.key == "model.layers"; });
    ASSERT_NE(layers, model->rows.end());
    EXPECT_EQ(layers->low, 76);
    EXPECT_EQ(layers->high, 84);
    EXPECT_LT(layers->elasticity, -0.85);
    EXPECT_GT(layers->elasticity, -1.0);
    // Each side is the edited model evaluated afresh.
    for (const double n : {76.0, 84.0}) {
        ModelSpec m = spec.model;
        m.layers = static_cast<int>(n);
        auto ev = evaluate_design(spec.chip, m, spec.scenario);
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        EXPECT_EQ(*tps.value(*ev), n == 76 ? layers->objective_low : layers->objective_high);
    }
    // 8 KV heads step to 7 and 9, neither of which divides the 64 query heads: the key is left out.
    EXPECT_EQ(keys.count("model.kv_heads"), 0u);
    EXPECT_EQ(keys.count("model.hidden"), 1u);
    // A dense model has no experts to step (its moe.every of 1 means nothing without them).
    for (const auto& k : keys) EXPECT_NE(k.rfind("model.moe.", 0), 0u) << k;

    // The workload's keys: the requests and the engine, not the deployment (chips, degrees) nor the limits.
    auto workload = sensitivity(design, tps, 0.05, {false, true, false});
    ASSERT_TRUE(workload.ok()) << workload.error().message;
    keys.clear();
    for (const auto& r : workload->rows) {
        EXPECT_EQ(prefix_of(r), "workload.") << r.key.key;
        keys.insert(r.key.key);
    }
    for (const char* k : {"workload.batch", "workload.output_len", "workload.input_len"})
        EXPECT_EQ(keys.count(k), 1u) << k;
    for (const char* k : {"workload.chips", "workload.tp", "workload.ttft_slo_s", "workload.expert_imbalance"})
        EXPECT_EQ(keys.count(k), 0u) << k;  // the last: an MoE key, which cannot change a dense model's result
    // Batch 64 steps by 3: decode reads the weights once for more tokens, so throughput per chip grows with it.
    const auto batch = std::find_if(workload->rows.begin(), workload->rows.end(),
                                    [](const SensitivityRow& r) { return r.key.key == "workload.batch"; });
    ASSERT_NE(batch, workload->rows.end());
    EXPECT_EQ(batch->low, 61);
    EXPECT_EQ(batch->high, 67);
    EXPECT_GT(batch->elasticity, 0.3);

    // All three, in one list by |elasticity|.
    auto all = sensitivity(design, tps, 0.05, {true, true, true});
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->rows.size(), chip->rows.size() + model->rows.size() + workload->rows.size());
}

TEST(Seek, LandsOnTheTarget) {
    SweepSpec spec = base_spec();
    const ResultKey& tps = *find_result_key("throughput_tokens_per_s_per_chip");
    auto base = evaluate_design(spec.chip, spec.model, spec.scenario);
    ASSERT_TRUE(base.ok());
    const double target = 1.1 * base->serving.throughput_tokens_per_s_per_chip;  // HBM alone reaches 1.12x
    const SweepKey key = resolve_sweep_key("hbm.tb_s_per_stack").value();
    auto r = seek(design_of(spec), key, tps, target);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_NEAR(r->objective / target, 1.0, 0.01);
    EXPECT_GT(r->value, spec.chip.hbm.tb_s_per_stack);
    // The value found gives that objective when evaluated on its own.
    ChipSpec chip = spec.chip;
    chip.hbm.tb_s_per_stack = r->value;
    EXPECT_EQ(evaluate_design(chip, spec.model, spec.scenario)->serving.throughput_tokens_per_s_per_chip, r->objective);

    // A whole-number key: the fewest stacks that reach 1.1x.
    const SweepKey stacks = resolve_sweep_key("hbm.stacks").value();
    auto s = seek(design_of(spec), stacks, tps, 1.1 * base->serving.throughput_tokens_per_s_per_chip);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->value, std::round(s->value));
    EXPECT_GE(s->objective, 1.1 * base->serving.throughput_tokens_per_s_per_chip);
    ChipSpec one_less = spec.chip;
    one_less.hbm.stacks = static_cast<int>(s->value) - 1;
    auto less = evaluate_design(one_less, spec.model, spec.scenario);
    ASSERT_TRUE(less.ok());
    EXPECT_LT(less->serving.throughput_tokens_per_s_per_chip, 1.1 * base->serving.throughput_tokens_per_s_per_chip);

    // Out of reach: 100x the throughput from HBM bandwidth alone.
    auto far = seek(design_of(spec), key, tps, 100 * target);
    ASSERT_FALSE(far.ok());
    EXPECT_NE(far.error().message.find("unreachable"), std::string::npos) << far.error().message;
    EXPECT_NE(far.error().message.find("hbm.tb_s_per_stack"), std::string::npos);
}

TEST(Frontier, FrontPointsAreNotDominatedAndMatchEvaluations) {
    SweepSpec spec = base_spec();
    spec.scenario.tp = 0;  // every tensor-parallel degree of 8 chips
    spec.scenario.weight_precision = spec.scenario.activation_precision = spec.scenario.kv_precision = Precision::fp8;
    auto f = interactivity_frontier(design_of(spec));
    ASSERT_TRUE(f.ok()) << f.error().message;
    ASSERT_FALSE(f->front().empty());
    bool tps[9] = {};
    for (const auto& p : f->points) {
        tps[p.parallelism.tp] = true;
        for (const auto& q : f->points) {
            const bool dominates = q.tokens_per_s_per_user >= p.tokens_per_s_per_user &&
                                   q.tokens_per_s_per_chip >= p.tokens_per_s_per_chip &&
                                   (q.tokens_per_s_per_user > p.tokens_per_s_per_user ||
                                    q.tokens_per_s_per_chip > p.tokens_per_s_per_chip);
            if (p.on_front) {
                EXPECT_FALSE(dominates);
            }
        }
    }
    EXPECT_TRUE(tps[1] && tps[2] && tps[4] && tps[8]);
    // A point is the evaluation at its batch and parallelism: tokens/s per user = 1 / TPOT.
    const FrontierPoint& p = *f->front().back();
    Scenario s = spec.scenario;
    s.tp = p.parallelism.tp;
    s.pp = 1;
    s.batch = p.batch;
    auto ev = evaluate_design(spec.chip, spec.model, s);
    ASSERT_TRUE(ev.ok());
    EXPECT_EQ(p.tokens_per_s_per_chip, ev->serving.throughput_tokens_per_s_per_chip);
    EXPECT_EQ(p.tokens_per_s_per_user, 1.0 / ev->serving.tpot_s);
    // The fastest per user is tp 8 at batch 1.
    EXPECT_EQ(f->front().back()->parallelism.tp, 8);
    EXPECT_EQ(f->front().back()->batch, 1);
}

// Disaggregated: the batch is the decode pool's, each point at the best split of the chips for it; a
// tensor-parallel degree applies to both pools, so with the split chosen it is at most half the chips,
// and with a split given it divides both pools.
TEST(Frontier, ADisaggregatedDeploymentHasOneOverTheDecodeBatch) {
    DesignPoint d{load_chip("h200-sxm").value(), load_model("llama-3.1-70b").value(), Scenario{}, {}};
    d.scenario.chips = 8;
    d.scenario.prefill_chips = d.scenario.decode_chips = -1;
    d.scenario.tp = d.scenario.pp = d.scenario.ep = d.scenario.attention_dp = 0;
    d.scenario.batch = 0;
    d.scenario.input_len = 1024;
    d.scenario.output_len = 256;
    d.scenario.weight_precision = d.scenario.activation_precision = d.scenario.kv_precision = Precision::fp8;
    auto f = interactivity_frontier(d);
    ASSERT_TRUE(f.ok()) << f.error().message;
    std::set<int> tps;
    for (const auto& p : f->points) tps.insert(p.parallelism.tp);
    EXPECT_EQ(tps, (std::set<int>{1, 2, 4}));  // 8 chips in two pools: 4 at most
    // Each point is the evaluation at its degree and decode batch, the split chosen for it.
    for (const FrontierPoint* p : f->front()) {
        Scenario s = d.scenario;
        s.tp = p->parallelism.tp;
        s.pp = 1;
        s.batch = p->batch_limit;
        auto ev = evaluate_design(d.chip, d.model, s);
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        EXPECT_TRUE(ev->serving.disaggregated);
        EXPECT_EQ(p->batch, ev->serving.batch);
        EXPECT_LE(p->batch, p->batch_limit);
        EXPECT_EQ(p->tokens_per_s_per_chip, ev->serving.throughput_tokens_per_s_per_chip);
        EXPECT_EQ(p->tokens_per_s_per_user, 1.0 / ev->serving.tpot_s);
    }
    // The design's own evaluation (parallelism, batch and split chosen) is one of the points (to the TDP
    // clock search's tolerance: a batch chosen and the same batch given settle 1e-8 apart).
    auto own = evaluate_design(d.chip, d.model, d.scenario);
    ASSERT_TRUE(own.ok()) << own.error().message;
    const double rate = own->serving.throughput_tokens_per_s_per_chip;
    const bool found = std::any_of(f->points.begin(), f->points.end(), [&](const FrontierPoint& p) {
        return p.parallelism.tp == own->serving.parallelism.tp && p.batch == own->serving.batch &&
               std::abs(p.tokens_per_s_per_chip - rate) <= 1e-6 * rate;
    });
    EXPECT_TRUE(found) << "tp " << own->serving.parallelism.tp << " batch " << own->serving.batch;
    // The fastest per user: the widest degree (4 chips a pool) at batch 1.
    EXPECT_EQ(f->front().back()->parallelism.tp, 4);
    EXPECT_EQ(f->front().back()->batch, 1);
    // Pools of 2 and 6 chips: the degrees dividing both, 1 and 2.
    d.scenario.prefill_chips = 2;
    d.scenario.decode_chips = 6;
    auto fixed = interactivity_frontier(d);
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    tps.clear();
    for (const auto& p : fixed->points) tps.insert(p.parallelism.tp);
    EXPECT_EQ(tps, (std::set<int>{1, 2}));
}

// A prefill pool with a tensor-parallel degree of its own (prefill_tp): the frontier's degree is the decode
// pool's alone. With pools of 2 and 4 chips it divides the 4 (1, 2 and 4, where the degrees dividing both
// pools are 1 and 2); with the split of 12 chips chosen it leaves room for one prefill replica of 4 chips,
// 8 at most, whether or not it divides the 12 (8 decode chips at TP 8 beside 4 prefill chips at TP 4).
TEST(Frontier, APrefillPoolOfItsOwnLeavesTheDegreeToTheDecodePool) {
    DesignPoint d{load_chip("h200-sxm").value(), load_model("llama-3.1-70b").value(), Scenario{}, {}};
    d.scenario.chips = 6;
    d.scenario.prefill_chips = 2;
    d.scenario.decode_chips = 4;
    d.scenario.prefill_tp = 2;
    d.scenario.tp = d.scenario.pp = d.scenario.ep = d.scenario.attention_dp = 0;
    d.scenario.batch = 0;
    d.scenario.input_len = 1024;
    d.scenario.output_len = 256;
    d.scenario.weight_precision = d.scenario.activation_precision = d.scenario.kv_precision = Precision::fp8;
    const auto degrees = [](const Frontier& f) {
        std::set<int> tps;
        for (const auto& p : f.points) tps.insert(p.parallelism.tp);
        return tps;
    };
    auto fixed = interactivity_frontier(d);
    ASSERT_TRUE(fixed.ok()) << fixed.error().message;
    EXPECT_EQ(degrees(*fixed), (std::set<int>{1, 2, 4}));
    d.scenario.chips = 12;
    d.scenario.prefill_chips = d.scenario.decode_chips = -1;
    d.scenario.prefill_tp = 4;
    auto chosen = interactivity_frontier(d);
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    EXPECT_EQ(degrees(*chosen), (std::set<int>{1, 2, 4, 8}));
    // The widest is the evaluation of TP 8 at its batch: 8 decode chips beside 4 prefill chips at TP 4.
    const FrontierPoint& widest = *std::find_if(chosen->points.begin(), chosen->points.end(),
                                                [](const FrontierPoint& p) { return p.parallelism.tp == 8; });
    Scenario s = d.scenario;
    s.tp = 8;
    s.pp = 1;
    s.batch = widest.batch_limit;
    auto ev = evaluate_design(d.chip, d.model, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    ASSERT_TRUE(ev->serving.disaggregated);
    EXPECT_EQ(ev->serving.prefill_pool.chips, 4);
    EXPECT_EQ(ev->serving.prefill_pool.parallelism.tp, 4);
    EXPECT_EQ(ev->serving.decode_pool.chips, 8);
    EXPECT_EQ(widest.tokens_per_s_per_chip, ev->serving.throughput_tokens_per_s_per_chip);
}

// The model's architecture as an axis ("model.KEY"): each point evaluates the model with that value, as a
// model edited by hand does (the lowered steps of one point are not another's), with the chip's axes beside it.
// A model axis checks the scenario against each point's model: 72 heads over tp 16 are refused as a fresh
// evaluation refuses them, between points of 64 and 80 heads that evaluate.
TEST(Sweep, AModelAxisChecksTheScenarioAtEveryPoint) {
    SweepSpec spec = base_spec();
    spec.scenario.chips = spec.scenario.tp = 16;
    spec.axes = {axis("model.heads=64,72,80")};
    auto rows = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 3u);
    ModelSpec m = spec.model;
    m.heads = 72;
    auto fresh = evaluate_design(spec.chip, m, spec.scenario);
    ASSERT_FALSE(fresh.ok());
    EXPECT_NE(fresh.error().message.find("does not split the 72 attention heads"), std::string::npos)
        << fresh.error().message;
    EXPECT_EQ(rows->status[0], PointStatus::ok);
    EXPECT_EQ(rows->status[1], PointStatus::failed);
    EXPECT_EQ(rows->status[2], PointStatus::ok);
    EXPECT_EQ(rows->note[1], fresh.error().message);
}

TEST(Sweep, ModelKeysVaryTheModelPointByPoint) {
    SweepSpec spec = base_spec();
    spec.scenario.weight_precision = spec.scenario.activation_precision = spec.scenario.kv_precision = Precision::fp8;
    spec.axes = {axis("model.kv_heads=8,4,3"), axis("compute.clock_ghz=1.4,2.2"), axis("model.layers=40,80")};
    auto rows = run_sweep(spec, {}, {1, nullptr});
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 12u);  // 3 x 2 x 2
    for (size_t r = 0; r < rows->size(); ++r) {
        SCOPED_TRACE(r);
        ChipSpec chip = spec.chip;
        ModelSpec model = spec.model;
        model.kv_heads = static_cast<int>(rows->axis(r, 0));
        chip.compute.clock_ghz = rows->axis(r, 1);
        model.layers = static_cast<int>(rows->axis(r, 2));
        if (model.kv_heads == 3) {  // 64 query heads: 3 KV heads cannot share them
            EXPECT_EQ(rows->status[r], PointStatus::failed);
            EXPECT_NE(rows->note[r].find("must be a multiple of 'kv_heads' (3)"), std::string::npos) << rows->note[r];
            continue;
        }
        auto ev = evaluate_design(chip, model, spec.scenario);
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        for (size_t o = 0; o < spec.objectives.size(); ++o)
            EXPECT_EQ(rows->objective(r, o), *spec.objectives[o]->value(*ev)) << spec.objectives[o]->key;
    }
    // Half the layers, half the weights and KV read a step: more tokens/s (rows 0 and 1: 40 and 80 layers at 8 KV
    // heads and 1.4 GHz). (At TP 8 each chip holds one KV head with 8 of them or 4: fewer do not cut its cache.)
    EXPECT_GT(rows->objective(0, 0), 1.5 * rows->objective(1, 0));
    // Named refusals.
    auto unknown = parse_axis("model.nope=1,2");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("'model.nope': no such model key"), std::string::npos);
    auto beyond = parse_axis("model.layers=0,4");
    ASSERT_FALSE(beyond.ok());
    EXPECT_NE(beyond.error().message.find("model.layers"), std::string::npos) << beyond.error().message;
    // Its file names the model's choices by name and reads back.
    SweepSpec choices = base_spec();
    choices.axes = {axis("model.window_kind=sliding,chunked"), axis("model.layers=40,80")};
    auto chosen = run_sweep(choices);
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    const std::string csv = sweep_csv_header(*chosen) + sweep_csv_rows(*chosen);
    EXPECT_NE(csv.find("\nchunked,80,"), std::string::npos) << csv;
    auto back = parse_sweep_csv(csv, "model.csv");
    ASSERT_TRUE(back.ok()) << back.error().message;
    expect_same_rows(*back, *chosen);
    // A goal seek over a model key: the layers at which the throughput per chip doubles.
    const ResultKey& tps = *find_result_key("throughput_tokens_per_s_per_chip");
    auto base = evaluate_design(spec.chip, spec.model, spec.scenario);
    ASSERT_TRUE(base.ok());
    auto found = seek(design_of(spec), resolve_sweep_key("model.layers").value(), tps,
                      2 * base->serving.throughput_tokens_per_s_per_chip);
    ASSERT_TRUE(found.ok()) << found.error().message;
    ModelSpec shallower = spec.model;
    shallower.layers = static_cast<int>(found->value);
    EXPECT_EQ(evaluate_design(spec.chip, shallower, spec.scenario)->serving.throughput_tokens_per_s_per_chip,
              found->objective);
    EXPECT_GE(found->objective, 2 * base->serving.throughput_tokens_per_s_per_chip);
    EXPECT_LT(found->value, 80);
}
