#include "widgets/roadmapview.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QSpinBox>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <set>
#include <qcustomplot.h>

#include "core/physical/roadmap.hpp"
#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

// The line the user's designs are joined on (not a vendor of roadmap.json).
const std::string kDesignLine = "\x01" "design";

QCPScatterStyle::ScatterShape shapeFor(RoadmapStatus status, RoadmapValueSource source) {
    if (source == RoadmapValueSource::announced) return QCPScatterStyle::ssSquare;
    switch (status) {
    case RoadmapStatus::shipping: return QCPScatterStyle::ssDisc;
    case RoadmapStatus::announced: return QCPScatterStyle::ssCircle;
    case RoadmapStatus::estimated: return QCPScatterStyle::ssDiamond;
    }
    return QCPScatterStyle::ssDisc;
}

QString statusText(RoadmapStatus s) {
    switch (s) {
    case RoadmapStatus::shipping: return RoadmapView::tr("shipping");
    case RoadmapStatus::announced: return RoadmapView::tr("announced");
    case RoadmapStatus::estimated: return RoadmapView::tr("estimated");
    }
    return {};
}

// Why a point has no value, in the user's language (the evaluation's own error where the chip
// cannot run the workload).
QString whyText(const RoadmapValue& v) {
    switch (v.reason) {
    case RoadmapNoValue::not_modelled: return RoadmapView::tr("not modelled: no chip spec");
    case RoadmapNoValue::not_evaluated: return RoadmapView::tr("being evaluated");
    case RoadmapNoValue::does_not_apply: return RoadmapView::tr("does not apply to this chip");
    case RoadmapNoValue::does_not_run: break;
    }
    return qtext(v.why);
}

// The same, short enough for a label along the plot's bottom (the whole reason on hover).
QString shortWhyText(const RoadmapValue& v) {
    switch (v.reason) {
    case RoadmapNoValue::not_modelled: return RoadmapView::tr("not modelled");
    case RoadmapNoValue::does_not_run: return RoadmapView::tr("does not run this workload");
    case RoadmapNoValue::not_evaluated:
    case RoadmapNoValue::does_not_apply: break;
    }
    return whyText(v);
}

}  // namespace

const std::vector<const ResultKey*>& RoadmapView::metrics() {
    static const std::vector<const ResultKey*> keys = [] {
        std::vector<const ResultKey*> k;
        for (const char* key : {"throughput_tokens_per_s_per_chip", "tokens_per_joule", "cost_per_million_tokens_usd",
                                "memory_gb", "memory_tb_s", "peak_fp8_tflops", "peak_fp4_tflops", "power_w_per_chip",
                                "tokens_per_s_per_mw"})
            if (const ResultKey* r = find_result_key(key)) k.push_back(r);
        return k;
    }();
    return keys;
}

