#include "core/perf/report.hpp"

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <nlohmann/json.hpp>

#include "core/perf/lower.hpp"
#include "core/perf/result_keys.hpp"
#include "core/util/format.hpp"

namespace scoville {

using nlohmann::ordered_json;

namespace {

// Guard: the model never produces NaN or inf, and the output must not contain them either.
double num(double v) { return std::isfinite(v) ? v : 0.0; }

ordered_json op_json(const OpResult& op) {
    ordered_json o;
    o["name"] = op.name;
    o["kind"] = to_string(op.kind);
    o["precision"] = to_string(op.precision);
    o["m"] = num(op.m);
    o["n"] = num(op.n);
    o["k"] = num(op.k);
    o["flops"] = num(op.flops);
    o["bytes"] = num(op.bytes());
    o["weight_bytes"] = num(op.weight_bytes);
    o["activation_bytes"] = num(op.activation_bytes);
    o["kv_bytes"] = num(op.kv_bytes);
    o["weight_level"] = to_string(op.weight_level);
    o["activation_level"] = to_string(op.activation_level);
    o["kv_level"] = to_string(op.kv_level);
    o["network_bytes"] = num(op.network_bytes);
    o["collective"] = op.collective;
    o["algorithm"] = op.algorithm;
    o["library"] = op.library;
    o["intensity_flops_per_byte"] = num(op.intensity());
    o["utilisation"] = num(op.utilisation);
    o["compute_s"] = num(op.compute_s);
    o["memory_s"] = num(op.memory_s);
    o["network_s"] = num(op.network_s);
    o["overhead_s"] = num(op.overhead_s);
    o["time_s"] = num(op.time_s);
    o["bound"] = to_string(op.bound);
    return o;
}

ordered_json phase_json(const PhaseResult& ph) {
    ordered_json p;
    p["time_s"] = num(ph.time_s);
    p["batch"] = num(ph.batch);
    p["tokens"] = num(ph.tokens);
    p["decode_requests"] = num(ph.decode_seqs);
    p["prefill_tokens"] = num(ph.prefill_tokens);
    p["queries_per_request"] = num(ph.queries_per_seq);
    p["context_tokens"] = num(ph.context);
    p["flops_per_chip"] = num(ph.flops);
    p["bytes_per_chip"] = num(ph.bytes);
    p["network_bytes_per_chip"] = num(ph.network_bytes);
    // Templates are rendered once and copied into every layer that uses them.
    std::vector<ordered_json> ops_of;
    ops_of.reserve(ph.templates.size());
    for (const auto& t : ph.templates) {
        ordered_json ops = ordered_json::array();
        for (const auto& op : t.ops) ops.push_back(op_json(op));
        ops_of.push_back(std::move(ops));
    }
    ordered_json layers = ordered_json::array();
    for (size_t i = 0; i < ph.layer_count(); ++i) {
        const auto& t = ph.layer(i);
        ordered_json l;
        l["index"] = i;
        l["kind"] = t.kind;
        l["time_s"] = num(t.time_s);
        l["compute_s"] = num(t.compute_s);
        l["memory_s"] = num(t.memory_s);
        l["network_s"] = num(t.network_s);
        l["hidden_network_s"] = num(t.hidden_s);
        l["bound"] = to_string(t.bound);
        l["ops"] = ops_of[static_cast<size_t>(ph.layer_template[i])];
        layers.push_back(std::move(l));
    }
    p["layers"] = std::move(layers);
    return p;
}

// 0 in a scenario's parallelism means auto.
ordered_json auto_or(int v) { return v == 0 ? ordered_json("auto") : ordered_json(v); }

// How the MoE layers exchanged tokens across attention ranks ("all-gather", "all-to-all"; "" with none).
std::string_view token_exchange(const ServingResult& sv, const ModelSpec& model, const Scenario& s, const ChipSpec& chip) {
    if (!model.is_moe() || sv.parallelism.dp <= 1) return "";
    return moe_dispatch_for(s, sv.parallelism, network_rates(chip)) == MoeDispatch::allgather ? "all-gather" : "all-to-all";
}

// The busiest expert rank's load / mean the decode step ran with.
double decode_expert_imbalance(const Evaluation& ev, const ModelSpec& model, const Scenario& s) {
    return expert_imbalance_used(s, model.moe, ev.serving.parallelism.ep, ev.decode.tokens);
}

ordered_json parallelism_json(const Parallelism& p) {
    return {{"tp", p.tp}, {"pp", p.pp}, {"ep", p.ep}, {"attention_dp", p.dp}, {"chips_per_replica", p.chips()}};
}

// The result keys of the given groups, in registry order; a key that does not apply reads 0. A latency
// that grows without bound (a queue that never settles) reads null.
void put_results(ordered_json& j, const Evaluation& ev, std::initializer_list<std::string_view> groups) {
    for (std::string_view g : groups) {
        for (const ResultKey& k : result_keys()) {
            if (k.group != g) continue;
            if (k.unbounded(ev)) {
                j[std::string(k.key)] = nullptr;
                continue;
            }
            const double v = k.value(ev).value_or(0.0);
            if (k.kind == ResultKind::integer) j[std::string(k.key)] = static_cast<long long>(std::llround(v));
            else j[std::string(k.key)] = v;
        }
    }
}

ordered_json pool_json(const PoolResult& p) {
    ordered_json j;
    j["chip"] = p.chip;
    j["chips"] = p.chips;
    j["parallelism"] = parallelism_json(p.parallelism);
    j["replicas"] = p.replicas;
    if (p.batch > 0) j["batch"] = p.batch;
    if (p.batch_limit > 0) j["batch_limit"] = p.batch_limit;
    j["step_s"] = num(p.step_s);
    j["capacity_requests_per_s"] = num(p.capacity_requests_per_s);
    j["utilisation"] = num(p.utilisation);
    return j;
}

}  // namespace

namespace {
// `chip`: the runs of one chip, every workload (no class), or empty: the runs of the workload's class.
ordered_json accuracy_json(const MeasuredAccuracy& a, std::string_view chip = {}) {
    ordered_json j;
    if (chip.empty()) {
        j["models"] = a.workload.moe ? "moe" : "dense";
        j["lengths"] = std::string(to_string(a.workload.mix));
    } else {
        j["chip"] = std::string(chip);
    }
    j["rows"] = a.rows;
    j["median_error_pct"] = num(a.median_error * 100);
    j["p10_error_pct"] = num(a.p10_error * 100);
    j["p90_error_pct"] = num(a.p90_error * 100);
    j["median_abs_error_pct"] = num(a.median_abs_error * 100);
    j["rows_with_error_within_25_pct"] = a.within_25;
    j["rows_with_error_within_35_pct"] = a.within_35;
    return j;
}

std::string signed_pct(double fraction) { return format_number("%+.1f", fraction * 100); }
}  // namespace

std::string measured_accuracy_text(const MeasuredAccuracy& a) {
    return "tokens/s against " + std::to_string(a.rows) + " measured runs of " + describe(a.workload) + ": median " +
           signed_pct(a.median_error) + " %, 10th to 90th percentile " + signed_pct(a.p10_error) + " to " +
           signed_pct(a.p90_error) + " % (positive: the model faster than measured), " + std::to_string(a.within_35) +
           " within +-35 %";
}

std::string measured_chip_accuracy_text(const MeasuredAccuracy& a, std::string_view chip) {
    return "tokens/s against the " + std::to_string(a.rows) + " measured runs on " + std::string(chip) +
           " (every workload): median " + signed_pct(a.median_error) + " %, 10th to 90th percentile " +
           signed_pct(a.p10_error) + " to " + signed_pct(a.p90_error) + " %, median |error| " +
           format_number("%.1f", a.median_abs_error * 100) + " %, " + std::to_string(a.within_35) + " within +-35 %";
}

std::string evaluation_to_json(const Evaluation& ev, const ChipSpec& chip, const ModelSpec& model,
                               const Scenario& s, int indent, const CostComparison* against,
                               const Ranges* ranges, const MeasuredAccuracy* accuracy,
                               const MeasuredAccuracy* chip_accuracy) {
    const ServingResult& sv = ev.serving;
    const PhysicalResult& ph = ev.physical;
    ordered_json j;
    j["chip"] = chip.id;
    j["model"] = model.id;
    ordered_json sc;
    sc["chips"] = s.chips;
    sc["tp"] = auto_or(s.tp);
    sc["pp"] = auto_or(s.pp);
    sc["ep"] = auto_or(s.ep);
    sc["attention_dp"] = auto_or(s.attention_dp);
    sc["batch"] = s.batch == 0 ? ordered_json("auto") : ordered_json(s.batch);
    sc["input_len_tokens"] = s.input_len;
    sc["output_len_tokens"] = s.output_len;
    sc["input_len_cv"] = s.input_len_cv;
    sc["output_len_cv"] = s.output_len_cv;
    sc["output_len_quantiles"] = to_string(s.output_len_quantiles);
    sc["weight_precision"] = to_string(s.weight_precision);
    sc["activation_precision"] = to_string(s.activation_precision);
    sc["weights_16bit_share"] = s.weights_16bit_share;
    sc["kv_precision"] = to_string(s.kv_precision);
    sc["ttft_slo_s"] = s.ttft_slo_s ? ordered_json(*s.ttft_slo_s) : ordered_json(nullptr);
    sc["tpot_slo_s"] = s.tpot_slo_s ? ordered_json(*s.tpot_slo_s) : ordered_json(nullptr);
    sc["max_tokens_per_step"] = s.max_tokens_per_step;
    sc["max_batch"] = s.max_batch;
    sc["requests"] = s.requests;
    sc["kv_allocation"] = to_string(s.kv_allocation);
    sc["admission"] = to_string(s.admission);
    sc["host_us_per_request"] = s.host_us_per_request;
    sc["host_active_share"] = s.host_active_share;
    sc["stream_us_per_token"] = s.stream_us_per_token;
    sc["host_ms_per_step"] = s.host_ms_per_step;
    sc["admit_every_steps"] = s.admit_every_steps;
    sc["prefill_steps"] = to_string(s.prefill_steps);
    sc["attention_dp_balance"] = s.attention_dp_balance ? "on" : "off";
    sc["chunked_decode"] = s.chunked_decode_full ? "full" : "chunk";
    sc["chunked_kv"] = s.chunked_kv_whole ? "whole" : "chunk";
    sc["lm_head_format"] = s.lm_head_as_weights ? "weights" : "bf16";
    sc["custom_allreduce_mb"] = s.custom_allreduce_mb;
    sc["spec_tokens"] = s.spec_tokens;
    sc["spec_accept"] = s.spec_accept;
    if (!s.draft_model.empty()) sc["draft_model"] = s.draft_model;
    sc["expert_imbalance"] = s.expert_imbalance > 0 ? ordered_json(s.expert_imbalance) : ordered_json("auto");
    sc["moe_tile_tokens"] = s.moe_tile_tokens;
    sc["moe_dispatch"] = to_string(s.moe_dispatch);
    sc["comm_overlap"] = s.comm_overlap;
    if (s.disaggregated()) {
        sc["prefill_chips"] = s.prefill_chips < 0 ? ordered_json("auto") : ordered_json(s.prefill_chips);
        sc["decode_chips"] = s.decode_chips < 0 ? ordered_json("auto") : ordered_json(s.decode_chips);
        if (!s.prefill_chip.empty()) sc["prefill_chip"] = s.prefill_chip;
        // The prefill pool's own degrees, where it has them (0: shared, as tp, pp, ep and attention_dp say).
        if (s.prefill_degrees_given()) {
            sc["prefill_tp"] = s.prefill_tp;
            sc["prefill_pp"] = s.prefill_pp;
            sc["prefill_ep"] = s.prefill_ep;
            sc["prefill_attention_dp"] = s.prefill_attention_dp;
        }
    }
    j["scenario"] = std::move(sc);
    j["mode"] = sv.server ? "server" : "offline";
    put_results(j, ev, {"Throughput", "Latency", "Batch"});
    ordered_json par = parallelism_json(sv.parallelism);
    par["chosen"] = sv.parallelism_auto ? "auto" : "given";
    if (model.is_moe()) par["expert_imbalance"] = num(decode_expert_imbalance(ev, model, s));
    if (const auto x = token_exchange(sv, model, s, chip); !x.empty()) par["token_exchange"] = std::string(x);
    j["parallelism"] = std::move(par);
    put_results(j, ev, {"Engine"});
    if (sv.disaggregated) {
        ordered_json d;
        d["prefill"] = pool_json(sv.prefill_pool);
        d["decode"] = pool_json(sv.decode_pool);
        d["kv_transfer_s"] = num(sv.kv_transfer_s);
        d["kv_transfer_gb_per_request"] = num(sv.kv_transfer_gb_per_request);
        j["disaggregated"] = std::move(d);
    }
    put_results(j, ev, {"Memory", "Physical"});
    j["econ_mode"] = ph.built ? "build" : "buy";
    put_results(j, ev, {"Economics"});
    ordered_json cost = ordered_json::object();
    for (const auto& b : ph.cost_usd_per_hour) cost[b.name] = num(b.value);
    j["cost_breakdown_usd_per_chip_hour"] = std::move(cost);
    if (ranges) {
        ordered_json r = ordered_json::object(), why = ordered_json::object();
        for (const ResultRange& x : ranges->results) {
            r[std::string(x.key->key)] = ordered_json::array({num(x.low), num(x.high)});
            if (!x.widest.empty()) why[std::string(x.key->key)] = x.widest;
        }
        j["ranges"] = std::move(r);
        j["range_widest_parameter"] = std::move(why);
    }
    if (accuracy) j["measured_accuracy"] = accuracy_json(*accuracy);
    if (chip_accuracy) j["measured_accuracy_chip"] = accuracy_json(*chip_accuracy, chip.id);
    if (against) {
        ordered_json a;
        a["chip"] = against->baseline;
        a["cost_per_million_tokens_usd"] = num(against->baseline_usd_per_million);
        a["cost_ratio"] = num(against->ratio);
        a["tco_ratio"] = num(against->tco_ratio);
        a["tokens_per_chip_hour_ratio"] = num(against->useful_tokens_ratio);
        a["largest_cost_difference"] = {{"item", against->driver},
                                        {"usd_per_chip_hour", num(against->driver_usd_per_hour)},
                                        {"baseline_usd_per_chip_hour", num(against->driver_baseline_usd_per_hour)}};
        a["break_even_units"] =
            against->break_even_units ? ordered_json(*against->break_even_units) : ordered_json(nullptr);
        j["against_baseline"] = std::move(a);
    }
    ordered_json peaks;
    for (Precision p : kAllPrecisions) peaks[std::string(to_string(p))] = num(ev.peak_tflops[static_cast<size_t>(p)]);
    j["peak_tflops"] = std::move(peaks);
    put_results(j, ev, {"Chip"});
    ordered_json area = ordered_json::object();
    for (const auto& b : ph.area_mm2) area[b.name] = num(b.value);
    j["area_mm2"] = std::move(area);
    ordered_json power = ordered_json::object();
    for (const auto& b : ph.power_w_breakdown) power[b.name] = num(b.value);
    j["power_w"] = std::move(power);
    ordered_json ceilings = ordered_json::array();
    for (const auto& c : ev.ceilings)
        ceilings.push_back({{"label", c.label}, {"value", num(c.value)}, {"unit", c.is_bandwidth ? "TB/s" : "TFLOP/s"}});
    j["ceilings"] = std::move(ceilings);
    j["phases"] = {{"prefill", phase_json(ev.prefill)}, {"decode", phase_json(ev.decode)}};
    j["warnings"] = ev.warning_texts();
    return j.dump(indent);
}

std::string evaluation_to_csv(const Evaluation& ev) {
    std::string out =
        "phase,layer,layer_kind,op,op_kind,precision,m,n,k,flops,weight_bytes,activation_bytes,kv_bytes,"
        "network_bytes,utilisation,compute_s,memory_s,network_s,time_s,bound,algorithm\n";
    for (const PhaseResult* ph : {&ev.prefill, &ev.decode}) {
        for (size_t i = 0; i < ph->layer_count(); ++i) {
            const auto& t = ph->layer(i);
            for (const auto& op : t.ops) {
                char buf[512];
                std::snprintf(buf, sizeof buf, "%s,%zu,%s,%s,%s,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.4g,%.6g,%.6g,%.6g,%.6g,%s,%s\n",
                              std::string(to_string(ph->phase)).c_str(), i, std::string(t.kind).c_str(),
                              std::string(op.name).c_str(), std::string(to_string(op.kind)).c_str(),
                              std::string(to_string(op.precision)).c_str(), num(op.m), num(op.n), num(op.k),
                              num(op.flops), num(op.weight_bytes), num(op.activation_bytes), num(op.kv_bytes),
                              num(op.network_bytes), num(op.utilisation), num(op.compute_s), num(op.memory_s),
                              num(op.network_s), num(op.time_s), std::string(to_string(op.bound)).c_str(),
                              std::string(op.algorithm).c_str());
                out += buf;
            }
        }
    }
    return out;
}

std::string evaluation_to_table(const Evaluation& ev, const ChipSpec& chip, const ModelSpec& model,
                                const Scenario& s, const CostComparison* against, const Ranges* ranges,
                                const MeasuredAccuracy* accuracy, const MeasuredAccuracy* chip_accuracy) {
    const ServingResult& sv = ev.serving;
    const std::string_view exchange = token_exchange(sv, model, s, chip);
    std::string out;
    out +=
        "chip " + chip.id + ", model " + model.id + ", " + std::to_string(s.chips) + " chips (" +
        to_string(sv.parallelism) + (sv.parallelism_auto ? ", chosen" : "") +
        (model.is_moe() && sv.parallelism.ep > 1
             ? ", busiest expert rank " + format_number("%.2f", decode_expert_imbalance(ev, model, s)) + "x"
             : "") +
        (exchange.empty() ? std::string() : ", tokens by " + std::string(exchange)) +
        "), " +
        std::string(to_string(s.weight_precision)) + " weights, " + std::string(to_string(s.kv_precision)) +
        " KV, input " + std::to_string(s.input_len) + ", output " + std::to_string(s.output_len) +
        (s.input_len_cv > 0 || s.output_len_cv > 0 ? " (mean; cv " + format_number("%.2f", s.input_len_cv) +
                                                         " / " + format_number("%.2f", s.output_len_cv) + ")"
                                                   : std::string()) +
        (s.output_len_quantiles.empty() ? std::string() : ", output lengths at measured quantiles") +
        "\n";
    const int pp = sv.parallelism.pp;
    out += "  mode              " + std::string(sv.server           ? "server: the highest rate within the p99 limits"
                                                 : sv.disaggregated ? "offline: the slower pool runs flat out"
                                                                    : "offline: as many requests in flight as fit") +
           "\n";
    out += "  throughput        " + format_number("%.1f", sv.throughput_tokens_per_s) + " tokens/s (" +
           format_number("%.1f", sv.throughput_tokens_per_s_per_chip) + " per chip), " +
           format_number("%.4g", sv.requests_per_s) + " requests/s\n";
    const bool fed = sv.decode_pool.fed_below_limit();  // (set for a disaggregated design alone)
    out += "  batch             " + std::to_string(sv.batch) + " in flight per replica (" +
           (fed ? "what the served rate keeps in the decode pool, which takes up to " +
                      std::to_string(sv.decode_pool.batch_limit)
                : "max " + std::to_string(sv.max_batch)) +
           "), " + std::to_string(sv.replicas) + " replicas" +
           (pp > 1 ? ", " + std::to_string(sv.in_flight) + " in flight over " + std::to_string(pp) + " stages" : "") + "\n";
    out +=
        "  step              " + format_number("%.4g", sv.step_s * 1e3) +
        " ms: " + format_number("%.0f", sv.decode_tokens_per_step) + " decode + " +
        format_number("%.0f", sv.prefill_tokens_per_step) + " prompt tokens" +
        (sv.tokens_per_step_per_request > 1 ? ", " + format_number("%.2f", sv.tokens_per_step_per_request) +
                                                  " tokens per request per step (speculative)"
                                            : std::string()) +
        "\n";
    if (sv.host_s_per_step > 0) {
        // The engine's loop the chips wait for: over pp stages a rank runs one iteration per micro-batch, each walking
        // every request the rank holds (Scenario::host_active_share).
        out += "  host              " + format_number("%.4g", sv.host_s_per_step * 1e3) + " ms a step the chips wait for";
        if (pp > 1) {
            out += ": " + std::to_string(pp) + " loop iterations, one per micro-batch";
            if (s.loop_walks_held_requests())
                out += ", each walking the " + format_number("%.0f", sv.held_per_rank()) +
                       " requests a rank holds";
        }
        if (sv.host_stream_s_per_step > 0)
            out += "; " + format_number("%.4g", sv.host_stream_s_per_step * 1e3) + " ms of it streaming tokens to the clients";
        out += "\n";
    }
    if (sv.prompt_steps_per_step > 0)
        out += "  prompt steps      a decode step " + format_number("%.4g", sv.decode_step_s * 1e3) +
               " ms; prompts run in steps of their own, " + format_number("%.4g", sv.prompt_step_s * 1e3) + " ms for " +
               format_number("%.0f", sv.prompt_tokens_per_prompt_step) + " tokens, " +
               format_number("%.3g", sv.prompt_steps_per_step) + " per decode step\n";
    if (sv.chunk_steps_share > 0)
        out += "  prompt chunks     prompts arrive whole: " + format_number("%.3g", sv.chunk_steps_share * 100) +
               " % of the steps carry " + format_number("%.0f", sv.chunk_tokens_per_step) + " prompt tokens, " +
               format_number("%.4g", sv.chunk_step_s * 1e3) + " ms; the others " +
               (sv.plain_prompt_tokens_per_step > 0 ? "carry " + format_number("%.0f", sv.plain_prompt_tokens_per_step) + ", "
                                                    : std::string("decode alone, ")) +
               format_number("%.4g", sv.plain_step_s * 1e3) + " ms (the layers below spread the prompt tokens over every step)\n";
    if (std::isfinite(sv.ttft_p99_s))
        out += "  TTFT              mean " + format_number("%.4g", sv.ttft_s) + " s, p50 " +
               format_number("%.4g", sv.ttft_p50_s) + " s, p99 " + format_number("%.4g", sv.ttft_p99_s) + " s\n";
    else
        out += "  TTFT              unbounded: requests queue without end (see the warning)\n";
    out += "  TPOT              mean " + format_number("%.4g", sv.tpot_s) + " s, p50 " +
           format_number("%.4g", sv.tpot_p50_s) + " s, p99 " + format_number("%.4g", sv.tpot_p99_s) + " s\n";
    if (sv.disaggregated) {
        for (const PoolResult* p : {&sv.prefill_pool, &sv.decode_pool})
            out += std::string(p == &sv.prefill_pool ? "  prefill pool      " : "  decode pool       ") +
                   std::to_string(p->chips) + " x " + p->chip + " (" + to_string(p->parallelism) + ", " +
                   std::to_string(p->replicas) + " replicas), capacity " +
                   format_number("%.4g", p->capacity_requests_per_s) + " requests/s, " +
                   format_number("%.0f", p->utilisation * 100) + " % used\n";
        out += "  KV transfer       " + format_number("%.3g", sv.kv_transfer_gb_per_request) +
               " GB per request, " + format_number("%.4g", sv.kv_transfer_s * 1e3) + " ms\n";
    }
    out += "  memory per chip   weights " + format_number("%.2f", sv.weights_gb_per_chip) + " GB, KV " +
           format_number("%.4f", sv.kv_gb_per_request_per_chip) + " GB per request, capacity " +
           format_number("%.1f", sv.memory_capacity_gb_per_chip) + " GB\n";
    out += "  peak              ";
    for (Precision p : kAllPrecisions) {
        out +=
            format_number("%.1f", ev.peak_tflops[static_cast<size_t>(p)]) + " " + std::string(to_string(p));
        if (chip.executed_precision(p) != p) out += " (runs at " + std::string(to_string(chip.executed_precision(p))) + ")";
        out += p == Precision::bf16 ? " TFLOP/s, " : ", ";
    }
    out += "memory " + format_number("%.2f", ev.memory_tb_s) + " TB/s\n";
    if (ev.physical.die_area_mm2 > 0)
        out += "  physical          die " + format_number("%.0f", ev.physical.die_area_mm2) + " mm2, " +
               format_number("%.0f", ev.physical.power_w) + " W per chip, " +
               format_number("%.3g", ev.physical.tokens_per_joule) + " tokens/J, $" +
               format_number("%.3g", ev.physical.cost_per_million_tokens_usd) + " per million tokens\n";
    if (ev.physical.tco_usd_per_hour > 0)
        out += "  owner's cost      $" + format_number("%.3g", ev.physical.tco_usd_per_hour) + " per chip-hour (" +
               (ev.physical.built ? "built" : "bought") + ", $" + format_number("%.0f", ev.physical.chip_usd) +
               " per chip), " + format_number("%.3g", ev.physical.tokens_per_s_per_mw) + " tokens/s per MW\n";
    if (against)
        out += "  against " + against->baseline + "     " + format_number("%.3g", against->ratio) +
               "x the cost per token ($" + format_number("%.3g", against->usd_per_million) + " vs $" +
               format_number("%.3g", against->baseline_usd_per_million) + " per million): " +
               format_number("%.3g", against->useful_tokens_ratio) + "x the tokens per chip-hour at " +
               format_number("%.3g", against->tco_ratio) + "x the cost per chip-hour; largest difference: " +
               against->driver + " ($" + format_number("%.3g", against->driver_usd_per_hour) + " vs $" +
               format_number("%.3g", against->driver_baseline_usd_per_hour) + " per chip-hour)" +
               (against->break_even_units
                    ? "; breaks even from " + format_number("%.0f", *against->break_even_units) + " units built"
                    : std::string()) +
               "\n";
    if (ranges && !ranges->results.empty()) {
        out += "  ranges            over the uncertain values of the chip, the engine's estimated defaults, the model's routing skew "
               "and the physical model (each end alone, root-sum-square):\n";
        for (const ResultRange& r : ranges->results)
            out += "    " + std::string(r.key->short_label) + ": " + format_number("%.4g", r.low) + " to " +
                   format_number("%.4g", r.high) + (r.key->unit.empty() ? "" : " " + std::string(r.key->unit)) +
                   (r.widest.empty() ? std::string() : " (most from " + r.widest + ")") + "\n";
    }
    if (accuracy) out += "  accuracy          " + measured_accuracy_text(*accuracy) + "\n";
    if (chip_accuracy) out += "  on this chip      " + measured_chip_accuracy_text(*chip_accuracy, chip.id) + "\n";
    for (const auto& w : ev.warning_texts()) out += "  warning: " + w + "\n";
    for (const PhaseResult* ph : {&ev.prefill, &ev.decode}) {
        out += "\n" + std::string(to_string(ph->phase)) + ": step " + format_number("%.4g", ph->time_s) +
               " s, " + format_number("%.0f", ph->tokens) + " tokens, context " +
               format_number("%.0f", ph->context) + "\n";
        if (ph->pipeline_wait_s > 0)
            out += "  pipeline          the slowest stage (" + std::to_string(ph->slowest_stage_layers) +
                   " layers) sets the pace: each micro-batch waits its turn there, +" +
                   format_number("%.4g", ph->pipeline_wait_s * 1e3) + " ms a step beyond the stages' sum\n";
        for (size_t ti = 0; ti < ph->templates.size(); ++ti) {
            int count = 0;
            for (int idx : ph->layer_template) count += idx == static_cast<int>(ti) ? 1 : 0;
            const auto& t = ph->templates[ti];
            out += "  " + std::string(t.kind) + " x " + std::to_string(count) + ": " +
                   format_number("%.4g", t.time_s * 1e3) + " ms per layer, " +
                   std::string(to_string(t.bound)) + "-bound\n";
            char head[200];
            std::snprintf(head, sizeof head, "    %-18s %12s %12s %12s %10s %10s %10s %6s  %s\n", "op", "GFLOP", "MB",
                          "net MB", "comp us", "mem us", "time us", "util", "bound");
            out += head;
            for (const auto& op : t.ops) {
                char row[240];
                std::snprintf(row, sizeof row, "    %-18s %12.4g %12.4g %12.4g %10.4g %10.4g %10.4g %6.2f  %s%s%s%s\n",
                              std::string(op.name).c_str(), num(op.flops) / 1e9, num(op.bytes()) / 1e6,
                              num(op.network_bytes) / 1e6, num(op.compute_s) * 1e6, num(op.memory_s) * 1e6,
                              num(op.time_s) * 1e6, num(op.utilisation), std::string(to_string(op.bound)).c_str(),
                              op.algorithm.empty() ? "" : " ", std::string(op.algorithm).c_str(),
                              op.library ? ", library" : "");
                out += row;
            }
        }
    }
    return out;
}

}  // namespace scoville
