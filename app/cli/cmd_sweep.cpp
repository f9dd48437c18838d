// sweep, sweep merge, sensitivity, seek and frontier: what is best, what limits a design and what it
// would take (DESIGN.md contract). Exit codes as eval: 2 a malformed command line, 1 inputs that fail.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "app/cli/design_options.hpp"
#include "core/library/library.hpp"
#include "core/physical/design.hpp"
#include "core/sweep/analysis.hpp"
#include "core/sweep/sweep.hpp"
#include "core/util/format.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "store/tables.hpp"

namespace scoville::cli {

namespace {

int fail(CommandContext& ctx, int code, const std::string& message) {
    ctx.err << "scoville: " << message << "\n";
    return code;
}

struct SweepOptionsCli {
    DesignOptions design;
    std::vector<std::string> vary, objectives, constraints;
    std::string out, front, shard, name;
    int threads = 0;
};

struct MergeOptions {
    std::vector<std::string> parts;
    std::string out, front, name;
};

struct AnalysisOptions {
    DesignOptions design;
    std::string objective;
    std::string format = "table";
    double step = 0.05;             // sensitivity
    std::string keys = "chip";      // sensitivity: which keys it steps (parse_key_groups)
    std::string vary, range, target, baseline;  // seek
    int per_octave = 2;             // frontier
};

Result<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read '" + path + "'"};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Writes through a temporary file renamed over the target, so a killed run leaves no half file;
// "-" is standard output.
Status write_file(const std::string& path, const std::string& text, CommandContext& ctx) {
    if (path == "-") {
        ctx.out << text;
        return Ok{};
    }
    const std::string tmp = path + ".part";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return Error{"cannot write '" + path + "'"};
        out << text;
        if (!out.flush()) return Error{"cannot write '" + path + "' (disk full?)"};
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) return Error{"cannot write '" + path + "': " + ec.message()};
    return Ok{};
}

// --out FILE.scoville (or .sqlite): the rows go into that session file, where the GUI's Sweep view
// opens them, instead of a CSV file.
bool is_session_file(const std::string& path) {
    auto ends = [&](std::string_view tail) { return path.size() > tail.size() && path.ends_with(tail); };
    return ends(".scoville") || ends(".sqlite");
}

// Stores the rows as sweep `name` in a session file (created if missing). `vary` are the axes as
// --vary texts; the spec is written the way the command line takes it.
Status store_sweep(const std::string& path, const std::string& name, const std::string& design,
                   const SweepRows& rows, const std::vector<std::string>& vary,
                   const std::vector<std::string>& constraints) {
    if (name.empty()) return Error{"--name NAME is required with --out " + path + " (the sweep's name in the session)"};
    auto session = store::Session::open(qtext(path));
    if (!session) return Error{"--out: " + session.error().message};
    store::SweepResult r;
    r.name = qtext(name);
    r.design = qtext(design);
    r.spec = qtext(sweep_spec_text(vary, rows.objective_keys, constraints));
    store::setSweepRows(r, rows);
    if (auto st = (*session)->sweeps().save(r); !st) return Error{"--out: " + st.error().message};
    return Ok{};
}

// A merged sweep's axes as list texts (KEY=V1,V2,...): each key's values in the order the grid
// meets them.
std::vector<std::string> axes_as_lists(const SweepRows& rows) {
    std::vector<std::string> out;
    for (size_t a = 0; a < rows.axis_keys.size(); ++a) {
        auto key = resolve_sweep_key(rows.axis_keys[a]);
        std::vector<double> seen;
        for (size_t r = 0; r < rows.size(); ++r)
            if (std::find(seen.begin(), seen.end(), rows.axis(r, a)) == seen.end()) seen.push_back(rows.axis(r, a));
        std::string text = rows.axis_keys[a] + "=";
        for (size_t i = 0; i < seen.size(); ++i) {
            if (i) text += ',';
            text += key ? key->value_text(seen[i]) : format_number(seen[i]);
        }
        out.push_back(std::move(text));
    }
    return out;
}

std::string rows_csv(const SweepRows& rows, const std::vector<size_t>* only = nullptr) {
    std::string text = sweep_csv_header(rows);
    if (!only) return text + sweep_csv_rows(rows);
    for (size_t r : *only) text += sweep_csv_rows(rows, r, 1);
    return text;
}

// The front over the objectives that have a better direction.
Result<std::vector<size_t>> front_of(const SweepRows& rows) {
    std::vector<size_t> cols;
    for (size_t o = 0; o < rows.better.size(); ++o)
        if (rows.better[o] != Better::none) cols.push_back(o);
    if (cols.empty())
        return Error{"--front: no objective has a better direction (higher or lower) to rank points by"};
    return pareto_front(rows, cols);
}

// "12 ok, 3 violate a constraint, 1 failed (model 'x' does not fit ...)".
std::string summary(const SweepRows& rows) {
    size_t ok = 0, violates = 0, failed = 0;
    std::map<std::string, size_t> reasons;
    for (size_t r = 0; r < rows.size(); ++r) {
        switch (rows.status[r]) {
        case PointStatus::ok: ++ok; break;
        case PointStatus::violates: ++violates; break;
        case PointStatus::failed:
            ++failed;
            ++reasons[rows.note[r]];
            break;
        }
    }
    std::string s = std::to_string(ok) + " ok, " + std::to_string(violates) + " violate a constraint, " +
                    std::to_string(failed) + " failed";
    if (!reasons.empty()) s += " (first reason: " + reasons.begin()->first + ")";
    return s;
}

int run_sweep_cli(const SweepOptionsCli& o, CommandContext& ctx) {
    if (o.out.empty()) return fail(ctx, kUsage, "--out FILE.csv is required (- for standard output)");
    if (is_session_file(o.out) && o.name.empty())
        return fail(ctx, kUsage, "--name NAME is required with --out " + o.out + " (the sweep's name in the session)");
    if (o.threads < 0) return fail(ctx, kUsage, "--threads: must be 0 (all cores) or more");
    Shard shard;
    if (!o.shard.empty()) {
        auto sh = parse_shard(o.shard);
        if (!sh) return fail(ctx, kUsage, sh.error().message);
        shard = *sh;
    }
    SweepSpec spec;
    for (const auto& v : o.vary) {
        auto axis = parse_axis(v);
        if (!axis) return fail(ctx, kUsage, axis.error().message);
        spec.axes.push_back(std::move(*axis));
    }
    for (const auto& k : o.objectives) {
        const ResultKey* key = find_result_key(k);
        if (!key) return fail(ctx, kUsage, "--objective: '" + k + "' is not a result key (see eval --format json)");
        spec.objectives.push_back(key);
    }
    for (const auto& c : o.constraints) {
        auto con = parse_constraint(c);
        if (!con) return fail(ctx, kUsage, con.error().message);
        spec.constraints.push_back(std::move(*con));
    }
    if (auto st = check_sweep(spec, shard); !st) return fail(ctx, kUsage, st.error().message);
    int code = kFailed;
    auto d = load_design(o.design, code);
    if (!d) return fail(ctx, code, d.error().message);
    spec.chip = std::move(d->chip);
    spec.model = std::move(d->model);
    spec.scenario = d->scenario;
    spec.companions = std::move(d->companions);
    if (!o.front.empty() && shard.count > 1)
        return fail(ctx, kUsage, "--front: a shard sees part of the grid; compute the front with 'sweep merge'");

    // An axis whose key changes nothing on this grid (the acceptance without draft tokens, ...): said first.
    for (const Message& m : inert_axes(spec)) ctx.err << m.text() << "\n";
    const auto t0 = std::chrono::steady_clock::now();
    SweepOptions options;
    options.threads = o.threads;
    auto rows = run_sweep(spec, shard, options);
    if (!rows) return fail(ctx, kFailed, rows.error().message);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (is_session_file(o.out)) {
        const std::string design = o.design.session.empty() ? spec.chip.id : o.design.design;
        if (auto st = store_sweep(o.out, o.name, design, *rows, o.vary, o.constraints); !st)
            return fail(ctx, kFailed, st.error().message);
    } else if (auto st = write_file(o.out, rows_csv(*rows), ctx); !st) {
        return fail(ctx, kFailed, "--out: " + st.error().message);
    }
    std::string front_note;
    if (!o.front.empty()) {
        auto front = front_of(*rows);
        if (!front) return fail(ctx, kUsage, front.error().message);
        if (auto st = write_file(o.front, rows_csv(*rows, &*front), ctx); !st)
            return fail(ctx, kFailed, "--front: " + st.error().message);
        front_note = "; front: " + std::to_string(front->size()) + " points";
    }
    const uint64_t total = point_count(spec);
    ctx.err << "sweep: " << rows->size() << " points"
            << (shard.count > 1 ? " (shard " + std::to_string(shard.index) + "/" + std::to_string(shard.count) +
                                      " of " + std::to_string(total) + ")"
                                : std::string())
            << ": " << summary(*rows) << front_note << "; " << format_number("%.3g", seconds) << " s, "
            << format_number("%.3g", seconds > 0 ? static_cast<double>(rows->size()) / seconds : 0.0)
            << " points/s\n";
    return 0;
}

int run_merge(const MergeOptions& o, CommandContext& ctx) {
    if (o.parts.empty()) return fail(ctx, kUsage, "sweep merge: give the part files (PART.csv ...)");
    if (o.out.empty() && o.front.empty()) return fail(ctx, kUsage, "sweep merge: --out FILE and/or --front FILE");
    if (is_session_file(o.out) && o.name.empty())
        return fail(ctx, kUsage, "--name NAME is required with --out " + o.out + " (the sweep's name in the session)");
    std::vector<SweepRows> parts;
    for (const auto& path : o.parts) {
        auto text = read_file(path);
        if (!text) return fail(ctx, kFailed, "sweep merge: " + text.error().message);
        auto rows = parse_sweep_csv(*text, path);
        if (!rows) return fail(ctx, kFailed, "sweep merge: " + rows.error().message);
        parts.push_back(std::move(*rows));
    }
    // Shards in grid order whatever order the files came in (a shell sorts part_10 before part_2).
    std::vector<size_t> order(parts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const uint64_t pa = parts[a].size() ? parts[a].point.front() : UINT64_MAX;
        const uint64_t pb = parts[b].size() ? parts[b].point.front() : UINT64_MAX;
        return pa < pb;
    });
    SweepRows all;
    all.axis_keys = parts[order[0]].axis_keys;
    all.objective_keys = parts[order[0]].objective_keys;
    all.better = parts[order[0]].better;
    all.grid_points = parts[order[0]].grid_points;
    for (size_t i : order) {
        if (auto st = all.append(parts[i]); !st) return fail(ctx, kFailed, "sweep merge: " + o.parts[i] + ": " + st.error().message);
    }
    // The union must be the grid: points 0, 1, ... grid_points - 1 without a gap.
    for (size_t r = 0; r <= all.size(); ++r) {
        const uint64_t next = r < all.size() ? all.point[r] : all.grid_points;
        if (next != r)
            return fail(ctx, kFailed, "sweep merge: points " + std::to_string(r) + " to " + std::to_string(next - 1) +
                                          " of the grid's " + std::to_string(all.grid_points) +
                                          " are missing (a shard not given?)");
    }
    if (is_session_file(o.out)) {
        if (auto st = store_sweep(o.out, o.name, "", all, axes_as_lists(all), {}); !st)
            return fail(ctx, kFailed, st.error().message);
    } else if (!o.out.empty()) {
        if (auto st = write_file(o.out, rows_csv(all), ctx); !st) return fail(ctx, kFailed, "--out: " + st.error().message);
    }
    std::string front_note;
    if (!o.front.empty()) {
        auto front = front_of(all);
        if (!front) return fail(ctx, kUsage, front.error().message);
        if (auto st = write_file(o.front, rows_csv(all, &*front), ctx); !st)
            return fail(ctx, kFailed, "--front: " + st.error().message);
        front_note = "; front: " + std::to_string(front->size()) + " points";
    }
    ctx.err << "sweep merge: " << parts.size() << " parts, " << all.size() << " points: " << summary(all)
            << front_note << "\n";
    return 0;
}

