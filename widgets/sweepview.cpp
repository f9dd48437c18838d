#include "widgets/sweepview.hpp"

#include <qcustomplot.h>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "core/hw/params.hpp"
#include "core/physical/design.hpp"
#include "store/qtext.hpp"
#include "store/tables.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxSteps = 1000;  // per key: two keys make at most a million points
// The Pareto cloud: up to this many points drawn as dots, more as a density image (whose cost does
// not grow with the points); every point takes part in the front either way.
constexpr size_t kDotLimit = 10000;
constexpr int kDensityColumns = 320, kDensityRows = 240;
constexpr size_t kHoverLimit = 20000;  // points a hover looks at (a click looks at every one)

std::string shortest(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

bool isChoice(const SweepKey& key) {
    return sweepKeyChoices(key) != nullptr;
}

// The value shown on an axis tick: the number, or the choice's name.
QString tickText(const SweepKey& key, double v) {
    if (isChoice(key)) return qtext(key.value_text(v));
    return QLocale().toString(v, 'g', 4);
}

// Okabe-Ito-friendly sequential map (viridis stops); better is always the bright end.
QCPColorGradient objectiveGradient(bool higherIsBetter) {
    QCPColorGradient g;
    g.clearColorStops();
    const QColor stops[] = {QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140), QColor(94, 201, 98),
                            QColor(253, 231, 37)};
    for (int i = 0; i < 5; ++i) g.setColorStopAt(higherIsBetter ? i / 4.0 : 1.0 - i / 4.0, stops[i]);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

// Points that miss a constraint (1) light grey, points that do not evaluate (2) dark grey.
QCPColorGradient otherGradient() {
    QCPColorGradient g;
    g.clearColorStops();
    g.setColorStopAt(0, QColor(190, 190, 190));
    g.setColorStopAt(1, QColor(90, 90, 90));
    g.setLevelCount(2);
    g.setNanHandling(QCPColorGradient::nhTransparent);
    return g;
}

QColor missColor() {
    return QColor(190, 190, 190);
}
QColor failColor() {
    return QColor(90, 90, 90);
}

// Where `value` lies among the axis values, as a fractional index (log-interpolated on log axes);
// nullopt outside them.
std::optional<double> fractionalIndex(const Axis& axis, double value, bool log) {
    const auto& v = axis.values;
    if (v.empty() || !std::isfinite(value)) return std::nullopt;
    if (v.size() == 1) return value == v[0] ? std::optional<double>(0.0) : std::nullopt;
    for (size_t i = 0; i + 1 < v.size(); ++i) {
        const double a = v[i], b = v[i + 1];
        if ((value - a) * (value - b) > 0) continue;
        if (a == b) return static_cast<double>(i);
        const double t = log && a > 0 && b > 0 && value > 0 ? std::log(value / a) / std::log(b / a)
                                                            : (value - a) / (b - a);
        return static_cast<double>(i) + t;
    }
    return std::nullopt;
}

// Round values ("1.25", "2", "500") across an axis of `n`-ish ticks, placed where they fall among
// the axis values (a heat map's cells are the values' indices); a choice key's every few names.
QSharedPointer<QCPAxisTickerText> indexTicker(const Axis& axis, int n, bool log) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const auto& v = axis.values;
    const int count = static_cast<int>(v.size());
    auto everyFew = [&] {
        const int stride = std::max(1, static_cast<int>(std::ceil(count / static_cast<double>(n))));
        for (int i = 0; i < count; i += stride)
            ticker->addTick(i, tickText(axis.key, v[static_cast<size_t>(i)]));
    };
    if (isChoice(axis.key) || count <= n || count < 2) {
        everyFew();
        return ticker;
    }
    const double lo = std::min(v.front(), v.back()), hi = std::max(v.front(), v.back());
    std::vector<double> ticks;
    if (log && lo > 0 && hi / lo >= 10) {
        for (const double m : {1.0, 2.0, 5.0}) {
            for (double decade = std::pow(10.0, std::floor(std::log10(lo))); decade <= hi; decade *= 10)
                if (m * decade >= lo * (1 - 1e-9) && m * decade <= hi * (1 + 1e-9))
                    ticks.push_back(m * decade);
            if (m == 1.0 && static_cast<int>(ticks.size()) >= n) break;  // decades are enough
        }
    } else {
        const double rough = (hi - lo) / n;
        const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
        double step = magnitude * 10;
        for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0})
            if (m * magnitude >= rough) {
                step = m * magnitude;
                break;
            }
        for (double t = std::ceil(lo / step - 1e-9) * step; t <= hi * (1 + 1e-12) + 1e-12; t += step)
            ticks.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    }
    for (double t : ticks)
        if (auto at = fractionalIndex(axis, t, log)) ticker->addTick(*at, tickText(axis.key, t));
    if (ticker->ticks().size() < 2) {
        ticker->clear();
        everyFew();
    }
    return ticker;
}

QVector<QCPGraphData> toGraphData(const std::vector<std::pair<double, double>>& xy) {
    QVector<QCPGraphData> out;
    out.reserve(static_cast<qsizetype>(xy.size()));
    for (const auto& [x, y] : xy) out.append(QCPGraphData(x, y));
    return out;
}

QSharedPointer<QCPGraphDataContainer> container(const std::vector<std::pair<double, double>>& xy,
                                                bool sorted) {
    auto c = QSharedPointer<QCPGraphDataContainer>::create();
    c->set(toGraphData(xy), sorted);
    return c;
}

struct Span {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (!std::isfinite(v)) return;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    [[nodiscard]] bool valid() const { return lo <= hi; }
    // A log scale where the values are positive and span more than `decades`.
    [[nodiscard]] bool wantsLog(double ratio) const { return valid() && lo > 0 && hi / lo > ratio; }
    [[nodiscard]] QCPRange padded(bool log) const {
        if (!valid()) return QCPRange(0, 1);
        if (log) return QCPRange(lo / 1.15, hi * 1.15);
        const double pad = hi > lo ? (hi - lo) * 0.06 : std::max(std::fabs(hi) * 0.1, 1e-9);
        return QCPRange(lo - pad, hi + pad);
    }
};

void setScale(QCPAxis* axis, bool log) {
    if (log) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        if (!axis->ticker().dynamicCast<QCPAxisTickerLog>())
            axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        if (axis->ticker().dynamicCast<QCPAxisTickerLog>() || axis->ticker().dynamicCast<QCPAxisTickerText>())
            axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
}

}  // namespace

// A colour map whose image the sweep's worker made: a million cells are coloured off the window's
// thread, and the first draw only scales the image. Without an image it colours itself as usual.
class PrecomputedColorMap : public QCPColorMap {
public:
    using QCPColorMap::QCPColorMap;
    // The image as QCPColorMap::updateMapImage would make it from the data, gradient and range set.
    void setImage(QImage image) {
        image_ = std::move(image);
        mMapImageInvalidated = true;
    }

protected:
    void updateMapImage() override {
        if (image_.isNull() || image_.width() != data()->keySize() ||
            image_.height() != data()->valueSize()) {
            QCPColorMap::updateMapImage();
            return;
        }
        mMapImage = image_;  // shared, not copied
        mMapImageInvalidated = false;
    }

private:
    QImage image_;
};

// What QCPColorMap::updateMapImage makes of `data` (horizontal key axis, no oversampling: at least
// 101 cells each way), so a worker can make it.
QImage colorMapImage(const QCPColorMapData& data, QCPColorGradient gradient, const QCPRange& range,
                     bool log) {
    const int keys = data.keySize(), values = data.valueSize();
    if (keys <= 100 || values <= 100) return {};
    QImage image(QSize(keys, values), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) return {};
    QCPColorMapData& cells = const_cast<QCPColorMapData&>(data);  // cell() is not const; reading only
    std::vector<double> line(static_cast<size_t>(keys));
    for (int j = 0; j < values; ++j) {
        for (int i = 0; i < keys; ++i) line[static_cast<size_t>(i)] = cells.cell(i, j);
        auto* pixels =
            reinterpret_cast<QRgb*>(image.scanLine(values - 1 - j));  // scan lines count from the top
        gradient.colorize(line.data(), range, pixels, keys, 1, log);
    }
    return image;
}

// --- The outcome and its stored form -------------------------------------------------------------

uint64_t SweepOutcome::pointCount() const {
    uint64_t n = 1;
    for (const Axis& a : axes) n *= a.values.size();
    return axes.empty() ? 0 : n;
}

std::optional<size_t> SweepOutcome::rowAt(std::span<const size_t> indices) const {
    if (indices.size() != axes.size()) return std::nullopt;
    uint64_t point = 0;
    for (size_t a = 0; a < axes.size(); ++a) {
        if (indices[a] >= axes[a].values.size()) return std::nullopt;
        point = point * axes[a].values.size() + indices[a];
    }
    auto it = std::lower_bound(rows.point.begin(), rows.point.end(), point);
    if (it == rows.point.end() || *it != point) return std::nullopt;
    return static_cast<size_t>(it - rows.point.begin());
}

