#include "core/perf/serving.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace scoville {

double normal_quantile(double p) {
    // Acklam's algorithm: rational approximations in a central region and two tails.
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    if (p <= 0) return -std::numeric_limits<double>::infinity();
    if (p >= 1) return std::numeric_limits<double>::infinity();
    constexpr double lo = 0.02425, hi = 1 - lo;
    if (p < lo) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > hi) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double spec_tokens_per_step(int drafts, double accept) {
    if (drafts <= 0) return 1.0;
    if (accept >= 1.0) return drafts + 1.0;
    return (1.0 - std::pow(accept, drafts + 1)) / (1.0 - accept);
}

double spec_tokens_variance(int drafts, double accept) {
    if (drafts <= 0 || accept <= 0 || accept >= 1) return 0.0;
    // X = 1 + number of leading accepted drafts (at most K): P(X >= j + 1) = a^j for j = 0..K.
    double mean = 0, second = 0;
    for (int j = 1; j <= drafts + 1; ++j) {
        const double p = std::pow(accept, j - 1) * (j <= drafts ? (1.0 - accept) : 1.0);
        mean += j * p;
        second += static_cast<double>(j) * j * p;
    }
    return std::max(0.0, second - mean * mean);
}

namespace {

// A length distribution as weighted points: bins of probability finer towards the upper tail, each
// at its middle quantile of a lognormal with the given mean and coefficient of variation.
struct Point {
    double value, weight;
};
constexpr std::array<double, 10> kEdges = {0.0, 0.5, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.999, 1.0};
using Points = std::array<Point, kEdges.size() - 1>;

// Output lengths: finer towards both tails (the shortest requests' TPOT spreads most).
constexpr std::array<double, 17> kOutputEdges = {0.0,  0.001, 0.005, 0.01, 0.025, 0.05,  0.1,   0.2,  0.5,
                                                 0.8,  0.9,   0.95,  0.975, 0.99, 0.995, 0.999, 1.0};
using OutputPoints = std::array<Point, kOutputEdges.size() - 1>;

template <size_t N>
size_t length_points(double mean, double cv, const std::array<double, N>& edges, std::array<Point, N - 1>& out) {
    if (cv <= 0) {
        out[0] = {mean, 1.0};
        return 1;
    }
    const double s2 = std::log(1.0 + cv * cv);
    const double mu = std::log(mean) - s2 / 2, sigma = std::sqrt(s2);
    for (size_t i = 0; i + 1 < edges.size(); ++i) {
        const double mid = (edges[i] + edges[i + 1]) / 2;
        out[i] = {std::exp(mu + sigma * normal_quantile(mid)), edges[i + 1] - edges[i]};
    }
    return out.size();
}

// The same bins at measured quantiles: each bin at its middle probability on their quantile function
// (quantiles_at), the whole scaled so the points' mean is `mean`.
template <size_t N>
size_t quantile_points(double mean, const LengthQuantiles& q, const std::array<double, N>& edges,
                       std::array<Point, N - 1>& out) {
    double sum = 0;
    for (size_t i = 0; i + 1 < edges.size(); ++i) {
        out[i] = {quantiles_at(q, (edges[i] + edges[i + 1]) / 2), edges[i + 1] - edges[i]};
        sum += out[i].value * out[i].weight;
    }
    for (size_t i = 0; i + 1 < edges.size(); ++i) out[i].value *= mean / sum;
    return out.size();
}

// The x in [lo, hi] where a decreasing survival function equals `tail`, when it is known to lie
// there: regula falsi with the Illinois step (a few evaluations where bisection takes twenty).
template <typename F>
double root_between(F survival, double tail, double lo, double hi) {
    double f_lo = survival(lo) - tail, f_hi = survival(hi) - tail;
    if (!(f_lo > 0)) return lo;
    if (!(f_hi < 0)) return hi;
    int side = 0;
    for (int i = 0; i < 100 && hi - lo > 2e-5 * hi; ++i) {
        const double x = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
        const double f = survival(x) - tail;
        if (f == 0) return x;
        if (f > 0) {
            lo = x;
            f_lo = f;
            if (side == 1) f_hi /= 2;
            side = 1;
        } else {
            hi = x;
            f_hi = f;
            if (side == -1) f_lo /= 2;
            side = -1;
        }
    }
    return (lo + hi) / 2;
}

// The x where a decreasing survival function equals `tail`, given with its slope ({S(x), S'(x)}):
// `hint` is doubled until the survival there is below the tail, then Newton's steps close in, kept
// inside the bracket (a step that leaves it halves the bracket instead), a few evaluations in all.
struct Slope {
    double value, slope;
};
template <typename F>
double quantile_by_newton(F survival, double tail, double hint) {
    double lo = 0, hi = std::max(hint, 1e-9);
    Slope at = survival(hi);
    for (int i = 0; i < 200 && at.value > tail; ++i) {
        lo = hi;
        hi *= 2;
        at = survival(hi);
    }
    if (at.value > tail) return hi;
    double x = hi;
    for (int i = 0; i < 100; ++i) {
        const double f = at.value - tail;
        if (f == 0) return x;
        if (f > 0) lo = x;
        else hi = x;
        double next = at.slope < 0 ? x - f / at.slope : (lo + hi) / 2;
        if (!(next > lo && next < hi)) next = (lo + hi) / 2;
        if (std::fabs(next - x) <= 1e-7 * next || hi - lo <= 1e-7 * hi) return next;
        x = next;
        at = survival(x);
    }
    return x;
}

double upper_normal(double z) { return 0.5 * std::erfc(z / std::sqrt(2.0)); }

// A utilisation this close to 1 is a full one: where the load equals the capacity, as a server whose requests keep
// every slot busy, the rounding of a step's time alone would otherwise decide between a queue without bound and a
// wait of 1e17 s.
constexpr double kSaturated = 1.0 - 1e-9;

}  // namespace

