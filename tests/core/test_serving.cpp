// Serving as engines run it: continuous batching with chunked prefill, latency percentiles,
// speculative decoding, disaggregation and the choice of parallelism, against hand arithmetic.
#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/lower.hpp"
#include "core/perf/roofline.hpp"
#include "core/perf/serving.hpp"
#include "core/workload/scenario_keys.hpp"

using namespace scoville;

namespace {

const OpResult* find_op(const PhaseResult& ph, size_t layer, std::string_view name) {
    for (const auto& o : ph.layer(layer).ops)
        if (o.name == name) return &o;
    return nullptr;
}

StreamModel idle_stream(double input_len, double room, double slope) {
    StreamModel m;
    m.step_s = 0.1;
    m.prefill_slope_s = slope;
    m.prefill_per_step = 10;
    m.prefill_room = room;
    m.arrivals_per_s = 1e-12;  // nobody else waits
    m.input_len = input_len;
    m.output_len = 100;
    return m;
}

// Blocks of 4 steps of 10 ms, every request 101 tokens (100 after the first, one step each), nothing else
// varying (ScheduleBlocksHandTokensBackAtTheirEnd).
StreamModel four_step_blocks() {
    StreamModel m;
    m.step_s = 0.01;
    m.prefill_room = 1000;
    m.arrivals_per_s = 1e-9;
    m.input_len = 100;
    m.output_len = 101;
    m.admit_steps = 4;
    return m;
}

}  // namespace

TEST(Stream, ChunkedPrefillTtftOfAnIdleServer) {
    // A request waits for the running 0.1 s step to end (uniform: 0.05 s on average, 0.099 s at p99),
    // then its 100-token prompt rides the next step: TTFT = R + 0.1.
    const Latencies one = stream_latencies(idle_stream(100, 1000, 0));
    EXPECT_NEAR(one.ttft_mean_s, 0.15, 1e-9);
    EXPECT_NEAR(one.ttft_p50_s, 0.15, 1e-5);
    EXPECT_NEAR(one.ttft_p99_s, 0.199, 1e-5);
    // A 2500-token prompt with room for 1000 prompt tokens a step spans 3 chunks. A full step takes
    // 0.1 + 1e-4 x (1000 - 10) = 0.199 s, so prompts go through at 1000 / 0.199 = 5025 tokens/s:
    // 2500 / 5025 = 0.4975 s of its own, p99 0.4975 + 0.099.
    const Latencies longer = stream_latencies(idle_stream(2500, 1000, 1e-4));
    EXPECT_NEAR(longer.ttft_p99_s, 2500 * 0.199 / 1000 + 0.099, 1e-5);
    // TPOT is the step when nothing else arrives.
    EXPECT_NEAR(one.tpot_p99_s, 0.1, 1e-6);
}

TEST(Stream, QueueingForPromptRoomIsMG1) {
    // 1000 prompt tokens a second when prompts queue (room 1000 per 1 s step); 100-token prompts arrive at
    // 5/s: rho = 0.5, service 0.1 s, E[W] = lambda E[S^2] / (2 (1 - rho)) = 5 x 0.01 / 1 = 0.05 s.
    StreamModel m;
    m.step_s = 1.0;
    m.prefill_room = 1000;
    m.prefill_per_step = 500;
    m.arrivals_per_s = 5;
    m.input_len = 100;
    m.output_len = 100;
    const Latencies l = stream_latencies(m);
    EXPECT_NEAR(l.prefill_utilisation, 0.5, 1e-12);
    EXPECT_NEAR(l.ttft_mean_s, 0.5 + 0.05 + 1.0, 1e-9);  // rest of the step + wait + its own step
    // P(W > w) = 0.5 exp(-10 w); averaged over the rest of the step R ~ U(0, 1), P(TTFT > x) =
    // 0.05 e^(-10 (x - 1)) (e^10 - 1) for x > 2. p99: x = 1 + (10 + ln 5 + ln(1 - e^-10)) / 10.
    EXPECT_NEAR(l.ttft_p99_s, 1 + (10 + std::log(5.0) + std::log1p(-std::exp(-10.0))) / 10, 1e-4);
    m.arrivals_per_s = 10.5;  // rho > 1: prompts arrive faster than steps take them
    EXPECT_FALSE(stream_latencies(m).stable);
}

TEST(Stream, TpotSpreadsWithPromptsArrivingDuringARequest) {
    // Every prompt token adds 1 ms to the step it rides. Over a request's 99 later steps of 0.1 s, prompts
    // of 100 tokens arrive at 2/s (Poisson): 19.8 expected, variance 19.8 x 100^2 tokens^2. The mean
    // step over the request then has sd 1e-3 x sqrt(19.8) x 100 / 99 = 4.49 ms: p99 = 0.1 + 2.326 x sd.
    StreamModel m;
    m.step_s = 0.1;
    m.prefill_slope_s = 1e-3;
    m.prefill_room = 1000;
    m.prefill_per_step = 20;
    m.arrivals_per_s = 2;
    m.input_len = 100;
    m.output_len = 100;
    const Latencies l = stream_latencies(m);
    const double sd = 1e-3 * std::sqrt(2 * 99 * 0.1 * 1e4) / 99;
    EXPECT_NEAR(l.tpot_p99_s, 0.1 + normal_quantile(0.99) * sd, 1e-6);
    EXPECT_NEAR(l.tpot_p50_s, 0.1, 1e-6);
    EXPECT_NEAR(normal_quantile(0.99), 2.326348, 1e-6);
}

TEST(Stream, PromptStepsOfTheirOwn) {
    // An engine that runs prompts in steps of their own: 100-token prompts arrive at 2/s over 0.1 s decode
    // steps, so n = 0.2 arrive during a step, and a prompt step follows q = 1 - e^-0.2 = 18.1 % of them; it
    // takes 20 ms + 0.1 ms a prompt token.
    StreamModel m;
    m.step_s = 0.1;
    m.prefill_room = 1000;
    m.arrivals_per_s = 2;
    m.input_len = 100;
    m.output_len = 100;
    m.separate_prefill = true;
    m.prompt_step_fixed_s = 0.02;
    m.prompt_step_slope_s = 1e-4;
    const Latencies l = stream_latencies(m);
    // TTFT: the rest of the running step (0.05 s on average), then the prompt step of its own prompt and
    // the 0.2 x 100 tokens of the others that arrived in the step: 0.02 + 1e-4 x 120 = 0.032 s. A full
    // prompt step (1000 tokens, 0.12 s) takes 8333 prompt tokens a second: rho = 200 / 8333 = 0.024, and
    // the M/G/1 wait for room is 2 x (100 / 8333)^2 / (2 x 0.976) = 0.148 ms.
    const double capacity = 1000 / 0.12, rho = 200 / capacity;
    const double wait = 2 * (100 / capacity) * (100 / capacity) / (2 * (1 - rho));
    EXPECT_NEAR(l.prefill_utilisation, 0.024, 1e-12);
    EXPECT_NEAR(l.ttft_mean_s, 0.05 + wait + 0.032, 1e-9);
    // TPOT: a step's prompt time X = 0.02 [N >= 1] + 1e-4 x 100 N, N Poisson(0.2): Var X = 0.02^2 q (1 - q)
    // + 1e-8 x 0.2 x 100^2 + 2 x 0.02 x 1e-4 x 0.2 x 100 x (1 - q) = 1.4486e-4 s^2. A request's 99 later
    // steps average it: sd = sqrt(99 Var X) / 99 = 1.210 ms; p99 = 0.1 + 2.326 sd. (The mean step, prompt
    // steps included, is the caller's step_s.)
    const double q = -std::expm1(-0.2);
    const double var = 0.02 * 0.02 * q * (1 - q) + 1e-8 * 0.2 * 1e4 + 2 * 0.02 * 1e-4 * 0.2 * 100 * (1 - q);
    EXPECT_NEAR(var, 1.4486e-4, 1e-8);
    EXPECT_NEAR(l.tpot_p50_s, 0.1, 1e-9);
    EXPECT_NEAR(l.tpot_p99_s, 0.1 + normal_quantile(0.99) * std::sqrt(var / 99), 1e-7);
    // Alone, a 2000-token prompt is past the 1000-token budget: two prompt steps' 20 ms, and 0.2 s for its tokens.
    m.input_len = 2000;
    m.arrivals_per_s = 1e-12;
    EXPECT_NEAR(stream_latencies(m).ttft_mean_s, 0.05 + 1.0 * 0.02 * (2000 / 1000.0) + 1e-4 * 2000, 1e-6);
}

TEST(Stream, TheShortestOutputsSetTheTpotTail) {
    // Blocks of 4 steps hand tokens back at their end: a request of s later steps waits e = 0..3 steps more
    // (uniform), so its TPOT is mu (1 + e / s) and only short outputs stray far from mu. Output lengths
    // lognormal, mean 291, cv 0.79 (MLPerf's OpenOrca set): the p99 is set by the shortest 2-4 % of the
    // requests. Integrating the lognormal finely (40,000 equal-probability points, e exactly uniform, s = n - 1
    // >= 1) puts S(x) = 0.01 at x = 1.0485 mu; the model's bins, finer towards both tails, come within 0.5 %.
    // (Bins fine only towards the long tail put the lower half at its 25th percentile: 1.021 mu.)
    StreamModel m;
    m.step_s = 0.03;
    m.prefill_room = 1000;
    m.input_len = 200;
    m.output_len = 291;
    m.output_cv = 0.79;
    m.admit_steps = 4;
    const Latencies l = stream_latencies(m);
    EXPECT_NEAR(l.tpot_p99_s / 0.03, 1.0485, 0.005);
}

