#pragma once
// The options that name a design and its workload, shared by eval, sweep, sensitivity, seek and
// frontier: the chip (--chip, or --session and --design), --set overrides, the model and every
// serving option. One place for their flags, help texts and checks.
#include <limits>
#include <string>
#include <vector>

#include "core/sweep/analysis.hpp"
#include "core/util/result.hpp"

namespace CLI {
class App;
}

namespace scoville::cli {

inline constexpr int kUsage = 2;   // a malformed command line (bad value, unknown key, out of range)
inline constexpr int kFailed = 1;  // well-formed inputs that fail (unknown chip, unreadable file, does not fit)

inline constexpr int kChipsNotGiven = std::numeric_limits<int>::min();  // --chips absent (0 and below are refused)
// --moe-pair-bytes, which eval (and every command with workload options) and kernel moe take.
inline constexpr const char* kMoePairBytesHelp =
    "MoE: bytes each routed token moves per hidden element outside the expert GEMMs (default 0: by precision, "
    "4 bf16 / 5.2 fp8 / 16.3 fp4)";
// --moe-tile-tokens, taken as --moe-pair-bytes is.
inline constexpr const char* kMoeTileTokensHelp =
    "MoE: tokens per tile of the grouped expert GEMMs at most; each expert's last tile is part empty (default 128: "
    "TensorRT-LLM's MoE kernels, DeepGEMM; 0: full tiles)";

struct DesignOptions {
    std::string chip, model;
    std::string session, design;  // instead of --chip: a design of a session file
    int chips = kChipsNotGiven;  // not given: tp x attention_dp x pp where given, else 1
    std::string tp = "auto", pp = "auto", ep = "auto", attention_dp = "auto";
    int max_tokens_per_step = Scenario{}.max_tokens_per_step;
    int max_batch = Scenario{}.max_batch;
    int requests = Scenario{}.requests;
    std::string kv_allocation = "reserve";
    std::string admission = "best";
    std::string prefill_steps = "mixed";
    std::string attention_dp_balance = "off";
    std::string chunked_decode = "chunk";
    std::string chunked_kv = "chunk";
    std::string lm_head = "bf16";
    std::string state_precision = "model";
    int linear_chunk_tokens = Scenario{}.linear_chunk_tokens;
    double host_us_per_request = Scenario{}.host_us_per_request;
    double host_active_share = Scenario{}.host_active_share;
    double stream_us_per_token = Scenario{}.stream_us_per_token;
    double host_ms_per_step = Scenario{}.host_ms_per_step;
    int admit_every_steps = Scenario{}.admit_every_steps;
    double custom_allreduce_mb = Scenario{}.custom_allreduce_mb;
    int spec_tokens = 0;
    double spec_accept = 0;
    std::string draft_model;
    double expert_imbalance = Scenario{}.expert_imbalance;
    double moe_pair_bytes = Scenario{}.moe_pair_bytes;
    int moe_tile_tokens = Scenario{}.moe_tile_tokens;
    std::string moe_dispatch = "auto";
    double weights_16bit_share = 0.0;
    double comm_overlap = Scenario{}.comm_overlap;
    int prefill_chips = 0, decode_chips = 0;
    int prefill_tp = 0, prefill_pp = 0, prefill_ep = 0, prefill_attention_dp = 0;  // 0: shared
    bool disaggregate = false;
    std::string prefill_chip;
    std::string precision = "bf16";
    std::string kv_precision;  // default: the weight precision, fp4 -> fp8
    int input_len = 1024, output_len = 256;
    double input_len_cv = 0, output_len_cv = 0;
    std::string output_len_quantiles;
    std::string batch = "auto";
    std::optional<double> ttft_slo, tpot_slo;
    std::vector<std::string> sets;
};

// Registers the options on a sub-command (--model required).
void add_design_options(CLI::App* cmd, DesignOptions& o);

// The chip named by --chip, or by --session and --design, exactly one of them, with --set applied.
// `code` says whether a failure is usage (kUsage) or input (kFailed).
Result<ChipSpec> chip_with_sets(const std::string& id, const std::string& session, const std::string& design,
                                const std::vector<std::string>& sets, int& code);

// The whole design point: chip, model, scenario and the companions it names (draft model, prefill chip).
Result<DesignPoint> load_design(const DesignOptions& o, int& code);

}  // namespace scoville::cli
