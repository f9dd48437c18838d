#include "widgets/kpistrip.hpp"

#include <QAction>
#include <QClipboard>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QResizeEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cstring>
#include <functional>
#include <limits>
#include <optional>

#include "core/perf/accuracy.hpp"
#include "core/perf/result_keys.hpp"
#include "core/physical/cost.hpp"
#include "core/physical/tech.hpp"
#include "core/sweep/ranges.hpp"
#include "widgets/analysis.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/layoutboundary.hpp"

namespace scoville {

namespace {

constexpr int kMinCardsPerRow = 3;

const QColor kBetter(0, 140, 70);
const QColor kWorse(200, 40, 40);
const QColor kWarning(200, 90, 0);

void setTextIfChanged(QLabel* label, const QString& text) {
    if (label->text() != text) label->setText(text);
}

// A card's value in the card's width, which does not follow its text: where the text is wider, it is drawn without
// its spaces ("TP 1 · DP 8 · EP 8" as "TP1·DP8·EP8"), and where that is still wider, elided; text() keeps it whole.
class FittedLabel : public QLabel {
public:
    using QLabel::QLabel;

protected:
    void paintEvent(QPaintEvent* event) override {
        const QString shown = fittedText(text(), fontMetrics(), contentsRect().width());
        if (shown == text()) {
            QLabel::paintEvent(event);
            return;
        }
        QPainter painter(this);
        painter.setPen(palette().color(foregroundRole()));
        painter.drawText(contentsRect(), static_cast<int>(alignment()), shown);
    }
};

// Right-click > Copy puts the label's text (or `text`, where given) on the clipboard. The labels that change with every slider step take
// this rather than mouse selection: a selectable label measures and draws its text as a text document,
// about three times the work of a plain one, on every step.
void addCopyAction(QLabel* label, std::function<QString()> text = {}) {
    if (!text) text = [label] { return label->text(); };
    auto* copy = new QAction(KpiStrip::tr("Copy"), label);
    copy->setObjectName(label->objectName() + QStringLiteral(":copy"));
    QObject::connect(copy, &QAction::triggered, label, [text = std::move(text)] { QGuiApplication::clipboard()->setText(text()); });
    label->addAction(copy);
    label->setContextMenuPolicy(Qt::ActionsContextMenu);
}

// A cost item as the reader sees it (core names them in English: "chip", "data centre", ...).
QString costItemName(const std::string& name) {
    if (name == "chip") return KpiStrip::tr("chip");
    if (name == "NRE") return KpiStrip::tr("design NRE");
    if (name == "system") return KpiStrip::tr("hosts and systems");
    if (name == "network") return KpiStrip::tr("network");
    if (name == "data centre") return KpiStrip::tr("data centre");
    if (name == "power") return KpiStrip::tr("electricity");
    return qtext(name);
}

}  // namespace

// The $/M tokens card's tooltip: what a chip-hour costs, item by item.
QString KpiStrip::costBreakdownTip(const Result<Evaluation>& eval) const {
    if (!eval.ok() || !(eval->physical.tco_usd_per_hour > 0)) return resultLabel(*find_result_key("cost_per_million_tokens_usd"));
    const PhysicalResult& p = eval->physical;
    QStringList lines;
    lines << tr("%1 per chip-hour (%2), at %3 % utilisation:")
                 .arg(formatMoney(p.tco_usd_per_hour), p.built ? tr("built") : tr("bought"))
                 .arg(formatNumber(doc_->chip().econ.utilisation * 100, 0));
    for (const auto& b : p.cost_usd_per_hour)
        lines << QStringLiteral("  %1  %2").arg(costItemName(b.name), formatMoney(b.value));
    lines << tr("capital per chip %1 (chip %2)").arg(formatMoney(p.capex_usd_per_chip), formatMoney(p.chip_usd));
    return lines.join(QLatin1Char('\n'));
}

// "Per token, the design costs 71 % less than B200 ...": the answer the default session asks for.
QString KpiStrip::costSentence(const Result<Evaluation>& eval, const Evaluation* base, const QString& baseName) const {
    if (!eval.ok() || !base) return {};
    const ChipSpec& chip = doc_->chip();
    const ChipSpec* baseChip = doc_->referenceChip(doc_->state().baseline_id);
    const auto c = compare_cost(chip, eval.value(), *base, doc_->state().baseline_id);
    if (!c || !baseChip) return tr("No cost per token to compare with %1 (see the warnings).").arg(baseName);
    const QString name = chip.name.empty() ? qtext(chip.id) : qtext(chip.name);
    const QString how = chip.econ.mode == EconMode::build ? tr("built") : tr("bought");
    const QString baseHow = baseChip->econ.mode == EconMode::build ? tr("built") : tr("bought");
    const double change = (c->ratio - 1.0) * 100.0;
    const QString which = std::abs(change) < 0.5 ? tr("the same as") : change < 0 ? tr("%1 % less than").arg(formatNumber(-change, 0))
                                                                                 : tr("%1 % more than").arg(formatNumber(change, 0));
    QString text = tr("Per token, %1 (%2) costs %3 %4 (%5): %6 against %7 per M tokens, serving %8\u00d7 the tokens per "
                      "chip-hour at %9\u00d7 the cost per chip-hour; the largest difference is the %10 (%11 against %12 "
                      "per chip-hour).")
                       .arg(name, how, which, baseName, baseHow, formatMoney(c->usd_per_million),
                            formatMoney(c->baseline_usd_per_million), formatNumber(c->useful_tokens_ratio, 2),
                            formatNumber(c->tco_ratio, 2))
                       .arg(costItemName(c->driver), formatMoney(c->driver_usd_per_hour),
                            formatMoney(c->driver_baseline_usd_per_hour));
    if (chip.econ.mode == EconMode::build)
        text += QLatin1Char(' ') + (c->break_even_units
                                        ? tr("Its NRE pays off against %1 from %2 chips built.")
                                              .arg(baseName, formatNumber(*c->break_even_units, 0))
                                        : tr("It does not reach %1's cost per token at any volume.").arg(baseName));
    return text;
}

QString KpiStrip::costLine() const { return cost_->text(); }

namespace {

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
        // A new value re-lays out its card only: the card's size does not follow its text.
        k.box = new LayoutBoundary(this);
        auto* body = k.card = new QWidget;
        auto* v = new QVBoxLayout(body);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(0);
        k.card->setToolTip(k.tip);
        auto* title = new QLabel(k.title, body);
        title->setFont(small);
        title->setTextFormat(Qt::PlainText);
        k.label = new FittedLabel(body);
        k.label->setObjectName(QStringLiteral("kpi:") + QLatin1String(k.name));
        k.label->setTextFormat(Qt::PlainText);
        k.label->setFont(big);
        addCopyAction(k.label);
        k.delta = new QLabel(body);
        k.delta->setObjectName(QStringLiteral("kpi:") + QLatin1String(k.name) + QStringLiteral(":delta"));
        k.delta->setTextFormat(Qt::PlainText);
        k.delta->setFont(small);
        k.range = new QLabel(body);
        k.range->setObjectName(QStringLiteral("kpi:") + QLatin1String(k.name) + QStringLiteral(":range"));
        k.range->setTextFormat(Qt::PlainText);
        k.range->setFont(small);
        k.range->setForegroundRole(QPalette::PlaceholderText);
        // Neither the change nor the range widens the card: the window keeps fitting small screens.
        k.delta->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        k.range->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        v->addWidget(title);
        v->addWidget(k.label);
        v->addWidget(k.delta);
        v->addWidget(k.range);
        k.box->setContent(body);
        // Card widths do not follow their text, so a new value never re-lays out the window.
        k.box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        k.box->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Tokens/s per chip")));
    }
    baselineNote_ = new QLabel(this);
    baselineNote_->setObjectName(QStringLiteral("kpi:baseline"));
    baselineNote_->setTextFormat(Qt::RichText);
    baselineNote_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // The cost line: a sentence that changes with every edit (plain text), and a fixed link to the
    // economics assumptions.
    // Its lines are laid out again only when their count changes.
    auto* costRow = new LayoutBoundary(this);
    costRow_ = costRow;
    auto* costBody = new QWidget;
    auto* costLayout = new QHBoxLayout(costBody);
    costLayout->setContentsMargins(0, 0, 0, 0);
    cost_ = new QLabel(costBody);
    cost_->setObjectName(QStringLiteral("kpi:cost"));
    cost_->setTextFormat(Qt::PlainText);
    cost_->setWordWrap(true);
    addCopyAction(cost_);
    cost_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* assumptions = new QLabel(QStringLiteral("<a href=\"econ\">%1</a>").arg(tr("Cost assumptions\u2026")), costBody);
    assumptions->setObjectName(QStringLiteral("kpi:costAssumptions"));
    assumptions->setTextFormat(Qt::RichText);
    assumptions->setToolTip(tr("Show the economics parameters: chip price or build cost, systems, data centre, "
                               "power, years, cost of capital, utilisation"));
    connect(assumptions, &QLabel::linkActivated, this, &KpiStrip::assumptionsRequested);
    costLayout->addWidget(cost_, 1);
    costLayout->addWidget(assumptions, 0, Qt::AlignTop);
    costRow->setContent(costBody);
    // The accuracy line and a link to the runs it rests on (the Record tab, filtered to them).
    accuracyRow_ = new QWidget(this);
    auto* accuracyLayout = new QHBoxLayout(accuracyRow_);
    accuracyLayout->setContentsMargins(0, 0, 0, 0);
    accuracy_ = new QLabel(accuracyRow_);
    accuracy_->setObjectName(QStringLiteral("kpi:accuracy"));
    accuracy_->setTextFormat(Qt::PlainText);
    accuracy_->setFont(small);
    accuracy_->setForegroundRole(QPalette::PlaceholderText);
    // One line, whatever the width: the whole sentence on hover.
    accuracy_->setWordWrap(false);
    accuracy_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    auto* runs = accuracyRuns_ =
        new QLabel(QStringLiteral("<small><a href=\"runs\">%1</a></small>").arg(tr("Show the runs\u2026")), accuracyRow_);
    runs->setObjectName(QStringLiteral("kpi:accuracyRuns"));
    runs->setTextFormat(Qt::RichText);
    runs->setToolTip(tr("Show the measured runs of this kind of workload in the Record tab, predicted against measured"));
    connect(runs, &QLabel::linkActivated, this, &KpiStrip::accuracyRunsRequested);
    accuracyLayout->addWidget(accuracy_, 1);
    accuracyLayout->addWidget(runs, 0);
    auto* warningsBox = new LayoutBoundary(this);
    warningsBox_ = warningsBox;
    warnings_ = new QLabel;
    warnings_->setObjectName(QStringLiteral("kpi:warnings"));
    warnings_->setWordWrap(true);
    warnings_->setTextFormat(Qt::RichText);
    addCopyAction(warnings_, [this] { return warningLines_.isEmpty() ? tr("No warnings.") : warningLines_.join(QLatin1Char('\n')); });
    // Two lines always: a warning that appears never pushes the plots down (the rest on hover).
    {
        QFont bold = font();
        bold.setBold(true);
        warningsBox->setFixedHeight(QFontMetrics(bold).lineSpacing() * kWarningLines + 2);
        warnings_->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        warningsBox->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        warningsBox->setContent(warnings_);
    }
    // Two rows until the first resize fits the row to the width: a window first shown on a small
    // screen is neither widened by a one-row layout nor made taller by a narrow one.
    const int total = static_cast<int>(kpis_.size()) + 1;
    arrange(std::max(kMinCardsPerRow, (total + 1) / 2));

