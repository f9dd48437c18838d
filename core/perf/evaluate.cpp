#include "core/perf/evaluate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "core/hw/params.hpp"
#include "core/perf/lower.hpp"
#include "core/perf/roofline.hpp"
#include "core/perf/serving.hpp"
#include "core/util/format.hpp"
#include "core/util/tr.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string gb(double bytes) {
    return format_number("%.1f", bytes / 1e9) + " GB";
}

// "BF16 peak", ...: the precision's name in capitals (made once).
const std::string& ceiling_label(Precision p) {
    static const auto labels = [] {
        std::array<std::string, std::size(kAllPrecisions)> out;
        for (Precision q : kAllPrecisions) {
            std::string s(to_string(q));
            for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            out[static_cast<size_t>(q)] = s + " peak";
        }
        return out;
    }();
    return labels[static_cast<size_t>(p)];
}

// Calls f(d) for every divisor d of n in increasing order: in pairs d and n / d up to the square root (a million
// chips take two thousand trials, not a million), the small ones on the way up, their partners on the way down.
template <class F>
void each_divisor(int n, F&& f) {
    int root = 1;
    for (int d = 1; d <= n / d; ++d) {
        if (n % d == 0) f(d);
        root = d;
    }
    for (int d = root; d >= 1; --d)
        if (n % d == 0 && d != n / d) f(n / d);
}

// Calls f(d) for a degree: the one given (> 0), or, left open, every divisor of n (`open` false: 1 alone).
template <class F>
void each_degree(int given, int n, bool open, F&& f) {
    if (given > 0) f(given);
    else if (open) each_divisor(n, f);
    else f(1);
}

// Memory of one deployment on one chip.
struct Fit {
    double weights = 0;   // bytes per chip, target and draft
    double kv_req = 0;    // bytes per request per chip at its reserved context, target and draft
    double kv_read_s = 0; // a decoding request's KV reads in one step (every stage), seconds
    double capacity = 0;  // usable bytes per chip
    int max_batch = 0;    // requests per replica (per micro-batch): memory, engine limit, token budget
    int memory_batch = 0; // what memory alone holds
};

// Step figures of the steady state at one batch.
struct Step {
    double t = 0;                 // step time (one micro-batch through every stage)
    double slope = 0;             // per extra prompt token of one attention rank
    double prefill_per_rank = 0;  // mean prompt tokens per rank and step
    double room_per_rank = 0;     // prompt tokens a rank's step can take
    double host = 0;              // of t: the engine's host work the chips wait for
    double stream = 0;            // of host: a server's tokens handed to its streaming clients
    // Prompts in steps of their own (PrefillSteps::separate); t is then a decode step with the
    // prompt steps spread over the decode steps of a scheduling block.
    double decode_t = 0;          // a decode step alone
    double prompt_step = 0;       // a prompt step at the prompt tokens it carries when one runs
    double prompt_fixed = 0;      // of it: the part that does not grow with its tokens
    double prompt_slope = 0;      // per prompt token of one rank in a prompt step
    double prompt_busy = 0;       // probability a scheduling block ends with prompts waiting
    double prompt_steps = 0;      // prompt steps when one runs (more than one past the token budget)
    double prompt_tokens = 0;     // prompt tokens of one rank in each of them
    // Prompts mixed into the decode steps arrive whole: where a rank's mean prompt tokens per step are
    // not a whole number of chunks (one prompt, or one chunk of the room), n and a part, a share of the
    // steps carries n + 1 chunks and the rest n (0: decodes alone); t is their mean (all 0 where every
    // step carries the same prompt tokens).
    double chunk_t = 0;           // a step carrying a chunk more (on every rank that carries one)
    double plain_t = 0;           // a step carrying n chunks
    double chunk_share = 0;       // of the steps: those carrying a chunk more
    double plain_tokens = 0;      // prompt tokens of one rank in a step carrying n chunks
    double chunk_tokens = 0;      // prompt tokens of one rank's chunk more in the others
    double chunk_ranks = 0;       // attention ranks carrying a chunk in such a step, on average
    double chunk_own = 0;         // of one rank's steps: those in which it carries a chunk (q)
};

struct Solution {
    Parallelism par;
    Fit fit;
    int batch = 0;
    Step step;
    Latencies lat;
    double throughput = 0;  // output tokens/s, whole system
    double requests = 0;    // requests/s, whole system
    bool meets = true;
    bool complete = false;  // every latency figure computed (not just the p99s a search needs)
    bool lowered_last = false;  // a search's buffer still holds its step (no later candidate was lowered)
};

struct Needs {
    bool ttft = true, tpot = true, median = true;
};

// One chip type serving one model under one scenario.
class Engine {
public:
    // `prompts_in_steps`: steps also prefill the prompts of arriving requests (false: a disaggregated
    // decode pool, whose prompts arrive prefilled).
    // `ws`: lowers through its cache (a sweep's workspace), so a step lowered before is only retimed, and
    // keeps the two steps a chunk alternates between in its buffers (whole_chunks). With ws.latencies
    // false, at a fixed batch without limits, only the step and the throughput (and the mean TPOT) are
    // computed, not the queueing latencies (a sweep that asks for none of them).
    Engine(const ChipSpec& chip, const ModelSpec& model, const Scenario& s, const ModelSpec* draft, int chips,
           bool prompts_in_steps = true, EvalWorkspace* ws = nullptr)
        : chip_(chip), model_(model), s_(s), draft_(draft), chips_(chips), prompts_(prompts_in_steps),
          rates_(chip_rates(chip)), cache_(ws ? &ws->lowering : nullptr),
          plain_(ws && ws->keep_steps ? &ws->chunk_plain : nullptr),
          carried_(ws && ws->keep_steps ? &ws->chunk_carried : nullptr),
          latencies_(!ws || ws->latencies || s.batch == 0 || s.has_limits()) {
        tau_ = spec_tokens_per_step(s.spec_tokens, s.spec_accept);
        tau_var_ = spec_tokens_variance(s.spec_tokens, s.spec_accept);
        queries_ = s.spec_tokens + 1;
        separate_ = s.prefill_steps == PrefillSteps::separate;
        capacity_ = rates_.has_hbm ? chip.memory_gb() * 1e9 * chip.hbm.usable_fraction : rates_.sram_bytes;
    }

    const ChipSpec& chip() const { return chip_; }
    const ChipRates& rates() const { return rates_; }

    void lower(Phase phase, const StepShape& shape, const StepPlan& plan, PhaseResult& out) const {
        if (cache_) cache_->lower(model_, s_, rates_, phase, shape, plan, out);
        else lower_step(model_, s_, rates_, phase, shape, plan, out);
    }
    double tau() const { return tau_; }
    int chips() const { return chips_; }
    // Bytes a chip holds for weights and KV (the usable HBM, or the SRAM of a chip without HBM).
    double capacity() const { return capacity_; }

    Result<Fit> fit(const Parallelism& par) const {
        if (par.chips() > 1 && rates_.net.links * rates_.net.link_bytes_s <= 0 && par.chips() <= rates_.net.domain)
            return Error{"chip '" + chip_.id + "': " + to_string(par) + " needs scale-up links, but link.count x "
                         "link.gb_s is 0"};
        if (par.chips() > rates_.net.domain && !(rates_.net.nic_bytes_s > 0))
            return Error{"network: a replica of " + std::to_string(par.chips()) + " chips (" + to_string(par) +
                         ") spans more than the scale-up domain of " + std::to_string(rates_.net.domain) +
                         " chips of '" + chip_.id + "', and scaleout.nics x scaleout.gb_s is 0"};
        Fit f;
        f.capacity = capacity_;
        f.weights = weight_bytes_per_chip(model_, s_, par);
        f.kv_req = kv_bytes_per_request_per_chip(model_, s_, par);
        if (draft_) {
            f.weights += weight_bytes_per_chip(*draft_, s_, par);
            f.kv_req += kv_bytes_per_request_per_chip(*draft_, s_, par);
        } else if (s_.spec_tokens > 0) {
            // Drafts from the model's multi-token-prediction module: its weights and KV cache too, on the last stage.
            f.weights += mtp_weight_bytes_per_chip(model_, s_, par);
            f.kv_req += mtp_kv_bytes_per_request_per_chip(model_, s_, par);
        }
        if (s_.has_limits()) {
            // A step reads a request's KV at its current context, whatever is reserved.
            double kv_read = kv_read_bytes_per_decode(model_, s_, par);
            if (draft_) kv_read += kv_read_bytes_per_decode(*draft_, s_, par);
            const double kv_rate =
                rates_.has_hbm ? rates_.hbm_bytes_s * kv_scale(rates_, decode_kernel(model_, s_.kv_precision)) : rates_.sram_bytes_s;
            f.kv_read_s = kv_rate > 0 ? kv_read * par.pp / kv_rate : 0.0;
        }
        const double free_bytes = f.capacity - f.weights;
        // With pp stages a replica keeps pp micro-batches in flight (one per stage, TensorRT-LLM
        // style), so every chip holds the KV of pp x batch requests of its attention rank for its
        // 1/pp of the layers.
        const double per_slot = f.kv_req * par.pp;
        const double per_rank = free_bytes / per_slot;
        if (!(per_rank >= 1.0))
            return Error{"model '" + model_.id + "' does not fit on chip '" + chip_.id + "' at " + to_string(par) +
                         ": needs " + gb(f.weights + per_slot) + " per chip for one request (weights " +
                         gb(f.weights) + " + KV " + gb(per_slot) + "), " + gb(f.capacity) + " available"};
        constexpr double kMaxBatch = 1000000;
        const double dp = par.dp;
        f.memory_batch = static_cast<int>(std::min(kMaxBatch, std::floor(per_rank) * dp));
        // The token budget: each step carries a rank's decode tokens and, in steady state, the
        // prompt tokens of the requests replacing finished ones.
        const double tokens_per_request = queries_ + (prompts_ ? tau_ * s_.input_len / s_.output_len : 0.0);
        const double budget = std::floor(dp * s_.max_tokens_per_step / tokens_per_request);
        f.max_batch = static_cast<int>(std::min<double>({static_cast<double>(f.memory_batch),
                                                         dp * s_.max_batch, budget}));
        if (f.max_batch < 1)
            return Error{"max_tokens_per_step: " + std::to_string(s_.max_tokens_per_step) +
                         " tokens cannot hold one request's decode and prompt share per step (" +
                         format_number("%.3g", tokens_per_request) + " tokens)"};
        return f;
    }

