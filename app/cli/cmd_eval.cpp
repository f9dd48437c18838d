// eval, kernel, models and validate: the performance model on the command line (DESIGN.md contract).
// Exit codes: 0 success, 2 a malformed command line (bad value, unknown key, out of range),
// 1 inputs that are well formed but fail (unknown chip/model, unreadable file, model does not fit).
#include <CLI/CLI.hpp>

#include <QString>
#include <charconv>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/perf/kernel.hpp"
#include "core/perf/report.hpp"
#include "core/perf/validation.hpp"
#include "core/physical/cost.hpp"
#include "core/physical/design.hpp"
#include "core/util/format.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"

namespace scoville::cli {

namespace {

constexpr int kUsage = 2;
constexpr int kFailed = 1;

struct EvalOptions {
    std::string chip, model;
    std::string session, design;  // instead of --chip: a design of a session file
    int chips = 0;  // 0: tp x attention_dp x pp where given, else 1
    std::string tp = "auto", pp = "auto", ep = "auto", attention_dp = "auto";
    int max_tokens_per_step = Scenario{}.max_tokens_per_step;
    int max_batch = Scenario{}.max_batch;
    std::string kv_allocation = "reserve";
    double host_us_per_request = Scenario{}.host_us_per_request;
    int spec_tokens = 0;
    double spec_accept = 0;
    std::string draft_model;
    double expert_imbalance = Scenario{}.expert_imbalance;
    double comm_overlap = Scenario{}.comm_overlap;
    int prefill_chips = 0, decode_chips = 0;
    bool disaggregate = false;
    std::string prefill_chip;
    std::string baseline;  // --baseline: a reference chip for the cost per token
    std::string precision = "bf16";
    std::string kv_precision;  // default: the weight precision, fp4 -> fp8
    int input_len = 1024, output_len = 256;
    double input_len_cv = 0, output_len_cv = 0;
    std::string batch = "auto";
    std::optional<double> ttft_slo, tpot_slo;
    std::vector<std::string> sets;
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
};

int fail(CommandContext& ctx, int code, const std::string& message) {
    ctx.err << "scoville: " << message << "\n";
    return code;
}

// The chip named by --chip, or by --session and --design, exactly one of them.
Result<ChipSpec> load_source(const std::string& id, const std::string& session, const std::string& design, int& code) {
    code = kUsage;
    if (!id.empty() && !session.empty()) return Error{"--chip and --session: give one of them, not both"};
    if (!design.empty() && session.empty()) return Error{"--design: needs --session FILE"};
    if (!session.empty() && design.empty()) return Error{"--session: needs --design NAME"};
    if (id.empty() && session.empty()) return Error{"--chip ID|FILE or --session FILE --design NAME is required"};
    code = kFailed;
    if (session.empty()) {
        auto chip = load_chip(id);
        if (!chip) return Error{"--chip: " + chip.error().message};
        return chip;
    }
    if (!std::filesystem::is_regular_file(session)) return Error{"--session: " + session + ": no such file"};
    auto chip = store::loadDesignChip(qtext(session), qtext(design));
    if (!chip) return Error{"--session: " + chip.error().message};
    return chip;
}

// Loads the chip and applies --set; the code says whether a failure is usage or input.
Result<ChipSpec> chip_with_sets(const std::string& id, const std::string& session, const std::string& design,
                                const std::vector<std::string>& sets, int& code) {
    auto chip = load_source(id, session, design, code);
    if (!chip) return chip;
    for (const auto& s : sets) {
        if (auto st = apply_assignment(*chip, s); !st) {
            code = kUsage;
            return Error{"--set: " + st.error().message};
        }
    }
    if (auto st = validate_chip(*chip); !st) {
        code = kUsage;
        return Error{"--set: " + st.error().message};
    }
    return chip;
}

// "auto" (0) or a whole number >= 1.
std::optional<int> parse_degree(const std::string& text) {
    if (text == "auto") return 0;
    int v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || p != text.data() + text.size() || v < 1) return std::nullopt;
    return v;
}

int run_eval(const EvalOptions& o, CommandContext& ctx) {
    if (o.format != "json" && o.format != "table" && o.format != "csv")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, table, csv");
    const auto precision = parse_precision(o.precision);
    if (!precision) return fail(ctx, kUsage, "--precision: '" + o.precision + "' is not one of bf16, fp8, fp4, int8");
    std::optional<Precision> kv = precision == Precision::fp4 ? Precision::fp8 : *precision;
    if (!o.kv_precision.empty()) {
        kv = parse_precision(o.kv_precision);
        if (!kv) return fail(ctx, kUsage, "--kv-precision: '" + o.kv_precision + "' is not one of bf16, fp8, fp4, int8");
    }
    Scenario s;
    for (auto [flag, text, target] : {std::tuple{"--tp", &o.tp, &s.tp}, std::tuple{"--pp", &o.pp, &s.pp},
                                      std::tuple{"--ep", &o.ep, &s.ep},
                                      std::tuple{"--attention-dp", &o.attention_dp, &s.attention_dp}}) {
        const auto v = parse_degree(*text);
        if (!v) return fail(ctx, kUsage, std::string(flag) + ": '" + *text + "' is not a whole number >= 1 or 'auto'");
        *target = *v;
    }
    s.chips = o.chips > 0 ? o.chips : std::max(1, s.tp) * std::max(1, s.attention_dp) * std::max(1, s.pp);
    if (o.disaggregate) {
        if (o.prefill_chips > 0 || o.decode_chips > 0)
            return fail(ctx, kUsage, "--disaggregate: give it alone (the best split of --chips) or "
                                     "--prefill-chips and --decode-chips, not both");
        s.prefill_chips = s.decode_chips = -1;
    } else {
        s.prefill_chips = o.prefill_chips;
        s.decode_chips = o.decode_chips;
        if (o.chips == 0 && o.prefill_chips > 0 && o.decode_chips > 0) s.chips = o.prefill_chips + o.decode_chips;
    }
    s.prefill_chip = o.prefill_chip;
    s.max_tokens_per_step = o.max_tokens_per_step;
    s.max_batch = o.max_batch;
    const auto kv_alloc = parse_kv_allocation(o.kv_allocation);
    if (!kv_alloc)
        return fail(ctx, kUsage, "--kv-allocation: '" + o.kv_allocation + "' is not one of reserve, on_demand");
    s.kv_allocation = *kv_alloc;
    s.host_us_per_request = o.host_us_per_request;
    s.spec_tokens = o.spec_tokens;
    s.spec_accept = o.spec_accept;
    s.draft_model = o.draft_model;
    s.expert_imbalance = o.expert_imbalance;
    s.comm_overlap = o.comm_overlap;
    s.weight_precision = s.activation_precision = *precision;
    s.kv_precision = *kv;
    s.input_len = o.input_len;
    s.output_len = o.output_len;
    s.input_len_cv = o.input_len_cv;
    s.output_len_cv = o.output_len_cv;
    if (o.batch == "auto") {
        s.batch = 0;
    } else {
        int b = 0;
        auto [p, ec] = std::from_chars(o.batch.data(), o.batch.data() + o.batch.size(), b);
        if (o.batch.empty() || ec != std::errc() || p != o.batch.data() + o.batch.size() || b < 1)
            return fail(ctx, kUsage, "--batch: '" + o.batch + "' is not a positive whole number or 'auto'");
        s.batch = b;
    }
    s.ttft_slo_s = o.ttft_slo;
    s.tpot_slo_s = o.tpot_slo;

    int code = kFailed;
    auto chip = chip_with_sets(o.chip, o.session, o.design, o.sets, code);
    if (!chip) return fail(ctx, code, chip.error().message);
    auto model = load_model(o.model);
    if (!model) return fail(ctx, kFailed, "--model: " + model.error().message);
    if (auto st = validate_scenario(s, *model); !st) return fail(ctx, kUsage, st.error().message);
    Companions companions;
    if (!o.draft_model.empty()) {
        auto draft = load_model(o.draft_model);
        if (!draft) return fail(ctx, kFailed, "--draft-model: " + draft.error().message);
        companions.draft = std::move(*draft);
    }
    if (!o.prefill_chip.empty()) {
        auto pchip = load_chip(o.prefill_chip);
        if (!pchip) return fail(ctx, kFailed, "--prefill-chip: " + pchip.error().message);
        companions.prefill_chip = std::move(*pchip);
    }

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
    std::string text;
    if (o.format == "json") text = evaluation_to_json(*ev, *chip, *model, s, 2, a) + "\n";
    else if (o.format == "csv") text = evaluation_to_csv(*ev);
    else text = evaluation_to_table(*ev, *chip, *model, s, a);
    ctx.out << text;
    return 0;
}

int run_kernel(const KernelOptions& o, bool gemm, CommandContext& ctx) {
    if (o.format != "json" && o.format != "table")
        return fail(ctx, kUsage, "--format: '" + o.format + "' is not one of json, table");
    int code = kFailed;
    auto chip = chip_with_sets(o.chip, o.session, o.design, o.sets, code);
    if (!chip) return fail(ctx, code, chip.error().message);
    Result<KernelResult> k = Error{""};
    if (gemm) {
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
        k = gemm_kernel(*chip, dims[0], dims[1], dims[2], *p);
    } else {
        double bytes = 0;
        auto [ptr, ec] = std::from_chars(o.bytes.data(), o.bytes.data() + o.bytes.size(), bytes);
        if (o.bytes.empty() || ec != std::errc() || ptr != o.bytes.data() + o.bytes.size() || !std::isfinite(bytes) ||
            bytes < 1 || bytes > 1e15)
            return fail(ctx, kUsage, "copy: BYTES '" + o.bytes + "' is not a number in [1, 1e15]");
        k = copy_kernel(*chip, bytes);
    }
    if (!k) return fail(ctx, kFailed, k.error().message);
    const OpResult& op = k->op;
    std::string text;
    if (o.format == "json") {
        nlohmann::ordered_json j;
        j["chip"] = chip->id;
        j["kernel"] = gemm ? "gemm" : "copy";
        if (gemm) {
            j["m"] = op.m;
            j["n"] = op.n;
            j["k"] = op.k;
            j["precision"] = std::string(to_string(op.precision));
            j["flops"] = op.flops;
        }
        j["bytes"] = op.bytes();
        j["time_s"] = op.time_s;
        if (gemm) j["achieved_tflops"] = k->achieved_tflops;
        else j["achieved_tb_s"] = k->achieved_tb_s;
        j["utilisation"] = op.utilisation;
        j["compute_s"] = op.compute_s;
        j["memory_s"] = op.memory_s;
        j["bound"] = std::string(to_string(op.bound));
        text = j.dump(2) + "\n";
    } else {
        text = "time_s: " + format_number("%.6g", op.time_s) + "\n";
        if (gemm)
            text += "achieved_tflops: " + format_number("%.6g", k->achieved_tflops) + "\n";
        else
            text += "achieved_tb_s: " + format_number("%.6g", k->achieved_tb_s) + "\n";
        text += "bound: " + std::string(to_string(op.bound)) + "\n";
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
            arr.push_back(std::move(j));
        }
        text = arr.dump(2) + "\n";
    } else {
        char line[256];
        std::snprintf(line, sizeof line, "%-16s %-18s %10s %10s %7s %7s  %s\n", "id", "name", "params (B)", "active (B)",
                      "layers", "hidden", "source");
        text += line;
        for (const auto& m : models) {
            const auto paren = m.source.find(" (");
            std::snprintf(line, sizeof line, "%-16s %-18s %10.2f %10.2f %7d %7d  %s\n", m.id.c_str(), m.name.c_str(),
                          m.parameters() / 1e9, m.active_parameters() / 1e9, m.layers, m.hidden,
                          m.source.substr(0, paren).c_str());
            text += line;
        }
    }
    ctx.out << text;
    return 0;
}

