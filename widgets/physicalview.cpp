#include "widgets/physicalview.hpp"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <algorithm>
#include <cmath>
#include <optional>
#include <qcustomplot.h>

#include "core/physical/area.hpp"
#include "core/physical/tech.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

double valueOf(const std::vector<Breakdown>& items, const std::string& name) {
    for (const auto& b : items)
        if (b.name == name) return std::isfinite(b.value) ? b.value : 0.0;
    return 0.0;
}

QColor componentColor(size_t i) {
    // Okabe-Ito, then lighter variants: distinct on light and dark backgrounds.
    static const QColor base[] = {QColor(0, 114, 178), QColor(230, 159, 0), QColor(0, 158, 115), QColor(204, 121, 167),
                                  QColor(86, 180, 233), QColor(213, 94, 0), QColor(240, 228, 66), QColor(120, 120, 120)};
    const QColor c = base[i % std::size(base)];
    return i < std::size(base) ? c : c.lighter(140);
}

const QColor kLimitColor(200, 40, 40);

// A chip's area without a workload: the same estimate the evaluation makes (default technology).
// One compute die and, where the package has them, one I/O die: each die against the reticle.
struct Area {
    std::vector<Breakdown> die;
    std::vector<Breakdown> ioDie;  // empty without separate I/O dies
};
std::optional<Area> areaOf(const ChipSpec* chip) {
    if (!chip) return std::nullopt;
    const auto& tech = default_tech();
    if (!tech) return std::nullopt;
    auto a = estimate_area(*chip, *tech);
    if (!a) return std::nullopt;
    return Area{a->die_items(false), a->die_items(true)};
}

}  // namespace

PhysicalView::PhysicalView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), plot_(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("physicalView"));
    plot_->setObjectName(QStringLiteral("physicalPlot"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_, 1);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);

    plot_->plotLayout()->clear();
    plot_->setAutoAddPlottableToLegend(false);
    plot_->legend = nullptr;
    auto* margins = new QCPMarginGroup(plot_);
    int row = 0;
    for (Chart* chart : {&area_, &power_, &cost_}) {
        chart->rect = new QCPAxisRect(plot_);
        plot_->plotLayout()->addElement(row, 0, chart->rect);
        chart->rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        QCPAxis* key = chart->rect->axis(QCPAxis::atLeft);
        key->setTicker(QSharedPointer<QCPAxisTickerText>::create());
        key->setRangeReversed(true);  // the design on top
        key->setTickLength(0, 0);
        key->grid()->setVisible(false);
        chart->rect->axis(QCPAxis::atBottom)->ticker()->setTickCount(5);
        chart->limit = new QCPItemStraightLine(plot_);
        chart->limit->setClipAxisRect(chart->rect);
        chart->limit->point1->setAxes(chart->rect->axis(QCPAxis::atBottom), key);
        chart->limit->point2->setAxes(chart->rect->axis(QCPAxis::atBottom), key);
        chart->limit->setPen(QPen(kLimitColor, 1.5, Qt::DashLine));
        // The line's legend entry: a graph without data, drawn in the legend with the line's pen.
        chart->limitKey = new QCPGraph(chart->rect->axis(QCPAxis::atBottom), key);
        chart->limitKey->setPen(chart->limit->pen());
        chart->limitKey->setLineStyle(QCPGraph::lsLine);
        chart->note = new QCPItemText(plot_);
        chart->note->setClipAxisRect(chart->rect);
        chart->note->position->setAxisRect(chart->rect);
        chart->note->position->setType(QCPItemPosition::ptAxisRectRatio);
        chart->note->position->setCoords(0.5, 0.5);
        chart->note->setPositionAlignment(Qt::AlignCenter);
        chart->note->setVisible(false);
        // The legend beside the chart (below it on a narrow view: placeLegends).
        chart->legend = new QCPLegend;
        plot_->plotLayout()->addElement(row, 1, chart->legend);
        chart->legend->setLayer(QStringLiteral("legend"));
        chart->legend->setFont(small);
        chart->legend->setIconSize(10, 8);
        chart->legend->setRowSpacing(0);
        chart->legend->setColumnSpacing(6);
        chart->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
        chart->legend->setMargins(QMargins(4, 2, 2, 2));
        // An empty legend's own maximum size is its margins, which would cap its row, and the chart
        // beside it, at a few pixels (a cost chart with nothing to list): no maximum of its own.
        // (Below QWIDGETSIZE_MAX with the margins the layout adds to it, so that it counts.)
        chart->legend->setMaximumSize(QWIDGETSIZE_MAX / 2, QWIDGETSIZE_MAX / 2);
        ++row;
    }
    plot_->plotLayout()->setColumnStretchFactor(1, 0.001);
    legendsBeside_ = true;
    area_.title = tr("Area per die (mm\u00B2)");
    power_.title = tr("Power per chip on this workload (W)");
    cost_.title = tr("Cost per million tokens (USD), owner's cost");
    for (Chart* chart : {&area_, &power_, &cost_}) chart->rect->axis(QCPAxis::atBottom)->setLabel(chart->title);
    // The titles follow the charts' widths as laid out: wrapped, then laid out again in the same
    // redraw (the charts' widths do not depend on their titles, so one more pass settles it).
    connect(plot_, &QCustomPlot::afterLayout, this, [this] {
        if (!fitTitles()) return;
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
            plot_->plotLayout()->update(phase);
    });
    applyPalette(plot_);
    styleLegends();
    installExportMenu(plot_, QStringLiteral("area-power"));

    setPlot(plot_);
    refreshOn(&DesignDocument::stateChanged);
    refreshNow();
}