store::SweepResult sweepRecord(const SweepOutcome& o) {
    store::SweepResult r;
    r.name = o.name;
    r.design = o.design;
    r.workload = o.workload;
    std::vector<std::string> objectives;
    for (const ResultKey* k : o.objectives) objectives.emplace_back(k->key);
    // Read back by sweepOutcomeFromRecord below.
    r.spec = qtext(sweep_spec_text(o.axisTexts, objectives, o.constraints));
    store::setSweepRows(r, o.rows);
    return r;
}

Result<SweepOutcome> sweepOutcomeFromRecord(const store::SweepResult& rec) {
    const std::string where = "sweep '" + stext(rec.name) + "'";
    SweepOutcome o;
    o.name = rec.name;
    o.design = rec.design;
    o.workload = rec.workload;
    static const QRegularExpression vary(QStringLiteral("--vary (\\S+)"));
    static const QRegularExpression objective(QStringLiteral("--objective (\\S+)"));
    static const QRegularExpression constraint(QStringLiteral("--constraint '([^']*)'"));
    for (auto it = vary.globalMatch(rec.spec); it.hasNext();) {
        const std::string text = stext(it.next().captured(1));
        auto axis = parse_axis(text);
        if (!axis) return Error{where + ": " + axis.error().message};
        o.axisTexts.push_back(text);
        o.axes.push_back(std::move(axis.value()));
    }
    for (auto it = objective.globalMatch(rec.spec); it.hasNext();) {
        const QString key = it.next().captured(1);
        const ResultKey* k = find_result_key(stext(key));
        if (!k) return Error{where + ": unknown objective '" + stext(key) + "'"};
        o.objectives.push_back(k);
    }
    for (auto it = constraint.globalMatch(rec.spec); it.hasNext();)
        o.constraints.push_back(stext(it.next().captured(1)));
    if (o.axes.empty() || o.axes.size() > 2 || o.objectives.empty() || o.objectives.size() > 2)
        return Error{where + ": not a sweep this view made (spec '" + stext(rec.spec) + "')"};
    QStringList expectParams, expectObjectives;
    for (const Axis& a : o.axes) expectParams << qtext(a.key.key);
    for (const ResultKey* k : o.objectives) expectObjectives << qtext(k->key);
    if (rec.paramKeys != expectParams || rec.objectiveKeys != expectObjectives)
        return Error{where + ": its columns do not match its spec"};
    const size_t na = o.axes.size(), no = o.objectives.size();
    if (rec.rows.size() != o.pointCount()) return Error{where + ": its rows do not cover its grid"};
    SweepRows& rows = o.rows;
    for (const Axis& a : o.axes) rows.axis_keys.push_back(a.key.key);
    for (const ResultKey* k : o.objectives) {
        rows.objective_keys.emplace_back(k->key);
        rows.better.push_back(k->better);
    }
    const size_t n = rec.rows.size();
    rows.point.resize(n);
    rows.axes.resize(n * na);
    rows.objectives.resize(n * no);
    rows.status.resize(n);
    rows.note.resize(n);
    rows.grid_points = n;
    for (size_t i = 0; i < n; ++i) {
        const store::SweepRow& r = rec.rows[i];
        if (r.params.size() != na || r.objectives.size() != no)
            return Error{where + ": a row of the wrong width"};
        rows.point[i] = i;
        for (size_t a = 0; a < na; ++a) rows.axes[i * na + a] = r.params[a];
        rows.status[i] = r.status;
        rows.note[i] = stext(r.note);
        for (size_t k = 0; k < no; ++k) rows.objectives[i * no + k] = r.objectives[k];
    }
    return o;
}

// --- Background work -----------------------------------------------------------------------------

// What the worker builds for the plots, so the window only swaps pointers.
struct SweepView::PlotData {
    std::unique_ptr<QCPColorMapData> okCells, otherCells;  // two keys
    Span okSpan;
    QCPRange okRange;
    bool okLog = false;
    QImage okImage, otherImage;                               // the cells coloured (large maps)
    QSharedPointer<QCPGraphDataContainer> lineOk, lineOther;  // one key
    Span lineX, lineY;
    QSharedPointer<QCPGraphDataContainer> cloud, cloudOther, front;  // two objectives
    std::unique_ptr<QCPColorMapData> density, densityOther;  // or, for many points, the cloud as counts
    Span paretoX, paretoY;
    bool paretoLogX = false, paretoLogY = false;
};

namespace {

struct ReferenceChip {
    QString name;
    ChipSpec chip;
};

}  // namespace

namespace sweepjob {

// The rows of two objectives on the front, by the first objective, and every plot's data.
void finish(SweepOutcome& o, SweepView::PlotData& d) {
    const SweepRows& rows = o.rows;
    const size_t n = rows.size();
    if (o.objectives.size() == 2) {
        const size_t cols[] = {0, 1};
        o.front = pareto_front(rows, cols);
        std::sort(o.front.begin(), o.front.end(), [&](size_t a, size_t b) {
            return rows.objective(a, 0) < rows.objective(b, 0) ||
                   (rows.objective(a, 0) == rows.objective(b, 0) &&
                    rows.objective(a, 1) < rows.objective(b, 1));
        });
    }
    if (o.axes.size() == 2) {
        const int n0 = static_cast<int>(o.axes[0].values.size()),
                  n1 = static_cast<int>(o.axes[1].values.size());
        d.okCells = std::make_unique<QCPColorMapData>(n0, n1, QCPRange(0, n0 - 1), QCPRange(0, n1 - 1));
        d.otherCells = std::make_unique<QCPColorMapData>(n0, n1, QCPRange(0, n0 - 1), QCPRange(0, n1 - 1));
        d.okCells->fill(kNaN);
        d.otherCells->fill(kNaN);
        for (size_t r = 0; r < n; ++r) {
            const int i = static_cast<int>(rows.point[r] / static_cast<uint64_t>(n1));
            const int j = static_cast<int>(rows.point[r] % static_cast<uint64_t>(n1));
            const PointStatus st = rows.status[r];
            if (st == PointStatus::ok) {
                const double v = rows.objective(r, 0);
                d.okCells->setCell(i, j, v);
                d.okSpan.add(v);
            } else {
                d.otherCells->setCell(i, j, st == PointStatus::violates ? 0.0 : 1.0);
            }
        }
        const Span& sp = d.okSpan;
        d.okLog = sp.wantsLog(1000);
        d.okRange = !sp.valid()     ? QCPRange(0, 1)
                    : sp.hi > sp.lo ? QCPRange(sp.lo, sp.hi)
                                    : QCPRange(sp.lo - std::max(std::fabs(sp.lo) * 0.01, 1e-12),
                                               sp.hi + std::max(std::fabs(sp.hi) * 0.01, 1e-12));
        d.okImage = colorMapImage(
            *d.okCells, objectiveGradient(o.objectives.front()->better != Better::lower), d.okRange, d.okLog);
        d.otherImage = colorMapImage(*d.otherCells, otherGradient(), QCPRange(0, 1), false);
    } else if (o.axes.size() == 1) {
        const bool choice = isChoice(o.axes[0].key);
        std::vector<std::pair<double, double>> ok, other;
        ok.reserve(n);
        for (size_t r = 0; r < n; ++r) {
            const double x = choice ? static_cast<double>(rows.point[r]) : rows.axis(r, 0);
            const double y = rows.objective(r, 0);
            d.lineX.add(x);
            if (rows.status[r] == PointStatus::ok) {
                ok.emplace_back(x, y);
                d.lineY.add(y);
            } else {
                ok.emplace_back(x, kNaN);  // a gap in the line
                if (rows.status[r] == PointStatus::violates && std::isfinite(y)) {
                    other.emplace_back(x, y);
                    d.lineY.add(y);
                }
            }
        }
        d.lineOk = container(ok, false);
        d.lineOther = container(other, false);
    }
    if (o.objectives.size() == 2) {
        size_t drawn = 0;
        auto usable = [&](size_t r) {
            return rows.status[r] != PointStatus::failed && std::isfinite(rows.objective(r, 0)) &&
                   std::isfinite(rows.objective(r, 1));
        };
        for (size_t r = 0; r < n; ++r) {
            if (!usable(r)) continue;
            d.paretoX.add(rows.objective(r, 0));
            d.paretoY.add(rows.objective(r, 1));
            ++drawn;
        }
        Span dataX = d.paretoX, dataY = d.paretoY;  // the cloud alone
        for (const auto& ref : o.references) {
            if (std::isfinite(ref.x) && std::isfinite(ref.y)) {
                d.paretoX.add(ref.x);
                d.paretoY.add(ref.y);
            }
        }
        d.paretoLogX = d.paretoX.wantsLog(30);
        d.paretoLogY = d.paretoY.wantsLog(30);
        std::vector<std::pair<double, double>> cloud, other, front;
        if (drawn <= kDotLimit) {
            for (size_t r = 0; r < n; ++r)
                if (usable(r))
                    (rows.status[r] == PointStatus::ok ? cloud : other)
                        .emplace_back(rows.objective(r, 0), rows.objective(r, 1));
        } else if (dataX.valid() && dataY.valid()) {
            // Counts per cell, cells even on the axes' scales (logarithmic or not: a colour map's
            // cells are even in pixels between its outer cells' centres).
            auto scaled = [](double v, bool log) { return log ? std::log10(v) : v; };
            auto edges = [&](const Span& sp, bool log) {
                double lo = scaled(sp.lo, log), hi = scaled(sp.hi, log);
                if (hi <= lo) {
                    lo -= 0.5 * std::max(std::fabs(lo) * 1e-3, 1e-9);
                    hi = lo + std::max(std::fabs(lo) * 1e-3, 1e-9);
                }
                return std::pair(lo, hi);
            };
            const auto [x0, x1] = edges(dataX, d.paretoLogX);
            const auto [y0, y1] = edges(dataY, d.paretoLogY);
            auto unscaled = [](double v, bool log) { return log ? std::pow(10.0, v) : v; };
            // A colour map's range is the centres of its outer cells.
            const double wx = (x1 - x0) / kDensityColumns, wy = (y1 - y0) / kDensityRows;
            const QCPRange keys(unscaled(x0 + 0.5 * wx, d.paretoLogX), unscaled(x1 - 0.5 * wx, d.paretoLogX));
            const QCPRange values(unscaled(y0 + 0.5 * wy, d.paretoLogY),
                                  unscaled(y1 - 0.5 * wy, d.paretoLogY));
            std::vector<uint32_t> okCount(static_cast<size_t>(kDensityColumns * kDensityRows), 0),
                otherCount(okCount);
            for (size_t r = 0; r < n; ++r) {
                if (!usable(r)) continue;
                const double u = (scaled(rows.objective(r, 0), d.paretoLogX) - x0) / (x1 - x0);
                const double v = (scaled(rows.objective(r, 1), d.paretoLogY) - y0) / (y1 - y0);
                const int i = std::clamp(static_cast<int>(u * kDensityColumns), 0, kDensityColumns - 1);
                const int j = std::clamp(static_cast<int>(v * kDensityRows), 0, kDensityRows - 1);
                (rows.status[r] == PointStatus::ok
                     ? okCount
                     : otherCount)[static_cast<size_t>(j * kDensityColumns + i)]++;
            }
            auto map = [&](const std::vector<uint32_t>& count) {
                auto m = std::make_unique<QCPColorMapData>(kDensityColumns, kDensityRows, keys, values);
                uint32_t most = 1;
                for (uint32_t c : count) most = std::max(most, c);
                for (int j = 0; j < kDensityRows; ++j)
                    for (int i = 0; i < kDensityColumns; ++i) {
                        const uint32_t c = count[static_cast<size_t>(j * kDensityColumns + i)];
                        m->setCell(i, j, c ? std::log1p(c) / std::log1p(most) : kNaN);
                    }
                return m;
            };
            d.density = map(okCount);
            d.densityOther = map(otherCount);
        }
        for (size_t r : o.front) front.emplace_back(rows.objective(r, 0), rows.objective(r, 1));
        d.cloud = container(cloud, false);
        d.cloudOther = container(other, false);
        d.front = container(front, true);
    }
}

// The reference chips on the outcome's objectives, with the sweep's workload.
void evaluateReferences(SweepOutcome& o, const ModelLibrary& lib, const std::vector<ReferenceChip>& chips,
                        const ModelSpec& model, const Scenario& scenario) {
    for (const ReferenceChip& c : chips) {
        SweepOutcome::Reference ref{c.name, kNaN, kNaN};
        if (o.objectives.size() == 2 && lib.evaluate) {
            auto ev = lib.evaluate(c.chip, model, scenario);
            if (ev) {
                ref.x = o.objectives[0]->value(ev.value()).value_or(kNaN);
                ref.y = o.objectives[1]->value(ev.value()).value_or(kNaN);
            }
        }
        o.references.push_back(std::move(ref));
    }
}

}  // namespace sweepjob

