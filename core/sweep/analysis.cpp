#include "core/sweep/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/perf/explain.hpp"
#include "core/physical/design.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"
#include "core/workload/model_keys.hpp"
#include "core/workload/scenario_keys.hpp"

namespace scoville {

namespace {

// What an analysis reads from one evaluation.
struct Reading {
    double objective = 0;
    double area_mm2 = 0, power_w = 0, capex_usd = 0;
};

class Evaluator {
public:
    Evaluator(const DesignPoint& d, const ResultKey& objective, const TechLibrary& tech)
        : d_(d), objective_(objective), tech_(tech) {}

    // The objective with `key` set to `v` (nullopt: the design does not evaluate there, or the
    // objective does not apply).
    std::optional<Reading> at(const SweepKey* key, double v) {
        ChipSpec chip = d_.chip;
        Scenario s = d_.scenario;
        if (key && key->model) {
            // A model of its own for this reading: the workspace's lowered steps and its checks are the
            // design's model's (and a later reading's model may sit at this one's address).
            ModelSpec model = d_.model;
            if (!key->set(chip, model, s, v) || !validate_model(model)) return std::nullopt;
            ws_.forget_model();
            auto r = read(chip, model, s);
            ws_.forget_model();
            return r;
        }
        ModelSpec unused;
        if (key && !key->set(chip, unused, s, v)) return std::nullopt;
        return read(chip, d_.model, s);
    }
    std::optional<Reading> read(const ChipSpec& chip, const ModelSpec& model, const Scenario& s) {
        ++count;
        if (!evaluate_design_into(chip, model, s, tech_, d_.companions, ws_)) return std::nullopt;
        const auto y = objective_.value(ws_.ev);
        if (!y) return std::nullopt;
        const PhysicalResult& ph = ws_.ev.physical;
        // A chip's silicon, all its dies: power and capital are the chip's too, and a key that splits the same
        // silicon over more dies (package.dies) makes each die smaller, not the chip.
        return Reading{*y, ph.package_area_mm2, ph.power_w, ph.capex_usd_per_chip};
    }
    const Evaluation& last() const { return ws_.ev; }
    int count = 0;

private:
    const DesignPoint& d_;
    const ResultKey& objective_;
    const TechLibrary& tech_;
    EvalWorkspace ws_;
};

std::optional<double> ratio(double dy, double dx, double scale) {
    if (!(std::abs(dx) > 1e-9 * std::max(1.0, std::abs(scale)))) return std::nullopt;
    return dy / dx;
}

std::string number(double v) { return format_number("%.4g", v); }

}  // namespace

std::string_view to_string(Exchange exchange) {
    switch (exchange) {
    case Exchange::none: return "";
    case Exchange::trade: return "trade";
    case Exchange::saves: return "saves";
    case Exchange::worse: return "worse";
    case Exchange::no_gain: return "no_gain";
    }
    return "";
}

Exchange exchange_of(const ResultKey& objective, double objective_low, double objective_high,
                     const std::optional<double>& per_unit, double resource_change) {
    if (!per_unit || objective.better == Better::none || resource_change == 0) return Exchange::none;
    // +1: the key's higher value gives the better objective; -1: the worse; 0: the same.
    const int gain = objective.compare(objective_high, objective_low);
    if (resource_change > 0) return gain > 0 ? Exchange::trade : gain < 0 ? Exchange::worse : Exchange::no_gain;
    return gain < 0 ? Exchange::trade : Exchange::saves;
}

Result<KeyGroups> parse_key_groups(std::string_view text) {
    KeyGroups g{false, false, false};
    if (text == "all") return KeyGroups{true, true, true};
    size_t from = 0;
    while (from <= text.size()) {
        const size_t comma = std::min(text.find(',', from), text.size());
        const std::string_view word = text.substr(from, comma - from);
        if (word == "chip") g.chip = true;
        else if (word == "workload") g.workload = true;
        else if (word == "model") g.model = true;
        else
            return Error::of({"Error", SCV_TR("Error", "keys: '%1' is not one of chip, workload, model or all"),
                              {std::string(word)}});
        from = comma + 1;
    }
    return g;
}

std::vector<SweepKey> sensitivity_keys(const DesignPoint& design, KeyGroups groups) {
    std::vector<SweepKey> keys;
    if (groups.chip) {
        for (const ParamInfo& p : chip_params()) {
            // Choices have no step; where the measured times hold moves no design.
            if (p.kind == ParamKind::choice || p.measurement_point) continue;
            SweepKey k;
            k.key = std::string(p.key);
            k.chip = &p;
            keys.push_back(std::move(k));
        }
    }
    if (groups.workload) {
        for (const WorkloadKey& w : workload_keys()) {
            const bool numeric = w.kind == WorkloadKeyKind::integer || w.kind == WorkloadKeyKind::real;
            // The deployment (its chips and degrees, the pools') is a choice, not a quantity to step.
            if (!numeric || w.group == "Parallelism" || w.group == "Disaggregation" ||
                !workload_key_applies(w, design.scenario, design.model))
                continue;
            if (auto k = resolve_sweep_key("workload." + std::string(w.key))) keys.push_back(std::move(*k));
        }
    }
    if (groups.model) {
        for (const ModelKey& m : model_keys()) {
            if (m.kind != ModelKeyKind::integer && m.kind != ModelKeyKind::real) continue;
            // The experts' keys of a dense model, the latent attention's of one without it: nothing to step.
            if ((m.key.starts_with("moe.") && !design.model.is_moe()) ||
                (m.key.starts_with("mla.") && !design.model.is_mla()))
                continue;
            if (auto k = resolve_sweep_key("model." + std::string(m.key))) keys.push_back(std::move(*k));
        }
    }
    return keys;
}

Result<Sensitivity> sensitivity(const DesignPoint& design, const ResultKey& objective, double step,
                                KeyGroups groups) {
    if (!(step > 0 && step < 1))
        return Error::of({"Error", SCV_TR("Error", "sensitivity: step %1 must be in (0, 1)"), {number(step)}});
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    Evaluator ev(design, objective, *tech);
    const auto base = ev.at(nullptr, 0);
    if (!base) {
        // Say why: the design's own error, or the objective that does not apply.
        auto full = evaluate_design(design.chip, design.model, design.scenario, *tech, design.companions);
        if (!full) return Error::of({"Error", SCV_TR("Error", "sensitivity: %1"), {}, {full.error().as_message()}});
        return Error::of({"Error", SCV_TR("Error", "sensitivity: %1 does not apply to this design"),
                          {std::string(objective.key)}});
    }
    Sensitivity out;
    out.objective = &objective;
    out.value = base->objective;
    out.step = step;
    out.bound = std::string(to_string(step_bound(ev.last().decode)));

    for (const SweepKey& key : sensitivity_keys(design, groups)) {
        const double v = key.get(design.chip, design.model, design.scenario);
        if (!(v != 0) || !std::isfinite(v)) continue;
        double lo = 0, hi = 0;
        if (key.integer()) {
            const double d = std::max(1.0, std::round(std::abs(v) * step));
            lo = v - d;
            hi = v + d;
        } else {
            lo = v * (1 - step);
            hi = v * (1 + step);
            if (lo > hi) std::swap(lo, hi);
        }
        lo = std::max(lo, key.min());
        hi = std::min(hi, key.max());
        if (!(hi > lo)) continue;
        auto rl = lo == v ? base : ev.at(&key, lo);
        auto rh = hi == v ? base : ev.at(&key, hi);
        // One side that does not evaluate: a one-sided difference from the design.
        if (!rl && !rh) continue;
        if (!rl) {
            rl = base;
            lo = v;
        }
        if (!rh) {
            rh = base;
            hi = v;
        }
        if (!(hi > lo)) continue;
        SensitivityRow row;
        row.key = key;
        row.value = v;
        row.low = lo;
        row.high = hi;
        row.objective_low = rl->objective;
        row.objective_high = rh->objective;
        const double dy = rh->objective - rl->objective;
        row.elasticity = out.value != 0 ? (dy / out.value) / ((hi - lo) / v) : 0.0;
        if (!std::isfinite(row.elasticity)) continue;
        row.per_mm2 = ratio(dy, rh->area_mm2 - rl->area_mm2, base->area_mm2);
        row.per_w = ratio(dy, rh->power_w - rl->power_w, base->power_w);
        row.per_usd = ratio(dy, rh->capex_usd - rl->capex_usd, base->capex_usd);
        row.exchange_mm2 = exchange_of(objective, rl->objective, rh->objective, row.per_mm2, rh->area_mm2 - rl->area_mm2);
        row.exchange_w = exchange_of(objective, rl->objective, rh->objective, row.per_w, rh->power_w - rl->power_w);
        row.exchange_usd = exchange_of(objective, rl->objective, rh->objective, row.per_usd, rh->capex_usd - rl->capex_usd);
        out.rows.push_back(std::move(row));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const SensitivityRow& a, const SensitivityRow& b) {
        return std::abs(a.elasticity) > std::abs(b.elasticity);
    });
    return out;
}