void PhysicalView::styleLegends() {
    // Colours from the palette, fonts from the widget's (which zoom and presentation scale).
    const QColor text = palette().color(QPalette::WindowText);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (Chart* chart : {&area_, &power_, &cost_}) {
        if (!chart->legend) return;  // a font change while the view is being built
        chart->legend->setBrush(Qt::NoBrush);
        chart->legend->setBorderPen(Qt::NoPen);
        chart->legend->setTextColor(text);
        chart->legend->setFont(small);
        for (int i = 0; i < chart->legend->itemCount(); ++i) {
            QCPAbstractLegendItem* item = chart->legend->item(i);  // a wrapped grid has empty cells
            if (!item) continue;
            item->setTextColor(text);
            item->setFont(small);
        }
        chart->note->setColor(text);
    }
}

void PhysicalView::changeEvent(QEvent* event) {
    DocumentView::changeEvent(event);
    if (event->type() == QEvent::FontChange && area_.legend) {
        styleLegends();
        placeLegends();
        fitTicks();
        requestReplot(plot_);
    }
}

void PhysicalView::paletteChanged() {
    DocumentView::paletteChanged();
    styleLegends();
    requestReplot(plot_);
}

void PhysicalView::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    placeLegends();
    fitTicks();
    requestReplot(plot_);
}

void PhysicalView::fitTo(QSize size) {
    placeLegends(size);
    plot_->plotLayout()->setOuterRect(QRect(QPoint(0, 0), size));
    plot_->plotLayout()->update(QCPLayoutElement::upLayout);
    fitTicks(size.width());
    if (fitTitles()) {
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
            plot_->plotLayout()->update(phase);
    }
}

bool PhysicalView::fitTitles() {
    bool changed = false;
    for (Chart* chart : {&area_, &power_, &cost_}) {
        QCPAxis* axis = chart->rect->axis(QCPAxis::atBottom);
        const int available = chart->rect->width();
        if (available <= 0) continue;
        fitNote(*chart);
        const QString label = wrappedText(chart->title, axis->labelFont(), available);
        if (label != axis->label()) {
            axis->setLabel(label);
            changed = true;
        }
    }
    return changed;
}

void PhysicalView::fitNote(Chart& chart) {
    // Wrapped to the chart's width, as many lines as its height holds, the last one elided.
    const int width = chart.rect->width() - 12;
    QString text = chart.noteText;
    if (width > 0 && !text.isEmpty()) {
        const QFontMetrics fm(chart.note->font());
        QStringList lines = wrappedText(chart.noteText, chart.note->font(), width).split(QLatin1Char('\n'));
        const auto fit = static_cast<qsizetype>(std::max(1, (chart.rect->height() - 4) / std::max(1, fm.lineSpacing())));
        if (lines.size() > fit) {
            lines = lines.mid(0, fit);
            lines.last() = fm.elidedText(lines.last() + QStringLiteral(" \u2026"), Qt::ElideRight, width);
        }
        text = lines.join(QLatin1Char('\n'));
    }
    if (text != chart.note->text()) chart.note->setText(text);
}