const ResultKey* objective_key(const std::string& key, CommandContext& ctx, int& code) {
    if (key.empty()) {
        code = fail(ctx, kUsage, "--objective KEY is required (a result key of eval --format json)");
        return nullptr;
    }
    const ResultKey* k = find_result_key(key);
    if (!k) code = fail(ctx, kUsage, "--objective: '" + key + "' is not a result key (see eval --format json)");
    return k;
}

nlohmann::ordered_json optional_number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// --format json|table and --objective, the checks sensitivity and seek share; 0 when both are good.
int check_format_and_objective(const AnalysisOptions& o, CommandContext& ctx, const ResultKey*& objective) {
    if (o.format != "json" && o.format != "table")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, table");
    int code = 0;
    objective = objective_key(o.objective, ctx, code);
    return code;
}

int run_sensitivity(const AnalysisOptions& o, CommandContext& ctx) {
    const ResultKey* objective = nullptr;
    if (int code = check_format_and_objective(o, ctx, objective); code != 0) return code;
    if (!(o.step > 0 && o.step < 1)) return fail(ctx, kUsage, "--step: must be in (0, 1), e.g. 0.05 for 5 %");
    const auto groups = parse_key_groups(o.keys);
    if (!groups) return fail(ctx, kUsage, "--" + groups.error().message);
    int code = kFailed;
    auto d = load_design(o.design, code);
    if (!d) return fail(ctx, code, d.error().message);
    auto s = sensitivity(*d, *objective, o.step, *groups);
    if (!s) return fail(ctx, kFailed, s.error().message);
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["objective"] = std::string(objective->key);
        j["value"] = s->value;
        j["step"] = s->step;
        j["decode_bound"] = s->bound;
        j["summary"] = describe_sensitivity(*s);
        auto rows = nlohmann::ordered_json::array();
        for (const auto& r : s->rows) {
            nlohmann::ordered_json row;
            row["key"] = r.key.key;
            row["label"] = std::string(r.key.label());
            row["unit"] = std::string(r.key.unit());
            row["value"] = r.value;
            row["low"] = r.low;
            row["high"] = r.high;
            row["objective_low"] = r.objective_low;
            row["objective_high"] = r.objective_high;
            row["elasticity"] = r.elasticity;
            row["per_mm2"] = optional_number(r.per_mm2);
            row["per_w"] = optional_number(r.per_w);
            row["per_usd"] = optional_number(r.per_usd);
            for (const auto& [name, exchange] : {std::pair{"exchange_mm2", r.exchange_mm2}, std::pair{"exchange_w", r.exchange_w},
                                                 std::pair{"exchange_usd", r.exchange_usd}})
                row[name] = exchange == Exchange::none ? nlohmann::ordered_json() : nlohmann::ordered_json(std::string(to_string(exchange)));
            rows.push_back(std::move(row));
        }
        j["rows"] = std::move(rows);
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    std::string text = describe_sensitivity(*s) + "\n";
    char line[256];
    // The keys' column as wide as the longest key (efficiency.attention_head_overhead_ns), the rest aligned under it.
    int width = 32;
    for (const auto& r : s->rows) width = std::max(width, static_cast<int>(r.key.key.size()));
    std::snprintf(line, sizeof line, "%-*s %12s %11s %12s %12s %12s\n", width, "key", "value", "elasticity", "per mm2",
                  "per W", "per USD");
    text += line;
    // A trade's price as a number; a step without one (it saves the resource, or costs it for a worse or the same
    // objective) in words.
    auto num = [](const std::optional<double>& v, Exchange exchange) {
        if (exchange == Exchange::saves || exchange == Exchange::worse) return std::string(to_string(exchange));
        if (exchange == Exchange::no_gain) return std::string("no gain");
        return v ? format_number("%.4g", *v) : std::string("-");
    };
    for (const auto& r : s->rows) {
        std::snprintf(line, sizeof line, "%-*s %12s %+11.4f %12s %12s %12s\n", width, r.key.key.c_str(),
                      r.key.value_text(r.value).c_str(), r.elasticity, num(r.per_mm2, r.exchange_mm2).c_str(),
                      num(r.per_w, r.exchange_w).c_str(), num(r.per_usd, r.exchange_usd).c_str());
        text += line;
    }
    ctx.out << text;
    return 0;
}