RoadmapView::RoadmapView(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent), plot_(new QCustomPlot) {
    setObjectName(QStringLiteral("roadmapView"));
    pool_.setMaxThreadCount(1);

    metricBox_ = new QComboBox(this);
    metricBox_->setObjectName(QStringLiteral("roadmapMetric"));
    for (const ResultKey* k : metrics()) metricBox_->addItem(objectiveAxisTitle(*k), QString::fromLatin1(k->key));
    metricBox_->setToolTip(tr("The result each generation is placed at, on the current workload"));
    yearBox_ = new QSpinBox(this);
    yearBox_->setObjectName(QStringLiteral("roadmapDesignYear"));
    yearBox_->setRange(2015, 2040);
    yearBox_->setValue(2026);
    yearBox_->setToolTip(tr("The year your design is placed in, as its first generation"));
    othersBox_ = new QCheckBox(tr("Other designs as later generations"), this);
    othersBox_->setObjectName(QStringLiteral("roadmapOtherDesigns"));
    othersBox_->setToolTip(tr("The session's other designs, in name order: the second two years after the first, "
                              "then one a year"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("roadmapStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* controls = new QHBoxLayout;
    auto* metricLabel = new QLabel(tr("&Metric:"), this);
    metricLabel->setBuddy(metricBox_);
    auto* yearLabel = new QLabel(tr("Your design in &year:"), this);
    yearLabel->setBuddy(yearBox_);
    controls->addWidget(metricLabel);
    controls->addWidget(metricBox_);
    controls->addSpacing(12);
    controls->addWidget(yearLabel);
    controls->addWidget(yearBox_);
    controls->addSpacing(12);
    controls->addWidget(othersBox_);
    controls->addStretch(1);

    plot_->setObjectName(QStringLiteral("roadmapPlot"));
    plot_->setMouseTracking(true);
    plot_->setAutoAddPlottableToLegend(false);
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setNumberFormat(QStringLiteral("f"));
    plot_->xAxis->setNumberPrecision(0);
    plot_->xAxis->setLabel(tr("Year"));
    plot_->xAxis->grid()->setVisible(false);
    // The legend above the plot, in rows, so it never covers a point.
    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, legendRow);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    legendRow->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(6);
    plot_->legend->setRowSpacing(0);
    plot_->legend->setLayer(QStringLiteral("legend"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(16, 10);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("roadmap"));
    connect(plot_, &QCustomPlot::mouseMove, this, &RoadmapView::hovered);
    connect(plot_, &QCustomPlot::afterLayout, this, &RoadmapView::placeLabels);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(controls);
    layout->addWidget(plot_, 1);
    layout->addWidget(status_);

    if (const auto& roadmap = default_roadmap(); roadmap) {
        const ModelLibrary& lib = doc_->library();
        points_ = roadmap_points(*roadmap, [&lib](std::string_view id) -> Result<ChipSpec> {
            if (!lib.chip) return Error{"no chip library"};
            return lib.chip(id);
        });
        for (const RoadmapPoint& p : points_)
            if (!p.chip_id.empty() && lib.chip)
                if (auto c = lib.chip(p.chip_id)) chips_.emplace(p.chip_id, c.value());
    } else {
        status_->setText(errorText(roadmap.error()));
    }

    connect(metricBox_, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(yearBox_, &QSpinBox::valueChanged, this, [this] { rebuild(); });
    connect(othersBox_, &QCheckBox::toggled, this, [this] { refreshIfVisible(); });
    refreshOn(&DesignDocument::stateChanged);
    refreshOn(&DesignDocument::rangesChanged);
    setPlot(plot_);
}

void RoadmapView::fitLegend(int width) {
    // About 150 px an entry, so long names are never cut (the report draws the chart narrower).
    const int columns = std::clamp(width / 150, 2, 6);
    if (plot_->legend->wrap() == columns) return;
    plot_->legend->setWrap(columns);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // rearranges the entries
}

void RoadmapView::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    fitLegend(plot_->width());
}

RoadmapView::~RoadmapView() {
    ++generation_;
    pool_.clear();
    pool_.waitForDone();
}

const ResultKey& RoadmapView::metric() const {
    const ResultKey* k = find_result_key(metricBox_->currentData().toString().toStdString());
    return k ? *k : *metrics().front();
}

void RoadmapView::setMetric(const std::string& key) {
    const int i = metricBox_->findData(qtext(key));
    if (i >= 0) metricBox_->setCurrentIndex(i);
}

void RoadmapView::setDesignYear(int year) { yearBox_->setValue(year); }
int RoadmapView::designYear() const { return yearBox_->value(); }

void RoadmapView::setOtherDesigns(std::vector<OtherDesign> designs, const QString& currentName) {
    std::sort(designs.begin(), designs.end(), [](const OtherDesign& a, const OtherDesign& b) { return a.name < b.name; });
    designs.erase(std::remove_if(designs.begin(), designs.end(), [&](const OtherDesign& d) { return d.name == currentName; }),
                  designs.end());
    others_ = std::move(designs);
    currentDesign_ = currentName;
    evaluatedScenario_.reset();  // the designs' chips are evaluated with the roadmap's
    refreshIfVisible();
}

void RoadmapView::setShowOtherDesigns(bool show) { othersBox_->setChecked(show); }

// What the reference chips' values depend on: the model and the workload (and the other designs).
bool RoadmapView::evaluationsCurrent() const {
    if (!evaluatedScenario_ || !(*evaluatedScenario_ == doc_->state().scenario) ||
        evaluatedModel_ != doc_->state().model.id)
        return false;
    QStringList others;
    if (othersBox_->isChecked())
        for (const OtherDesign& d : others_) others << d.name;
    return others == evaluatedOthers_;
}

void RoadmapView::refresh() {
    if (!evaluationsCurrent()) startEvaluations();
    rebuild();
}

void RoadmapView::paletteChanged() {
    applyPalette(plot_, palette());
    rebuild();
}

void RoadmapView::startEvaluations() {
    evaluatedScenario_ = doc_->state().scenario;
    evaluatedModel_ = doc_->state().model.id;
    evaluatedOthers_.clear();
    if (othersBox_->isChecked())
        for (const OtherDesign& d : others_) evaluatedOthers_ << d.name;
    const int generation = ++generation_;
    evaluated_ = rangesDone_ = false;
    evaluations_.clear();
    auto companions = resolveCompanions(doc_->library(), doc_->state().scenario);
    if (!companions) {
        evaluated_ = rangesDone_ = true;
        status_->setText(errorText(companions.error()));
        return;
    }
    std::vector<ChipSpec> chips;
    for (const auto& [id, chip] : chips_) chips.push_back(chip);
    if (othersBox_->isChecked())
        for (const OtherDesign& d : others_) {
            ChipSpec c = d.chip;
            c.id = "design:" + stext(d.name);
            chips.push_back(std::move(c));
        }
    const ModelSpec model = doc_->state().model;
    const Scenario scenario = doc_->state().scenario;
    using Out = std::vector<RoadmapEvaluation>;
    // First the values, then their ranges (two evaluations per uncertain key and chip: seconds).
    for (const bool ranges : {false, true}) {
        runInBackground<Out>(
            &pool_, this,
            [chips, model, scenario, c = companions.value(), ranges] {
                return evaluate_roadmap_chips(chips, model, scenario, c, ranges);
            },
            [this, generation, ranges](Out& out) {
                if (generation != generation_) return;
                for (RoadmapEvaluation& e : out) evaluations_.insert_or_assign(e.chip_id, std::move(e));
                evaluated_ = true;
                rangesDone_ = ranges;
                rebuild();
            });
    }
}

void RoadmapView::rebuild() {
    const ResultKey& key = metric();
    shown_.clear();
    for (const RoadmapPoint& p : points_) {
        Shown s;
        s.point = p;
        s.x = p.year;
        const RoadmapEvaluation* e = nullptr;
        if (auto it = evaluations_.find(p.chip_id); !p.chip_id.empty() && it != evaluations_.end()) e = &it->second;
        if (!p.chip_id.empty() && !e) {
            s.value.reason = RoadmapNoValue::not_evaluated;
        } else {
            s.value = roadmap_value(p, key, e ? &e->evaluation : nullptr, e && e->ranges ? &*e->ranges : nullptr);
        }
        shown_.push_back(std::move(s));
    }
    // The user's designs: the current one in the year set, the others later.
    auto addDesign = [&](const QString& name, const ChipSpec& chip, int year, const Result<Evaluation>* eval,
                         const Ranges* ranges) {
        Shown s;
        s.design = true;
        s.point.line = kDesignLine;
        s.point.name = stext(name.isEmpty() ? (chip.name.empty() ? qtext(chip.id) : qtext(chip.name)) : name);
        s.point.year = year;
        s.point.status = RoadmapStatus::estimated;
        s.point.confidence = chip.confidence;
        s.point.source = chip.source;
        s.x = year;
        if (eval) s.value = roadmap_value(s.point, key, eval, ranges);
        else s.value.reason = RoadmapNoValue::not_evaluated;
        shown_.push_back(std::move(s));
    };
    addDesign(currentDesign_, doc_->chip(), yearBox_->value(), &doc_->evaluation(), doc_->designRanges());
    if (othersBox_->isChecked()) {
        int year = yearBox_->value() + 2;
        for (const OtherDesign& d : others_) {
            auto it = evaluations_.find("design:" + stext(d.name));
            addDesign(d.name, d.chip, year++, it == evaluations_.end() ? nullptr : &it->second.evaluation,
                      it == evaluations_.end() || !it->second.ranges ? nullptr : &*it->second.ranges);
        }
    }

    // The lines in order of first appearance (the designs last), each with its colour.
    std::vector<std::string> lines;
    for (const Shown& s : shown_)
        if (s.point.line != kDesignLine && std::find(lines.begin(), lines.end(), s.point.line) == lines.end())
            lines.push_back(s.point.line);
    lines.push_back(kDesignLine);
    auto lineIndex = [&](const std::string& line) {
        return static_cast<int>(std::find(lines.begin(), lines.end(), line) - lines.begin());
    };
    auto colorOf = [&](const std::string& line) {
        return line == kDesignLine ? designColor() : seriesColor(lineIndex(line));
    };
    // Several generations in one year sit side by side, in line order, a fraction of a year apart.
    std::map<int, std::vector<size_t>> byYear;
    for (size_t i = 0; i < shown_.size(); ++i) byYear[shown_[i].point.year].push_back(i);
    for (auto& [year, idx] : byYear) {
        std::stable_sort(idx.begin(), idx.end(),
                         [&](size_t a, size_t b) { return lineIndex(shown_[a].point.line) < lineIndex(shown_[b].point.line); });
        const double step = std::min(0.16, 0.84 / static_cast<double>(idx.size()));
        for (size_t j = 0; j < idx.size(); ++j)
            shown_[idx[j]].x = year + (static_cast<double>(j) - (static_cast<double>(idx.size()) - 1) / 2.0) * step;
    }

    plot_->clearPlottables();
    plot_->clearItems();
    markers_.clear();
    markerPoint_.clear();
    labels_.clear();
    errors_.clear();

    const QColor text = palette().color(QPalette::WindowText);
    const QColor base = palette().color(QPalette::Base);
    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 0.9);
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    int minYear = 9999, maxYear = 0;
    for (const Shown& s : shown_) {
        minYear = std::min(minYear, s.point.year);
        maxYear = std::max(maxYear, s.point.year);
        if (s.value.source == RoadmapValueSource::none) continue;
        lo = std::min(lo, s.value.low.value_or(s.value.value));
        hi = std::max(hi, s.value.high.value_or(s.value.value));
    }
    const bool any = hi > 0 && std::isfinite(lo);
    const bool log = any && lo > 0 && hi / lo > 30;

    // Lines joining a vendor's generations, in the legend by vendor.
    for (const std::string& line : lines) {
        std::vector<std::pair<double, double>> xy;
        for (const Shown& s : shown_)
            if (s.point.line == line && s.value.source != RoadmapValueSource::none) xy.emplace_back(s.x, s.value.value);
        if (xy.empty()) continue;
        std::sort(xy.begin(), xy.end());
        QVector<double> xs, ys;
        for (const auto& [x, y] : xy) {
            xs << x;
            ys << y;
        }
        QCPGraph* g = plot_->addGraph();
        g->setData(xs, ys, true);
        QColor c = colorOf(line);
        g->setPen(QPen(c, line == kDesignLine ? 2.0 : 1.5));
        // The designs' line is in the legend as the star ("Your design") below.
        if (line != kDesignLine) {
            g->setName(qtext(line));
            g->addToLegend();
        }
        g->setSelectable(QCP::stNone);
    }
    // The markers: shape by status, colour by line; error bars where the model gives a range.
    for (size_t i = 0; i < shown_.size(); ++i) {
        Shown& s = shown_[i];
        auto* label = new QCPItemText(plot_);
        label->setFont(labelFont);
        label->setColor(text);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->position->setType(QCPItemPosition::ptAbsolute);
        label->setClipToAxisRect(false);
        labels_.push_back(label);
        if (s.value.source == RoadmapValueSource::none) {
            // Placed along the bottom of the plot by placeLabels(): a generation without a value here.
            s.label = tr("\u00d7 %1: %2").arg(qtext(s.point.name), shortWhyText(s.value));
            label->setText(s.label);
            QColor grey = text;
            grey.setAlpha(150);
            label->setColor(grey);
            continue;
        }
        s.label = s.value.source == RoadmapValueSource::announced ? tr("%1 (announced)").arg(qtext(s.point.name))
                                                                   : qtext(s.point.name);
        label->setText(s.label);
        const QColor c = colorOf(s.point.line);
        QCPGraph* g = plot_->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const auto shape = s.design ? QCPScatterStyle::ssStar : shapeFor(s.point.status, s.value.source);
        const bool filled = shape == QCPScatterStyle::ssDisc;
        g->setScatterStyle(QCPScatterStyle(shape, QPen(c, s.design ? 2.5 : 1.8), filled ? QBrush(c) : QBrush(base),
                                           s.design ? 14 : 9));
        g->setData(QVector<double>{s.x}, QVector<double>{s.value.value}, true);
        g->setSelectable(QCP::stNone);
        markers_.push_back(g);
        markerPoint_.push_back(static_cast<int>(i));
        if (s.value.low && s.value.high) {
            auto* e = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
            e->setDataPlottable(g);
            e->setErrorType(QCPErrorBars::etValueError);
            e->setPen(QPen(c, 1.2));
            e->setWhiskerWidth(6);
            e->setData(QVector<double>{s.value.value - *s.value.low}, QVector<double>{*s.value.high - s.value.value});
            e->setSelectable(QCP::stNone);
            errors_.push_back(e);
        }
    }
    // The legend of the marker styles (grey: the colour is the vendor's).
    const QColor grey(128, 128, 128);
    const struct {
        QString name;
        QCPScatterStyle::ScatterShape shape;
        bool filled;
    } styles[] = {
        {tr("Shipping"), QCPScatterStyle::ssDisc, true},
        {tr("Announced"), QCPScatterStyle::ssCircle, false},
        {tr("Estimated"), QCPScatterStyle::ssDiamond, false},
        {tr("Announced figure"), QCPScatterStyle::ssSquare, false},
        {tr("Your design"), QCPScatterStyle::ssStar, false},
    };
    for (const auto& st : styles) {
        QCPGraph* g = plot_->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(st.shape, QPen(st.shape == QCPScatterStyle::ssStar ? designColor() : grey, 1.8),
                                           st.filled ? QBrush(grey) : QBrush(base), 9));
        g->setName(st.name);
        g->addToLegend();
    }

    plot_->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log) {
        auto t = QSharedPointer<QCPAxisTickerLog>::create();
        t->setSubTickCount(8);
        plot_->yAxis->setTicker(t);
        plot_->yAxis->setNumberFormat(QStringLiteral("gb"));
        plot_->yAxis->grid()->setSubGridVisible(true);
    } else if (!qSharedPointerDynamicCast<QCPAxisTickerLog>(plot_->yAxis->ticker()).isNull()) {
        plot_->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        plot_->yAxis->setNumberFormat(QStringLiteral("gb"));
        plot_->yAxis->grid()->setSubGridVisible(false);
    }
    plot_->yAxis->setLabel(objectiveAxisTitle(key));
    // Room below the lowest point for the row of generations without a value.
    if (any) {
        if (log) plot_->yAxis->setRange(lo / 3.0, hi * 2.0);
        else plot_->yAxis->setRange(0, hi * 1.15);
    } else {
        plot_->yAxis->setRange(log ? 1 : 0, log ? 10 : 1);
    }
    if (minYear <= maxYear) plot_->xAxis->setRange(minYear - 0.6, maxYear + 0.6);
    applyPalette(plot_, palette());

    // The status line: what is still being computed, and what has no value here.
    QStringList none, notRun;
    for (const Shown& s : shown_) {
        if (s.value.source != RoadmapValueSource::none) continue;
        if (s.value.reason == RoadmapNoValue::not_modelled) none << qtext(s.point.name);
        if (s.value.reason == RoadmapNoValue::does_not_run) notRun << qtext(s.point.name);
    }
    QString st = !evaluated_ ? tr("Evaluating the roadmap's chips on this workload\u2026")
                             : !rangesDone_ ? tr("Computing each chip's range over its uncertain values\u2026")
                                            : tr("Hover a point for its value, range, confidence and source.");
    if (evaluated_ && !notRun.isEmpty())
        st += QLatin1Char(' ') + tr("Cannot run this workload (hover its name along the bottom for why): %1.")
                                     .arg(notRun.join(QStringLiteral(", ")));
    if (!none.isEmpty())
        st += QLatin1Char(' ') + tr("Not modelled (no chip spec, no announced %1): %2.")
                                     .arg(resultShortLabel(key), none.join(QStringLiteral(", ")));
    status_->setText(st);
    requestReplot(plot_);
    emit updated();
}

