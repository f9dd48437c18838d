#include "widgets/rooflineview.hpp"

#include <QFontMetricsF>
#include <QMenu>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

constexpr int kOpGraphs = 6;         // {prefill, decode} x {compute, memory, network}
constexpr int kReferenceGraph = 6;
constexpr int kFirstCeilingGraph = 7;


int opGraphIndex(Phase phase, Bound bound) { return (phase == Phase::prefill ? 0 : 3) + static_cast<int>(bound); }

bool showsPhase(PhaseSelect select, Phase phase) {
    return select == PhaseSelect::both || (select == PhaseSelect::prefill) == (phase == Phase::prefill);
}

bool positive(double v) { return std::isfinite(v) && v > 0; }

}  // namespace

RooflineView::RooflineView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), plot_(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("rooflineView"));
    plot_->setObjectName(QStringLiteral("rooflinePlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);

    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());  // one each: their counts differ
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    plot_->xAxis->setLabel(tr("Arithmetic intensity (FLOP/byte)"));
    plot_->yAxis->setLabel(tr("Attained TFLOP/s"));
    plot_->xAxis->setRange(0.1, 10000);
    plot_->yAxis->setRange(0.1, 100000);
    plot_->setNoAntialiasingOnDrag(true);

    plot_->setAutoAddPlottableToLegend(false);
    QCPLegend* oldLegend = plot_->legend;
    plot_->axisRect()->insetLayout()->take(oldLegend);
    delete oldLegend;
    plot_->legend = new QCPLegend;
    // Op points: shape by phase, colour by bound.
    for (int i = 0; i < kOpGraphs; ++i) {
        const Phase phase = i < 3 ? Phase::prefill : Phase::decode;
        const auto bound = static_cast<Bound>(i % 3);
        QCPGraph* g = plot_->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor c = boundColor(bound);
        g->setScatterStyle(QCPScatterStyle(phase == Phase::prefill ? QCPScatterStyle::ssTriangle : QCPScatterStyle::ssDisc,
                                           c, phase == Phase::prefill ? QColor(Qt::transparent) : c, 7));
        g->setPen(QPen(c, 1.5));
        g->setName(tr("%1, %2").arg(boundText(bound), phaseText(phase)));
    }
    QCPGraph* refs = plot_->addGraph();
    refs->setLineStyle(QCPGraph::lsNone);
    refs->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(seriesColor(5), 1.5), Qt::NoBrush, 9));
    refs->setName(tr("reference ridges"));

    // Legend above the plot, wrapped in rows, so it never hides points.
    legendRow_ = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, legendRow_);
    legendRow_->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(3);
    plot_->legend->setLayer(QStringLiteral("legend"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(12, 10);
    plot_->legend->setRowSpacing(0);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    applyPalette(plot_);

    plot_->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot_, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        QMenu menu(this);
        QAction* refsAction = menu.addAction(tr("Show reference ridge points"));
        refsAction->setCheckable(true);
        refsAction->setChecked(showReferences_);
        connect(refsAction, &QAction::toggled, this, &RooflineView::setShowReferences);
        menu.addAction(tr("Export..."), this, [this] { exportPlotInteractive(plot_, QStringLiteral("roofline"), this); });
        menu.exec(plot_->mapToGlobal(pos));
    });
    note_ = new QCPItemText(plot_);
    note_->setObjectName(QStringLiteral("rooflineNote"));
    note_->position->setType(QCPItemPosition::ptAxisRectRatio);
    note_->position->setCoords(0.5, 0.5);
    note_->setPositionAlignment(Qt::AlignCenter);
    note_->setFont(font());
    note_->setVisible(false);
    connect(plot_, &QCustomPlot::mouseMove, this, &RooflineView::onMouseMove);
    setPlot(plot_);
    refreshOnEvaluatedState();
    refreshNow();
}

void RooflineView::setShowReferences(bool show) {
    showReferences_ = show;
    refreshNow();
}

// Ceiling labels take their colour from the palette.
void RooflineView::paletteChanged() {
    applyPalette(plot_, palette());
    refreshNow();
}

