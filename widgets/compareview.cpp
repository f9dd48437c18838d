#include "widgets/compareview.hpp"

#include <QComboBox>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <qcustomplot.h>

#include "core/perf/result_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

// Pixels between a bar (or its error bar's cap) and the value written above it.
constexpr int kLabelGap = 4;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The table's results, by key: labels, units, direction and format come from the registry.
const std::string_view kTableKeys[] = {"throughput_tokens_per_s", "tokens_per_joule", "cost_per_million_tokens_usd",
                                       "ttft_p99_s", "tpot_p99_s"};
constexpr int kTableCount = static_cast<int>(std::size(kTableKeys));
const ResultKey& tableKey(int i) { return *find_result_key(kTableKeys[static_cast<size_t>(i)]); }

// The plotted metrics: the registry key each reads (throughput per chip, scaled per system), and
// the panel and position it is drawn at. Panel 0 holds what is better higher, panel 1 what is
// better lower, so no axis mixes the two.
struct MetricDef {
    std::string_view key;
    std::string_view rangeKey;  // the document's range that scales to it
    int panel;
    double position;
};
constexpr MetricDef kMetrics[CompareView::MetricCount] = {
    {"throughput_tokens_per_s_per_chip", "throughput_tokens_per_s", 0, 1},
    {"tokens_per_joule", "tokens_per_joule", 0, 2},
    {"cost_per_million_tokens_usd", "cost_per_million_tokens_usd", 1, 1},
};
const ResultKey& metricKey(int m) { return *find_result_key(kMetrics[m].key); }

QString ratioText(double ratio) { return QStringLiteral("\u00d7") + formatNumber(ratio, ratio < 10 ? 2 : 1); }

}  // namespace