namespace {

// What one job hands back: the outcome with its plot data, or why there is none.
struct JobResult {
    std::shared_ptr<const SweepOutcome> outcome;
    std::shared_ptr<SweepView::PlotData> plots;
    std::shared_ptr<store::SweepResult> record;  // to store (a new run only)
    QString error;  // in the user's language
    bool cancelled = false;
    uint64_t done = 0;
};

// The sweep's thread (and the OpenMP threads it starts, which inherit it) yields to the window's
// when the cores are busy: a frame is drawn first, the sweep takes what is left.
void lowerPriority() {
#ifdef __linux__
    static thread_local bool lowered = false;
    if (lowered) return;
    lowered = true;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, tid, std::min(19, ::getpriority(PRIO_PROCESS, tid) + 5));
#endif
}

std::vector<ReferenceChip> referenceChips(const DesignDocument& doc) {
    std::vector<std::string> ids;
    if (!doc.state().baseline_id.empty()) ids.push_back(doc.state().baseline_id);
    for (const auto& id : doc.state().reference_ids)
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    std::vector<ReferenceChip> out;
    for (const auto& id : ids)
        if (const ChipSpec* chip = doc.referenceChip(id))
            out.push_back({chip->name.empty() ? qtext(id) : qtext(chip->name), *chip});
    return out;
}

}  // namespace

// --- The view ------------------------------------------------------------------------------------

SweepView::SweepView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), poll_(new QTimer(this)) {
    setObjectName(QStringLiteral("sweepView"));
    pool_.setMaxThreadCount(1);
    pool_.setExpiryTimeout(-1);  // one thread for the view's life: OpenMP keeps its team on it

    auto* panel = new QWidget;
    panel->setObjectName(QStringLiteral("sweepControls"));
    buildControls(panel);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(panel->minimumSizeHint().width() + 16);
    scroll->setMaximumWidth(std::max(300, panel->sizeHint().width() + 24));

    mapPlot_ = new QCustomPlot;
    paretoPlot_ = new QCustomPlot;
    buildPlots();
    auto* plots = new QSplitter(Qt::Horizontal);
    plots->setObjectName(QStringLiteral("sweepPlots"));
    plots->setChildrenCollapsible(false);
    plots->addWidget(mapPlot_);
    plots->addWidget(paretoPlot_);
    plots->setSizes({1000, 1000});
    mapPlot_->setMinimumSize(220, 180);
    paretoPlot_->setMinimumSize(220, 180);

    legend_ = new QLabel;
    legend_->setObjectName(QStringLiteral("sweepLegend"));
    legend_->setTextFormat(Qt::RichText);
    legend_->setWordWrap(true);
    const auto square = [](const QColor& c) {
        return QStringLiteral("<span style=\"color:%1\">\u25A0</span>").arg(c.name());
    };
    legend_->setText(
        tr("%1 misses a constraint &nbsp; %2 does not evaluate &nbsp; %3 the design now &nbsp; "
           "click a point to load it into the design")
            .arg(square(missColor()), square(failColor()),
                 QStringLiteral("<span style=\"color:%1\">\u2715</span>").arg(designColor().name())));

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addWidget(plots, 1);
    rightLayout->addWidget(legend_);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(scroll);
    layout->addWidget(right, 1);

    poll_->setInterval(50);
    connect(poll_, &QTimer::timeout, this, &SweepView::pollProgress);
    refreshOn(&DesignDocument::stateChanged);
    updateEnabled();
    clearPlots();
    paletteChanged();
}

SweepView::~SweepView() {
    if (jobProgress_) jobProgress_->cancel = true;
    pool_.waitForDone();
    setScaleShown(true);  // the plot's layout owns the scale and deletes it with the plot
}

