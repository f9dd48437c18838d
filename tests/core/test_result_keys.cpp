// The result vocabulary: keys, units, directions and getters against hand-set evaluations, and the
// JSON of `eval` read back key by key.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/library/library.hpp"
#include "core/perf/report.hpp"
#include "core/perf/result_keys.hpp"
#include "core/physical/design.hpp"

using namespace scoville;

namespace {

// Every field a key reads, each a different number, so a getter that reads the wrong field fails.
Evaluation known() {
    Evaluation e;
    ServingResult& s = e.serving;
    s.throughput_tokens_per_s = 12000;
    s.throughput_tokens_per_s_per_chip = 1500;
    s.requests_per_s = 46.9;
    s.ttft_s = 0.41;
    s.ttft_p50_s = 0.35;
    s.ttft_p99_s = 1.9;
    s.tpot_s = 0.031;
    s.tpot_p50_s = 0.029;
    s.tpot_p99_s = 0.18;
    s.batch = 96;
    s.max_batch = 412;
    s.replicas = 2;
    s.in_flight = 192;
    s.step_s = 0.032;
    s.host_s_per_step = 0.0001;
    s.host_stream_s_per_step = 0.00004;
    s.prefill_tokens_per_step = 384.5;
    s.decode_tokens_per_step = 96;
    s.tokens_per_step_per_request = 1.7;
    s.prefill_utilisation = 0.047;
    s.prompt_step_s = 0.051;
    s.prompt_steps_per_step = 0.12;
    s.chunk_step_s = 0.044;
    s.plain_step_s = 0.027;
    s.chunk_steps_share = 0.31;
    s.chunk_tokens_per_step = 2048;
    s.plain_prompt_tokens_per_step = 1024;
    s.weights_gb_per_chip = 17.5;
    s.kv_gb_per_request_per_chip = 0.08;
    s.memory_capacity_gb_per_chip = 126;
    PhysicalResult& p = e.physical;
    p.die_area_mm2 = 814;
    p.io_die_area_mm2 = 370;
    p.package_area_mm2 = 1628;
    p.power_w = 700;
    p.tokens_per_joule = 2.14;
    p.clock_ghz = 1.755;
    p.cost_per_million_tokens_usd = 0.62;
    p.tco_usd_per_hour = 1.52;
    p.chip_usd = 25000;
    p.nre_usd_per_chip = 0;
    p.capex_usd_per_chip = 56440;
    p.tokens_per_s_per_mw = 5.5e5;
    p.fleet_chips = 583000;
    p.fleet_capex_usd = 3.29e10;
    p.fleet_usd_per_year = 7.76e9;
    p.fleet_tokens_per_day = 4.75e13;
    e.memory_tb_s = 3.35;
    e.memory_gb = 80;
    e.native_fp8_tflops = 1979;
    e.sram_tb_s = 33;
    return e;
}

double get(const Evaluation& e, std::string_view key) {
    const ResultKey* k = find_result_key(key);
    if (!k) ADD_FAILURE() << "no key " << key;
    return k ? k->value(e).value_or(-1) : -1;
}

}  // namespace

