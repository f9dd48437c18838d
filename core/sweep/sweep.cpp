#include "core/sweep/sweep.hpp"

#include <omp.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

#include "core/physical/design.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"

namespace scoville {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::string_view kWorkloadPrefix = "workload.";
constexpr std::string_view kModelPrefix = "model.";

// Shortest text that reads back to the same double.
std::string exact(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::optional<double> parse_double(std::string_view t) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (!t.empty() && t.front() == '+') t.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

std::optional<uint64_t> parse_count(std::string_view t) {
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || ec != std::errc() || p != t.data() + t.size()) return std::nullopt;
    return v;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (;;) {
        const size_t i = text.find(sep, start);
        out.push_back(text.substr(start, i == std::string_view::npos ? std::string_view::npos : i - start));
        if (i == std::string_view::npos) break;
        start = i + 1;
    }
    return out;
}

// A choice's index from its name, or a number.
std::optional<double> value_of(const SweepKey& key, std::string_view text) {
    const std::vector<std::string_view>* choices = nullptr;
    if (key.chip && key.chip->kind == ParamKind::choice) choices = &key.chip->choices;
    if (key.workload && key.workload->kind == WorkloadKeyKind::choice) choices = &key.workload->choices;
    if (key.model && key.model->kind == ModelKeyKind::choice) choices = &key.model->choices;
    if (choices)
        for (size_t i = 0; i < choices->size(); ++i)
            if ((*choices)[i] == text) return static_cast<double>(i);
    return parse_double(text);
}

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

// Splits one CSV line (quotes as written by csv_field).
std::vector<std::string> csv_fields(std::string_view line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                out.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                out.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.emplace_back();
        } else {
            out.back() += c;
        }
    }
    return out;
}

}  // namespace

std::string_view to_string(PointStatus s) {
    switch (s) {
    case PointStatus::ok: return "ok";
    case PointStatus::violates: return "violates";
    case PointStatus::failed: return "failed";
    }
    return "failed";
}