    StepPlan plan(const Parallelism& par, const Fit& f, double batch) const {
        StepPlan p;
        p.par = par;
        const double sram = rates_.sram_bytes;
        if (!rates_.has_hbm || f.weights <= sram) p.placement.weights = MemLevel::sram;
        if (!rates_.has_hbm || f.weights + f.kv_req * batch / par.dp * par.pp <= sram) p.placement.kv = MemLevel::sram;
        p.spec_tokens = s_.spec_tokens;
        p.draft = draft_;
        p.moe_dispatch = moe_dispatch_for(s_, par, rates_.net);
        return p;
    }

    // The steady step at `batch` requests per replica, lowered into `out` (`scratch` for the slope).
    // `prompts` false: a step of decodes only (the queue is empty and the batch drains).
    Step steady_step(const Parallelism& par, const Fit& f, double batch, PhaseResult& out, PhaseResult& scratch,
                     bool slope = true, bool prompts = true) const {
        const double dp = par.dp;
        StepShape sh;
        sh.decode_seqs = batch;
        sh.decode_queries = queries_;
        sh.prefill_tokens = prompts_ && prompts ? batch * tau_ * s_.input_len / s_.output_len : 0.0;
        sh.prefill_seqs = sh.prefill_tokens / s_.input_len;
        Step st;
        st.room_per_rank = std::max(0.0, s_.max_tokens_per_step - batch / dp * queries_);
        sh.prefill_chunk = std::min<double>(s_.input_len, std::max(1.0, st.room_per_rank));
        st.prefill_per_rank = sh.prefill_tokens / dp;
        const StepPlan p = plan(par, f, batch);
        if (separate_ && sh.prefill_tokens > 0) return separate_step(par, batch, p, out, scratch, slope);
        st.host = host_s(par, batch / dp);
        st.stream = stream_s(par, batch / dp);
        if (prompts_ && prompts && whole_chunks(st, sh, p, out, scratch)) return st;
        lower(Phase::decode, sh, p, out);
        st.t = out.time_s + st.host;
        if (!prompts_ || !prompts || !slope) return st;
        // What one more prompt on every rank costs the step (up to the room left): the secant, not the
        // tangent, because a step's cost is not linear in its tokens (MoE layers read more experts
        // as tokens grow, until all are touched).
        const double extra = std::min<double>(s_.input_len, st.room_per_rank - st.prefill_per_rank);
        if (extra < 1) return st;
        StepShape more = sh;
        more.prefill_tokens += extra * dp;
        more.prefill_seqs = more.prefill_tokens / s_.input_len;
        lower(Phase::decode, more, p, scratch);
        st.slope = std::max(0.0, (scratch.time_s + st.host - st.t) / extra);
        return st;
    }

    // A prompt arrives whole: a rank runs it in chunks of up to its room, or whole, in the steps it
    // reaches, rather than a little in every step. Where a rank's mean prompt tokens per step are n
    // chunks and a part, a share of the steps (the part) carries n + 1 chunks (the last cut at the room)
    // and the rest n (n 0: they decode alone). Step time is not linear in tokens (a decode step waits on
    // its weights and KV, and a chunk's compute adds to that where it cannot hide under it; a chunk's fixed
    // costs are paid once, whatever its tokens; a step's token rows fill the matrix units' tiles, the last
    // part empty), so the mean step is the mean of the two, not the step of the mean tokens. Where every chip runs the
    // same ops in a step (one attention rank, or ranks that take their chunks together), `out` holds that
    // mean, op by op (blend_steps): its ops' times add up to the mean step's, its FLOPs and bytes (which set
    // the energy) are the mean tokens'. Ranks that schedule their own prompts run different ops in one step
    // (the busiest rank, whose chunk the step waits for, beside ranks that decode alone): `out` holds the step
    // of the mean tokens then, each chip's mean work. The extra prompt token's cost is the chunk's over its
    // tokens. False, with nothing lowered, where every step carries the same prompt tokens (whole chunks,
    // or the room).
    bool whole_chunks(Step& st, const StepShape& mean, const StepPlan& p, PhaseResult& out,
                      PhaseResult& scratch) const {
        const double per_rank = st.prefill_per_rank;
        // One prompt's chunk: the mean step's prefill_chunk, the prompt, or the room if smaller.
        const double chunk = mean.prefill_chunk;
        if (per_rank <= 0 || !(chunk > 0)) return false;
        // Whole chunks a rank carries in every step, and the tokens of a step that carries one more (its last
        // chunk cut at the room left).
        const double whole = std::floor(per_rank / chunk * (1.0 + 1e-12));
        const double low = whole * chunk;
        const double high = std::min(low + chunk, st.room_per_rank);
        if (!(high > per_rank * (1.0 + 1e-9)) || per_rank - low <= per_rank * 1e-9) return false;
        const double dp = p.par.dp;
        const bool independent = dp > 1 && !s_.attention_dp_balance;
        if (independent) lower(Phase::decode, mean, p, out);
        StepShape plain = mean, carried = mean;
        plain.prefill_tokens = low * dp;
        plain.prefill_seqs = plain.prefill_tokens / s_.input_len;
        plain.prefill_ranks = 0;
        // With the workspace's buffers both steps stay lowered there (the next evaluation of the same
        // shapes, a sweep's next chip, retimes them) and `out` gets their mean; without, `out` and
        // `scratch` hold them and are blended in place.
        const bool kept = plain_ && carried_;
        PhaseResult& plain_into = kept ? *plain_ : independent ? scratch : out;
        PhaseResult& carried_into = kept ? *carried_ : scratch;
        lower(Phase::decode, plain, p, plain_into);
        st.plain_t = plain_into.time_s + st.host;
        // Each rank carries a chunk more in a share q of the steps. Ranks that take them together (or one rank)
        // carry them in the same steps: q of the steps. Ranks that schedule their own prompts carry them
        // independently, and the MoE layers' exchange makes a step wait for its slowest rank: a step is a
        // chunk step wherever any rank runs one, 1 - (1 - q)^dp of the steps, with dp q / (1 - (1 - q)^dp)
        // chunks in it on average (the MoE layers take them all; a rank's own ops, one).
        const double q = (per_rank - low) / (high - low);
        const double any = independent ? 1.0 - std::pow(1.0 - q, dp) : q;
        const double ranks = independent ? dp * q / any : dp;
        carried.prefill_tokens = low * dp + (high - low) * ranks;
        carried.prefill_ranks = carried.prefill_tokens / high;
        carried.prefill_seqs = carried.prefill_tokens / s_.input_len;
        lower(Phase::decode, carried, p, carried_into);
        st.chunk_t = carried_into.time_s + st.host;
        st.chunk_share = any;
        st.plain_tokens = low;
        st.chunk_tokens = high - low;
        st.chunk_ranks = ranks;
        st.chunk_own = q;
        st.t = st.plain_t + st.chunk_share * (st.chunk_t - st.plain_t);
        st.slope = std::max(0.0, (st.chunk_t - st.plain_t) / (high - low));
        if (independent) return true;
        if (kept) {
            // `out` holds the mean step, which no lowering gives: the next lowering into it starts afresh.
            if (cache_) cache_->forget(out);
            out = *carried_;
            if (!blend_into(*plain_, out, st.chunk_share, p.par)) lower(Phase::decode, mean, p, out);
            return true;
        }
        // `out` holds the mean step now, which no lowering gives, and `scratch` what `out` held: the next
        // lowering into either starts afresh.
        if (cache_) {
            cache_->forget(out);
            cache_->forget(scratch);
        }
        if (!blend_steps(out, scratch, st.chunk_share, p.par)) lower(Phase::decode, mean, p, out);
        return true;
    }

    // The engine's host work a step waits for, with `requests` requests of one attention rank in each
    // micro-batch: every rank runs one loop iteration per micro-batch, pp a step, and each waits for its
    // host work (Scenario::iteration_host_us).
    double host_s(const Parallelism& par, double requests) const {
        return par.pp * s_.iteration_host_us(requests, par.pp) * 1e-6;
    }
    // What one more request in every micro-batch adds to it.
    double host_request_s(const Parallelism& par) const {
        return host_s(par, 1.0) - host_s(par, 0.0);
    }
    // Of host_s: the share a server spends handing the requests' tokens to its streaming clients.
    double stream_s(const Parallelism& par, double requests) const {
        return s_.has_limits() ? par.pp * requests * s_.stream_us_per_token * 1e-6 : 0.0;
    }

    // A step of prompts alone, `per_rank` prompt tokens on every attention rank.
    void lower_prompt_step(const Parallelism& par, const StepPlan& p, double per_rank, PhaseResult& into) const {
        StepShape q;
        q.prefill_tokens = per_rank * par.dp;
        q.prefill_seqs = q.prefill_tokens / s_.input_len;
        q.prefill_chunk = std::min<double>(s_.input_len, s_.max_tokens_per_step);
        lower(Phase::prefill, q, p, into);
    }
    // The prompt step of a solution whose engine runs prompts in steps of their own.
    void lower_prompt_step(const Solution& sol, PhaseResult& into) const {
        lower_prompt_step(sol.par, plan(sol.par, sol.fit, sol.batch), sol.step.prompt_tokens, into);
    }

    // The steady step of an engine that runs prompts in steps of their own. Each scheduling block
    // of k decode steps ends, when requests have arrived during it, with a step of their prompts
    // (Poisson arrivals: at least one with probability 1 - e^-n, n = arrivals per block), which
    // every decode waits for; past the token budget the prompts take several such steps.
    Step separate_step(const Parallelism& par, double batch, const StepPlan& p, PhaseResult& out,
                       PhaseResult& scratch, bool slope) const {
        const double dp = par.dp;
        Step st;
        StepShape d;
        d.decode_seqs = batch;
        d.decode_queries = queries_;
        lower(Phase::decode, d, p, out);
        st.host = host_s(par, batch / dp);
        st.stream = stream_s(par, batch / dp);
        st.decode_t = out.time_s + st.host;
        const double k = s_.admit_every_steps;
        const double arrivals = batch / dp * tau_ * k / s_.output_len;  // per rank and block
        st.prompt_busy = -std::expm1(-arrivals);
        const double budget = s_.max_tokens_per_step;
        const double tokens = arrivals * s_.input_len / st.prompt_busy;  // when a prompt step runs
        st.prompt_steps = std::max(1.0, tokens / budget);
        const double per_step = tokens / st.prompt_steps;
        st.prompt_tokens = per_step;
        auto prompt_step = [&](double per_rank, PhaseResult& into) {
            lower_prompt_step(par, p, per_rank, into);
            return into.time_s + host_s(par, per_rank / s_.input_len);
        };
        // (`out` keeps the decode step; the prompt steps are lowered into `scratch`.)
        st.prompt_step = prompt_step(per_step, scratch);
        st.prefill_per_rank = arrivals * s_.input_len / k;
        st.room_per_rank = budget;
        st.t = st.decode_t + st.prompt_busy * st.prompt_steps * st.prompt_step / k;
        if (!slope) return st;
        // One prompt more or less in the prompt step (the secant), and one more request's token in
        // a decode step, which the requests in flight vary by.
        const double one = std::min<double>(s_.input_len, per_step);
        const double with = per_step + one <= budget ? prompt_step(per_step + one, scratch) : st.prompt_step;
        const double without = per_step + one <= budget ? st.prompt_step : prompt_step(per_step - one, scratch);
        st.prompt_slope = one > 0 ? std::max(0.0, (with - without) / one) : 0.0;
        st.prompt_fixed = std::max(0.0, st.prompt_step - st.prompt_slope * per_step);
        StepShape more = d;
        more.prefill_tokens = one * dp;
        more.prefill_seqs = more.prefill_tokens / s_.input_len;
        more.prefill_chunk = one;
        lower(Phase::decode, more, p, scratch);
        st.slope = one > 0 ? std::max(0.0, (scratch.time_s + st.host - st.decode_t) / one) : 0.0;
        return st;
    }