TEST(ResultKeys, GettersReadTheirFields) {
    const Evaluation e = known();
    EXPECT_EQ(get(e, "throughput_tokens_per_s"), 12000);
    EXPECT_EQ(get(e, "throughput_tokens_per_s_per_chip"), 1500);
    EXPECT_EQ(get(e, "requests_per_s"), 46.9);
    EXPECT_EQ(get(e, "ttft_s"), 0.41);
    EXPECT_EQ(get(e, "ttft_p50_s"), 0.35);
    EXPECT_EQ(get(e, "ttft_p99_s"), 1.9);
    EXPECT_EQ(get(e, "tpot_s"), 0.031);
    EXPECT_EQ(get(e, "tpot_p50_s"), 0.029);
    EXPECT_EQ(get(e, "tpot_p99_s"), 0.18);
    EXPECT_EQ(get(e, "batch"), 96);
    EXPECT_EQ(get(e, "max_batch"), 412);
    EXPECT_EQ(get(e, "replicas"), 2);
    EXPECT_EQ(get(e, "sequences_in_flight_per_replica"), 192);
    EXPECT_EQ(get(e, "step_s"), 0.032);
    EXPECT_EQ(get(e, "host_s_per_step"), 0.0001);
    EXPECT_EQ(get(e, "host_stream_s_per_step"), 0.00004);
    EXPECT_EQ(get(e, "prefill_tokens_per_step"), 384.5);
    EXPECT_EQ(get(e, "decode_tokens_per_step"), 96);
    EXPECT_EQ(get(e, "tokens_per_step_per_request"), 1.7);
    EXPECT_EQ(get(e, "prefill_utilisation"), 0.047);
    EXPECT_EQ(get(e, "prompt_step_s"), 0.051);
    EXPECT_EQ(get(e, "prompt_steps_per_step"), 0.12);
    EXPECT_EQ(get(e, "chunk_step_s"), 0.044);
    EXPECT_EQ(get(e, "plain_step_s"), 0.027);
    EXPECT_EQ(get(e, "chunk_steps_share"), 0.31);
    EXPECT_EQ(get(e, "chunk_tokens_per_step"), 2048);
    EXPECT_EQ(get(e, "plain_prompt_tokens_per_step"), 1024);
    EXPECT_EQ(get(e, "weights_gb_per_chip"), 17.5);
    EXPECT_EQ(get(e, "kv_gb_per_request_per_chip"), 0.08);
    EXPECT_EQ(get(e, "memory_capacity_gb_per_chip"), 126);
    EXPECT_EQ(get(e, "power_w_per_chip"), 700);
    EXPECT_EQ(get(e, "tokens_per_joule"), 2.14);
    EXPECT_EQ(get(e, "die_area_mm2"), 814);
    EXPECT_EQ(get(e, "io_die_area_mm2"), 370);
    EXPECT_EQ(get(e, "package_area_mm2"), 1628);
    EXPECT_EQ(get(e, "clock_ghz"), 1.755);
    EXPECT_EQ(get(e, "cost_per_million_tokens_usd"), 0.62);
    EXPECT_EQ(get(e, "memory_tb_s"), 3.35);
    EXPECT_EQ(get(e, "sram_tb_s"), 33);
    EXPECT_EQ(get(e, "tco_usd_per_chip_hour"), 1.52);
    EXPECT_EQ(get(e, "chip_usd"), 25000);
    EXPECT_EQ(get(e, "nre_usd_per_chip"), 0);
    EXPECT_EQ(get(e, "capex_usd_per_chip"), 56440);
    EXPECT_EQ(get(e, "tokens_per_s_per_mw"), 5.5e5);
    EXPECT_EQ(get(e, "fleet_chips"), 583000);
    EXPECT_EQ(get(e, "fleet_capex_usd"), 3.29e10);
    EXPECT_EQ(get(e, "fleet_usd_per_year"), 7.76e9);
    EXPECT_EQ(get(e, "fleet_tokens_per_day"), 4.75e13);
    EXPECT_EQ(get(e, "memory_gb"), 80);
    EXPECT_EQ(get(e, "peak_fp8_tflops"), 1979);
    // No native FP4 (H100): no FP4 peak, rather than the FP8 one it runs FP4 at.
    EXPECT_FALSE(find_result_key("peak_fp4_tflops")->value(e));
    // A package without I/O dies has no I/O die area.
    Evaluation monolithic = e;
    monolithic.physical.io_die_area_mm2 = 0;
    EXPECT_FALSE(find_result_key("io_die_area_mm2")->value(monolithic));
    // Every key is tested above.
    EXPECT_EQ(result_keys().size(), 51u);
}

TEST(ResultKeys, NotApplicableIsNullopt) {
    // Without the physical model (evaluate() alone) area, power, energy and cost do not apply.
    Evaluation e = known();
    e.physical = PhysicalResult{};
    for (const char* key : {"power_w_per_chip", "tokens_per_joule", "die_area_mm2", "package_area_mm2", "clock_ghz",
                            "cost_per_million_tokens_usd"})
        EXPECT_FALSE(find_result_key(key)->value(e)) << key;
    EXPECT_TRUE(find_result_key("ttft_p99_s")->value(e));
    // No cost without throughput (or without a die that can be made): not $0.
    e = known();
    e.physical.cost_per_million_tokens_usd = 0;
    EXPECT_FALSE(find_result_key("cost_per_million_tokens_usd")->value(e));
    // Never NaN or inf.
    e.serving.ttft_p99_s = std::numeric_limits<double>::quiet_NaN();
    e.serving.tpot_p99_s = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(find_result_key("ttft_p99_s")->value(e));
    EXPECT_FALSE(find_result_key("tpot_p99_s")->value(e));
}