    refreshOn(&DesignDocument::evaluationChanged);
    refreshOn(&DesignDocument::referencesChanged);
    connect(doc_, &DesignDocument::rangesChanged, this, &KpiStrip::applyRanges);
    refreshNow();
}

namespace {
// The parameter's label in the user's language ("HBM efficiency"); a physical-model parameter (the
// power model's busy floor) by its key, said to be the power model's; else the key.
QString widestLabel(const std::string& key) {
    if (key.empty()) return KpiStrip::tr("none");
    if (const SweepKey* k = findSweepableKey(qtext(key))) return sweepKeyLabel(*k);
    if (key == kRoutingSkewKey) return KpiStrip::tr("the model's routing skew (%1)").arg(qtext(key));
    if (const auto& tech = default_tech())
        for (const PhysParamInfo& p : tech->global_info)
            if (p.key == key) return KpiStrip::tr("power model: %1").arg(qtext(key));
    return qtext(key);
}
}  // namespace

void KpiStrip::applyRanges() {
    for (auto& k : kpis_) {
        const Ranges* design = doc_->designRanges();
        const ResultRange* r = design ? design->find(k.key->key) : nullptr;
        // A chip that states no uncertainty (one saved before ranges existed) shows none.
        if (!r || std::strcmp(k.name, "parallelism") == 0 || doc_->chip().ranges.empty()) {
            setTextIfChanged(k.range, QStringLiteral(" "));
            continue;
        }
        if (r->low == r->high) {
            setTextIfChanged(k.range, tr("exact"));
            k.range->setToolTip(tr("No uncertain value of the chip, the engine, the model or the physical model moves this result"));
        } else {
            setTextIfChanged(k.range, tr("%1 to %2").arg(formatResult(*k.key, r->low), formatResult(*k.key, r->high)));
            k.range->setToolTip(tr("Range over the uncertain values of the chip, the engine's estimated defaults, the model's "
                                   "routing skew and the physical model (each at its low and high end, "
                                   "combined as independent); most from %1")
                                    .arg(widestLabel(r->widest)));
        }
        // Against the baseline: a difference inside both ranges is within the uncertainty.
        const Ranges* base = doc_->referenceRanges(doc_->state().baseline_id);
        const ResultRange* b = base ? base->find(k.key->key) : nullptr;
        const bool overlap = b && k.deltaSign != 0 && within_uncertainty(*r, *b);
        const QString delta = overlap ? k.deltaText + QStringLiteral(" \u2248") : k.deltaText;
        setTextIfChanged(k.delta, delta.isEmpty() ? QStringLiteral(" ") : delta);
        k.delta->setToolTip(overlap ? tr("Within uncertainty: the ranges of the design and of the baseline overlap")
                                    : QString());
    }
}