    StreamModel stream(const Parallelism& par, double batch, const Step& st, const Fit& f) const {
        StreamModel m;
        m.step_s = st.t;
        m.prefill_slope_s = st.slope;
        m.prefill_per_step = st.prefill_per_rank;
        m.prefill_room = st.room_per_rank;
        // One stream: one rank of one micro-batch; its requests finish (and arrive) at
        // batch / dp x tokens per step / output per step.
        m.arrivals_per_s = batch / par.dp * tau_ / (s_.output_len * st.t);
        m.input_len = s_.input_len;
        m.input_cv = s_.input_len_cv;
        m.output_len = s_.output_len;
        m.output_cv = s_.output_len_cv;
        m.output_quantiles = &s_.output_len_quantiles;
        m.tokens_per_step = tau_;
        m.tokens_per_step_var = tau_var_;
        m.admit_steps = s_.admit_every_steps;
        if (separate_ && st.decode_t > 0) {
            m.separate_prefill = true;
            m.prompt_step_fixed_s = st.prompt_fixed;
            m.prompt_step_slope_s = st.prompt_slope;
        }
        // A server's arrivals queue for a slot when every one is taken (an open loop); offline, a
        // finished request is replaced at once.
        if (s_.has_limits()) {
            m.slots = f.max_batch / static_cast<double>(par.dp);
            // (A block of several steps hands its tokens back at its end: a finished request holds its
            // slot for (k - 1) / 2 steps more on average.)
            m.holding_s = (s_.output_len / tau_ + (s_.admit_every_steps - 1) / 2.0) * st.t;
            m.decode_slope_s = st.slope + f.kv_read_s + host_request_s(par);
        }
        return m;
    }

    bool meets(const Latencies& lat) const {
        if (!lat.stable) return false;
        if (s_.ttft_slo_s && lat.ttft_p99_s > *s_.ttft_slo_s) return false;
        if (s_.tpot_slo_s && lat.tpot_p99_s > *s_.tpot_slo_s) return false;
        return true;
    }

    // `full`: every latency figure; otherwise only the p99s the limits need (a search step).
    Solution at(const Parallelism& par, const Fit& f, int batch, PhaseResult& out, PhaseResult& scratch,
                bool full = true) const {
        Solution sol;
        sol.par = par;
        sol.fit = f;
        sol.batch = batch;
        sol.step = steady_step(par, f, batch, out, scratch, latencies_);
        if (latencies_) {
            StreamModel m = stream(par, batch, sol.step, f);
            if (!full) {
                m.want_median = false;
                m.want_ttft = s_.ttft_slo_s.has_value();
                m.want_tpot = s_.tpot_slo_s.has_value();
            }
            sol.lat = stream_latencies(m);
        } else {
            // Not asked for: not a number, so no result key reports them (the mean TPOT is the step).
            constexpr double nan = std::numeric_limits<double>::quiet_NaN();
            sol.lat.ttft_mean_s = sol.lat.ttft_p50_s = sol.lat.ttft_p99_s = nan;
            sol.lat.tpot_p50_s = sol.lat.tpot_p99_s = sol.lat.prefill_utilisation = nan;
            sol.lat.tpot_mean_s = sol.step.t / tau_;
        }
        sol.complete = full;
        const int replicas = chips_ / par.chips();
        sol.throughput = replicas * par.pp * batch * tau_ / sol.step.t;
        sol.requests = sol.throughput / s_.output_len;
        sol.meets = meets(sol.lat);
        return sol;
    }

    // The batch a scenario asks for: fixed, the largest that memory, the engine and the steady
    // state allow (offline), or the largest whose p99 latencies meet the limits (server).
    Result<Solution> solve(const Parallelism& par, PhaseResult& out, PhaseResult& scratch) const {
        auto f = fit(par);
        if (!f) return f.error();
        if (s_.batch > 0) {
            if (s_.batch > f->memory_batch)
                return Error{"batch " + std::to_string(s_.batch) + " does not fit: model '" + model_.id +
                             "' on chip '" + chip_.id + "' holds at most " + std::to_string(f->memory_batch) +
                             " requests per replica at " + to_string(par) + " (" + gb(f->kv_req * par.pp) +
                             " KV each, " + gb(f->capacity - f->weights) + " free per chip)"};
            return at(par, *f, s_.batch, out, scratch);
        }
        // A batch is sustainable when prompts do not arrive faster than steps take them.
        auto stable = [&](int b) { return at(par, *f, b, out, scratch, false); };
        Solution top = stable(f->max_batch);
        if (!top.lat.stable) {
            int lo = 1, hi = f->max_batch;
            while (hi - lo > 1) {
                const int mid = lo + (hi - lo) / 2;
                (stable(mid).lat.stable ? lo : hi) = mid;
            }
            f->max_batch = lo;
            top = stable(lo);
        }
        // Offline, an engine that fills its batch runs at the largest one its limits allow.
        if (!s_.has_limits() && s_.admission == Admission::fill) return top;
        if (!s_.has_limits() || top.meets) return best_up_to(par, *f, top, out, scratch);
        Solution one = at(par, *f, 1, out, scratch, false);
        if (!one.meets) return one;
        int lo = 1, hi = f->max_batch;  // lo meets, hi misses
        while (hi - lo > 1) {
            const int mid = lo + (hi - lo) / 2;
            (at(par, *f, mid, out, scratch, false).meets ? lo : hi) = mid;
        }
        return best_up_to(par, *f, at(par, *f, lo, out, scratch, false), out, scratch);
    }

    // Throughput usually grows with the batch up to the largest allowed one, `top`; where it peaks
    // earlier (activations spilling out of on-chip memory, prompt chunks crowding the budget) the
    // peak is found by golden-section search below it. A spill is a step down in throughput, so the
    // curve may rise again after it, and a batch just below the top may lose to one far below: the
    // search starts from the best of a grid over the batches, which the top must beat to stand.
    // The matrix units' rows tile each rank's tokens: one token past a whole tile starts another, a step
    // down too, so throughput is a sawtooth whose teeth peak where the decodes fill whole tiles. The search
    // runs over those batches alone (multiples of the row tile x dp / decode queries: mac_rows, or a
    // weight-stationary array's streamed rows, ChipRates::row_tile), whose throughputs lie on
    // a smoother curve, where there are two or more of them (every batch otherwise), then tries the tops of
    // the teeth beside the best: where a step without and a step with its extra prompt chunk fill whole
    // tiles. (A spill between two of those batches is found at the one below it.)
    // Latencies grow with the batch, so every batch below one that meets the limits meets them too.
    Solution best_up_to(const Parallelism& par, const Fit& f, Solution top, PhaseResult& out, PhaseResult& scratch) const {
        const int b_hi = top.batch;
        if (b_hi < 8) return top;
        Solution best = top;
        // Batches `unit` x k for k in [1, b_hi / unit] (unit 1: every batch).
        auto search = [&](double unit) {
            const double k_hi = unit > 1 ? std::floor(b_hi / unit) : b_hi;
            auto batch = [&](double k) {
                return std::clamp(static_cast<int>(unit > 1 ? std::floor(std::round(k) * unit) : std::lround(k)), 1, b_hi);
            };
            auto value = [&](double k) { return at(par, f, batch(k), out, scratch, false); };
            constexpr int kGrid = 8;  // k_hi x i / kGrid
            if (unit > 1 && k_hi <= kGrid) {
                for (int k = 1; k <= static_cast<int>(k_hi); ++k)
                    if (const Solution s = value(k); s.throughput > best.throughput) best = s;
                return;
            }
            Solution near = best;
            int peak = kGrid;  // the grid point at or below the best batch so far
            if (const Solution s = value(0.9 * k_hi); s.throughput > near.throughput) near = s;
            for (int i = kGrid - 1; i >= 1; --i) {
                const Solution s = value(k_hi * i / kGrid);
                if (s.throughput > near.throughput) {
                    near = s;
                    peak = i;
                }
            }
            if (!(near.throughput > best.throughput)) return;  // no batch below the best beats it
            constexpr double kGolden = 0.6180339887498949;
            double a = std::max(1.0, k_hi * (peak - 1) / kGrid);
            double b = std::min(k_hi, k_hi * (peak + 1) / kGrid);
            double x1 = b - kGolden * (b - a), x2 = a + kGolden * (b - a);
            Solution s1 = value(x1), s2 = value(x2);
            for (int i = 0; i < 40 && b - a > 2; ++i) {
                if (s1.throughput < s2.throughput) {
                    a = x1;
                    x1 = x2;
                    s1 = s2;
                    x2 = a + kGolden * (b - a);
                    s2 = value(x2);
                } else {
                    b = x2;
                    x2 = x1;
                    s2 = s1;
                    x1 = b - kGolden * (b - a);
                    s1 = value(x1);
                }
            }
            for (const Solution* c : {&s1, &s2, &near})
                if (c->throughput > best.throughput) best = *c;
        };
        const double unit = rates_.row_tile * par.dp / queries_;
        search(unit >= 2 && b_hi >= 2 * unit ? unit : 1.0);
        // The teeth about the best batch: where a rank's tokens fill whole tiles in a step of its decodes and the
        // prompt tokens every step carries, or in a step that carries a chunk more (prompt tokens spread over
        // every step: they grow with the batch).
        const double rows = rates_.row_tile, per = queries_ / par.dp;
        const Step& st = best.step;
        std::array<std::pair<double, double>, 2> shapes{};  // tokens per request per rank, fixed tokens
        size_t n = 0;
        if (st.chunk_share > 0) {
            shapes[n++] = {per, st.plain_tokens};
            shapes[n++] = {per, st.plain_tokens + st.chunk_tokens};
        } else {
            // (Prompts in steps of their own: a decode step holds decodes alone.)
            const double prompts = separate_ || !(st.prefill_per_rank > 0) ? 0.0 : st.prefill_per_rank / best.batch;
            shapes[n++] = {per + prompts, 0.0};
        }
        const int around = best.batch;
        for (size_t i = 0; i < n && rows > 1; ++i) {
            const auto [each, fixed] = shapes[i];
            const double tiles = std::floor((around * each + fixed) / rows);
            for (const double t : {tiles, tiles + 1}) {
                const int b = static_cast<int>(std::floor((t * rows - fixed) / each + 1e-9));
                if (b < 1 || b > b_hi || b == around) continue;
                if (const Solution s = at(par, f, b, out, scratch, false); s.throughput > best.throughput) best = s;
            }
        }
        return best;
    }

