#include "widgets/sensitivityview.hpp"

#include <qcustomplot.h>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "store/qtext.hpp"
#include "widgets/analysis.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

QColor helpsColor() {
    return QColor(0, 158, 115);
}  // bluish green
QColor hurtsColor() {
    return QColor(204, 121, 167);
}  // reddish purple

// +0.93 %, −0.41 %: an elasticity read as the objective's change for +1 % of the key.
QString percent(double e) {
    const QString sign = e > 0 ? QStringLiteral("+") : (e < 0 ? QStringLiteral("\u2212") : QString());
    return sign + QLocale().toString(std::fabs(e), 'f', 2) + QStringLiteral(" %");
}

// The objective's unit as shown per resource ("tokens/s/mm²", "$/W").
QString perUnit(const ResultKey& key, const QString& resource) {
    QString unit = displayUnit(key.unit);
    unit.replace(QStringLiteral("USD"), QStringLiteral("$"));
    return unit.isEmpty() ? QStringLiteral("/") + resource : unit + QLatin1Char('/') + resource;
}

// A trade's price as a number; a step that has none in words (core's Exchange).
QString perText(const std::optional<double>& v, Exchange exchange) {
    switch (exchange) {
    case Exchange::saves: return SensitivityView::tr("saves");
    case Exchange::worse: return SensitivityView::tr("worse");
    case Exchange::no_gain: return SensitivityView::tr("no gain");
    case Exchange::none:
    case Exchange::trade: break;
    }
    if (!v || !std::isfinite(*v)) return QStringLiteral("\u2014");
    return formatSi(*v, QString());
}

// What a cell's words mean, for its tooltip: +5 % of the key against `resource` ("silicon area").
QString exchangeTip(Exchange exchange, const QString& objective, const QString& resource) {
    switch (exchange) {
    case Exchange::saves:
        return SensitivityView::tr("More of this key makes %1 no worse and takes less %2: no trade to price.")
            .arg(objective, resource);
    case Exchange::worse:
        return SensitivityView::tr("More of this key takes more %2 and makes %1 worse.").arg(objective, resource);
    case Exchange::no_gain:
        return SensitivityView::tr("More of this key takes more %2 and does not change %1.").arg(objective, resource);
    case Exchange::none:
    case Exchange::trade: break;
    }
    return {};
}

struct Job {
    std::shared_ptr<const Sensitivity> result;
    QString error;
};

}  // namespace