TEST(Lengths, MeasuredQuantilesAsADistribution) {
    // 0.5:100 0.9:400: half the requests at 100 tokens (an atom: the quantile function held below the first
    // quantile), a tenth at 400 (held above the last), and between them Q(p) = 100 x 4^((p - 0.5) / 0.4),
    // log-linear: its slope b = ln 4 / 0.4 = 3.4657.
    const LengthQuantiles q{{0.5, 100}, {0.9, 400}};
    const double b = std::log(4.0) / 0.4;
    // Mean: 0.5 x 100 + (400 - 100) / b + 0.1 x 400 = 176.56.
    const double mean = 50 + 300 / b + 40;
    EXPECT_NEAR(quantiles_mean(q), mean, 1e-9);
    EXPECT_NEAR(mean, 176.56, 0.01);
    // E[L^2]: 0.5 x 100^2 + (400^2 - 100^2) / (2 b) + 0.1 x 400^2 = 42,640.2; spread sqrt(E[L^2] / mean^2 - 1) = 0.6065.
    const double second = 5000 + 150000 / (2 * b) + 16000;
    EXPECT_NEAR(quantiles_spread(q), std::sqrt(second / (mean * mean) - 1), 1e-12);
    EXPECT_NEAR(quantiles_spread(q), 0.6065, 0.0001);
    // Above 200 tokens: Q(p) = 200 at p = 0.5 + 0.4 x ln 2 / ln 4 = 0.7, so 30 %; the mean excess over 200,
    // E[(L - 200)+] = (400 - 200) / b + 0.1 x 400 - 200 x 0.3 = 37.71.
    EXPECT_NEAR(quantiles_above(q, 200), 0.3, 1e-12);
    EXPECT_NEAR(quantiles_excess(q, 200), 200 / b + 40 - 60, 1e-9);
    // Below the atom every request is longer; at the longest none is.
    EXPECT_EQ(quantiles_above(q, 50), 1.0);
    EXPECT_NEAR(quantiles_excess(q, 50), mean - 50, 1e-9);
    EXPECT_EQ(quantiles_above(q, 400), 0.0);
    EXPECT_EQ(quantiles_excess(q, 400), 0.0);
    // A scenario's spread is the quantiles' when they are given, and with it the context a slot reserves:
    // input + output x (1 + spread^2) (the lengths in flight are length-biased).
    Scenario s;
    s.input_len = 200;
    s.output_len = 177;
    s.output_len_cv = 0.79;
    EXPECT_DOUBLE_EQ(s.output_spread(), 0.79);
    s.output_len_quantiles = q;
    EXPECT_DOUBLE_EQ(s.output_spread(), quantiles_spread(q));
    EXPECT_NEAR(reserved_context(s), 200 + 177 * second / (mean * mean), 1e-9);
}

TEST(Stream, MeasuredOutputQuantilesSetTheTpotTail) {
    // Every request 101 tokens, given as quantiles (all at 101): the fixed-length case of
    // ScheduleBlocksHandTokensBackAtTheirEnd, blocks of 4 steps of 10 ms: the slowest quarter 10.3 ms.
    StreamModel m = four_step_blocks();
    m.output_cv = 0.79;  // not used: the quantiles stand in its place
    const LengthQuantiles fixed{{0.25, 101}, {0.75, 101}};
    m.output_quantiles = &fixed;
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s, 0.0103, 1e-7);
    // MLPerf Llama-2-70B's generated lengths (the v5.1 TEST06 logs' quantiles, tests/data/validation-public.csv):
    // 1 % of the requests at 23 tokens or fewer, where a lognormal of the same middle (cv 0.79) has 45. With
    // blocks of 8 steps, a request of s later steps waits e = 0..7 steps more, its TPOT mu (1 + e / s).
    // Integrating the quantiles finely (40,000 equal-probability points, log-linear between the quantiles, held
    // beyond them, scaled to the mean 291; e exactly uniform, s = n - 1 >= 1) puts the p99 at 1.1955 mu, where
    // the lognormal's is 1.1073 mu; blocks of 4: 1.0872 mu against 1.0485. The model's 16 bins, with no other
    // spread to smooth their steps, come within 0.5 % of the first and 1.2 % of the second.
    const LengthQuantiles mlperf{{0.001, 11}, {0.005, 18}, {0.01, 23},  {0.025, 34},  {0.05, 50},
                                 {0.1, 90},   {0.2, 135},  {0.3, 176},  {0.4, 215},   {0.5, 251},
                                 {0.6, 297},  {0.7, 346},  {0.8, 409},  {0.9, 530},   {0.95, 649},
                                 {0.975, 772}, {0.99, 922}, {0.995, 1012}, {0.999, 1025}};
    m.step_s = 0.03;
    m.input_len = 200;
    m.output_len = 291;
    m.output_quantiles = &mlperf;
    m.admit_steps = 8;
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s / 0.03, 1.1955, 0.006);
    m.admit_steps = 4;
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s / 0.03, 1.0872, 0.013);
    // Without them, the lognormal of cv 0.79 (TheShortestOutputsSetTheTpotTail).
    m.output_quantiles = nullptr;
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s / 0.03, 1.0485, 0.005);
}

namespace {
// An open loop of 0.1 s steps with room for 1000 prompt tokens: one-token prompts arrive at `arrivals_per_s`
// for 100 tokens each, held 10 s, in `slots` slots, each request in flight adding `decode_slope_s` to a step.
StreamModel open_loop(double arrivals_per_s, double slots, double decode_slope_s) {
    StreamModel m;
    m.step_s = 0.1;
    m.prefill_room = 1000;
    m.arrivals_per_s = arrivals_per_s;
    m.input_len = 1;
    m.output_len = 100;
    m.slots = slots;
    m.holding_s = 10;
    m.decode_slope_s = decode_slope_s;
    return m;
}
}  // namespace

TEST(Stream, SlotsFillAsOftenAsTheRequestsInFlightVary) {
    // 100 slots, 80 requests in flight on average (8/s held 10 s). A step of 0.1 s whose fixed part is half
    // of it (a = 0.1 - 80 x 6.25e-4 = 0.05 s) makes the count vary g = t / a = 2 times more than the
    // arrivals alone and drift back 2 times more slowly: an arrival finds every slot taken with Erlang C of
    // 50 servers at 40 erlangs, 8.70 %, where a step that does not slow with the count gives Erlang C(100, 80),
    // 1.96 %; and a wait for a slot then lasts 1 / ((100 - 80) / (2 x 10 s)) = 1 s on average.
    StreamModel m = open_loop(8, 100, 6.25e-4);
    const Latencies varied = stream_latencies(m);
    EXPECT_NEAR(varied.slot_wait_probability, 0.0869525, 1e-6);
    EXPECT_NEAR(erlang_c(50, 40), 0.0869525, 1e-6);
    // Erlang C against the Erlang B recursion run from B(0) = 1, for loads where erlang_c starts it near the
    // load (A - 8 sqrt(A)): M/M/c tables (Kleinrock) and the recursion agree; so must the shortcut.
    auto from_zero = [](int c, double load) {
        double b = 1.0;
        for (int k = 1; k <= c; ++k) b = load * b / (k + load * b);
        return c * b / (c - load * (1.0 - b));
    };
    for (const auto& [c, load] : {std::pair{900, 850.0}, {1000, 990.0}, {1200, 1000.0}, {3000, 2900.0}, {120, 100.0},
                                  {12, 10.0}})
        EXPECT_NEAR(erlang_c(c, load), from_zero(c, load), 1e-13 * from_zero(c, load)) << c << " servers, " << load;
    // A fractional server count is the interpolation of its neighbours; far below its servers a load all but
    // never waits (Erlang B under 1e-30 on the way: 0).
    EXPECT_NEAR(erlang_c(900.5, 850), (from_zero(900, 850) + from_zero(901, 850)) / 2, 1e-13);
    EXPECT_NEAR(erlang_c(10.25, 9.5), 0.75 * from_zero(10, 9.5) + 0.25 * from_zero(11, 9.5), 1e-13);
    EXPECT_LT(from_zero(2000, 100), 1e-300);
    EXPECT_EQ(erlang_c(2000, 100), 0.0);
    // M/M/2 at one erlang: P(wait) = (A^2 / 2!) c / (c - A) / (1 + A + (A^2 / 2!) c / (c - A)) = 1 / (1 + 1 + 1).
    EXPECT_NEAR(erlang_c(2, 1), 1.0 / 3.0, 1e-15);
    m.decode_slope_s = 0;
    const Latencies steady = stream_latencies(m);
    EXPECT_NEAR(steady.slot_wait_probability, 0.0196464, 1e-6);
    // The mean TTFT carries P_wait x the mean wait: 0.0870 x 1 s against 0.0196 x 0.5 s.
    EXPECT_NEAR(varied.ttft_mean_s - steady.ttft_mean_s, 0.0869525 * 1.0 - 0.0196464 * 0.5, 1e-6);
}

// A server whose requests keep its one slot busy (arrivals x holding time = 1 slot, as a replica that holds one
// request does at any rate it serves) queues without bound, however the step's time rounds: a load a rounding
// below the slots (0.1 / s x 10 s x (1 - 2^-52)) is as full as the slots themselves; a load of 0.99 slot waits.
TEST(Stream, ALoadThatFillsTheSlotsQueuesWithoutBoundWhateverTheRounding) {
    for (const double arrivals : {0.1, std::nextafter(0.1, 0.0), 0.1 * (1 - 1e-12)}) {
        const Latencies l = stream_latencies(open_loop(arrivals, 1, 0));
        EXPECT_FALSE(l.stable) << arrivals;
        EXPECT_TRUE(l.slots_full) << arrivals;
        EXPECT_TRUE(std::isinf(l.ttft_p99_s)) << arrivals;
    }
    const Latencies below = stream_latencies(open_loop(0.099, 1, 0));
    EXPECT_TRUE(below.stable);
    EXPECT_FALSE(below.slots_full);
    EXPECT_TRUE(std::isfinite(below.ttft_p99_s));
}

TEST(Stream, TpotSpreadsWithTheRequestsInFlightOfAnOpenLoop) {
    // 500 requests in flight on average (50/s held 10 s each: 100 steps of 0.1 s), every one adding
    // 0.1 ms to a step: the step's fixed part is a = 0.1 - 500 x 1e-4 = 0.05 s, so the count relaxes
    // t / a = 2 times more slowly than requests turn over: Var N = 500 x 2 = 1000, correlation time
    // 10 x 2 = 20 s. A request's 99 later steps last 9.9 s: y = 9.9 / 20 = 0.495, and its mean N keeps
    // g = 2 (y - 1 + e^-y) / y^2 of the variance. TPOT sd = 1e-4 x sqrt(1000 g).
    StreamModel m = open_loop(50, 1000, 1e-4);
    const double y = 9.9 / 20, g = 2 * (y - 1 + std::exp(-y)) / (y * y);
    EXPECT_NEAR(g, 0.85355, 1e-5);
    const Latencies open = stream_latencies(m);
    EXPECT_NEAR(open.tpot_p99_s, 0.1 + normal_quantile(0.99) * 1e-4 * std::sqrt(1000 * g), 1e-6);
    EXPECT_NEAR(open.tpot_p50_s, 0.1, 1e-12);
    // A step with no fixed part (2e-4 x 500 = 0.1 s): N drifts as in a processor-sharing queue,
    // Var N = 500 x 501, correlation time 10 x 501 s.
    m.decode_slope_s = 2e-4;
    const double y_ps = 9.9 / 5010, g_ps = 2 * (y_ps - 1 + std::exp(-y_ps)) / (y_ps * y_ps);
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s, 0.1 + normal_quantile(0.99) * 2e-4 * std::sqrt(500 * 501 * g_ps), 1e-6);
    // Closed loop (offline: a finished request is replaced at once): the batch does not vary.
    m.slots = m.holding_s = 0;
    EXPECT_NEAR(stream_latencies(m).tpot_p99_s, 0.1, 1e-12);
}