    // The throughput of a run of s.requests requests issued at once and served to the last
    // (offline only): every prompt's prefill, then the decode steps while the batch is full and
    // while it drains. Equal lengths leave in waves of `slots` requests; spread lengths (a lognormal
    // of the scenario's cv, or its measured quantiles) leave one by one, so the run ends with the
    // slots' residual lengths.
    // Decode steps at a partial batch are lowered at halvings of the batch and interpolated.
    double run_throughput(const Solution& sol, PhaseResult& scratch) const {
        const int replicas = chips_ / sol.par.chips();
        const double n = static_cast<double>(s_.requests) / replicas;  // requests per replica
        const double pp = sol.par.pp;
        const double slots = sol.batch * pp;                            // in flight per replica
        if (!(n > 0) || s_.has_limits()) return sol.throughput;
        // Decode-only step time with `x` requests in flight (x / pp per micro-batch).
        std::array<double, 48> xs{}, ts{};
        size_t levels = 0;
        for (double x = slots; levels < xs.size(); x /= 2) {
            const double b = std::max(x, 1.0) / pp;
            xs[levels] = std::max(x, 1.0);
            ts[levels] = steady_step(sol.par, sol.fit, std::max(b, 1.0 / pp), scratch, scratch, false, false).t;
            ++levels;
            if (x <= 1) break;
        }
        auto step_at = [&](double x) {  // xs falls from slots to 1
            if (x >= xs[0]) return ts[0];
            for (size_t j = 1; j < levels; ++j)
                if (x >= xs[j]) return ts[j] + (ts[j - 1] - ts[j]) * (x - xs[j]) / (xs[j - 1] - xs[j]);
            return ts[levels - 1];
        };
        const double full = ts[0];
        // The cost of a prompt token: what the steady step's prompt share adds to a decode-only step,
        // over the prompt tokens of all pp micro-batches, which the stages work on at once.
        const double prompt_tokens = slots * tau_ * s_.input_len / s_.output_len;
        const double per_prompt_token = prompts_ && prompt_tokens > 0 ? std::max(0.0, (sol.step.t - full) / prompt_tokens) : 0.0;
        double t = n * s_.input_len * per_prompt_token;
        const double steps_per_request = s_.output_len / tau_;
        const LengthQuantiles& measured = s_.output_len_quantiles;
        const bool quantiles = measured.size() >= 2;
        if (s_.output_len_cv <= 0 && !quantiles) {
            const double waves = std::floor(n / slots);
            const double rest = n - waves * slots;
            t += waves * steps_per_request * full + (rest >= 0.5 ? steps_per_request * step_at(rest) : 0.0);
        } else {
            // Lognormal lengths: sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
            const double sigma = std::sqrt(std::log1p(s_.output_len_cv * s_.output_len_cv));
            const double mu = std::log(static_cast<double>(s_.output_len)) - sigma * sigma / 2;
            const double mean = s_.output_len;
            auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
            const bool residual = n > slots;
            const double n0 = residual ? slots : n;
            // While the queue lasts the batch is full: every token but the residual work of the requests
            // in flight when it empties runs at the full batch's step. Those residuals (length-biased:
            // E[L^2] / (2 E[L]) = mean x (1 + spread^2) / 2 a request) drain below.
            if (residual) {
                const double spread = s_.output_spread();
                const double drained = n0 * (1.0 + spread * spread) / 2.0;  // in requests' mean lengths
                t += std::max(0.0, n - drained) * steps_per_request * full / slots;
            }
            // Measured quantiles in place of the lognormal: scaled so their mean is the output length.
            const double table_mean = quantiles ? quantiles_mean(measured) : 0.0;
            const double scale = quantiles ? mean / table_mean : 1.0;
            // Fraction of the n0 requests still running after `u` more tokens: the lengths themselves
            // when all start together, their residuals (E[(L - u)+] / E[L]) when the queue just emptied.
            auto still = [&](double u) {
                if (u <= 0) return 1.0;
                if (quantiles)
                    return residual ? std::clamp(quantiles_excess(measured, u / scale) / table_mean, 0.0, 1.0)
                                    : quantiles_above(measured, u / scale);
                const double d2 = (mu - std::log(u)) / sigma;
                if (!residual) return phi(d2);
                return std::clamp(phi(d2 + sigma) - u / mean * phi(d2), 0.0, 1.0);
            };
            // The run ends when fewer than half a request is expected to remain.
            double lo = 0, hi = mean;
            while (n0 * still(hi) >= 0.5 && hi < mean * 1e6) hi *= 2;
            for (int i = 0; i < 60; ++i) {
                const double mid = (lo + hi) / 2;
                (n0 * still(mid) >= 0.5 ? lo : hi) = mid;
            }
            constexpr int kPoints = 96;
            double prev = step_at(n0);
            for (int i = 1; i <= kPoints; ++i) {
                const double u = hi * i / kPoints;
                const double cur = step_at(std::max(n0 * still(u), 1.0));
                t += (prev + cur) / 2 * (hi / kPoints) / tau_;
                prev = cur;
            }
        }
        return t > 0 ? replicas * n * s_.output_len / t : sol.throughput;
    }

private:
    const ChipSpec& chip_;
    const ModelSpec& model_;
    const Scenario& s_;
    const ModelSpec* draft_;
    int chips_;
    bool prompts_ = true;
    bool separate_ = false;  // prompts in steps of their own
    ChipRates rates_;
    double tau_ = 1, tau_var_ = 0;
    int queries_ = 1;
    double capacity_ = 0;
    LoweringCache* cache_ = nullptr;
    PhaseResult* plain_ = nullptr;    // whole_chunks' step of decodes alone, and the one carrying a chunk
    PhaseResult* carried_ = nullptr;
    bool latencies_ = true;
};

// Every deployment of `chips` the scenario leaves open (0 = auto), pp = 1 first, visited in order.
template <class Visit>
void each_candidate(const Scenario& s, const ModelSpec& m, int chips, bool deep_pipelines, Visit&& visit) {
    // Everything given (a sweep's usual case): the one deployment, if it fits the checks below.
    if (s.tp > 0 && s.pp > 0 && s.ep > 0 && s.attention_dp > 0) {
        const int group = s.tp * s.attention_dp;
        if (tp_splits_heads(m, s.tp) && chips % (group * s.pp) == 0 && group % s.ep == 0 &&
            !(s.ep > 1 && s.ep > m.moe.experts))
            visit(Parallelism{s.tp, s.pp, s.ep, s.attention_dp});
        return;
    }
    each_degree(s.tp, chips, true, [&](int tp) {
        if (!tp_splits_heads(m, tp) || chips % tp != 0) return;
        // Data-parallel attention only matters when MoE layers span the ranks; for a dense model
        // it is the same as more replicas.
        each_degree(s.attention_dp, chips / tp, m.is_moe(), [&](int dp) {
            if (chips % (tp * dp) != 0) return;
            auto pipeline = [&](int pp) {
                if (chips % (tp * dp * pp) != 0) return;
                const int group = tp * dp;
                each_degree(s.ep, group, m.is_moe(), [&](int ep) {
                    if (group % ep != 0 || (ep > 1 && ep > m.moe.experts)) return;
                    visit(Parallelism{tp, pp, ep, dp});
                });
            };
            if (s.pp > 0) pipeline(s.pp);
            else if (!deep_pipelines) pipeline(1);
            else
                each_divisor(chips / (tp * dp), [&](int pp) {
                    if (pp > 1 && pp <= m.layers) pipeline(pp);
                });
        });
    });
}

// Every deployment of `chips` in the order the searches weigh them: pp = 1 first, deeper pipelines only
// where none of those fits and pp was left open. `visit` says whether the deployment fits.
template <class Visit>
void for_each_deployment(const Scenario& s, const ModelSpec& m, int chips, Visit&& visit) {
    bool fits = false;
    for (bool deep : {false, true}) {
        if (deep && (fits || s.pp > 0)) break;
        each_candidate(s, m, chips, deep, [&](const Parallelism& par) {
            if (visit(par)) fits = true;
        });
    }
}

bool better(const Solution& a, const Solution& b) {
    if (a.meets != b.meets) return a.meets;
    // Where none meets the limits, one whose prompts settle beats one whose queue grows without bound
    // (its throughput is not one a server sustains).
    if (a.lat.stable != b.lat.stable) return a.lat.stable;
    if (a.throughput != b.throughput) return a.throughput > b.throughput;
    return a.par.chips() < b.par.chips();
}

// The best deployment of `engine.chips()` chips: the given parallelism, or the best of the
// candidates (an offline bound first: a candidate whose offline throughput cannot beat the best
// one's served throughput is not searched further).
Result<Solution> best_solution(const Engine& engine, const Scenario& s, const ModelSpec& m, PhaseResult& out,
                               PhaseResult& scratch) {
    std::optional<Solution> best;
    // Where none fits, the refusal of the candidate that splits the weights most: the nearest to fitting.
    std::string first_error;
    double first_error_weights = 0;
    for (bool deep : {false, true}) {
        if (deep && (best || s.pp > 0)) break;
        each_candidate(s, m, engine.chips(), deep, [&](const Parallelism& par) {
            if (best && s.has_limits() && s.batch == 0) {
                auto f = engine.fit(par);
                if (!f) return;
                const Solution bound = engine.at(par, *f, f->max_batch, out, scratch, false);
                if (best->meets && bound.throughput <= best->throughput) return;
            }
            auto sol = engine.solve(par, out, scratch);
            if (best) best->lowered_last = false;
            if (!sol) {
                const double weights = weight_bytes_per_chip(m, s, par);
                if (first_error.empty() || weights < first_error_weights) {
                    first_error = sol.error().message;
                    first_error_weights = weights;
                }
                return;
            }
            if (!best || better(*sol, *best)) {
                best = std::move(*sol);
                best->lowered_last = true;
            }
        });
    }
    if (!best) {
        if (first_error.empty())
            return Error{"scenario: no parallelism of " + std::to_string(engine.chips()) + " chips fits model '" +
                         m.id + "' (tp must divide its " + std::to_string(m.heads) + " heads)"};
        // Where the weights alone outgrow the chips, say how many it takes at least: the next input to change.
        const Parallelism one{1, 1, 1, 1};
        const double weights = weight_bytes_per_chip(m, s, one) +
                               (s.spec_tokens > 0 && s.draft_model.empty() ? mtp_weight_bytes_per_chip(m, s, one) : 0.0);
        const double least = engine.capacity() > 0 ? std::ceil(weights / engine.capacity()) : 0.0;
        if (least > engine.chips() && least <= 1e6)
            first_error += "; its weights alone need at least " + format_number("%.0f", least) +
                           " chips of this one (--chips, workload.chips)";
        return Error{first_error};
    }
    return *best;
}