SensitivityView::SensitivityView(DesignDocument* doc, QWidget* parent)
    : DocumentView(doc, parent), plot_(new QCustomPlot), debounce_(new QTimer(this)) {
    setObjectName(QStringLiteral("sensitivityView"));
    pool_.setMaxThreadCount(1);

    objective_ = new QComboBox(this);
    objective_->setObjectName(QStringLiteral("sensitivityObjective"));
    for (const ResultKey* k : objectiveKeys()) {
        objective_->addItem(resultShortLabel(*k), qtext(k->key));
        objective_->setItemData(objective_->count() - 1, resultLabel(*k), Qt::ToolTipRole);
    }
    objective_->setCurrentIndex(
        std::max(0, objective_->findData(QStringLiteral("throughput_tokens_per_s_per_chip"))));
    auto* objectiveLabel = new QLabel(tr("Objective"), this);
    objectiveLabel->setBuddy(objective_);
    keys_ = new QComboBox(this);
    keys_->setObjectName(QStringLiteral("sensitivityKeys"));
    // By the words parse_key_groups reads.
    keys_->addItem(tr("Chip"), QStringLiteral("chip"));
    keys_->addItem(tr("Workload"), QStringLiteral("workload"));
    keys_->addItem(tr("Model"), QStringLiteral("model"));
    keys_->addItem(tr("All"), QStringLiteral("all"));
    keys_->setToolTip(tr("Which parameters are stepped: the chip's (with the economics'), the workload's, the "
                         "model's, or all of them"));
    auto* keysLabel = new QLabel(tr("Keys"), this);
    keysLabel->setBuddy(keys_);
    limit_ = new QLabel(this);
    limit_->setObjectName(QStringLiteral("sensitivityLimit"));
    limit_->setWordWrap(true);
    limit_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = limit_->font();
    bold.setBold(true);
    limit_->setFont(bold);
    legend_ = new QLabel(this);
    legend_->setObjectName(QStringLiteral("sensitivityLegend"));
    legend_->setTextFormat(Qt::RichText);
    legend_->setWordWrap(true);

    auto* top = new QHBoxLayout;
    top->addWidget(objectiveLabel);
    top->addWidget(objective_);
    top->addWidget(keysLabel);
    top->addWidget(keys_);
    top->addWidget(legend_, 1);

    plot_->setObjectName(QStringLiteral("sensitivityPlot"));
    plot_->setMinimumSize(260, 180);
    helps_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    hurts_ = new QCPBars(plot_->yAxis, plot_->xAxis);
    for (QCPBars* b : {helps_, hurts_}) {
        b->setPen(Qt::NoPen);
        b->setWidth(0.7);
    }
    helps_->setBrush(helpsColor());
    hurts_->setBrush(hurtsColor());
    plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    plot_->yAxis->setRangeReversed(true);  // the largest on top
    plot_->yAxis->setTickLength(0, 0);
    plot_->yAxis->grid()->setVisible(false);
    plot_->xAxis->ticker()->setTickCount(6);
    plot_->xAxis->grid()->setZeroLinePen(QPen(palette().color(QPalette::WindowText), 1));
    // The axis's ticks and title follow the width the chart is laid out at: fitted after the layout,
    // then laid out again in the same redraw (neither changes the axis's width, so that settles it).
    connect(plot_, &QCustomPlot::afterLayout, this, [this] {
        if (!fitAxis()) return;
        for (auto phase : {QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout})
            plot_->plotLayout()->update(phase);
    });
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("sensitivity"));

    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("sensitivityTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setTabKeyNavigation(false);
    table_->verticalHeader()->setVisible(false);
    table_->setColumnCount(6);
    table_->setHorizontalHeaderLabels(
        {tr("Parameter"), tr("Value"), tr("Elasticity"), tr("Per mm\u00b2"), tr("Per W"), tr("Per $")});
    table_->setWordWrap(false);
    table_->horizontalHeaderItem(2)->setToolTip(tr("The objective's change, in %, for +1 % of the key"));
    table_->horizontalHeaderItem(3)->setToolTip(
        tr("The objective's change over the change of the chip's silicon area (all its dies) when the key steps up"));
    table_->horizontalHeaderItem(4)->setToolTip(
        tr("The objective's change over the change of average power per chip when the key steps up"));
    table_->horizontalHeaderItem(5)->setToolTip(
        tr("The objective's change over the change of the chip's cost to its owner when the key steps up"));
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    // Names elide (the tooltip has the key): the numbers matter more on a narrow screen.
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    table_->horizontalHeader()->resizeSection(
        0, table_->fontMetrics().horizontalAdvance(QStringLiteral("Compute efficiency (FP8)")));
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->setChildrenCollapsible(false);
    split->addWidget(plot_);
    split->addWidget(table_);
    split->setSizes({900, 1200});
    table_->setMinimumWidth(260);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(limit_);
    layout->addWidget(split, 1);

    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(debounce_, &QTimer::timeout, this, &SensitivityView::start);
    for (QComboBox* box : {objective_, keys_}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            debounce_->stop();
            if (isVisible())
                start();
            else
                markDirty();
        });
    }
    connect(doc_, &DesignDocument::stateChanged, this, [this](unsigned parts) {
        if (parts & (DesignDocument::ChipPart | DesignDocument::WorkloadPart)) refreshIfVisible();
    });
    paletteChanged();
}

SensitivityView::~SensitivityView() {
    pool_.waitForDone();
}

bool SensitivityView::debounce_timer_active() const {
    return debounce_->isActive();
}

// The tornado's axis is narrow beside its keys' names (about 140 px in a 1366 px window): as few
// ticks as keep their labels apart, and three at least, a label on each side of zero; its title,
// centred under it, in lines that stay inside the chart.
bool SensitivityView::fitAxis() {
    const QRect rect = plot_->axisRect()->rect();  // as just laid out (afterLayout)
    const int ticks = plot_->xAxis->ticker()->tickCount();
    fitLinearTicks(plot_->xAxis, rect.width(), 3);
    const int room = 2 * std::min(rect.center().x(), plot_->width() - rect.center().x()) - 8;
    const QString title = wrappedText(axisTitle_, plot_->xAxis->labelFont(), std::max(room, 60));
    const bool changed = title != plot_->xAxis->label() || ticks != plot_->xAxis->ticker()->tickCount();
    plot_->xAxis->setLabel(title);
    return changed;
}