// Cards flow into as many rows as the width needs, so the strip never forces the window wider.
void KpiStrip::arrange(int perRow) {
    if (perRow == perRow_) return;
    perRow_ = perRow;
    for (auto& k : kpis_) grid_->removeWidget(k.box);
    grid_->removeWidget(baselineNote_);
    grid_->removeWidget(costRow_);
    grid_->removeWidget(accuracyRow_);
    grid_->removeWidget(warningsBox_);
    for (int c = 0; c < grid_->columnCount(); ++c) grid_->setColumnStretch(c, 0);
    int i = 0;
    for (auto& k : kpis_) {
        grid_->addWidget(k.box, i / perRow, i % perRow);
        ++i;
    }
    grid_->addWidget(baselineNote_, i / perRow, i % perRow);
    ++i;
    const int rows = (i + perRow - 1) / perRow;
    grid_->addWidget(costRow_, rows, 0, 1, perRow);
    grid_->addWidget(accuracyRow_, rows + 1, 0, 1, perRow);
    grid_->addWidget(warningsBox_, rows + 2, 0, 1, perRow);
    for (int c = 0; c < perRow; ++c) grid_->setColumnStretch(c, 1);
}

// As narrow as the fewest cards per row: the cards re-flow into more rows when the window gives
// the strip less width (a wider panel beside it), rather than holding the panels back.
QSize KpiStrip::minimumSizeHint() const {
    const QSize laidOut = DocumentView::minimumSizeHint();
    const int cardWidth = fontMetrics().horizontalAdvance(QStringLiteral("Tokens/s per chip")) + 16;
    return {std::min(laidOut.width(), kMinCardsPerRow * cardWidth + 12), laidOut.height()};
}