void fill_peaks(const ChipSpec& chip, const ChipRates& rates, Evaluation& ev, bool ceilings) {
    for (Precision p : kAllPrecisions) ev.peak_tflops[static_cast<size_t>(p)] = chip.peak_tflops(p);
    auto peak = [&ev](Precision p) { return ev.peak_tflops[static_cast<size_t>(p)]; };
    ev.memory_tb_s = chip.memory_tb_s();
    ev.memory_gb = chip.memory_gb();
    ev.sram_tb_s = chip.sram.tb_s;
    ev.native_fp8_tflops = chip.rate(Precision::fp8) > 0 ? peak(Precision::fp8) : 0.0;
    ev.native_fp4_tflops = chip.rate(Precision::fp4) > 0 ? peak(Precision::fp4) : 0.0;
    if (!ceilings) return;
    ev.ceilings.reserve(std::size(kAllPrecisions) + 3);  // a precision each, the vector units, DRAM and SRAM
    for (Precision p : kAllPrecisions)
        if (chip.rate(p) > 0) ev.ceilings.push_back({ceiling_label(p), peak(p), false});
    // The vector units' roof: softmax, norms and activations run under it, not under the MACs'.
    if (const double vector = rates.vector_flops / 1e12; vector > 0)
        ev.ceilings.push_back({SCV_TR("Model", "Vector"), vector, false});
    if (ev.memory_tb_s > 0) ev.ceilings.push_back({std::string(memory_name(chip.hbm.generation)), ev.memory_tb_s, true});
    if (ev.sram_tb_s > 0) ev.ceilings.push_back({"SRAM", ev.sram_tb_s, true});
}

std::vector<Message> inert_key_warnings(const Scenario& s, const ModelSpec& model) {
    // The keys that apply only somewhere (WorkloadKey::applies), found once.
    static const std::vector<const WorkloadKey*> conditional = [] {
        std::vector<const WorkloadKey*> c;
        for (const WorkloadKey& key : workload_keys())
            if (key.applies) c.push_back(&key);
        return c;
    }();
    std::vector<Message> out;
    for (const WorkloadKey* k : conditional) {
        const WorkloadKey& key = *k;
        if (key.applies(s, model) || !workload_key_holds_value(key, s)) continue;
        const std::string value = key.get(s);
        // A degree of 1 (none of that parallelism: what an evaluation gives a dense model's ep) is what a degree
        // that does not apply means anyway.
        const bool degree = key.kind == WorkloadKeyKind::integer && (key.zero_text == "auto" || key.zero_text == "shared");
        if (degree && value == "1") continue;
        out.push_back({"Warning", SCV_TR("Warning", "workload: %1 %2 changes nothing for model '%3' in this workload: it applies %4"),
                       {std::string(key.key), value, model.id},
                       {Message{"scoville::WorkloadKeys", key.applies_when, {}}}});
    }
    return out;
}

void precision_warnings(const ChipSpec& chip, const Scenario& s, Evaluation& ev) {
    for (Precision p : {s.weight_precision, s.activation_precision, s.kv_precision}) {
        const Precision ex = chip.executed_precision(p);
        if (ex != p) {
            Message w{"Warning", SCV_TR("Warning", "precision: %1 is not native on '%2'; runs at %3"),
                      {std::string(to_string(p)), chip.id, std::string(to_string(ex))}};
            if (std::find(ev.warning_messages.begin(), ev.warning_messages.end(), w) == ev.warning_messages.end())
                ev.add_warning(std::move(w));
        }
    }
    if (chip.compute.vector_lanes_per_core == 0)
        ev.add_warning({"Warning",
                        SCV_TR("Warning", "compute: no vector lanes; softmax, norms and activations run on the matrix units"),
                        {}});
}

bool parallelism_open(const Scenario& s) { return s.tp == 0 || s.pp == 0 || s.ep == 0 || s.attention_dp == 0; }

// The prompt of one request alone: what the explain panel shows for prefill.
void lower_one_prompt(const Scenario& s, const Engine& e, const Solution& sol,
                      PhaseResult& out) {
    // One prompt on every attention rank: each chip does one prompt's share.
    StepPlan p = e.plan(sol.par, sol.fit, 1);
    p.spec_tokens = 0;
    e.lower_prompt_step(sol.par, p, s.input_len, out);
}

void fill_serving(const Engine& e, const Scenario& s, const Solution& sol, Evaluation& ev) {
    ServingResult& sv = ev.serving;
    sv.batch = sol.batch;
    sv.max_batch = sol.fit.max_batch;
    sv.server = s.has_limits();
    sv.parallelism = sol.par;
    sv.parallelism_auto = parallelism_open(s);
    sv.replicas = e.chips() / sol.par.chips();
    sv.in_flight = sol.batch * sol.par.pp;
    sv.ttft_s = sol.lat.ttft_mean_s;
    sv.ttft_p50_s = sol.lat.ttft_p50_s;
    sv.ttft_p99_s = sol.lat.ttft_p99_s;
    sv.tpot_s = sol.lat.tpot_mean_s;
    sv.tpot_p50_s = sol.lat.tpot_p50_s;
    sv.tpot_p99_s = sol.lat.tpot_p99_s;
    sv.prefill_utilisation = sol.lat.prefill_utilisation;
    sv.throughput_tokens_per_s = sol.throughput;
    sv.throughput_tokens_per_s_per_chip = sol.throughput / s.chips;
    sv.requests_per_s = sol.requests;
    sv.step_s = sol.step.t;
    sv.host_s_per_step = sol.step.host;
    sv.host_stream_s_per_step = sol.step.stream;
    sv.prompt_step_s = sol.step.prompt_step;
    sv.prompt_steps_per_step = sol.step.prompt_busy * sol.step.prompt_steps / s.admit_every_steps;
    sv.prompt_tokens_per_prompt_step = sol.step.prompt_tokens * sol.par.dp;
    sv.decode_step_s = sol.step.decode_t;
    sv.chunk_step_s = sol.step.chunk_t;
    sv.plain_step_s = sol.step.plain_t;
    sv.chunk_steps_share = sol.step.chunk_share;
    sv.plain_prompt_tokens_per_step = sol.step.plain_tokens * sol.par.dp;
    sv.chunk_tokens_per_step = sv.plain_prompt_tokens_per_step + sol.step.chunk_tokens * sol.step.chunk_ranks;
    sv.chunk_ranks = sol.step.chunk_ranks;
    sv.chunk_share_per_rank = sol.step.chunk_own;
    // (Prompts in steps of their own: the prompt tokens per decode step, on average.)
    sv.prefill_tokens_per_step = sol.step.decode_t > 0 ? sol.step.prefill_per_rank * sol.par.dp : ev.decode.prefill_tokens;
    sv.decode_tokens_per_step = ev.decode.decode_seqs * ev.decode.queries_per_seq;
    sv.tokens_per_step_per_request = e.tau();
    sv.weights_gb_per_chip = sol.fit.weights / 1e9;
    sv.kv_gb_per_request_per_chip = sol.fit.kv_req / 1e9;
    sv.memory_capacity_gb_per_chip = sol.fit.capacity / 1e9;
}

Status check_companions(const ModelSpec& model, const Scenario& s, const Companions& c) {
    if (s.spec_tokens > 0 && !s.draft_model.empty()) {
        if (!c.draft) return Error{"draft_model: '" + s.draft_model + "' is not loaded"};
        if (auto st = validate_model(*c.draft); !st) return Error{"draft_model: " + st.error().message};
        if (c.draft->parameters() >= model.parameters())
            return Error{"draft_model: '" + c.draft->id + "' (" +
                         format_number("%.3g", c.draft->parameters() / 1e9) +
                         "B parameters) is not smaller than the target '" + model.id + "' (" +
                         format_number("%.3g", model.parameters() / 1e9) + "B)"};
        if (c.draft->vocab != model.vocab)
            return Error{"draft_model: '" + c.draft->id + "' has a vocabulary of " + std::to_string(c.draft->vocab) +
                         " tokens, the target '" + model.id + "' " + std::to_string(model.vocab) +
                         "; drafts must use the target's tokens"};
    }
    if (!s.prefill_chip.empty() && !c.prefill_chip)
        return Error{"prefill_chip: '" + s.prefill_chip + "' is not loaded"};
    return Ok{};
}

// --- Disaggregated serving ----------------------------------------------------------------------

struct PoolPlan {
    Solution sol;
    double capacity = 0;       // requests/s the pool can take
    double step_s = 0;         // prefill: a full-budget step
    double one_prompt_s = 0;   // prefill: a step with one prompt per rank
    double slope = 0;          // prefill: per extra prompt token of a rank
};

// One deployment of the prefill pool: prompt-only steps at the full token budget, and one prompt a rank;
// nullopt where it does not fit (the refusal in `error`). Its capacity counts the pool's replicas of it.
std::optional<PoolPlan> prefill_plan(const Engine& e, const Scenario& s, const ModelSpec& m, const Parallelism& par,
                                     PhaseResult& out, PhaseResult& scratch, std::string& error) {
    auto f = e.fit(par);
    if (!f) {
        error = f.error().message;
        return std::nullopt;
    }
    const double dp = par.dp;
    const double budget = s.max_tokens_per_step;
    StepShape full;
    full.prefill_tokens = budget * dp;
    full.prefill_seqs = full.prefill_tokens / s.input_len;
    full.prefill_chunk = std::min<double>(s.input_len, budget);
    StepPlan p = e.plan(par, *f, 1);
    p.spec_tokens = 0;
    lower_step(m, s, e.rates(), Phase::prefill, full, p, out);
    StepShape one = full;
    one.prefill_tokens = std::min<double>(s.input_len, budget) * dp;
    one.prefill_seqs = one.prefill_tokens / s.input_len;
    lower_step(m, s, e.rates(), Phase::prefill, one, p, scratch);
    PoolPlan pp;
    pp.sol.par = par;
    pp.sol.fit = *f;
    // Its steps wait for the engine's host work too, at the prompts a rank runs in each (Engine::host_s).
    pp.step_s = out.time_s + e.host_s(par, full.prefill_seqs / dp);
    pp.one_prompt_s = scratch.time_s + e.host_s(par, one.prefill_seqs / dp);
    const double extra = full.prefill_tokens - one.prefill_tokens;
    pp.slope = extra > 0 ? std::max(0.0, (pp.step_s - pp.one_prompt_s) / extra) * dp : 0.0;
    const int replicas = e.chips() / par.chips();
    pp.capacity = replicas * par.pp * full.prefill_tokens / (pp.step_s * s.input_len);
    return pp;
}

