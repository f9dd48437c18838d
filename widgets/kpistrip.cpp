#include "widgets/kpistrip.hpp"

#include <QGridLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cstring>
#include <optional>

#include "core/perf/result_keys.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

const QColor kBetter(0, 140, 70);
const QColor kWorse(200, 40, 40);
const QColor kWarning(200, 90, 0);

void setTextIfChanged(QLabel* label, const QString& text) {
    if (label->text() != text) label->setText(text);
}

}  // namespace

KpiStrip::KpiStrip(DesignDocument* doc, QWidget* parent) : DocumentView(doc, parent) {
    setObjectName(QStringLiteral("kpiStrip"));
    setFrameShape(QFrame::StyledPanel);
    // Each card is a result key (objectName "kpi:<name>"); the last shows the chosen parallelism.
    const std::pair<const char*, std::string_view> cards[] = {
        {"tokens_per_s", "throughput_tokens_per_s"},
        {"tokens_per_s_per_chip", "throughput_tokens_per_s_per_chip"},
        {"ttft", "ttft_p99_s"},
        {"tpot", "tpot_p99_s"},
        {"tokens_per_joule", "tokens_per_joule"},
        {"cost_per_million_tokens", "cost_per_million_tokens_usd"},
        {"die_area", "die_area_mm2"},
        {"power", "power_w_per_chip"},
        {"batch", "batch"},
        {"parallelism", "replicas"},
    };
    for (const auto& [name, key] : cards) {
        Kpi k;
        k.name = name;
        k.key = find_result_key(key);
        Q_ASSERT(k.key);
        const bool parallelism = std::strcmp(name, "parallelism") == 0;
        k.title = parallelism ? tr("Parallelism") : resultShortLabel(*k.key);
        k.tip = parallelism ? tr("How one replica is spread over chips, and the replicas in the system")
                            : resultLabel(*k.key);
        kpis_.push_back(k);
    }
    grid_ = new QGridLayout(this);
    grid_->setContentsMargins(6, 4, 6, 4);
    grid_->setHorizontalSpacing(12);
    grid_->setVerticalSpacing(2);
    // Plain-text labels: rich text would lay out a text document on every slider step.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    for (auto& k : kpis_) {
        k.card = new QWidget(this);
        auto* v = new QVBoxLayout(k.card);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        k.card->setToolTip(k.tip);
        auto* title = new QLabel(k.title, k.card);
        title->setFont(small);
        title->setTextFormat(Qt::PlainText);
        k.label = new QLabel(k.card);
        k.label->setObjectName(QStringLiteral("kpi:") + QLatin1String(k.name));
        k.label->setTextFormat(Qt::PlainText);
        k.label->setFont(big);
        k.label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        k.delta = new QLabel(k.card);
        k.delta->setObjectName(QStringLiteral("kpi:") + QLatin1String(k.name) + QStringLiteral(":delta"));
        k.delta->setTextFormat(Qt::PlainText);
        k.delta->setFont(small);
        v->addWidget(title);
        v->addWidget(k.label);
        v->addWidget(k.delta);
        // Card widths do not follow their text, so a new value never re-lays out the window.
        k.card->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        k.card->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Tokens/s per chip")));
    }
    baselineNote_ = new QLabel(this);
    baselineNote_->setObjectName(QStringLiteral("kpi:baseline"));
    baselineNote_->setTextFormat(Qt::RichText);
    baselineNote_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    warnings_ = new QLabel(this);
    warnings_->setObjectName(QStringLiteral("kpi:warnings"));
    warnings_->setWordWrap(true);
    warnings_->setTextFormat(Qt::RichText);
    warnings_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    arrange(static_cast<int>(kpis_.size()) + 1);

    refreshOn(&DesignDocument::evaluationChanged);
    refreshOn(&DesignDocument::referencesChanged);
    refreshNow();
}

// Cards flow into as many rows as the width needs, so the strip never forces the window wider.
void KpiStrip::arrange(int perRow) {
    if (perRow == perRow_) return;
    perRow_ = perRow;
    for (auto& k : kpis_) grid_->removeWidget(k.card);
    grid_->removeWidget(baselineNote_);
    grid_->removeWidget(warnings_);
    for (int c = 0; c < grid_->columnCount(); ++c) grid_->setColumnStretch(c, 0);
    int i = 0;
    for (auto& k : kpis_) {
        grid_->addWidget(k.card, i / perRow, i % perRow);
        ++i;
    }
    grid_->addWidget(baselineNote_, i / perRow, i % perRow);
    ++i;
    const int rows = (i + perRow - 1) / perRow;
    grid_->addWidget(warnings_, rows, 0, 1, perRow);
    for (int c = 0; c < perRow; ++c) grid_->setColumnStretch(c, 1);
}