void KpiStrip::resizeEvent(QResizeEvent* event) {
    DocumentView::resizeEvent(event);
    if (!warningLines_.isEmpty()) showWarnings();
    const int cardWidth = fontMetrics().horizontalAdvance(QStringLiteral("Tokens/s per chip")) + 16;
    const int total = static_cast<int>(kpis_.size()) + 1;
    const int perRow = std::clamp(width() / std::max(cardWidth, 1), kMinCardsPerRow, total);
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
        QString cardTip = k.tip;
        int sign = 0;
        if (eval.ok()) {
            const std::optional<double> v = k.key->value(eval.value());
            // A latency whose queue never settles is shown unbounded (its value() is empty: not a number).
            value = formatResult(*k.key, k.key->unbounded(eval.value())
                                             ? std::optional(std::numeric_limits<double>::infinity())
                                             : v);
            const ServingResult& sv = eval->serving;
            if (std::strcmp(k.name, "batch") == 0) {
                // A disaggregated decode pool holds what the prefill pool feeds it, short of what it would take.
                if (sv.decode_pool.fed_below_limit())
                    delta = tr("fed by prefill; up to %1").arg(formatNumber(sv.decode_pool.batch_limit, 0));
                else
                    delta = tr("max %1%2").arg(formatNumber(sv.max_batch, 0),
                                               doc_->state().scenario.batch == 0 ? tr(", auto") : QString());
            } else if (std::strcmp(k.name, "parallelism") == 0) {
                if (sv.disaggregated) {
                    // The split of the chips into the pools is the deployment's first choice; each pool's
                    // own on hover.
                    const PoolResult& pre = sv.prefill_pool;
                    const PoolResult& dec = sv.decode_pool;
                    value = tr("%1 + %2 chips").arg(pre.chips).arg(dec.chips);
                    delta = tr("prefill + decode") +
                            (doc_->state().scenario.prefill_chips <= 0 ? tr(", chosen") : QString());
                    cardTip = tr("Disaggregated serving: a prefill pool of %1 chips (%2, %3 replicas) and a decode "
                                 "pool of %4 chips (%5, %6 replicas)")
                                  .arg(QString::number(pre.chips), formatParallelism(pre.parallelism),
                                       QString::number(pre.replicas), QString::number(dec.chips),
                                       formatParallelism(dec.parallelism), QString::number(dec.replicas));
                } else {
                    value = formatParallelism(sv.parallelism);
                    delta = (sv.replicas == 1 ? tr("1 replica") : tr("%1 replicas").arg(sv.replicas)) +
                            (sv.parallelism_auto ? tr(", chosen") : QString());
                }
            } else if (baseOk) {
                const std::optional<double> b = k.key->value(base->value());
                delta = v && b ? formatDelta(*v, *b) : QStringLiteral("n/a");
                // A change shown as 0.0 % is neutral, whichever way the unrounded values differ.
                if (v && b && *b != 0 && !deltaShownAsZero(*v, *b)) sign = k.key->compare(*v, *b);
            }
        }
        if (k.card->toolTip() != cardTip) k.card->setToolTip(cardTip);
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
                                         : sv.disaggregated ? tr(" (offline: the slower pool runs flat out)")
                                                            : tr(" (offline: as many requests in flight as fit)")));
            if (!baseOk) delta = tr("p50 %1").arg(formatSeconds(p50));
        }
        if (std::strcmp(k.name, "cost_per_million_tokens") == 0) k.label->setToolTip(costBreakdownTip(eval));
        k.label->setText(value);
        k.deltaText = delta;
        k.delta->setText(delta.isEmpty() ? QStringLiteral(" ") : delta);
        if (sign != k.deltaSign) {
            k.deltaSign = sign;
            // Only the text role is set, so every other role keeps following the system palette.
            QPalette pal;
            if (sign != 0) pal.setColor(QPalette::WindowText, sign > 0 ? kBetter : kWorse);
            k.delta->setPalette(pal);
        }
    }

    // How far the model has been from measured runs of this kind of workload (the class changes with the
    // model and the lengths only).
    const MeasuredAccuracy* accuracy =
        find_accuracy(builtin_measured_accuracy(), workload_class(doc_->state().model, doc_->state().scenario));
    // and, for a library chip as the library holds it, how far it has been from every measured run on that chip.
    const ChipSpec& chip = doc_->state().chip;
    const MeasuredAccuracy* onChip = find_reference_chip_accuracy(builtin_chip_accuracy(), chip);
    QString line = accuracy ? accuracyLine(*accuracy) : tr("No measured runs of this kind of workload");
    QString accuracyTip = accuracy ? accuracyText(*accuracy) : QString();
    if (onChip) {
        line += QStringLiteral("; ") + chipAccuracyLine(*onChip);
        accuracyTip += (accuracyTip.isEmpty() ? QString() : QStringLiteral("\n")) + chipAccuracyText(*onChip, qtext(chip.name));
    }
    setTextIfChanged(accuracy_, line);
    if (accuracy_->toolTip() != accuracyTip) accuracy_->setToolTip(accuracyTip);
    accuracyRuns_->setVisible(accuracy != nullptr);

    // The document's ranges of this state (hidden until they arrive).
    applyRanges();
    setTextIfChanged(cost_, costSentence(eval, baseOk ? &base->value() : nullptr, baseName));
    setTextIfChanged(baselineNote_, baseOk ? tr("<small>Changes against<br><b>%1</b><br>green: better, \u2248 within<br>uncertainty</small>").arg(baseName.toHtmlEscaped())
                                  : tr("<small>No baseline<br>result</small>"));
    QStringList lines;
    if (!eval.ok()) lines << errorText(eval.error());
    else
        for (const auto& w : eval->warning_messages) lines << trMessage(w);
    if (base && !base->ok())
        lines << tr("baseline %1: %2").arg(baseName, errorText(base->error()));
    warningLines_ = lines;
    showWarnings();
}

void KpiStrip::showWarnings() {
    if (warningLines_.isEmpty()) {
        setTextIfChanged(warnings_, QStringLiteral("<small>%1</small>").arg(tr("No warnings.")));
        warnings_->setToolTip(QString());
        return;
    }
    // What fits in the reserved lines; the whole list on hover.
    const QString all = QStringLiteral("\u26A0 ") + warningLines_.join(QStringLiteral("  \u2022  "));
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    // Word wrapping leaves part of each line empty: budget a little less than the lines' width.
    const int budget = std::max(1, warnings_->width() * kWarningLines - fm.averageCharWidth() * 12 * kWarningLines);
    const QString shown = fm.horizontalAdvance(all) > budget ? fm.elidedText(all, Qt::ElideRight, budget) : all;
    setTextIfChanged(warnings_, QStringLiteral("<span style='color:%1'><b>%2</b></span>")
                                    .arg(kWarning.name(), shown.toHtmlEscaped()));
    QStringList escaped;
    for (const auto& l : warningLines_) escaped << l.toHtmlEscaped();
    warnings_->setToolTip(shown == all ? QString() : escaped.join(QStringLiteral("<br>")));
}

}  // namespace scoville