void SweepView::buildControls(QWidget* panel) {
    auto* v = new QVBoxLayout(panel);
    v->setContentsMargins(4, 4, 4, 4);
    v->setSpacing(4);

    const auto& keys = sweepableKeys();
    for (int a = 0; a < 2; ++a) {
        AxisControls& c = axes_[a];
        const QString n = QString::number(a + 1);
        auto* box = new QGroupBox(a == 0 ? tr("First key") : QString(), panel);
        box->setObjectName(QStringLiteral("sweepAxisBox") + n);
        if (a == 1) {
            box->setTitle(tr("Second key"));
            box->setCheckable(true);
            box->setChecked(true);
            box->setToolTip(tr("Two keys give a heat map, one a line"));
            second_ = box;
            connect(box, &QGroupBox::toggled, this, &SweepView::updateEnabled);
        }
        auto* form = new QFormLayout(box);
        form->setContentsMargins(6, 4, 6, 4);
        form->setSpacing(3);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        c.key = new QComboBox(box);
        c.key->setObjectName(QStringLiteral("sweepKey") + n);
        c.key->setMinimumContentsLength(14);
        c.key->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        for (const SweepKey& k : keys) {
            c.key->addItem(sweepKeyLabel(k), qtext(k.key));
            c.key->setItemData(c.key->count() - 1,
                               QStringLiteral("%1 (%2)").arg(sweepKeyLabel(k), qtext(k.key)),
                               Qt::ToolTipRole);
        }
        form->addRow(tr("Key"), c.key);
        c.start = new KeyValueSpinBox(box);
        c.start->setObjectName(QStringLiteral("sweepStart") + n);
        c.stop = new KeyValueSpinBox(box);
        c.stop->setObjectName(QStringLiteral("sweepStop") + n);
        auto* rangeRow = new QHBoxLayout;
        rangeRow->setSpacing(3);
        rangeRow->addWidget(c.start, 1);
        rangeRow->addWidget(new QLabel(QStringLiteral("\u2013"), box));
        rangeRow->addWidget(c.stop, 1);
        c.start->setToolTip(tr("The first value"));
        c.stop->setToolTip(tr("The last value"));
        form->addRow(tr("From"), rangeRow);
        auto* stepsRow = new QHBoxLayout;
        c.steps = new QSpinBox(box);
        c.steps->setObjectName(QStringLiteral("sweepSteps") + n);
        c.steps->setRange(2, kMaxSteps);
        c.steps->setToolTip(tr("Values of the key, both ends included (at most %1)").arg(kMaxSteps));
        c.log = new QCheckBox(tr("log"), box);
        c.log->setObjectName(QStringLiteral("sweepLog") + n);
        c.log->setToolTip(tr("Geometric steps: each value a fixed factor above the one before"));
        stepsRow->addWidget(c.steps, 1);
        stepsRow->addWidget(c.log);
        form->addRow(tr("Steps"), stepsRow);
        v->addWidget(box);
        connect(c.key, &QComboBox::currentIndexChanged, this, [this, a] { keyChosen(a); });
    }
    axes_[0].key->setCurrentIndex(std::max(0, axes_[0].key->findData(QStringLiteral("compute.clock_ghz"))));
    axes_[1].key->setCurrentIndex(std::max(0, axes_[1].key->findData(QStringLiteral("hbm.stacks"))));
    keyChosen(0);
    keyChosen(1);

    auto* goal = new QGroupBox(tr("Objective"), panel);
    auto* form = new QFormLayout(goal);
    form->setContentsMargins(6, 4, 6, 4);
    form->setSpacing(3);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    objective_ = new QComboBox(goal);
    objective_->setObjectName(QStringLiteral("sweepObjective"));
    objective2_ = new QComboBox(goal);
    objective2_->setObjectName(QStringLiteral("sweepObjective2"));
    objective2_->addItem(tr("(none)"), QString());
    for (QComboBox* box : {objective_, objective2_}) {
        box->setMinimumContentsLength(14);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        for (const ResultKey* k : objectiveKeys()) {
            box->addItem(resultShortLabel(*k), qtext(k->key));
            box->setItemData(box->count() - 1, resultLabel(*k), Qt::ToolTipRole);
        }
    }
    objective_->setCurrentIndex(
        std::max(0, objective_->findData(QStringLiteral("throughput_tokens_per_s_per_chip"))));
    objective2_->setCurrentIndex(std::max(0, objective2_->findData(QStringLiteral("die_area_mm2"))));
    form->addRow(tr("Colour"), objective_);
    form->addRow(tr("Pareto with"), objective2_);
    constraints_ = new QLineEdit(goal);
    constraints_->setObjectName(QStringLiteral("sweepConstraints"));
    constraints_->setPlaceholderText(tr("e.g. die_area_mm2<=858; fits_reticle"));
    constraints_->setToolTip(
        tr("Conditions every point must meet, separated by semicolons: a result key, <=, >=, < "
           "or > and a value (ttft_p99_s<=2), fits_reticle (every die within the reticle) or fits_memory (every "
           "memory site on the dies' edge and within its type's parts). Points that miss one are greyed."));
    form->addRow(tr("Constraints"), constraints_);
    v->addWidget(goal);

    auto* buttons = new QHBoxLayout;
    run_ = new QPushButton(tr("Run"), panel);
    run_->setObjectName(QStringLiteral("sweepRun"));
    run_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));  // while the view is shown
    run_->setToolTip(tr("Run the sweep (%1)").arg(run_->shortcut().toString(QKeySequence::NativeText)));
    cancel_ = new QPushButton(tr("Cancel"), panel);
    cancel_->setObjectName(QStringLiteral("sweepCancel"));
    buttons->addWidget(run_);
    buttons->addWidget(cancel_);
    v->addLayout(buttons);
    connect(run_, &QPushButton::clicked, this, [this] { run(); });
    connect(cancel_, &QPushButton::clicked, this, &SweepView::cancel);
    progress_ = new QProgressBar(panel);
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    progress_->setRange(0, 1000);
    progress_->setValue(0);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(10);
    v->addWidget(progress_);
    status_ = new QLabel(panel);
    status_->setObjectName(QStringLiteral("sweepStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setMinimumHeight(status_->fontMetrics().lineSpacing() * 2);
    status_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    v->addWidget(status_);

    auto* storedBox = new QGroupBox(tr("Stored sweeps"), panel);
    auto* sv = new QVBoxLayout(storedBox);
    sv->setContentsMargins(6, 4, 6, 4);
    sv->setSpacing(3);
    stored_ = new QComboBox(storedBox);
    stored_->setObjectName(QStringLiteral("sweepStored"));
    stored_->setMinimumContentsLength(14);
    stored_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    sv->addWidget(stored_);
    auto* sb = new QHBoxLayout;
    open_ = new QPushButton(tr("Open"), storedBox);
    open_->setObjectName(QStringLiteral("sweepOpen"));
    remove_ = new QPushButton(tr("Delete"), storedBox);
    remove_->setObjectName(QStringLiteral("sweepDelete"));
    sb->addWidget(open_);
    sb->addWidget(remove_);
    sv->addLayout(sb);
    v->addWidget(storedBox);
    v->addStretch(1);
    connect(open_, &QPushButton::clicked, this, [this] {
        if (stored_->currentIndex() < 0 || running_) return;
        setStatus(tr("Opening \u201c%1\u201d\u2026").arg(stored_->currentText()));
        emit openRequested(stored_->currentText());
    });
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (stored_->currentIndex() >= 0) emit removeRequested(stored_->currentText());
    });
}

void SweepView::keyChosen(int a) {
    AxisControls& c = axes_[a];
    const SweepKey* key = findSweepableKey(c.key->currentData().toString());
    if (!key) return;
    c.start->setKey(key);
    c.stop->setKey(key);
    c.start->setValue(key->slider_min());
    c.stop->setValue(key->slider_max());
    const bool choice = isChoice(*key);
    const double span = key->slider_max() - key->slider_min();
    int steps = choice ? static_cast<int>(span) + 1 : 21;
    if (key->integer()) steps = std::clamp(static_cast<int>(span) + 1, 2, 21);
    c.steps->setValue(std::clamp(steps, 2, kMaxSteps));
    c.steps->setEnabled(!choice);  // a choice key takes every choice between the two
    c.log->setChecked(key->log_scale() && key->slider_min() > 0);
}

void SweepView::updateEnabled() {
    const bool idle = !running_;
    for (int a = 0; a < 2; ++a) {
        const bool on = idle && (a == 0 || second_->isChecked());
        for (QWidget* w : {static_cast<QWidget*>(axes_[a].key), static_cast<QWidget*>(axes_[a].start),
                           static_cast<QWidget*>(axes_[a].stop)})
            w->setEnabled(on);
        const SweepKey* key = findSweepableKey(axes_[a].key->currentData().toString());
        axes_[a].steps->setEnabled(on && key && !isChoice(*key));
        axes_[a].log->setEnabled(on && key && !isChoice(*key));
    }
    second_->setEnabled(idle);
    objective_->setEnabled(idle);
    objective2_->setEnabled(idle);
    constraints_->setEnabled(idle);
    run_->setEnabled(idle);
    cancel_->setEnabled(running_);
    stored_->setEnabled(idle && stored_->count() > 0);
    open_->setEnabled(idle && stored_->count() > 0);
    remove_->setEnabled(idle && stored_->count() > 0);
}

void SweepView::setStatus(const QString& text) {
    status_->setText(text);
}