TEST(Speculative, AcceptedTokensPerStep) {
    // K = 3 drafts accepted with 0.8 each until the first miss, plus the verify pass's own token:
    // P(1) = 0.2, P(2) = 0.16, P(3) = 0.128, P(4) = 0.512: mean (1 - 0.8^4) / 0.2 = 2.952,
    // E[X^2] = 10.184, variance 10.184 - 2.952^2 = 1.469696.
    EXPECT_NEAR(spec_tokens_per_step(3, 0.8), 2.952, 1e-12);
    EXPECT_NEAR(spec_tokens_variance(3, 0.8), 1.469696, 1e-9);
    EXPECT_DOUBLE_EQ(spec_tokens_per_step(3, 1.0), 4.0);
    EXPECT_DOUBLE_EQ(spec_tokens_per_step(0, 0.5), 1.0);
}

TEST(Speculative, ADraftModelStepVerifiesAllDraftsInOnePass) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec target = *load_model("llama-3.1-70b");
    Companions with;
    with.draft = *load_model("llama-3.1-8b");
    Scenario s;
    s.chips = s.tp = 2;
    s.batch = 32;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.spec_tokens = 3;
    s.spec_accept = 0.8;
    s.draft_model = "llama-3.1-8b";
    s.custom_allreduce_mb = 16;  // TensorRT-LLM's own all-reduce at TP 2 (the step's 8.3 MB stays off NCCL)
    auto ev = evaluate(h200, target, s, with);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    // The step: the target's 80 layers + head, then 3 passes of the 8B draft's 32 layers + head.
    EXPECT_EQ(ev->decode.layer_count(), 81u + 3 * 33u);
    EXPECT_EQ(ev->decode.main_layers, 81u);
    EXPECT_EQ(ev->decode.layer(81).kind, "draft");
    // The target verifies 4 tokens of each of the 32 requests; it reads each request's KV once.
    EXPECT_DOUBLE_EQ(ev->decode.queries_per_seq, 4);
    const OpResult* score = find_op(ev->decode, 0, "attn_score");
    ASSERT_NE(score, nullptr);
    // 32 requests x (1024 + 256 / 2 context... mean 1152) keys x 2 x 8 KV heads / 2 x 128 x 1 B + 128 new, K half
    const double ctx = 1024 + 256 / 2.0;
    EXPECT_NEAR(score->kv_bytes, (32 * ctx + 32 * 4) * (2 * 4 * 128) * 0.5, 1.0);
    // Each request advances 2.952 tokens a step: TPOT = step / 2.952, throughput = 32 x 2.952 / step.
    EXPECT_NEAR(ev->serving.tokens_per_step_per_request, 2.952, 1e-12);
    EXPECT_NEAR(ev->serving.tpot_s, ev->serving.step_s / 2.952, 1e-12);
    EXPECT_NEAR(ev->serving.throughput_tokens_per_s, 32 * 2.952 / ev->serving.step_s, 1e-6);
    // Without speculation the same batch is slower per token (the 8B drafts cost less than they save).
    Scenario plain = s;
    plain.spec_tokens = 0;
    plain.spec_accept = 0;
    plain.draft_model.clear();
    auto base = evaluate(h200, target, plain);
    ASSERT_TRUE(base.ok());
    EXPECT_GT(base->serving.tpot_s, ev->serving.tpot_s);
}

namespace {
// 16 requests over 8 B200 at TP 8 in FP8, drafting 2 tokens a step with the model's MTP layers.
Scenario mtp_on_8_b200(double accept) {
    Scenario s;
    s.chips = s.tp = 8;
    s.batch = 16;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.spec_tokens = 2;
    s.spec_accept = accept;
    return s;
}
}  // namespace

TEST(Speculative, MtpLayersDraftWithoutADraftModel) {
    const ChipSpec b200 = *load_chip("b200");
    const ModelSpec ds = *load_model("deepseek-v3");
    const Scenario s = mtp_on_8_b200(0.85);  // DeepSeek-V3 report: 85-90 % acceptance of the second token
    auto ev = evaluate(b200, ds, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    // 61 layers + head, then 2 MTP passes of one MoE layer + head each.
    EXPECT_EQ(ev->decode.layer_count(), 62u + 2 * 2u);
    EXPECT_EQ(ev->decode.layer(62).kind, "mtp-moe");
    EXPECT_EQ(ev->decode.layer(63).kind, "mtp-lm_head");
}

// A multi-token-prediction module's weights as the checkpoints hold them.
TEST(Speculative, MtpModulesAreTheCheckpointsOwn) {
    // Nemotron 3 Super: its BF16 checkpoint less the model's 120,668,687,360: 123,611,012,096 - 120,668,687,360 =
    // 2,942,324,736, an attention block, a latent MoE block, the 2 x 4096 -> 4096 projection and the norms.
    const ModelSpec super = *load_model("nemotron-3-super-120b-a12b");
    EXPECT_EQ(super.mtp_layers, 1);
    EXPECT_EQ(super.parameters(), 120668687360.0);
    EXPECT_EQ(mtp_module_counts(super).total(), 123611012096.0 - 120668687360.0);
    // Qwen3-Next-80B-A3B: one full-attention MoE layer; with it the checkpoint holds 81.3B (Hugging Face's count).
    const ModelSpec next = *load_model("qwen3-next-80b-a3b");
    EXPECT_NEAR((next.parameters() + mtp_module_counts(next).total()) / 1e9, 81.3, 0.05);
    // DeepSeek-V3: one MoE layer of MLA 187,107,328 (q 7168 x 1536 + 1536 x 128 x 192 + 1536, kv_a 7168 x 576 + 512,
    // kv_b 512 x 128 x 256, o 128 x 128 x 7168), eh_proj 2 x 7168^2 = 102,760,448, 256 experts of 3 x 7168 x 2048 =
    // 11,274,289,152, the shared one 44,040,192, the router 256 x 7168 = 1,835,008, norms 5 x 7168 = 35,840:
    // 11,610,067,968. DeepSeek's 685B - 671B = 14B counts the checkpoint's own copies of the embedding and the head
    // too (2 x 129,280 x 7168 = 1,853,358,080): 13.46B, 14B in whole billions.
    const ModelSpec ds = *load_model("deepseek-v3");
    const ParameterCounts module = mtp_module_counts(ds);
    EXPECT_EQ(module.total(), 11610067968.0);
    EXPECT_EQ(module.embedding + module.lm_head, 0.0);  // the model's own, shared
    EXPECT_NEAR((module.total() + 2.0 * 129280 * 7168) / 1e9, 685 - 671, 1.0);
    EXPECT_EQ(load_model("llama-3.1-70b")->mtp_layers, 0);
}

// Drafting with the module holds it: DeepSeek-V3 in FP8 on 8 B200s at tp 8, ep 8.
TEST(Speculative, TheMtpModuleIsHeldWhereItDrafts) {
    const ChipSpec b200 = *load_chip("b200");
    const ModelSpec ds = *load_model("deepseek-v3");
    Scenario s = mtp_on_8_b200(0.85);
    s.ep = 8;
    Scenario plain = s;
    plain.spec_tokens = 0;
    plain.spec_accept = 0;
    auto with = evaluate(b200, ds, s);
    auto without = evaluate(b200, ds, plain);
    ASSERT_TRUE(with.ok()) << with.error().message;
    ASSERT_TRUE(without.ok()) << without.error().message;
    // Per chip, at 1 B a weight (routers at 2 B): (attention and eh_proj 289,867,776 + shared expert 44,040,192 + norms
    // 35,840) / 8 = 41,742,976, a 32-expert group 11,274,289,152 x 32 / 256 = 1,409,286,144, the router 2 x 1,835,008 =
    // 3,670,016: 1,454,699,136 B.
    EXPECT_NEAR(with->serving.weights_gb_per_chip - without->serving.weights_gb_per_chip, 1.454699136, 1e-9);
    // Its KV cache: one MLA layer's latent and rope key, (512 + 64) x 1 B a token, over 1024 + 256 tokens = 737,280 B.
    EXPECT_NEAR(with->serving.kv_gb_per_request_per_chip - without->serving.kv_gb_per_request_per_chip, 737280e-9, 1e-12);
    EXPECT_FALSE(with->has_warning("speculative decoding:"));
    // A checkpoint of two modules: both are loaded, twice the weights and the KV cache.
    ModelSpec two = ds;
    two.mtp_layers = 2;
    auto both = evaluate(b200, two, s);
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_NEAR(both->serving.weights_gb_per_chip - without->serving.weights_gb_per_chip, 2 * 1.454699136, 1e-9);
    EXPECT_NEAR(both->serving.kv_gb_per_request_per_chip - without->serving.kv_gb_per_request_per_chip, 2 * 737280e-9,
                1e-12);
}

// A model without the module drafts through one more of its layers, which it would have to be trained with: said.
TEST(Speculative, DraftingWithoutAModuleIsSaid) {
    Scenario s = mtp_on_8_b200(0.7);
    auto ev = evaluate(*load_chip("b200"), *load_model("llama-3.1-70b"), s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    ASSERT_TRUE(ev->has_warning("speculative decoding:"));
    bool said = false;
    for (const std::string& w : ev->warning_texts())
        said = said || w.find("model 'llama-3.1-70b' has no multi-token-prediction module (mtp_layers 0)") != std::string::npos;
    EXPECT_TRUE(said);
    // With a draft model, nothing to say.
    s.draft_model = "llama-3.1-8b";
    Companions draft;
    draft.draft = *load_model("llama-3.1-8b");
    auto drafted = evaluate(*load_chip("b200"), *load_model("llama-3.1-70b"), s, draft);
    ASSERT_TRUE(drafted.ok()) << drafted.error().message;
    EXPECT_FALSE(drafted->has_warning("speculative decoding:"));
}

// Nemotron 3 Super's MTP module is an attention layer and an MoE layer (its file's mtp_hybrid_override_pattern "*E"):
// a draft pass runs its last attention layer (78) and its last MoE layer (87), not its last layer alone.
TEST(Speculative, AOneBlockAModelsMtpPassRunsAnAttentionAndAnFfnLayer) {
    const ModelSpec super = *load_model("nemotron-3-super-120b-a12b");
    auto ev = evaluate(*load_chip("b200"), super, mtp_on_8_b200(0.7));
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    // 88 layers + head, then 2 passes of the module's two layers + head each.
    ASSERT_EQ(ev->decode.layer_count(), 89u + 2 * 3u);
    EXPECT_EQ(ev->decode.layer(89).kind, "mtp-attention");
    EXPECT_EQ(ev->decode.layer(90).kind, "mtp-moe-ffn");
    EXPECT_EQ(ev->decode.layer(91).kind, "mtp-lm_head");
    EXPECT_EQ(ev->decode.layer(94).kind, "mtp-lm_head");
    // The module's attention layer times what the target's layer 78 does at one query token a request.
    EXPECT_EQ(super.layer_pattern[78], '*');
}

TEST(Speculative, RefusesWhatCannotDraft) {
    const ModelSpec target = *load_model("llama-3.1-8b");
    Scenario s;
    s.spec_tokens = 2;
    s.spec_accept = 1.5;
    EXPECT_NE(validate_scenario(s, target).error().message.find("spec_accept = 1.5"), std::string::npos);
    s.spec_accept = 0.7;
    s.draft_model = "llama-3.1-70b";
    Companions bigger;
    bigger.draft = *load_model("llama-3.1-70b");
    auto r = evaluate(*load_chip("h100-sxm"), target, s, bigger);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("draft_model: 'llama-3.1-70b'"), std::string::npos) << r.error().message;
    EXPECT_NE(r.error().message.find("is not smaller than the target"), std::string::npos);
    Companions other_vocab;
    other_vocab.draft = *load_model("llama-2-7b");
    s.draft_model = "llama-2-7b";
    auto v = evaluate(*load_chip("h100-sxm"), *load_model("llama-3.1-70b"), s, other_vocab);
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.error().message.find("vocabulary"), std::string::npos) << v.error().message;
}