std::string describe_sensitivity(const Sensitivity& s) {
    if (!s.objective) return "";
    const std::string obj(s.objective->short_label);
    if (s.rows.empty() || s.rows.front().elasticity == 0)
        return obj + " does not move with any parameter within a " + number(s.step * 100) + " % step";
    auto part = [&](const SensitivityRow& r) {
        return std::string(r.key.label()) + " (" + r.key.key + "): +1 % gives " +
               format_number("%+.2f", r.elasticity) + " %";
    };
    std::string text = obj + " (decode " + s.bound + "-bound) is most sensitive to " + part(s.rows.front());
    if (s.rows.size() > 1 && s.rows[1].elasticity != 0) text += "; then " + part(s.rows[1]);
    return text;
}

Result<SeekResult> seek(const DesignPoint& design, const SweepKey& key, const ResultKey& objective, double target,
                        std::optional<double> lo_in, std::optional<double> hi_in) {
    // The GUI shows these translated (Error::of); the command line in English.
    if (!std::isfinite(target)) return Error::of({"Error", SCV_TR("Error", "seek: the target must be a finite number"), {}});
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    Evaluator ev(design, objective, *tech);
    const double start = key.get(design.chip, design.model, design.scenario);
    const auto base = ev.at(nullptr, 0);
    if (!base) {
        auto full = evaluate_design(design.chip, design.model, design.scenario, *tech, design.companions);
        if (!full) return Error::of({"Error", SCV_TR("Error", "seek: %1"), {}, {full.error().as_message()}});
        return Error::of(
            {"Error", SCV_TR("Error", "seek: %1 does not apply to this design"), {std::string(objective.key)}});
    }
    double lo = lo_in.value_or(std::min(key.slider_min(), start));
    double hi = hi_in.value_or(std::max(key.slider_max(), start));
    if (lo_in && hi_in && *lo_in >= *hi_in)
        return Error::of({"Error", SCV_TR("Error", "seek: the range %1:%2 of %3 is empty"),
                          {number(*lo_in), number(*hi_in), key.key}});
    if (lo < key.min() || hi > key.max())
        return Error::of({"Error", SCV_TR("Error", "seek: the range %1:%2 of %3 leaves the key's valid range [%4, %5]"),
                          {number(lo), number(hi), key.key, number(key.min()), number(key.max())}});
    if (key.integer()) {
        lo = std::ceil(lo);
        hi = std::floor(hi);
    }
    if (!(hi > lo)) return Error::of({"Error", SCV_TR("Error", "seek: %1 has no range to search"), {key.key}});

    SeekResult res;
    res.start = start;
    res.start_objective = base->objective;
    const bool up = target >= base->objective;  // the objective must rise to the target
    auto reached = [&](double y) { return up ? y >= target : y <= target; };
    const double tol = 1e-3 * std::max(std::abs(target), 1e-300);
    if (std::abs(base->objective - target) <= tol) {
        res.value = start;
        res.objective = base->objective;
        res.evaluations = ev.count;
        return res;
    }

    // Scan the range (geometric where the key's scale is), the design's value included.
    constexpr int kScan = 32;
    std::vector<double> xs;
    const bool geometric = key.log_scale() && lo > 0;
    for (int i = 0; i <= kScan; ++i) {
        const double t = static_cast<double>(i) / kScan;
        double x = geometric ? lo * std::pow(hi / lo, t) : lo + (hi - lo) * t;
        if (key.integer()) x = std::round(x);
        xs.push_back(x);
    }
    xs.push_back(start);
    std::sort(xs.begin(), xs.end());
    xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
    std::vector<std::pair<double, double>> pts;  // (x, objective) where it evaluates
    for (double x : xs) {
        const auto r = x == start ? base : ev.at(&key, x);
        if (r) pts.emplace_back(x, r->objective);
    }
    // The crossing nearest the design's value: adjacent samples either side of the target, the one
    // on the design's side not yet reaching it.
    std::optional<std::pair<size_t, size_t>> bracket;
    double best_distance = std::numeric_limits<double>::infinity();
    for (size_t i = 0; i + 1 < pts.size(); ++i) {
        for (auto [a, b] : {std::pair{i, i + 1}, std::pair{i + 1, i}}) {
            if (reached(pts[a].second) || !reached(pts[b].second)) continue;
            const double d = std::abs(pts[a].first - start);
            if (d < best_distance) {
                best_distance = d;
                bracket = std::pair{a, b};
            }
        }
    }
    if (!bracket) {
        double ymin = base->objective, ymax = base->objective;
        for (const auto& p : pts) {
            ymin = std::min(ymin, p.second);
            ymax = std::max(ymax, p.second);
        }
        return Error::of({"Error",
                          SCV_TR("Error", "seek: %1 = %2 is unreachable within %3 in [%4, %5]: it ranges from %6 to "
                                          "%7 there (%8 values scanned); widen the range or vary another key"),
                          {std::string(objective.key), number(target), key.key, number(lo), number(hi), number(ymin),
                           number(ymax), std::to_string(pts.size())}});
    }
    // Bisection between a value that does not reach the target and one that does.
    double xa = pts[bracket->first].first, xb = pts[bracket->second].first;
    double yb = pts[bracket->second].second;
    for (int i = 0; i < 80; ++i) {
        if (std::abs(yb - target) <= tol) break;
        double xm = 0.5 * (xa + xb);
        if (key.integer()) {
            if (std::abs(xb - xa) <= 1) break;
            xm = std::round(xm);
            if (xm == xa || xm == xb) break;
        } else if (std::abs(xb - xa) <= 1e-12 * std::max(std::abs(xa), std::abs(xb))) {
            break;
        }
        const auto r = ev.at(&key, xm);
        if (!r) {
            // No evaluation here: shrink from the side that does not evaluate.
            xa = xm;
            continue;
        }
        if (reached(r->objective)) {
            xb = xm;
            yb = r->objective;
        } else {
            xa = xm;
        }
    }
    res.value = xb;
    res.objective = yb;
    res.evaluations = ev.count;
    return res;
}