std::optional<PointStatus> parse_point_status(std::string_view text) {
    for (PointStatus s : {PointStatus::ok, PointStatus::violates, PointStatus::failed})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

// --- Keys ---------------------------------------------------------------------------------------

bool SweepKey::integer() const {
    if (chip) return chip->kind != ParamKind::real;
    if (model) return model->kind != ModelKeyKind::real;
    return workload->kind == WorkloadKeyKind::integer || workload->kind == WorkloadKeyKind::choice;
}
double SweepKey::min() const {
    if (chip) return chip->min;
    if (model) return model->min;
    return workload->kind == WorkloadKeyKind::limit ? 1e-9 : workload->min;
}
double SweepKey::max() const { return chip ? chip->max : model ? model->max : workload->max; }
double SweepKey::slider_min() const { return chip ? chip->slider_min : min(); }
double SweepKey::slider_max() const { return chip ? chip->slider_max : max(); }
bool SweepKey::log_scale() const {
    if (chip) return chip->log_scale;
    if (model) return model->kind == ModelKeyKind::integer && min() > 0 && max() / min() > 1000;
    return workload->kind != WorkloadKeyKind::choice && min() > 0 && max() / min() > 1000;
}
std::string_view SweepKey::label() const { return chip ? chip->label : model ? model->label : workload->label; }
std::string_view SweepKey::unit() const { return chip ? chip->unit : model ? model->unit : workload->unit; }

double SweepKey::get(const ChipSpec& c, const ModelSpec& m, const Scenario& s) const {
    if (chip) return chip->get(c);
    if (model) return model->get(m);
    const std::string text = workload->get(s);
    if (workload->kind == WorkloadKeyKind::limit && text.empty()) return 0.0;
    return value_of(*this, text).value_or(0.0);
}

std::string SweepKey::value_text(double v) const {
    if (chip && chip->kind == ParamKind::choice) {
        const auto i = static_cast<size_t>(std::lround(v));
        if (i < chip->choices.size()) return std::string(chip->choices[i]);
    }
    if (workload && workload->kind == WorkloadKeyKind::choice) {
        const auto i = static_cast<size_t>(std::lround(v));
        if (i < workload->choices.size()) return std::string(workload->choices[i]);
    }
    if (model && model->kind == ModelKeyKind::choice) {
        const auto i = static_cast<size_t>(std::lround(v));
        if (i < model->choices.size()) return std::string(model->choices[i]);
    }
    return exact(v);
}

Status SweepKey::set(ChipSpec& c, ModelSpec& m, Scenario& s, double v) const {
    if (chip) {
        if (auto st = check_param(*chip, v); !st) return st;
        chip->set(c, v);
        return Ok{};
    }
    if (model) {
        if (!(v >= model->min && v <= model->max))
            return Error{"key '" + key + "': " + exact(v) + " is out of range [" + exact(model->min) + ", " +
                         exact(model->max) + "]"};
        model->set(m, v);
        return Ok{};
    }
    return set_workload_text(s, key.substr(kWorkloadPrefix.size()), value_text(v));
}

Result<SweepKey> resolve_sweep_key(std::string_view key) {
    SweepKey k;
    k.key = std::string(key);
    if (key.starts_with(kModelPrefix)) {
        k.model = find_model_key(key.substr(kModelPrefix.size()));
        if (!k.model) return Error{"key '" + k.key + "': no such model key (e.g. model.layers, model.moe.experts)"};
        return k;
    }
    if (key.starts_with(kWorkloadPrefix)) {
        const std::string_view name = key.substr(kWorkloadPrefix.size());
        k.workload = find_workload_key(name);
        if (!k.workload) return Error{"key '" + k.key + "': no such workload key"};
        if (k.workload->kind == WorkloadKeyKind::text)
            return Error{"key '" + k.key + "': a text key cannot be varied"};
        return k;
    }
    k.chip = find_param(key);
    if (!k.chip) {
        std::string hint;
        if (find_workload_key(key)) hint = " (a workload key is written workload." + k.key + ")";
        return Error{"key '" + k.key + "': no such chip, economics or workload key" + hint};
    }
    return k;
}

// --- Axes and constraints -----------------------------------------------------------------------

Result<Axis> parse_axis(std::string_view text) {
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return Error{"--vary '" + std::string(text) + "': expected KEY=START:STOP:STEPS[:log] or KEY=V1,V2,..."};
    auto key = resolve_sweep_key(text.substr(0, eq));
    if (!key) return Error{"--vary: " + key.error().message};
    Axis axis{std::move(*key), {}};
    const std::string_view spec = text.substr(eq + 1);
    const std::string& name = axis.key.key;
    if (spec.empty()) return Error{"--vary " + name + ": no values"};
    const auto colon = split(spec, ':');
    if (colon.size() >= 3) {
        if (colon.size() > 4 || (colon.size() == 4 && colon[3] != "log" && colon[3] != "lin"))
            return Error{"--vary " + name + ": '" + std::string(spec) +
                         "' is not START:STOP:STEPS or START:STOP:STEPS:log"};
        const auto start = value_of(axis.key, colon[0]);
        const auto stop = value_of(axis.key, colon[1]);
        if (!start || !stop)
            return Error{"--vary " + name + ": '" + std::string(!start ? colon[0] : colon[1]) + "' is not a number"};
        long long steps = 0;
        auto [p, ec] = std::from_chars(colon[2].data(), colon[2].data() + colon[2].size(), steps);
        if (colon[2].empty() || ec != std::errc() || p != colon[2].data() + colon[2].size())
            return Error{"--vary " + name + ": steps '" + std::string(colon[2]) + "' is not a whole number"};
        if (steps <= 0) return Error{"--vary " + name + ": steps must be at least 1, got " + std::to_string(steps)};
        if (steps > 100000000) return Error{"--vary " + name + ": " + std::to_string(steps) + " steps is more than 1e8"};
        if (steps > 1 && *start == *stop)
            return Error{"--vary " + name + ": the range " + std::string(colon[0]) + ":" + std::string(colon[1]) +
                         " is empty (start = stop) but asks for " + std::to_string(steps) + " steps"};
        const bool log = colon.size() == 4 && colon[3] == "log";
        if (log && (*start <= 0 || *stop <= 0))
            return Error{"--vary " + name + ": a log range needs positive ends, got " + std::string(colon[0]) + ":" +
                         std::string(colon[1])};
        axis.values.reserve(static_cast<size_t>(steps));
        for (long long i = 0; i < steps; ++i) {
            const double t = steps == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(steps - 1);
            double v = log ? *start * std::pow(*stop / *start, t) : *start + (*stop - *start) * t;
            if (i == steps - 1) v = *stop;  // exact ends
            if (i == 0) v = *start;
            axis.values.push_back(v);
        }
    } else if (colon.size() == 1) {
        for (std::string_view part : split(spec, ',')) {
            const auto v = value_of(axis.key, part);
            if (!v) return Error{"--vary " + name + ": '" + std::string(part) + "' is not a number" +
                                 (axis.key.integer() && !axis.key.is_chip() ? "" : " or a choice of the key")};
            axis.values.push_back(*v);
        }
    } else {
        return Error{"--vary " + name + ": '" + std::string(spec) + "' is not START:STOP:STEPS[:log] or V1,V2,..."};
    }
    if (axis.key.integer()) {
        // Whole-number keys: round, and keep each value once (in order).
        std::vector<double> kept;
        std::set<double> seen;
        for (double v : axis.values) {
            const double r = std::round(v);
            if (seen.insert(r).second) kept.push_back(r);
        }
        axis.values = std::move(kept);
    }
    for (double v : axis.values) {
        if (v < axis.key.min() || v > axis.key.max())
            return Error{"--vary " + name + ": " + axis.key.value_text(v) + " is outside the key's range [" +
                         format_number(axis.key.min()) + ", " + format_number(axis.key.max()) + "]" +
                         (axis.key.unit().empty() ? "" : " " + std::string(axis.key.unit()))};
    }
    return axis;
}

bool Constraint::met(const Evaluation& ev) const {
    if (op == Op::fits_reticle || op == Op::fits_memory) {
        const std::string_view prefix = op == Op::fits_reticle ? "reticle:" : "hbm:";
        return !ev.has_warning(prefix);
    }
    const auto v = key->value(ev);
    if (!v) return false;
    switch (op) {
    case Op::le: return *v <= value;
    case Op::ge: return *v >= value;
    case Op::lt: return *v < value;
    case Op::gt: return *v > value;
    case Op::fits_reticle:
    case Op::fits_memory: break;
    }
    return false;
}

Result<Constraint> parse_constraint(std::string_view text) {
    Constraint c;
    c.text = std::string(text);
    if (text == "fits_reticle" || text == "fits_memory") {
        c.op = text == "fits_reticle" ? Constraint::Op::fits_reticle : Constraint::Op::fits_memory;
        return c;
    }
    struct Sym {
        std::string_view s;
        Constraint::Op op;
    };
    constexpr Sym syms[] = {{"<=", Constraint::Op::le}, {">=", Constraint::Op::ge}, {"<", Constraint::Op::lt},
                            {">", Constraint::Op::gt}};
    for (const Sym& sym : syms) {
        const size_t at = text.find(sym.s);
        if (at == std::string_view::npos) continue;
        std::string_view name = text.substr(0, at);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        c.key = find_result_key(name);
        if (!c.key)
            return Error{"--constraint '" + c.text + "': '" + std::string(name) +
                         "' is not a result key (see eval --format json)"};
        const auto v = parse_double(text.substr(at + sym.s.size()));
        if (!v)
            return Error{"--constraint '" + c.text + "': '" + std::string(text.substr(at + sym.s.size())) +
                         "' is not a number"};
        c.op = sym.op;
        c.value = *v;
        return c;
    }
    return Error{"--constraint '" + c.text +
                 "': expected KEY<=VALUE, KEY>=VALUE, KEY<VALUE, KEY>VALUE, fits_reticle or fits_memory"};
}

// --- Grid and shards ----------------------------------------------------------------------------

std::vector<Message> inert_axes(const SweepSpec& spec) {
    std::vector<Message> out;
    for (size_t a = 0; a < spec.axes.size(); ++a) {
        const WorkloadKey* key = spec.axes[a].key.workload;
        if (!key || !key->applies) continue;
        // The other axes' values to try: all of them where their combinations are few, else their ends.
        uint64_t combinations = 1;
        for (size_t b = 0; b < spec.axes.size(); ++b)
            if (b != a) combinations = std::min<uint64_t>(combinations * spec.axes[b].values.size(), 1000);
        std::vector<std::vector<double>> tried;
        for (size_t b = 0; b < spec.axes.size(); ++b) {
            const auto& v = spec.axes[b].values;
            if (b == a || v.empty()) tried.push_back({});
            else if (combinations <= 256 || v.size() <= 2) tried.push_back(v);
            else tried.push_back({v.front(), v.back()});
        }
        // Every combination of the values tried, the last axis fastest (one, of none, for a single axis).
        std::vector<size_t> at(spec.axes.size(), 0);
        bool applies = false, done = false;
        while (!applies && !done) {
            ChipSpec chip = spec.chip;
            ModelSpec model = spec.model;
            Scenario s = spec.scenario;
            bool valid = true;
            for (size_t b = 0; b < spec.axes.size(); ++b)
                if (!tried[b].empty()) valid = valid && spec.axes[b].key.set(chip, model, s, tried[b][at[b]]).ok();
            applies = valid && key->applies(s, model);
            done = true;
            for (size_t b = spec.axes.size(); b-- > 0;) {
                if (tried[b].empty()) continue;
                if (++at[b] < tried[b].size()) {
                    done = false;
                    break;
                }
                at[b] = 0;
            }
        }
        if (!applies)
            out.push_back({"Warning", SCV_TR("Warning", "sweep: %1 changes nothing on this grid: it applies %2"),
                           {spec.axes[a].key.key},
                           {Message{"scoville::WorkloadKeys", key->applies_when, {}}}});
    }
    return out;
}

uint64_t point_count(const SweepSpec& spec) {
    uint64_t n = 1;
    for (const Axis& a : spec.axes) {
        const uint64_t k = a.values.size();
        if (k == 0) return 0;
        if (n > std::numeric_limits<uint64_t>::max() / k) return std::numeric_limits<uint64_t>::max();
        n *= k;
    }
    return n;
}

void point_indices(const SweepSpec& spec, uint64_t point, std::span<size_t> out) {
    for (size_t a = spec.axes.size(); a-- > 0;) {
        const uint64_t k = spec.axes[a].values.size();
        out[a] = static_cast<size_t>(point % k);
        point /= k;
    }
}

namespace {
// floor(points x i / count) without overflow (count <= kMaxShards, so r x i < 2^60).
uint64_t slice(uint64_t points, uint64_t i, uint64_t count) {
    return points / count * i + points % count * i / count;
}
}  // namespace

uint64_t Shard::begin(uint64_t points) const { return slice(points, index, count); }
uint64_t Shard::end(uint64_t points) const { return slice(points, index + 1, count); }

Result<Shard> parse_shard(std::string_view text) {
    const size_t slash = text.find('/');
    const auto i = slash == std::string_view::npos ? std::nullopt : parse_count(text.substr(0, slash));
    const auto n = slash == std::string_view::npos ? std::nullopt : parse_count(text.substr(slash + 1));
    if (!i || !n) return Error{"--shard '" + std::string(text) + "': expected I/N (shard I of N, 0 <= I < N)"};
    if (*n == 0 || *i >= *n)
        return Error{"--shard '" + std::string(text) + "': I must be in [0, N) and N at least 1 (shards count from 0)"};
    if (*n > kMaxShards) return Error{"--shard '" + std::string(text) + "': N is more than 1e9 shards"};
    return Shard{*i, *n};
}

Status check_sweep(const SweepSpec& spec, const Shard& shard) {
    if (spec.axes.empty()) return Error{"--vary: give at least one KEY=START:STOP:STEPS"};
    if (spec.objectives.empty()) return Error{"--objective: give at least one result key"};
    std::set<std::string> seen;
    for (const Axis& a : spec.axes) {
        if (a.values.empty()) return Error{"--vary " + a.key.key + ": no values"};
        if (!seen.insert(a.key.key).second) return Error{"--vary " + a.key.key + ": the key is varied twice"};
    }
    if (shard.count == 0 || shard.index >= shard.count || shard.count > kMaxShards)
        return Error{"--shard: I must be in [0, N), N in [1, 1e9]"};
    const uint64_t points = point_count(spec);
    const uint64_t mine = shard.end(points) - shard.begin(points);
    if (points == std::numeric_limits<uint64_t>::max() || mine > kMaxPointsPerRun) {
        const uint64_t shards = points == std::numeric_limits<uint64_t>::max()
                                    ? 0
                                    : (points + kMaxPointsPerRun - 1) / kMaxPointsPerRun;
        return Error{"sweep: the grid has " + (shards ? format_number("%.4g", static_cast<double>(points)) : "over 1.8e19") +
                     " points, more than the 1e9 one run evaluates; split it with --shard I/N" +
                     (shards ? " (N at least " + std::to_string(shards) + ") and run the shards as a job array" : "")};
    }
    return Ok{};
}

// --- Rows ---------------------------------------------------------------------------------------

Status SweepRows::append(const SweepRows& part) {
    if (part.axis_keys != axis_keys || part.objective_keys != objective_keys)
        return Error{"the parts vary different keys or have different objectives"};
    if (grid_points == 0) grid_points = part.grid_points;
    if (part.grid_points != grid_points)
        return Error{"the parts come from grids of " + std::to_string(grid_points) + " and " +
                     std::to_string(part.grid_points) + " points: not one sweep"};
    for (size_t r = 0; r < part.size(); ++r) {
        if (!point.empty() && part.point[r] <= point.back())
            return Error{"point " + std::to_string(part.point[r]) +
                         " is in two parts (a part given twice, or overlapping shards)"};
        point.push_back(part.point[r]);
        status.push_back(part.status[r]);
        note.push_back(part.note[r]);
    }
    axes.insert(axes.end(), part.axes.begin(), part.axes.end());
    objectives.insert(objectives.end(), part.objectives.begin(), part.objectives.end());
    return Ok{};
}

Result<SweepRows> run_sweep(const SweepSpec& spec, const Shard& shard, const SweepOptions& options) {
    if (auto st = check_sweep(spec, shard); !st) return st.error();
    const auto& tech = default_tech();
    if (!tech) return tech.error();
    const uint64_t points = point_count(spec);
    const uint64_t first = shard.begin(points);
    const auto n = static_cast<int64_t>(shard.end(points) - first);
    const size_t A = spec.axes.size(), O = spec.objectives.size();

    SweepRows rows;
    rows.grid_points = points;
    for (const Axis& a : spec.axes) rows.axis_keys.push_back(a.key.key);
    for (const ResultKey* k : spec.objectives) {
        rows.objective_keys.emplace_back(k->key);
        rows.better.push_back(k->better);
    }
    // Left uninitialised: every row is written whole by the thread that evaluates it.
    rows.point.resize(static_cast<size_t>(n));
    rows.axes.resize(static_cast<size_t>(n) * A);
    rows.objectives.resize(static_cast<size_t>(n) * O);
    rows.status.resize(static_cast<size_t>(n));
    rows.note.resize(static_cast<size_t>(n));

    // The queueing latencies only when an objective or a constraint reads one.
    bool latencies = false;
    for (const ResultKey* k : spec.objectives) latencies = latencies || k->latency;
    for (const Constraint& c : spec.constraints) latencies = latencies || (c.key && c.key->latency);
    // The die's, power's and cost's warnings only where a constraint reads them.
    const bool physical_warnings = std::any_of(spec.constraints.begin(), spec.constraints.end(), [](const Constraint& c) {
        return c.op == Constraint::Op::fits_reticle || c.op == Constraint::Op::fits_memory;
    });
    SweepProgress* progress = options.progress;
    const bool model_axes = std::any_of(spec.axes.begin(), spec.axes.end(), [](const Axis& a) { return a.key.model; });
    // The base chip's parameters that no axis varies are checked against their ranges once, here, and each varied
    // one as it is set (SweepKey::set): a point checks only what spans several. (Out of range: every point checks
    // the whole chip, and fails naming the key, as a single evaluation would.)
    std::vector<const ParamInfo*> varied;
    for (const Axis& a : spec.axes)
        if (a.key.chip) varied.push_back(a.key.chip);
    const bool base_in_range = params_in_range(spec.chip, varied);
    const int threads = options.threads > 0 ? options.threads : omp_get_max_threads();
    // Points run in chunks handed out on demand; each row is written at its grid position, so the
    // result does not depend on the thread count or the order chunks finish in.
#pragma omp parallel num_threads(threads)
    {
        ChipSpec chip = spec.chip;
        ModelSpec model = spec.model;
        Scenario scenario = spec.scenario;
        EvalWorkspace workspace;
        workspace.views = false;
        workspace.latencies = latencies;
        workspace.physical_warnings = physical_warnings;
        if (base_in_range) workspace.ranges_checked = &chip;
        std::vector<size_t> idx(A);
        uint64_t pending = 0;
#pragma omp for schedule(dynamic, 512)
        for (int64_t i = 0; i < n; ++i) {
            if (progress && progress->cancel.load(std::memory_order_relaxed)) continue;
            const auto r = static_cast<size_t>(i);
            const uint64_t p = first + static_cast<uint64_t>(i);
            rows.point[r] = p;
            rows.status[r] = PointStatus::ok;
            for (size_t o = 0; o < O; ++o) rows.objectives[r * O + o] = kNaN;
            point_indices(spec, p, idx);
            for (size_t a = 0; a < A; ++a) rows.axes[r * A + a] = spec.axes[a].values[idx[a]];
            Status set = Ok{};
            for (size_t a = 0; a < A && set; ++a)
                set = spec.axes[a].key.set(chip, model, scenario, rows.axes[r * A + a]);
            // A model axis changes the model under the same address: its lowered steps and its checks (the
            // scenario against it) are not this point's.
            if (set && model_axes) {
                set = validate_model(model);
                workspace.forget_model();
            }
            if (!set) {
                rows.status[r] = PointStatus::failed;
                rows.note[r] = set.error().message;
            } else if (auto st = evaluate_design_into(chip, model, scenario, *tech, spec.companions, workspace); !st) {
                rows.status[r] = PointStatus::failed;
                rows.note[r] = st.error().message;
            } else {
                const Evaluation* ev = &workspace.ev;
                for (size_t o = 0; o < O; ++o) {
                    const auto v = spec.objectives[o]->value(*ev);
                    if (v) rows.objectives[r * O + o] = *v;
                }
                for (const Constraint& c : spec.constraints) {
                    if (!c.met(*ev)) {
                        rows.status[r] = PointStatus::violates;
                        rows.note[r] = c.text;
                        break;
                    }
                }
            }
            if (progress && ++pending == 64) {
                progress->done.fetch_add(pending, std::memory_order_relaxed);
                pending = 0;
            }
        }
        if (progress && pending) progress->done.fetch_add(pending, std::memory_order_relaxed);
    }
    if (progress && progress->cancel.load()) {
        return Error{"sweep cancelled after " + std::to_string(progress->done.load()) + " of " + std::to_string(n) +
                     " points"};
    }
    return rows;
}

// --- Pareto front -------------------------------------------------------------------------------

std::vector<size_t> pareto_front(std::span<const std::vector<double>> pts, std::span<const Better> better) {
    const size_t d = better.size();
    // Every objective as "larger is better".
    auto val = [&](size_t i, size_t k) { return better[k] == Better::lower ? -pts[i][k] : pts[i][k]; };
    std::vector<size_t> order;
    for (size_t i = 0; i < pts.size(); ++i) {
        bool finite = pts[i].size() >= d;
        for (size_t k = 0; k < d && finite; ++k) finite = std::isfinite(pts[i][k]);
        if (finite) order.push_back(i);
    }
    // Sorted best-first lexicographically, a point can only be dominated by one before it.
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        for (size_t k = 0; k < d; ++k)
            if (val(a, k) != val(b, k)) return val(a, k) > val(b, k);
        return a < b;
    });
    std::vector<size_t> front;
    for (size_t i : order) {
        bool dominated = false;
        for (size_t f : front) {
            bool ge = true, gt = false;
            for (size_t k = 0; k < d && ge; ++k) {
                ge = val(f, k) >= val(i, k);
                gt = gt || val(f, k) > val(i, k);
            }
            if (ge && gt) {
                dominated = true;
                break;
            }
        }
        if (!dominated) front.push_back(i);
    }
    std::sort(front.begin(), front.end());
    return front;
}

