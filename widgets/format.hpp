#pragma once
// Number formatting for labels and tooltips: engineering prefixes, never "nan" or "inf".
#include <QString>

namespace scoville {

// 12345 -> "12.3 k"; 0.00042 -> "420 µ". Non-finite values read "n/a".
QString formatSi(double value, const QString& unit = {}, int digits = 3);
// Seconds in the most readable unit: "1.52 ms", "38.0 µs", "2.10 s".
QString formatSeconds(double seconds);
// Plain number with thousands grouping and `decimals` digits: "12,345".
QString formatNumber(double value, int decimals = 0);
// Relative change "+12.3 %" / "−4.0 %"; "n/a" when the base is zero or not finite.
QString formatDelta(double value, double base);

}  // namespace scoville