// The prefill pool: its deployment with the most capacity.
Result<PoolPlan> plan_prefill(const Engine& e, const Scenario& s, const ModelSpec& m, PhaseResult& out,
                              PhaseResult& scratch) {
    std::optional<PoolPlan> best;
    std::string first_error;
    for_each_deployment(s, m, e.chips(), [&](const Parallelism& par) {
        std::string error;
        auto pp = prefill_plan(e, s, m, par, out, scratch, error);
        if (!pp) {
            if (first_error.empty()) first_error = error;
            return false;
        }
        if (!best || pp->capacity > best->capacity) best = *pp;
        return true;
    });
    if (!best) return Error{first_error.empty() ? "prefill pool: no parallelism fits" : "prefill pool: " + first_error};
    return *best;
}

struct Split {
    int prefill_chips = 0, decode_chips = 0;
    PoolPlan prefill;
    Solution decode;
    double transfer_s = 0, transfer_bytes = 0, transfer_capacity = 0;
    double rate = 0;  // requests/s served
    Latencies lat;
    bool meets = true;
};

// KV bytes of one prompt, every layer, whole model (what moves from prefill to decode pool), with the state of
// each linear-attention layer.
double prompt_kv_bytes(const ModelSpec& m, const Scenario& s) {
    return kv_bytes_per_token_per_layer(m, s.kv_precision, 1) * kv_token_layers(m, s, s.input_len) +
           linear_states_bytes(m, s, 1);
}

// One pool of a disaggregated scenario, as a scenario of its own: its chips, no pools of its own.
Scenario pool_scenario(const Scenario& s, int chips) {
    Scenario p = s;
    p.chips = chips;
    p.prefill_chips = p.decode_chips = 0;
    return p;
}

// The decode pool's scenario: it decodes only, no prompt tokens in its steps.
Scenario decode_pool_scenario(const Scenario& s) {
    Scenario ds = s;
    ds.ttft_slo_s.reset();
    if (s.has_limits() && !ds.has_limits() && ds.stream_us_per_token > 0) {
        // Its clients still stream when only a TTFT limit is left behind: the streamed token joins the
        // host time per request, whose walk over the held requests stays what it was.
        ds.host_us_per_request = s.request_host_us();
        ds.host_active_share = s.host_active_share * s.host_us_per_request / ds.host_us_per_request;
        ds.stream_us_per_token = 0;
    }
    return ds;
}

// KV moves over the scale-up links when both pools sit in one domain, else over the NICs; each prefill chip
// sends its share.
void plan_transfer(Split& sp, const NetworkRates& net, int prefill_chips, int decode_chips, bool one_chip,
                   const Scenario& s, const ModelSpec& m) {
    const bool one_domain = prefill_chips + decode_chips <= net.domain && one_chip;
    sp.transfer_bytes = prompt_kv_bytes(m, s);
    const double share = sp.transfer_bytes / sp.prefill.sol.par.chips();
    const CollectiveCost c = send_recv(share, !one_domain, net);
    sp.transfer_s = c.time_s;
    const double per_chip_bw = one_domain ? all_peers_bytes_s(2, net) : net.nic_bytes_s;
    sp.transfer_capacity = per_chip_bw > 0 ? std::min(prefill_chips, decode_chips) * per_chip_bw / sp.transfer_bytes
                                           : kInf;
}

Result<Split> plan_split(const Engine& pre, const Engine& dec, const Scenario& s, const ModelSpec& m,
                         PhaseResult& out, PhaseResult& scratch) {
    Split sp;
    auto p = plan_prefill(pre, s.prefill_pool_degrees(), m, out, scratch);
    if (!p) return p.error();
    sp.prefill = *p;
    auto d = best_solution(dec, decode_pool_scenario(s), m, out, scratch);
    if (!d) return Error{"decode pool: " + d.error().message};
    sp.decode = *d;
    plan_transfer(sp, pre.rates().net, pre.chips(), dec.chips(), pre.chip().id == dec.chip().id, s, m);
    return sp;
}

// Serve a split at its best rate: offline, the slowest pool's capacity; server, the highest rate
// whose p99 TTFT (prefill queue + transfer) and p99 TPOT (decode steps) meet the limits.
void serve_split(Split& sp, const Scenario& s, int prefill_replicas_total) {
    const Solution& d = sp.decode;
    const double decode_rate = d.requests;
    const double top = std::min({sp.prefill.capacity, decode_rate, sp.transfer_capacity});
    const double dp = sp.prefill.sol.par.dp;
    auto latencies_at = [&](double rate) {
        StreamModel pm;
        pm.step_s = sp.prefill.one_prompt_s;
        pm.prefill_slope_s = sp.prefill.slope;
        pm.prefill_per_step = std::min<double>(s.input_len, s.max_tokens_per_step);
        pm.prefill_room = s.max_tokens_per_step;
        pm.arrivals_per_s = rate / (prefill_replicas_total * dp * sp.prefill.sol.par.pp);
        pm.input_len = s.input_len;
        pm.input_cv = s.input_len_cv;
        pm.output_len = s.output_len;
        pm.output_cv = s.output_len_cv;
        pm.output_quantiles = &s.output_len_quantiles;
        pm.extra_ttft_s = sp.transfer_s;
        Latencies l = stream_latencies(pm);
        l.tpot_mean_s = d.lat.tpot_mean_s;
        l.tpot_p50_s = d.lat.tpot_p50_s;
        l.tpot_p99_s = d.lat.tpot_p99_s;
        return l;
    };
    auto ok = [&](const Latencies& l) {
        if (!l.stable) return false;
        if (s.ttft_slo_s && l.ttft_p99_s > *s.ttft_slo_s) return false;
        if (s.tpot_slo_s && l.tpot_p99_s > *s.tpot_slo_s) return false;
        return true;
    };
    double rate = top * (1.0 - 1e-6);
    Latencies l = latencies_at(rate);
    if (!ok(l) && s.has_limits()) {
        double lo = 0, hi = rate;
        for (int i = 0; i < 50; ++i) {
            const double mid = (lo + hi) / 2;
            (ok(latencies_at(mid)) ? lo : hi) = mid;
        }
        rate = lo;
        l = latencies_at(std::max(rate, top * 1e-9));
    } else if (!s.has_limits()) {
        // Offline the slowest pool runs flat out and its queue never empties; as in a closed loop,
        // a request's latency is then its own prefill, transfer and decode steps.
        l = latencies_at(top * 1e-9);
        l.prefill_utilisation = top / std::max(sp.prefill.capacity, 1e-30);
    }
    sp.rate = rate;
    sp.lat = l;
    sp.meets = ok(l);
}


// The search for the best split of a scenario's chips into a prefill and a decode pool. A pool of c chips
// runs c / chips(par) replicas of a deployment par, each serving as one replica alone does, so each pool's
// deployments are planned once, one replica each, and a split's pools are their best deployments at its chip
// counts, scaled by their replicas: the plans and choices of planning every split afresh, which plans a
// deployment of k chips again for every split whose pool k divides.
class SplitSearch {
public:
    SplitSearch(const ChipSpec& pchip, const ChipSpec& chip, const ModelSpec& model, const Scenario& s,
                const ModelSpec* draft)
        : pchip_(pchip), chip_(chip), model_(model), s_(s), draft_(draft), ps_(s.prefill_pool_degrees()),
          ds_(decode_pool_scenario(s)),
          net_(chip_rates(pchip).net) {}

    // The split of `np` prefill and `nd` decode chips served at its best rate; nullopt where a pool has no
    // deployment that fits, or where it cannot win against `beat` (its rate is at most either pool's capacity:
    // the pool planned first, the one likelier to bind, often settles it without planning the other).
    std::optional<Split> serve(int np, int nd, const Split* beat, bool decode_first) {
        auto cannot_win = [&](double capacity) {
            if (!beat || !beat->meets) return false;
            const double most = capacity * (1.0 - 1e-6);  // serve_split's highest rate
            // Of equal rates, the split with fewer prefill chips wins.
            return np > beat->prefill_chips ? most <= beat->rate : most < beat->rate;
        };
        std::optional<PoolPlan> pre;
        std::optional<Solution> dec;
        for (bool decode : {decode_first, !decode_first}) {
            if (decode) {
                dec = best_decode(nd);
                if (!dec || cannot_win(dec->requests)) return std::nullopt;
            } else {
                pre = best_prefill(np);
                if (!pre || cannot_win(pre->capacity)) return std::nullopt;
            }
        }
        Split sp;
        sp.prefill_chips = np;
        sp.decode_chips = nd;
        sp.prefill = *pre;
        sp.decode = *dec;
        plan_transfer(sp, net_, np, nd, pchip_.id == chip_.id, s_, model_);
        if (cannot_win(std::min({sp.prefill.capacity, sp.decode.requests, sp.transfer_capacity}))) return std::nullopt;
        serve_split(sp, s_, np / sp.prefill.sol.par.chips());
        return sp;
    }

private:
    using Key = std::array<int, 4>;
    static Key key(const Parallelism& p) { return {p.tp, p.pp, p.ep, p.dp}; }

    // One replica of each pool, planned once.
    const std::optional<PoolPlan>& prefill_replica(const Parallelism& par) {
        auto [it, fresh] = prefill_.try_emplace(key(par));
        if (fresh) {
            const Scenario ps = pool_scenario(s_, par.chips());
            const Engine e(pchip_, model_, ps, nullptr, par.chips());
            std::string error;
            it->second = prefill_plan(e, ps_, model_, par, out_, scratch_, error);
        }
        return it->second;
    }
    const std::optional<Solution>& decode_replica(const Parallelism& par) {
        auto [it, fresh] = decode_.try_emplace(key(par));
        if (fresh) {
            const Scenario ds = pool_scenario(s_, par.chips());
            const Engine e(chip_, model_, ds, draft_, par.chips(), false);
            if (auto sol = e.solve(par, out_, scratch_)) it->second = std::move(*sol);
        }
        return it->second;
    }