int run_seek(const AnalysisOptions& o, CommandContext& ctx) {
    const ResultKey* objective = nullptr;
    if (int code = check_format_and_objective(o, ctx, objective); code != 0) return code;
    if (o.vary.empty()) return fail(ctx, kUsage, "--vary KEY is required: the key to change");
    auto key = resolve_sweep_key(o.vary);
    if (!key) return fail(ctx, kUsage, "--vary: " + key.error().message);
    std::optional<double> lo, hi;
    if (!o.range.empty()) {
        auto axis = parse_axis(o.vary + "=" + o.range + ":2");
        if (!axis) return fail(ctx, kUsage, "--range: expected LO:HI, " + axis.error().message);
        lo = axis->values.front();
        hi = axis->values.back();
        if (!(*hi > *lo)) return fail(ctx, kUsage, "--range: LO must be below HI");
    }
    // --target V, or Nx: N times the design's value (or the baseline chip's, with --baseline).
    if (o.target.empty()) return fail(ctx, kUsage, "--target VALUE or --target Nx is required");
    const bool relative = o.target.back() == 'x';
    double factor = 0;
    try {
        size_t used = 0;
        const std::string num = relative ? o.target.substr(0, o.target.size() - 1) : o.target;
        factor = std::stod(num, &used);
        if (used != num.size() || !std::isfinite(factor)) throw std::invalid_argument(num);
    } catch (const std::exception&) {
        return fail(ctx, kUsage, "--target: '" + o.target + "' is not a number or a multiple like 1.3x");
    }
    if (!o.baseline.empty() && !relative)
        return fail(ctx, kUsage, "--baseline: only with a relative --target (e.g. 0.5x the baseline's value)");
    int code = kFailed;
    auto d = load_design(o.design, code);
    if (!d) return fail(ctx, code, d.error().message);
    double target = factor;
    if (relative) {
        const ChipSpec* ref = &d->chip;
        ChipSpec base;
        if (!o.baseline.empty()) {
            auto b = load_chip(o.baseline);
            if (!b) return fail(ctx, kFailed, "--baseline: " + b.error().message);
            base = std::move(*b);
            ref = &base;
        }
        auto ev = evaluate_design(*ref, d->model, d->scenario, d->companions);
        if (!ev) return fail(ctx, kFailed, (o.baseline.empty() ? "" : "--baseline " + o.baseline + ": ") + ev.error().message);
        const auto v = objective->value(*ev);
        if (!v) return fail(ctx, kFailed, "--target: " + std::string(objective->key) + " does not apply to " + ref->id);
        target = factor * *v;
    }
    auto r = seek(*d, *key, *objective, target, lo, hi);
    if (!r) return fail(ctx, kFailed, r.error().message);
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["key"] = key->key;
        j["objective"] = std::string(objective->key);
        j["target"] = target;
        j["value"] = r->value;
        j["value_text"] = key->value_text(r->value);
        j["objective_value"] = r->objective;
        j["start"] = r->start;
        j["start_objective"] = r->start_objective;
        j["evaluations"] = r->evaluations;
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    // A real value to the 6 digits the search resolves (within 0.1 % of the target); the JSON's value_text is exact.
    auto shown = [&](double v) { return key->integer() ? key->value_text(v) : format_number("%.6g", v); };
    ctx.out << key->key << " = " << shown(r->value) << (key->unit().empty() ? "" : " ") << key->unit()
            << " (from " << shown(r->start) << ") gives " << objective->key << " = "
            << format_number("%.6g", r->objective) << " (target " << format_number("%.6g", target) << ", from "
            << format_number("%.6g", r->start_objective) << "; " << r->evaluations << " evaluations)\n";
    return 0;
}

