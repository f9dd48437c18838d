#include "widgets/frontierview.hpp"

#include <qcustomplot.h>
#include <QLabel>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

struct Input {
    QString name;
    bool design = false;
    DesignPoint point;
};

QColor lineColor(const FrontierView::Line& line, int index) {
    return line.design ? designColor() : seriesColor(index);
}

}  // namespace

FrontierView::FrontierView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), plot_(new QCustomPlot), debounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("frontierView"));
    pool_.setMaxThreadCount(1);
    plot_->setObjectName(QStringLiteral("frontierPlot"));
    plot_->setMinimumSize(260, 180);
    plot_->setMouseTracking(true);
    plot_->setAutoAddPlottableToLegend(false);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        axis->grid()->setSubGridVisible(true);
    }
    plot_->xAxis->setLabel(tr("Tokens/s per user (1 / mean TPOT) \u2192 more interactive"));
    plot_->yAxis->setLabel(tr("Tokens/s per chip"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(14, 8);
    // Bottom left: the fronts fall away to the right, and no front reaches there.
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    cloud_ = plot_->addGraph();
    cloud_->setLineStyle(QCPGraph::lsNone);
    QColor faint = designColor();
    faint.setAlpha(70);
    cloud_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, faint, faint, 3));
    now_ = plot_->addGraph();
    now_->setLineStyle(QCPGraph::lsNone);
    now_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCross, QPen(designColor(), 2.5), Qt::NoBrush, 12));
    now_->setName(tr("Design now"));
    now_->addToLegend();
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("frontier"));
    connect(plot_, &QCustomPlot::mouseMove, this, &FrontierView::hovered);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("frontierStatus"));
    status_->setWordWrap(true);
    status_->setText(
        tr("Each chip's front: the most tokens/s per chip at each speed per user, over the batch and the "
           "parallelisms the workload leaves open."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(status_);
    layout->addWidget(plot_, 1);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &FrontierView::start);
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & (DesignDocument::ChipPart | DesignDocument::WorkloadPart | DesignDocument::BaselinePart |
                     DesignDocument::ReferencesPart))
            refreshIfVisible();
    });
    setPlot(plot_);
}

FrontierView::~FrontierView() {
    pool_.waitForDone();
}

bool FrontierView::isComputing() const {
    return busy_ || debounce_->isActive();
}

void FrontierView::refresh() {
    updateNow();  // the operating point follows at once; the fronts a moment later
    debounce_->start();
}

void FrontierView::paletteChanged() {
    applyPalette(plot_, palette());
    requestReplot(plot_);
}

void FrontierView::start() {
    if (busy_) {
        again_ = true;
        return;
    }
    auto design = currentDesignPoint(*doc_);
    if (!design) {
        status_->setText(tr("No frontier: %1").arg(errorText(design.error())));
        return;
    }
    std::vector<Input> inputs;
    const ChipSpec& chip = doc_->chip();
    inputs.push_back(
        {tr("Design (%1)").arg(qtext(chip.name.empty() ? chip.id : chip.name)), true, design.value()});
    std::vector<std::string> ids;
    if (!doc_->state().baseline_id.empty()) ids.push_back(doc_->state().baseline_id);
    for (const auto& id : doc_->state().reference_ids)
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    for (const auto& id : ids) {
        const ChipSpec* ref = doc_->referenceChip(id);
        if (!ref) continue;
        DesignPoint p = design.value();
        p.chip = *ref;
        inputs.push_back({qtext(ref->name.empty() ? id : ref->name), false, std::move(p)});
    }
    busy_ = true;
    const int gen = ++generation_;
    std::function<std::vector<Line>()> work = [inputs = std::move(inputs)] {
        std::vector<Line> out;
        for (const Input& in : inputs) {
            Line line{in.name, in.design, std::nullopt, QString()};
            auto f = interactivity_frontier(in.point);
            if (f)
                line.frontier = std::move(f.value());
            else
                line.error = errorText(f.error());
            out.push_back(std::move(line));
        }
        return out;
    };
    std::function<void(std::vector<Line>&)> done = [this, gen](std::vector<Line>& lines) {
        busy_ = false;
        if (gen == generation_ && !again_) showResult(std::move(lines));
        if (again_) {
            again_ = false;
            start();
        }
    };
    runInBackground<std::vector<Line>>(&pool_, this, std::move(work), std::move(done));
}