std::vector<size_t> pareto_front(const SweepRows& rows, std::span<const size_t> columns) {
    std::vector<size_t> cols(columns.begin(), columns.end());
    if (cols.empty()) {
        cols.resize(rows.objective_keys.size());
        std::iota(cols.begin(), cols.end(), size_t{0});
    }
    std::vector<Better> better;
    for (size_t c : cols) better.push_back(rows.better[c]);
    std::vector<std::vector<double>> pts;
    std::vector<size_t> row_of;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (rows.status[r] != PointStatus::ok) continue;
        std::vector<double> p;
        for (size_t c : cols) p.push_back(rows.objective(r, c));
        pts.push_back(std::move(p));
        row_of.push_back(r);
    }
    std::vector<size_t> front;
    for (size_t i : pareto_front(pts, better)) front.push_back(row_of[i]);
    return front;
}

std::string sweep_spec_text(std::span<const std::string> axes, std::span<const std::string> objectives,
                            std::span<const std::string> constraints) {
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : " ") + part; };
    for (const auto& a : axes) add("--vary " + a);
    for (const auto& o : objectives) add("--objective " + o);
    for (const auto& c : constraints) add("--constraint '" + c + "'");
    return out;
}

// --- CSV ----------------------------------------------------------------------------------------

std::string sweep_csv_header(const SweepRows& rows) {
    std::string h;
    for (const auto& k : rows.axis_keys) h += csv_field(k) + ",";
    for (const auto& k : rows.objective_keys) h += csv_field(k) + ",";
    return h + "status,point,grid_points\n";
}