TEST(ResultKeys, KeysAreUniqueAndComplete) {
    std::set<std::string_view> seen;
    for (const ResultKey& k : result_keys()) {
        EXPECT_TRUE(seen.insert(k.key).second) << "twice: " << k.key;
        EXPECT_EQ(find_result_key(k.key), &k);
        EXPECT_FALSE(k.group.empty()) << k.key;
        EXPECT_FALSE(k.label.empty()) << k.key;
        EXPECT_FALSE(k.short_label.empty()) << k.key;
        EXPECT_NE(k.get, nullptr) << k.key;
        for (char c : k.key) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') << k.key;
    }
    EXPECT_EQ(find_result_key("throughput"), nullptr);
    // The headline results DESIGN.md names.
    for (const char* key : {"throughput_tokens_per_s", "throughput_tokens_per_s_per_chip", "ttft_s", "tpot_s", "batch",
                            "power_w_per_chip", "tokens_per_joule", "die_area_mm2", "cost_per_million_tokens_usd",
                            "memory_tb_s", "ttft_p50_s", "ttft_p99_s", "tpot_p50_s", "tpot_p99_s"})
        EXPECT_NE(find_result_key(key), nullptr) << key;
}

TEST(ResultKeys, EveryKeyEndsInItsUnit) {
    // How each unit is spelled in a key; qualifiers such as "_per_chip" may follow the unit.
    const std::map<std::string_view, std::string_view> spelled = {
        {"tokens/s", "tokens_per_s"}, {"requests/s", "requests_per_s"}, {"s", "_s"},     {"tokens", "tokens"},
        {"GB", "_gb"},                {"W", "_w"},                     {"tokens/J", "tokens_per_joule"},
        {"mm2", "_mm2"},              {"GHz", "_ghz"},                 {"USD", "_usd"},  {"TB/s", "_tb_s"},
        {"USD/h", "_usd_per_chip_hour"}, {"USD/year", "_usd_per_year"}, {"tokens/s/MW", "tokens_per_s_per_mw"},
        {"tokens/day", "tokens_per_day"}, {"TFLOP/s", "_tflops"}};
    for (const ResultKey& k : result_keys()) {
        if (k.unit.empty()) {
            EXPECT_TRUE(k.kind == ResultKind::integer || k.kind == ResultKind::fraction) << k.key;
            continue;
        }
        const auto it = spelled.find(k.unit);
        ASSERT_NE(it, spelled.end()) << k.key << ": unit " << k.unit;
        std::string key(k.key);
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (std::string_view q : {"_per_chip", "_per_request", "_per_step", "_per_replica"}) {
                if (key.size() > q.size() && key.compare(key.size() - q.size(), q.size(), q) == 0) {
                    key.resize(key.size() - q.size());
                    stripped = true;
                }
            }
        }
        EXPECT_TRUE(key.size() >= it->second.size() &&
                    key.compare(key.size() - it->second.size(), it->second.size(), it->second) == 0)
            << k.key << " does not end in " << it->second;
    }
}

TEST(ResultKeys, BetterDirection) {
    const ResultKey& tput = *find_result_key("throughput_tokens_per_s");
    const ResultKey& ttft = *find_result_key("ttft_p99_s");
    const ResultKey& batch = *find_result_key("batch");
    EXPECT_EQ(tput.better, Better::higher);
    EXPECT_EQ(ttft.better, Better::lower);
    EXPECT_EQ(find_result_key("cost_per_million_tokens_usd")->better, Better::lower);
    EXPECT_EQ(find_result_key("tokens_per_joule")->better, Better::higher);
    EXPECT_EQ(tput.compare(2, 1), 1);
    EXPECT_EQ(tput.compare(1, 2), -1);
    EXPECT_EQ(ttft.compare(2, 1), -1);
    EXPECT_EQ(ttft.compare(1, 1), 0);
    EXPECT_EQ(batch.compare(2, 1), 0);
    EXPECT_EQ(tput.compare(std::numeric_limits<double>::quiet_NaN(), 1), 0);
    EXPECT_EQ(to_string(Better::lower), "lower");
}

TEST(ResultKeys, JsonOfEvalCarriesEveryKey) {
    // The JSON prints each key's value (0 where it does not apply), integers as integers.
    const auto chip = load_chip("h100-sxm");
    const auto model = load_model("llama-2-7b");
    ASSERT_TRUE(chip.ok() && model.ok());
    Scenario s;
    auto ev = evaluate_design(*chip, *model, s);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    const auto j = nlohmann::json::parse(evaluation_to_json(*ev, *chip, *model, s));
    for (const ResultKey& k : result_keys()) {
        ASSERT_TRUE(j.contains(std::string(k.key))) << k.key;
        const auto& v = j[std::string(k.key)];
        EXPECT_EQ(v.get<double>(), k.value(*ev).value_or(0.0)) << k.key;
        EXPECT_EQ(v.is_number_integer(), k.kind == ResultKind::integer) << k.key;
    }
    EXPECT_EQ(j["power_w_per_chip"].get<double>(), ev->physical.power_w);
    EXPECT_EQ(j["batch"].get<int>(), ev->serving.batch);
}