int run_frontier(const AnalysisOptions& o, CommandContext& ctx) {
    if (o.format != "json" && o.format != "csv" && o.format != "table")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, csv, table");
    if (o.per_octave < 1 || o.per_octave > 16) return fail(ctx, kUsage, "--per-octave: must be in [1, 16]");
    int code = kFailed;
    auto d = load_design(o.design, code);
    if (!d) return fail(ctx, code, d.error().message);
    auto f = interactivity_frontier(*d, o.per_octave);
    if (!f) return fail(ctx, kFailed, f.error().message);
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["chip"] = f->chip;
        auto pts = nlohmann::ordered_json::array();
        for (const auto& p : f->points) {
            nlohmann::ordered_json row;
            row["parallelism"] = to_string(p.parallelism);
            row["tp"] = p.parallelism.tp;
            row["pp"] = p.parallelism.pp;
            row["batch"] = p.batch;
            row["tokens_per_s_per_user"] = p.tokens_per_s_per_user;
            row["tokens_per_s_per_chip"] = p.tokens_per_s_per_chip;
            row["ttft_p99_s"] = p.ttft_p99_s;
            row["on_front"] = p.on_front;
            pts.push_back(std::move(row));
        }
        j["points"] = std::move(pts);
        ctx.out << j.dump(2) << "\n";
        return 0;
    }
    std::string text = o.format == "csv" ? "tp,pp,ep,attention_dp,batch,tokens_per_s_per_user,tokens_per_s_per_chip,ttft_p99_s,on_front\n"
                                         : "";
    char line[256];
    if (o.format == "table") {
        std::snprintf(line, sizeof line, "%-24s %7s %14s %14s %11s %s\n", "parallelism", "batch", "tok/s/user",
                      "tok/s/chip", "TTFT p99", "front");
        text += line;
    }
    for (const auto& p : f->points) {
        if (o.format == "csv")
            std::snprintf(line, sizeof line, "%d,%d,%d,%d,%d,%.9g,%.9g,%.9g,%d\n", p.parallelism.tp, p.parallelism.pp,
                          p.parallelism.ep, p.parallelism.dp, p.batch, p.tokens_per_s_per_user,
                          p.tokens_per_s_per_chip, p.ttft_p99_s, p.on_front ? 1 : 0);
        else
            std::snprintf(line, sizeof line, "%-24s %7d %14.4g %14.4g %11.4g %s\n", to_string(p.parallelism).c_str(),
                          p.batch, p.tokens_per_s_per_user, p.tokens_per_s_per_chip, p.ttft_p99_s,
                          p.on_front ? "*" : "");
        text += line;
    }
    ctx.out << text;
    return 0;
}

}  // namespace

