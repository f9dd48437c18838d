#include "core/perf/validation.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/perf/evaluate.hpp"
#include "core/perf/kernel.hpp"
#include "core/physical/design.hpp"
#include "core/workload/scenario_keys.hpp"
#include "core/physical/power.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"

namespace scoville {

namespace {

std::vector<std::string_view> split(std::string_view line, char sep, size_t max_fields) {
    std::vector<std::string_view> out;
    while (out.size() + 1 < max_fields) {
        const auto pos = line.find(sep);
        if (pos == std::string_view::npos) break;
        out.push_back(line.substr(0, pos));
        line.remove_prefix(pos + 1);
    }
    out.push_back(line);  // the last field (source) may contain the separator
    return out;
}

template <typename T>
bool parse_number(std::string_view s, T& out) {
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

Result<std::vector<ValidationCase>> parse_validation_csv(std::string_view text, std::string_view origin) {
    const std::string where(origin);
    std::vector<ValidationCase> cases;
    bool header = false;
    int line_no = 0;
    // Columns by name from the header: the 14 of the shared format, and an optional `role` (fit: the
    // row set an efficiency; check: it tests the model) before the last one, `source`.
    static constexpr const char* kColumns[] = {"case", "kind", "chip", "chips", "model", "precision", "scenario",
                                               "input_len", "output_len", "shape", "metric", "value", "per_chip",
                                               "source"};
    size_t col[15] = {};  // the 14 above, then role
    size_t n_columns = 14;
    bool has_role = false;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        if (!header) {
            if (line.substr(0, 10) != "case,kind,")
                return Error{where + ":" + std::to_string(line_no) + ": expected the header 'case,kind,...'"};
            const auto names = split(line, ',', 64);
            for (size_t i = 0; i < 14; ++i) {
                const auto it = std::find(names.begin(), names.end(), kColumns[i]);
                if (it == names.end())
                    return Error{where + ":" + std::to_string(line_no) + ": the header has no column '" + kColumns[i] + "'"};
                col[i] = static_cast<size_t>(it - names.begin());
            }
            const auto role = std::find(names.begin(), names.end(), "role");
            has_role = role != names.end();
            if (has_role) col[14] = static_cast<size_t>(role - names.begin());
            n_columns = names.size();
            if (col[13] != n_columns - 1)
                return Error{where + ":" + std::to_string(line_no) + ": 'source' must be the last column"};
            header = true;
            continue;
        }
        const auto f = split(line, ',', n_columns);
        if (f.size() + 1 < n_columns)
            return Error{where + ":" + std::to_string(line_no) + ": expected " + std::to_string(n_columns) +
                         " comma-separated fields"};
        const auto at = [&](size_t column) { return col[column] < f.size() ? f[col[column]] : std::string_view(); };
        ValidationCase c;
        c.id = at(0);
        c.kind = at(1);
        c.chip = at(2);
        c.model = at(4);
        c.precision = at(5);
        c.scenario = at(6);
        c.shape = at(9);
        c.metric = at(10);
        c.source = at(13);
        if (has_role) {
            const std::string_view role = at(14);
            if (role == "fit") c.fit = true;
            else if (!role.empty() && role != "check")
                return Error{where + ":" + std::to_string(line_no) + ": case '" + c.id + "': bad role (fit or check)"};
        }
        const auto bad = [&](const char* field) {
            return Error{where + ":" + std::to_string(line_no) + ": case '" + c.id + "': bad " + field};
        };
        if (!parse_number(at(3), c.chips) || c.chips < 1) return bad("chips");
        if (!parse_number(at(11), c.measured) || !(c.measured > 0) || !std::isfinite(c.measured)) return bad("value");
        if (c.kind == "serving") {
            if (!parse_number(at(7), c.input_len) || c.input_len < 1) return bad("input_len");
            if (!parse_number(at(8), c.output_len) || c.output_len < 1) return bad("output_len");
        } else if (c.kind != "gemm" && c.kind != "copy" && c.kind != "allreduce" && c.kind != "moe" &&
                   c.kind != "attention") {
            return bad("kind (serving, gemm, copy, allreduce, moe or attention)");
        }
        cases.push_back(std::move(c));
    }
    if (!header) return Error{where + ": no header line"};
    return cases;
}

namespace {
template <typename Keep>
ValidationSummary summarise_if(const std::vector<ValidationResult>& results, Keep keep) {
    ValidationSummary s;
    std::vector<double> errors;
    for (const auto& r : results) {
        if (!keep(r.c)) continue;
        if (r.c.fit) {
            ++s.fits;
            continue;
        }
        errors.push_back(std::fabs(r.error));
    }
    s.rows = static_cast<int>(errors.size());
    if (errors.empty()) return s;
    std::sort(errors.begin(), errors.end());
    const size_t n = errors.size();
    s.median_abs_error = n % 2 ? errors[n / 2] : (errors[n / 2 - 1] + errors[n / 2]) / 2;
    s.max_abs_error = errors.back();
    s.rows_within_25 = static_cast<int>(std::count_if(errors.begin(), errors.end(), [](double e) { return e <= 0.25; }));
    s.rows_within_35 = static_cast<int>(std::count_if(errors.begin(), errors.end(), [](double e) { return e <= 0.35; }));
    s.within_35 = static_cast<double>(s.rows_within_35) / static_cast<double>(n);
    return s;
}
}  // namespace

ValidationSummary summarise(const std::vector<ValidationResult>& results, bool serving) {
    return summarise_if(results, [serving](const ValidationCase& c) { return (c.kind == "serving") == serving; });
}

ValidationSummary summarise_kind(const std::vector<ValidationResult>& results, std::string_view kind) {
    return summarise_if(results, [kind](const ValidationCase& c) { return c.kind == kind; });
}

ValidationSummary summarise_source(const std::vector<ValidationResult>& results, bool serving, std::string_view family) {
    return summarise_if(results, [serving, family](const ValidationCase& c) {
        return (c.kind == "serving") == serving && source_family(c.source) == family;
    });
}

std::string source_family(std::string_view source) {
    std::string out;
    for (std::string_view rest = source; !rest.empty();) {
        const auto sp = rest.find(' ');
        const std::string_view word = rest.substr(0, sp);
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        if (word.empty()) continue;
        const bool version = word.size() > 1 && word[0] == 'v' && std::isdigit(static_cast<unsigned char>(word[1]));
        if (!out.empty() && !version && word.find_first_of("/(_:;0123456789") != std::string_view::npos) break;
        if (!out.empty()) out += ' ';
        out += word;
        if (version) break;
    }
    return out;
}

std::vector<std::string> source_families(const std::vector<ValidationResult>& results, bool serving) {
    std::vector<std::string> out;
    for (const auto& r : results) {
        if ((r.c.kind == "serving") != serving) continue;
        std::string f = source_family(r.c.source);
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
    }
    return out;
}

namespace {
// A power limit in watts, or 0 when `value` is not one.
double power_cap_of(std::string_view value) {
    double w = 0;
    return parse_number(value, w) && std::isfinite(w) && w >= 1 && w <= 100000 ? w : 0;
}

// Calls take(item, key, value) for each space-separated key=value item of a row's shape (value empty
// when there is no '='); stops at the first item take refuses and returns it, or empty when all pass.
template <typename Take>
std::string_view first_refused_item(std::string_view shape, Take take) {
    for (std::string_view rest = shape; !rest.empty();) {
        const auto sp = rest.find(' ');
        const std::string_view item = rest.substr(0, sp);
        rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
        if (item.empty()) continue;
        const auto eq = item.find('=');
        const std::string_view value = eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
        if (!take(item.substr(0, eq), value)) return item;
    }
    return {};
}
}  // namespace

Status apply_validation_conditions(const ValidationCase& c, ChipSpec& chip) {
    double cap = 0;
    std::string why;
    const std::string_view bad = first_refused_item(c.shape, [&](std::string_view key, std::string_view value) {
        if (key == "power_cap_w") {
            cap = power_cap_of(value);
            why = "a board power limit in W";
            return cap > 0;
        }
        // A chip key: the system the row ran on differs from the chip's data sheet in it (e.g. a
        // four-GPU board wired as a mesh where the chip's file describes an eight-GPU switch).
        if (!find_param(key)) return true;
        const Status st = set_param_text(chip, key, value);
        if (!st) why = st.error().message;
        return st.ok();
    });
    if (!bad.empty()) return Error{"case '" + c.id + "': bad '" + std::string(bad) + "' (" + why + ")"};
    if (cap > 0) chip.power.tdp_w = std::min(chip.power.tdp_w, cap);
    return Ok{};
}

Result<Scenario> validation_scenario(const ValidationCase& c) {
    if (c.kind != "serving") return Error{"case '" + c.id + "': a " + c.kind + " row has no workload"};
    const auto p = parse_precision(c.precision);
    if (!p) return Error{"case '" + c.id + "': unknown precision '" + c.precision + "'"};
    Scenario s;
    s.chips = c.chips;
    s.input_len = c.input_len;
    s.output_len = c.output_len;
    s.weight_precision = s.activation_precision = *p;
    s.kv_precision = (*p == Precision::fp8 || *p == Precision::fp4) ? Precision::fp8 : Precision::bf16;
    s.batch = 0;
    // MLPerf's latency limits, p99 (LoadGen: requested_server_ttft_latency / _tpot_latency in the logs): the
    // Llama-2-70B and Mixtral server scenarios 2 s and 200 ms, Llama-2-70B interactive 450 ms and 40 ms.
    if (c.scenario == "server") {
        s.ttft_slo_s = 2.0;
        s.tpot_slo_s = 0.2;
    } else if (c.scenario == "interactive") {
        s.ttft_slo_s = 0.45;
        s.tpot_slo_s = 0.04;
    } else if (c.scenario != "offline") {
        return Error{"case '" + c.id + "': unknown scenario '" + c.scenario + "' (offline, server or interactive)"};
    }
    // A serving row's shape field may describe how it was measured, as space-separated
    // key=value: tp, pp, ep, dp (attention data-parallel ranks), in_cv and out_cv (the spread
    // of the request lengths, std / mean), max_batch and max_tokens (the engine's limits).
    // Whatever the row leaves open is auto: the best deployment within the limits.
    s.tp = s.pp = s.ep = s.attention_dp = 0;
    bool engine_limit = false;
    std::optional<Admission> admission;  // as the row says; else fill where it gives the engine's limit
    auto quantiles = [&](std::string_view text) {
        auto q = parse_length_quantiles(text, "out_q");
        if (q) s.output_len_quantiles = std::move(*q);
        return q.ok();
    };
    const std::string_view bad = first_refused_item(c.shape, [&](std::string_view key, std::string_view value) {
        bool ok = false;
        if (key == "tp") ok = parse_number(value, s.tp) && s.tp >= 1;
        else if (key == "pp") ok = parse_number(value, s.pp) && s.pp >= 1;
        else if (key == "ep") ok = parse_number(value, s.ep) && s.ep >= 1;
        else if (key == "dp") ok = parse_number(value, s.attention_dp) && s.attention_dp >= 1;
        else if (key == "in_cv") ok = parse_number(value, s.input_len_cv) && s.input_len_cv >= 0;
        else if (key == "out_cv") ok = parse_number(value, s.output_len_cv) && s.output_len_cv >= 0;
        else if (key == "out_q") ok = quantiles(value);
        else if (key == "max_batch") ok = engine_limit = parse_number(value, s.max_batch) && s.max_batch >= 1;
        else if (key == "requests") ok = parse_number(value, s.requests) && s.requests >= 1;
        else if (key == "max_tokens") ok = parse_number(value, s.max_tokens_per_step) && s.max_tokens_per_step >= 1;
        else if (key == "host_us") ok = parse_number(value, s.host_us_per_request) && s.host_us_per_request >= 0;
        else if (key == "stream_us") ok = parse_number(value, s.stream_us_per_token) && s.stream_us_per_token >= 0;
        else if (key == "host_ms") ok = parse_number(value, s.host_ms_per_step) && s.host_ms_per_step >= 0;
        else if (key == "admit_steps") ok = parse_number(value, s.admit_every_steps) && s.admit_every_steps >= 1;
        else if (key == "custom_ar_mb") ok = parse_number(value, s.custom_allreduce_mb) && s.custom_allreduce_mb >= 0;
        else if (key == "w16") ok = parse_number(value, s.weights_16bit_share) && s.weights_16bit_share >= 0 &&
                                    s.weights_16bit_share <= 1;
        else if (key == "dispatch") {
            const auto d = parse_moe_dispatch(value);
            ok = d.has_value();
            if (ok) s.moe_dispatch = *d;
        }
        else if (key == "power_cap_w") ok = power_cap_of(value) > 0;  // applied to the chip: apply_validation_conditions
        else if (find_param(key)) ok = true;                           // a chip key, applied there too
        else if (key == "kv") {
            const auto a = parse_kv_allocation(value);
            ok = a.has_value();
            if (ok) s.kv_allocation = *a;
        } else if (key == "prefill") {
            const auto v = parse_prefill_steps(value);
            ok = v.has_value();
            if (ok) s.prefill_steps = *v;
        } else if (key == "adp_balance") {
            ok = set_workload_text(s, "attention_dp_balance", value).ok();
        } else if (key == "chunked_decode") {
            ok = set_workload_text(s, "chunked_decode", value).ok();
        } else if (key == "chunked_kv") {
            ok = set_workload_text(s, "chunked_kv", value).ok();
        } else if (key == "admission") {
            admission = parse_admission(value);
            ok = admission.has_value();
        }
        return ok;
    });
    if (!bad.empty())
        return Error{"case '" + c.id + "': bad '" + std::string(bad) + "' in '" + c.shape +
                     "' (serving: tp, pp, ep, dp, max_batch, max_tokens, requests = whole numbers; in_cv, out_cv; "
                     "kv = reserve or on_demand; admission = best or fill; host_us = engine host time per request and step; stream_us = engine host time per streamed token (server and interactive rows); host_ms = engine host time per step; prefill = mixed or separate (prompt steps); adp_balance = on or off (attention data-parallel ranks take prompt chunks in the same steps); "
                     "chunked_decode = chunk or full and chunked_kv = chunk or whole (a chunked-attention model's decodes and KV cache); admit_steps = steps per "
                     "scheduling block; custom_ar_mb = the largest all-reduce the engine's own kernels take, MB; "
                     "dispatch = auto, allgather or alltoall, how MoE tokens cross attention ranks; w16 = the share of "
                     "the weights kept at 16 bits; "
                     "power_cap_w = the board power limit the run was held to; a chip key such as link.topology = how the "
                     "system differs from the chip's file)"};
    // A row that publishes its engine's batch limit ran that engine: offline, its scheduler admits
    // queued requests until memory or that limit stops it, and the model does not look below it for a
    // throughput peak the engine would not seek.
    s.admission = admission.value_or(engine_limit ? Admission::fill : Admission::best);
    return s;
}

Result<ValidationResult> run_validation_case(const ValidationCase& c) {
    ValidationResult out;
    out.c = c;
    auto chip = load_chip(c.chip);
    if (!chip) return Error{"case '" + c.id + "': " + chip.error().message};
    if (auto st = apply_validation_conditions(c, *chip); !st) return st.error();
    if (c.kind == "copy") {
        // BabelStream's default arrays: 1,308,622,848 doubles each.
        constexpr double kArrayBytes = 1308622848.0 * 8;
        const auto op = stream_op(c.shape.empty() ? std::string_view("copy") : std::string_view(c.shape));
        if (!op) return Error{"case '" + c.id + "': bad shape '" + c.shape + "' (copy, mul, add, triad or dot)"};
        auto k = stream_kernel(*chip, *op, kArrayBytes);
        if (!k) return Error{"case '" + c.id + "': " + k.error().message};
        out.predicted = k->achieved_tb_s;
        out.detail = "stream " + std::string(op->name) + ", 10.5 GB arrays";
    } else if (c.kind == "allreduce") {
        // shape: bytes=<buffer per chip> [algo=<one-shot|two-shot|ring|tree|in-switch|auto>]
        //        [lib=<nccl|rccl|engine>]: the vendor library, as nccl-tests calls it, or an engine's own kernels
        double bytes = 0;
        CollectiveAlgo algo = CollectiveAlgo::none;
        AllReduceRunner runner = AllReduceRunner::engine;
        const std::string_view bad = first_refused_item(c.shape, [&](std::string_view key, std::string_view value) {
            if (key == "bytes") return parse_number(value, bytes) && bytes >= 1;
            if (key == "algo") {
                const auto a = value == "auto" ? std::optional<CollectiveAlgo>(CollectiveAlgo::none) : parse_allreduce_algo(value);
                if (a) algo = *a;
                return a.has_value();
            }
            if (key == "lib") {
                runner = value == "engine" ? AllReduceRunner::engine : AllReduceRunner::library;
                return value == "nccl" || value == "rccl" || value == "engine";
            }
            return false;
        });
        if (!bad.empty())
            return Error{"case '" + c.id + "': bad '" + std::string(bad) + "' in '" + c.shape +
                         "' (allreduce: bytes = the buffer per chip; algo = one-shot, two-shot, ring, tree, in-switch or auto; "
                         "lib = nccl, rccl or engine)"};
        if (!(bytes >= 1)) return Error{"case '" + c.id + "': an allreduce row needs bytes=<buffer per chip> in its shape"};
        auto k = allreduce_kernel(*chip, bytes, c.chips, algo, runner);
        if (!k) return Error{"case '" + c.id + "': " + k.error().message};
        out.predicted = k->busbw_gb_s;
        out.detail = "all-reduce " + format_number("%.4g", bytes) + " B x " + std::to_string(c.chips) + ", " +
                     std::string(k->op.algorithm) + (k->op.library ? ", library" : "");
    } else {
        const auto p = parse_precision(c.precision);
        if (!p) return Error{"case '" + c.id + "': unknown precision '" + c.precision + "'"};
        if (c.kind == "attention") {
            // shape: tp=<chips sharing the heads> requests=<decoding, or prompts> context=<tokens cached, or each
            //        prompt's> [layer=full|sliding] [phase=decode|prefill]
            int tp = 1;
            double requests = 0, context = 0;
            bool sliding = false;
            Phase step = Phase::decode;
            const std::string_view bad = first_refused_item(c.shape, [&](std::string_view key, std::string_view value) {
                if (key == "tp") return parse_number(value, tp) && tp >= 1;
                if (key == "requests") return parse_number(value, requests) && requests >= 1;
                if (key == "context") return parse_number(value, context) && context >= 1;
                if (key == "layer") {
                    sliding = value == "sliding";
                    return sliding || value == "full";
                }
                if (key == "phase") {
                    step = value == "prefill" ? Phase::prefill : Phase::decode;
                    return value == "prefill" || value == "decode";
                }
                return false;
            });
            if (!bad.empty() || !(requests >= 1) || !(context >= 1))
                return Error{"case '" + c.id + "': bad '" + std::string(bad.empty() ? c.shape : bad) + "' in '" + c.shape +
                             "' (attention: tp = chips sharing the heads; requests = requests decoding or prompts, >= 1; context = "
                             "tokens in each one's KV cache or prompt, >= 1; layer = full or sliding; phase = decode or prefill)"};
            auto model = load_model(c.model);
            if (!model) return Error{"case '" + c.id + "': " + model.error().message};
            auto k = attention_kernel(*chip, *model, tp, requests, context, *p, sliding, step);
            if (!k) return Error{"case '" + c.id + "': " + k.error().message};
            // New tokens through the layer: one per decoding request, a whole prompt per prompt.
            out.predicted = requests * (step == Phase::prefill ? context : 1.0) / k->op.time_s;
            out.detail = std::string(step == Phase::prefill ? "prompt" : "decode") + " attention " +
                         format_number("%.4g", k->op.time_s * 1e6) + " us, " + std::string(to_string(k->op.bound)) + "-bound";
        } else if (c.kind == "moe") {
            // shape: tokens=<held by every rank> ep=<expert-parallel ranks> [imbalance=<busiest / mean>]
            //        [routing=random|balanced]
            double tokens = 0, imbalance = 1;
            MoeRouting routing = MoeRouting::random;
            int ep = 1;
            const std::string_view bad = first_refused_item(c.shape, [&](std::string_view key, std::string_view value) {
                if (key == "tokens") return parse_number(value, tokens) && tokens >= 1;
                if (key == "ep") return parse_number(value, ep) && ep >= 1;
                if (key == "imbalance") return parse_number(value, imbalance) && imbalance >= 1;
                if (key == "routing") {
                    const auto r = parse_moe_routing(value);
                    if (r) routing = *r;
                    return r.has_value();
                }
                return false;
            });
            if (!bad.empty() || !(tokens >= 1))
                return Error{"case '" + c.id + "': bad '" + std::string(bad.empty() ? c.shape : bad) + "' in '" + c.shape +
                             "' (moe: tokens = the tokens every rank holds, a whole number >= 1; ep = expert-parallel ranks; "
                             "imbalance = the busiest rank's load over the mean, >= 1; routing = random or balanced)"};
            auto model = load_model(c.model);
            if (!model) return Error{"case '" + c.id + "': " + model.error().message};
            auto k = moe_kernel(*chip, *model, tokens, ep, *p, imbalance, routing);
            if (!k) return Error{"case '" + c.id + "': " + k.error().message};
            out.predicted = tokens / k->op.time_s;
            out.detail = "moe layer " + format_number("%.4g", k->op.time_s * 1e6) + " us, " + std::string(to_string(k->op.bound)) +
                         "-bound";
        } else if (c.kind == "gemm") {
            // shape: MxNxK [weights=hbm] [copies=C] [quant=none|static|dynamic] [clock=sustained]
            double dims[3] = {0, 0, 0};
            const std::string_view whole = c.shape;
            const auto space = whole.find(' ');
            std::string_view s = whole.substr(0, space);
            for (int i = 0; i < 3; ++i) {
                const auto x = s.find('x');
                if ((i < 2) == (x == std::string_view::npos) || !parse_number(s.substr(0, x), dims[i]))
                    return Error{"case '" + c.id + "': bad shape '" + c.shape + "' (expected MxNxK)"};
                if (x != std::string_view::npos) s.remove_prefix(x + 1);
            }
            GemmOptions options;
            bool sustained = false;
            const std::string_view rest = space == std::string_view::npos ? std::string_view{} : whole.substr(space + 1);
            const std::string_view bad = first_refused_item(rest, [&](std::string_view key, std::string_view value) {
                if (key == "weights") return (options.weights_from_hbm = value == "hbm");
                if (key == "copies")
                    return parse_number(value, options.weight_copies) && options.weight_copies >= 1 &&
                           options.weight_copies <= 1000;
                if (key == "quant") {
                    const auto q = parse_act_quant(value);
                    if (q) options.act_quant = *q;
                    return q.has_value();
                }
                if (key == "clock") return (sustained = value == "sustained");
                return false;
            });
            if (!bad.empty())
                return Error{"case '" + c.id + "': bad '" + std::string(bad) + "' in '" + c.shape +
                             "' (gemm: MxNxK, then weights=hbm: the weights come from HBM on every call; copies = C, a whole number >= 1: "
                             "the benchmark rotates up to C copies of the weights, which stay on chip when they fit the cache; quant = none, "
                             "static or dynamic: the kernels that quantise the activations first; clock = sustained: seconds of calls, "
                             "the clock the board's power limit allows)"};
            auto run = [&](const ChipSpec& on) { return gemm_kernel(on, dims[0], dims[1], dims[2], *p, options); };
            if (sustained) {
                const auto& tech = default_tech();
                if (!tech) return Error{"case '" + c.id + "': " + tech.error().message};
                auto held = sustained_kernel(*chip, *tech, run);
                if (!held) return Error{"case '" + c.id + "': " + held.error().message};
                out.predicted = held->kernel.achieved_tflops;
                out.detail = "gemm " + c.shape + " at " + format_number("%.3g", held->clock_ghz) + " GHz, " +
                             format_number("%.0f", held->power.total_w) + " W";
            } else {
                auto k = run(*chip);
                if (!k) return Error{"case '" + c.id + "': " + k.error().message};
                out.predicted = k->achieved_tflops;
                out.detail = "gemm " + c.shape;
            }
        } else {
            auto model = load_model(c.model);
            if (!model) return Error{"case '" + c.id + "': " + model.error().message};
            auto scenario = validation_scenario(c);
            if (!scenario) return scenario.error();
            const Scenario& s = *scenario;
            auto ev = evaluate_design(*chip, *model, s);
            if (!ev) return Error{"case '" + c.id + "': " + ev.error().message};
            const bool slo_missed = ev->has_warning("slo:");
            if (slo_missed) return Error{"case '" + c.id + "': the latency limits are missed at every batch"};
            const ServingResult& sv = ev->serving;
            const Parallelism& par = sv.parallelism;
            out.predicted = sv.throughput_tokens_per_s;
            out.detail = "tp " + std::to_string(par.tp) + (par.dp > 1 ? " dp " + std::to_string(par.dp) : "") +
                         (par.pp > 1 ? " pp " + std::to_string(par.pp) : "") +
                         (par.ep > 1 ? " ep " + std::to_string(par.ep) : "") + ", batch " + std::to_string(sv.batch) +
                         ", replicas " + std::to_string(sv.replicas);
        }
    }
    out.error = (out.predicted - c.measured) / c.measured;
    return out;
}

}  // namespace scoville
