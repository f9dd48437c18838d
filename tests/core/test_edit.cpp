// The edit vocabulary of a design's history: targets, text forms, steps applied both ways, diffs.
#include <gtest/gtest.h>

#include "core/design/edit.hpp"
#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"

using namespace scoville;

namespace {

DesignValues h100_on_llama() {
    DesignValues v;
    v.chip = load_chip("h100-sxm").value();
    v.model_id = "llama-3.1-70b";
    v.scenario.chips = 8;
    v.baseline_id = "b200";
    v.compared_ids = {"b200", "tpu-v7"};
    return v;
}

}  // namespace

TEST(Edit, TargetsAreNamedAsUsersTypeThem) {
    auto clock = parse_edit_target("compute.clock_ghz");
    ASSERT_TRUE(clock.ok());
    EXPECT_EQ(clock->kind, EditKind::chip);
    auto batch = parse_edit_target("workload.batch");
    ASSERT_TRUE(batch.ok());
    EXPECT_EQ(batch->kind, EditKind::workload);
    EXPECT_EQ(batch->key, "batch");
    EXPECT_EQ(parse_edit_target("workload.model")->key, "model");
    EXPECT_EQ(parse_edit_target("baseline")->kind, EditKind::baseline);
    EXPECT_EQ(parse_edit_target("compared")->kind, EditKind::compared);
    EXPECT_EQ(edit_target_name(EditKind::workload, "batch"), "workload.batch");
    for (const char* bad : {"compute.warp", "workload.warp", "batch", "*", ""}) {
        auto t = parse_edit_target(bad);
        ASSERT_FALSE(t.ok()) << bad;
        EXPECT_NE(t.error().message.find(std::string("'") + bad + "'"), std::string::npos) << t.error().message;
    }
    for (EditKind k : {EditKind::chip, EditKind::design, EditKind::workload, EditKind::baseline, EditKind::compared})
        EXPECT_EQ(parse_edit_kind(to_string(k)), k);
    EXPECT_FALSE(parse_edit_kind("phase").has_value());
}

TEST(Edit, MakeEditFillsTheOldValueAndNormalisesTheNew) {
    const DesignValues v = h100_on_llama();
    auto e = make_edit(v, *parse_edit_target("compute.clock_ghz"), "2.000");
    ASSERT_TRUE(e.ok());
    ASSERT_TRUE(e->has_value());
    EXPECT_EQ((*e)->old_value, "1.83");  // h100-sxm.json
    EXPECT_EQ((*e)->new_value, "2");
    // The value it already has: no edit.
    auto same = make_edit(v, *parse_edit_target("compute.clock_ghz"), "1.83");
    ASSERT_TRUE(same.ok());
    EXPECT_FALSE(same->has_value());
    // Limits: "none" (or empty) is no limit, a number is one.
    auto limit = make_edit(v, *parse_edit_target("workload.ttft_slo_s"), "2");
    ASSERT_TRUE(limit.ok() && limit->has_value());
    EXPECT_EQ((*limit)->old_value, "");
    EXPECT_EQ((*limit)->new_value, "2");
    // Out of range and not a number: refused, naming the key.
    auto bad = make_edit(v, *parse_edit_target("workload.batch"), "-1");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("batch"), std::string::npos);
    auto nan = make_edit(v, *parse_edit_target("compute.cores"), "many");
    ASSERT_FALSE(nan.ok());
    EXPECT_NE(nan.error().message.find("compute.cores"), std::string::npos);
}

TEST(Edit, AStepAppliedForwardThenBackwardRestoresEveryPart) {
    const DesignValues start = h100_on_llama();
    const EditStep step{
        {EditKind::chip, "hbm.stacks", "5", "6"},
        {EditKind::workload, "model", "llama-3.1-70b", "mixtral-8x7b"},
        {EditKind::workload, "batch", "1", "64"},
        {EditKind::baseline, "baseline", "b200", "h100-sxm"},
        {EditKind::compared, "compared", "b200,tpu-v7", "mi300x"},
    };
    DesignValues v = start;
    ASSERT_TRUE(apply_step(v, step, true).ok());
    EXPECT_EQ(v.chip.hbm.stacks, 6);
    EXPECT_EQ(v.model_id, "mixtral-8x7b");
    EXPECT_EQ(v.scenario.batch, 64);
    EXPECT_EQ(v.baseline_id, "h100-sxm");
    EXPECT_EQ(v.compared_ids, std::vector<std::string>{"mi300x"});
    ASSERT_TRUE(apply_step(v, step, false).ok());
    EXPECT_EQ(v, start);
    // Two edits of one key in a step: backwards ends at the first old value.
    const EditStep twice{{EditKind::chip, "hbm.stacks", "5", "6"}, {EditKind::chip, "hbm.stacks", "6", "7"}};
    ASSERT_TRUE(apply_step(v, twice, true).ok());
    EXPECT_EQ(v.chip.hbm.stacks, 7);
    ASSERT_TRUE(apply_step(v, twice, false).ok());
    EXPECT_EQ(v.chip.hbm.stacks, 5);
    // A bad value leaves the values as they were.
    const EditStep bad{{EditKind::chip, "hbm.stacks", "5", "6"}, {EditKind::workload, "batch", "1", "-4"}};
    EXPECT_FALSE(apply_step(v, bad, true).ok());
    EXPECT_EQ(v, start);
}

