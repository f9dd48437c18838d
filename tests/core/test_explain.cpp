// What bounds a layer and what would move it: the figures equal the model re-evaluated with the
// resource doubled.
#include <gtest/gtest.h>

#include "core/library/library.hpp"
#include "core/perf/explain.hpp"
#include "core/physical/design.hpp"

using namespace scoville;

namespace {

Result<Evaluation> design_eval(const ChipSpec& chip, const ModelSpec& model, const Scenario& scenario) {
    return evaluate_design(chip, model, scenario);
}

size_t slowest_layer(const PhaseResult& p) {
    size_t best = 0;
    for (size_t i = 0; i < p.layer_count(); ++i)
        if (p.layer(i).time_s > p.layer(best).time_s) best = i;
    return best;
}

// The GUI's first-start design: Llama 3.1 70B in FP8 on 8 chips, batch and parallelism auto, within
// the MLPerf server limits.
Scenario server_fp8() {
    Scenario s;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.chips = 8;
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    s.batch = 0;
    s.ttft_slo_s = 2.0;
    s.tpot_slo_s = 0.2;
    return s;
}

}  // namespace

TEST(Explain, DoublingOneResourceChangesOnlyIt) {
    const ChipSpec h100 = load_chip("h100-sxm").value();
    EXPECT_EQ(doubled(h100, Resource::macs).compute.arrays_per_core, 8);   // 4 x 2
    EXPECT_EQ(doubled(h100, Resource::macs).compute.vector_lanes_per_core, h100.compute.vector_lanes_per_core);
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::macs).peak_tflops(Precision::bf16), 2 * h100.peak_tflops(Precision::bf16));
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::hbm_bandwidth).memory_tb_s(), 2 * h100.memory_tb_s());
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::hbm_bandwidth).memory_gb(), h100.memory_gb());
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::link_bandwidth).link_gb_s(), 2 * h100.link_gb_s());
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::sram).sram.mb, 2 * h100.sram.mb);
    EXPECT_DOUBLE_EQ(doubled(h100, Resource::vector).vector_tflops(), 2 * h100.vector_tflops());
}

// Fixing what the evaluation chose (batch, parallelism) reproduces the step, so the doubled designs
// are compared on the same layers: exactly on the Jalapeno estimate, within 0.3 % on H100 and B200,
// which their TDP holds below the nominal clock: the search for the clock stops within 0.5 % of the TDP
// in power, and power goes about as the clock squared near the cap (f x V^2, V falling by 0.58 of the
// clock's fall), so the two solves may land 0.25 % apart in clock.
TEST(Explain, TheFixedScenarioReproducesTheStep) {
    for (const char* chipId : {"h100-sxm", "b200", "jalapeno-est"}) {
        const ChipSpec chip = load_chip(chipId).value();
        const ModelSpec model = load_model("llama-3.1-70b").value();
        auto ev = design_eval(chip, model, server_fp8());
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        const Scenario fixed = fixed_scenario(server_fp8(), *ev);
        EXPECT_EQ(fixed.batch, ev->serving.batch);
        EXPECT_EQ(fixed.tp, ev->serving.parallelism.tp);
        auto again = design_eval(chip, model, fixed);
        ASSERT_TRUE(again.ok()) << again.error().message;
        ASSERT_EQ(again->decode.layer_count(), ev->decode.layer_count());
        const size_t l = slowest_layer(ev->decode);
        const double tolerance = std::string(chipId) == "jalapeno-est" ? 1e-9 : 3e-3;
        EXPECT_NEAR(again->decode.layer(l).time_s, ev->decode.layer(l).time_s, tolerance * ev->decode.layer(l).time_s)
            << chipId;
        EXPECT_NEAR(again->decode.time_s, ev->decode.time_s, tolerance * ev->decode.time_s) << chipId;
    }
}