void PhysicalView::placeLegends(QSize size) {
    // Beside the charts while they keep at least 60 % of the width; below them otherwise.
    int widest = 0;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics fm(small);
    for (Chart* chart : {&area_, &power_, &cost_})
        for (const QString& name : std::as_const(chart->legendNames)) widest = std::max(widest, fm.horizontalAdvance(name));
    const int itemWidth = widest + 10 + 6 + 8;  // icon, its gap, the column gap
    if (size.isEmpty()) size = plot_->size();
    const int width = std::max(1, size.width());
    auto columnsBeside = [](const Chart& c) { return c.legendNames.size() > 6 ? 2 : 1; };
    int besideWidth = 0;
    int belowHeight = 0;  // three charts (ticks, a bar each, the axis title) with their legends below
    const int belowColumns = std::max(1, (width - 16) / std::max(1, itemWidth));
    for (Chart* chart : {&area_, &power_, &cost_}) {
        besideWidth = std::max(besideWidth, columnsBeside(*chart) * itemWidth);
        const int rows = (static_cast<int>(chart->legendNames.size()) + belowColumns - 1) / belowColumns;
        // A legend row is as tall as its items are (icon or text, with their margins), plus the
        // legend's row spacing; the legend adds its own margins.
        const QCPLegend* legend = chart->legend;
        const int rowHeight = legend->itemCount() > 0
                                  ? legend->item(0)->minimumOuterSizeHint().height() + legend->rowSpacing()
                                  : fm.height();
        belowHeight += rows * rowHeight + legend->margins().top() + legend->margins().bottom() +
                       4 * QFontMetrics(font()).height() + 20;
    }
    // Below the charts on a narrow view; beside them when there is not the height for that either.
    const bool beside = besideWidth <= width * 2 / 5 || (belowHeight * 5 / 4 > size.height() && besideWidth <= width * 3 / 5);
    QCPLayoutGrid* layout = plot_->plotLayout();
    if (beside != legendsBeside_) {
        legendsBeside_ = beside;
        for (Chart* chart : {&area_, &power_, &cost_}) {
            layout->take(chart->legend);
            layout->take(chart->rect);
        }
        layout->simplify();
        int row = 0;
        for (Chart* chart : {&area_, &power_, &cost_}) {
            layout->addElement(row, 0, chart->rect);
            layout->addElement(beside ? row : row + 1, beside ? 1 : 0, chart->legend);
            layout->setRowStretchFactor(row, 1);
            if (!beside) layout->setRowStretchFactor(row + 1, 0.001);
            row += beside ? 1 : 2;
        }
        if (beside) layout->setColumnStretchFactor(1, 0.001);
    }
    for (Chart* chart : {&area_, &power_, &cost_}) {
        const int columns = beside ? columnsBeside(*chart) : belowColumns;
        if (chart->legend->wrap() != columns) {
            chart->legend->setWrap(columns);
            chart->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flows the items
        }
    }
}

void PhysicalView::fitTicks(int width) {
    for (Chart* chart : {&area_, &power_, &cost_}) {
        const int length = width > 0 ? width * 2 / 3 : chart->rect->width() > 0 ? chart->rect->width() : plot_->width() * 2 / 3;
        fitLinearTicks(chart->rect->axis(QCPAxis::atBottom), length);
    }
}