    // A pool's best deployment at its chips, as plan_prefill and best_solution choose it.
    std::optional<PoolPlan> best_prefill(int chips) {
        std::optional<PoolPlan> best;
        for_each_deployment(ps_, model_, chips, [&](const Parallelism& par) {
            const auto& one = prefill_replica(par);
            if (!one) return false;
            PoolPlan pp = *one;
            pp.capacity *= chips / par.chips();
            if (!best || pp.capacity > best->capacity) best = pp;
            return true;
        });
        return best;
    }
    std::optional<Solution> best_decode(int chips) {
        std::optional<Solution> best;
        for_each_deployment(ds_, model_, chips, [&](const Parallelism& par) {
            const auto& one = decode_replica(par);
            if (!one) return false;
            Solution sol = *one;
            const int replicas = chips / par.chips();
            sol.throughput *= replicas;
            sol.requests *= replicas;
            if (!best || better(sol, *best)) best = std::move(sol);
            return true;
        });
        return best;
    }

    const ChipSpec& pchip_;
    const ChipSpec& chip_;
    const ModelSpec& model_;
    const Scenario& s_;
    const ModelSpec* draft_;
    const Scenario ps_;  // the prefill pool's degrees (Scenario::prefill_pool_degrees)
    const Scenario ds_;
    const NetworkRates net_;
    std::map<Key, std::optional<PoolPlan>> prefill_;
    std::map<Key, std::optional<Solution>> decode_;
    PhaseResult out_, scratch_;
};

// The decode pool holds the requests the served rate keeps in it (Little's law: the rate times a request's
// decode steps), not the most it could take: where the prefill pool or the transfer binds, fewer, and its
// steps are those of that batch. The smallest batch of `sol`'s deployment whose steps keep up with `rate`.
// A batch b keeps up where b >= g(b) = b x rate / requests(b), the rate times a request's steps over the requests a
// step serves; g grows with b (a step is no shorter for more requests), so b <- ceil(g(b)) from below climbs to the
// least such b without passing it, in a few steps where the steps barely grow with the batch (decodes).
Solution fed_decode(const Engine& dec, const Solution& sol, double rate, PhaseResult& out, PhaseResult& scratch,
                    std::optional<Solution> first = std::nullopt) {
    const double need = rate * (1.0 - 1e-9);
    if (sol.batch <= 1 || sol.requests <= need) return sol;
    Solution at = first ? std::move(*first) : dec.at(sol.par, sol.fit, 1, out, scratch, false);
    while (at.requests < need) {
        const double g = at.batch * rate / std::max(at.requests, 1e-300);
        const int next = static_cast<int>(std::min<double>(sol.batch, std::ceil(g * (1.0 - 1e-12))));
        if (next <= at.batch) break;  // (rounding at the top: the batch that keeps up is sol's)
        if (next == sol.batch) return sol;
        at = dec.at(sol.par, sol.fit, next, out, scratch, false);
    }
    return at.requests >= need ? at : sol;
}

// The decode pool's deployment at the served rate: where the rate leaves it room, every deployment that keeps up
// serves the same rate, and the one whose requests then see the shortest steps wins (the lowest p99 TPOT, then
// mean TPOT; the one chosen for capacity where none is faster). `fed`, as fed_decode says; `top`, the same
// deployment at the batch it would take (its capacity).
struct FedDecode {
    Solution fed, top;
};
FedDecode decode_at_rate(const Engine& dec, const Scenario& ds, const ModelSpec& m, const Solution& chosen, double rate,
                         PhaseResult& out, PhaseResult& scratch) {
    FedDecode best{fed_decode(dec, chosen, rate, out, scratch), chosen};
    if (best.fed.batch == chosen.batch) return best;
    auto faster = [](const Solution& a, const Solution& b) {
        if (a.lat.tpot_p99_s != b.lat.tpot_p99_s) return a.lat.tpot_p99_s < b.lat.tpot_p99_s;
        return a.lat.tpot_mean_s < b.lat.tpot_mean_s;
    };
    for_each_deployment(ds, m, dec.chips(), [&](const Parallelism& par) {
        if (par == chosen.par) return true;
        auto f = dec.fit(par);
        if (!f) return false;
        // One request a replica is as short a step as the deployment has: where that is no faster, it cannot win.
        Solution one = dec.at(par, *f, 1, out, scratch, false);
        if (!faster(one, best.fed)) return true;
        auto sol = dec.solve(par, out, scratch);
        if (!sol || !sol->meets || sol->requests < rate * (1.0 - 1e-9)) return true;
        Solution fed = fed_decode(dec, *sol, rate, out, scratch, std::move(one));
        if (fed.meets && faster(fed, best.fed)) best = {std::move(fed), std::move(*sol)};
        return true;
    });
    return best;
}

Status evaluate_disaggregated(const ChipSpec& chip, const ModelSpec& model, const Scenario& s,
                              const Companions& companions, const ModelSpec* draft, Evaluation& ev) {
    const ChipSpec& pchip = companions.prefill_chip ? *companions.prefill_chip : chip;
    if (companions.prefill_chip) {
        if (auto st = validate_chip(pchip); !st) return Error{"prefill_chip: " + st.error().message};
        precision_warnings(pchip, s, ev);
    }
    std::optional<Split> best;
    std::string first_error;
    PhaseResult out, scratch;
    // The chips of a replica each pool's given degrees fix (the prefill pool's own, where it has them).
    const auto fixed = [](const Scenario& d) { return std::max(1, d.tp) * std::max(1, d.attention_dp) * std::max(1, d.pp); };
    const int given = fixed(s), given_prefill = fixed(s.prefill_pool_degrees());
    // A split planned afresh: its pools' engines at its chip counts.
    auto plan_exactly = [&](int np, int nd) -> Result<Split> {
        if (np % given_prefill != 0 || nd % given != 0) {
            if (given_prefill == given)
                return Error{"scenario: prefill_chips (" + std::to_string(np) + ") and decode_chips (" +
                             std::to_string(nd) + ") must each be a multiple of tp x attention_dp x pp (" +
                             std::to_string(given) + ")"};
            return Error{"scenario: prefill_chips (" + std::to_string(np) +
                         ") must be a multiple of the prefill pool's tp x attention_dp x pp (" +
                         std::to_string(given_prefill) + ") and decode_chips (" + std::to_string(nd) +
                         ") of tp x attention_dp x pp (" + std::to_string(given) + ")"};
        }
        const Scenario ps = pool_scenario(s, np), ds = pool_scenario(s, nd);
        const Engine pre(pchip, model, ps, nullptr, np);
        const Engine dec(chip, model, ds, draft, nd, false);
        auto sp = plan_split(pre, dec, s, model, out, scratch);
        if (!sp) return sp.error();
        sp->prefill_chips = np;
        sp->decode_chips = nd;
        serve_split(*sp, s, np / sp->prefill.sol.par.chips());
        return sp;
    };
    if (s.prefill_chips > 0) {
        auto sp = plan_exactly(s.prefill_chips, s.decode_chips);
        if (!sp) first_error = sp.error().message;
        else best = std::move(*sp);
    } else {
        // The best split: the one that meets the limits at the highest rate, the first of equals.
        SplitSearch search(pchip, chip, model, s, draft);
        std::vector<int> splits;  // prefill chips of each split
        for (int np = given_prefill; np < s.chips; np += given_prefill)
            if ((s.chips - np) % given == 0) splits.push_back(np);
        std::vector<bool> served(splits.size(), false);
        std::optional<Split> found;
        auto consider = [&](std::optional<Split> sp) {
            if (!sp) return;
            if (!found || (sp->meets != found->meets ? sp->meets
                           : sp->rate != found->rate ? sp->rate > found->rate
                                                     : sp->prefill_chips < found->prefill_chips))
                found = std::move(sp);
        };
        // First a walk toward the split whose pools balance (halving the range each time, toward the pool
        // that binds), whose rate then rules out most of the others without planning both their pools.
        for (std::ptrdiff_t lo = 0, hi = std::ssize(splits) - 1; lo <= hi;) {
            const std::ptrdiff_t mid = lo + (hi - lo) / 2;
            const int np = splits[static_cast<size_t>(mid)];
            served[static_cast<size_t>(mid)] = true;
            auto sp = search.serve(np, s.chips - np, nullptr, false);
            if (!sp) break;
            const bool prefill_binds = sp->prefill.capacity < sp->decode.requests;
            consider(std::move(sp));
            (prefill_binds ? lo : hi) = prefill_binds ? mid + 1 : mid - 1;
        }
        for (size_t i = 0; i < splits.size(); ++i) {
            if (served[i]) continue;
            const int np = splits[i];
            consider(search.serve(np, s.chips - np, found ? &*found : nullptr, found && np > found->prefill_chips));
        }
        // The split found is planned afresh, as a split given; where none fits, the first split's refusal.
        if (found || s.chips > 1) {
            auto sp = found ? plan_exactly(found->prefill_chips, found->decode_chips) : plan_exactly(1, s.chips - 1);
            if (!sp) first_error = sp.error().message;
            else best = std::move(*sp);
        }
    }
    if (!best)
        return Error{first_error.empty() ? "scenario: no split of " + std::to_string(s.chips) +
                                               " chips into prefill and decode pools fits model '" + model.id + "'"
                                         : first_error};
    const Split& sp = *best;
    Scenario ps = s, ds = s;
    ps.chips = sp.prefill_chips;
    ds.chips = sp.decode_chips;
    const Engine pre(pchip, model, ps, nullptr, sp.prefill_chips);
    const Engine dec(chip, model, ds, draft, sp.decode_chips, false);
    // The phases the views show: a full-budget prefill step of the prefill pool, the decode step.
    {
        const Parallelism& par = sp.prefill.sol.par;
        StepShape full;
        full.prefill_tokens = static_cast<double>(s.max_tokens_per_step) * par.dp;
        full.prefill_seqs = full.prefill_tokens / s.input_len;
        full.prefill_chunk = std::min(s.input_len, s.max_tokens_per_step);
        StepPlan p = pre.plan(par, sp.prefill.sol.fit, 1);
        p.spec_tokens = 0;
        lower_step(model, s, pre.rates(), Phase::prefill, full, p, ev.prefill);
    }
    const FedDecode pool_at_rate = decode_at_rate(dec, decode_pool_scenario(ds), model, sp.decode, sp.rate, out, scratch);
    const Solution& fed = pool_at_rate.fed;
    const Solution decode = dec.at(fed.par, fed.fit, fed.batch, ev.decode, scratch);
    fill_serving(dec, ds, decode, ev);
    ServingResult& sv = ev.serving;
    sv.server = s.has_limits();
    sv.parallelism_auto = parallelism_open(s);
    sv.disaggregated = true;
    sv.throughput_tokens_per_s = sp.rate * s.output_len;
    sv.throughput_tokens_per_s_per_chip = sv.throughput_tokens_per_s / s.chips;
    sv.requests_per_s = sp.rate;
    sv.ttft_s = sp.lat.ttft_mean_s;
    sv.ttft_p50_s = sp.lat.ttft_p50_s;
    sv.ttft_p99_s = sp.lat.ttft_p99_s;
    sv.prefill_utilisation = sp.lat.prefill_utilisation;
    sv.kv_transfer_s = sp.transfer_s;
    sv.kv_transfer_gb_per_request = sp.transfer_bytes / 1e9;
    auto pool = [](const std::string& id, int chips, const Parallelism& par, int batch, double step, double cap,
                   double rate) {
        PoolResult p;
        p.chip = id;
        p.chips = chips;
        p.parallelism = par;
        p.replicas = chips / par.chips();
        p.batch = batch;
        p.step_s = step;
        p.capacity_requests_per_s = cap;
        p.utilisation = cap > 0 ? rate / cap : 0.0;
        return p;
    };
    sv.prefill_pool = pool(pchip.id, sp.prefill_chips, sp.prefill.sol.par, 0, sp.prefill.step_s, sp.prefill.capacity,
                           sp.rate);
    // The decode pool's capacity is its deployment's at the batch it would take; its batch and step, what the
    // rate keeps in it.
    const Solution& top = pool_at_rate.top;
    sv.decode_pool = pool(chip.id, sp.decode_chips, decode.par, decode.batch, decode.step.t, top.requests, sp.rate);
    sv.decode_pool.batch_limit = top.batch;
    sv.replicas = sv.decode_pool.replicas;
    if (!sp.meets)
        ev.add_warning({"Warning",
                        s.has_limits() ? SCV_TR("Warning", "slo: the latency limits are missed at every rate of this split")
                                       : SCV_TR("Warning", "serving: the prefill queue does not settle at this split"),
                        {}});
    return Ok{};
}
}  // namespace