// Disaggregated: the split and the decode pool's batch are fixed, so the doubled designs are compared on the
// same pools; the fixed scenario reproduces the decode step (exactly on the Jalapeno estimate, which its TDP
// does not hold back).
TEST(Explain, TheFixedScenarioOfADisaggregatedDeploymentKeepsItsSplit) {
    const ChipSpec chip = load_chip("jalapeno-est").value();
    const ModelSpec model = load_model("llama-3.1-70b").value();
    Scenario s = server_fp8();
    s.prefill_chips = s.decode_chips = -1;  // the split chosen
    s.ttft_slo_s.reset();
    s.tpot_slo_s.reset();
    auto ev = design_eval(chip, model, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    ASSERT_TRUE(ev->serving.disaggregated);
    const Scenario fixed = fixed_scenario(s, *ev);
    EXPECT_EQ(fixed.prefill_chips, ev->serving.prefill_pool.chips);
    EXPECT_EQ(fixed.decode_chips, ev->serving.decode_pool.chips);
    EXPECT_EQ(fixed.prefill_chips + fixed.decode_chips, 8);
    EXPECT_EQ(fixed.batch, ev->serving.batch);
    EXPECT_EQ(fixed.tp, 0);  // one parallelism for both pools: each pool's chosen again
    auto again = design_eval(chip, model, fixed);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->serving.prefill_pool.chips, ev->serving.prefill_pool.chips);
    EXPECT_EQ(again->serving.decode_pool.parallelism.tp, ev->serving.decode_pool.parallelism.tp);
    ASSERT_EQ(again->decode.layer_count(), ev->decode.layer_count());
    EXPECT_NEAR(again->decode.time_s, ev->decode.time_s, 1e-9 * ev->decode.time_s);
    // A doubled resource keeps the split: what would move the layer is measured on the same pools.
    auto moves = what_moves(chip, model, s, *ev, Phase::decode, slowest_layer(ev->decode), design_eval);
    ASSERT_TRUE(moves.ok()) << moves.error().message;
    auto more = design_eval(doubled(chip, Resource::hbm_bandwidth), model, fixed);
    ASSERT_TRUE(more.ok()) << more.error().message;
    EXPECT_EQ(more->serving.prefill_pool.chips, ev->serving.prefill_pool.chips);
    const ResourceMove& hbm = moves->moves[static_cast<size_t>(Resource::hbm_bandwidth)];
    EXPECT_EQ(hbm.resource, Resource::hbm_bandwidth);
    EXPECT_DOUBLE_EQ(hbm.step_s, more->decode.time_s);
}

// On H100 with its TDP lifted: under its 700 W limit this design is held below the nominal clock, where doubling a
// resource's silicon adds to the busy floor and lowers the clock (the vector units' slows the layer 2.6 %, below).
TEST(Explain, WouldMoveItFiguresAreTheModelsOwn) {
    ChipSpec chip = load_chip("h100-sxm").value();
    chip.power.tdp_w = 10000;  // far above what it draws: the clock stays nominal
    const ModelSpec model = load_model("llama-3.1-70b").value();
    const Scenario s = server_fp8();
    auto ev = design_eval(chip, model, s);
    ASSERT_TRUE(ev.ok());
    const size_t l = slowest_layer(ev->decode);
    auto moves = what_moves(chip, model, s, *ev, Phase::decode, l, design_eval);
    ASSERT_TRUE(moves.ok()) << moves.error().message;
    ASSERT_EQ(moves->moves.size(), all_resources().size());
    EXPECT_DOUBLE_EQ(moves->layer_s, ev->decode.layer(l).time_s);
    for (const ResourceMove& m : moves->moves) {
        auto more = design_eval(doubled(chip, m.resource), model, fixed_scenario(s, *ev));
        ASSERT_TRUE(more.ok());
        EXPECT_DOUBLE_EQ(m.layer_s, more->decode.layer(l).time_s) << to_string(m.resource);
        EXPECT_DOUBLE_EQ(m.step_s, more->decode.time_s) << to_string(m.resource);
        EXPECT_DOUBLE_EQ(m.layer_change, more->decode.layer(l).time_s / ev->decode.layer(l).time_s - 1);
        EXPECT_LE(m.layer_change, 1e-9) << to_string(m.resource) << ": more of a resource never slows a layer here";
    }
    // Under the 700 W limit the doubled vector units' silicon draws its busy floor too: the clock falls and the
    // layer slows.
    const ChipSpec capped = load_chip("h100-sxm").value();
    auto held = design_eval(capped, model, s);
    ASSERT_TRUE(held.ok());
    EXPECT_LT(held->physical.clock_ghz, capped.compute.clock_ghz);
    const size_t lh = slowest_layer(held->decode);
    auto held_moves = what_moves(capped, model, s, *held, Phase::decode, lh, design_eval);
    ASSERT_TRUE(held_moves.ok()) << held_moves.error().message;
    for (const ResourceMove& m : held_moves->moves) {
        if (m.resource == Resource::vector) {
            EXPECT_GT(m.layer_change, 0.01) << "the vector units' floor lowers the clock";
        }
    }
}