int run_validate(const std::string& data, const std::string& format, CommandContext& ctx) {
    if (format != "table" && format != "csv")
        return fail(ctx, kUsage, "--format: '" + format + "' is not one of table, csv");
    std::string text;
    std::string origin = "built-in validation-public.csv";
    if (data.empty()) {
        text = builtin_validation_csv();
    } else {
        std::ifstream in(data, std::ios::binary);
        if (!in) return fail(ctx, kFailed, "--data: cannot read '" + data + "'");
        std::ostringstream ss;
        ss << in.rdbuf();
        text = ss.str();
        origin = data;
    }
    auto cases = parse_validation_csv(text, origin);
    if (!cases) return fail(ctx, kFailed, "--data: " + cases.error().message);
    std::string out = format == "csv" ? "case,kind,role,metric,measured,predicted,error_pct,detail\n" : "";
    if (format == "table") {
        char line[256];
        std::snprintf(line, sizeof line, "%-36s %-8s %-5s %12s %12s %9s  %s\n", "case", "kind", "role", "measured",
                      "predicted", "error %", "detail");
        out += line;
    }
    std::vector<ValidationResult> results;
    for (const auto& c : *cases) {
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
                 format_number("%.1f", v.max_abs_error * 100) + " %, " +
                 format_number("%.0f", v.within_35 * 100) + " % within +-35 % over " +
                 std::to_string(v.rows) + " rows";
            if (v.fits) s += " (" + std::to_string(v.fits) + " fits left out)";
            return s;
        };
        out += summary(true) + "; " + summary(false) + "\n";
    }
    ctx.out << out;
    return 0;
}

}  // namespace

