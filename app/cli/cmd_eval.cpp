// eval, kernel, models and validate: the performance model on the command line (DESIGN.md contract).
// Exit codes: 0 success, 2 a malformed command line (bad value, unknown key, out of range),
// 1 inputs that are well formed but fail (unknown chip/model, unreadable file, model does not fit).
#include <CLI/CLI.hpp>

#include <QString>
#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "app/cli/design_options.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/perf/accuracy.hpp"
#include "core/perf/kernel.hpp"
#include "core/perf/lower.hpp"
#include "core/perf/report.hpp"
#include "core/sweep/ranges.hpp"
#include "core/perf/validation.hpp"
#include "core/physical/cost.hpp"
#include "core/physical/design.hpp"
#include "core/physical/power.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"
#include "core/workload/hf_config.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"

namespace scoville::cli {

namespace {

struct EvalOptions {
    DesignOptions design;
    std::string baseline;  // --baseline: a reference chip for the cost per token
    std::string format = "table";
};

struct KernelOptions {
    std::string chip;
    std::string session, design;
    std::vector<std::string> sets;
    std::string format = "table";
    std::string shape;
    std::string precision = "bf16";
    std::string bytes;
    std::string stream_op = "copy";
    int chips = 8;
    std::string algorithm = "auto";
    bool library = false;
    std::string model;
    double tokens = 0;
    int ep = 1;
    double imbalance = 1.0;
    double moe_pair_bytes = 0.0;
    int moe_tile_tokens = Scenario{}.moe_tile_tokens;
    std::string act_quant = "none";
    std::string routing = "random";
    bool cold_weights = false;
    int weight_copies = 0;
    int tp = 1;
    double context = 1024;
    bool sliding = false;
    bool prefill = false;
    bool sustained = false;
};

enum class KernelKind { gemm, copy, stream, allreduce, moe, attention, linear };

constexpr std::string_view kernel_name(KernelKind k) {
    switch (k) {
    case KernelKind::gemm: return "gemm";
    case KernelKind::copy: return "copy";
    case KernelKind::stream: return "stream";
    case KernelKind::allreduce: return "allreduce";
    case KernelKind::moe: return "moe";
    case KernelKind::attention: return "attention";
    case KernelKind::linear: return "linear";
    }
    return "";
}

int fail(CommandContext& ctx, int code, const std::string& message) {
    ctx.err << "scoville: " << message << "\n";
    return code;
}

int run_eval(const EvalOptions& o, CommandContext& ctx) {
    if (o.format != "json" && o.format != "table" && o.format != "csv")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, table, csv");
    int code = kFailed;
    auto d = load_design(o.design, code);
    if (!d) return fail(ctx, code, d.error().message);
    const ChipSpec* chip = &d->chip;
    const ModelSpec* model = &d->model;
    const Scenario& s = d->scenario;
    const Companions& companions = d->companions;
    auto ev = evaluate_design(*chip, *model, s, companions);
    if (!ev) return fail(ctx, kFailed, ev.error().message);
    // --baseline: the same workload on a reference chip, for the cost per token against it.
    std::optional<CostComparison> against;
    if (!o.baseline.empty()) {
        auto bchip = load_chip(o.baseline);
        if (!bchip) return fail(ctx, kFailed, "--baseline: " + bchip.error().message);
        auto bev = evaluate_design(*bchip, *model, s, companions);
        if (!bev) return fail(ctx, kFailed, "--baseline " + o.baseline + ": " + bev.error().message);
        against = compare_cost(*chip, *ev, *bev, bchip->id);
        if (!against)
            return fail(ctx, kFailed, "--baseline " + o.baseline +
                                          ": no cost per token to compare (see the warnings of 'eval' for either chip)");
    }
    const CostComparison* a = against ? &*against : nullptr;
    if (o.format == "csv") {  // the per-op rows alone: no ranges, no accuracy
        ctx.out << evaluation_to_csv(*ev);
        return 0;
    }
    // The headline results' ranges over the uncertain parameters of the chip, the engine's estimated defaults, the
    // model's routing skew and the physical model (power, memory).
    auto ranges = result_ranges(DesignPoint{*chip, *model, s, companions});
    if (!ranges) return fail(ctx, kFailed, ranges.error().message);
    // How the model's throughput matched measured runs of this kind of workload.
    const MeasuredAccuracy* accuracy = find_accuracy(builtin_measured_accuracy(), workload_class(*model, s));
    // and how it matched every measured run on this chip, where it is a reference chip as the library holds it (a
    // chip changed by --set or given by a file is another chip, which no run measured).
    const MeasuredAccuracy* on_chip = find_reference_chip_accuracy(builtin_chip_accuracy(), *chip);
    ctx.out << (o.format == "json" ? evaluation_to_json(*ev, *chip, *model, s, 2, a, &*ranges, accuracy, on_chip) + "\n"
                                   : evaluation_to_table(*ev, *chip, *model, s, a, &*ranges, accuracy, on_chip));
    return 0;
}

int run_kernel(const KernelOptions& o, KernelKind kind, CommandContext& ctx) {
    if (o.format != "json" && o.format != "table")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, table");
    int code = kFailed;
    auto chip = chip_with_sets(o.chip, o.session, o.design, o.sets, code);
    if (!chip) return fail(ctx, code, chip.error().message);
    const bool gemm = kind == KernelKind::gemm;
    const bool moe = kind == KernelKind::moe;
    const bool attention = kind == KernelKind::attention;
    const bool linear = kind == KernelKind::linear;
    // The kernel on a given chip: the nominal one, or the same at the clock its power limit allows (--sustained).
    std::function<Result<KernelResult>(const ChipSpec&)> run;
    if (attention) {
        const auto p = parse_precision(o.precision);
        if (!p || *p == Precision::fp4)
            return fail(ctx, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp8, int8 (the KV cache's)");
        if (o.model.empty()) return fail(ctx, kUsage, "attention: --model is required (a model id or JSON file)");
        auto model = load_model(o.model);
        if (!model) return fail(ctx, kFailed, model.error().message);
        run = [m = *model, p = *p, &o](const ChipSpec& c) {
            return attention_kernel(c, m, o.tp, o.tokens, o.context, p, o.sliding, o.prefill ? Phase::prefill : Phase::decode);
        };
    } else if (linear) {
        if (o.precision != "bf16" && o.precision != "fp32" && o.precision != "model")
            return fail(ctx, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp32, model (the state's)");
        auto model = load_model(o.model);
        if (!model) return fail(ctx, kFailed, model.error().message);
        const StateFormat state = o.precision == "fp32" ? StateFormat::fp32
                                  : o.precision == "model" ? StateFormat::model
                                                           : StateFormat::bf16;
        run = [m = *model, state, &o](const ChipSpec& c) {
            return linear_attention_kernel(c, m, o.tp, o.tokens, o.context, state, o.prefill ? Phase::prefill : Phase::decode);
        };
    } else if (moe) {
        const auto p = parse_precision(o.precision);
        if (!p) return fail(ctx, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp8, fp4, int8");
        if (o.model.empty()) return fail(ctx, kUsage, "moe: --model is required (an MoE model id or JSON file)");
        auto model = load_model(o.model);
        if (!model) return fail(ctx, kFailed, model.error().message);
        const auto routing = parse_moe_routing(o.routing);
        if (!routing) return fail(ctx, kUsage, "--routing: '" + o.routing + "' is not one of random, balanced");
        // --moe-pair-bytes is the workload key: the same check and message as eval's.
        if (auto st = validate_moe_pair_bytes(o.moe_pair_bytes); !st) return fail(ctx, kUsage, st.error().message);
        if (auto st = validate_moe_tile_tokens(o.moe_tile_tokens); !st) return fail(ctx, kUsage, st.error().message);
        run = [m = *model, p = *p, r = *routing, &o](const ChipSpec& c) {
            return moe_kernel(c, m, o.tokens, o.ep, p, o.imbalance, r, o.moe_pair_bytes, o.moe_tile_tokens);
        };
    } else if (gemm) {
        const auto p = parse_precision(o.precision);
        if (!p) return fail(ctx, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp8, fp4, int8");
        double dims[3] = {0, 0, 0};
        std::string_view rest = o.shape;
        bool ok = true;
        for (int i = 0; i < 3 && ok; ++i) {
            const auto x = rest.find('x');
            const std::string_view part = rest.substr(0, x);
            long long v = 0;
            auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
            ok = !part.empty() && ec == std::errc() && ptr == part.data() + part.size() && v >= 1 && v <= 1000000000 &&
                 ((i < 2) == (x != std::string_view::npos));
            dims[i] = static_cast<double>(v);
            if (x != std::string_view::npos) rest.remove_prefix(x + 1);
        }
        if (!ok) return fail(ctx, kUsage, "gemm: shape '" + o.shape + "' is not MxNxK with whole numbers in [1, 1e9]");
        GemmOptions options;
        options.weights_from_hbm = o.cold_weights;
        options.weight_copies = o.weight_copies;
        const auto q = parse_act_quant(o.act_quant);
        if (!q) return fail(ctx, kUsage, "--act-quant: '" + o.act_quant + "' is not one of none, static, dynamic");
        options.act_quant = *q;
        run = [m = dims[0], n = dims[1], kk = dims[2], p = *p, options](const ChipSpec& c) {
            return gemm_kernel(c, m, n, kk, p, options);
        };
    } else {
        const std::string_view name = kernel_name(kind);
        double bytes = 0;
        auto [ptr, ec] = std::from_chars(o.bytes.data(), o.bytes.data() + o.bytes.size(), bytes);
        if (o.bytes.empty() || ec != std::errc() || ptr != o.bytes.data() + o.bytes.size() || !std::isfinite(bytes) ||
            bytes < 1 || bytes > 1e15)
            return fail(ctx, kUsage, std::string(name) + ": BYTES '" + o.bytes + "' is not a number in [1, 1e15]");
        if (kind == KernelKind::copy) {
            run = [bytes](const ChipSpec& c) { return copy_kernel(c, bytes); };
        } else if (kind == KernelKind::stream) {
            const auto op = stream_op(o.stream_op);
            if (!op) return fail(ctx, kUsage, "--op: '" + o.stream_op + "' is not one of copy, mul, add, triad, dot");
            run = [op = *op, bytes](const ChipSpec& c) { return stream_kernel(c, op, bytes); };
        } else {
            CollectiveAlgo algo = CollectiveAlgo::none;
            if (o.algorithm != "auto") {
                const auto a = parse_allreduce_algo(o.algorithm);
                if (!a)
                    return fail(ctx, kUsage,
                                "--algorithm: '" + o.algorithm + "' is not one of auto, one-shot, two-shot, ring, tree, in-switch");
                algo = *a;
            }
            if (o.chips < 2) return fail(ctx, kUsage, "--chips: " + std::to_string(o.chips) + " is not a whole number >= 2");
            run = [bytes, algo, &o](const ChipSpec& c) {
                return allreduce_kernel(c, bytes, o.chips, algo, o.library ? AllReduceRunner::library : AllReduceRunner::engine);
            };
        }
    }
    const auto& tech = default_tech();
    if (!tech) return fail(ctx, kFailed, tech.error().message);
    // Board power while the kernel repeats at the nominal clock (above the TDP: the chip would clock down), or with
    // --sustained at the highest clock whose power fits the TDP.
    const auto s = o.sustained ? sustained_kernel(*chip, *tech, run) : nominal_kernel(*chip, *tech, run);
    if (!s) return fail(ctx, kFailed, s.error().message);
    const KernelResult* k = &s->kernel;
    const PowerBreakdown* power = &s->power;
    const OpResult& op = k->op;
    // Tokens through the layer per second: MoE's routed tokens, attention's new tokens (a whole prompt each with --prefill).
    const double tokens_per_s = o.tokens * ((attention || linear) && o.prefill ? o.context : 1.0) / k->time_s();
    std::string text;
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["chip"] = chip->id;
        j["kernel"] = std::string(kernel_name(kind));
        if (moe) {
            j["model"] = o.model;
            j["tokens"] = o.tokens;
            j["ep"] = o.ep;
            j["imbalance"] = o.imbalance;
            j["routing"] = o.routing;
            j["moe_pair_bytes"] =
                o.moe_pair_bytes > 0 ? o.moe_pair_bytes : moe_pair_bytes_default(*parse_precision(o.precision));
            j["moe_tile_tokens"] = o.moe_tile_tokens;
            j["precision"] = std::string(to_string(op.precision));
            j["flops"] = op.flops;
        }
        if (attention) {
            j["model"] = o.model;
            j["tp"] = o.tp;
            j["requests"] = o.tokens;
            j["context"] = o.context;
            j["sliding"] = o.sliding;
            j["phase"] = o.prefill ? "prefill" : "decode";
            j["precision"] = std::string(to_string(op.precision));
            j["flops"] = op.flops;
            j["attention_pairs"] = op.attention_pairs;
            j["prompt_token_heads"] = op.prompt_token_heads;
        }
        if (linear) {
            j["model"] = o.model;
            j["tp"] = o.tp;
            j["requests"] = o.tokens;
            j["context"] = o.context;
            j["phase"] = o.prefill ? "prefill" : "decode";
            j["state_precision"] = o.precision;
            j["flops"] = op.flops;
            j["state_bytes"] = op.kv_bytes;
        }
        if (gemm) {
            j["m"] = op.m;
            j["n"] = op.n;
            j["k"] = op.k;
            j["precision"] = std::string(to_string(op.precision));
            j["flops"] = op.flops;
        }
        if (kind == KernelKind::stream) {
            j["op"] = o.stream_op;
            j["array_bytes"] = std::stod(o.bytes);
        }
        if (kind == KernelKind::allreduce) {
            j["chips"] = o.chips;
            j["algorithm"] = op.algorithm;
            j["runner"] = op.library ? "library" : "engine";  // what ran it: an engine may hand it to the library
            j["buffer_bytes"] = op.buffer_bytes;
            j["network_bytes"] = op.network_bytes;
        } else {
            j["bytes"] = op.bytes();
        }
        if (gemm) {
            j["act_quant_s"] = k->prologue_s;
            j["weight_level"] = std::string(to_string(op.weight_level));  // where the weights are read from
            j["dataflow"] = *get_param_text(*chip, "compute.dataflow");  // how the arrays hold it (utilisation)
        }
        j["time_s"] = k->time_s();
        if (moe || attention || linear) j["tokens_per_s"] = tokens_per_s;
        if (gemm || moe) j["achieved_tflops"] = k->achieved_tflops;
        else if (kind == KernelKind::allreduce) j["busbw_gb_s"] = k->busbw_gb_s;
        else j["achieved_tb_s"] = k->achieved_tb_s;
        j["utilisation"] = op.utilisation;
        j["compute_s"] = op.compute_s;
        j["memory_s"] = op.memory_s;
        j["bound"] = std::string(to_string(op.bound));
        j["power_w"] = power->total_w;
        for (const Breakdown& b : power->items()) j["power_w_breakdown"][b.name] = b.value;
        j["tdp_w"] = chip->power.tdp_w;
        j["clock_ghz"] = s->clock_ghz;
        if (o.sustained) {
            j["sustained"] = true;
            j["power_limited"] = s->power_limited;
        }
        text = j.dump(2) + "\n";
    } else {
        text = "time_s: " + format_number("%.6g", k->time_s()) + "\n";
        if (gemm && k->prologue_s > 0) text += "act_quant_s: " + format_number("%.6g", k->prologue_s) + "\n";
        if (moe)
            text += "tokens_per_s: " + format_number("%.6g", tokens_per_s) + "\nachieved_tflops: " +
                    format_number("%.6g", k->achieved_tflops) + " (expert GEMMs)\n";
        else if (gemm)
            text += "achieved_tflops: " + format_number("%.6g", k->achieved_tflops) + "\nweight_level: " +
                    std::string(to_string(op.weight_level)) + "\nutilisation: " + format_number("%.4g", op.utilisation) +
                    " (" + *get_param_text(*chip, "compute.dataflow") + ": " +
                    (chip->compute.dataflow == Dataflow::weight_stationary
                         ? "M streams " + std::to_string(chip->compute.stream_rows) + " rows at a time through " +
                               std::to_string(chip->compute.mac_rows) + " x " + std::to_string(chip->compute.mac_cols) +
                               " tiles of K x N weights)\n"
                         : std::to_string(chip->compute.mac_rows) + " x " + std::to_string(chip->compute.mac_cols) +
                               " tiles of M x N outputs)\n");
        else if (attention)
            text += "tokens_per_s: " + format_number("%.6g", tokens_per_s) + "\nachieved_tb_s: " +
                    format_number("%.6g", k->achieved_tb_s) + " (KV cache)\n";
        else if (linear)
            text += "tokens_per_s: " + format_number("%.6g", tokens_per_s) + "\nachieved_tb_s: " +
                    format_number("%.6g", k->achieved_tb_s) + " (state)\n";
        else if (kind == KernelKind::allreduce)
            text += "algorithm: " + std::string(op.algorithm) + (op.library ? " (vendor library)" : " (engine kernel)") +
                    "\nbusbw_gb_s: " + format_number("%.6g", k->busbw_gb_s) + "\n";
        else
            text += "achieved_tb_s: " + format_number("%.6g", k->achieved_tb_s) + "\n";
        text += "bound: " + std::string(to_string(op.bound)) + "\n";
        text += "power_w: " + format_number("%.4g", power->total_w) + " (TDP " + format_number("%.4g", chip->power.tdp_w) +
                ")\n";
        text += "clock_ghz: " + format_number("%.4g", s->clock_ghz) +
                (!o.sustained           ? " (nominal)\n"
                 : !s->power_limited    ? " (sustained: the nominal clock fits the TDP)\n"
                 : s->fits              ? " (sustained: lowered until the power fits the TDP)\n"
                                        : " (sustained: above the TDP even at the lowest clock)\n");
    }
    ctx.out << text;
    return 0;
}

int run_models(const std::string& format, CommandContext& ctx) {
    if (format != "json" && format != "table")
        return fail(ctx, kUsage, "--format: '" + format + "' is not one of json, table");
    const auto models = reference_models();
    std::string text;
    if (format == "json") {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& m : models) {
            auto j = nlohmann::ordered_json::parse(model_to_json(m));
            j["parameters"] = m.parameters();
            j["active_parameters"] = m.active_parameters();
            // Its multi-token-prediction modules, beside those counts (0: none).
            j["mtp_parameters"] = m.mtp_layers * mtp_module_counts(m).total();
            arr.push_back(std::move(j));
        }
        text = arr.dump(2) + "\n";
    } else {
        // The id and name columns as wide as their longest entry.
        int id_w = 2, name_w = 4;
        for (const auto& m : models) {
            id_w = std::max(id_w, static_cast<int>(m.id.size()));
            name_w = std::max(name_w, static_cast<int>(m.name.size()));
        }
        char line[512];
        std::snprintf(line, sizeof line, "%-*s %-*s %10s %10s %8s %7s %7s %9s  %s\n", id_w, "id", name_w, "name",
                      "params (B)", "active (B)", "mtp (B)", "layers", "hidden", "context", "source");
        text += line;
        for (const auto& m : models) {
            const auto paren = m.source.find(" (");
            const std::string context = m.max_context > 0 ? std::to_string(m.max_context) : "-";
            const std::string source = m.source.substr(0, paren);
            const std::string mtp =
                m.mtp_layers > 0 ? format_number("%.2f", m.mtp_layers * mtp_module_counts(m).total() / 1e9) : "-";
            std::snprintf(line, sizeof line, "%-*s %-*s %10.2f %10.2f %8s %7d %7d %9s  ", id_w, m.id.c_str(), name_w,
                          m.name.c_str(), m.parameters() / 1e9, m.active_parameters() / 1e9, mtp.c_str(), m.layers,
                          m.hidden, context.c_str());
            text += line;
            text += source + "\n";
        }
    }
    ctx.out << text;
    return 0;
}

int run_models_import(const std::array<std::string, 3>& opts, CommandContext& ctx) {
    const auto& [path, id, name] = opts;
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ctx, kFailed, "config: cannot read '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    if (!looks_like_hf_config(text.str()))
        return fail(ctx, kFailed, "config: '" + path + "' is not a transformers config.json (no 'model_type')");
    auto model = model_from_hf_config(text.str(), id.empty() ? model_id_from_path(path) : id, name, path);
    if (!model) return fail(ctx, kFailed, model.error().message);
    ctx.out << model_to_json(*model) << "\n";
    return 0;
}

int run_validate(const std::vector<std::string>& data, const std::string& format, CommandContext& ctx) {
    if (format != "table" && format != "csv")
        return fail(ctx, kUsage, "--format: '" + format + "' is not one of table, csv");
    // Each --data names a built-in set (public, extra) or a CSV file; their cases are compared together.
    std::vector<ValidationCase> cases;
    std::unordered_set<std::string> ids;
    for (const std::string& source : data.empty() ? std::vector<std::string>{"public"} : data) {
        std::string text;
        std::string origin;
        if (const auto set = builtin_validation_set(source)) {
            text = set->text;
            origin = "built-in " + std::string(set->file);
        } else {
            std::ifstream in(source, std::ios::binary);
            if (!in) return fail(ctx, kFailed, "--data: cannot read '" + source + "' (a CSV file, or public or extra)");
            std::ostringstream ss;
            ss << in.rdbuf();
            text = ss.str();
            origin = source;
        }
        auto parsed = parse_validation_csv(text, origin);
        if (!parsed) return fail(ctx, kFailed, "--data: " + parsed.error().message);
        for (auto& c : *parsed) {
            if (!ids.insert(c.id).second)
                return fail(ctx, kFailed, "--data: case '" + c.id + "' of " + origin + " is given twice");
            cases.push_back(std::move(c));
        }
    }
    std::string out = format == "csv" ? "case,kind,role,metric,measured,predicted,error_pct,detail\n" : "";
    if (format == "table") {
        char line[256];
        std::snprintf(line, sizeof line, "%-36s %-8s %-5s %12s %12s %9s  %s\n", "case", "kind", "role", "measured",
                      "predicted", "error %", "detail");
        out += line;
    }
    std::vector<ValidationResult> results;
    for (const auto& c : cases) {
        auto r = run_validation_case(c);
        if (!r) return fail(ctx, kFailed, r.error().message);
        char line[400];
        const char* role = c.fit ? "fit" : "check";
        if (format == "csv")
            std::snprintf(line, sizeof line, "%s,%s,%s,%s,%.6g,%.6g,%.2f,%s\n", c.id.c_str(), c.kind.c_str(), role,
                          c.metric.c_str(), c.measured, r->predicted, r->error * 100, r->detail.c_str());
        else
            std::snprintf(line, sizeof line, "%-36s %-8s %-5s %12.6g %12.6g %+9.1f  %s\n", c.id.c_str(),
                          c.kind.c_str(), role, c.measured, r->predicted, r->error * 100, r->detail.c_str());
        out += line;
        results.push_back(std::move(*r));
    }
    if (format == "table" && !results.empty()) {
        // Serving and kernels apart; rows that set an efficiency (fits) are not counted.
        auto summary = [&](bool serving) {
            const ValidationSummary v = summarise(results, serving);
            std::string s = serving ? "serving: " : "kernels: ";
            if (v.rows == 0) return s + "no rows" + (v.fits ? " beyond " + std::to_string(v.fits) + " fits" : "");
            s += "median |error| " + format_number("%.1f", v.median_abs_error * 100) + " %, max " +
                 format_number("%.1f", v.max_abs_error * 100) + " %, " + std::to_string(v.rows_within_25) +
                 " within +-25 %, " + std::to_string(v.rows_within_35) + " within +-35 % (" +
                 format_number("%.0f", v.within_35 * 100) + " %) over " + std::to_string(v.rows) + " rows";
            if (v.fits) s += " (" + std::to_string(v.fits) + " fits left out)";
            return s;
        };
        out += summary(true) + "; " + summary(false) + "\n";
        // Kernels by kind: a GEMM, a memory stream and a collective test different parts of the model.
        std::string kinds;
        for (std::string_view kind : kKernelKinds) {
            const ValidationSummary v = summarise_kind(results, kind);
            if (v.rows == 0) continue;
            kinds += (kinds.empty() ? "kernels by kind: " : "; ") + std::string(kind) + " median |error| " +
                     format_number("%.1f", v.median_abs_error * 100) + " % over " + std::to_string(v.rows) + " rows (" +
                     std::to_string(v.rows_within_25) + " within +-25 %)";
        }
        if (!kinds.empty()) out += kinds + "\n";
        // Serving by publication: engines of different years run the same chips at different speeds.
        std::string sources;
        for (const std::string& family : source_families(results, true)) {
            const ValidationSummary v = summarise_source(results, true, family);
            if (v.rows == 0) continue;
            sources += (sources.empty() ? "serving by source: " : "; ") + family + " median |error| " +
                       format_number("%.1f", v.median_abs_error * 100) + " % over " + std::to_string(v.rows) +
                       (v.rows == 1 ? " row (" : " rows (") + std::to_string(v.rows_within_25) + " within +-25 %, " +
                       std::to_string(v.rows_within_35) + " within +-35 %)";
        }
        if (!sources.empty()) out += sources + "\n";
        // Serving by workload class: what eval reports beside a result of that class.
        auto classes = measured_accuracy(results);
        if (!classes) return fail(ctx, kFailed, classes.error().message);
        for (const MeasuredAccuracy& c : *classes)
            out += "serving, " + describe(c.workload) + ": median " + format_number("%+.1f", c.median_error * 100) +
                   " %, 10th to 90th percentile " + format_number("%+.1f", c.p10_error * 100) + " to " +
                   format_number("%+.1f", c.p90_error * 100) + " %, median |error| " +
                   format_number("%.1f", c.median_abs_error * 100) + " % over " + std::to_string(c.rows) + " rows (" +
                   std::to_string(c.within_35) + " within +-35 %)\n";
    }
    ctx.out << out;
    return 0;
}

}  // namespace

void register_eval_commands(CLI::App& app, CommandContext& ctx) {
    auto eo = std::make_shared<EvalOptions>();
    CLI::App* eval = app.add_subcommand("eval", "Evaluate a chip serving a model: throughput, latency, per-layer ops");
    add_design_options(eval, eo->design);
    eval->add_option("--format", eo->format, "json|table|csv");
    eval->add_option("--baseline", eo->baseline,
                     "Reference chip to compare the cost per token with, on the same workload (break-even units for "
                     "a chip built in house)");
    eval->callback([eo, &ctx] { ctx.exit_code = run_eval(*eo, ctx); });

    auto ko = std::make_shared<KernelOptions>();
    CLI::App* kernel = app.add_subcommand("kernel", "Model one kernel: a GEMM, a memory copy, a STREAM operation, an all-reduce, a fused MoE layer, a decode-attention call or a linear-attention layer's own kernels");
    kernel->add_option("--chip", ko->chip, "Chip id or JSON file (or --session and --design)");
    kernel->add_option("--session", ko->session, "Session file (*.scoville) holding the design");
    kernel->add_option("--design", ko->design, "Design name in the --session file");
    kernel->add_option("--set", ko->sets, "Override a chip parameter, key=value (repeatable)");
    kernel->add_option("--format", ko->format, "json|table");
    kernel->add_flag("--sustained", ko->sustained,
                     "Repeated for seconds, as a benchmark loop or a serving engine runs it: the board's power limit lowers the "
                     "clock until the modelled power fits power.tdp_w (prints clock_ghz and power_limited); default: the "
                     "nominal clock, as in a short burst");
    kernel->require_subcommand(1);
    CLI::App* gemm = kernel->add_subcommand("gemm", "(M x K).(K x N): 2 M N K FLOPs; prints time_s, achieved_tflops, weight_level (where the weights are read from) and the board power_w");
    gemm->add_option("shape", ko->shape, "MxNxK")->required();
    gemm->add_option("--precision", ko->precision, "bf16|fp8|fp4|int8");
    gemm->add_option("--act-quant", ko->act_quant,
                     "none (default: activations arrive at the GEMM's precision, scales fused into the op before), static "
                     "(one kernel quantises them with a known scale) or dynamic (a max-reduction kernel finds the scale first)");
    gemm->add_flag("--cold-weights", ko->cold_weights,
                   "Weights come from HBM on every call, however small (a model's layers in turn; default: where they fit)");
    gemm->add_option("--weight-copies", ko->weight_copies,
                     "A benchmark's rotation: up to N copies of the layer called in turn, as many as span the on-chip cache; "
                     "the weights stay on chip when those copies fit it, else come from HBM (aiconfigurator: 5; default 0: off)")
        ->check(CLI::Range(0, 1000));
    gemm->fallthrough();
    gemm->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::gemm, ctx); });
    CLI::App* copy = kernel->add_subcommand("copy", "Read BYTES and write BYTES; prints time_s, achieved_tb_s and the board power_w");
    copy->add_option("bytes", ko->bytes, "BYTES")->required();
    copy->fallthrough();
    copy->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::copy, ctx); });
    CLI::App* stream = kernel->add_subcommand(
        "stream", "A STREAM operation over arrays of BYTES each (BabelStream): time_s, achieved_tb_s as STREAM counts it");
    stream->add_option("bytes", ko->bytes, "BYTES per array")->required();
    stream->add_option("--op", ko->stream_op, "copy|mul (2 arrays), add|triad (3), dot (reads 2)");
    stream->fallthrough();
    stream->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::stream, ctx); });
    CLI::App* allreduce = kernel->add_subcommand(
        "allreduce", "All-reduce of BYTES per chip over --chips: time_s, the algorithm, busbw_gb_s as nccl-tests reports it");
    allreduce->add_option("bytes", ko->bytes, "BYTES per chip")->required();
    allreduce->add_option("--chips", ko->chips, "Chips taking part (default 8)");
    allreduce->add_option("--algorithm", ko->algorithm, "auto|one-shot|two-shot|ring|tree|in-switch (auto: the cheapest)");
    allreduce->add_flag("--library", ko->library,
                        "As the vendor library runs it under nccl-tests (link.library_latency_us per call, streaming through "
                        "link.library_window_mb) instead of as a serving engine does (its own one-shot kernel or the library, "
                        "whichever is faster)");
    allreduce->fallthrough();
    allreduce->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::allreduce, ctx); });
    CLI::App* moe = kernel->add_subcommand(
        "moe", "One layer's fused MoE op (routing, expand, two grouped GEMMs, finalise) on one of --ep ranks holding all "
               "TOKENS: time_s, tokens_per_s, achieved_tflops");
    moe->add_option("tokens", ko->tokens, "TOKENS in the step (every rank holds them all)")->required();
    moe->add_option("--model", ko->model, "MoE model id or JSON file")->required();
    moe->add_option("--ep", ko->ep, "Expert-parallel ranks (divides the experts; default 1)");
    moe->add_option("--precision", ko->precision, "bf16|fp8|fp4|int8");
    moe->add_option("--imbalance", ko->imbalance, "The busiest rank's load over the mean (default 1: balanced)");
    moe->add_option("--routing", ko->routing,
                    "random (default: each token picks its experts at random, as in serving) or balanced (tokens spread "
                    "evenly over the experts, as kernel benchmarks route them: T tokens touch min(E, T x top_k) experts)");
    moe->add_option("--moe-pair-bytes", ko->moe_pair_bytes, kMoePairBytesHelp);
    moe->add_option("--moe-tile-tokens", ko->moe_tile_tokens, kMoeTileTokensHelp);
    moe->fallthrough();
    moe->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::moe, ctx); });
    CLI::App* attention = kernel->add_subcommand(
        "attention", "One layer's attention call on one chip of --tp: REQUESTS each with --context tokens cached attend them "
                     "and their new token (decode), or with --prefill REQUESTS prompts of --context tokens attend their own "
                     "prompt: time_s, tokens_per_s (new tokens), achieved_tb_s (KV bytes over time)");
    attention->add_option("requests", ko->tokens, "REQUESTS decoding in the step (prompts with --prefill)")->required();
    attention->add_option("--model", ko->model, "Model id or JSON file")->required();
    attention->add_option("--tp", ko->tp, "Tensor-parallel degree: the chip holds heads / tp query heads (default 1)");
    attention->add_option("--context", ko->context, "Tokens in each request's KV cache, or each prompt's with --prefill (default 1024)");
    attention->add_flag("--prefill", ko->prefill, "Prompts: each token attends the ones before it (causal), as a prefill step runs them");
    attention->add_option("--precision", ko->precision, "The KV cache's: bf16|fp8|int8");
    attention->add_flag("--sliding", ko->sliding, "A sliding-window layer of the model (its window caps the keys read)");
    attention->fallthrough();
    attention->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::attention, ctx); });
    CLI::App* linear = kernel->add_subcommand(
        "linear", "One linear-attention layer's own kernels on one chip of --tp: REQUESTS each run one recurrent step over "
                  "their state (decode; its convolution too), or with --prefill REQUESTS prompts of --context tokens run "
                  "the chunked delta rule: time_s, tokens_per_s, achieved_tb_s (state bytes over time)");
    linear->add_option("requests", ko->tokens, "REQUESTS decoding in the step (prompts with --prefill)")->required();
    linear->add_option("--model", ko->model, "Model id or JSON file with linear-attention layers")->required();
    linear->add_option("--tp", ko->tp, "Tensor-parallel degree: the chip holds heads / tp of each kind (default 1)");
    linear->add_option("--context", ko->context, "Each prompt's tokens with --prefill (default 1024; a decode's state does not grow)");
    linear->add_flag("--prefill", ko->prefill, "Prompts through the chunked delta rule, as a prefill step runs them");
    linear->add_option("--precision", ko->precision, "The recurrent state's: bf16|fp32|model (its configuration's)");
    linear->fallthrough();
    linear->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, KernelKind::linear, ctx); });

    auto models_format = std::make_shared<std::string>("table");
    CLI::App* models = app.add_subcommand("models", "Reference models with their sources");
    models->add_option("--format", *models_format, "json|table");
    auto import_opts = std::make_shared<std::array<std::string, 3>>();  // file, id, name
    CLI::App* import = models->add_subcommand(
        "import", "Read a Hugging Face model repository's config.json and print it as a model file of this library "
                  "(to keep, edit and pass to --model; --model takes the config.json itself too)");
    import->add_option("config", (*import_opts)[0], "The config.json")->required();
    import->add_option("--id", (*import_opts)[1], "The model's id (default: from the file's folder, e.g. qwen3-30b-a3b)");
    import->add_option("--name", (*import_opts)[2], "The name shown for it (default: the id)");
    import->callback([import_opts, &ctx] { ctx.exit_code = run_models_import(*import_opts, ctx); });
    models->callback([models_format, import, &ctx] {
        if (!import->parsed()) ctx.exit_code = run_models(*models_format, ctx);
    });

    auto vdata = std::make_shared<std::vector<std::string>>();
    auto vformat = std::make_shared<std::string>("table");
    CLI::App* validate = app.add_subcommand("validate", "Compare the model with measured results");
    validate->add_option("--data", *vdata,
                         "Measured results: public or extra (the built-in sets) or a CSV file; repeat it to compare several "
                         "together (default: public)");
    validate->add_option("--format", *vformat, "table|csv");
    validate->callback([vdata, vformat, &ctx] { ctx.exit_code = run_validate(*vdata, *vformat, ctx); });
}

}  // namespace scoville::cli