double erlang_c(double servers, double load) {
    if (load <= 0) return 0.0;
    if (load >= servers) return 1.0;
    // Erlang B by its stable recursion over whole servers, 1/B(k) = 1 + (k/A) / B(k-1), then
    // C = c B / (c - A (1 - B)); a fractional server count is interpolated between its neighbours (the
    // recursion's last step gives the upper one).
    // Below k0 = A - 8 sqrt(A) servers nearly all are busy and B(k) is 1 - k / A; the recursion forgets
    // where it started by a factor k / A a step, e^-32 by k = A, so it starts there: O(sqrt(A) + c - A) steps
    // instead of O(c), the same result in double precision for the c > A asked here. Once B is below
    // 1e-30 an arrival all but never waits, and the rest of the recursion is not run.
    // Four steps at a time: 1/B(k+4) = p + q / B(k), where p and q do not depend on B, so only one
    // multiply-add a block waits for the one before it (a search over a large system's deployments asks
    // for Erlang C some ten thousand times an evaluation, at hundreds of steps each).
    const int lo = static_cast<int>(std::floor(servers));
    const double f = servers - lo;
    int k = 0;
    double inv = 1.0;  // 1 / B(k)
    if (const double start = load - 8.0 * std::sqrt(load); start > 1.0 && start < lo + 1) {
        k = static_cast<int>(start);
        inv = load / (load - k);
    }
    for (; k + 4 <= lo; k += 4) {
        const double r1 = (k + 1) / load, r2 = (k + 2) / load, r3 = (k + 3) / load, r4 = (k + 4) / load;
        inv = 1.0 + r4 * (1.0 + r3 * (1.0 + r2)) + r4 * r3 * r2 * r1 * inv;
        if (inv > 1e30) return 0.0;
    }
    for (++k; k <= lo; ++k) {
        inv = 1.0 + k / load * inv;
        if (inv > 1e30) return 0.0;
    }
    const double b = 1.0 / inv;
    auto wait = [load](int c, double bc) { return load >= c ? 1.0 : c * bc / (c - load * (1.0 - bc)); };
    if (!(f > 0)) return wait(lo, b);
    const double next = load * b / (lo + 1 + load * b);
    return (1 - f) * wait(lo, b) + f * wait(lo + 1, next);
}