void SensitivityView::refresh() {
    // After the design stops changing for a moment: a drag's every step would be wasted work.
    debounce_->start();
}

void SensitivityView::paletteChanged() {
    applyPalette(plot_, palette());
    plot_->xAxis->grid()->setZeroLinePen(QPen(palette().color(QPalette::WindowText), 1));
    const auto square = [](const QColor& c) {
        return QStringLiteral("<span style=\"color:%1\">\u25A0</span>").arg(c.name());
    };
    legend_->setText(
        tr("%1 more of the key improves the objective &nbsp; %2 more of it makes the objective worse")
            .arg(square(helpsColor()), square(hurtsColor())));
    requestReplot(plot_);
}

void SensitivityView::start() {
    if (busy_) {
        again_ = true;
        return;
    }
    const ResultKey* objective = find_result_key(stext(objective_->currentData().toString()));
    const auto parsed = parse_key_groups(stext(keys_->currentData().toString()));
    const KeyGroups groups = parsed ? *parsed : KeyGroups{};
    auto design = currentDesignPoint(*doc_);
    if (!objective || !design) {
        showResult(nullptr, design ? tr("choose an objective") : errorText(design.error()));
        return;
    }
    if (!doc_->evaluation().ok()) {
        showResult(nullptr, errorText(doc_->evaluation().error()));
        return;
    }
    busy_ = true;
    limit_->setEnabled(false);  // greyed while it is recomputed
    const int gen = ++generation_;
    std::function<Job()> work = [point = std::move(design.value()), objective, groups] {
        Job job;
        auto s = scoville::sensitivity(point, *objective, 0.05, groups);
        if (s)
            job.result = std::make_shared<const Sensitivity>(std::move(s.value()));
        else
            job.error = errorText(s.error());
        return job;
    };
    std::function<void(Job&)> done = [this, gen](Job& job) {
        busy_ = false;
        if (gen == generation_ && !again_) showResult(job.result, job.error);
        if (again_) {
            again_ = false;
            start();
        }
    };
    runInBackground<Job>(&pool_, this, std::move(work), std::move(done));
}

QString SensitivityView::limitSentence(const Sensitivity& s) const {
    const QString objective = resultShortLabel(*s.objective);
    std::vector<const SensitivityRow*> moving;
    for (const SensitivityRow& r : s.rows)
        if (std::fabs(r.elasticity) >= 0.005) moving.push_back(&r);
    if (moving.empty()) return tr("No parameter moves %1 by a measurable amount here.").arg(objective);
    QString bound;
    if (s.bound == "memory")
        bound = tr("memory-bound");
    else if (s.bound == "compute")
        bound = tr("compute-bound");
    else if (s.bound == "network")
        bound = tr("network-bound");
    const QString first = sweepKeyLabel(moving[0]->key);
    if (moving.size() == 1)
        return bound.isEmpty() ? tr("%1 is limited most by %2 (+1 % gives %3).")
                                     .arg(objective, first, percent(moving[0]->elasticity))
                               : tr("%1 is limited most by %2 (+1 % gives %3); the decode step is %4.")
                                     .arg(objective, first, percent(moving[0]->elasticity), bound);
    const QString second = sweepKeyLabel(moving[1]->key);
    return bound.isEmpty()
               ? tr("%1 is limited most by %2 (+1 % gives %3), then by %4 (%5).")
                     .arg(objective, first, percent(moving[0]->elasticity), second,
                          percent(moving[1]->elasticity))
               : tr("%1 is limited most by %2 (+1 % gives %3), then by %4 (%5); the decode step is %6.")
                     .arg(objective, first, percent(moving[0]->elasticity), second,
                          percent(moving[1]->elasticity), bound);
}