void register_eval_commands(CLI::App& app, CommandContext& ctx) {
    auto eo = std::make_shared<EvalOptions>();
    CLI::App* eval = app.add_subcommand("eval", "Evaluate a chip serving a model: throughput, latency, per-layer ops");
    eval->add_option("--chip", eo->chip, "Chip id or JSON file (or --session and --design)");
    eval->add_option("--session", eo->session, "Session file (*.scoville) holding the design to evaluate");
    eval->add_option("--design", eo->design, "Design name in the --session file");
    eval->add_option("--model", eo->model, "Model id or JSON file")->required();
    eval->add_option("--chips", eo->chips,
                     "Total chips (default: the product of the degrees given, else 1); "
                     "replicas = chips / (tp x attention-dp x pp)");
    eval->add_option("--tp", eo->tp, "Tensor-parallel degree of attention and dense layers, or auto (default)");
    eval->add_option("--pp", eo->pp, "Pipeline stages, or auto (default)");
    eval->add_option("--ep", eo->ep, "Expert-parallel degree (divides tp x attention-dp), or auto (default)");
    eval->add_option("--attention-dp", eo->attention_dp,
                     "Attention data-parallel ranks (each with its own requests; MoE layers span them), or auto");
    eval->add_option("--max-tokens-per-step", eo->max_tokens_per_step,
                     "Engine token budget per step and attention rank (prefill chunks + decodes; default 8192)");
    eval->add_option("--max-batch", eo->max_batch, "Engine limit: requests in flight per attention rank (default 2048)");
    eval->add_option("--kv-allocation", eo->kv_allocation,
                     "reserve (a request's final KV at admission, TensorRT-LLM default) or on_demand (paged as "
                     "tokens are made, vLLM)");
    eval->add_option("--prefill-chips", eo->prefill_chips, "Disaggregated serving: chips of the prefill pool");
    eval->add_option("--decode-chips", eo->decode_chips, "Disaggregated serving: chips of the decode pool");
    eval->add_flag("--disaggregate", eo->disaggregate, "Disaggregated serving at the best split of --chips");
    eval->add_option("--prefill-chip", eo->prefill_chip, "Chip id or JSON file of the prefill pool (default: --chip)");
    eval->add_option("--host-us-per-request", eo->host_us_per_request,
                     "Engine host time per step and request the chips wait for, us (default 1: vLLM V1)");
    eval->add_option("--spec-tokens", eo->spec_tokens, "Speculative decoding: draft tokens per step (0: off)");
    eval->add_option("--spec-accept", eo->spec_accept, "Speculative decoding: probability a draft token is accepted");
    eval->add_option("--draft-model", eo->draft_model,
                     "Speculative decoding: draft model id or JSON file (default: MTP layers of the target)");
    eval->add_option("--expert-imbalance", eo->expert_imbalance,
                     "MoE: busiest expert-parallel rank's load / mean (default 1.1)");
    eval->add_option("--comm-overlap", eo->comm_overlap,
                     "Fraction of collective time hidden behind compute (default 0)");
    eval->add_option("--precision", eo->precision, "Weights and GEMMs: bf16|fp8|fp4|int8");
    eval->add_option("--kv-precision", eo->kv_precision, "KV cache: bf16|fp8|fp4|int8 (default: --precision, fp4 -> fp8)");
    eval->add_option("--input-len", eo->input_len, "Prompt tokens per request");
    eval->add_option("--output-len", eo->output_len, "Generated tokens per request");
    eval->add_option("--input-len-cv", eo->input_len_cv,
                     "Spread of prompt lengths over the requests: std / mean (0: all equal; --input-len is the mean)");
    eval->add_option("--output-len-cv", eo->output_len_cv,
                     "Spread of output lengths over the requests: std / mean (0: all equal; --output-len is the mean)");
    eval->add_option("--batch", eo->batch, "Sequences per replica, or auto (largest throughput within memory and SLOs)");
    eval->add_option("--ttft-slo", eo->ttft_slo, "Time-to-first-token limit, seconds");
    eval->add_option("--tpot-slo", eo->tpot_slo, "Time-per-output-token limit, seconds");
    std::string keys;
    for (const auto& p : chip_params()) keys += (keys.empty() ? "" : ", ") + std::string(p.key);
    eval->add_option("--set", eo->sets, "Override a chip parameter, key=value (repeatable). Keys: " + keys);
    eval->add_option("--format", eo->format, "json|table|csv");
    eval->add_option("--baseline", eo->baseline,
                     "Reference chip to compare the cost per token with, on the same workload (break-even units for "
                     "a chip built in house)");
    eval->callback([eo, &ctx] { ctx.exit_code = run_eval(*eo, ctx); });

    auto ko = std::make_shared<KernelOptions>();
    CLI::App* kernel = app.add_subcommand("kernel", "Model one kernel: a GEMM or a memory copy");
    kernel->add_option("--chip", ko->chip, "Chip id or JSON file (or --session and --design)");
    kernel->add_option("--session", ko->session, "Session file (*.scoville) holding the design");
    kernel->add_option("--design", ko->design, "Design name in the --session file");
    kernel->add_option("--set", ko->sets, "Override a chip parameter, key=value (repeatable)");
    kernel->add_option("--format", ko->format, "json|table");
    kernel->require_subcommand(1);
    CLI::App* gemm = kernel->add_subcommand("gemm", "(M x K).(K x N): 2 M N K FLOPs; prints time_s, achieved_tflops");
    gemm->add_option("shape", ko->shape, "MxNxK")->required();
    gemm->add_option("--precision", ko->precision, "bf16|fp8|fp4|int8");
    gemm->fallthrough();
    gemm->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, true, ctx); });
    CLI::App* copy = kernel->add_subcommand("copy", "Read BYTES and write BYTES; prints time_s, achieved_tb_s");
    copy->add_option("bytes", ko->bytes, "BYTES")->required();
    copy->fallthrough();
    copy->callback([ko, &ctx] { ctx.exit_code = run_kernel(*ko, false, ctx); });

    auto models_format = std::make_shared<std::string>("table");
    CLI::App* models = app.add_subcommand("models", "Reference models with their sources");
    models->add_option("--format", *models_format, "json|table");
    models->callback([models_format, &ctx] { ctx.exit_code = run_models(*models_format, ctx); });

    auto vdata = std::make_shared<std::string>();
    auto vformat = std::make_shared<std::string>("table");
    CLI::App* validate = app.add_subcommand("validate", "Compare the model with measured results");
    validate->add_option("--data", *vdata, "CSV of measured results (default: the built-in public set)");
    validate->add_option("--format", *vformat, "table|csv");
    validate->callback([vdata, vformat, &ctx] { ctx.exit_code = run_validate(*vdata, *vformat, ctx); });
}

}  // namespace scoville::cli