void SweepView::buildPlots() {
    mapPlot_->setObjectName(QStringLiteral("sweepMapPlot"));
    paretoPlot_->setObjectName(QStringLiteral("sweepParetoPlot"));
    for (QCustomPlot* p : {mapPlot_, paretoPlot_}) {
        p->setNoAntialiasingOnDrag(true);
        p->setMouseTracking(true);
        connect(p, &QCustomPlot::mousePress, this, [this](QMouseEvent* e) { pressPos_ = e->position(); });
        connect(p, &QCustomPlot::mouseRelease, this, [this, p](QMouseEvent* e) { plotClicked(p, e); });
        connect(p, &QCustomPlot::mouseMove, this, [this, p](QMouseEvent* e) { plotHovered(p, e); });
    }

    // The map: colour map (points that meet the constraints) over a grey one (the others).
    otherMap_ = new PrecomputedColorMap(mapPlot_->xAxis, mapPlot_->yAxis);
    otherMap_->setGradient(otherGradient());
    otherMap_->setDataRange(QCPRange(0, 1));
    otherMap_->setInterpolate(false);
    okMap_ = new PrecomputedColorMap(mapPlot_->xAxis, mapPlot_->yAxis);
    okMap_->setInterpolate(false);
    scale_ = new QCPColorScale(mapPlot_);
    scale_->setType(QCPAxis::atRight);
    scale_->setBarWidth(10);
    mapPlot_->plotLayout()->addElement(0, 1, scale_);
    okMap_->setColorScale(scale_);
    auto* margins = new QCPMarginGroup(mapPlot_);
    mapPlot_->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    scale_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    lineOk_ = mapPlot_->addGraph();
    lineOk_->setPen(QPen(seriesColor(0), 1.6));
    lineOk_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    lineOther_ = mapPlot_->addGraph();
    lineOther_->setLineStyle(QCPGraph::lsNone);
    lineOther_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, missColor(), 6));
    mapDesign_ = mapPlot_->addGraph();
    mapDesign_->setLineStyle(QCPGraph::lsNone);
    mapDesign_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(designColor(), 2.5), Qt::NoBrush, 12));
    mapHint_ = new QCPItemText(mapPlot_);
    mapHint_->position->setType(QCPItemPosition::ptAxisRectRatio);
    mapHint_->position->setCoords(0.5, 0.5);
    mapHint_->setText(tr("Choose keys and an objective, then Run"));
    mapHint_->setClipToAxisRect(false);
    applyPalette(mapPlot_);
    installExportMenu(mapPlot_, QStringLiteral("sweep"));

    // The Pareto scatter: every point that meets the constraints, the front, the reference chips.
    for (QCPColorMap** m : {&densityOther_, &density_}) {
        *m = new QCPColorMap(paretoPlot_->xAxis, paretoPlot_->yAxis);
        (*m)->setInterpolate(false);
        (*m)->setDataRange(QCPRange(0, 1));
        (*m)->setVisible(false);
    }
    {
        auto fade = [](QColor c) {
            QCPColorGradient g;
            g.clearColorStops();
            QColor faint = c, strong = c;
            faint.setAlpha(60);
            strong.setAlpha(230);
            g.setColorStopAt(0, faint);
            g.setColorStopAt(1, strong);
            g.setNanHandling(QCPColorGradient::nhTransparent);
            return g;
        };
        density_->setGradient(fade(seriesColor(0)));
        densityOther_->setGradient(fade(missColor().darker(115)));
    }
    cloudOther_ = paretoPlot_->addGraph();
    cloudOther_->setLineStyle(QCPGraph::lsNone);
    cloudOther_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDot, missColor(), 1));
    cloudOther_->setPen(QPen(missColor()));
    cloud_ = paretoPlot_->addGraph();
    cloud_->setLineStyle(QCPGraph::lsNone);
    QColor cloudColor = seriesColor(0);
    cloudColor.setAlpha(110);
    cloud_->setPen(QPen(cloudColor));
    cloud_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, cloudColor, cloudColor, 3));
    frontLine_ = paretoPlot_->addGraph();
    frontLine_->setPen(QPen(seriesColor(1), 2));
    frontLine_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(1), 6));
    paretoDesign_ = paretoPlot_->addGraph();
    paretoDesign_->setLineStyle(QCPGraph::lsNone);
    paretoDesign_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(designColor(), 2.5), Qt::NoBrush, 12));
    paretoDesignLabel_ = new QCPItemText(paretoPlot_);
    paretoDesignLabel_->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    paretoDesignLabel_->setColor(designColor());
    paretoDesignLabel_->setText(tr("Design"));
    paretoDesignLabel_->setClipToAxisRect(true);
    paretoHint_ = new QCPItemText(paretoPlot_);
    paretoHint_->position->setType(QCPItemPosition::ptAxisRectRatio);
    paretoHint_->position->setCoords(0.5, 0.5);
    paretoHint_->setClipToAxisRect(false);
    applyPalette(paretoPlot_);
    installExportMenu(paretoPlot_, QStringLiteral("pareto"));
    connect(paretoPlot_, &QCustomPlot::afterLayout, this, &SweepView::placeLabels);  // pixels are final then
}

// The colour scale takes room in the plot's layout only while a map is shown.
void SweepView::setScaleShown(bool shown) {
    QCPLayoutGrid* layout = mapPlot_->plotLayout();
    const bool inLayout = layout->hasElement(0, 1) && layout->element(0, 1) == scale_;
    if (shown && !inLayout) layout->addElement(0, 1, scale_);
    if (!shown && inLayout) {
        layout->take(scale_);
        layout->simplify();
    }
    scale_->setVisible(shown);
}

void SweepView::paletteChanged() {
    for (QCustomPlot* p : {mapPlot_, paretoPlot_}) {
        applyPalette(p, palette());
        requestReplot(p);
    }
    const QColor text = palette().color(QPalette::WindowText);
    // The colour scale's axis is not one of the plot's axis rects: styled here.
    QCPAxis* scaleAxis = scale_->axis();
    scaleAxis->setBasePen(QPen(text, 1));
    scaleAxis->setTickPen(QPen(text, 1));
    scaleAxis->setSubTickPen(QPen(text, 1));
    scaleAxis->setTickLabelColor(text);
    scaleAxis->setLabelColor(text);
    for (QCPItemText* t : {mapHint_, paretoHint_}) t->setColor(text);
    for (QCPItemText* t : refLabels_) t->setColor(text);
}

void SweepView::clearPlots() {
    for (QCPColorMap* m : {okMap_, otherMap_}) {
        m->data()->clear();
        static_cast<PrecomputedColorMap*>(m)->setImage({});
        m->setVisible(false);
    }
    setScaleShown(false);
    for (QCPGraph* g : {lineOk_, lineOther_, mapDesign_, cloud_, cloudOther_, frontLine_, paretoDesign_})
        g->data()->clear();
    for (QCPColorMap* m : {density_, densityOther_}) {
        m->data()->clear();
        m->setVisible(false);
    }
    paretoDesignLabel_->setVisible(false);
    mapHint_->setVisible(true);
    paretoHint_->setText(tr("A second objective gives a Pareto front here"));
    paretoHint_->setVisible(true);
    for (QCPItemText* t : {mapHint_, paretoHint_}) t->setColor(palette().color(QPalette::WindowText));
    requestReplot(mapPlot_);
    requestReplot(paretoPlot_);
}

// --- Running -------------------------------------------------------------------------------------

namespace {

// "KEY=START:STOP:STEPS[:log]", or for a choice key every choice from START to STOP by name.
std::string axisText(const SweepKey& key, double start, double stop, int steps, bool log) {
    if (isChoice(key)) {
        const int a = static_cast<int>(std::lround(start)), b = static_cast<int>(std::lround(stop));
        std::string text = key.key + "=";
        for (int i = a;; i += a <= b ? 1 : -1) {
            if (i != a) text += ",";
            text += key.value_text(i);
            if (i == b) break;
        }
        return text;
    }
    return key.key + "=" + shortest(start) + ":" + shortest(stop) + ":" + std::to_string(steps) +
           (log ? ":log" : "");
}

}  // namespace

bool SweepView::run() {
    if (running_) return false;
    auto refuse = [this](const QString& why) {
        setStatus(tr("Cannot sweep: %1").arg(why));
        return false;
    };
    auto design = currentDesignPoint(*doc_);
    if (!design) return refuse(errorText(design.error()));
    SweepSpec spec;
    spec.chip = design->chip;
    spec.model = design->model;
    spec.scenario = design->scenario;
    spec.companions = design->companions;
    std::vector<std::string> axisTexts;
    const int count = second_->isChecked() ? 2 : 1;
    for (int a = 0; a < count; ++a) {
        const AxisControls& c = axes_[a];
        const SweepKey* key = findSweepableKey(c.key->currentData().toString());
        if (!key) return refuse(tr("choose a key"));
        const std::string text = axisText(*key, c.start->value(), c.stop->value(), c.steps->value(),
                                          c.log->isChecked() && c.log->isEnabled());
        auto axis = parse_axis(text);
        if (!axis) return refuse(errorText(axis.error()));
        if (count == 2 && axis->values.size() < 2)
            return refuse(tr("%1 needs at least two values").arg(sweepKeyLabel(*key)));
        spec.axes.push_back(std::move(axis.value()));
        axisTexts.push_back(text);
    }
    if (count == 2 && spec.axes[0].key.key == spec.axes[1].key.key)
        return refuse(tr("choose two different keys"));
    for (QComboBox* box : {objective_, objective2_}) {
        const QString key = box->currentData().toString();
        if (key.isEmpty()) continue;
        const ResultKey* k = find_result_key(stext(key));
        if (!k) return refuse(tr("unknown objective %1").arg(key));
        if (!spec.objectives.empty() && spec.objectives.front() == k) continue;
        spec.objectives.push_back(k);
    }
    if (spec.objectives.empty()) return refuse(tr("choose an objective"));
    std::vector<std::string> constraintTexts;
    static const QRegularExpression separators(QStringLiteral("[;,]"));
    for (const QString& part : constraints_->text().split(separators, Qt::SkipEmptyParts)) {
        const std::string text = stext(part.trimmed());
        if (text.empty()) continue;
        auto c = parse_constraint(text);
        if (!c) return refuse(errorText(c.error()));
        spec.constraints.push_back(c.value());
        constraintTexts.push_back(text);
    }

    auto outcome = std::make_shared<SweepOutcome>();
    outcome->axisTexts = axisTexts;
    outcome->objectives = spec.objectives;
    outcome->constraints = constraintTexts;
    outcome->design = qtext(doc_->chip().name.empty() ? doc_->chip().id : doc_->chip().name);
    outcome->workload = qtext(doc_->state().model.id);
    QStringList keyNames;
    for (const auto& a : spec.axes) keyNames << qtext(a.key.key);
    outcome->name = QStringLiteral("%1 \u2192 %2 (%3)")
                        .arg(keyNames.join(QStringLiteral(" \u00d7 ")), qtext(spec.objectives.front()->key),
                             QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));

    for (const Message& m : inert_axes(spec)) outcome->notes << trMessage(m);
    jobPoints_ = point_count(spec);
    jobProgress_ = std::make_shared<SweepProgress>();
    running_ = true;
    updateEnabled();
    progress_->setValue(0);
    setStatus(tr("Sweeping %1 points on %2 threads\u2026")
                  .arg(formatNumber(static_cast<double>(jobPoints_)))
                  .arg(sweepThreads()));
    poll_->start();

    const int gen = ++generation_;
    const ModelLibrary* lib = &doc_->library();
    auto refs = referenceChips(*doc_);
    auto progress = jobProgress_;
    std::function<JobResult()> work = [spec = std::move(spec), outcome, refs = std::move(refs), lib,
                                       progress]() mutable {
        lowerPriority();
        JobResult r;
        const auto t0 = std::chrono::steady_clock::now();
        if (auto st = check_sweep(spec); !st) {
            r.error = errorText(st.error());
            return r;
        }
        SweepOptions options;
        options.threads = sweepThreads();
        options.progress = progress.get();
        outcome->spec = std::make_shared<const SweepSpec>(spec);
        auto rows = run_sweep(spec, {}, options);
        r.done = progress->done.load();
        if (!rows) {
            r.error = errorText(rows.error());
            r.cancelled = progress->cancel.load();
            return r;
        }
        outcome->axes = spec.axes;
        outcome->rows = std::move(rows.value());
        outcome->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        sweepjob::evaluateReferences(*outcome, *lib, refs, spec.model, spec.scenario);
        r.plots = std::make_shared<SweepView::PlotData>();
        sweepjob::finish(*outcome, *r.plots);
        r.record = std::make_shared<store::SweepResult>(sweepRecord(*outcome));
        r.outcome = outcome;
        return r;
    };
    std::function<void(JobResult&)> done = [this, gen](JobResult& r) {
        if (gen != generation_) return;
        running_ = false;
        poll_->stop();
        jobProgress_.reset();
        updateEnabled();
        if (!r.outcome) {
            progress_->setValue(0);
            setStatus(r.cancelled ? tr("Cancelled after %1 of %2 points.")
                                        .arg(formatNumber(static_cast<double>(r.done)),
                                             formatNumber(static_cast<double>(jobPoints_)))
                                  : tr("The sweep did not run: %1").arg(r.error));
            emit sweepFinished(false);
            return;
        }
        progress_->setValue(progress_->maximum());
        showOutcome(r.outcome, *r.plots);
        emit storeRequested(std::move(r.record));
        emit sweepFinished(true);
    };
    runInBackground<JobResult>(&pool_, this, std::move(work), std::move(done));
    return true;
}