// Log axes: a label per decade while they fit, else every second or third decade.
void RooflineView::fitTicks() {
    const QFontMetrics fm(plot_->xAxis->tickLabelFont());
    // A label's room: its widest form ("1e+04") and a gap; one and a half lines high. The log
    // ticker rounds its decade step down, so it may place half again as many ticks as asked.
    const double labelWidth = (fm.horizontalAdvance(QStringLiteral("1e+00")) + fm.averageCharWidth() * 2) * 1.5;
    const double labelHeight = fm.height() * 1.5 * 1.5;
    const QRect r = plot_->axisRect()->rect();
    const int width = r.width() > 0 ? r.width() : plot_->width() * 3 / 4;
    const int height = r.height() > 0 ? r.height() : plot_->height() * 3 / 4;
    plot_->xAxis->ticker()->setTickCount(std::clamp(static_cast<int>(width / labelWidth), 1, 10));
    plot_->yAxis->ticker()->setTickCount(std::clamp(static_cast<int>(height / labelHeight), 1, 10));
}

// Ceiling labels are merged by their distance in pixels, which the size decides.
void RooflineView::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    refreshIfVisible();
}

std::vector<QCPItemText*> RooflineView::ceilingLabels() const {
    std::vector<QCPItemText*> shown;
    for (QCPItemText* t : labels_)
        if (t->visible()) shown.push_back(t);
    return shown;
}

std::vector<QPointF> RooflineView::referencePoints() const {
    std::vector<QPointF> shown;
    for (const auto& r : refPoints_) shown.emplace_back(r.intensity, r.tflops);
    return shown;
}

QCPGraph* RooflineView::graphAt(int index) {
    while (plot_->graphCount() <= index) {
        QCPGraph* g = plot_->addGraph();
        g->removeFromLegend();
    }
    return plot_->graph(index);
}