Latencies stream_latencies(const StreamModel& m) {
    Latencies out;
    const double t = std::max(m.step_s, 1e-12);
    const double tau = std::max(1.0, m.tokens_per_step);

    // --- TTFT -------------------------------------------------------------------------------------
    // Prompt steps of their own: the prompts that arrived during a block (n on average) run in one
    // step at its end (several past the token budget).
    const double block_s = t * std::max(1.0, m.admit_steps);
    const double block_prompts = m.arrivals_per_s * block_s;
    const double room = std::max(m.prefill_room, 1e-9);  // separate: the token budget of a prompt step
    auto prompt_step = [&](double tokens) {
        return std::max(1.0, tokens / room) * m.prompt_step_fixed_s + m.prompt_step_slope_s * tokens;
    };
    const double t_full = m.separate_prefill ? prompt_step(room)
                                             : t + m.prefill_slope_s * std::max(0.0, room - m.prefill_per_step);
    const double capacity = room / t_full;  // prompt tokens per second when prompts queue
    const double rho = m.arrivals_per_s * m.input_len / capacity;
    out.prefill_utilisation = rho;
    Points in{};
    const size_t n_in = length_points(m.input_len, m.input_cv, kEdges, in);
    double mean_own = 0;
    std::array<double, kEdges.size()> own{};
    for (size_t i = 0; i < n_in; ++i) {
        const double len = in[i].value;
        // Separate: the step of its prompt and of the others that arrived in its block.
        own[i] = m.separate_prefill
                     ? prompt_step(block_prompts * m.input_len + len)
                     : std::max(t + m.prefill_slope_s * std::max(0.0, len - m.prefill_per_step), len / capacity);
        mean_own += in[i].weight * own[i];
    }
    double wait_mean = 0, theta = 0;
    if (rho >= kSaturated) {
        out.stable = false;
        wait_mean = std::numeric_limits<double>::infinity();
    } else if (rho > 0) {
        const double es2 = m.input_len * m.input_len * (1.0 + m.input_cv * m.input_cv) / (capacity * capacity);
        wait_mean = m.arrivals_per_s * es2 / (2.0 * (1.0 - rho));
        theta = wait_mean > 0 ? rho / wait_mean : 0;
    }
    // Requests in flight (open loop): a step slows with them (t = a + b N), so their count varies
    // `gain` = t / a times more than the arrivals alone make it, and relaxes that much more slowly.
    const double flight_gain = [&] {
        if (!(m.slots > 0 && m.holding_s > 0 && m.decode_slope_s > 0)) return 1.0;
        const double in_flight = m.arrivals_per_s * m.holding_s;
        const double fixed = t - m.decode_slope_s * in_flight;
        return fixed > 0 ? std::min(t / fixed, 1.0 + in_flight) : 1.0 + in_flight;
    }();
    // Waiting for a slot: with probability P_wait an exponential wait. Erlang C (M/M/c) where the count
    // varies as the arrivals make it; with the gain g, the count's spread about the load A is sqrt(g) times
    // wider and it drifts back g times more slowly: Erlang C of c / g servers at A / g erlangs (the same
    // (c - A) / sqrt(g A) in the Halfin-Whitt sense), and a wait of rate (c - A) / (g hold).
    double p_slot = 0, slot_rate = 0;
    if (m.slots > 0 && m.holding_s > 0) {
        const double load = m.arrivals_per_s * m.holding_s;
        if (load >= m.slots * kSaturated) {
            out.stable = false;
            out.slots_full = true;
        } else {
            p_slot = erlang_c(m.slots / flight_gain, load / flight_gain);
            slot_rate = (m.slots - load) / (m.holding_s * flight_gain);
        }
    }
    out.slot_wait_probability = p_slot;
    if (!out.stable) {
        out.ttft_mean_s = out.ttft_p50_s = out.ttft_p99_s = std::numeric_limits<double>::infinity();
    } else {
        // P(W > w): 1 below 0, rho exp(-theta w) above; averaged over the residual R ~ U(0, r) of
        // the running step (r = t) or scheduling block (r = admit_steps x t): (1/r) x integral of
        // P(W > w) for w in [u - r, u], with u = x - c and c the rest of the latency (own prefill,
        // transfer, slot wait). In closed form:
        //   u <= 0: 1;   0 < u < r: (r - u + rho/theta (1 - e^-theta u)) / r;
        //   u >= r: rho/theta e^-theta u (e^theta r - 1) / r.
        // e^-theta u = e^-theta x e^theta c, so one exp per x serves every c.
        struct Shift {
            double c, weight, e_c;  // e_c = e^(theta c), or 0 when it would overflow (then computed per x)
        };
        // Per length: itself and 16 slot waits (only the first n_shift are written and read).
        std::array<Shift, (kEdges.size() - 1) * 17> shifts;
        size_t n_shift = 0;
        // The slot wait convolved by quadrature: equal-probability points of its exponential.
        const int slot_points = p_slot > 1e-9 ? 16 : 0;
        auto add = [&](double c, double w) {
            const double e = theta * c;
            shifts[n_shift++] = {c, w, e < 600 ? std::exp(e) : 0.0};
        };
        for (size_t i = 0; i < n_in; ++i) {
            const double c = own[i] + m.extra_ttft_s;
            add(c, in[i].weight * (1.0 - p_slot));
            for (int k = 0; k < slot_points; ++k) {
                const double u = (k + 0.5) / slot_points;
                add(c - std::log(1.0 - u) / slot_rate, in[i].weight * p_slot / slot_points);
            }
        }
        const double r = t * std::max(1.0, m.admit_steps);
        const double scale = theta > 0 ? rho / theta : 0.0;
        const double tail = theta > 0 ? std::expm1(theta * r) : 0.0;
        // With its slope: -1 + scale theta e^-theta u inside the residual's span, -theta scale e^-theta u
        // (e^theta r - 1) beyond it, 0 before it.
        auto survival = [&](double x) {
            const double ex = theta > 0 ? std::exp(-theta * x) : 0.0;
            double s = 0, ds = 0;
            for (size_t j = 0; j < n_shift; ++j) {
                const Shift& sh = shifts[j];
                const double u = x - sh.c;
                if (u <= 0) {
                    s += sh.weight;
                    continue;
                }
                const double e_u = theta > 0 ? (sh.e_c > 0 ? ex * sh.e_c : std::exp(-theta * u)) : 0.0;
                if (u < r) {
                    s += sh.weight * (r - u + scale * (1.0 - e_u)) / r;
                    ds += sh.weight * (scale * theta * e_u - 1.0) / r;
                } else {
                    s += sh.weight * scale * e_u * tail / r;
                    ds -= sh.weight * theta * scale * e_u * tail / r;
                }
            }
            return Slope{s, ds};
        };
        const double slot_mean = slot_rate > 0 ? p_slot / slot_rate : 0.0;
        const double hint = r + mean_own + wait_mean * 10 + m.extra_ttft_s + slot_mean * 10;
        out.ttft_mean_s = r / 2 + wait_mean + mean_own + m.extra_ttft_s + slot_mean;
        if (m.want_ttft) {
            if (m.want_median) out.ttft_p50_s = quantile_by_newton(survival, 0.5, hint);
            out.ttft_p99_s = quantile_by_newton(survival, 0.01, hint);
        }
    }

    // --- TPOT -------------------------------------------------------------------------------------
    const double mu = t / tau;
    OutputPoints outp{};
    const size_t n_out = m.output_quantiles && m.output_quantiles->size() >= 2
                             ? quantile_points(m.output_len, *m.output_quantiles, kOutputEdges, outp)
                             : length_points(m.output_len, m.output_cv, kOutputEdges, outp);
    const double e_i2 = m.input_len * m.input_len * (1.0 + m.input_cv * m.input_cv);
    // Separate prompt steps: a block's prompt time X = fixed x [N >= 1] + slope x (the N prompts' tokens),
    // N Poisson with mean n: Var X = fixed^2 q (1 - q) + slope^2 n E[L^2] + 2 fixed slope n E[L] (1 - q),
    // q = 1 - e^-n.
    double block_var = 0;
    if (m.separate_prefill) {
        const double q = -std::expm1(-block_prompts);
        const double fixed = m.prompt_step_fixed_s, slope = m.prompt_step_slope_s;
        block_var = fixed * fixed * q * (1 - q) + slope * slope * block_prompts * e_i2 +
                    2 * fixed * slope * block_prompts * m.input_len * (1 - q);
    }
    // Requests in flight (open loop): their variance and correlation time, amplified by t / a.
    double flight_var = 0, flight_tc = 0;
    if (m.slots > 0 && m.holding_s > 0 && m.decode_slope_s > 0) {
        flight_var = m.arrivals_per_s * m.holding_s * flight_gain;
        flight_tc = m.holding_s * flight_gain;
    }
    std::array<double, kOutputEdges.size()> sigma{};
    std::array<double, kOutputEdges.size()> weight{};
    std::array<double, kOutputEdges.size()> late{};  // of a length's TPOT: the block end's share per wasted step
    // Blocks of k steps (multi-step scheduling) hand their tokens back at the block's end: a request that
    // joined at a block's start and finishes after s steps is done at ceil(s / k) x k, e = k - 1 - ((s - 1) mod
    // k) steps later, uniform over 0..k-1 across the requests of one length bin. Its TPOT is
    // mu (1 + e / s); the mixture over e is taken at up to kLatePoints equal-probability points.
    const double block = std::max(1.0, std::round(m.admit_steps));
    constexpr int kLatePoints = 4;
    const int late_points = block > 1 ? static_cast<int>(std::min<double>(kLatePoints, block)) : 1;
    std::array<double, kLatePoints> wasted{};  // steps
    for (int i = 0; i < late_points; ++i)
        wasted[i] = late_points == block ? i : (block - 1) * (i + 0.5) / late_points;
    double mean_wasted = 0;
    for (int i = 0; i < late_points; ++i) mean_wasted += wasted[i] / late_points;
    double total_w = 0, mean_tpot = 0;
    for (size_t j = 0; j < n_out; ++j) {
        // TPOT counts the tokens after the first: (latency - TTFT) / (output - 1), as MLPerf does.
        const double later = outp[j].value - 1.0;
        weight[j] = later >= 1.0 ? outp[j].weight : 0.0;
        total_w += weight[j];
        const double steps = std::max(1.0, later / tau);
        // The prompt tokens arriving during the request spread its steps: in its own steps (mixed), or
        // in the prompt steps at the ends of its blocks, which also run or not (separate).
        const double prefill_sd = m.separate_prefill
                                      ? std::sqrt(steps / std::max(1.0, m.admit_steps) * block_var) / steps
                                      : m.prefill_slope_s * std::sqrt(m.arrivals_per_s * steps * t * e_i2) / steps;
        double rel2 = (prefill_sd / t) * (prefill_sd / t) + m.tokens_per_step_var / (tau * tau * steps);
        if (flight_var > 0) {
            const double y = steps * t / flight_tc;
            const double g = y > 1e-6 ? 2.0 * (y - 1.0 + std::exp(-y)) / (y * y) : 1.0;
            const double flight_sd = m.decode_slope_s * std::sqrt(flight_var * g);
            rel2 += (flight_sd / t) * (flight_sd / t);
        }
        sigma[j] = mu * std::sqrt(rel2);
        if (late_points > 1) {
            late[j] = mu / steps;
            mean_tpot += weight[j] * mu * (1.0 + mean_wasted / steps);
        }
    }
    if (total_w <= 0) {  // every request makes one token: no TPOT spread to speak of
        weight[0] = total_w = 1;
        sigma[0] = 0;
        late[0] = 0;
        mean_tpot = mu;  // (the wait for a block's end needs a token after the first)
    }
    out.tpot_mean_s = late_points > 1 ? mean_tpot / total_w : mu;
    auto tpot_survival = [&](double x) {
        double s = 0;
        for (size_t j = 0; j < n_out; ++j) {
            if (weight[j] <= 0) continue;
            if (late_points == 1) {
                s += weight[j] * (sigma[j] > 0 ? upper_normal((x - mu) / sigma[j]) : (x < mu ? 1.0 : 0.0));
                continue;
            }
            double sj = 0;
            for (int i = 0; i < late_points; ++i) {
                const double centre = mu + late[j] * wasted[i];
                sj += sigma[j] > 0 ? upper_normal((x - centre) / sigma[j]) : (x < centre ? 1.0 : 0.0);
            }
            s += weight[j] * sj / late_points;
        }
        return s / total_w;
    };
    if (m.want_tpot) {
        size_t live = 0, only = 0;
        double sigma_max = 0;
        for (size_t j = 0; j < n_out; ++j)
            if (weight[j] > 0) {
                ++live;
                only = j;
                sigma_max = std::max(sigma_max, sigma[j]);
            }
        const double z99 = normal_quantile(0.99);
        if (late_points == 1) {
            // Every length's TPOT is a normal centred on mu, so the median is mu, and the p99 lies between
            // the p99s of the narrowest and the widest of them (a survival mixing them is bracketed by theirs).
            out.tpot_p50_s = mu;
            if (live == 1) {
                out.tpot_p99_s = mu + z99 * sigma[only];
            } else {
                double sigma_min = sigma_max;
                for (size_t j = 0; j < n_out; ++j)
                    if (weight[j] > 0) sigma_min = std::min(sigma_min, sigma[j]);
                out.tpot_p99_s = root_between(tpot_survival, 0.01, mu + z99 * sigma_min, mu + z99 * sigma_max);
            }
        } else {
            // Normals centred from mu to mu + the latest block end of the shortest length: both quantiles
            // lie between mu - z99 sigma_max and that centre + z99 sigma_max.
            double late_max = 0;
            for (size_t j = 0; j < n_out; ++j)
                if (weight[j] > 0) late_max = std::max(late_max, late[j] * wasted[late_points - 1]);
            const double lo = std::max(0.0, mu - z99 * sigma_max), hi = mu + late_max + z99 * sigma_max + 1e-12;
            if (m.want_median) out.tpot_p50_s = root_between(tpot_survival, 0.5, lo, hi);
            out.tpot_p99_s = root_between(tpot_survival, 0.01, lo, hi);
        }
    }
    return out;
}

}  // namespace scoville