void SweepView::cancel() {
    if (jobProgress_) jobProgress_->cancel = true;
    setStatus(tr("Cancelling\u2026"));
}

void SweepView::pollProgress() {
    if (!jobProgress_) return;
    const uint64_t done = jobProgress_->done.load(std::memory_order_relaxed);
    const uint64_t total = std::max<uint64_t>(jobPoints_, 1);
    progress_->setValue(static_cast<int>(std::min<uint64_t>(done, total) * 1000 / total));
    if (!jobProgress_->cancel.load(std::memory_order_relaxed))
        setStatus(
            tr("%1 of %2 points\u2026")
                .arg(formatNumber(static_cast<double>(done)), formatNumber(static_cast<double>(jobPoints_))));
}

// --- Showing -------------------------------------------------------------------------------------

void SweepView::showOutcome(std::shared_ptr<const SweepOutcome> outcome, PlotData& d) {
    outcome_ = std::move(outcome);
    const SweepOutcome& o = *outcome_;
    const ResultKey& obj = *o.objectives.front();
    mapHint_->setVisible(false);
    if (o.axes.size() == 2) {
        okMap_->setData(d.okCells.release());
        otherMap_->setData(d.otherCells.release());
        okMap_->setGradient(objectiveGradient(obj.better != Better::lower));
        okMap_->setDataScaleType(d.okLog ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        okMap_->setDataRange(d.okRange);
        static_cast<PrecomputedColorMap*>(okMap_)->setImage(std::move(d.okImage));
        static_cast<PrecomputedColorMap*>(otherMap_)->setImage(std::move(d.otherImage));
        scale_->axis()->setLabel(objectiveAxisTitle(obj));
        okMap_->setVisible(true);
        otherMap_->setVisible(true);
        setScaleShown(true);
        lineOk_->data()->clear();
        lineOther_->data()->clear();
        for (int a = 0; a < 2; ++a) {
            QCPAxis* axis = a == 0 ? mapPlot_->xAxis : mapPlot_->yAxis;
            setScale(axis, false);
            axis->setTicker(indexTicker(o.axes[static_cast<size_t>(a)], a == 0 ? 5 : 7,
                                        o.logAxis(static_cast<size_t>(a))));
            axis->setLabel(sweepKeyAxisTitle(o.axes[static_cast<size_t>(a)].key));
            axis->setRange(-0.5, static_cast<double>(o.axes[static_cast<size_t>(a)].values.size()) - 0.5);
            axis->grid()->setVisible(false);
        }
    } else {
        for (QCPColorMap* m : {okMap_, otherMap_}) {
            m->data()->clear();
            static_cast<PrecomputedColorMap*>(m)->setImage({});
            m->setVisible(false);
        }
        setScaleShown(false);
        const Axis& axis = o.axes.front();
        lineOk_->setData(d.lineOk);
        lineOther_->setData(d.lineOther);
        const bool choice = isChoice(axis.key);
        const bool logX = !choice && axis.values.size() > 1 && axis.values.front() > 0 && [&] {
            // geometric steps: equal ratios
            const double r0 = axis.values[1] / axis.values[0];
            const double r1 = axis.values.back() / axis.values[axis.values.size() - 2];
            return std::fabs(r0 - r1) < 1e-6 * r0 && r0 > 1.0 + 1e-9 &&
                   std::fabs(axis.values[1] - axis.values[0] -
                             (axis.values.back() - axis.values[axis.values.size() - 2])) >
                       1e-9 * std::fabs(axis.values.back());
        }();
        setScale(mapPlot_->xAxis, logX);
        if (choice) mapPlot_->xAxis->setTicker(indexTicker(axis, 8, false));
        mapPlot_->xAxis->setLabel(sweepKeyAxisTitle(axis.key));
        mapPlot_->xAxis->grid()->setVisible(true);
        mapPlot_->yAxis->grid()->setVisible(true);
        if (choice)
            mapPlot_->xAxis->setRange(-0.5, static_cast<double>(axis.values.size()) - 0.5);
        else if (d.lineX.valid())
            mapPlot_->xAxis->setRange(d.lineX.padded(logX));
        const bool logY = d.lineY.wantsLog(1000);
        setScale(mapPlot_->yAxis, logY);
        mapPlot_->yAxis->setLabel(objectiveAxisTitle(obj));
        mapPlot_->yAxis->setRange(d.lineY.padded(logY));
    }

    // Pareto.
    for (QCPGraph* g : refPoints_) paretoPlot_->removeGraph(g);
    for (QCPItemText* t : refLabels_) paretoPlot_->removeItem(t);
    refPoints_.clear();
    refLabels_.clear();
    if (o.objectives.size() == 2) {
        paretoHint_->setVisible(false);
        cloud_->setData(d.cloud);
        cloudOther_->setData(d.cloudOther);
        frontLine_->setData(d.front);
        const bool dense = d.density != nullptr;
        if (dense) {
            density_->setData(d.density.release());
            densityOther_->setData(d.densityOther.release());
        }
        density_->setVisible(dense);
        densityOther_->setVisible(dense);
        const bool logX = d.paretoLogX, logY = d.paretoLogY;
        setScale(paretoPlot_->xAxis, logX);
        setScale(paretoPlot_->yAxis, logY);
        paretoPlot_->xAxis->setLabel(objectiveAxisTitle(*o.objectives[0]) +
                                     (o.objectives[0]->better == Better::higher ? QStringLiteral(" \u2192")
                                                                                : QStringLiteral(" \u2190")));
        paretoPlot_->yAxis->setLabel(objectiveAxisTitle(*o.objectives[1]) +
                                     (o.objectives[1]->better == Better::higher ? QStringLiteral(" \u2191")
                                                                                : QStringLiteral(" \u2193")));
        paretoPlot_->xAxis->setRange(d.paretoX.padded(logX));
        paretoPlot_->yAxis->setRange(d.paretoY.padded(logY));
        int i = 0;
        for (const auto& ref : o.references) {
            const QColor c = seriesColor(2 + i++);
            if (!std::isfinite(ref.x) || !std::isfinite(ref.y)) continue;
            QCPGraph* g = paretoPlot_->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, c, c, 8));
            g->setData({ref.x}, {ref.y}, true);
            g->setSelectable(QCP::stNone);
            refPoints_.push_back(g);
            auto* label = new QCPItemText(paretoPlot_);
            label->position->setCoords(ref.x, ref.y);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            label->setPadding(QMargins(5, 2, 0, 0));
            label->setText(ref.name);
            label->setColor(palette().color(QPalette::WindowText));
            label->setClipToAxisRect(true);
            refLabels_.push_back(label);
        }
    } else {
        cloud_->data()->clear();
        cloudOther_->data()->clear();
        frontLine_->data()->clear();
        density_->setVisible(false);
        densityOther_->setVisible(false);
        paretoHint_->setText(tr("A second objective gives a Pareto front here"));
        paretoHint_->setVisible(true);
    }

    int ok = 0, miss = 0, fail = 0;
    for (PointStatus s : o.rows.status)
        (s == PointStatus::ok ? ok : s == PointStatus::violates ? miss : fail)++;
    QString text = tr("%1 points: %2 meet the constraints, %3 miss one, %4 do not evaluate.")
                       .arg(formatNumber(static_cast<double>(o.rows.size())), formatNumber(ok),
                            formatNumber(miss), formatNumber(fail));
    if (o.seconds > 0)
        text += QLatin1Char(' ') +
                tr("%1 s (%2 points/s).")
                    .arg(formatNumber(o.seconds, 2))
                    .arg(formatSi(static_cast<double>(o.rows.size()) / std::max(o.seconds, 1e-9)));
    if (o.objectives.size() == 2)
        text += QLatin1Char(' ') + tr("%n on the Pareto front.", nullptr, static_cast<int>(o.front.size()));
    for (const QString& note : o.notes) text += QLatin1Char(' ') + note + QLatin1Char('.');
    setStatus(text);
    updateMarkers();
}

