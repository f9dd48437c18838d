#pragma once
// Checking the model against measured results (tests/data/validation-public.csv format).
//
// Rules, the same for every row (never tuned per case):
// - serving: weights and GEMMs at the row's precision; KV cache in fp8 when the row runs fp8 or fp4
//   (the MLPerf and TensorRT-LLM submissions quantise the KV cache to fp8), else bf16.
//   offline = no latency limit; server = MLPerf Llama-2-70B limits, TTFT <= 2 s and TPOT <= 0.2 s.
//   Submitters tune parallelism, so tp is searched over the divisors of the row's chips (pp = 1,
//   replicas = chips / tp, batch = auto) and the best throughput is the prediction. A row's shape field
//   may say how it was measured (space-separated key=value): tp=N runs only that tensor-parallel
//   degree, ep=M expert parallelism within it, in_cv / out_cv the spread of the request lengths
//   (std / mean; input_len and output_len are the means), dispatch=allgather|alltoall how MoE tokens
//   cross attention ranks (default auto).
// - gemm: the kernel model at the row's M x N x K and precision, shape MxNxK [weights=hbm] [copies=C]
//   [quant=static|dynamic] [clock=sustained] (weights from HBM on every call, or rotated through up to C
//   copies that stay on chip when they fit the cache; the activations quantised first by kernels of their
//   own; seconds of calls, at the clock the board's power limit allows: sustained_kernel); predicted
//   TFLOP/s.
// - copy: the kernel model copying 4 GiB (read + write bytes / time); predicted TB/s.
// - moe: one layer's fused MoE op of the row's model at its precision (moe_kernel), shape
//   tokens=N ep=E [imbalance=X] [routing=random|balanced]: N tokens held by each of E expert-parallel
//   ranks, routed at random or spread evenly over the experts; predicted tokens/s
//   (N / the op's time), so a positive error is a model faster than measured, as for the other kinds.
// - attention: one layer's decode-attention kernel of the row's model with its KV cache at the row's
//   precision (attention_kernel), shape tp=T requests=B context=S [layer=full|sliding]: B requests on one
//   chip of T, each with S tokens cached; predicted tokens/s (B / the kernel's time).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

struct ValidationCase {
    std::string id;
    std::string kind;       // serving, gemm, copy, allreduce, moe, attention
    std::string chip;
    int chips = 1;
    std::string model;
    std::string precision;
    std::string scenario;   // offline, server, interactive (a server held to tighter limits)
    int input_len = 0;
    int output_len = 0;
    std::string shape;      // MxNxK for gemm; serving: key=value items (tp, ep, in_cv, out_cv)
    std::string metric;     // tokens_per_s, tflops, tb_s
    double measured = 0;
    std::string source;
    bool fit = false;       // the row set an efficiency (role column "fit"): left out of headline figures
};


struct ValidationResult {
    ValidationCase c;
    double predicted = 0;
    double error = 0;       // (predicted - measured) / measured
    std::string detail;     // e.g. "tp 2, batch 780"
};

// Headline figures over the rows that test the model (fits left out), serving and kernels apart.
struct ValidationSummary {
    int rows = 0;
    int fits = 0;           // left out
    double median_abs_error = 0;
    double max_abs_error = 0;
    double within_35 = 0;   // fraction of rows with |error| <= 35 %
    int rows_within_25 = 0; // rows with |error| <= 25 %
    int rows_within_35 = 0; // rows with |error| <= 35 %
};
// Over the serving rows (serving = true) or the kernel rows of `results`: the figures
// `scoville validate` prints and the GUI's record view shows for the rows it lists.
ValidationSummary summarise(const std::vector<ValidationResult>& results, bool serving);
// The rows of one kind alone ("gemm", "copy", "allreduce", "moe", "serving").
ValidationSummary summarise_kind(const std::vector<ValidationResult>& results, std::string_view kind);
// The rows whose source is `family` (source_family) alone.
ValidationSummary summarise_source(const std::vector<ValidationResult>& results, bool serving, std::string_view family);
// The publication a case comes from, e.g. "MLPerf Inference v5.1", "TensorRT-LLM perf-overview",
// "Azure AI-benchmarking-guide", "aiconfigurator": the source's leading words, through a version
// word ("v4.1") or up to the first word naming a file, a system, a number or a note (holding '/', '(',
// '_', ':', ';' or a digit).
std::string source_family(std::string_view source);
// The families of `results` (serving or kernel rows), in the order they first appear.
std::vector<std::string> source_families(const std::vector<ValidationResult>& results, bool serving);
// The kernel kinds, in the order reports list them.
inline constexpr std::string_view kKernelKinds[] = {"gemm", "copy", "allreduce", "moe", "attention"};

Result<std::vector<ValidationCase>> parse_validation_csv(std::string_view text, std::string_view origin);
Result<ValidationResult> run_validation_case(const ValidationCase& c);
// The workload a serving row runs (the rules above): what run_validation_case evaluates, and what
// the GUI loads when a row is chosen.
Result<Scenario> validation_scenario(const ValidationCase& c);
// What a serving row's shape says of the chip it ran on: power_cap_w = the board power limit the
// run was held to (MLPerf MaxQ systems), which lowers the chip's power.tdp_w for the case; a chip
// key (link.topology=mesh, link.domain=4) = how the system differs from the chip's file, set for
// the case within the key's range.
Status apply_validation_conditions(const ValidationCase& c, ChipSpec& chip);
// The public set (tests/data/validation-public.csv, built in).
std::string_view builtin_validation_csv();
// The further measurements (tests/data/validation-extra.csv, built in).
std::string_view builtin_validation_extra_csv();
// A built-in set by the name users give it (public, extra): its file's name and its text; nullopt for
// another name.
struct BuiltinValidationSet {
    std::string_view file;  // validation-public.csv, validation-extra.csv
    std::string_view text;
};
std::optional<BuiltinValidationSet> builtin_validation_set(std::string_view name);

}  // namespace scoville