void KpiStrip::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    const int cardWidth = fontMetrics().horizontalAdvance(QStringLiteral("Tokens/s per chip")) + 16;
    const int total = static_cast<int>(kpis_.size()) + 1;
    const int perRow = std::clamp(width() / std::max(cardWidth, 1), 3, total);
    // Even rows: 10 cards as 2 x 5 rather than 8 + 2.
    const int rows = (total + perRow - 1) / perRow;
    arrange((total + rows - 1) / rows);
}

void KpiStrip::refresh() {
    const auto& eval = doc_->evaluation();
    const auto* base = doc_->baselineEvaluation();
    const bool baseOk = base && base->ok();
    QString baseName = qtext(doc_->state().baseline_id);
    if (const ChipSpec* chip = doc_->referenceChip(doc_->state().baseline_id); chip && !chip->name.empty())
        baseName = qtext(chip->name);

    for (auto& k : kpis_) {
        QString value = QStringLiteral("n/a");
        QString delta;
        int sign = 0;
        if (eval.ok()) {
            const std::optional<double> v = k.key->value(eval.value());
            value = formatResult(*k.key, v);
            const ServingResult& sv = eval->serving;
            if (std::strcmp(k.name, "batch") == 0) {
                delta = tr("max %1%2").arg(formatNumber(sv.max_batch, 0),
                                           doc_->state().scenario.batch == 0 ? tr(", auto") : QString());
            } else if (std::strcmp(k.name, "parallelism") == 0) {
                value = formatParallelism(sv.parallelism);
                delta = (sv.replicas == 1 ? tr("1 replica") : tr("%1 replicas").arg(sv.replicas)) +
                        (sv.parallelism_auto ? tr(", chosen") : QString());
            } else if (baseOk) {
                const std::optional<double> b = k.key->value(base->value());
                delta = v && b ? formatDelta(*v, *b) : QStringLiteral("n/a");
                if (v && b && *b != 0) sign = k.key->compare(*v, *b);
            }
        }
        const bool latency = std::strcmp(k.name, "ttft") == 0 || std::strcmp(k.name, "tpot") == 0;
        if (latency && eval.ok()) {
            // The card shows the p99 the limits apply to; mean and median on hover, or below when there
            // is no baseline to compare with.
            const ServingResult& sv = eval->serving;
            const bool ttft = k.name[1] == 't';
            const double p50 = ttft ? sv.ttft_p50_s : sv.tpot_p50_s;
            k.label->setToolTip(tr("mean %1, p50 %2, p99 %3%4")
                                    .arg(formatSeconds(ttft ? sv.ttft_s : sv.tpot_s), formatSeconds(p50),
                                         formatSeconds(ttft ? sv.ttft_p99_s : sv.tpot_p99_s),
                                         sv.server ? tr(" (server: the highest rate within the p99 limits)")
                                                   : tr(" (offline: as many requests in flight as fit)")));
            if (!baseOk) delta = tr("p50 %1").arg(formatSeconds(p50));
        }
        k.label->setText(value);
        k.delta->setText(delta.isEmpty() ? QStringLiteral(" ") : delta);
        if (sign != k.deltaSign) {
            k.deltaSign = sign;
            // Only the text role is set, so every other role keeps following the system palette.
            QPalette pal;
            if (sign != 0) pal.setColor(QPalette::WindowText, sign > 0 ? kBetter : kWorse);
            k.delta->setPalette(pal);
        }
    }

    setTextIfChanged(baselineNote_, baseOk ? tr("<small>Changes against<br><b>%1</b><br>green: better</small>").arg(baseName.toHtmlEscaped())
                                  : tr("<small>No baseline<br>result</small>"));
    QStringList lines;
    if (!eval.ok()) lines << qtext(eval.error().message);
    else
        for (const auto& w : eval->warnings) lines << qtext(w);
    if (base && !base->ok())
        lines << tr("baseline %1: %2").arg(baseName, qtext(base->error().message));
    if (lines.isEmpty()) {
        setTextIfChanged(warnings_, QStringLiteral("<small>%1</small>").arg(tr("No warnings.")));
    } else {
        QStringList escaped;
        for (const auto& l : lines) escaped << l.toHtmlEscaped();
        setTextIfChanged(warnings_, QStringLiteral("<span style='color:%1'><b>\u26A0 %2</b></span>")
                               .arg(kWarning.name(), escaped.join(QStringLiteral(" &nbsp;\u2022&nbsp; "))));
    }
}

}  // namespace scoville