void RooflineView::refresh() {
    points_.clear();
    refPoints_.clear();
    const auto& result = doc_->evaluation();
    const PhaseSelect select = doc_->state().phase;
    QVector<double> xs[kOpGraphs], ys[kOpGraphs];
    double xmin = 1e30, xmax = 0, ymin = 1e30, ymax = 0;
    auto extend = [&](double x, double y) {
        xmin = std::min(xmin, x);
        xmax = std::max(xmax, x);
        ymin = std::min(ymin, y);
        ymax = std::max(ymax, y);
    };

    int ceilingGraphs = 0;
    int labelCount = 0;
    // Ceiling labels go to the first of their candidate places where they cover no op point, no
    // other label and stay inside the plot (pixel positions: the axis rect is laid out first).
    std::vector<QRectF> taken;
    struct Place {
        double x, y;
        Qt::Alignment align;
    };
    auto label = [&](const std::vector<Place>& places, const QString& text, const QColor& color) {
        if (labelCount >= static_cast<int>(labels_.size())) {
            auto* item = new QCPItemText(plot_);
            item->setClipToAxisRect(true);
            item->setFont(font());
            labels_.push_back(item);
        }
        QCPItemText* item = labels_[static_cast<size_t>(labelCount++)];
        const QFontMetricsF fm(item->font());
        const QSizeF size(fm.horizontalAdvance(text) + 4, fm.height());
        const QRectF inside = QRectF(plot_->axisRect()->rect());
        auto rectAt = [&](const Place& p) {
            const QPointF at(plot_->xAxis->coordToPixel(p.x), plot_->yAxis->coordToPixel(p.y));
            QRectF r(at, size);
            if (p.align & Qt::AlignRight) r.moveRight(at.x());
            if (p.align & Qt::AlignBottom) r.moveBottom(at.y());
            return r;
        };
        // What a place covers: a point (an op or a reference chip's ridge) weighs most, then another
        // label, then leaving the plot; the first place that covers nothing wins, else the least bad.
        auto cost = [&](const QRectF& r) {
            int c = 0;
            for (const auto& pt : points_) {
                const QPointF at(plot_->xAxis->coordToPixel(pt.intensity), plot_->yAxis->coordToPixel(pt.tflops));
                if (r.adjusted(-4, -4, 4, 4).contains(at)) c += 100;
            }
            for (const auto& ref : refPoints_) {
                const QPointF at(plot_->xAxis->coordToPixel(ref.intensity), plot_->yAxis->coordToPixel(ref.tflops));
                if (r.adjusted(-5, -5, 5, 5).contains(at)) c += 100;
            }
            for (const QRectF& t : taken)
                if (t.intersects(r)) c += 10;
            if (!inside.contains(r)) c += 1;
            return c;
        };
        Place chosen = places.front();
        int best = std::numeric_limits<int>::max();
        for (const Place& p : places) {
            const int c = cost(rectAt(p));
            if (c < best) {
                best = c;
                chosen = p;
            }
            if (c == 0) break;
        }
        taken.push_back(rectAt(chosen));
        item->setVisible(true);
        item->position->setCoords(chosen.x, chosen.y);
        item->setPositionAlignment(chosen.align);
        item->setText(text);
        item->setColor(color);
    };

    if (result.ok()) {
        const Evaluation& ev = result.value();
        for (const PhaseResult* phase : {&ev.prefill, &ev.decode}) {
            if (!showsPhase(select, phase->phase)) continue;
            std::vector<int> layersPerTemplate(phase->templates.size(), 0);
            for (int t : phase->layer_template)
                if (t >= 0 && static_cast<size_t>(t) < layersPerTemplate.size()) ++layersPerTemplate[static_cast<size_t>(t)];
            for (size_t t = 0; t < phase->templates.size(); ++t) {
                for (const OpResult& op : phase->templates[t].ops) {
                    const double x = op.intensity();
                    const double y = op.time_s > 0 ? op.flops / op.time_s / 1e12 : 0;
                    if (!positive(x) || !positive(y)) continue;  // collectives have no FLOPs: not on a roofline
                    points_.push_back({x, y, phase->phase, std::string(phase->templates[t].kind),
                                       layersPerTemplate[t], op});
                    const int g = opGraphIndex(phase->phase, op.bound);
                    xs[g].push_back(x);
                    ys[g].push_back(y);
                    extend(x, y);
                }
            }
        }

        double peakMax = 0, bwMax = 0;
        for (const Ceiling& c : ev.ceilings) {
            if (!positive(c.value)) continue;
            (c.is_bandwidth ? bwMax : peakMax) = std::max(c.is_bandwidth ? bwMax : peakMax, c.value);
        }
        if (peakMax > 0) extend(peakMax / std::max(bwMax, 1e-9), peakMax);
        // Ceilings span at least three decades around the ridge so the roof reads as a roof.
        if (peakMax > 0 && bwMax > 0) {
            const double ridge = peakMax / bwMax;
            extend(ridge / 30, peakMax / 30);
            extend(ridge * 30, peakMax);
        }
        if (showReferences_) {
            QVector<double> rx, ry;
            for (const auto& id : doc_->state().reference_ids) {
                const auto* r = doc_->referenceEvaluation(id);
                if (!r || !r->ok()) continue;
                const auto p = static_cast<size_t>(doc_->state().scenario.activation_precision);
                const double peak = r->value().peak_tflops[p];
                const double bw = r->value().memory_tb_s;
                if (!positive(peak) || !positive(bw)) continue;
                rx.push_back(peak / bw);
                ry.push_back(peak);
                const ChipSpec* chip = doc_->referenceChip(id);
                refPoints_.push_back({peak / bw, peak, qtext(chip && !chip->name.empty() ? chip->name : id)});
                extend(peak / bw, peak);
            }
            graphAt(kReferenceGraph)->setData(rx, ry, true);
        } else {
            graphAt(kReferenceGraph)->data()->clear();
        }

        if (xmax > 0) {
            const double x0 = xmin / 3, x1 = xmax * 3;
            const QColor text = palette().color(QPalette::WindowText);
            // Ceilings of equal height (FP8 and INT8 on most chips) share one label.
            std::vector<std::pair<double, QString>> computeLabels, bandwidthLabels;
            for (const Ceiling& c : ev.ceilings) {
                if (c.is_bandwidth || !positive(c.value)) continue;
                QString name = trCore("Model", c.label);
                name.remove(QStringLiteral(" peak"));
                auto same = std::find_if(computeLabels.begin(), computeLabels.end(),
                                         [&](const auto& l) { return std::fabs(l.first / c.value - 1) < 0.02; });
                if (same != computeLabels.end()) same->second += QLatin1Char('/') + name;
                else computeLabels.emplace_back(c.value, name);
            }
            for (const Ceiling& c : ev.ceilings) {
                if (!positive(c.value)) continue;
                QCPGraph* g = graphAt(kFirstCeilingGraph + ceilingGraphs++);
                g->setVisible(true);
                QColor color = text;
                color.setAlpha(c.is_bandwidth ? 200 : 150);
                // Solid lines: a dashed pen is stroked dash by dash, which dominated the replot.
                // Bandwidth slopes are darker than the compute roofs; the highest of each is bolder.
                g->setPen(QPen(color, c.value == (c.is_bandwidth ? bwMax : peakMax) ? 2.0 : 1.0));
                g->setLineStyle(QCPGraph::lsLine);
                g->setScatterStyle(QCPScatterStyle::ssNone);
                if (c.is_bandwidth) {
                    const double xEnd = peakMax > 0 ? peakMax / c.value : x1;
                    g->setData({x0, xEnd}, {c.value * x0, c.value * xEnd}, true);
                    bandwidthLabels.emplace_back(c.value, tr("%1 %2").arg(trCore("Model", c.label), formatBytesPerSecond(c.value * 1e12)));
                } else {
                    const double xStart = bwMax > 0 ? c.value / bwMax : x0;
                    g->setData({xStart, x1}, {c.value, c.value}, true);
                }
            }
            plot_->xAxis->setRange(x0, x1);
            plot_->yAxis->setRange(ymin / 3, ymax * 3);
            // Roofs and slopes closer than a line of text share one label, so labels never overprint.
            auto byValue = [](const auto& a, const auto& b) { return a.first > b.first; };
            std::sort(computeLabels.begin(), computeLabels.end(), byValue);
            std::sort(bandwidthLabels.begin(), bandwidthLabels.end(), byValue);
            const double lineHeight = QFontMetricsF(font()).height();
            fitTicks();
            // Pixel distances need the axis rect at the new ranges (tick labels set the margins).
            plot_->plotLayout()->setOuterRect(plot_->viewport());
            for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
                plot_->plotLayout()->update(phase);
            for (const bool bandwidth : {false, true}) {
                const auto& labels = bandwidth ? bandwidthLabels : computeLabels;
                // Slopes are compared where their labels sit, at the left edge.
                const double xAt = x0 * 1.15;
                double lastPixel = -1e9;
                QString pending;
                double pendingValue = 0;
                auto flush = [&] {
                    if (pending.isEmpty()) return;
                    if (bandwidth) {
                        const double y = pendingValue * xAt;
                        // Above the slope at its left end; else further along it; else below it.
                        std::vector<Place> places{{xAt, y, Qt::AlignLeft | Qt::AlignBottom},
                                                  {xAt * 3, pendingValue * xAt * 3, Qt::AlignLeft | Qt::AlignBottom},
                                                  {xAt * 1.5, pendingValue * xAt * 1.5, Qt::AlignLeft | Qt::AlignTop}};
                        // Then further along the slope, below the ridge, above and below it.
                        const double ridgeX = peakMax > 0 ? peakMax / pendingValue : x1;
                        for (double x = xAt * 6; x < ridgeX / 3; x *= 2)
                            for (const Qt::Alignment v : {Qt::AlignBottom, Qt::AlignTop})
                                places.push_back({x, pendingValue * x, Qt::AlignLeft | v});
                        label(places, pending, text);
                    } else {
                        const QString t = pending + QStringLiteral(" PFLOP/s");
                        const double ridge = bwMax > 0 ? pendingValue / bwMax : x0;
                        // Above the roof at the right; below it at the right; above it by the ridge;
                        // then along the roof, right to left, above and below.
                        std::vector<Place> places{{x1 / 1.1, pendingValue, Qt::AlignRight | Qt::AlignBottom},
                                                  {x1 / 1.1, pendingValue, Qt::AlignRight | Qt::AlignTop},
                                                  {ridge * 1.3, pendingValue, Qt::AlignLeft | Qt::AlignBottom},
                                                  {ridge * 1.3, pendingValue, Qt::AlignLeft | Qt::AlignTop}};
                        for (double x = x1 / 2.2; x > ridge * 1.3; x /= 2)
                            for (const Qt::Alignment v : {Qt::AlignBottom, Qt::AlignTop})
                                places.push_back({x, pendingValue, Qt::AlignRight | v});
                        label(places, t, text);
                    }
                };
                for (const auto& [value, name] : labels) {
                    const double py = plot_->yAxis->coordToPixel(bandwidth ? value * xAt : value);
                    const QString part = bandwidth ? name
                                                   : name + QLatin1Char(' ') + QString::number(value / 1000, 'f', value >= 10000 ? 1 : 2);
                    if (!pending.isEmpty() && std::fabs(py - lastPixel) < lineHeight) {
                        pending += QStringLiteral(", ") + part;
                        continue;
                    }
                    flush();
                    pending = part;
                    pendingValue = value;
                    lastPixel = py;
                }
                flush();
            }
        }
    } else {
        graphAt(kReferenceGraph)->data()->clear();
    }
    // Without a result the axes stay, readable, with the reason in the middle.
    note_->setVisible(!result.ok());
    if (!result.ok()) {
        note_->setText(tr("No roofline: the workload does not run on the design"));
        note_->setColor(palette().color(QPalette::WindowText));
        fitTicks();
    }
    for (int g = 0; g < kOpGraphs; ++g) {
        plot_->graph(g)->setData(xs[g], ys[g], true);
        // Legend lists only what is on the plot.
        if (xs[g].isEmpty()) plot_->graph(g)->removeFromLegend();
        else plot_->graph(g)->addToLegend();
    }
    if (plot_->graph(kReferenceGraph)->dataCount() == 0) plot_->graph(kReferenceGraph)->removeFromLegend();
    else plot_->graph(kReferenceGraph)->addToLegend();
    // An empty legend would cap the column's width at its margins and squeeze the plot to a strip:
    // with nothing to list, its row leaves the layout.
    const bool listed = plot_->legend->itemCount() > 0;
    // Out of the layout it keeps its last place: hidden, so no empty box is drawn over the axes.
    plot_->legend->setVisible(listed);
    if (listed != (legendRow_->layout() != nullptr)) {
        if (listed) {
            plot_->plotLayout()->insertRow(0);
            plot_->plotLayout()->addElement(0, 0, legendRow_);
            plot_->plotLayout()->setRowStretchFactor(0, 0.001);
        } else {
            plot_->plotLayout()->take(legendRow_);
            plot_->plotLayout()->simplify();
        }
    }
    for (int g = kFirstCeilingGraph + ceilingGraphs; g < plot_->graphCount(); ++g) plot_->graph(g)->setVisible(false);
    for (size_t i = static_cast<size_t>(labelCount); i < labels_.size(); ++i) labels_[i]->setVisible(false);
    requestReplot(plot_);
}