void PhysicalView::refresh() {
    const auto& result = doc_->evaluation();
    const auto* base = doc_->baselineEvaluation();
    const bool baseOk = base && base->ok();
    const ChipSpec* baseChip = doc_->referenceChip(doc_->state().baseline_id);
    const QString baseName = baseChip ? qtext(baseChip->name) : qtext(doc_->state().baseline_id);

    // rows: (label, breakdown, scale applied to each component)
    struct Row {
        QString label;
        const std::vector<Breakdown>* items;
        double scale;
    };
    auto fill = [&](Chart& chart, const std::vector<Row>& rows, double limit, const QString& limitText,
                    const QString& note) {
        std::vector<std::string> names;
        for (const auto& r : rows)
            for (const auto& b : *r.items)
                if (std::find(names.begin(), names.end(), b.name) == names.end()) names.push_back(b.name);
        QStringList legendNames;
        for (const auto& n : names) legendNames << trCore("Breakdown", n);
        if (limit > 0) legendNames << limitText;
        const bool relist = legendNames != chart.legendNames;
        if (relist) chart.legend->clearItems();  // before any bar it names is removed
        while (chart.bars.size() > names.size()) {
            plot_->removePlottable(chart.bars.back());
            chart.bars.pop_back();
        }
        while (chart.bars.size() < names.size()) {
            auto* b = new QCPBars(chart.rect->axis(QCPAxis::atLeft), chart.rect->axis(QCPAxis::atBottom));
            b->setWidth(0.6);
            b->setPen(Qt::NoPen);
            b->setAntialiased(false);
            if (!chart.bars.empty()) b->moveAbove(chart.bars.back());
            chart.bars.push_back(b);
        }
        QVector<double> keys;
        QVector<QString> labels;
        for (size_t r = 0; r < rows.size(); ++r) {
            keys << static_cast<double>(r + 1);
            labels << rows[r].label;
        }
        double maxTotal = 0;
        std::vector<double> totals(rows.size(), 0.0);
        for (size_t i = 0; i < names.size(); ++i) {
            QVector<double> values;
            for (size_t r = 0; r < rows.size(); ++r) {
                const double v = valueOf(*rows[r].items, names[i]) * rows[r].scale;
                values << v;
                totals[r] += v;
            }
            chart.bars[i]->setName(trCore("Breakdown", names[i]));
            chart.bars[i]->setBrush(componentColor(i));
            chart.bars[i]->setData(keys, values, true);
        }
        for (double t : totals) maxTotal = std::max(maxTotal, t);
        chart.limitKey->setName(limitText);
        if (relist) {
            chart.legendNames = legendNames;
            for (QCPBars* b : chart.bars) chart.legend->addItem(newLegendItem(chart.legend, b));
            if (limit > 0) chart.legend->addItem(newLegendItem(chart.legend, chart.limitKey));
            styleLegends();
        }
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(chart.rect->axis(QCPAxis::atLeft)->ticker());
        ticker->clear();
        ticker->addTicks(keys, labels);
        chart.rect->axis(QCPAxis::atLeft)->setRange(0.4, static_cast<double>(std::max<size_t>(rows.size(), 1)) + 0.6);
        chart.limit->setVisible(limit > 0);
        if (limit > 0) {
            chart.limit->point1->setCoords(limit, 0);
            chart.limit->point2->setCoords(limit, 1);
            maxTotal = std::max(maxTotal, limit);
        }
        chart.note->setVisible(!note.isEmpty());
        chart.noteText = note;
        fitNote(chart);
        chart.rect->axis(QCPAxis::atBottom)->setRange(0, maxTotal > 0 ? maxTotal * 1.08 : 1.0);
    };

    const QString reticleText = tr("reticle limit %1 mm\u00B2").arg(kReticleMm2);
    const QString tdpText = tr("TDP %1 W").arg(doc_->chip().power.tdp_w);
    // Die area does not depend on the workload: both chips' dies from their parameters, one bar per die
    // kind, so one reticle line applies to every bar.
    const auto designArea = areaOf(&doc_->chip());
    const auto baseArea = areaOf(baseChip);
    auto fillArea = [&] {
        std::vector<Row> area;
        auto add = [&](const QString& name, const std::optional<Area>& a) {
            if (!a) return;
            area.push_back({name, &a->die, 1.0});
            if (!a->ioDie.empty()) area.push_back({tr("%1 I/O die").arg(name), &a->ioDie, 1.0});
        };
        add(tr("Design"), designArea);
        add(baseName, baseArea);
        fill(area_, area, kReticleMm2, reticleText, area.empty() ? tr("The chip's area cannot be estimated") : QString());
    };
    if (result.ok()) {
        const PhysicalResult& ph = result->physical;
        std::vector<Row> power{{tr("Design"), &ph.power_w_breakdown, 1.0}};
        if (baseOk) power.push_back({baseName, &base->value().physical.power_w_breakdown, 1.0});
        fillArea();
        fill(power_, power, doc_->chip().power.tdp_w, tdpText, {});
        // Each chip-hour item over the tokens the chip serves in that hour: the bars add up to $/M tokens.
        auto perToken = [](const PhysicalResult& p) {
            return p.tco_usd_per_hour > 0 ? p.cost_per_million_tokens_usd / p.tco_usd_per_hour : 0.0;
        };
        std::vector<Row> cost;
        if (ph.cost_per_million_tokens_usd > 0) cost.push_back({tr("Design"), &ph.cost_usd_per_hour, perToken(ph)});
        if (baseOk && base->value().physical.cost_per_million_tokens_usd > 0)
            cost.push_back({baseName, &base->value().physical.cost_usd_per_hour, perToken(base->value().physical)});
        fill(cost_, cost, 0, {}, cost.empty() ? tr("No cost per token: no tokens served") : QString());
    } else {
        fillArea();
        fill(power_, {}, doc_->chip().power.tdp_w, tdpText, tr("No power: the workload does not run on the design"));
        fill(cost_, {}, 0, {}, tr("No cost: the workload does not run on the design"));
    }
    placeLegends();
    fitTicks();
    requestReplot(plot_);
}

}  // namespace scoville