void FrontierView::showResult(std::vector<Line> lines) {
    lines_ = std::move(lines);
    for (QCPGraph* g : fronts_) plot_->removeGraph(g);
    fronts_.clear();
    cloud_->data()->clear();
    double xlo = std::numeric_limits<double>::infinity(), xhi = 0, ylo = xlo, yhi = 0;
    auto extend = [&](double x, double y) {
        if (!(x > 0) || !(y > 0) || !std::isfinite(x) || !std::isfinite(y)) return;
        xlo = std::min(xlo, x);
        xhi = std::max(xhi, x);
        ylo = std::min(ylo, y);
        yhi = std::max(yhi, y);
    };
    QStringList missing, reasons;
    int refIndex = 0;
    for (const Line& line : lines_) {
        QCPGraph* g = plot_->addGraph();
        const QColor color = lineColor(line, line.design ? 0 : refIndex++);
        g->setPen(QPen(color, line.design ? 2.4 : 1.6));
        g->setScatterStyle(
            QCPScatterStyle(line.design ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssCircle, color, 5));
        g->setName(line.name);
        fronts_.push_back(g);
        if (!line.frontier) {
            missing << line.name;
            reasons << QStringLiteral("%1: %2").arg(line.name, line.error);
            continue;
        }
        g->addToLegend();
        QVector<double> x, y;
        for (const FrontierPoint* p : line.frontier->front()) {
            x << p->tokens_per_s_per_user;
            y << p->tokens_per_s_per_chip;
            extend(p->tokens_per_s_per_user, p->tokens_per_s_per_chip);
        }
        g->setData(x, y, true);
        if (line.design) {
            QVector<double> cx, cy;
            for (const FrontierPoint& p : line.frontier->points) {
                if (p.on_front) continue;
                cx << p.tokens_per_s_per_user;
                cy << p.tokens_per_s_per_chip;
                extend(p.tokens_per_s_per_user, p.tokens_per_s_per_chip);
            }
            cloud_->setData(cx, cy);
        }
    }
    if (xhi > 0) {
        plot_->xAxis->setRange(xlo / 1.4, xhi * 1.4);
        plot_->yAxis->setRange(ylo / 1.4, yhi * 1.4);
    }
    const Scenario& scenario = doc_->state().scenario;
    const QString over =
        !scenario.disaggregated()
            ? tr("Each chip's front: the most tokens/s per chip at each speed per user, over the batch and "
                 "the parallelisms the workload leaves open; faint dots: the design's other deployments.")
        : scenario.prefill_chips > 0
            ? tr("Each chip's front: the most tokens/s per chip at each speed per user, over the decode pool's "
                 "batch and the parallelisms the workload leaves open, at the split given; faint dots: the "
                 "design's other deployments.")
            : tr("Each chip's front: the most tokens/s per chip at each speed per user, over the decode pool's "
                 "batch and the parallelisms the workload leaves open, each point at the split of the chips best "
                 "for it; faint dots: the design's other deployments.");
    status_->setText(
        missing.isEmpty()
            ? over
            : tr("No frontier for %1: the workload does not run there (hover here for why).").arg(missing.join(QStringLiteral(", "))));
    // Each chip's own reason, one a line.
    status_->setToolTip(reasons.join(QLatin1Char('\n')));
    updateNow();
    emit updated();
}

void FrontierView::updateNow() {
    now_->data()->clear();
    const Result<Evaluation>& ev = doc_->evaluation();
    if (ev.ok() && ev->serving.tpot_s > 0 && ev->serving.throughput_tokens_per_s_per_chip > 0)
        now_->setData({1.0 / ev->serving.tpot_s}, {ev->serving.throughput_tokens_per_s_per_chip}, true);
    // Listed only where it is drawn.
    if (now_->dataCount() > 0) now_->addToLegend();
    else now_->removeFromLegend();
    plot_->legend->setVisible(plot_->legend->itemCount() > 0);  // no empty box
    requestReplot(plot_);
}

void FrontierView::hovered(QMouseEvent* event) {
    const QPointF pos = event->position();
    const FrontierPoint* best = nullptr;
    const Line* bestLine = nullptr;
    double bestDistance = 8;
    for (const Line& line : lines_) {
        if (!line.frontier) continue;
        for (const FrontierPoint& p : line.frontier->points) {
            if (!line.design && !p.on_front) continue;  // only the design's other points are drawn
            const double d = std::hypot(plot_->xAxis->coordToPixel(p.tokens_per_s_per_user) - pos.x(),
                                        plot_->yAxis->coordToPixel(p.tokens_per_s_per_chip) - pos.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = &p;
                bestLine = &line;
            }
        }
    }
    if (!best) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1\n%2, batch %3\n%4 tokens/s per user, %5 tokens/s per chip\nTTFT p99 %6")
                           .arg(bestLine->name, formatParallelism(best->parallelism),
                                formatNumber(best->batch), formatSi(best->tokens_per_s_per_user),
                                formatSi(best->tokens_per_s_per_chip), formatSeconds(best->ttft_p99_s)),
                       plot_);
}

}  // namespace scoville
