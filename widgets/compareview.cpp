#include "widgets/compareview.hpp"

#include <QHeaderView>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
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

// The results compared, by key: labels, units, direction and format come from the registry.
const std::string_view kMetricKeys[] = {"throughput_tokens_per_s", "tokens_per_joule", "cost_per_million_tokens_usd",
                                        "ttft_p99_s", "tpot_p99_s"};
constexpr int kMetricCount = static_cast<int>(std::size(kMetricKeys));

const ResultKey& compared(int i) { return *find_result_key(kMetricKeys[static_cast<size_t>(i)]); }

}  // namespace

CompareView::CompareView(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent), plot_(new QCustomPlot) {
    setObjectName(QStringLiteral("compareView"));
    plot_->setObjectName(QStringLiteral("comparePlot"));
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("compareTable"));
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setTabKeyNavigation(false);  // Tab leaves the table (arrow keys move inside it)
    table_->verticalHeader()->setVisible(false);
    table_->setColumnCount(kMetricCount + 1);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    QStringList headers{tr("Chip")};
    for (int i = 0; i < kMetricCount; ++i) headers << resultShortLabel(compared(i));
    table_->setHorizontalHeaderLabels(headers);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(plot_);
    split->addWidget(table_);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    group_ = new QCPBarsGroup(plot_);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < kMetricCount; ++i)
        ticker->addTick(i + 1, resultShortLabel(compared(i)) + (compared(i).better == Better::higher
                                                                     ? QStringLiteral(" \u2191")
                                                                     : QStringLiteral(" \u2193")));
    plot_->xAxis->setTicker(ticker);
    plot_->xAxis->setTickLength(0, 0);
    plot_->xAxis->grid()->setVisible(false);
    plot_->xAxis->setRange(0.4, kMetricCount + 0.6);
    auto* legendRow = new QCPLayoutGrid;
    plot_->plotLayout()->insertRow(0);
    plot_->plotLayout()->addElement(0, 0, legendRow);
    plot_->axisRect()->insetLayout()->take(plot_->legend);
    legendRow->addElement(0, 0, plot_->legend);
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(3);
    plot_->legend->setRowSpacing(0);
    plot_->legend->setLayer(QStringLiteral("legend"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(12, 10);
    plot_->plotLayout()->setRowStretchFactor(0, 0.001);
    plot_->yAxis->ticker()->setTickCount(4);
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("compare"));

    setPlot(plot_);
    refreshOn(&DesignDocument::stateChanged);
    connect(doc_, &DesignDocument::rangesChanged, this, &CompareView::applyRanges);
    refreshNow();
}

// Each bar's error bar: its chip's range from the document, over the baseline's value; none until
// the state's ranges arrive, for the latencies (under limits they follow the batch the limits choose)
// and for a range without width.
void CompareView::applyRanges() {
    bool any = false;
    for (size_t i = 0; i < errors_.size() && i < entryIds_.size(); ++i) {
        QVector<double> minus, plus;
        const Ranges* all = entryIds_[i].empty() ? doc_->designRanges() : doc_->referenceRanges(entryIds_[i]);
        for (auto it = bars_[i]->data()->constBegin(); it != bars_[i]->data()->constEnd(); ++it) {
            const int m = static_cast<int>(std::lround(it->key)) - 1;
            const ResultRange* r = all && m >= 0 && m < kMetricCount ? all->find(compared(m).key) : nullptr;
            const double base = r ? baseValues_[static_cast<size_t>(m)] : 0.0;
            const bool ok = r && base > 0 && r->high > r->low;
            constexpr double none = std::numeric_limits<double>::quiet_NaN();
            minus << (ok ? (r->value - r->low) / base : none);
            plus << (ok ? (r->high - r->value) / base : none);
        }
        any = any || all;
        errors_[i]->setData(minus, plus);
    }
    requestReplot(plot_);
    if (any) emit rangesShown();
}

void CompareView::refresh() {
    struct Entry {
        QString name;
        const Result<Evaluation>* eval;
        QColor color;
    };
    std::vector<Entry> entries;
    entries.push_back({tr("Design (%1)").arg(qtext(doc_->chip().name)), &doc_->evaluation(), designColor()});
    entryIds_ = {std::string()};
    int colorIndex = 0;
    for (const auto& id : doc_->state().reference_ids) {
        const ChipSpec* chip = doc_->referenceChip(id);
        const auto* eval = doc_->referenceEvaluation(id);
        if (!eval) continue;
        entries.push_back({chip && !chip->name.empty() ? qtext(chip->name) : qtext(id), eval,
                           seriesColor(colorIndex++)});
        entryIds_.push_back(id);
    }
    const auto* base = doc_->baselineEvaluation();
    const bool baseOk = base && base->ok();
    const ChipSpec* baseChip = doc_->referenceChip(doc_->state().baseline_id);
    const QString baseName = baseChip ? qtext(baseChip->name) : qtext(doc_->state().baseline_id);

    while (bars_.size() > entries.size()) {
        plot_->removePlottable(errors_.back());
        errors_.pop_back();
        plot_->removePlottable(bars_.back());
        bars_.pop_back();
    }
    while (bars_.size() < entries.size()) {
        auto* b = new QCPBars(plot_->xAxis, plot_->yAxis);
        b->setBarsGroup(group_);
        b->setPen(Qt::NoPen);
        bars_.push_back(b);
        auto* e = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
        e->setDataPlottable(b);
        e->removeFromLegend();
        e->setWhiskerWidth(4);
        e->setPen(QPen(palette().color(QPalette::WindowText), 1));
        errors_.push_back(e);
    }
    baseValues_.assign(kMetricCount, 0.0);
    if (baseOk)
        for (int m = 0; m < kMetricCount; ++m)
            baseValues_[static_cast<size_t>(m)] = compared(m).value(base->value()).value_or(0.0);
    const double width = 0.8 / static_cast<double>(std::max<size_t>(entries.size(), 1));
    double maxRatio = 1.0;
    table_->setRowCount(static_cast<int>(entries.size()));
    for (size_t i = 0; i < entries.size(); ++i) {
        const Entry& e = entries[i];
        QCPBars* b = bars_[i];
        b->setName(e.name);
        b->setBrush(e.color);
        b->setWidth(width);
        QVector<double> keys, values;
        auto setCell = [this](int row, int col, const QString& text) {
            QTableWidgetItem* item = table_->item(row, col);
            if (!item) table_->setItem(row, col, item = new QTableWidgetItem);
            if (item->text() != text) item->setText(text);
            return item;
        };
        QTableWidgetItem* nameItem = setCell(static_cast<int>(i), 0, e.name);
        for (int m = 0; m < kMetricCount; ++m) {
            std::optional<double> v;
            if (e.eval->ok()) {
                v = compared(m).value(e.eval->value());
                const std::optional<double> bv = baseOk ? compared(m).value(base->value()) : std::nullopt;
                if (v && bv && *bv > 0) {
                    keys << m + 1;
                    values << *v / *bv;
                    maxRatio = std::max(maxRatio, *v / *bv);
                }
            }
            setCell(static_cast<int>(i), m + 1, formatResult(compared(m), v));
        }
        nameItem->setToolTip(e.eval->ok() ? QString() : qtext(e.eval->error().message));
        b->setData(keys, values, true);
    }
    applyRanges();
    plot_->yAxis->setLabel(baseOk ? tr("× %1").arg(baseName) : tr("no baseline result"));
    plot_->yAxis->setRange(0, maxRatio * 1.15);
    requestReplot(plot_);
}

}  // namespace scoville