TEST(ContinuousBatching, LongPromptsNoLongerStallTheWholeBatch) {
    // Llama-3.1-70B on 8 x B200 with 8k prompts and a 2 s p99 TTFT: a static batch had to stay at 17
    // because TTFT was the whole batch's prefill (and gave a tenth of the offline throughput). Prompts
    // now ride in chunks among the decodes: the limit costs little throughput.
    Scenario s;
    s.chips = s.tp = 8;
    s.batch = 0;
    s.input_len = 8192;
    s.output_len = 256;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.ttft_slo_s = 2.0;
    auto ev = evaluate(*load_chip("b200"), *load_model("llama-3.1-70b"), s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    EXPECT_TRUE(ev->serving.server);
    EXPECT_LE(ev->serving.ttft_p99_s, 2.0);
    EXPECT_GT(ev->serving.batch, 2 * 17);
    Scenario offline = s;
    offline.ttft_slo_s.reset();
    auto free = evaluate(*load_chip("b200"), *load_model("llama-3.1-70b"), offline);
    ASSERT_TRUE(free.ok());
    EXPECT_FALSE(free->serving.server);
    EXPECT_GT(ev->serving.throughput_tokens_per_s, 0.8 * free->serving.throughput_tokens_per_s);
    EXPECT_LE(ev->serving.throughput_tokens_per_s, free->serving.throughput_tokens_per_s);
    // Steady state: prompt tokens per step = batch x 8192 / 256 (as many arrive as finish).
    EXPECT_NEAR(ev->serving.prefill_tokens_per_step, ev->serving.batch * 8192.0 / 256, 1e-6);
    EXPECT_LE(ev->serving.ttft_p50_s, ev->serving.ttft_p99_s);
    EXPECT_LE(ev->serving.tpot_p50_s, ev->serving.tpot_p99_s);
}

TEST(ContinuousBatching, TheTokenBudgetBoundsTheBatch) {
    // A rank's step holds its decodes and the prompt tokens of the requests replacing finished ones:
    // batch x (1 + 2048 / 128) <= 8192, so at most floor(8192 / 17) = 481 requests.
    Scenario s;
    s.batch = 0;
    s.input_len = 2048;
    s.output_len = 128;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    auto ev = evaluate(*load_chip("h200-sxm"), *load_model("llama-3.1-8b"), s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    EXPECT_EQ(ev->serving.max_batch, 481);
    s.max_tokens_per_step = 4096;
    auto half = evaluate(*load_chip("h200-sxm"), *load_model("llama-3.1-8b"), s);
    ASSERT_TRUE(half.ok());
    EXPECT_EQ(half->serving.max_batch, 240);
    s.max_batch = 100;
    EXPECT_EQ(evaluate(*load_chip("h200-sxm"), *load_model("llama-3.1-8b"), s)->serving.max_batch, 100);
}

TEST(ContinuousBatching, AFillingEngineRunsAtItsLimitNotAtAThroughputPeak) {
    // Llama-2-70B fp8 at TP 2, as MLPerf v4.1's TensorRT-LLM ran it on H100, on an H100 whose on-chip memory
    // keeps one kernel's activations for the next (efficiency.activation_sram_share 1, all of its 50 MB, as a
    // memory its compiler managed would; H100's own L2 keeps none, and its throughput grows to the limit): the
    // engine's own all-reduce takes messages up to its 16 MB workspace, larger ones go to NCCL. A step of T tokens
    // all-reduces T x 8192 x 2 bytes, so past 16e6 / 16384 = 976 tokens a step pays the library's ring and its
    // fixed cost per call, and its activations outgrow the SRAM: throughput falls there (600 requests, 1058 tokens
    // a step: 27.6k tokens/s against 29.2k at 500) and climbs again only slowly, so it peaks just below that point
    // (508 requests, 896 tokens a step: 29.5k tokens/s), not at the engine's 896-request limit (28.5k).
    Scenario s;
    s.chips = 8;
    s.tp = 2;
    s.pp = 1;
    s.batch = 0;
    s.input_len = 222;
    s.output_len = 291;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.max_batch = 896;
    s.max_tokens_per_step = 4096;
    s.kv_allocation = KvAllocation::on_demand;
    s.custom_allreduce_mb = 16;
    ChipSpec h100 = *load_chip("h100-sxm");
    h100.efficiency.activation_sram_share = 1;
    const ModelSpec llama = *load_model("llama-2-70b");
    auto best = evaluate(h100, llama, s);
    ASSERT_TRUE(best.ok()) << best.error().message;
    // Memory holds more than the limit: (72 GB - 34.5 GB of weights) / 37.5 MB of KV per request per chip
    // = 999 requests, so the engine's 896 bounds the batch.
    EXPECT_EQ(best->serving.max_batch, 896);
    // best: the peak, its steps' all-reduces the last that fit the workspace.
    const double step_tokens = best->serving.batch + best->serving.prefill_tokens_per_step;
    EXPECT_LT(step_tokens * 8192 * 2, 16e6);
    EXPECT_GT(step_tokens * 8192 * 2, 14e6);
    EXPECT_LT(best->serving.batch, 896);
    s.admission = Admission::fill;
    auto fill = evaluate(h100, llama, s);
    ASSERT_TRUE(fill.ok());
    EXPECT_EQ(fill->serving.batch, 896);  // the scheduler admits requests until its limit stops it
    EXPECT_LT(fill->serving.throughput_tokens_per_s, best->serving.throughput_tokens_per_s);
    EXPECT_NEAR(best->serving.throughput_tokens_per_s, 29.54e3, 0.05e3);
    EXPECT_NEAR(fill->serving.throughput_tokens_per_s, 28.45e3, 0.05e3);
    // Where throughput grows all the way to the limit the two agree (H200 at TP 1 serving 1024/1024 and
    // reserving each request's final KV: memory bounds the batch below the engine's limit).
    Scenario h200 = s;
    h200.chips = h200.tp = 1;
    h200.input_len = h200.output_len = 1024;
    h200.custom_allreduce_mb = 8;
    h200.kv_allocation = KvAllocation::reserve;
    auto filled = evaluate(*load_chip("h200-sxm"), llama, h200);
    h200.admission = Admission::best;
    auto tuned = evaluate(*load_chip("h200-sxm"), llama, h200);
    ASSERT_TRUE(filled.ok() && tuned.ok());
    EXPECT_EQ(filled->serving.batch, tuned->serving.batch);
    EXPECT_EQ(filled->serving.batch, filled->serving.max_batch);
    EXPECT_LT(filled->serving.max_batch, 896);
    // A server's requests in flight follow from its arrival rate: admission does not change it.
    Scenario server = s;
    server.ttft_slo_s = 2.0;
    server.tpot_slo_s = 0.2;
    auto srv_fill = evaluate(h100, llama, server);
    server.admission = Admission::best;
    auto srv_best = evaluate(h100, llama, server);
    ASSERT_TRUE(srv_fill.ok() && srv_best.ok());
    EXPECT_EQ(srv_fill->serving.batch, srv_best->serving.batch);
}

// The offline batch of the highest throughput, against every batch. The Jalapeno estimate's 128-row arrays tile a
// step's token rows: Llama-3.1-70B fp8 on one chip (the auto split of 8), 1024 / 256, holds 889 requests, and its
// steps carry the decodes and the 1024-token prompts of the requests replacing finished ones, whole (1024 / 256 = 4
// prompt tokens a step per request: at 500 requests a step carries one prompt or two). One token row past 128 x k
// starts a tile in every GEMM, so throughput is a sawtooth whose teeth peak where the decodes fill whole tiles
// (3.33k tokens/s a chip at 128 requests, 3.00k at 129), on a curve that peaks near 512. The search finds that peak
// within 0.1 % of the best of all 889 batches, and more memory, which lets it look further, never gives less.
// A step of the mean tokens, the mean of a step of decodes alone and one that carries a prompt chunk, keeps
// FLOPs / (peak x efficiency x tile use) equal to its compute: the tile use is the one at which the mean FLOPs
// take the two steps' mean time. Llama-3.1-8B on one TPU v6e, 64 requests of 1024/256 tokens: 64 x 1024 / 256 =
// 256 prompt tokens a step, a 1024-token prompt in a quarter of the steps. qkv_proj's 64 decode rows use 64/256
// of a 256-row weight tile (its load's cycles); the chunk's 1088 rows stream as 1088 (136 x 8), all of it. The
// use at which the mean FLOPs take the mean time: (0.75 x 64 + 0.25 x 1088) / (0.75 x 64 / 0.25 + 0.25 x 1088 / 1)
// = 320 / 464 = 0.690 (the plain mean of the two uses, 0.4375, would put FLOPs / (peak x efficiency x use) 58 %
// above the step's compute).
TEST(ContinuousBatching, TheMeanStepsTileUseGivesItsCompute) {
    const ChipSpec chip = *load_chip("tpu-v6e");
    Scenario s;
    s.chips = s.tp = 1;
    s.pp = s.ep = s.attention_dp = 1;
    s.batch = 64;
    s.input_len = 1024;
    s.output_len = 256;
    auto ev = evaluate(chip, *load_model("llama-3.1-8b"), s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    EXPECT_NEAR(ev->serving.chunk_steps_share, 0.25, 1e-9);
    const OpResult* qkv = nullptr;
    for (const OpResult& op : ev->decode.layer(0).ops)
        if (op.name == "qkv_proj") qkv = &op;
    ASSERT_NE(qkv, nullptr);
    EXPECT_NEAR(qkv->mean_share, 0.25, 1e-9);
    EXPECT_NEAR(qkv->utilisation, 320.0 / 464.0, 1e-9);
    const double achieved = chip_rates(chip).achieved_flops[static_cast<size_t>(Precision::bf16)];
    EXPECT_NEAR(qkv->flops / (achieved * qkv->utilisation), qkv->compute_s, 1e-9 * qkv->compute_s);
}

TEST(ContinuousBatching, TheBestBatchIsFoundAmongTheTilesTeeth) {
    const ChipSpec chip = *load_chip("jalapeno-est");
    const ModelSpec llama = *load_model("llama-3.1-70b");
    Scenario s;
    s.chips = 8;
    s.batch = 0;
    s.input_len = 1024;
    s.output_len = 256;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    auto best = evaluate(chip, llama, s);
    ASSERT_TRUE(best.ok()) << best.error().message;
    const Parallelism par = best->serving.parallelism;
    ASSERT_EQ(par.chips(), 1);
    EXPECT_EQ(best->serving.max_batch, 889);
    Scenario fixed = with_parallelism(s, par);
    auto tokens_at = [&](int batch) {
        fixed.batch = batch;
        auto ev = evaluate(chip, llama, fixed);
        EXPECT_TRUE(ev.ok()) << batch;
        return ev.ok() ? ev->serving.throughput_tokens_per_s / s.chips : 0.0;
    };
    EXPECT_GT(tokens_at(128), 1.1 * tokens_at(129));
    double most = 0;
    int at = 0;
    for (int b = 1; b <= 889; ++b)
        if (const double t = tokens_at(b); t > most) {
            most = t;
            at = b;
        }
    EXPECT_GT(at, 384);
    EXPECT_LT(at, 640);
    const double found = best->serving.throughput_tokens_per_s / s.chips;
    EXPECT_LE(found, most * (1 + 1e-12));
    EXPECT_GT(found, most * 0.999) << "best batch " << at << ", found " << best->serving.batch;
    // 5 % more memory a stack: 951 requests.
    ChipSpec more = chip;
    more.hbm.gb_per_stack *= 1.05;
    auto roomier = evaluate(more, llama, s);
    ASSERT_TRUE(roomier.ok());
    EXPECT_EQ(roomier->serving.max_batch, 951);
    EXPECT_GE(roomier->serving.throughput_tokens_per_s, best->serving.throughput_tokens_per_s);
}

TEST(Parallelism, AutoPicksTheBestSplitAndSaysWhich) {
    // H100 Llama-2-70B fp8 on 8 chips: 8 replicas of TP1 are memory-starved (70 GB of weights on an
    // 80 GB chip), TP2 x 4 is more than twice as fast. Auto finds it (or better) and reports the choice.
    const ChipSpec h100 = *load_chip("h100-sxm");
    const ModelSpec m = *load_model("llama-2-70b");
    Scenario s;
    s.chips = 8;
    s.batch = 0;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    auto chosen = evaluate(h100, m, s);
    ASSERT_TRUE(chosen.ok()) << chosen.error().message;
    EXPECT_TRUE(chosen->serving.parallelism_auto);
    EXPECT_GE(chosen->serving.parallelism.tp, 2);
    Scenario tp1 = s;
    tp1.tp = 1;
    tp1.pp = tp1.ep = tp1.attention_dp = 1;
    auto one = evaluate(h100, m, tp1);
    ASSERT_TRUE(one.ok());
    EXPECT_FALSE(one->serving.parallelism_auto);
    EXPECT_GT(chosen->serving.throughput_tokens_per_s, 2.0 * one->serving.throughput_tokens_per_s);
    for (int tp : {2, 4, 8}) {
        Scenario fixed = tp1;
        fixed.tp = tp;
        auto e = evaluate(h100, m, fixed);
        ASSERT_TRUE(e.ok());
        EXPECT_GE(chosen->serving.throughput_tokens_per_s, e->serving.throughput_tokens_per_s * (1 - 1e-9)) << tp;
    }
}

TEST(Parallelism, RefusesSplitsTheModelCannotTake) {
    const ModelSpec small = *load_model("llama-2-7b");
    Scenario s;
    s.chips = 64;
    s.tp = 64;
    auto r = validate_scenario(s, small);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("tp = 64 exceeds the 32 attention heads of 'llama-2-7b'"), std::string::npos)
        << r.error().message;
    const ModelSpec mix = *load_model("mixtral-8x7b");
    s.chips = 16;
    s.tp = 1;
    s.ep = 16;
    EXPECT_NE(validate_scenario(s, mix).error().message.find("ep (16) exceeds the model's experts (8)"),
              std::string::npos);
    s.ep = 4;
    s.tp = 2;
    s.attention_dp = 1;
    s.chips = 8;
    EXPECT_NE(validate_scenario(s, mix).error().message.find("ep (4) must divide tp x attention_dp (2)"),
              std::string::npos);
    s.ep = 1;
    s.prefill_chips = 3;
    s.decode_chips = 4;
    EXPECT_NE(validate_scenario(s, mix).error().message.find("prefill_chips + decode_chips (3 + 4) must equal chips (8)"),
              std::string::npos);
}

TEST(Parallelism, TensorParallelRanksGetTheSameHeads) {
    // Engines give every tensor-parallel rank the same query heads and an even share of the KV heads
    // (or, past them, a copy of one): Llama-2-70B's 64 heads and 8 KV heads take TP 1, 2, 4, 8, 16,
    // 32 and 64; TP 3 leaves 21.3 heads per rank. Llama 4 Scout's 40 heads take TP 5, but its 8 KV
    // heads do not (1.6 per rank). Qwen3-235B (64 heads, 4 KV heads) takes TP 8: each KV head on two.
    const ModelSpec llama = *load_model("llama-2-70b");
    const ModelSpec scout = *load_model("llama-4-scout");
    const ModelSpec qwen = *load_model("qwen3-235b-a22b");
    for (int tp : {1, 2, 4, 8, 16, 32, 64}) EXPECT_TRUE(tp_splits_heads(llama, tp)) << tp;
    for (int tp : {0, 3, 5, 6, 12, 128}) EXPECT_FALSE(tp_splits_heads(llama, tp)) << tp;
    EXPECT_FALSE(tp_splits_heads(scout, 5));
    EXPECT_TRUE(tp_splits_heads(scout, 8));
    EXPECT_TRUE(tp_splits_heads(qwen, 8));
    EXPECT_TRUE(tp_splits_heads(*load_model("deepseek-v3"), 32));  // a latent KV cache: no KV heads to split
    Scenario s;
    s.chips = 3;
    s.tp = 3;
    auto r = validate_scenario(s, llama);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("tp = 3 does not split the 64 attention heads and 8 KV heads of 'llama-2-70b'"),
              std::string::npos)
        << r.error().message;
    s.chips = s.tp = 5;
    EXPECT_NE(validate_scenario(s, scout).error().message.find("tp = 5 does not split"), std::string::npos);
    // Left to choose on 3 H100s, Llama-2-70B in bf16 (138 GB of weights, 72 GB a chip) takes three
    // pipeline stages of one chip (46 GB each), not the TP 3 no engine runs.
    const ChipSpec h100 = *load_chip("h100-sxm");
    Scenario three;
    three.chips = 3;
    three.tp = three.pp = three.ep = three.attention_dp = 0;
    auto e = evaluate(h100, llama, three);
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->serving.parallelism.tp, 1);
    EXPECT_EQ(e->serving.parallelism.pp, 3);
}