// Beside each marker where it fits (right, left, above, below, then the diagonals), clear of the
// other markers and labels and inside the plot, and clear of the lines and error bars where it can be; a label that fits nowhere is left out (the hover
// still names the point). Generations without a value sit in rows along the bottom.
void RoadmapView::placeLabels() {
    if (labels_.size() != shown_.size()) return;
    const QRect area = plot_->axisRect()->rect();
    std::vector<QRectF> taken;
    for (QCPGraph* g : markers_) {
        if (g->data()->isEmpty()) continue;
        const auto& d = *g->data()->constBegin();
        const QPointF p(plot_->xAxis->coordToPixel(d.key), plot_->yAxis->coordToPixel(d.value));
        taken.emplace_back(p.x() - 6, p.y() - 6, 12, 12);
    }
    auto fits = [&](const QRectF& r) {
        if (!QRectF(area).contains(r)) return false;
        return std::none_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(r); });
    };
    // What a label had better not cover either: the error bars and the lines joining a vendor's
    // generations (a label over them reads as struck through).
    std::vector<QRectF> bars;
    for (QCPErrorBars* e : errors_) {
        auto* g = qobject_cast<QCPGraph*>(e->dataPlottable());
        if (!g || g->data()->isEmpty() || e->dataCount() == 0) continue;
        const auto& d = *g->data()->constBegin();
        const QCPErrorBarsData err = e->data()->at(0);
        const double x = plot_->xAxis->coordToPixel(d.key);
        const double top = plot_->yAxis->coordToPixel(d.value + err.errorPlus);
        const double bottom = plot_->yAxis->coordToPixel(d.value - err.errorMinus);
        bars.emplace_back(x - 4, std::min(top, bottom), 8, std::abs(bottom - top));
    }
    std::vector<QLineF> segments;
    for (int k = 0; k < plot_->graphCount(); ++k) {
        QCPGraph* g = plot_->graph(k);
        if (g->lineStyle() == QCPGraph::lsNone || g->data()->size() < 2) continue;
        for (auto it = g->data()->constBegin(); std::next(it) != g->data()->constEnd(); ++it) {
            const auto next = std::next(it);
            segments.emplace_back(plot_->xAxis->coordToPixel(it->key), plot_->yAxis->coordToPixel(it->value),
                                  plot_->xAxis->coordToPixel(next->key), plot_->yAxis->coordToPixel(next->value));
        }
    }
    auto crosses = [](const QRectF& r, const QLineF& l) {
        if (r.contains(l.p1()) || r.contains(l.p2())) return true;
        const QLineF edges[] = {{r.topLeft(), r.topRight()}, {r.topRight(), r.bottomRight()},
                                {r.bottomRight(), r.bottomLeft()}, {r.bottomLeft(), r.topLeft()}};
        return std::any_of(std::begin(edges), std::end(edges),
                           [&](const QLineF& e) { return l.intersects(e) == QLineF::BoundedIntersection; });
    };
    // How much of the lines and error bars a label at `r` would cover (0: none).
    auto covered = [&](const QRectF& r) {
        return std::count_if(bars.begin(), bars.end(), [&](const QRectF& b) { return b.intersects(r); }) +
               std::count_if(segments.begin(), segments.end(), [&](const QLineF& l) { return crosses(r, l); });
    };
    // The designs first, then by year: the newest generations are what a reader looks for.
    std::vector<size_t> order(shown_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (shown_[a].design != shown_[b].design) return shown_[a].design;
        return shown_[a].point.year > shown_[b].point.year;
    });
    std::vector<size_t> unvalued;
    for (size_t i : order) {
        Shown& s = shown_[i];
        QCPItemText* label = labels_[i];
        if (s.value.source == RoadmapValueSource::none) {
            unvalued.push_back(i);
            continue;
        }
        const QFontMetricsF fm(label->font());
        const QSizeF size(fm.horizontalAdvance(label->text()) + 4, fm.height() + 2);
        const QPointF p(plot_->xAxis->coordToPixel(s.x), plot_->yAxis->coordToPixel(s.value.value));
        const double w = size.width(), h = size.height();
        std::vector<QPointF> candidates;
        for (const double gap : {8.0, 16.0})  // close by first, then a little further out
            candidates.insert(candidates.end(),
                              {{p.x() + gap, p.y() - h / 2}, {p.x() - gap - w, p.y() - h / 2}, {p.x() - w / 2, p.y() - gap - h},
                               {p.x() - w / 2, p.y() + gap}, {p.x() + gap, p.y() - gap - h}, {p.x() + gap, p.y() + gap},
                               {p.x() - gap - w, p.y() - gap - h}, {p.x() - gap - w, p.y() + gap}});
        // Of the places clear of the markers and the other labels, the first that covers the
        // fewest lines and error bars.
        std::optional<QRectF> best;
        long bestCovered = 0;
        for (const QPointF& c : candidates) {
            const QRectF r(c, size);
            if (!fits(r)) continue;
            const long n = static_cast<long>(covered(r));
            if (!best || n < bestCovered) {
                best = r;
                bestCovered = n;
            }
            if (n == 0) break;
        }
        const bool placed = best.has_value();
        if (placed) {
            label->position->setCoords(best->left() + 2, best->top() + 1);
            taken.push_back(*best);
        }
        label->setVisible(placed);
        if (!placed) s.label.clear();
        else s.label = label->text();
    }
    // Along the bottom, each at its year, in rows upwards where they would overlap.
    std::sort(unvalued.begin(), unvalued.end(), [&](size_t a, size_t b) { return shown_[a].x < shown_[b].x; });
    std::vector<QRectF> row;
    for (size_t i : unvalued) {
        QCPItemText* label = labels_[i];
        const QFontMetricsF fm(label->font());
        const QSizeF size(fm.horizontalAdvance(label->text()) + 4, fm.height() + 2);
        const double x = std::clamp(plot_->xAxis->coordToPixel(shown_[i].x) - 6, static_cast<double>(area.left() + 2),
                                    area.right() - size.width() - 2);
        bool placed = false;
        for (int r = 0; r < 6 && !placed; ++r) {
            const QRectF rect(QPointF(x, area.bottom() - 4 - (r + 1) * size.height()), size);
            if (!fits(rect)) continue;
            label->position->setCoords(rect.left() + 2, rect.top() + 1);
            taken.push_back(rect);
            placed = true;
        }
        label->setVisible(placed);
        if (!placed) shown_[i].label.clear();
    }
}