void RooflineView::onMouseMove(QMouseEvent* event) {
    const QPointF pos = event->position();
    const Point* best = nullptr;
    double bestDist = 10.0 * 10.0;  // pixels, squared
    for (const auto& p : points_) {
        const double px = plot_->xAxis->coordToPixel(p.intensity);
        const double py = plot_->yAxis->coordToPixel(p.tflops);
        const double d = (px - pos.x()) * (px - pos.x()) + (py - pos.y()) * (py - pos.y());
        if (d < bestDist) {
            bestDist = d;
            best = &p;
        }
    }
    if (!best) {
        for (const auto& r : refPoints_) {
            const double px = plot_->xAxis->coordToPixel(r.intensity);
            const double py = plot_->yAxis->coordToPixel(r.tflops);
            if ((px - pos.x()) * (px - pos.x()) + (py - pos.y()) * (py - pos.y()) < 100) {
                QToolTip::showText(event->globalPosition().toPoint(),
                                   tr("<b>%1</b> ridge point: %2 FLOP/byte at %3 TFLOP/s (%4)")
                                       .arg(r.name, QString::number(r.intensity, 'g', 3), QString::number(r.tflops, 'g', 4),
                                            qtext(to_string(doc_->state().scenario.activation_precision))),
                                   plot_);
                return;
            }
        }
        QToolTip::hideText();
        return;
    }
    const OpResult& op = best->op;
    QString shape;
    if (op.m > 0) shape = tr("<br>shape (M×K)·(K×N): M=%1 N=%2 K=%3").arg(op.m).arg(op.n).arg(op.k);
    const QString text =
        tr("<b>%1</b> — %2, %3 layer (×%4)%5<br>"
           "FLOPs %6, bytes %7 (weights %8, activations %9, KV %10)<br>"
           "intensity %11 FLOP/byte, attained %12 TFLOP/s at %13<br>"
           "time %14: compute %15, memory %16, network %17 → <b>%18-bound</b>")
            .arg(qtext(op.name), phaseText(best->phase), trCore("Model", best->layerKind))
            .arg(best->layers)
            .arg(shape, formatSi(op.flops), formatBytes(op.bytes()),
                 formatBytes(op.weight_bytes), formatBytes(op.activation_bytes),
                 formatBytes(op.kv_bytes))
            .arg(QString::number(best->intensity, 'g', 3), QString::number(best->tflops, 'g', 3),
                 qtext(to_string(op.precision)),
                 formatSeconds(op.time_s), formatSeconds(op.compute_s), formatSeconds(op.memory_s),
                 formatSeconds(op.network_s), boundText(op.bound));
    QToolTip::showText(event->globalPosition().toPoint(), text, plot_);
}

}  // namespace scoville