std::vector<const FrontierPoint*> Frontier::front() const {
    std::vector<const FrontierPoint*> out;
    for (const FrontierPoint& p : points)
        if (p.on_front) out.push_back(&p);
    std::sort(out.begin(), out.end(), [](const FrontierPoint* a, const FrontierPoint* b) {
        return a->tokens_per_s_per_user < b->tokens_per_s_per_user;
    });
    return out;
}

Result<Frontier> interactivity_frontier(const DesignPoint& design, int per_octave) {
    if (per_octave < 1 || per_octave > 16) return Error{"frontier: points per doubling must be in [1, 16]"};
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    Scenario base = design.scenario;
    base.ttft_slo_s.reset();  // the frontier is the trade-off itself: no limits
    base.tpot_slo_s.reset();
    // Tensor-parallel degrees to draw: the one given, or every divisor of the chips that splits the heads.
    // Disaggregated, the batch is the decode pool's and each point takes the best split for it (or the
    // split given); a degree applies to both pools, so it divides each pool's chips (with the split chosen,
    // it leaves room for two pools). Where the prefill pool has a degree of its own (prefill_tp), it applies to
    // the decode pool alone: it divides that pool's chips (a split given), or leaves room beside it for one
    // prefill replica (the split chosen: the pools' chips need not share a divisor then).
    std::vector<int> tps;
    if (base.tp > 0) {
        tps.push_back(base.tp);
    } else {
        const int pp = base.pp > 0 ? base.pp : 1;
        const bool fixed_split = base.prefill_chips > 0 && base.decode_chips > 0;
        const bool own_prefill_tp = base.disaggregated() && base.prefill_tp > 0;
        int divided = (fixed_split ? std::gcd(base.prefill_chips, base.decode_chips) : base.chips) / pp;
        int largest = fixed_split || !base.disaggregated() ? divided : divided / 2;
        bool divides = true;
        if (own_prefill_tp && fixed_split) {
            divided = largest = base.decode_chips / pp;
        } else if (own_prefill_tp) {
            const Scenario prefill = base.prefill_pool_degrees();
            const int replica = prefill.tp * std::max(1, prefill.pp) * std::max(1, prefill.attention_dp);
            largest = (base.chips - replica) / pp;
            divides = false;
        }
        for (int tp = 1; tp <= largest; ++tp)
            if ((!divides || divided % tp == 0) && tp_splits_heads(design.model, tp)) tps.push_back(tp);
    }
    Frontier out;
    out.chip = design.chip.id;
    EvalWorkspace ws;
    std::string first_error;
    for (int tp : tps) {
        Scenario s = base;
        s.tp = tp;
        if (s.pp == 0) s.pp = 1;
        s.batch = 0;
        if (auto st = evaluate_design_into(design.chip, design.model, s, *tech, design.companions, ws); !st) {
            if (first_error.empty()) first_error = st.error().message;
            continue;
        }
        const int max_batch = ws.ev.serving.max_batch;
        std::vector<int> batches;
        for (int i = 0;; ++i) {
            const int b = static_cast<int>(std::lround(std::pow(2.0, static_cast<double>(i) / per_octave)));
            if (b > max_batch) break;
            if (batches.empty() || b != batches.back()) batches.push_back(b);
        }
        if (batches.empty() || batches.back() != max_batch) batches.push_back(max_batch);
        for (int b : batches) {
            s.batch = b;
            if (!evaluate_design_into(design.chip, design.model, s, *tech, design.companions, ws)) continue;
            const ServingResult& sv = ws.ev.serving;
            if (!(sv.tpot_s > 0)) continue;
            FrontierPoint p;
            p.parallelism = sv.parallelism;
            p.batch = sv.batch;
            p.batch_limit = b;
            p.tokens_per_s_per_user = 1.0 / sv.tpot_s;
            p.tokens_per_s_per_chip = sv.throughput_tokens_per_s_per_chip;
            p.ttft_p99_s = sv.ttft_p99_s;
            // A disaggregated decode pool holds what the prefill pool feeds it: past that, a larger batch
            // allowed repeats the point before it.
            if (!out.points.empty()) {
                const FrontierPoint& last = out.points.back();
                if (last.parallelism == p.parallelism && last.batch == p.batch &&
                    last.tokens_per_s_per_user == p.tokens_per_s_per_user &&
                    last.tokens_per_s_per_chip == p.tokens_per_s_per_chip)
                    continue;
            }
            out.points.push_back(p);
        }
    }
    if (out.points.empty())
        return Error{"frontier: " + (first_error.empty() ? "no deployment of the chips serves the model" : first_error)};
    std::vector<std::vector<double>> pts;
    for (const FrontierPoint& p : out.points) pts.push_back({p.tokens_per_s_per_user, p.tokens_per_s_per_chip});
    const Better both[2] = {Better::higher, Better::higher};
    for (size_t i : pareto_front(pts, both)) out.points[i].on_front = true;
    return out;
}

}  // namespace scoville