TEST(Explain, BatchOneDecodeIsMovedByMemoryNotMacs) {
    // Llama 3.1 8B in BF16 on one H100 at batch 1: the layer streams its weights from HBM at about
    // 1 FLOP/byte, far left of the ridge, so doubling HBM bandwidth cuts it and doubling MACs does not.
    const ChipSpec chip = load_chip("h100-sxm").value();
    const ModelSpec model = load_model("llama-3.1-8b").value();
    Scenario s;
    auto ev = design_eval(chip, model, s);
    ASSERT_TRUE(ev.ok());
    const size_t l = 1;  // a transformer layer (0 is the embedding where there is one)
    const LayerCause cause = layer_cause(ev->decode.layer(l));
    EXPECT_EQ(cause.bound, Bound::memory);
    ASSERT_FALSE(cause.ops.empty());
    double sum = 0;
    for (size_t i : cause.ops) {
        EXPECT_EQ(ev->decode.layer(l).ops[i].bound, Bound::memory);
        sum += ev->decode.layer(l).ops[i].time_s;
    }
    EXPECT_DOUBLE_EQ(cause.ops_s, sum);
    EXPECT_LE(cause.ops_s, cause.layer_s * (1 + 1e-12));
    for (size_t k = 1; k < cause.ops.size(); ++k)
        EXPECT_GE(ev->decode.layer(l).ops[cause.ops[k - 1]].time_s, ev->decode.layer(l).ops[cause.ops[k]].time_s);
    EXPECT_EQ(step_bound(ev->decode), Bound::memory);

    auto moves = what_moves(chip, model, s, *ev, Phase::decode, l, design_eval);
    ASSERT_TRUE(moves.ok());
    const auto& m = moves->moves;
    auto find = [&](Resource r) {
        for (const auto& x : m)
            if (x.resource == r) return x;
        return ResourceMove{};
    };
    EXPECT_GT(find(Resource::macs).layer_change, -0.05);
    EXPECT_LT(find(Resource::hbm_bandwidth).layer_change, -0.3);
    EXPECT_NEAR(find(Resource::link_bandwidth).layer_change, 0.0, 1e-12);  // one chip: no collectives
}

// The roofline's lines bound its points: every op sits under the roof of the unit it runs on (the
// vector ceiling for softmax, norms and activations) and under the highest bandwidth slope.
TEST(Explain, EveryOpSitsUnderTheRoofItRunsOn) {
    for (const char* chipId : {"h100-sxm", "b200", "tpu-v6e", "jalapeno-est"}) {
        const ChipSpec chip = load_chip(chipId).value();
        auto ev = design_eval(chip, load_model("llama-3.1-70b").value(), server_fp8());
        ASSERT_TRUE(ev.ok()) << chipId << ": " << ev.error().message;
        double vector = 0, matrix = 0, bandwidth = 0;
        for (const Ceiling& c : ev->ceilings) {
            if (c.is_bandwidth) bandwidth = std::max(bandwidth, c.value);
            else if (c.label == "Vector") vector = c.value;
            else matrix = std::max(matrix, c.value);
        }
        ASSERT_GT(vector, 0) << chipId;
        EXPECT_LT(vector, matrix) << chipId;
        int vectorOps = 0;
        for (const PhaseResult* phase : {&ev->prefill, &ev->decode}) {
            for (const LayerTemplate& t : phase->templates) {
                for (const OpResult& op : t.ops) {
                    if (!(op.flops > 0 && op.time_s > 0)) continue;
                    const double tflops = op.flops / op.time_s / 1e12;
                    if (op.kind == OpKind::vector) {
                        ++vectorOps;
                        EXPECT_LE(tflops, vector * (1 + 1e-9)) << chipId << " " << op.name;
                    }
                    EXPECT_LE(tflops, matrix * (1 + 1e-9)) << chipId << " " << op.name;
                    if (op.bytes() > 0) {
                        EXPECT_LE(tflops, op.intensity() * bandwidth * (1 + 1e-9)) << chipId << " " << op.name;
                    }
                }
            }
        }
        EXPECT_GT(vectorOps, 0) << chipId;
    }
}