TEST(Parallelism, AnUnevenExpertSplitLoadsTheBusiestGroup) {
    // Mixtral's 8 experts over 6 expert-parallel groups: experts are whole, so the busiest group holds
    // 2 (vLLM's expert map), as over 4 groups, not 8 / 6 = 1.33. Its weights are EP 4's: one expert a
    // layer more than at EP 8, 32 layers x 3 x 4096 x 14336 = 5,637,144,576 weights (1 B each here).
    const ModelSpec mix = *load_model("mixtral-8x7b");
    const Parallelism ep4{1, 1, 4, 4}, ep6{1, 1, 6, 6}, ep8{1, 1, 8, 8};
    EXPECT_DOUBLE_EQ(weight_bytes_per_chip(mix, 1.0, ep6), weight_bytes_per_chip(mix, 1.0, ep4));
    EXPECT_NEAR(weight_bytes_per_chip(mix, 1.0, ep6) - weight_bytes_per_chip(mix, 1.0, ep8), 5637144576.0, 1.0);
    // And its tokens: the skew used where the model gives none (1.1) times 2 / 1.33 = 1.65.
    EXPECT_DOUBLE_EQ(busiest_expert_rank_load(mix.moe, 4, 1000), kDefaultExpertImbalance);
    EXPECT_DOUBLE_EQ(busiest_expert_rank_load(mix.moe, 6, 1000), kDefaultExpertImbalance * 2 * 6 / 8);
    // So EP 6 on 6 chips serves less per chip than EP 4 on 4 (the same busiest group, more chips).
    const ChipSpec h100 = *load_chip("h100-sxm");
    Scenario s;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.tp = s.pp = 1;
    s.chips = s.attention_dp = s.ep = 4;
    auto four = evaluate(h100, mix, s);
    s.chips = s.attention_dp = s.ep = 6;
    auto six = evaluate(h100, mix, s);
    ASSERT_TRUE(four.ok() && six.ok());
    EXPECT_LT(six->serving.throughput_tokens_per_s_per_chip, four->serving.throughput_tokens_per_s_per_chip);
}

