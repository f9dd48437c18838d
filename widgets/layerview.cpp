#include "widgets/layerview.hpp"

#include <QResizeEvent>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

bool showsPhase(PhaseSelect select, Phase phase) {
    return select == PhaseSelect::both || (select == PhaseSelect::prefill) == (phase == Phase::prefill);
}

// Axis unit for a phase: the largest layer time decides between s, ms and µs.
std::pair<double, QString> timeUnit(double maxSeconds) {
    if (maxSeconds >= 1.0) return {1.0, QStringLiteral("s")};
    if (maxSeconds >= 1e-3) return {1e3, QStringLiteral("ms")};
    return {1e6, QStringLiteral("\u00B5s")};
}

}  // namespace

LayerView::LayerView(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent), plot_(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("layerView"));
    plot_->setObjectName(QStringLiteral("layerPlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    plot_->plotLayout()->clear();
    const QString names[4] = {tr("compute-bound ops"), tr("memory-bound ops"), tr("network-bound ops"), tr("per-op overhead")};
    for (int p = 0; p < 2; ++p) {
        auto& pp = phases_[static_cast<size_t>(p)];
        pp.rect = new QCPAxisRect(plot_);
        plot_->plotLayout()->addElement(p, 0, pp.rect);
        pp.rect->axis(QCPAxis::atBottom)->setLabel(p == 0 ? QString() : tr("Layer (last: LM head)"));
        auto ticker = QSharedPointer<QCPAxisTicker>::create();
        ticker->setTickStepStrategy(QCPAxisTicker::tssReadability);
        pp.rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        for (QCPAxis* axis : pp.rect->axes()) axis->setLayer(QStringLiteral("axes"));
        pp.rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
        pp.rect->axis(QCPAxis::atLeft)->ticker()->setTickStepStrategy(QCPAxisTicker::tssMeetTickCount);
        QCPBars* below = nullptr;
        for (int s = 0; s < 4; ++s) {
            auto* bars = new QCPBars(pp.rect->axis(QCPAxis::atBottom), pp.rect->axis(QCPAxis::atLeft));
            bars->setName(names[s]);
            const QColor c = s < 3 ? boundColor(static_cast<Bound>(s)) : overheadColor();
            bars->setBrush(c);
            bars->setPen(Qt::NoPen);
            bars->setWidth(0.8);
            bars->setAntialiased(false);
            if (below) bars->moveAbove(below);
            below = bars;
            pp.bars[static_cast<size_t>(s)] = bars;
            if (p == 1) bars->removeFromLegend();
        }
        pp.highlight = new QCPItemRect(plot_);
        pp.highlight->setClipAxisRect(pp.rect);
        pp.highlight->topLeft->setAxes(pp.rect->axis(QCPAxis::atBottom), pp.rect->axis(QCPAxis::atLeft));
        pp.highlight->bottomRight->setAxes(pp.rect->axis(QCPAxis::atBottom), pp.rect->axis(QCPAxis::atLeft));
        // The ratio coordinate is of the position's own axis rect, which is the first one (prefill)
        // unless set: without this the decode highlight is drawn over the prefill chart.
        pp.highlight->topLeft->setAxisRect(pp.rect);
        pp.highlight->bottomRight->setAxisRect(pp.rect);
        pp.highlight->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        pp.highlight->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        pp.highlight->setVisible(false);
    }
    // Legend above both plots, in one row.
    plot_->legend = new QCPLegend;
    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, legendRow);
    legendRow->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->legend->setRowSpacing(1);
    plot_->legend->setLayer(QStringLiteral("legend"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(12, 10);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    for (int s = 0; s < 4; ++s) plot_->legend->addItem(newLegendItem(plot_->legend, phases_[0].bars[static_cast<size_t>(s)]));
    plot_->setAutoAddPlottableToLegend(false);
    note_ = new QCPItemText(plot_);
    note_->setObjectName(QStringLiteral("layerNote"));
    // Drawn over the viewport, with no axis rect as its parent: the phases' rects are hidden with
    // it shown, and a hidden parent would hide it too.
    note_->setClipAxisRect(nullptr);
    note_->setClipToAxisRect(false);
    note_->position->setType(QCPItemPosition::ptViewportRatio);
    note_->position->setCoords(0.5, 0.5);
    note_->setPositionAlignment(Qt::AlignCenter);
    note_->setVisible(false);
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("layers"));

    connect(plot_, &QCustomPlot::mousePress, this, &LayerView::onMousePress);
    setPlot(plot_);
    refreshOnEvaluatedState();
    connect(doc_, &DesignDocument::selectionChanged, this, &LayerView::refreshSelection);
    refreshNow();
}

QCPBars* LayerView::bars(Phase phase, int series) const {
    return phases_[static_cast<size_t>(phase)].bars[static_cast<size_t>(series)];
}

void LayerView::refresh() {
    const auto& result = doc_->evaluation();
    const PhaseSelect select = doc_->state().phase;
    for (int p = 0; p < 2; ++p) {
        auto& pp = phases_[static_cast<size_t>(p)];
        const auto phase = static_cast<Phase>(p);
        const bool shown = result.ok() && showsPhase(select, phase);
        pp.rect->setVisible(shown);
        plot_->plotLayout()->setRowStretchFactor(p + 1, shown ? 1.0 : 0.001);
        for (auto* b : pp.bars) {
            b->setVisible(shown);
            b->data()->clear();
        }
        if (!shown) continue;
        const PhaseResult& pr = phase == Phase::prefill ? result->prefill : result->decode;
        // Per template: seconds by bound (op time less its overhead) and overhead.
        std::vector<std::array<double, 4>> perTemplate(pr.templates.size(), std::array<double, 4>{});
        double maxLayer = 0;
        for (size_t t = 0; t < pr.templates.size(); ++t) {
            auto& sums = perTemplate[t];
            for (const OpResult& op : pr.templates[t].ops) {
                sums[static_cast<size_t>(op.bound)] += std::max(0.0, op.time_s - op.overhead_s);
                sums[3] += op.overhead_s;
            }
            maxLayer = std::max(maxLayer, sums[0] + sums[1] + sums[2] + sums[3]);
        }
        const auto [scale, unit] = timeUnit(maxLayer);
        pp.scale = scale;
        const int n = static_cast<int>(pr.layer_count());
        QVector<double> keys(n);
        std::array<QVector<double>, 4> values;
        for (auto& v : values) v.resize(n);
        for (int i = 0; i < n; ++i) {
            keys[i] = i;
            const int t = pr.layer_template[static_cast<size_t>(i)];
            if (t < 0 || static_cast<size_t>(t) >= perTemplate.size()) continue;
            for (size_t s = 0; s < 4; ++s) values[s][i] = perTemplate[static_cast<size_t>(t)][s] * scale;
        }
        for (size_t s = 0; s < 4; ++s) pp.bars[s]->setData(keys, values[s], true);
        QCPAxis* y = pp.rect->axis(QCPAxis::atLeft);
        y->setLabel(tr("%1 (%2)").arg(phase == Phase::prefill ? tr("Prefill") : tr("Decode"), unit));
        y->setRange(0, std::max(maxLayer * scale * 1.08, 1e-9));
        pp.rect->axis(QCPAxis::atBottom)->setRange(-0.7, std::max(n, 1) - 0.3);
    }
    // Without a result: no charts and no legend, the reason in their place.
    plot_->legend->setVisible(result.ok());
    note_->setVisible(!result.ok());
    if (!result.ok()) {
        note_->setFont(font());
        note_->setColor(palette().color(QPalette::WindowText));
        fitNote();
    }
    placeHighlight();
    requestReplot(plot_);
}

void LayerView::fitNote(int width) {
    note_->setText(wrappedText(tr("No layers: the workload does not run on the design"), note_->font(),
                               std::max(60, (width > 0 ? width : plot_->width()) - 24)));
}

void LayerView::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    if (note_->visible()) {
        fitNote(event->size().width());  // the plot fills the view, before its layout has resized it
        requestReplot(plot_);
    }
}

