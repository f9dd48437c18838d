#pragma once
// Number formatting for labels, tables and tooltips, one function per kind of value: engineering
// prefixes, money, bytes, results by their key's kind. Never "nan" or "inf": non-finite values and
// results that do not apply read "n/a".
#include <QString>
#include <optional>
#include <string_view>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"

class QFontMetrics;

namespace scoville {

struct Error;
struct MeasuredAccuracy;
struct Message;
struct Parallelism;
struct ResultKey;
struct WorkloadClass;

// 12345 -> "12.3 k"; 0.00042 -> "420 µ". Non-finite values read "n/a".
QString formatSi(double value, const QString& unit = {}, int digits = 3);
// Seconds in the most readable unit: "1.52 ms", "38.0 µs", "2.10 s".
QString formatSeconds(double seconds);
// Plain number with thousands grouping and `decimals` digits: "12,345".
QString formatNumber(double value, int decimals = 0);
// Relative change "+12.3 %" / "−4.0 %"; "n/a" when the base is zero or not finite; "0.0 %"
// (no sign) when the change rounds to zero at the digits shown.
QString formatDelta(double value, double base);
// Whether formatDelta shows the change as zero: such a change is neither better nor worse.
bool deltaShownAsZero(double value, double base);
// US dollars: "$0.123", "$4.56", "$1,234".
QString formatMoney(double usd);
// Bytes and bytes per second with an SI prefix: "1.23 GB", "3.35 TB/s".
QString formatBytes(double bytes);
QString formatBytesPerSecond(double bytesPerSecond);
// What one replica spans: "TP 2", "TP 1 · DP 8 · EP 8", "TP 4 · PP 2".
QString formatParallelism(const Parallelism& p);
// A value as it fits `room` pixels in `fm`: whole where it fits, else without its spaces ("TP 1 · DP 8 · EP 8" as
// "TP1·DP8·EP8"), else that elided at the right.
QString fittedText(const QString& text, const QFontMetrics& fm, int room);
// A key left at 0 that stands for another value (value_behind_zero in core/physical/tech.hpp), as a field or a
// report reads it: "auto: 0.181" (with `unit`, "auto: 6.97 µs").
QString autoValueText(double value, std::string_view unit = {});
// The same for `key` of `chip`; nothing where its 0 is a value of its own, or it is set.
QString autoValueText(const ChipSpec& chip, std::string_view key, std::string_view unit = {});

// A unit as shown: "mm2" -> "mm²", "us" -> "µs"; then in the user's language (context "Unit").
QString displayUnit(std::string_view unit);
// The unit after a count of `value`: a counted unit ("steps", "requests", "tokens", "chips",
// "years") takes its singular after exactly 1 ("1 step"); any other unit as displayUnit.
QString displayUnit(std::string_view unit, double value);
// Text core/ marks with SCV_TR(context, text) (core/util/tr.hpp), in the user's language.
QString trCore(const char* context, std::string_view text);
// A core message (a warning with its numbers): the pattern translated, the arguments filled in.
QString trMessage(const Message& message);
// A core error as the user reads it: translated when core made it with Error::of, else as written.
QString errorText(const Error& error);
// The model's words for what bounds an op, the phases, op kinds and memory levels, in the user's
// language ("memory", "decode", "gemm", "HBM"; context "Model").
QString boundText(Bound bound);
QString phaseText(Phase phase);
QString opKindText(OpKind kind);
// Where an op's bytes live: SRAM, or the chip's off-chip memory by its name (HBM, GDDR, LPDDR).
QString memLevelText(MemLevel level, DramType dram = DramType::hbm3e);
QString dramText(DramType dram);
// Labels of the chip parameters and workload keys (contexts scoville::ChipParams and
// scoville::WorkloadKeys): names, groups and descriptions.
QString chipParamText(std::string_view text);
QString workloadKeyText(std::string_view text);
// A result as its key's kind reads: "12.3 k", "38.0 ms", "$1.23", "814 mm²"; nullopt reads "n/a".
QString formatResult(const ResultKey& key, std::optional<double> value);
// How the model's throughput matched measured runs of a workload's class (core/perf/accuracy.hpp), one
// sentence in the user's language (context "Model"): the runs, the median and the 10th to 90th
// percentile of the signed errors, and the runs within ±35 %.
QString accuracyText(const MeasuredAccuracy& accuracy);
// The same in one short line: "Measured accuracy of tokens/s (247 runs, dense models, mixed lengths): a
// median +1.7 %, −10.6 to +17.5 % (10th to 90th percentile)".
QString accuracyLine(const MeasuredAccuracy& accuracy);
// How it matched every measured run on one reference chip (`chip`: its name), one sentence; and in short, to follow
// the line above: "on this chip (8 runs): median −0.8 %".
QString chipAccuracyText(const MeasuredAccuracy& accuracy, const QString& chip);
QString chipAccuracyLine(const MeasuredAccuracy& accuracy);
// A workload class in short: "dense models, mixed lengths"; its two halves.
QString workloadClassText(const WorkloadClass& workload);
QString workloadModelsText(const WorkloadClass& workload);
QString workloadLengthsText(const WorkloadClass& workload);
// A fraction as a signed percentage with one decimal: 0.017 -> "+1.7 %", -0.106 -> "−10.6 %".
QString formatSignedPercent(double fraction);
// A result key's labels, translated (context "ResultKey").
QString resultLabel(const ResultKey& key);
QString resultShortLabel(const ResultKey& key);

}  // namespace scoville