CompareView::CompareView(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent), plot_(new QCustomPlot) {
    setObjectName(QStringLiteral("compareView"));
    plot_->setObjectName(QStringLiteral("comparePlot"));
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("compareTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setTabKeyNavigation(false);  // Tab leaves the table (arrow keys move inside it)
    table_->verticalHeader()->setVisible(false);
    table_->setColumnCount(kTableCount + 1);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    QStringList headers{tr("Chip")};
    for (int i = 0; i < kTableCount; ++i) headers << resultShortLabel(tableKey(i));
    table_->setHorizontalHeaderLabels(headers);

    // Above the plot: what the bars are ratios to, and the throughput's basis.
    caption_ = new QLabel(this);
    caption_->setObjectName(QStringLiteral("compareCaption"));
    caption_->setTextFormat(Qt::PlainText);
    caption_->setMinimumWidth(40);
    caption_->setWordWrap(true);  // a long reason reads in full beside the basis and view choices
    basisBox_ = new QComboBox(this);
    basisBox_->setObjectName(QStringLiteral("compareBasis"));
    basisBox_->addItem(tr("Per chip"));
    basisBox_->addItem(tr("Per system"));
    basisBox_->setToolTip(tr("Throughput per chip, or per system: per chip \u00d7 the chips of the chip's scale-up "
                             "domain (GB200 NVL72: 72; a TPU pod), or the workload's chips where it names none. "
                             "Tokens per joule and cost per token are the same either way."));
    connect(basisBox_, &QComboBox::currentIndexChanged, this,
            [this](int index) { setBasis(index == 1 ? Basis::perSystem : Basis::perChip); });
    // The chart or the table of absolute values (latencies too): each gets the whole height, which
    // in the design's four-view grid is small.
    showBox_ = new QComboBox(this);
    showBox_->setObjectName(QStringLiteral("compareShow"));
    showBox_->addItem(tr("Chart"));
    showBox_->addItem(tr("Table"));
    showBox_->setToolTip(tr("Ratios to the baseline as a chart, or every chip's values as a table"));
    stack_ = new QStackedWidget(this);
    stack_->setObjectName(QStringLiteral("compareStack"));
    stack_->addWidget(plot_);
    stack_->addWidget(table_);
    connect(showBox_, &QComboBox::currentIndexChanged, stack_, &QStackedWidget::setCurrentIndex);
    auto* head = new QHBoxLayout;
    head->setContentsMargins(4, 0, 4, 0);
    head->addWidget(caption_, 1);
    head->addWidget(basisBox_);
    head->addWidget(showBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(head);
    layout->addWidget(stack_, 1);

    // Layout: the legend across the top, then two panels side by side, each under its title.
    higher_ = plot_->axisRect();
    lower_ = new QCPAxisRect(plot_);
    auto* panels = new QCPLayoutGrid;
    plot_->plotLayout()->take(higher_);
    plot_->plotLayout()->simplify();
    plot_->plotLayout()->addElement(0, 0, panels);
    higherTitle_ = new QCPTextElement(plot_, tr("Higher is better"));
    lowerTitle_ = new QCPTextElement(plot_, tr("Lower is better"));
    panels->addElement(0, 0, higherTitle_);
    panels->addElement(0, 1, lowerTitle_);
    panels->addElement(1, 0, higher_);
    panels->addElement(1, 1, lower_);
    panels->setRowStretchFactors({0.001, 1});
    panels->setColumnStretchFactors({2, 1.2});
    panels->setColumnSpacing(0);
    panels->setRowSpacing(0);
    for (QCPAxisRect* rect : {higher_, lower_}) {
        QCPAxis* x = rect->axis(QCPAxis::atBottom);
        x->setTickLength(0, 0);
        x->setSubTicks(false);
        x->grid()->setVisible(false);
        rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(4);
        rect->setRangeDrag({});
        rect->setRangeZoom({});
    }
    // Both panels show the same ratio scale from the same zero line.
    auto* margins = new QCPMarginGroup(plot_);
    higher_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    lower_->setMarginGroup(QCP::msTop | QCP::msBottom, margins);
    higher_->axis(QCPAxis::atBottom)->setRange(0.45, 2.55);
    lower_->axis(QCPAxis::atBottom)->setRange(0.45, 1.55);
    auto lowerTicker = QSharedPointer<QCPAxisTickerText>::create();
    lowerTicker->addTick(kMetrics[CostPerMillion].position, resultShortLabel(metricKey(CostPerMillion)));
    lower_->axis(QCPAxis::atBottom)->setTicker(lowerTicker);

    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, legendRow);
    higher_->insetLayout()->take(plot_->legend);
    legendRow->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(3);
    plot_->legend->setRowSpacing(0);
    plot_->legend->setLayer(QStringLiteral("legend"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(12, 10);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("compare"));
    connect(plot_, &QCustomPlot::afterLayout, this, &CompareView::fitRanges);

    setPlot(plot_);
    refreshOnEvaluatedState();
    connect(doc_, &DesignDocument::rangesChanged, this, &CompareView::applyRanges);
    refreshNow();
}

void CompareView::setBasis(Basis basis) {
    if (basis == basis_) return;
    basis_ = basis;
    const QSignalBlocker block(basisBox_);
    basisBox_->setCurrentIndex(basis == Basis::perSystem ? 1 : 0);
    refreshNow();
}

QString CompareView::basisText() const {
    const int chips = doc_->state().scenario.chips;
    return basis_ == Basis::perSystem
               ? tr("Tokens/s per system = per chip \u00d7 chips in its scale-up domain")
               : chips == 1 ? tr("Tokens/s per chip, the workload on one chip")
                            : tr("Tokens/s per chip, the workload on %1 chips").arg(chips);
}

double CompareView::keyOf(size_t entry, int metric) const {
    const double n = static_cast<double>(std::max<size_t>(entries_.size(), 1));
    const double slot = 0.8 / n;
    return kMetrics[metric].position + (static_cast<double>(entry) - (n - 1) / 2) * slot;
}

double CompareView::value(int i, Metric m) const {
    const Entry& e = entries_[static_cast<size_t>(i)];
    return e.failure.isEmpty() ? e.values[m] : kNaN;
}

double CompareView::barRatio(int i, Metric m) const {
    const Bar& b = entries_[static_cast<size_t>(i)].metric[m];
    return b.drawn ? b.ratio : kNaN;
}

QString CompareView::barLabel(int i, Metric m) const {
    const Bar& b = entries_[static_cast<size_t>(i)].metric[m];
    return b.drawn ? b.label : QString();
}

QString CompareView::toolTipFor(int i, Metric m) const { return entries_[static_cast<size_t>(i)].metric[m].tip; }

std::vector<QCPItemText*> CompareView::failureLabels(int i) const {
    std::vector<QCPItemText*> out;
    const Entry& e = entries_[static_cast<size_t>(i)];
    if (e.failure.isEmpty()) return out;
    for (const Bar& b : e.metric)
        if (b.text) out.push_back(b.text);
    return out;
}

std::vector<QCPErrorBars*> CompareView::errorBars() const {
    std::vector<QCPErrorBars*> out;
    for (const Entry& e : entries_) out.push_back(e.errors[0]);
    return out;
}

std::vector<QCPErrorBars*> CompareView::lowerErrorBars() const {
    std::vector<QCPErrorBars*> out;
    for (const Entry& e : entries_) out.push_back(e.errors[1]);
    return out;
}

QCPItemText* CompareView::takeText(size_t& used, std::vector<QCPItemText*>& pool, QCPAxisRect* rect) {
    if (used == pool.size()) {
        auto* t = new QCPItemText(plot_);
        t->setClipAxisRect(rect);
        t->setClipToAxisRect(true);
        t->position->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        t->position->setAxisRect(rect);
        t->setRotation(-90);
        t->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        t->setPadding(QMargins(kLabelGap, 0, 0, 0));  // clear of the error bar's cap it starts at
        t->setSelectable(false);
        pool.push_back(t);
    }
    QCPItemText* t = pool[used++];
    t->setVisible(true);
    return t;
}

// Each bar's error bar: its chip's range from the document, scaled as its value is (throughput per
// chip or per system), over the baseline's value; none until the state's ranges arrive, and for a
// range without width.
bool CompareView::placeRanges() {
    bool any = false;
    for (Entry& e : entries_) {
        const Ranges* all = e.id.empty() ? doc_->designRanges() : doc_->referenceRanges(e.id);
        any = any || all;
        for (int panel = 0; panel < 2; ++panel) {
            QVector<double> minus, plus;
            for (int m = 0; m < MetricCount; ++m) {
                if (kMetrics[m].panel != panel || !e.metric[m].drawn) continue;
                const ResultRange* r = all ? all->find(kMetrics[m].rangeKey) : nullptr;
                // The range is of the workload's result; the bar shows it scaled to its basis.
                const double scale = m == Throughput ? e.perChipFactor * (basis_ == Basis::perSystem ? e.systemSize : 1)
                                                     : 1.0;
                const double base = baseValues_[m];
                const bool ok = r && base > 0 && r->high > r->low;
                minus << (ok ? (r->value - r->low) * scale / base : kNaN);
                plus << (ok ? (r->high - r->value) * scale / base : kNaN);
            }
            e.errors[panel]->setData(minus, plus);
        }
    }
    fitRanges();
    return any;
}

void CompareView::applyRanges() {
    const bool any = placeRanges();
    requestReplot(plot_);
    if (any) emit rangesShown();
}

void CompareView::refresh() {
    const DesignState& st = doc_->state();
    const auto* base = doc_->baselineEvaluation();
    const bool baseOk = base && base->ok();
    ratios_ = baseOk;
    const ChipSpec* baseChip = doc_->referenceChip(st.baseline_id);
    const QString baseName = baseChip ? qtext(baseChip->name) : qtext(st.baseline_id);

    struct Source {
        std::string id;
        QString name;
        const Result<Evaluation>* eval;
        const ChipSpec* chip;
        QColor color;
    };
    std::vector<Source> sources;
    sources.push_back({std::string(), tr("Design (%1)").arg(qtext(doc_->chip().name)), &doc_->evaluation(),
                       &doc_->chip(), designColor()});
    int colorIndex = 0;
    for (const auto& id : st.reference_ids) {
        const ChipSpec* chip = doc_->referenceChip(id);
        const auto* eval = doc_->referenceEvaluation(id);
        if (!eval) continue;
        sources.push_back({id, chip && !chip->name.empty() ? qtext(chip->name) : qtext(id), eval, chip,
                           seriesColor(colorIndex++)});
    }

    while (entries_.size() > sources.size()) {
        for (int p = 0; p < 2; ++p) {
            plot_->removePlottable(entries_.back().errors[p]);
            plot_->removePlottable(entries_.back().bars[p]);
        }
        entries_.pop_back();
    }
    while (entries_.size() < sources.size()) {
        Entry e;
        for (int p = 0; p < 2; ++p) {
            QCPAxisRect* rect = p == 0 ? higher_ : lower_;
            auto* b = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            b->setPen(Qt::NoPen);
            if (p == 1) b->removeFromLegend();
            auto* err = new QCPErrorBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            err->setDataPlottable(b);
            err->removeFromLegend();
            err->setWhiskerWidth(4);
            err->setPen(QPen(palette().color(QPalette::WindowText), 1));
            e.bars[p] = b;
            e.errors[p] = err;
        }
        entries_.push_back(e);
    }

    for (int m = 0; m < MetricCount; ++m) baseValues_[m] = 0;
    // The baseline's values on the current basis, so its own bars read 1.
    const int baseSystem = baseChip && baseChip->link.domain > 0 ? baseChip->link.domain : st.scenario.chips;
    if (baseOk)
        for (int m = 0; m < MetricCount; ++m) {
            const double v = metricKey(m).value(base->value()).value_or(0.0);
            baseValues_[m] = m == Throughput && basis_ == Basis::perSystem ? v * baseSystem : v;
        }

    auto higherTicker = QSharedPointer<QCPAxisTickerText>::create();
    higherTicker->addTick(kMetrics[Throughput].position,
                          basis_ == Basis::perSystem ? tr("Tokens/s per system") : resultShortLabel(metricKey(Throughput)));
    higherTicker->addTick(kMetrics[TokensPerJoule].position, resultShortLabel(metricKey(TokensPerJoule)));
    higher_->axis(QCPAxis::atBottom)->setTicker(higherTicker);
    higher_->axis(QCPAxis::atBottom)->setLabel(basisText());

    size_t used[2] = {0, 0};
    const double slot = 0.8 / static_cast<double>(std::max<size_t>(sources.size(), 1));
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1));
    const QColor textColor = palette().color(QPalette::WindowText);
    table_->setRowCount(static_cast<int>(sources.size()));
    for (size_t i = 0; i < sources.size(); ++i) {
        const Source& s = sources[i];
        Entry& e = entries_[i];
        e.id = s.id;
        e.name = s.name;
        e.failure = s.eval->ok() ? QString() : errorText(s.eval->error());
        e.systemSize = s.chip && s.chip->link.domain > 0 ? s.chip->link.domain : st.scenario.chips;
        e.perChipFactor = 1;
        if (s.eval->ok()) {
            const auto total = tableKey(0).value(s.eval->value());
            const auto perChip = metricKey(Throughput).value(s.eval->value());
            if (total && perChip && *total > 0) e.perChipFactor = *perChip / *total;
        }
        for (int p = 0; p < 2; ++p) {
            e.bars[p]->setName(s.name);
            e.bars[p]->setBrush(s.color);
            e.bars[p]->setWidth(slot * 0.85);
        }
        QVector<double> keys[2], values[2];
        for (int m = 0; m < MetricCount; ++m) {
            Bar& bar = e.metric[m];
            bar = Bar{};
            const int p = kMetrics[m].panel;
            QCPAxisRect* rect = p == 0 ? higher_ : lower_;
            const ResultKey& key = metricKey(m);
            e.values[m] = kNaN;
            if (!e.failure.isEmpty()) {
                // In place of the bar: why the chip cannot run the workload (elided to the panel's
                // height by fitRanges; the whole reason on hover).
                QCPItemText* t = takeText(used[p], textPool_[p], rect);
                t->position->setCoords(keyOf(i, m), 0);
                t->setFont(small);
                t->setColor(textColor);
                t->setProperty("fullText", e.failure);
                t->setText(e.failure);
                bar.text = t;
                bar.tip = tr("%1 cannot run this workload: %2").arg(s.name, e.failure);
                continue;
            }
            std::optional<double> v = key.value(s.eval->value());
            if (v && m == Throughput && basis_ == Basis::perSystem) *v *= e.systemSize;
            if (v) e.values[m] = *v;
            if (!v || !(baseValues_[m] > 0)) continue;
            bar.drawn = true;
            bar.value = *v;
            bar.ratio = *v / baseValues_[m];
            const QString valueText = m == Throughput ? formatSi(*v, tr("tokens/s")) : formatResult(key, *v);
            // On the bar: the value as its key reads (the axis names the unit) and the ratio.
            bar.label = QStringLiteral("%1 \u00b7 %2").arg(formatResult(key, *v), ratioText(bar.ratio));
            QString what = resultLabel(key);
            QString basisLine;
            if (m == Throughput) {
                const double perChip = *v / (basis_ == Basis::perSystem ? e.systemSize : 1);
                what = basis_ == Basis::perSystem ? tr("Output tokens per second per system") : what;
                basisLine = basis_ == Basis::perSystem
                                ? tr("%1 per chip \u00d7 %2 chips per system (the chip's scale-up domain), "
                                     "as this workload runs on %3 chips")
                                      .arg(formatSi(perChip, tr("tokens/s")))
                                      .arg(e.systemSize)
                                      .arg(st.scenario.chips)
                                : tr("The workload's throughput over its %1 chips, per chip").arg(st.scenario.chips);
            }
            bar.tip = tr("%1\n%2: %3\n%4 %5 (%6)")
                          .arg(s.name, what, valueText, ratioText(bar.ratio), baseName,
                               m == Throughput || m == TokensPerJoule ? tr("higher is better")
                                                                       : tr("lower is better"));
            if (!basisLine.isEmpty()) bar.tip += QLatin1Char('\n') + basisLine;
            keys[p] << keyOf(i, m);
            values[p] << bar.ratio;
            QCPItemText* t = takeText(used[p], textPool_[p], rect);
            t->position->setCoords(keyOf(i, m), bar.ratio);
            t->setFont(small);
            t->setColor(textColor);
            t->setProperty("fullText", QVariant());
            t->setText(bar.label);
            bar.text = t;
        }
        for (int p = 0; p < 2; ++p) e.bars[p]->setData(keys[p], values[p], true);

        auto setCell = [this](int row, int col, const QString& text) {
            QTableWidgetItem* item = table_->item(row, col);
            if (!item) table_->setItem(row, col, item = new QTableWidgetItem);
            if (item->text() != text) item->setText(text);
            return item;
        };
        QTableWidgetItem* nameItem = setCell(static_cast<int>(i), 0, s.name);
        for (int c = 0; c < kTableCount; ++c)
            setCell(static_cast<int>(i), c + 1,
                    formatResult(tableKey(c), s.eval->ok() ? tableKey(c).value(s.eval->value()) : std::nullopt));
        nameItem->setToolTip(e.failure);
    }
    for (int p = 0; p < 2; ++p)
        for (size_t k = used[p]; k < textPool_[p].size(); ++k) textPool_[p][k]->setVisible(false);

    for (QCPTextElement* title : {higherTitle_, lowerTitle_}) title->setTextColor(textColor);
    // Short, beside the basis and view choices; why the baseline has no result, on hover.
    caption_->setText(baseOk                   ? tr("Ratios to %1 (= 1)").arg(baseName)
                      : st.baseline_id.empty() ? tr("No ratios: no baseline chip chosen (Baseline, in the toolbar)")
                                               : tr("No ratios: the baseline %1 has no result").arg(baseName));
    caption_->setToolTip(baseOk || st.baseline_id.empty() ? caption_->text()
                                                          : base ? errorText(base->error()) : tr("not evaluated"));
    higher_->axis(QCPAxis::atLeft)->setLabel(baseOk ? tr("\u00d7 %1").arg(baseName) : QString());
    const bool ranges = placeRanges();
    fitLegend();  // the one replot of the new state
    if (ranges) emit rangesShown();
}