QString RoadmapView::toolTipFor(const Shown& s) const {
    const ResultKey& key = metric();
    QStringList lines;
    lines << (s.design ? tr("%1 (your design), %2").arg(qtext(s.point.name)).arg(s.point.year)
                       : tr("%1, %2").arg(qtext(s.point.name)).arg(s.point.year));
    switch (s.value.source) {
    case RoadmapValueSource::model:
        lines << tr("%1: %2 (model)").arg(resultShortLabel(key), formatResult(key, s.value.value));
        if (s.value.low && s.value.high)
            lines << tr("range %1 to %2 over the uncertain values of the chip, the engine, the model and the physical model")
                         .arg(formatResult(key, s.value.low), formatResult(key, s.value.high));
        break;
    case RoadmapValueSource::announced:
        lines << tr("%1: %2 (as announced; not modelled)").arg(resultShortLabel(key), formatResult(key, s.value.value));
        break;
    case RoadmapValueSource::none: lines << tr("%1: %2").arg(resultShortLabel(key), whyText(s.value)); break;
    }
    lines << tr("Status: %1; confidence %2").arg(statusText(s.point.status), qtext(s.point.confidence));
    if (!s.point.source.empty()) lines << tr("Source: %1").arg(qtext(s.point.source));
    if (!s.point.headline.empty()) lines << tr("Announced: %1").arg(qtext(s.point.headline));
    return lines.join(QLatin1Char('\n'));
}

void RoadmapView::hovered(QMouseEvent* event) {
    const QPointF pos = event->position();
    const Shown* best = nullptr;
    double bestDist = 10.0;
    for (size_t m = 0; m < markers_.size(); ++m) {
        const Shown& s = shown_[static_cast<size_t>(markerPoint_[m])];
        const double dx = plot_->xAxis->coordToPixel(s.x) - pos.x();
        const double dy = plot_->yAxis->coordToPixel(s.value.value) - pos.y();
        const double d = std::hypot(dx, dy);
        if (d < bestDist) {
            bestDist = d;
            best = &s;
        }
    }
    if (!best)
        for (size_t i = 0; i < labels_.size() && i < shown_.size(); ++i)
            if (labels_[i]->visible() && labels_[i]->selectTest(pos, false) >= 0 &&
                labels_[i]->selectTest(pos, false) < 1) {
                best = &shown_[i];
                break;
            }
    if (!best) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), toolTipFor(*best), plot_);
}

}  // namespace scoville