TEST(Parallelism, AttentionDataParallelHoldsEachRequestsKvOnce) {
    // Qwen3-235B has 4 KV heads: at attention tp 8 every chip keeps a copy of one head per request
    // (half wasted); 8 attention ranks keep each request's 4 heads on one chip. 94 layers x 2 x 4 x 128 x 1 B
    // per token x 2176 tokens = 209.4 MB per request on its rank's chip.
    const ModelSpec q = *load_model("qwen3-235b-a22b");
    Scenario s;
    s.input_len = 128;
    s.output_len = 2048;
    s.kv_precision = Precision::fp8;
    Parallelism dp8{1, 1, 8, 8};
    EXPECT_NEAR(kv_bytes_per_request_per_chip(q, s, dp8), 94.0 * 2 * 4 * 128 * 2176, 1.0);
    Parallelism tp8{8, 1, 8, 1};
    EXPECT_NEAR(kv_bytes_per_request_per_chip(q, s, tp8), 94.0 * 2 * 1 * 128 * 2176, 1.0);
    // Weights: experts spread over all 8 chips either way; attention is split by tp 8 or copied 8 times.
    const ParameterCounts n = q.parameter_counts();
    EXPECT_NEAR(weight_bytes_per_chip(q, Precision::fp8, dp8) - weight_bytes_per_chip(q, Precision::fp8, tp8),
                (n.attention + n.embedding + n.lm_head + n.norms) * (1.0 - 1.0 / 8), 1.0);
}

namespace {
// Llama-3.1-70B at fp8 on 2 prefill and 6 decode chips, the parallelism and batch left open.
Scenario split_2_6(int input_len, int output_len) {
    Scenario s;
    s.chips = 8;
    s.prefill_chips = 2;
    s.decode_chips = 6;
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    s.batch = 0;
    s.input_len = input_len;
    s.output_len = output_len;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    return s;
}
}  // namespace

TEST(Disaggregation, PoolsServeAtTheSlowerOnesRate) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("llama-3.1-70b");
    const Scenario s = split_2_6(1024, 256);
    auto ev = evaluate(h200, m, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const ServingResult& sv = ev->serving;
    ASSERT_TRUE(sv.disaggregated);
    EXPECT_EQ(sv.prefill_pool.chips, 2);
    EXPECT_EQ(sv.decode_pool.chips, 6);
    // Offline: the rate is the slower pool's capacity (or the KV transfer's); throughput = rate x output.
    const double slower = std::min(sv.prefill_pool.capacity_requests_per_s, sv.decode_pool.capacity_requests_per_s);
    EXPECT_LE(sv.requests_per_s, slower * (1 + 1e-9));
    EXPECT_GE(sv.requests_per_s, slower * 0.99);
    EXPECT_NEAR(sv.throughput_tokens_per_s, sv.requests_per_s * 256, 1e-6);
    EXPECT_NEAR(sv.throughput_tokens_per_s_per_chip, sv.throughput_tokens_per_s / 8, 1e-9);
    // A prompt's KV moves once: 1024 tokens x 80 layers x 2 x 8 heads x 128 x 1 B = 167.8 MB, over the
    // NVLink of one 8-GPU domain; each chip of the prefill replica sends its share.
    EXPECT_NEAR(sv.kv_transfer_gb_per_request, 1024.0 * 80 * 2 * 8 * 128 / 1e9, 1e-9);
    const double share = 1024.0 * 80 * 2 * 8 * 128 / sv.prefill_pool.parallelism.chips();
    EXPECT_NEAR(sv.kv_transfer_s, share / 360e9 + 1.29e-6, 1e-9);  // + one step of H200's link latency
    // The decode pool runs decodes only.
    EXPECT_DOUBLE_EQ(ev->decode.prefill_tokens, 0.0);
    EXPECT_GT(ev->prefill.prefill_tokens, 0.0);
}

// The prefill pool's steps wait for the engine's loop as the decode pool's do. Llama-3.1-70B at 1024/256 on 2
// prefill H200s at TP 2: a step of the full 8192-token budget runs 8 prompts; at 9 us a request its host work is
// 8 x 9 = 72 us, and 5 ms a step on top makes it 5.072 ms. The pool serves 8 prompts a step, so its capacity is
// 8 / step.
TEST(Disaggregation, ThePrefillPoolWaitsForTheHostToo) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("llama-3.1-70b");
    Scenario s = split_2_6(1024, 256);
    s.tp = 2;
    s.pp = s.ep = s.attention_dp = 1;
    s.host_us_per_request = 0;
    auto none = evaluate(h200, m, s);
    s.host_us_per_request = 9;
    auto per_request = evaluate(h200, m, s);
    s.host_ms_per_step = 5;
    auto per_step = evaluate(h200, m, s);
    ASSERT_TRUE(none.ok() && per_request.ok() && per_step.ok()) << none.error().message;
    const PoolResult& bare = none->serving.prefill_pool;
    EXPECT_EQ(bare.parallelism.tp, 2);
    EXPECT_EQ(bare.replicas, 1);
    EXPECT_NEAR(per_request->serving.prefill_pool.step_s - bare.step_s, 8 * 9e-6, 1e-12);
    EXPECT_NEAR(per_step->serving.prefill_pool.step_s - bare.step_s, 5e-3 + 8 * 9e-6, 1e-12);
    for (const auto* ev : {&*none, &*per_request, &*per_step})
        EXPECT_NEAR(ev->serving.prefill_pool.capacity_requests_per_s, 8 / ev->serving.prefill_pool.step_s, 1e-9);
}

// Little's law: a decode pool fed at rate r holds r x output tokens x TPOT requests, not the most it could take.
// Llama-3.1-70B at 8000/500 on 2 prefill and 6 decode H200s: the prefill pool binds (1.99 requests/s, against
// the decode pool's 20), so the decode replicas hold a few requests each and step as fast as that batch lets them.
TEST(Disaggregation, TheDecodePoolHoldsWhatTheRateFeedsIt) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("llama-3.1-70b");
    const Scenario s = split_2_6(8000, 500);
    auto ev = evaluate(h200, m, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const ServingResult& sv = ev->serving;
    ASSERT_TRUE(sv.disaggregated);
    EXPECT_NEAR(sv.requests_per_s, sv.prefill_pool.capacity_requests_per_s, 1e-5 * sv.requests_per_s);
    EXPECT_LT(sv.decode_pool.utilisation, 0.2);
    // In flight: the smallest batch whose steps keep up, so rate x 500 x TPOT <= batch x replicas, and one
    // request fewer a replica would fall short: batch x replicas < rate x 500 x TPOT + replicas.
    const double held = sv.requests_per_s * 500 * sv.tpot_s;
    const int in_flight = sv.batch * sv.replicas;
    EXPECT_GE(in_flight, held * (1 - 1e-9));
    EXPECT_LT(in_flight, held + sv.replicas);
    EXPECT_EQ(sv.decode_pool.batch, sv.batch);
    EXPECT_GT(sv.decode_pool.batch_limit, 10 * sv.batch);  // it would take far more
    // The TPOT is the step of that batch (decodes only, no speculation).
    EXPECT_NEAR(sv.tpot_s, sv.step_s, 1e-12);
    EXPECT_NEAR(sv.decode_pool.step_s, sv.step_s, 1e-12);
    // A larger batch allowed changes nothing the rate does not: the same requests in flight.
    Scenario given = s;
    given.batch = 64;
    auto wide = evaluate(h200, m, given);
    ASSERT_TRUE(wide.ok()) << wide.error().message;
    EXPECT_EQ(wide->serving.decode_pool.batch_limit, 64);
    // Every decode deployment that keeps up serves that rate; the one with the shortest steps is chosen, as
    // without the batch (at batch 64, TP 1's six replicas would take the most requests).
    EXPECT_EQ(wide->serving.parallelism, sv.parallelism);
    EXPECT_EQ(sv.parallelism.tp, 2);
    EXPECT_EQ(wide->serving.batch * wide->serving.replicas, in_flight);
    EXPECT_NEAR(wide->serving.tpot_s, sv.tpot_s, 1e-12);
    // Where the decode pool binds (short prompts, 6 prefill and 2 decode chips), it runs at its own batch.
    Scenario heavy = s;
    heavy.prefill_chips = 6;
    heavy.decode_chips = 2;
    heavy.input_len = 256;
    auto d = evaluate(h200, m, heavy);
    ASSERT_TRUE(d.ok()) << d.error().message;
    EXPECT_NEAR(d->serving.requests_per_s, d->serving.decode_pool.capacity_requests_per_s,
                1e-5 * d->serving.requests_per_s);
    EXPECT_EQ(d->serving.decode_pool.batch, d->serving.decode_pool.batch_limit);
}

// A disaggregated scenario whose split is left to the search: `chips` chips, 2048-token prompts and 256 out,
// batch auto, every degree of parallelism `degree` (0: auto).
Scenario split_searched(int chips, int degree) {
    Scenario s;
    s.chips = chips;
    s.prefill_chips = s.decode_chips = -1;
    s.tp = s.pp = s.ep = s.attention_dp = degree;
    s.batch = 0;
    s.input_len = 2048;
    s.output_len = 256;
    return s;
}

TEST(Disaggregation, TheBestSplitIsFound) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("llama-3.1-8b");
    const Scenario s = split_searched(4, 1);
    auto best = evaluate(h200, m, s);
    ASSERT_TRUE(best.ok()) << best.error().message;
    for (int np = 1; np < 4; ++np) {
        Scenario fixed = s;
        fixed.prefill_chips = np;
        fixed.decode_chips = 4 - np;
        auto e = evaluate(h200, m, fixed);
        ASSERT_TRUE(e.ok()) << e.error().message;
        EXPECT_GE(best->serving.throughput_tokens_per_s, e->serving.throughput_tokens_per_s * (1 - 1e-9)) << np;
    }
}