QString CompareView::captionText() const { return caption_->text(); }

void CompareView::paletteChanged() {
    DocumentView::paletteChanged();
    refreshNow();  // the labels and titles take the text colour
}

// Sets each panel's ratio axis so every bar's label fits above it (labels read upwards from the
// bar's top or its error bar), and elides the reasons standing in for bars to the panel's height.
void CompareView::fitRanges() {
    if (fitting_) return;
    fitting_ = true;
    for (int p = 0; p < 2; ++p) {
        QCPAxisRect* rect = p == 0 ? higher_ : lower_;
        const double height = std::max(20, rect->height());
        double upper = 1.15;
        for (const Entry& e : entries_) {
            for (int m = 0; m < MetricCount; ++m) {
                const Bar& b = e.metric[m];
                if (kMetrics[m].panel != p || !b.text) continue;
                const QFontMetricsF fm(b.text->font());
                if (!b.drawn) {
                    const QString full = b.text->property("fullText").toString();
                    b.text->setText(fm.elidedText(full, Qt::ElideRight, std::max(10.0, height - 8)));
                    continue;
                }
                double top = b.ratio;
                // The error bar's upper end, when there is one.
                const int drawnIndex = [&] {
                    int k = 0;
                    for (int j = 0; j < m; ++j) k += kMetrics[j].panel == p && e.metric[j].drawn;
                    return k;
                }();
                if (drawnIndex < e.errors[p]->dataCount()) {
                    const double plus = e.errors[p]->data()->at(drawnIndex).errorPlus;
                    if (std::isfinite(plus)) top += plus;
                }
                b.text->position->setCoords(b.text->position->key(), top);
                upper = std::max(upper, top * 1.08);
                // Room above the bar for its label; where the panel is too short for it the bar
                // keeps its height and the value is on hover only.
                const double label = fm.horizontalAdvance(b.label) + kLabelGap + 6;
                const bool fits = label < 0.6 * height;
                b.text->setVisible(fits);
                if (fits) upper = std::max(upper, top * height / (height - label));
            }
        }
        rect->axis(QCPAxis::atLeft)->setRange(0, upper);
    }
    fitting_ = false;
}