void SweepView::refresh() {
    updateMarkers();
}

// The reference chips' names beside their points, each on the side where it overlaps no name
// placed before it (the design's first).
void SweepView::placeLabels() {
    std::vector<QRectF> taken;
    const QRectF bounds = paretoPlot_->axisRect()->rect();
    const QFontMetricsF fm(paretoPlot_->font());
    auto place = [&](QCPItemText* label) {
        if (!label->visible()) return;
        const QPointF at(paretoPlot_->xAxis->coordToPixel(label->position->key()),
                         paretoPlot_->yAxis->coordToPixel(label->position->value()));
        const QSizeF size(fm.horizontalAdvance(label->text()) + 8, fm.height() + 4);
        const Qt::Alignment sides[] = {Qt::AlignLeft | Qt::AlignTop, Qt::AlignLeft | Qt::AlignBottom,
                                       Qt::AlignRight | Qt::AlignTop, Qt::AlignRight | Qt::AlignBottom};
        for (Qt::Alignment side : sides) {
            const double x = side & Qt::AlignLeft ? at.x() : at.x() - size.width();
            const double y = side & Qt::AlignTop ? at.y() : at.y() - size.height();
            const QRectF rect(QPointF(x, y), size);
            const bool clear =
                bounds.contains(rect) &&
                std::none_of(taken.begin(), taken.end(), [&](const QRectF& r) { return r.intersects(rect); });
            if (clear || side == sides[3]) {
                label->setPositionAlignment(clear ? side : sides[0]);
                label->setPadding(QMargins(side & Qt::AlignLeft ? 6 : 0, side & Qt::AlignTop ? 2 : 0,
                                           side & Qt::AlignRight ? 6 : 0, side & Qt::AlignBottom ? 2 : 0));
                taken.push_back(rect);
                return;
            }
        }
    };
    place(paretoDesignLabel_);
    for (QCPItemText* t : refLabels_) place(t);
}

void SweepView::updateMarkers() {
    mapDesign_->data()->clear();
    paretoDesign_->data()->clear();
    paretoDesignLabel_->setVisible(false);
    if (!outcome_) return;
    const SweepOutcome& o = *outcome_;
    const DesignState& st = doc_->state();
    const Result<Evaluation>& ev = doc_->evaluation();
    if (o.axes.size() == 2) {
        auto fx = fractionalIndex(o.axes[0], o.axes[0].key.get(st.chip, st.model, st.scenario), o.logAxis(0));
        auto fy = fractionalIndex(o.axes[1], o.axes[1].key.get(st.chip, st.model, st.scenario), o.logAxis(1));
        if (fx && fy) mapDesign_->setData({*fx}, {*fy}, true);
    } else if (ev.ok()) {
        const Axis& axis = o.axes.front();
        const double v = axis.key.get(st.chip, st.model, st.scenario);
        const auto y = o.objectives.front()->value(ev.value());
        const double x = isChoice(axis.key) ? fractionalIndex(axis, v, false).value_or(kNaN) : v;
        if (y && std::isfinite(x)) mapDesign_->setData({x}, {*y}, true);
    }
    if (o.objectives.size() == 2 && ev.ok()) {
        const auto x = o.objectives[0]->value(ev.value());
        const auto y = o.objectives[1]->value(ev.value());
        if (x && y) {
            paretoDesign_->setData({*x}, {*y}, true);
            paretoDesignLabel_->position->setCoords(*x, *y);
            paretoDesignLabel_->setVisible(true);
        }
    }
    requestReplot(mapPlot_);
    requestReplot(paretoPlot_);
}

void SweepView::setControls(const SweepOutcome& o) {
    second_->setChecked(o.axes.size() == 2);
    for (size_t a = 0; a < o.axes.size(); ++a) {
        AxisControls& c = axes_[a];
        c.key->setCurrentIndex(c.key->findData(qtext(o.axes[a].key.key)));
        keyChosen(static_cast<int>(a));
        // "KEY=START:STOP:STEPS[:log]": the spin boxes; a list: its ends.
        const std::string& text = o.axisTexts[a];
        const auto parts = qtext(text.substr(text.find('=') + 1)).split(QLatin1Char(':'));
        if (parts.size() >= 3) {
            c.start->setValue(parts[0].toDouble());
            c.stop->setValue(parts[1].toDouble());
            c.steps->setValue(parts[2].toInt());
            c.log->setChecked(parts.size() > 3 && parts[3] == QLatin1String("log"));
        } else if (!o.axes[a].values.empty()) {
            c.start->setValue(o.axes[a].values.front());
            c.stop->setValue(o.axes[a].values.back());
        }
    }
    objective_->setCurrentIndex(objective_->findData(qtext(o.objectives[0]->key)));
    objective2_->setCurrentIndex(o.objectives.size() > 1 ? objective2_->findData(qtext(o.objectives[1]->key))
                                                         : 0);
    QStringList cs;
    for (const auto& c : o.constraints) cs << qtext(c);
    constraints_->setText(cs.join(QStringLiteral("; ")));
    updateEnabled();
}

// --- Points: where they are, what they are, loading one -----------------------------------------

std::optional<QPointF> SweepView::mapPixel(size_t row) const {
    if (!outcome_ || row >= outcome_->rows.size()) return std::nullopt;
    const SweepOutcome& o = *outcome_;
    if (o.axes.size() == 2) {
        const uint64_t n1 = o.axes[1].values.size();
        return QPointF(mapPlot_->xAxis->coordToPixel(static_cast<double>(o.rows.point[row] / n1)),
                       mapPlot_->yAxis->coordToPixel(static_cast<double>(o.rows.point[row] % n1)));
    }
    const double x = isChoice(o.axes[0].key) ? static_cast<double>(o.rows.point[row]) : o.rows.axis(row, 0);
    const double y = o.rows.objective(row, 0);
    if (!std::isfinite(y)) return std::nullopt;
    return QPointF(mapPlot_->xAxis->coordToPixel(x), mapPlot_->yAxis->coordToPixel(y));
}