// The search plans each pool's deployments once, one replica each, and scales them by a split's replicas:
// it must choose what planning every split afresh chooses. Every split given in turn, each pool at its own
// best deployment (auto parallelism: attention data parallelism and expert parallelism for the MoE model),
// offline and as a server; the best of them is the split the search returns, at the same throughput.
TEST(Disaggregation, TheSplitSearchChoosesAsEverySplitPlannedAfresh) {
    struct Case {
        const char* chip;
        const char* model;
        int chips;
        bool server;
    };
    for (const Case& c : {Case{"h100-sxm", "qwen3-30b-a3b", 12, false}, Case{"h200-sxm", "llama-3.1-70b", 16, true},
                          Case{"h100-sxm", "llama-2-70b", 24, false}}) {
        const ChipSpec chip = *load_chip(c.chip);
        const ModelSpec m = *load_model(c.model);
        Scenario s = split_searched(c.chips, 0);
        s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
        if (c.server) {
            s.ttft_slo_s = 1.0;
            s.tpot_slo_s = 0.04;
        }
        auto found = evaluate(chip, m, s);
        ASSERT_TRUE(found.ok()) << found.error().message;
        double best = 0;
        int best_np = 0;
        for (int np = 1; np < c.chips; ++np) {
            Scenario given = s;
            given.prefill_chips = np;
            given.decode_chips = c.chips - np;
            auto e = evaluate(chip, m, given);
            if (!e) continue;
            if (e->serving.throughput_tokens_per_s > best) {
                best = e->serving.throughput_tokens_per_s;
                best_np = np;
            }
        }
        ASSERT_GT(best, 0) << c.model;
        EXPECT_EQ(found->serving.prefill_pool.chips, best_np) << c.model;
        EXPECT_NEAR(found->serving.throughput_tokens_per_s, best, 1e-9 * best) << c.model;
    }
    // Ranges keep the chosen split, as they keep a chosen parallelism: the uncertainty is the chip's.
    const ChipSpec h100 = *load_chip("h100-sxm");
    Scenario s;
    s.chips = 6;
    s.prefill_chips = s.decode_chips = -1;
    s.tp = s.pp = s.ep = s.attention_dp = 1;
    auto ev = evaluate(h100, *load_model("llama-3.1-8b"), s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const Scenario pinned = with_deployment(s, ev->serving);
    EXPECT_EQ(pinned.prefill_chips, ev->serving.prefill_pool.chips);
    EXPECT_EQ(pinned.decode_chips, ev->serving.decode_pool.chips);
    EXPECT_EQ(pinned.prefill_chips + pinned.decode_chips, 6);
    Scenario given = s;
    given.prefill_chips = 2;
    given.decode_chips = 4;
    EXPECT_EQ(with_deployment(given, ev->serving).prefill_chips, 2);  // a split given stays as given
}

// The ranges and the TDP cap hold each pool's deployment too (with_deployment): evaluated again, the design's
// pools run as chosen, with the same results; a pool given another deployment runs at that one, not at the
// best of a search. Llama-3.1-70B over 16 H200s under TTFT 1 s and TPOT 40 ms, split and parallelism auto.
TEST(Disaggregation, TheChosenPoolDeploymentsAreHeld) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("llama-3.1-70b");
    Scenario s = split_searched(16, 0);
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.ttft_slo_s = 1.0;
    s.tpot_slo_s = 0.04;
    auto ev = evaluate(h200, m, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const Parallelism pre = ev->serving.prefill_pool.parallelism, dec = ev->serving.decode_pool.parallelism;
    Scenario held = with_deployment(s, ev->serving);
    EXPECT_EQ((std::array<int, 4>{held.prefill_tp, held.prefill_pp, held.prefill_ep, held.prefill_attention_dp}),
              (std::array<int, 4>{pre.tp, pre.pp, pre.ep, pre.dp}));
    EXPECT_EQ((std::array<int, 4>{held.tp, held.pp, held.ep, held.attention_dp}),
              (std::array<int, 4>{dec.tp, dec.pp, dec.ep, dec.dp}));
    auto again = evaluate(h200, m, held);
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(again->serving.throughput_tokens_per_s, ev->serving.throughput_tokens_per_s);
    EXPECT_EQ(again->serving.prefill_pool.parallelism, pre);
    EXPECT_EQ(again->serving.decode_pool.parallelism, dec);
    // Another decode deployment held: the pool runs it (its step differs), not the search's best.
    const int other_tp = dec.tp == 1 ? 2 : 1;
    held.tp = other_tp;
    held.pp = held.ep = held.attention_dp = 1;
    auto other = evaluate(h200, m, held);
    ASSERT_TRUE(other.ok()) << other.error().message;
    EXPECT_EQ(other->serving.decode_pool.parallelism, (Parallelism{other_tp, 1, 1, 1}));
    EXPECT_EQ(other->serving.prefill_pool.parallelism, pre);
    EXPECT_NE(other->serving.decode_pool.step_s, ev->serving.decode_pool.step_s);
    // Nothing held: searched as before.
    EXPECT_EQ(with_deployment(s, ev->serving).prefill_chips, ev->serving.prefill_pool.chips);
    EXPECT_FALSE(s.prefill_degrees_given());
}

// The prefill pool may take degrees of its own (prefill_tp, prefill_pp, prefill_ep, prefill_attention_dp) where
// the pools share tp, pp, ep and attention_dp otherwise: Qwen3-235B over 8 + 8 H200s, the decode pool at attention-DP
// 8 with EP 8, the prefill pool at TP 8 with EP 8 (as disaggregated deployments pair them). Left shared, the
// prefill pool runs the decode pool's DEP 8. With the split searched, a prefill pool given TP 4 gets a multiple of
// 4 chips. Given without pools, or not splitting the heads, the degrees are refused, naming them.
TEST(Disaggregation, ThePrefillPoolTakesDegreesOfItsOwn) {
    const ChipSpec h200 = *load_chip("h200-sxm");
    const ModelSpec m = *load_model("qwen3-235b-a22b");
    Scenario s;
    s.chips = 16;
    s.prefill_chips = s.decode_chips = 8;
    s.tp = 1;
    s.attention_dp = s.ep = 8;
    s.pp = 1;
    s.batch = 0;
    s.input_len = 2048;
    s.output_len = 256;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    auto shared = evaluate(h200, m, s);
    ASSERT_TRUE(shared.ok()) << shared.error().message;
    EXPECT_EQ(shared->serving.prefill_pool.parallelism, (Parallelism{1, 1, 8, 8}));
    s.prefill_tp = 8;
    s.prefill_attention_dp = 1;
    auto own = evaluate(h200, m, s);
    ASSERT_TRUE(own.ok()) << own.error().message;
    EXPECT_EQ(own->serving.prefill_pool.parallelism, (Parallelism{8, 1, 8, 1}));
    EXPECT_EQ(own->serving.decode_pool.parallelism, (Parallelism{1, 1, 8, 8}));
    EXPECT_NE(own->serving.prefill_pool.step_s, shared->serving.prefill_pool.step_s);

    Scenario search = split_searched(16, 0);
    search.weight_precision = search.activation_precision = search.kv_precision = Precision::fp8;
    search.prefill_tp = 4;
    auto found = evaluate(h200, m, search);
    ASSERT_TRUE(found.ok()) << found.error().message;
    EXPECT_EQ(found->serving.prefill_pool.parallelism.tp, 4);
    EXPECT_EQ(found->serving.prefill_pool.chips % 4, 0);

    // Each pool holds its own degrees: 9 prefill chips at TP 1 beside 8 decode chips at TP 8 (17 chips, no
    // multiple of 8) serve.
    const ModelSpec l70 = *load_model("llama-3.1-70b");
    Scenario uneven;
    uneven.chips = 17;
    uneven.prefill_chips = 9;
    uneven.decode_chips = 8;
    uneven.tp = 8;
    uneven.pp = uneven.ep = uneven.attention_dp = 1;
    uneven.prefill_tp = 1;
    uneven.batch = 0;
    uneven.weight_precision = uneven.activation_precision = uneven.kv_precision = Precision::fp8;
    auto served = evaluate(h200, l70, uneven);
    ASSERT_TRUE(served.ok()) << served.error().message;
    EXPECT_EQ(served->serving.prefill_pool.parallelism.tp, 1);
    EXPECT_EQ(served->serving.decode_pool.parallelism.tp, 8);

    Scenario alone = s;
    alone.prefill_chips = alone.decode_chips = 0;
    const auto refused = [&](const Scenario& bad) {
        auto st = validate_scenario(bad, m);
        return st.ok() ? std::string() : st.error().message;
    };
    EXPECT_NE(refused(alone).find("prefill_tp, prefill_pp, prefill_ep and prefill_attention_dp need prefill_chips"),
              std::string::npos);
    Scenario three = s;
    three.prefill_tp = 3;
    EXPECT_NE(refused(three).find("the prefill pool's tp = 3 does not split the 64 attention heads"), std::string::npos);
    Scenario wide = s;
    wide.prefill_ep = 16;  // its TP 8 x attention-DP 1 cannot hold 16 expert groups
    EXPECT_NE(refused(wide).find("the prefill pool's ep (16) must divide its tp x attention_dp (8)"), std::string::npos);
}

// A run of a fixed number of requests (trtllm-bench, MLPerf offline): equal lengths leave in waves of
// the batch. Whole waves take exactly the steady state's time: each request's prompt costs what its
// share of the steady step's prompt tokens costs, and its decode steps run at the full batch.
TEST(FiniteRun, WholeWavesEqualTheSteadyState) {
    const auto chip = *load_chip("h100-sxm");
    const auto model = *load_model("llama-3.1-8b");
    Scenario s;
    s.chips = 2;
    s.tp = 1;
    s.batch = 64;
    s.input_len = 512;
    s.output_len = 128;
    auto steady = evaluate(chip, model, s);
    ASSERT_TRUE(steady.ok()) << steady.error().message;
    s.requests = 3 * 64 * 2;  // three waves on each of the two replicas
    auto waves = evaluate(chip, model, s);
    ASSERT_TRUE(waves.ok());
    EXPECT_NEAR(waves->serving.throughput_tokens_per_s, steady->serving.throughput_tokens_per_s,
                1e-9 * steady->serving.throughput_tokens_per_s);
    // Half a wave more: those 32 requests per replica decode at batch 32, a step that costs more than
    // half the full one (the weights are read whatever the batch), so the run is slower than steady
    // but faster than a whole fourth wave would make it.
    s.requests = 3 * 64 * 2 + 32 * 2;
    auto tail = evaluate(chip, model, s);
    ASSERT_TRUE(tail.ok());
    const double steady_tps = steady->serving.throughput_tokens_per_s;
    EXPECT_LT(tail->serving.throughput_tokens_per_s, steady_tps * (1 - 1e-3));
    EXPECT_GT(tail->serving.throughput_tokens_per_s, steady_tps * 3.5 / 4);
    // The latencies and the step are the steady state's; only the run's average throughput changes.
    EXPECT_EQ(tail->serving.step_s, steady->serving.step_s);
    EXPECT_EQ(tail->serving.batch, steady->serving.batch);
}

// With pipeline stages the replica holds pp micro-batches in flight, and the stages work on all of
// them at once, their prompts included: whole waves of pp x batch requests still take exactly the
// steady state's time (each prompt token costs the step's prompt share over all pp micro-batches).
TEST(FiniteRun, WholeWavesOfPipelineStagesEqualTheSteadyState) {
    const auto chip = *load_chip("h100-sxm");
    const auto model = *load_model("llama-2-70b");
    Scenario s;
    s.chips = 2;
    s.tp = 1;
    s.pp = 2;
    s.batch = 64;  // per micro-batch: 128 in flight on the replica
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.input_len = 222;
    s.output_len = 128;
    auto steady = evaluate(chip, model, s);
    ASSERT_TRUE(steady.ok()) << steady.error().message;
    s.requests = 5 * 128;  // five waves of the replica's 2 x 64 requests
    auto waves = evaluate(chip, model, s);
    ASSERT_TRUE(waves.ok()) << waves.error().message;
    EXPECT_NEAR(waves->serving.throughput_tokens_per_s, steady->serving.throughput_tokens_per_s,
                1e-9 * steady->serving.throughput_tokens_per_s);
}

// Multi-step scheduling (vLLM num_scheduler_steps): an arrival joins at the end of the running block
// of k steps, so it first waits for a residual of U(0, k x step) instead of U(0, step). With arrivals
// too sparse to queue (rho -> 0, no slot limit), the mean TTFT grows by (k - 1) x step / 2 exactly and
// the p99 of the wait alone is 0.99 x k x step.
TEST(Stream, ScheduleBlocksDelayTheFirstToken) {
    StreamModel m;
    m.step_s = 0.1;
    m.prefill_room = 1000;
    m.prefill_per_step = 0;
    m.arrivals_per_s = 1e-9;
    m.input_len = 100;
    m.output_len = 100;
    const Latencies one = stream_latencies(m);
    m.admit_steps = 9;
    const Latencies nine = stream_latencies(m);
    ASSERT_TRUE(one.stable && nine.stable);
    EXPECT_NEAR(nine.ttft_mean_s - one.ttft_mean_s, 8 * 0.1 / 2, 1e-9);
    // own prefill: one step of 0.1 s (the slope is 0); the wait: U(0, 0.9 s), p99 0.891 s.
    EXPECT_NEAR(nine.ttft_p99_s, 0.1 + 0.99 * 0.9, 1e-4);
    EXPECT_NEAR(one.ttft_p99_s, 0.1 + 0.99 * 0.1, 1e-4);
    // The steps themselves are unchanged, but a block hands its tokens back at its end: a request finishing
    // after 99 steps waits e more, uniform over 0..8, mean 4 (taken at the four points 1, 3, 5, 7 steps).
    EXPECT_NEAR(nine.tpot_mean_s, one.tpot_mean_s * (1 + 4.0 / 99), 1e-12);
}

TEST(Stream, ScheduleBlocksHandTokensBackAtTheirEnd) {
    // Blocks of 4 steps of 10 ms, every request 101 tokens (100 after the first, one step each), nothing else
    // varying. A request joins at a block's start, so one finishing at step 100 is done at once, at 101 one step
    // later, ...: it waits e = 0, 1, 2 or 3 steps, a quarter of the requests each, and its TPOT is
    // 10 ms x (100 + e) / 100: 10, 10.1, 10.2 and 10.3 ms.
    StreamModel m = four_step_blocks();
    const Latencies l = stream_latencies(m);
    ASSERT_TRUE(l.stable);
    EXPECT_NEAR(l.tpot_mean_s, 0.01 * 1.015, 1e-12);
    // Half of them take 10.2 ms or more, half 10.1 or less: the median lies between; the slowest quarter 10.3.
    EXPECT_GE(l.tpot_p50_s, 0.0101 - 1e-12);
    EXPECT_LE(l.tpot_p50_s, 0.0102 + 1e-12);
    EXPECT_NEAR(l.tpot_p99_s, 0.0103, 1e-7);
    // One step a block: no wait, the TPOT is the step.
    m.admit_steps = 1;
    const Latencies each = stream_latencies(m);
    EXPECT_DOUBLE_EQ(each.tpot_mean_s, 0.01);
    EXPECT_DOUBLE_EQ(each.tpot_p99_s, 0.01);
}

// Spread lengths: the run ends with the batch draining, so a short run loses more than a long one,
// and a very long run approaches the steady state.
TEST(FiniteRun, SpreadLengthsDrainAtTheEnd) {
    const auto chip = *load_chip("h100-sxm");
    const auto model = *load_model("llama-2-70b");
    Scenario s;
    s.chips = 8;
    s.tp = 2;
    s.batch = 0;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    s.input_len = 222;
    s.output_len = 291;
    s.input_len_cv = 0.77;
    s.output_len_cv = 0.79;
    // Runs of 2,000 to 20 million requests stay below the steady state and approach it as they lengthen.
    auto drains_towards_steady = [&](const char* lengths) {
        s.requests = 0;
        auto steady = evaluate(chip, model, s);
        ASSERT_TRUE(steady.ok()) << steady.error().message;
        const double base = steady->serving.throughput_tokens_per_s;
        double previous = 0;
        for (int requests : {2000, 20000, 200000, 20000000}) {
            s.requests = requests;
            auto run = evaluate(chip, model, s);
            ASSERT_TRUE(run.ok()) << run.error().message;
            const double t = run->serving.throughput_tokens_per_s;
            EXPECT_LT(t, base) << lengths << " " << requests;
            EXPECT_GT(t, previous) << lengths << " " << requests;
            previous = t;
        }
        EXPECT_GT(previous, base * 0.999) << lengths;  // 20 million requests: the drain is lost in the run
    };
    drains_towards_steady("lognormal");
    // The same with MLPerf's measured output lengths (shorter-tailed than the lognormal: spread 0.64, none past
    // 1,025 tokens): the run still never beats the steady state. While the queue lasts the full batch runs every
    // token but the residuals of the requests in flight when it empties, mean x (1 + spread^2) / 2 each, which
    // drain at the shrinking batch. (Counting the full batch's work as (requests - slots) whole requests left
    // out slots x (1 - (1 + 0.64^2) / 2) = 0.29 of them: MLPerf's MI300X and MI325X offline runs then came out
    // above their steady state, ServerNeverBeatsSteadyOffline.)
    s.output_len_quantiles = {{0.001, 11}, {0.01, 23}, {0.05, 50}, {0.1, 90}, {0.5, 251},
                              {0.9, 530},  {0.99, 922}, {0.999, 1025}};
    drains_towards_steady("measured quantiles");
    s.requests = 0;
    s.output_len_quantiles.clear();
    // The requests key is refused when negative.
    s.requests = -1;
    auto bad = evaluate(chip, model, s);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("requests"), std::string::npos) << bad.error().message;
}