void LayerView::refreshSelection() {
    placeHighlight();
    requestReplot(plot_);
}

void LayerView::placeHighlight() {
    const LayerSelection& sel = doc_->selection();
    for (int p = 0; p < 2; ++p) {
        auto& pp = phases_[static_cast<size_t>(p)];
        const bool on = sel.layer >= 0 && static_cast<int>(sel.phase) == p && pp.rect->visible();
        pp.highlight->setVisible(on);
        if (on) {
            QColor c = palette().color(QPalette::Highlight);
            pp.highlight->setPen(QPen(c, 1.5));
            c.setAlpha(50);
            pp.highlight->setBrush(c);
            pp.highlight->topLeft->setCoords(sel.layer - 0.5, 0);
            pp.highlight->bottomRight->setCoords(sel.layer + 0.5, 1);
        }
    }
}

void LayerView::onMousePress(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const auto& result = doc_->evaluation();
    if (!result.ok()) return;
    for (int p = 0; p < 2; ++p) {
        auto& pp = phases_[static_cast<size_t>(p)];
        if (!pp.rect->visible() || !pp.rect->rect().contains(event->pos())) continue;
        const auto phase = static_cast<Phase>(p);
        const PhaseResult& pr = phase == Phase::prefill ? result->prefill : result->decode;
        const int layer = static_cast<int>(std::lround(pp.rect->axis(QCPAxis::atBottom)->pixelToCoord(event->pos().x())));
        if (layer < 0 || layer >= static_cast<int>(pr.layer_count())) return;
        doc_->setSelection({phase, layer, -1});
        return;
    }
}

}  // namespace scoville
