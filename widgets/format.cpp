#include "widgets/format.hpp"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QLocale>
#include <QStringList>
#include <cmath>
#include <string>

#include "core/perf/accuracy.hpp"
#include "core/perf/result_keys.hpp"
#include "core/physical/tech.hpp"
#include "core/util/result.hpp"
#include "core/util/tr.hpp"
#include "store/qtext.hpp"

namespace scoville {
namespace {

const QString kNotAvailable = QStringLiteral("n/a");

// Numbers in the GUI follow the interface's locale (widgets/language.hpp sets the default); the C
// locale (no LANG) writes them as English does. CSV, JSON and the command line never come here.
QLocale uiLocale() {
    const QLocale l;
    return l.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : l;
}

// `digits` significant digits of a value already scaled to its unit: 3 -> "123", "12.3", "1.23".
QString significant(double scaled, int digits) {
    const int intDigits = std::fabs(scaled) >= 100 ? 3 : (std::fabs(scaled) >= 10 ? 2 : 1);
    return uiLocale().toString(scaled, 'f', std::max(0, digits - intDigits));
}

QString withUnit(const QString& number, const QString& unit) {
    return unit.isEmpty() ? number : number + QLatin1Char(' ') + unit;
}

QString translated(std::string_view text) { return trCore("ResultKey", text); }

}  // namespace

QString formatSi(double value, const QString& unit, int digits) {
    // An unbounded value (a latency whose queue never settles) is shown as such, not as a missing one.
    if (std::isinf(value)) return (value < 0 ? QStringLiteral("\u2212\u221e ") : QStringLiteral("\u221e ")) + unit;
    if (!std::isfinite(value)) return kNotAvailable;
    static const struct {
        double scale;
        const char16_t* prefix;
    } kPrefixes[] = {{1e15, u"P"}, {1e12, u"T"}, {1e9, u"G"}, {1e6, u"M"}, {1e3, u"k"},
                     {1.0, u""},   {1e-3, u"m"}, {1e-6, u"µ"}, {1e-9, u"n"}, {1e-12, u"p"}};
    const double mag = std::fabs(value);
    double scale = 1.0;
    QString prefix;
    if (mag > 0) {
        for (const auto& p : kPrefixes) {
            if (mag >= p.scale * 0.9995) {
                scale = p.scale;
                prefix = QString::fromUtf16(p.prefix);
                break;
            }
        }
        if (mag < 1e-12) {
            scale = 1e-12;
            prefix = QStringLiteral("p");
        }
    }
    return withUnit(significant(value / scale, digits), prefix + unit);
}

QString formatSeconds(double seconds) { return formatSi(seconds, QStringLiteral("s")); }

QString formatNumber(double value, int decimals) {
    if (!std::isfinite(value)) return kNotAvailable;
    return uiLocale().toString(value, 'f', decimals);
}

namespace {
// The percentage formatDelta shows, rounded to its digits (one decimal below 100 %).
double shownDeltaPercent(double value, double base) {
    const double pct = (value / base - 1.0) * 100.0;
    return std::fabs(pct) >= 100 ? std::round(pct) : std::round(pct * 10.0) / 10.0;
}
}  // namespace

bool deltaShownAsZero(double value, double base) {
    return std::isfinite(value) && std::isfinite(base) && base != 0 && shownDeltaPercent(value, base) == 0;
}

QString formatDelta(double value, double base) {
    if (!std::isfinite(value) || !std::isfinite(base) || base == 0) return kNotAvailable;
    const double pct = shownDeltaPercent(value, base);
    const QString sign = pct > 0 ? QStringLiteral("+") : (pct < 0 ? QStringLiteral("\u2212") : QString());
    const double a = std::fabs(pct);
    return sign + uiLocale().toString(a, 'f', a >= 100 ? 0 : 1) + QStringLiteral(" %");
}

QString formatMoney(double usd) {
    if (!std::isfinite(usd)) return kNotAvailable;
    return QStringLiteral("$") + (std::fabs(usd) >= 100 ? formatNumber(usd, 0)
                                                        : uiLocale().toString(usd, 'f', std::fabs(usd) >= 1 ? 2 : 3));
}

QString formatBytes(double bytes) { return formatSi(bytes, QStringLiteral("B")); }

QString formatBytesPerSecond(double bytesPerSecond) { return formatSi(bytesPerSecond, QStringLiteral("B/s")); }

QString autoValueText(double value, std::string_view unit) {
    const QString number = QString::number(value, 'g', 4);
    return QCoreApplication::translate("scoville::Format", "auto: %1")
        .arg(unit.empty() ? number : number + QLatin1Char(' ') + displayUnit(unit));
}

QString autoValueText(const ChipSpec& chip, std::string_view key, std::string_view unit) {
    const auto& tech = default_tech();
    if (!tech) return {};
    const auto behind = value_behind_zero(chip, tech->params, key);
    return behind ? autoValueText(behind->value, unit) : QString();
}

QString fittedText(const QString& text, const QFontMetrics& fm, int room) {
    if (fm.horizontalAdvance(text) <= room) return text;
    QString tight = text;
    tight.remove(QLatin1Char(' '));
    return fm.horizontalAdvance(tight) <= room ? tight : fm.elidedText(tight, Qt::ElideRight, room);
}

QString formatParallelism(const Parallelism& p) {
    QStringList parts{QStringLiteral("TP %1").arg(p.tp)};
    if (p.dp > 1) parts << QStringLiteral("DP %1").arg(p.dp);
    if (p.pp > 1) parts << QStringLiteral("PP %1").arg(p.pp);
    if (p.ep > 1) parts << QStringLiteral("EP %1").arg(p.ep);
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString displayUnit(std::string_view unit) {
    if (unit == "mm2") return QStringLiteral("mm\u00B2");
    if (unit == "us") return QStringLiteral("\u00B5s");
    return trCore("Unit", unit);
}

QString displayUnit(std::string_view unit, double value) {
    if (value == 1) {
        if (unit == "steps") return QCoreApplication::translate("Unit", "step");
        if (unit == "requests") return QCoreApplication::translate("Unit", "request");
        if (unit == "tokens") return QCoreApplication::translate("Unit", "token");
        if (unit == "chips") return QCoreApplication::translate("Unit", "chip");
        if (unit == "years") return QCoreApplication::translate("Unit", "year");
    }
    return displayUnit(unit);
}

QString trCore(const char* context, std::string_view text) {
    if (text.empty()) return {};
    return QCoreApplication::translate(context, std::string(text).c_str());
}

QString trMessage(const Message& message) {
    QString text = trCore(std::string(message.context).c_str(), message.pattern);
    // Every %N at once, as Message::fill does: an argument's own text is never read as a placeholder.
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == QLatin1Char('%') && i + 1 < text.size() && text[i + 1] >= QLatin1Char('1') &&
            text[i + 1] <= QLatin1Char('9')) {
            const auto n = static_cast<size_t>(text[i + 1].unicode() - u'1');
            if (n < message.args.size()) {
                out += qtext(message.args[n]);
                ++i;
                continue;
            }
            if (n - message.args.size() < message.inner.size()) {
                out += trMessage(message.inner[n - message.args.size()]);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QString errorText(const Error& error) { return error.text ? trMessage(*error.text) : qtext(error.message); }

QString boundText(Bound bound) {
    switch (bound) {
    case Bound::compute: return QCoreApplication::translate("Model", "compute");
    case Bound::memory: return QCoreApplication::translate("Model", "memory");
    case Bound::network: return QCoreApplication::translate("Model", "network");
    }
    return qtext(to_string(bound));
}

QString phaseText(Phase phase) {
    return phase == Phase::prefill ? QCoreApplication::translate("Model", "prefill")
                                   : QCoreApplication::translate("Model", "decode");
}

QString opKindText(OpKind kind) {
    switch (kind) {
    case OpKind::gemm: return QCoreApplication::translate("Model", "gemm");
    case OpKind::attention: return QCoreApplication::translate("Model", "attention");
    case OpKind::vector: return QCoreApplication::translate("Model", "vector");
    case OpKind::collective: return QCoreApplication::translate("Model", "collective");
    }
    return qtext(to_string(kind));
}

QString dramText(DramType dram) {
    return QCoreApplication::translate("Model", std::string(memory_name(dram)).c_str());
}

QString memLevelText(MemLevel level, DramType dram) {
    return level == MemLevel::sram ? QCoreApplication::translate("Model", "SRAM") : dramText(dram);
}

QString formatSignedPercent(double fraction) {
    const double pct = std::round(fraction * 1000.0) / 10.0;
    return (pct < 0 ? QStringLiteral("\u2212") : QStringLiteral("+")) + formatNumber(std::fabs(pct), 1) +
           QStringLiteral(" %");
}

QString accuracyText(const MeasuredAccuracy& a) {
    QString runs;
    switch (a.workload.mix) {
    case LengthMix::output_heavy:
        runs = a.workload.moe ? QCoreApplication::translate("Model", "%n measured runs of MoE models with output-heavy requests", nullptr, a.rows)
                              : QCoreApplication::translate("Model", "%n measured runs of dense models with output-heavy requests", nullptr, a.rows);
        break;
    case LengthMix::mixed:
        runs = a.workload.moe ? QCoreApplication::translate("Model", "%n measured runs of MoE models with mixed prompt and output lengths", nullptr, a.rows)
                              : QCoreApplication::translate("Model", "%n measured runs of dense models with mixed prompt and output lengths", nullptr, a.rows);
        break;
    case LengthMix::prompt_heavy:
        runs = a.workload.moe ? QCoreApplication::translate("Model", "%n measured runs of MoE models with prompt-heavy requests", nullptr, a.rows)
                              : QCoreApplication::translate("Model", "%n measured runs of dense models with prompt-heavy requests", nullptr, a.rows);
        break;
    }
    return QCoreApplication::translate("Model", "Against %1, the model's tokens/s were a median %2 from the measurement, "
                                                "%3 to %4 from the 10th to the 90th percentile (positive: the model "
                                                "faster than measured); %5 of them within ±35 %.")
        .arg(runs, formatSignedPercent(a.median_error), formatSignedPercent(a.p10_error), formatSignedPercent(a.p90_error),
             QString::number(a.within_35));
}

QString workloadModelsText(const WorkloadClass& workload) {
    return workload.moe ? QCoreApplication::translate("Model", "MoE models")
                        : QCoreApplication::translate("Model", "dense models");
}

QString workloadLengthsText(const WorkloadClass& workload) {
    switch (workload.mix) {
    case LengthMix::output_heavy: return QCoreApplication::translate("Model", "output-heavy");
    case LengthMix::mixed: return QCoreApplication::translate("Model", "mixed lengths");
    case LengthMix::prompt_heavy: return QCoreApplication::translate("Model", "prompt-heavy");
    }
    return {};
}

QString workloadClassText(const WorkloadClass& workload) {
    return QCoreApplication::translate("Model", "%1, %2").arg(workloadModelsText(workload), workloadLengthsText(workload));
}

QString accuracyLine(const MeasuredAccuracy& a) {
    return QCoreApplication::translate("Model", "Measured accuracy of tokens/s (%n runs, %1): a median %2, "
                                                "%3 to %4 (10th to 90th percentile)",
                                       nullptr, a.rows)
        .arg(workloadClassText(a.workload), formatSignedPercent(a.median_error), formatSignedPercent(a.p10_error),
             formatSignedPercent(a.p90_error));
}

QString chipAccuracyText(const MeasuredAccuracy& a, const QString& chip) {
    return QCoreApplication::translate("Model", "Against the %n measured runs on %1, whatever their workload, the "
                                                "model's tokens/s were a median %2 from the measurement, %3 to %4 from "
                                                "the 10th to the 90th percentile, a median of %5 either way; %6 of them "
                                                "within ±35 %.",
                                       nullptr, a.rows)
        .arg(chip, formatSignedPercent(a.median_error), formatSignedPercent(a.p10_error), formatSignedPercent(a.p90_error),
             formatNumber(a.median_abs_error * 100, 1) + QStringLiteral(" %"), QString::number(a.within_35));
}

QString chipAccuracyLine(const MeasuredAccuracy& a) {
    return QCoreApplication::translate("Model", "on this chip (%n runs): median %1", nullptr, a.rows)
        .arg(formatSignedPercent(a.median_error));
}

QString chipParamText(std::string_view text) { return trCore("scoville::ChipParams", text); }
QString workloadKeyText(std::string_view text) { return trCore("scoville::WorkloadKeys", text); }

QString formatResult(const ResultKey& key, std::optional<double> value) {
    if (value && std::isinf(*value) && key.kind == ResultKind::seconds) return formatSeconds(*value);
    if (!value || !std::isfinite(*value)) return kNotAvailable;
    const double v = *value;
    switch (key.kind) {
    case ResultKind::integer: return formatNumber(v, 0);
    case ResultKind::si: return formatSi(v);
    case ResultKind::seconds: return formatSeconds(v);
    case ResultKind::money: return formatMoney(v);
    case ResultKind::whole: return withUnit(formatNumber(v, 0), displayUnit(key.unit));
    case ResultKind::decimal: return withUnit(significant(v, 3), displayUnit(key.unit));
    case ResultKind::gigabytes: return formatBytes(v * 1e9);
    case ResultKind::fraction: return uiLocale().toString(v * 100, 'f', 0) + QStringLiteral(" %");
    }
    return formatSi(v);
}

QString resultLabel(const ResultKey& key) { return translated(key.label); }

QString resultShortLabel(const ResultKey& key) { return translated(key.short_label); }

}  // namespace scoville
