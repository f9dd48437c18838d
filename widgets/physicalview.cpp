#include "widgets/physicalview.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <qcustomplot.h>

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

}  // namespace

PhysicalView::PhysicalView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), plot_(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("physicalView"));
    plot_->setObjectName(QStringLiteral("physicalPlot"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(plot_, 1);
    auto* legends = new QVBoxLayout;
    layout->addLayout(legends);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (Chart* chart : {&area_, &power_, &cost_}) {
        chart->legend = new QLabel(this);
        chart->legend->setObjectName(chart == &area_    ? QStringLiteral("areaLegend")
                                     : chart == &power_ ? QStringLiteral("powerLegend")
                                                        : QStringLiteral("costLegend"));
        chart->legend->setTextFormat(Qt::RichText);
        chart->legend->setFont(small);
        chart->legend->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        chart->legend->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
        legends->addWidget(chart->legend, 1);
    }

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
        chart->limit->setPen(QPen(QColor(200, 40, 40), 1.5, Qt::DashLine));
        chart->limitLabel = new QCPItemText(plot_);
        chart->limitLabel->setClipAxisRect(chart->rect);
        chart->limitLabel->setClipToAxisRect(true);
        chart->limitLabel->position->setAxes(chart->rect->axis(QCPAxis::atBottom), key);
        chart->limitLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        chart->limitLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        chart->limitLabel->setColor(QColor(200, 40, 40));
        chart->limitLabel->setFont(font());
        ++row;
    }
    area_.rect->axis(QCPAxis::atBottom)->setLabel(tr("Area per die (mm\u00B2)"));
    power_.rect->axis(QCPAxis::atBottom)->setLabel(tr("Power per chip on this workload (W)"));
    cost_.rect->axis(QCPAxis::atBottom)->setLabel(tr("Cost per million tokens (USD), owner's cost"));
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("area-power"));

    setPlot(plot_);
    refreshOn(&DesignDocument::stateChanged);
    refreshNow();
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
    auto fill = [&](Chart& chart, const std::vector<Row>& rows, double limit, const QString& limitText) {
        std::vector<std::string> names;
        for (const auto& r : rows)
            for (const auto& b : *r.items)
                if (std::find(names.begin(), names.end(), b.name) == names.end()) names.push_back(b.name);
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
        // Two columns once the list is long, so it fits beside a short chart.
        const size_t columns = names.size() > 6 ? 2 : 1;
        QString legend = QStringLiteral("<table cellspacing='0' cellpadding='0'>");
        for (size_t i = 0; i < names.size(); ++i) {
            if (i % columns == 0) legend += QStringLiteral("<tr>");
            legend += QStringLiteral("<td><span style='color:%1'>\u25A0</span>&nbsp;%2&nbsp;&nbsp;</td>")
                          .arg(componentColor(i).name(), trCore("Breakdown", names[i]).toHtmlEscaped());
            if (i % columns == columns - 1 || i + 1 == names.size()) legend += QStringLiteral("</tr>");
        }
        legend += QStringLiteral("</table>");
        if (chart.legend->text() != legend) chart.legend->setText(legend);
        auto ticker = qSharedPointerCast<QCPAxisTickerText>(chart.rect->axis(QCPAxis::atLeft)->ticker());
        ticker->clear();
        ticker->addTicks(keys, labels);
        chart.rect->axis(QCPAxis::atLeft)->setRange(0.4, static_cast<double>(rows.size()) + 0.6);
        chart.limit->setVisible(limit > 0);
        chart.limitLabel->setVisible(limit > 0);
        if (limit > 0) {
            chart.limit->point1->setCoords(limit, 0);
            chart.limit->point2->setCoords(limit, 1);
            chart.limitLabel->position->setCoords(limit, 0.0);
            chart.limitLabel->setText(limitText + QLatin1Char(' '));
            maxTotal = std::max(maxTotal, limit);
        }
        chart.rect->axis(QCPAxis::atBottom)->setRange(0, maxTotal > 0 ? maxTotal * 1.08 : 1.0);
    };

    static const std::vector<Breakdown> kNone;
    if (result.ok()) {
        const PhysicalResult& ph = result->physical;
        // Package components scaled to the largest die, so one reticle line applies to every bar.
        auto perDie = [](const PhysicalResult& p) {
            return p.package_area_mm2 > 0 ? p.die_area_mm2 / p.package_area_mm2 : 1.0;
        };
        std::vector<Row> area{{tr("Design"), &ph.area_mm2, perDie(ph)}};
        std::vector<Row> power{{tr("Design"), &ph.power_w_breakdown, 1.0}};
        if (baseOk) {
            area.push_back({baseName, &base->value().physical.area_mm2, perDie(base->value().physical)});
            power.push_back({baseName, &base->value().physical.power_w_breakdown, 1.0});
        }
        fill(area_, area, kReticleMm2, tr("reticle %1 mm\u00B2").arg(kReticleMm2));
        fill(power_, power, doc_->chip().power.tdp_w, tr("TDP %1 W").arg(doc_->chip().power.tdp_w));
        // Each chip-hour item over the tokens the chip serves in that hour: the bars add up to $/M tokens.
        auto perToken = [](const PhysicalResult& p) {
            return p.tco_usd_per_hour > 0 ? p.cost_per_million_tokens_usd / p.tco_usd_per_hour : 0.0;
        };
        std::vector<Row> cost;
        if (ph.cost_per_million_tokens_usd > 0) cost.push_back({tr("Design"), &ph.cost_usd_per_hour, perToken(ph)});
        if (baseOk && base->value().physical.cost_per_million_tokens_usd > 0)
            cost.push_back({baseName, &base->value().physical.cost_usd_per_hour, perToken(base->value().physical)});
        fill(cost_, cost, 0, {});
    } else {
        fill(area_, {}, 0, {});
        fill(power_, {}, 0, {});
        fill(cost_, {}, 0, {});
    }
    requestReplot(plot_);
}

}  // namespace scoville