std::string sweep_csv_rows(const SweepRows& rows, size_t first, size_t count) {
    std::vector<SweepKey> keys;
    for (const auto& k : rows.axis_keys) {
        auto key = resolve_sweep_key(k);
        keys.push_back(key ? *key : SweepKey{});
    }
    std::string out;
    const size_t last = std::min(rows.size(), count == SIZE_MAX ? rows.size() : first + count);
    for (size_t r = first; r < last; ++r) {
        for (size_t a = 0; a < keys.size(); ++a) {
            const double v = rows.axis(r, a);
            out += (keys[a].chip || keys[a].workload || keys[a].model ? keys[a].value_text(v) : exact(v)) + ",";
        }
        for (size_t o = 0; o < rows.objective_keys.size(); ++o) {
            const double v = rows.objective(r, o);
            if (std::isfinite(v)) out += exact(v);
            out += ',';
        }
        std::string status(to_string(rows.status[r]));
        if (!rows.note[r].empty()) status += ": " + rows.note[r];
        out += csv_field(status) + "," + std::to_string(rows.point[r]) + "," + std::to_string(rows.grid_points) + "\n";
    }
    return out;
}

Result<SweepRows> parse_sweep_csv(std::string_view text, std::string_view origin) {
    const std::string where(origin);
    SweepRows rows;
    size_t line_no = 0;
    std::vector<SweepKey> keys;
    size_t A = 0, O = 0;
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++line_no;
        if (line.empty()) continue;
        const auto f = csv_fields(line);
        const std::string at = where + ":" + std::to_string(line_no) + ": ";
        if (line_no == 1) {
            if (f.size() < 5 || f[f.size() - 3] != "status" || f[f.size() - 2] != "point" || f.back() != "grid_points")
                return Error{at + "not a sweep file (the header must end with status,point,grid_points)"};
            size_t i = 0;
            for (; i + 3 < f.size(); ++i) {
                if (find_result_key(f[i])) break;
                auto key = resolve_sweep_key(f[i]);
                if (!key) return Error{at + key.error().message};
                rows.axis_keys.push_back(f[i]);
                keys.push_back(*key);
            }
            for (; i + 3 < f.size(); ++i) {
                const ResultKey* k = find_result_key(f[i]);
                if (!k) return Error{at + "'" + f[i] + "' is not a result key"};
                rows.objective_keys.push_back(f[i]);
                rows.better.push_back(k->better);
            }
            A = rows.axis_keys.size();
            O = rows.objective_keys.size();
            if (A == 0 || O == 0) return Error{at + "the header names no varied key or no objective"};
            continue;
        }
        if (f.size() != A + O + 3)
            return Error{at + std::to_string(f.size()) + " fields, the header has " + std::to_string(A + O + 3)};
        for (size_t a = 0; a < A; ++a) {
            const auto v = value_of(keys[a], f[a]);
            if (!v) return Error{at + rows.axis_keys[a] + ": '" + f[a] + "' is not a value of the key"};
            rows.axes.push_back(*v);
        }
        for (size_t o = 0; o < O; ++o) {
            const std::string& t = f[A + o];
            if (t.empty()) {
                rows.objectives.push_back(kNaN);
                continue;
            }
            const auto v = parse_double(t);
            if (!v) return Error{at + rows.objective_keys[o] + ": '" + t + "' is not a number"};
            rows.objectives.push_back(*v);
        }
        const std::string& st = f[A + O];
        const size_t colon = st.find(": ");
        const std::string word = st.substr(0, colon);
        const auto s = parse_point_status(word);
        if (!s) return Error{at + "status '" + word + "' is not ok, violates or failed"};
        rows.status.push_back(*s);
        rows.note.push_back(colon == std::string::npos ? std::string() : st.substr(colon + 2));
        const auto p = parse_count(f[A + O + 1]);
        if (!p) return Error{at + "point '" + f[A + O + 1] + "' is not a whole number"};
        if (!rows.point.empty() && *p <= rows.point.back())
            return Error{at + "point " + f[A + O + 1] + " is not after point " + std::to_string(rows.point.back())};
        const auto g = parse_count(f.back());
        if (!g || *g <= *p) return Error{at + "grid_points '" + f.back() + "' is not a whole number above the point"};
        if (rows.point.empty()) rows.grid_points = *g;
        else if (*g != rows.grid_points)
            return Error{at + "grid_points " + f.back() + " differs from the file's " + std::to_string(rows.grid_points)};
        rows.point.push_back(*p);
    }
    if (line_no == 0) return Error{where + ": empty file, not a sweep"};
    return rows;
}

}  // namespace scoville