// As many legend columns as the plot's width holds without names running into each other.
void CompareView::fitLegend(int width) {
    QCPLegend* legend = plot_->legend;
    const int count = legend->itemCount();
    if (count == 0) return;
    std::vector<double> widths;
    for (int i = 0; i < count; ++i)
        if (QCPAbstractLegendItem* item = legend->item(i)) widths.push_back(item->minimumOuterSizeHint().width());
    const double available = (width > 0 ? width : plot_->width()) - legend->margins().left() - legend->margins().right() - 8;
    int wrap = 1;
    for (int w = static_cast<int>(widths.size()); w >= 1; --w) {
        double total = legend->columnSpacing() * (w - 1);
        for (int c = 0; c < w; ++c) {
            double col = 0;
            for (size_t i = static_cast<size_t>(c); i < widths.size(); i += static_cast<size_t>(w))
                col = std::max(col, widths[i]);
            total += col;
        }
        if (total <= available) {
            wrap = w;
            break;
        }
    }
    if (legend->wrap() != wrap) {
        legend->setWrap(wrap);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flows the items
    }
    requestReplot(plot_);
}

void CompareView::showToolTip(QMouseEvent* event) {
    const QPointF pos = event->position();
    for (size_t i = 0; i < entries_.size(); ++i)
        for (int m = 0; m < MetricCount; ++m) {
            const Bar& b = entries_[i].metric[m];
            if (b.tip.isEmpty()) continue;
            QCPAxisRect* rect = kMetrics[m].panel == 0 ? higher_ : lower_;
            if (!rect->rect().contains(pos.toPoint())) continue;
            QCPAxis* x = rect->axis(QCPAxis::atBottom);
            const double half = entries_[i].bars[0]->width() / 2;
            const double key = keyOf(i, m);
            const double px = pos.x();
            const bool onSlot = px >= x->coordToPixel(key - half) && px <= x->coordToPixel(key + half);
            const bool onText = b.text && b.text->visible() && b.text->selectTest(pos, false) >= 0 &&
                                b.text->selectTest(pos, false) < 1;
            if (onSlot || onText) {
                QToolTip::showText(event->globalPosition().toPoint(), b.tip, plot_);
                return;
            }
        }
    QToolTip::hideText();
}

bool CompareView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_) {
        if (event->type() == QEvent::MouseMove) showToolTip(static_cast<QMouseEvent*>(event));
        else if (event->type() == QEvent::Resize) fitLegend();
    }
    return DocumentView::eventFilter(watched, event);
}

}  // namespace scoville