Scenario with_parallelism(const Scenario& scenario, const Parallelism& chosen) {
    Scenario s = scenario;
    if (s.disaggregated()) return s;
    s.tp = chosen.tp;
    s.pp = chosen.pp;
    s.ep = chosen.ep;
    s.attention_dp = chosen.dp;
    return s;
}

Scenario with_deployment(const Scenario& scenario, const ServingResult& chosen) {
    if (!scenario.disaggregated() || !chosen.disaggregated) return with_parallelism(scenario, chosen.parallelism);
    Scenario s = scenario;
    if (s.prefill_chips <= 0 || s.decode_chips <= 0) {
        s.prefill_chips = chosen.prefill_pool.chips;
        s.decode_chips = chosen.decode_pool.chips;
    }
    // Each pool's deployment given: the decode pool's as tp, pp, ep and attention_dp, the prefill pool's as its own.
    const Parallelism& pre = chosen.prefill_pool.parallelism;
    const Parallelism& dec = chosen.decode_pool.parallelism;
    s.tp = dec.tp;
    s.pp = dec.pp;
    s.ep = dec.ep;
    s.attention_dp = dec.dp;
    s.prefill_tp = pre.tp;
    s.prefill_pp = pre.pp;
    s.prefill_ep = pre.ep;
    s.prefill_attention_dp = pre.dp;
    return s;
}

Status evaluate_into(const ChipSpec& chip, const ModelSpec& model, const Scenario& s, const Companions& companions,
                     EvalWorkspace& ws) {
    if (ws.chip_checked != &chip)
        if (auto st = validate_chip(chip); !st) return st.error();
    ws.chip_checked = nullptr;
    // The model and the scenario are checked once while they stay the same (a sweep of chip keys).
    const EvalWorkspace::CheckedWorkload* workload =
        ws.checked.find([&](const EvalWorkspace::CheckedWorkload& c) { return c.model == &model && c.scenario == s; });
    if (!workload) {
        if (auto st = validate_model(model); !st) return st.error();
        if (auto st = validate_scenario(s, model); !st) return st.error();
        EvalWorkspace::CheckedWorkload& c = ws.checked.claim();
        c.model = &model;
        c.scenario = s;
        c.warnings = inert_key_warnings(s, model);
        // No kernel timing in the validation sets is of a linear-attention or Mamba-2 layer: their own kernels' times
        // are the roofline's of their FLOPs and bytes. Whole serving runs of a linear-attention model (Qwen3.5-397B on
        // TPU7x, Google's recipes) check them only with everything else in a step.
        if (model.has_linear_attention())
            c.warnings.push_back({"Warning",
                                  model.linear.kind == LinearKind::mamba2
                                      ? SCV_TR("Warning", "model '%1': its %2 Mamba-2 layers' convolution, state update "
                                                          "and chunked scan are timed from their FLOPs and bytes at this "
                                                          "chip's rates, an estimate: no measured run of a Mamba-2 model "
                                                          "checks them")
                                      : SCV_TR("Warning", "model '%1': its %2 linear-attention layers' convolution, "
                                                          "recurrent step and chunked delta rule are timed from their "
                                                          "FLOPs and bytes at this chip's rates, an estimate: no timing "
                                                          "of those kernels checks them, only whole serving runs of one "
                                                          "such model (Qwen3.5-397B on TPU7x)"),
                                  {model.id, std::to_string(model.linear_layer_count())}});
        // Drafts without a draft model come from the model's multi-token-prediction modules: one it lacks is modelled
        // as one more of its layers, a module it would have to be trained with.
        if (s.spec_tokens > 0 && s.draft_model.empty() && model.mtp_layers == 0)
            c.warnings.push_back({"Warning",
                                  SCV_TR("Warning", "speculative decoding: model '%1' has no multi-token-prediction "
                                                    "module (mtp_layers 0); its drafts are modelled as one more of its "
                                                    "layers with its LM head, a module it would have to be trained "
                                                    "with (draft_model names a model to draft with instead)"),
                                  {model.id}});
        workload = &c;
    }
    if (auto st = check_companions(model, s, companions); !st) return st.error();
    const ModelSpec* draft = s.spec_tokens > 0 && companions.draft ? &*companions.draft : nullptr;

    // Everything but the phases' storage starts afresh (the lowering rewrites the phases whole).
    Evaluation& ev = ws.ev;
    ev.serving = {};
    ev.peak_tflops = {};
    ev.memory_tb_s = ev.memory_gb = ev.sram_tb_s = 0;
    ev.native_fp8_tflops = ev.native_fp4_tflops = 0;
    ev.ceilings.clear();
    ev.physical = {};
    ev.clear_warnings();
    // A workload setting that cannot change this result (an engine setting for chunked local attention on a model
    // without it, the acceptance without draft tokens, ...): said, not silently ignored.
    for (const Message& m : workload->warnings) ev.add_warning(m);
    precision_warnings(chip, s, ev);

    if (!s.disaggregated()) {
        const Engine engine(chip, model, s, draft, s.chips, true, &ws);
        fill_peaks(chip, engine.rates(), ev, ws.views);
        PhaseResult& scratch = ws.scratch;
        auto best = best_solution(engine, s, model, ev.decode, scratch);
        if (!best) return best.error();
        // Lower the chosen step once more into the result (the search reused the buffers), with every
        // latency figure (the search computed only the p99s it was limited by). A fixed batch whose step the
        // search lowered last (one parallelism given, or the best one tried last) was lowered in full already.
        const bool single = s.batch > 0 && best->complete && (!parallelism_open(s) || best->lowered_last);
        if (!single) *best = engine.at(best->par, best->fit, best->batch, ev.decode, scratch);
        if (ws.views) {
            lower_one_prompt(s, engine, *best, ev.prefill);
        } else {
            ev.prefill.templates.clear();
            ev.prefill.layer_template.clear();
            ev.prefill.template_layers.clear();
            ev.prefill.time_s = ev.prefill.flops = ev.prefill.bytes = ev.prefill.network_bytes = 0;
        }
        if (s.prefill_steps == PrefillSteps::separate && best->step.decode_t > 0)
            engine.lower_prompt_step(*best, ev.prompt_step);
        else if (!ev.prompt_step.templates.empty())
            ev.prompt_step = {};
        fill_serving(engine, s, *best, ev);
        if (s.offline_run()) {
            // A run of s.requests requests: the tail in which the batch drains counts.
            ServingResult& sv = ev.serving;
            sv.throughput_tokens_per_s = engine.run_throughput(*best, scratch);
            sv.throughput_tokens_per_s_per_chip = sv.throughput_tokens_per_s / s.chips;
            sv.requests_per_s = sv.throughput_tokens_per_s / s.output_len;
        }
        if (best->lat.slots_full)
            ev.add_warning({"Warning",
                            SCV_TR("Warning", "serving: at batch %1 the requests in flight fill all %2 slots of a replica "
                                              "(what its memory or max_batch holds), so arrivals queue without "
                                              "bound and TTFT is unbounded (more chips per replica, shorter "
                                              "requests or a higher max_batch)"),
                            {std::to_string(best->batch), std::to_string(best->fit.max_batch)}});
        else if (!best->lat.stable)
            ev.add_warning({"Warning",
                            SCV_TR("Warning", "serving: at batch %1 prompts arrive faster than the steps' token budget "
                                              "takes them; TTFT grows without bound (lower the batch or raise "
                                              "max_tokens_per_step)"),
                            {std::to_string(best->batch)}});
        else if (s.has_limits() && !best->meets)
            ev.add_warning(s.batch > 0 ? Message{"Warning", SCV_TR("Warning", "slo: batch %1 misses the latency limits"),
                                                 {std::to_string(s.batch)}}
                                       : Message{"Warning",
                                                 SCV_TR("Warning", "slo: the latency limits are missed even at batch 1"),
                                                 {}});
    } else {
        fill_peaks(chip, chip_rates(chip), ev, ws.views);
        ev.prefill = {};
        ev.decode = {};
        ws.lowering.clear();
        auto st = evaluate_disaggregated(chip, model, s, companions, draft, ev);
        if (!st) return st.error();
    }
    ServingResult& sv = ev.serving;
    if (!std::isfinite(sv.throughput_tokens_per_s) || sv.throughput_tokens_per_s <= 0 || !std::isfinite(sv.tpot_s))
        return Error{"chip '" + chip.id + "', model '" + model.id + "': the evaluation produced a non-finite result"};
    return Ok{};
}

Result<Evaluation> evaluate(const ChipSpec& chip, const ModelSpec& model, const Scenario& s,
                            const Companions& companions) {
    EvalWorkspace ws;
    // The search's scratch step is not returned: its storage stays with the thread for the next call.
    thread_local PhaseResult spare_scratch;
    std::swap(ws.scratch, spare_scratch);
    ws.keep_steps = false;  // one evaluation: nothing to retime later
    auto st = evaluate_into(chip, model, s, companions, ws);
    std::swap(ws.scratch, spare_scratch);
    if (!st) return st.error();
    return std::move(ws.ev);
}

}  // namespace scoville
