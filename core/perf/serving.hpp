#pragma once
// Serving as continuous-batching engines run it, in steady state.
//
// A replica holds `batch` requests in flight. Every step each of them advances by one token (or by
// the accepted drafts plus one, with speculative decoding), and the prompts of the requests that
// replace finished ones are prefilled in chunks within the same step's token budget. In steady state
// a step carries prefill tokens = batch x tokens per step x input / output (requests finish and
// arrive at the same rate), so the step time, the throughput and the arrival rate follow from the
// batch alone. Offline runs at the largest batch memory and the engine allow; a server runs at the
// highest rate whose p99 TTFT and p99 TPOT meet the limits (MLPerf server semantics), with the
// latencies from a queue of arriving prompts (M/G/1, Poisson arrivals) and the spread of step times.
#include <span>

#include "core/perf/lower.hpp"

namespace scoville {

// Quantile of the standard normal distribution (Acklam's rational approximation, |error| < 1.2e-9).
double normal_quantile(double p);

// Speculative decoding: tokens a request advances per step when `drafts` tokens are proposed and
// each is accepted with probability `accept` until the first rejection (the verify pass always
// yields one more): (1 - a^(K+1)) / (1 - a); and the variance of that count.
double spec_tokens_per_step(int drafts, double accept);
double spec_tokens_variance(int drafts, double accept);

// Percentiles of the two latencies for one stream of steps (one attention rank of one pipeline
// micro-batch), given how the step behaves.
struct StreamModel {
    double step_s = 0;            // mean step time
    double prefill_slope_s = 0;   // step time per extra prompt token in the step
    double prefill_per_step = 0;  // mean prompt tokens in a step
    double prefill_room = 0;      // prompt tokens a step can take (budget - decode tokens)
    double arrivals_per_s = 0;    // requests arriving
    double input_len = 0, input_cv = 0;
    double output_len = 0, output_cv = 0;
    // Measured output-length quantiles (Scenario::output_len_quantiles), in place of the lognormal of
    // output_cv when given; null or empty = the lognormal.
    const LengthQuantiles* output_quantiles = nullptr;
    double tokens_per_step = 1;   // per request (speculative decoding: > 1)
    double tokens_per_step_var = 0;
    double extra_ttft_s = 0;      // added to every TTFT (disaggregation: the KV transfer)
    // Steps per scheduling block: an arrival joins at the end of the running block (multi-step
    // scheduling), so it waits for a residual of U(0, admit_steps x step) instead of U(0, step).
    double admit_steps = 1;
    // Prompts in steps of their own (an engine without chunked prefill): at the end of a block, when
    // requests have arrived during it, one step (or several past the token budget) prefills them all
    // and every decode waits for it. Such a step takes prompt_step_fixed_s + prompt_step_slope_s x
    // its prompt tokens; step_s is then the mean decode step with the prompt steps spread over it, and
    // prefill_slope_s, prefill_per_step and prefill_room are not used.
    bool separate_prefill = false;
    double prompt_step_fixed_s = 0;
    double prompt_step_slope_s = 0;
    // Slots: requests the stream can hold (its engine limit, memory or token budget); an arrival
    // that finds them all taken waits for one to free (0: a closed loop, a finished request is
    // replaced at once, as offline). holding_s: how long a request holds its slot.
    double slots = 0;
    double holding_s = 0;
    // Step time per extra request in flight (its token's share of the GEMMs, its KV reads, its host
    // work). With slots (an open loop) the requests in flight vary around their mean, and a step's
    // time with them; offline the batch is held full and does not.
    double decode_slope_s = 0;
    // What to compute (a search for the batch needs only the p99s it is limited by).
    bool want_ttft = true, want_tpot = true, want_median = true;
};

// Erlang C: the probability an arrival waits when `load` = arrivals x holding time erlangs are
// offered to `servers` (M/M/c); 1 when load >= servers.
double erlang_c(double servers, double load);

struct Latencies {
    double ttft_mean_s = 0, ttft_p50_s = 0, ttft_p99_s = 0;
    double tpot_mean_s = 0, tpot_p50_s = 0, tpot_p99_s = 0;
    double prefill_utilisation = 0;  // of the step's room for prompt tokens
    double slot_wait_probability = 0;  // an arrival finds every slot taken
    bool stable = true;              // false: prompts arrive faster than steps can take them, or
                                     // the requests in flight fill every slot (slots_full)
    bool slots_full = false;         // the arrivals keep every slot busy: they queue without bound
};

// TTFT = the wait for a free slot (M/M/c, Erlang C) + the rest of the running step + the wait for
// room in a step (M/G/1 with the prompt tokens as work, exponential tail
// P(W > w) = rho exp(-rho w / E[W])) + the request's own prefill steps.
// TPOT = a request's mean step time over its output / tokens per step; it varies with the prompt
// tokens that arrive during the request's life (Poisson), with the accepted drafts, and (open loop)
// with the requests in flight: N arrives at rate lambda and leaves at N / hold(N), and a step slows
// with N (t = a + b N), so N relaxes more slowly than the requests turn over. Linearised about the
// mean L (an Ornstein-Uhlenbeck process), Var N = L t / a and the correlation time is hold x t / a;
// both at most those of a processor-sharing queue (a = 0), Var N = L (1 + L). A request's mean over
// its life D averages N with g(D / tc) = 2 (y - 1 + e^-y) / y^2 of that variance.
// Both over the request mix (lognormal lengths with the given spread).
Latencies stream_latencies(const StreamModel& m);

}  // namespace scoville