TEST(Edit, DiffListsEachChangedKeyAndAWholeChipWhenIdentityChanged) {
    const DesignValues a = h100_on_llama();
    DesignValues b = a;
    b.chip.compute.clock_ghz = 1.9;
    b.chip.hbm.stacks = 6;
    b.scenario.input_len = 4096;
    b.compared_ids = {"b200"};
    const EditStep d = diff_values(a, b);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0].key, "compute.clock_ghz");
    EXPECT_EQ(d[0].new_value, "1.9");
    EXPECT_EQ(d[1].key, "hbm.stacks");
    EXPECT_EQ(d[2].kind, EditKind::workload);
    EXPECT_EQ(d[2].key, "input_len");
    EXPECT_EQ(d[2].old_value, "1024");
    EXPECT_EQ(d[3].kind, EditKind::compared);
    EXPECT_EQ(d[3].new_value, "b200");
    DesignValues back = b;
    ASSERT_TRUE(apply_step(back, d, false).ok());
    EXPECT_EQ(back, a);
    // Another chip altogether (id and name differ): one design edit carrying both chips.
    DesignValues c = a;
    c.chip = load_chip("b200").value();
    const EditStep whole = diff_values(a, c);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0].kind, EditKind::design);
    EXPECT_EQ(whole[0].key, "*");
    DesignValues there = a;
    ASSERT_TRUE(apply_step(there, whole, true).ok());
    EXPECT_EQ(there.chip, c.chip);
    EXPECT_TRUE(diff_values(a, a).empty());
    EXPECT_TRUE(is_noop({{EditKind::chip, "hbm.stacks", "5", "5"}}));
    EXPECT_FALSE(is_noop(d));
}

TEST(Edit, IdListsAndDescriptions) {
    EXPECT_EQ(split_ids(" b200, tpu-v7 ,,"), (std::vector<std::string>{"b200", "tpu-v7"}));
    EXPECT_TRUE(split_ids("").empty());
    EXPECT_EQ(join_ids({"b200", "tpu-v7"}), "b200,tpu-v7");
    EXPECT_EQ(describe_edit({EditKind::chip, "compute.clock_ghz", "1.83", "2"}), "Clock (compute.clock_ghz) 1.83 -> 2 GHz");
    EXPECT_EQ(describe_edit({EditKind::workload, "model", "", "mixtral-8x7b"}), "Model none -> mixtral-8x7b");
    EXPECT_EQ(describe_edit({EditKind::baseline, "baseline", "b200", ""}), "Baseline b200 -> none");
}

TEST(Edit, AModelOfTheDesignsOwnIsKeptWholeInItsEdit) {
    DesignValues v = h100_on_llama();
    ModelSpec own = load_model("llama-3.1-8b").value();
    own.id = "my-8b";
    own.name = "My 8B";
    own.layers = 40;
    const std::string text = model_to_json(own, 2);  // any layout: the edit keeps its one-line form
    auto e = make_edit(v, *parse_edit_target("workload.model"), text);
    ASSERT_TRUE(e.ok()) << e.error().message;
    ASSERT_TRUE(e->has_value());
    EXPECT_EQ((*e)->old_value, "llama-3.1-70b");
    EXPECT_EQ((*e)->new_value, model_to_json(own, -1));
    DesignValues after = v;
    ASSERT_TRUE(apply_step(after, {**e}, true).ok());
    EXPECT_EQ(after.model_id, "my-8b");
    auto model = design_model(after, [](std::string_view) -> Result<ModelSpec> { return Error{"not the library"}; });
    ASSERT_TRUE(model.ok()) << model.error().message;
    EXPECT_EQ(model->layers, 40);
    // Its diff against the library's model is that one edit; undone, the library's model again.
    EXPECT_EQ(diff_values(v, after), EditStep{**e});
    ASSERT_TRUE(apply_step(after, {**e}, false).ok());
    EXPECT_EQ(after, v);
    EXPECT_TRUE(after.model_json.empty());
    // A library id after it clears the description; the same description again changes nothing.
    DesignValues mine = v;
    ASSERT_TRUE(set_edit_value(mine, EditKind::workload, "model", (*e)->new_value).ok());
    auto same = make_edit(mine, *parse_edit_target("workload.model"), text);
    ASSERT_TRUE(same.ok());
    EXPECT_FALSE(same->has_value());
    ASSERT_TRUE(set_edit_value(mine, EditKind::workload, "model", "llama-3.1-70b").ok());
    EXPECT_EQ(mine, v);
    // Read in a history line by its name.
    EXPECT_EQ(describe_edit(**e), "Model llama-3.1-70b -> My 8B");
    EXPECT_EQ(model_edit_label("mixtral-8x7b"), "mixtral-8x7b");
    // A description that is no model is refused naming the key.
    auto bad = make_edit(v, *parse_edit_target("workload.model"), R"({"id": "x", "layers": 0})");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("workload.model"), std::string::npos) << bad.error().message;
}