std::optional<QPointF> SweepView::paretoPixel(size_t row) const {
    if (!outcome_ || row >= outcome_->rows.size() || outcome_->objectives.size() < 2) return std::nullopt;
    const double x = outcome_->rows.objective(row, 0), y = outcome_->rows.objective(row, 1);
    if (!std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return QPointF(paretoPlot_->xAxis->coordToPixel(x), paretoPlot_->yAxis->coordToPixel(y));
}

std::optional<size_t> SweepView::mapRowAt(const QPointF& pos) const {
    if (!outcome_ || !mapPlot_->axisRect()->rect().contains(pos.toPoint())) return std::nullopt;
    const SweepOutcome& o = *outcome_;
    if (o.axes.size() == 2) {
        const double i = std::round(mapPlot_->xAxis->pixelToCoord(pos.x()));
        const double j = std::round(mapPlot_->yAxis->pixelToCoord(pos.y()));
        if (i < 0 || j < 0) return std::nullopt;
        const size_t idx[] = {static_cast<size_t>(i), static_cast<size_t>(j)};
        return o.rowAt(idx);
    }
    // One key: the nearest point along the key, within a few pixels.
    std::optional<size_t> best;
    double bestDistance = 12;
    for (size_t r = 0; r < o.rows.size(); ++r) {
        const double x = isChoice(o.axes[0].key) ? static_cast<double>(o.rows.point[r]) : o.rows.axis(r, 0);
        const double d = std::fabs(mapPlot_->xAxis->coordToPixel(x) - pos.x());
        if (d < bestDistance) {
            bestDistance = d;
            best = r;
        }
    }
    return best;
}

std::optional<size_t> SweepView::paretoRowAt(const QPointF& pos, bool exhaustive) const {
    if (!outcome_ || outcome_->objectives.size() < 2 ||
        !paretoPlot_->axisRect()->rect().contains(pos.toPoint()))
        return std::nullopt;
    const SweepOutcome& o = *outcome_;
    const QCPAxis* xa = paretoPlot_->xAxis;
    const QCPAxis* ya = paretoPlot_->yAxis;
    auto distance = [&](size_t r) {
        const double x = o.rows.objective(r, 0), y = o.rows.objective(r, 1);
        if (!std::isfinite(x) || !std::isfinite(y)) return std::numeric_limits<double>::infinity();
        return std::hypot(xa->coordToPixel(x) - pos.x(), ya->coordToPixel(y) - pos.y());
    };
    // The front first: its points are what a click on the scatter is most likely after.
    std::optional<size_t> best;
    double bestDistance = 8;
    for (size_t r : o.front)
        if (const double d = distance(r); d < bestDistance) {
            bestDistance = d;
            best = r;
        }
    if (best) return best;
    // A hover over a large sweep looks at the points drawn only (the cloud is sampled alike).
    const size_t n = o.rows.size();
    const size_t stride = exhaustive ? 1 : std::max<size_t>(1, n / kHoverLimit + (n % kHoverLimit ? 1 : 0));
    for (size_t r = 0; r < n; r += stride) {
        if (o.rows.status[r] == PointStatus::failed) continue;
        if (const double d = distance(r); d < bestDistance) {
            bestDistance = d;
            best = r;
        }
    }
    return best;
}

QString SweepView::rowText(size_t row) const {
    const SweepOutcome& o = *outcome_;
    QStringList lines;
    for (size_t a = 0; a < o.axes.size(); ++a)
        lines << QStringLiteral("%1: %2").arg(sweepKeyLabel(o.axes[a].key),
                                              sweepKeyValueText(o.axes[a].key, o.rows.axis(row, a)));
    for (size_t k = 0; k < o.objectives.size(); ++k) {
        const double v = o.rows.objective(row, k);
        lines << QStringLiteral("%1: %2").arg(
            resultShortLabel(*o.objectives[k]),
            formatResult(*o.objectives[k], std::isfinite(v) ? std::optional(v) : std::nullopt));
    }
    switch (o.rows.status[row]) {
        case PointStatus::ok:
            break;
        case PointStatus::violates:
            lines << tr("Misses a constraint") + (o.rows.note[row].empty()
                                                      ? QString()
                                                      : QStringLiteral(": ") + noteText(row));
            break;
        case PointStatus::failed:
            lines << tr("Does not evaluate") + (o.rows.note[row].empty()
                                                    ? QString()
                                                    : QStringLiteral(": ") + noteText(row));
            break;
    }
    if (o.rows.status[row] != PointStatus::failed)
        if (const QString w = warningLines(row); !w.isEmpty()) lines << w;
    return lines.join(QLatin1Char('\n'));
}

std::optional<Result<Evaluation>> SweepView::evaluatePoint(size_t row) const {
    if (!outcome_ || !outcome_->spec) return std::nullopt;
    const SweepOutcome& o = *outcome_;
    const SweepSpec& spec = *o.spec;
    ChipSpec chip = spec.chip;
    ModelSpec model = spec.model;
    Scenario scenario = spec.scenario;
    for (size_t a = 0; a < spec.axes.size(); ++a)
        if (Status st = spec.axes[a].key.set(chip, model, scenario, o.rows.axis(row, a)); !st)
            return Result<Evaluation>(st.error());
    return evaluate_design(chip, model, scenario, spec.companions);
}

QString SweepView::warningLines(size_t row) const {
    if (hoverWarnings_.outcome == outcome_.get() && hoverWarnings_.row == row) return hoverWarnings_.text;
    QStringList lines;
    if (const auto ev = evaluatePoint(row); ev && ev->ok()) {
        constexpr size_t kShown = 4;
        const auto& warnings = (*ev)->warning_messages;
        for (size_t i = 0; i < std::min(kShown, warnings.size()); ++i)
            lines << QStringLiteral("\u26a0 ") + trMessage(warnings[i]);
        if (warnings.size() > kShown) lines << tr("Warnings not shown: %1").arg(warnings.size() - kShown);
    }
    hoverWarnings_ = {outcome_.get(), row, lines.join(QLatin1Char('\n'))};
    return hoverWarnings_.text;
}

QString SweepView::noteText(size_t row) const {
    const SweepOutcome& o = *outcome_;
    const std::string& note = o.rows.note[row];
    if (note.empty() || o.rows.status[row] != PointStatus::failed || !o.spec) return qtext(note);
    // The point again (one evaluation): the same error, now with its translatable pattern. Only
    // when it is the recorded one (its English text) is the translation shown.
    const auto ev = evaluatePoint(row);
    if (ev && !ev->ok() && ev->error().message == note) return errorText(ev->error());
    return qtext(note);
}

void SweepView::plotHovered(QCustomPlot* plot, QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton || !outcome_) return;
    const auto row = plot == mapPlot_ ? mapRowAt(event->position()) : paretoRowAt(event->position(), false);
    if (row)
        QToolTip::showText(event->globalPosition().toPoint(), rowText(*row), plot);
    else
        QToolTip::hideText();
}

void SweepView::plotClicked(QCustomPlot* plot, QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || (event->position() - pressPos_).manhattanLength() > 4) return;
    const auto row = plot == mapPlot_ ? mapRowAt(event->position()) : paretoRowAt(event->position(), true);
    if (row) applyRow(*row);
}

Status SweepView::applyRow(size_t row) {
    if (!outcome_ || row >= outcome_->rows.size()) return Error{"no such point"};
    const SweepOutcome& o = *outcome_;
    if (o.rows.status[row] == PointStatus::failed) {
        setStatus(tr("That point does not evaluate%1; the design is unchanged.")
                      .arg(o.rows.note[row].empty() ? QString()
                                                    : QStringLiteral(" (%1)").arg(noteText(row))));
        return Error{"the point does not evaluate"};
    }
    DesignValues next = doc_->values();
    ModelSpec model = doc_->state().model;
    bool modelSet = false;
    QStringList set;
    for (size_t a = 0; a < o.axes.size(); ++a) {
        const double v = o.rows.axis(row, a);
        if (auto st = o.axes[a].key.set(next.chip, model, next.scenario, v); !st) {
            setStatus(tr("Not loaded: %1").arg(errorText(st.error())));
            return st;
        }
        modelSet = modelSet || o.axes[a].key.model;
        set << QStringLiteral("%1 = %2").arg(sweepKeyLabel(o.axes[a].key),
                                             sweepKeyValueText(o.axes[a].key, v));
    }
    // A point of a model axis makes its model the design's own.
    if (modelSet && !(model == doc_->state().model)) set_own_model(next, model);
    if (auto st = doc_->applyValues(next); !st) {
        setStatus(tr("Not loaded: %1").arg(errorText(st.error())));
        return st;
    }
    setStatus(tr("Loaded %1 into the design (Undo takes it back).").arg(set.join(QStringLiteral(", "))));
    return Ok{};
}

// --- Stored sweeps -------------------------------------------------------------------------------

void SweepView::setStoredSweeps(const QStringList& names) {
    const QString current = stored_->currentText();
    QSignalBlocker block(stored_);
    stored_->clear();
    stored_->addItems(names);
    const int i = stored_->findText(current);
    stored_->setCurrentIndex(i >= 0 ? i : stored_->count() - 1);
    updateEnabled();
}

void SweepView::showStoredSweep(const QString& name, std::shared_ptr<const store::SweepResult> sweep,
                                const QString& error) {
    if (!sweep) {
        setStatus(tr("Could not open \u201c%1\u201d: %2").arg(name, error));
        emit sweepFinished(false);
        return;
    }
    if (running_) return;
    running_ = true;
    updateEnabled();
    const int gen = ++generation_;
    const ModelLibrary* lib = &doc_->library();
    auto refs = referenceChips(*doc_);
    const ModelSpec model = doc_->state().model;
    const Scenario scenario = doc_->state().scenario;
    std::function<JobResult()> work = [sweep, lib, refs = std::move(refs), model, scenario] {
        JobResult r;
        auto o = sweepOutcomeFromRecord(*sweep);
        if (!o) {
            r.error = errorText(o.error());
            return r;
        }
        auto outcome = std::make_shared<SweepOutcome>(std::move(o.value()));
        sweepjob::evaluateReferences(*outcome, *lib, refs, model, scenario);
        r.plots = std::make_shared<SweepView::PlotData>();
        sweepjob::finish(*outcome, *r.plots);
        r.outcome = outcome;
        return r;
    };
    std::function<void(JobResult&)> done = [this, gen, name](JobResult& r) {
        if (gen != generation_) return;
        running_ = false;
        updateEnabled();
        if (!r.outcome) {
            setStatus(tr("Could not open \u201c%1\u201d: %2").arg(name, r.error));
            emit sweepFinished(false);
            return;
        }
        setControls(*r.outcome);
        showOutcome(r.outcome, *r.plots);
        setStatus(tr("Stored sweep \u201c%1\u201d of %2. %3").arg(name, r.outcome->design, status_->text()));
        emit sweepFinished(true);
    };
    runInBackground<JobResult>(&pool_, this, std::move(work), std::move(done));
}

void SweepView::storeFinished(const QString& name, const QString& error) {
    if (!outcome_ || outcome_->name != name) return;
    const QString base = status_->text();
    setStatus(error.isEmpty() ? tr("%1 Stored in the session.").arg(base)
                              : tr("%1 Not stored: %2").arg(base, error));
}

}  // namespace scoville