void SensitivityView::showResult(std::shared_ptr<const Sensitivity> s, const QString& error) {
    shown_ = std::move(s);
    limit_->setEnabled(true);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    QVector<double> helpKeys, helpValues, hurtKeys, hurtValues;
    if (!shown_) {
        limit_->setText(tr("No sensitivity: %1").arg(error));
        table_->setRowCount(0);
    } else {
        const Sensitivity& sv = *shown_;
        const ResultKey& obj = *sv.objective;
        limit_->setText(limitSentence(sv));
        limit_->setToolTip(tr("%1 now: %2; each key stepped by \u00b1%3 %")
                               .arg(resultLabel(obj), formatResult(obj, sv.value))
                               .arg(QLocale().toString(sv.step * 100, 'f', 0)));
        const int bars = std::min<int>(kChartRows, static_cast<int>(sv.rows.size()));
        double extent = 0;
        for (int i = 0; i < bars; ++i) {
            const SensitivityRow& r = sv.rows[static_cast<size_t>(i)];
            ticker->addTick(i + 1, sweepKeyLabel(r.key));
            const bool helps = (obj.better == Better::lower) ? r.elasticity < 0 : r.elasticity > 0;
            (helps ? helpKeys : hurtKeys) << i + 1;
            (helps ? helpValues : hurtValues) << r.elasticity;
            extent = std::max(extent, std::fabs(r.elasticity));
        }
        if (extent <= 0) extent = 1;
        plot_->xAxis->setRange(-extent * 1.1, extent * 1.1);
        plot_->yAxis->setRange(0.4, bars + 0.6);
        axisTitle_ = tr("Change of %1 for +1 % of the key (%)").arg(resultShortLabel(obj));  // fitted at the redraw

        // The units in the headers, the cells numbers only: the table stays narrow.
        const QString perMm2 = perUnit(obj, QStringLiteral("mm\u00b2"));
        const QString perW = perUnit(obj, QStringLiteral("W"));
        const QString perUsd = perUnit(obj, QStringLiteral("$"));
        table_->horizontalHeaderItem(3)->setText(tr("Per mm\u00b2\n%1").arg(perMm2));
        table_->horizontalHeaderItem(4)->setText(tr("Per W\n%1").arg(perW));
        table_->horizontalHeaderItem(5)->setText(tr("Per $\n%1").arg(perUsd));
        const QString resources[] = {tr("silicon area"), tr("power"), tr("capital")};
        table_->setRowCount(static_cast<int>(sv.rows.size()));
        for (size_t i = 0; i < sv.rows.size(); ++i) {
            const SensitivityRow& r = sv.rows[i];
            const QString texts[] = {sweepKeyLabel(r.key),           sweepKeyValueText(r.key, r.value),
                                     percent(r.elasticity),          perText(r.per_mm2, r.exchange_mm2),
                                     perText(r.per_w, r.exchange_w), perText(r.per_usd, r.exchange_usd)};
            const Exchange exchanges[] = {Exchange::none, Exchange::none, Exchange::none,
                                          r.exchange_mm2, r.exchange_w, r.exchange_usd};
            for (int c = 0; c < 6; ++c) {
                QTableWidgetItem* item = table_->item(static_cast<int>(i), c);
                if (!item) table_->setItem(static_cast<int>(i), c, item = new QTableWidgetItem);
                item->setText(texts[c]);
                if (c > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                if (c >= 3) {
                    item->setToolTip(exchangeTip(exchanges[c], resultShortLabel(obj), resources[c - 3]));
                    // A step that saves the resource reads as a gain, one that costs it for nothing as a loss.
                    const Exchange e = exchanges[c];
                    item->setData(Qt::ForegroundRole, e == Exchange::saves ? QVariant(helpsColor())
                                                      : e == Exchange::worse || e == Exchange::no_gain ? QVariant(hurtsColor())
                                                                                                       : QVariant());
                }
            }
            table_->item(static_cast<int>(i), 0)
                ->setToolTip(QStringLiteral("%1 (%2)").arg(texts[0], qtext(r.key.key)));
        }
    }
    plot_->yAxis->setTicker(ticker);
    helps_->setData(helpKeys, helpValues, true);
    hurts_->setData(hurtKeys, hurtValues, true);
    requestReplot(plot_);
    emit updated();
}

}  // namespace scoville
