#include "widgets/format.hpp"

#include <QLocale>
#include <cmath>

namespace scoville {

QString formatSi(double value, const QString& unit, int digits) {
    if (!std::isfinite(value)) return QStringLiteral("n/a");
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
    const double scaled = value / scale;
    // Significant digits: 3 -> "123", "12.3", "1.23".
    const int intDigits = std::fabs(scaled) >= 100 ? 3 : (std::fabs(scaled) >= 10 ? 2 : 1);
    const int decimals = std::max(0, digits - intDigits);
    QString text = QString::number(scaled, 'f', decimals);
    QString suffix = prefix + unit;
    return suffix.isEmpty() ? text : text + QLatin1Char(' ') + suffix;
}

QString formatSeconds(double seconds) { return formatSi(seconds, QStringLiteral("s")); }

QString formatNumber(double value, int decimals) {
    if (!std::isfinite(value)) return QStringLiteral("n/a");
    return QLocale(QLocale::English).toString(value, 'f', decimals);
}

QString formatDelta(double value, double base) {
    if (!std::isfinite(value) || !std::isfinite(base) || base == 0) return QStringLiteral("n/a");
    const double pct = (value / base - 1.0) * 100.0;
    const QString sign = pct > 0 ? QStringLiteral("+") : (pct < 0 ? QStringLiteral("\u2212") : QString());
    const double a = std::fabs(pct);
    return sign + QString::number(a, 'f', a >= 100 ? 0 : 1) + QStringLiteral(" %");
}

}  // namespace scoville