void register_sweep_commands(CLI::App& app, CommandContext& ctx) {
    auto so = std::make_shared<SweepOptionsCli>();
    CLI::App* sweep = app.add_subcommand(
        "sweep", "Evaluate a grid of designs (OpenMP); CSV rows in grid order: varied keys, objectives, status, point");
    add_design_options(sweep, so->design);
    sweep->add_option("--vary", so->vary,
                      "KEY=START:STOP:STEPS[:log] or KEY=V1,V2,... (repeatable): a chip, econ.*, workload.KEY or "
                      "model.KEY key");
    sweep->add_option("--objective", so->objectives, "Result key to record (repeatable; see eval --format json)");
    sweep->add_option("--constraint", so->constraints,
                      "KEY<=VALUE, KEY>=VALUE, KEY<VALUE, KEY>VALUE, fits_reticle or fits_memory (repeatable)");
    sweep->add_option("--out", so->out,
                      "CSV file to write (- for standard output), or a session file (*.scoville) to store the "
                      "sweep in for the GUI's Sweep view");
    sweep->add_option("--name", so->name, "The sweep's name in the session (with --out FILE.scoville)");
    sweep->add_option("--front", so->front, "Also write the Pareto front over the objectives to this CSV file");
    sweep->add_option("--shard", so->shard,
                      "I/N: evaluate only shard I (0-based) of N contiguous slices of the grid (job arrays)");
    sweep->add_option("--threads", so->threads, "OpenMP threads (default 0: OMP_NUM_THREADS or every core)");

    auto mo = std::make_shared<MergeOptions>();
    CLI::App* merge = sweep->add_subcommand("merge", "Join the parts of a sharded sweep and compute the Pareto front");
    merge->add_option("parts", mo->parts, "PART.csv files of one sweep (any order)");
    merge->add_option("--out", mo->out,
                      "The whole sweep's CSV (identical to an unsharded run's --out), or a session file "
                      "(*.scoville) to store it in");
    merge->add_option("--name", mo->name, "The sweep's name in the session (with --out FILE.scoville)");
    merge->add_option("--front", mo->front, "The Pareto front's CSV (identical to an unsharded run's --front)");
    merge->callback([mo, &ctx] { ctx.exit_code = run_merge(*mo, ctx); });
    sweep->callback([so, merge, &ctx] {
        if (merge->parsed()) return;
        ctx.exit_code = run_sweep_cli(*so, ctx);
    });

    auto ao = std::make_shared<AnalysisOptions>();
    CLI::App* sens = app.add_subcommand(
        "sensitivity",
        "Elasticity of an objective to every parameter (of the chip, the workload or the model), and its gain per mm2, "
        "per W and per dollar");
    add_design_options(sens, ao->design);
    sens->add_option("--objective", ao->objective, "Result key (see eval --format json)");
    sens->add_option("--step", ao->step, "Relative step each way (default 0.05; whole-number keys at least 1)");
    sens->add_option("--keys", ao->keys,
                     "Keys to step: chip (default; with econ.*), workload (workload.KEY), model (model.KEY), a "
                     "comma-separated list of them, or all");
    sens->add_option("--format", ao->format, "json|table");
    sens->callback([ao, &ctx] { ctx.exit_code = run_sensitivity(*ao, ctx); });

    auto ko = std::make_shared<AnalysisOptions>();
    CLI::App* seek_cmd = app.add_subcommand("seek", "The value of one key at which an objective reaches a target");
    add_design_options(seek_cmd, ko->design);
    seek_cmd->add_option("--vary", ko->vary, "The key to change (chip, econ.*, workload.KEY or model.KEY)");
    seek_cmd->add_option("--range", ko->range, "LO:HI to search (default: the key's slider range)");
    seek_cmd->add_option("--objective", ko->objective, "Result key (see eval --format json)");
    seek_cmd->add_option("--target", ko->target,
                         "Value to reach, or Nx: N times the design's value (the baseline's with --baseline)");
    seek_cmd->add_option("--baseline", ko->baseline, "Reference chip a relative target is measured against");
    seek_cmd->add_option("--format", ko->format, "json|table");
    seek_cmd->callback([ko, &ctx] { ctx.exit_code = run_seek(*ko, ctx); });

    auto fo = std::make_shared<AnalysisOptions>();
    CLI::App* frontier = app.add_subcommand(
        "frontier", "Tokens/s per chip against tokens/s per user over the batch and tensor parallelism");
    add_design_options(frontier, fo->design);
    frontier->add_option("--per-octave", fo->per_octave, "Batches per doubling (default 2)");
    frontier->add_option("--format", fo->format, "json|csv|table");
    frontier->callback([fo, &ctx] { ctx.exit_code = run_frontier(*fo, ctx); });
}

}  // namespace scoville::cli