// A workload key that says it cannot change the result of a scenario on a model (WorkloadKey::applies, which
// greys it out in the Engine form) changes nothing there: another value gives the same result or is refused,
// naming the key. Where it applies, the same value changes the result.
TEST(WorkloadKeys, AKeyThatDoesNotApplyChangesNothing) {
    const ChipSpec h100 = *load_chip("h100-sxm");
    const ModelSpec dense = *load_model("llama-3.1-8b");
    Scenario s;
    s.chips = 1;
    s.tp = s.pp = s.attention_dp = 1;
    s.ep = 0;
    s.batch = 64;
    s.input_len = 4096;
    s.output_len = 256;
    s.weight_precision = s.activation_precision = s.kv_precision = Precision::fp8;
    const auto base = evaluate(h100, dense, s);
    ASSERT_TRUE(base.ok()) << base.error().message;
    const std::pair<std::string_view, std::string_view> changes[] = {
        {"ep", "2"},
        {"expert_imbalance", "2"},
        {"moe_pair_bytes", "9"},
        {"moe_tile_tokens", "16"},
        {"moe_dispatch", "alltoall"},
        {"attention_dp_balance", "on"},
        {"host_active_share", "0.3"},
        {"chunked_decode", "full"},
        {"chunked_kv", "whole"},
        {"spec_accept", "0.7"},
        {"draft_model", "llama-3.1-8b"},
        {"prefill_tp", "1"},
        {"prefill_pp", "1"},
        {"prefill_ep", "1"},
        {"prefill_attention_dp", "1"},
        {"prefill_chip", "b200"},
        {"state_precision", "fp32"},
        {"linear_chunk_tokens", "32"},
    };
    for (const auto& [name, value] : changes) {
        SCOPED_TRACE(std::string(name));
        const WorkloadKey* key = find_workload_key(name);
        ASSERT_TRUE(key);
        EXPECT_FALSE(workload_key_applies(*key, s, dense));
        Scenario t = s;
        ASSERT_TRUE(set_workload_text(t, name, value).ok());
        const auto ev = evaluate(h100, dense, t);
        if (ev.ok()) {
            EXPECT_EQ(ev->serving.throughput_tokens_per_s, base->serving.throughput_tokens_per_s);
        } else {
            EXPECT_NE(ev.error().message.find(name), std::string::npos) << ev.error().message;
        }
    }
    // Every other key applies here.
    int applying = 0;
    for (const WorkloadKey& key : workload_keys()) applying += workload_key_applies(key, s, dense);
    EXPECT_EQ(applying, static_cast<int>(workload_keys().size() - std::size(changes)));

    // Where they apply, they change the result: the acceptance with draft tokens, the expert tile on an MoE
    // model's prompts, what a chunked layer's KV cache keeps on Llama 4 (requests that fit), the prefill
    // pool's own degree with pools (prompt-bound: 4096-token prompts, 256 out).
    const auto changed = [&](const ModelSpec& model, Scenario base_scenario, std::string_view name,
                             std::string_view value) {
        SCOPED_TRACE(std::string(name) + " on " + model.id);
        const WorkloadKey* key = find_workload_key(name);
        EXPECT_TRUE(workload_key_applies(*key, base_scenario, model));
        const auto before = evaluate(h100, model, base_scenario);
        EXPECT_TRUE(set_workload_text(base_scenario, name, value).ok());
        const auto after = evaluate(h100, model, base_scenario);
        EXPECT_TRUE(before.ok() && after.ok());
        if (before.ok() && after.ok()) {
            EXPECT_NE(after->serving.throughput_tokens_per_s, before->serving.throughput_tokens_per_s);
        }
    };
    Scenario drafting = s;
    drafting.spec_tokens = 2;
    drafting.spec_accept = 0.5;
    changed(dense, drafting, "spec_accept", "0.7");
    Scenario experts = s;
    experts.chips = experts.tp = 2;
    changed(*load_model("qwen3-30b-a3b"), experts, "moe_tile_tokens", "16");
    Scenario chunked = s;
    chunked.chips = chunked.tp = 4;
    chunked.batch = 0;
    chunked.input_len = 20000;
    chunked.output_len = 2000;
    changed(*load_model("llama-4-scout"), chunked, "chunked_kv", "whole");
    Scenario pools = s;
    pools.chips = 4;
    pools.prefill_chips = pools.decode_chips = 2;
    pools.tp = 1;
    changed(dense, pools, "prefill_tp", "2");
    Scenario hybrid = s;
    hybrid.chips = hybrid.tp = 2;
    changed(*load_model("qwen3-next-80b-a3b"), hybrid, "state_precision", "fp32");
    changed(*load_model("qwen3-next-80b-a3b"), hybrid, "linear_chunk_tokens", "128");
}
