#include "widgets/recordview.hpp"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QThreadPool>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>
#include <qcustomplot.h>
#include <set>

#include "core/library/library.hpp"
#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

constexpr double kBand = 0.25;       // the band drawn around y = x
constexpr size_t kChunk = 8;           // cases evaluated per report back to the view
constexpr int kRefreshMs = 250;      // while cases come in, the view redraws at most this often
constexpr double kPickPixels = 8;    // how near the pointer a point must be to be hovered or clicked

QString percent(double fraction) { return formatNumber(fraction * 100, 1) + QStringLiteral(" %"); }

}  // namespace

RecordView::RecordView(DesignDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc), plot_(new QCustomPlot) {
    setObjectName(QStringLiteral("recordView"));
    plot_->setObjectName(QStringLiteral("recordPlot"));
    plot_->setMouseTracking(true);
    plot_->installEventFilter(this);

    // The cases, as built into the binary: the public set, then the extra one.
    const std::pair<std::string_view, Set> sets[] = {{"public", Set::publicSet}, {"extra", Set::extraSet}};
    std::map<std::string, bool> moe;  // per model id: a mixture of experts (each model read once)
    for (const auto& [name, set] : sets) {
        const BuiltinValidationSet builtin = *builtin_validation_set(name);
        auto cases = parse_validation_csv(builtin.text, builtin.file);
        if (!cases) {
            loadError_ += errorText(cases.error()) + QLatin1Char('\n');
            continue;
        }
        rows_.reserve(rows_.size() + cases->size());  // some 20,000 rows: moved once, not at every growth
        for (auto& c : *cases) {
            Row row;
            row.set = set;
            if (c.kind == "serving" || c.kind == "moe") {
                auto known = moe.find(c.model);
                if (known == moe.end()) {
                    const auto m = load_model(c.model);
                    known = moe.emplace(c.model, m && m->is_moe()).first;
                }
                row.moe = known->second;
                row.mix = length_mix(c.input_len, c.output_len);
            }
            row.source = source_family(c.source);
            row.c = std::move(c);
            rows_.push_back(std::move(row));
        }
    }

    auto combo = [this](const char* name, const QString& tip) {
        auto* box = new QComboBox(this);
        box->setObjectName(QString::fromLatin1(name));
        box->setToolTip(tip);
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        return box;
    };
    setBox_ = combo("recordSet", tr("Which measured results: the public set or the extra one"));
    setBox_->addItem(tr("Both sets"), static_cast<int>(Set::all));
    setBox_->addItem(tr("Public set"), static_cast<int>(Set::publicSet));
    setBox_->addItem(tr("Extra set"), static_cast<int>(Set::extraSet));
    chipBox_ = combo("recordChip", tr("Only the cases measured on this chip"));
    chipBox_->addItem(tr("All chips"), QString());
    modelBox_ = combo("recordModel", tr("Only the cases of this model"));
    modelBox_->addItem(tr("All models"), QString());
    std::set<std::string> chips, models;
    for (const Row& r : rows_) {
        chips.insert(r.c.chip);
        if (!r.c.model.empty()) models.insert(r.c.model);
    }
    for (const auto& id : chips) {
        const auto chip = load_chip(id);
        chipBox_->addItem(chip ? qtext(chip->name) : qtext(id), qtext(id));
    }
    for (const auto& id : models) {
        const auto model = load_model(id);
        modelBox_->addItem(model && !model->name.empty() ? qtext(model->name) : qtext(id), qtext(id));
    }
    archBox_ = combo("recordArchitecture", tr("Dense models or mixtures of experts (serving cases and MoE layers)"));
    archBox_->addItem(tr("Dense and MoE"), static_cast<int>(Architecture::all));
    archBox_->addItem(tr("Dense"), static_cast<int>(Architecture::dense));
    archBox_->addItem(tr("MoE"), static_cast<int>(Architecture::moe));
    kindBox_ = combo("recordKind", tr("Serving throughput, or single kernels (GEMM, memory copy, all-reduce, one layer's "
                                      "fused MoE op, its attention in a decode or prefill step); GEMMs: bare GEMMs and engines' Linear layers alone"));
    kindBox_->addItem(tr("Serving and kernels"), static_cast<int>(Kind::all));
    kindBox_->addItem(tr("Serving"), static_cast<int>(Kind::serving));
    kindBox_->addItem(tr("Kernels"), static_cast<int>(Kind::kernels));
    kindBox_->addItem(tr("MoE layers"), static_cast<int>(Kind::moeLayers));
    kindBox_->addItem(tr("GEMMs"), static_cast<int>(Kind::gemms));
    kindBox_->addItem(tr("Attention"), static_cast<int>(Kind::attention));
    sourceBox_ = combo("recordSource", tr("Only the cases of this publication (engines of different years run the same "
                                          "chips at different speeds)"));
    sourceBox_->addItem(tr("All sources"), QString());
    std::vector<std::string> sources;
    for (const Row& r : rows_)
        if (std::find(sources.begin(), sources.end(), r.source) == sources.end()) sources.push_back(r.source);
    for (const auto& family : sources) sourceBox_->addItem(qtext(family), qtext(family));
    // The lists of names grow with the data (a chip, model or publication of any length): those boxes keep a width of
    // their own, eliding a long name, so the filter row never widens the window; their lists show every name whole.
    for (QComboBox* box : {chipBox_, modelBox_, sourceBox_}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(box == sourceBox_ ? 20 : 12);
    }
    lengthsBox_ = combo("recordLengths", tr("Serving cases by the prompt's share of a request's tokens: output-heavy below "
                                            "0.2, prompt-heavy above 0.8, else mixed (the classes of the measured accuracy)"));
    lengthsBox_->addItem(tr("All lengths"), -1);
    lengthsBox_->addItem(tr("Output-heavy"), static_cast<int>(LengthMix::output_heavy));
    lengthsBox_->addItem(tr("Mixed lengths"), static_cast<int>(LengthMix::mixed));
    lengthsBox_->addItem(tr("Prompt-heavy"), static_cast<int>(LengthMix::prompt_heavy));
    fitsBox_ = new QCheckBox(tr("Show fits"), this);
    fitsBox_->setObjectName(QStringLiteral("recordShowFits"));
    fitsBox_->setChecked(true);
    fitsBox_->setToolTip(tr("Cases that set a parameter of their chip, an efficiency or a latency (hollow squares). They match by "
                            "construction, so the headline figures always leave them out."));
    for (QComboBox* box : {setBox_, chipBox_, modelBox_, archBox_, kindBox_, sourceBox_, lengthsBox_})
        connect(box, &QComboBox::currentIndexChanged, this, &RecordView::readFilter);
    connect(fitsBox_, &QCheckBox::toggled, this, &RecordView::readFilter);

    auto* filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{setBox_, chipBox_, archBox_, kindBox_, fitsBox_})
        filters->addWidget(w);
    filters->addStretch(1);
    // The model and the publication on a row of their own, so the filters do not widen the window.
    auto* sourceRow = new QHBoxLayout;
    sourceRow->setContentsMargins(0, 0, 0, 0);
    sourceRow->addWidget(modelBox_);
    sourceRow->addWidget(sourceBox_);
    sourceRow->addWidget(lengthsBox_);
    sourceRow->addStretch(1);
    headline_ = new QLabel(this);
    headline_->setObjectName(QStringLiteral("recordHeadline"));
    headline_->setTextFormat(Qt::PlainText);
    headline_->setWordWrap(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("recordStatus"));
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addLayout(sourceRow);
    layout->addWidget(headline_);
    layout->addWidget(status_);
    layout->addWidget(plot_, 1);

    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>::create();
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    }
    plot_->xAxis->setLabel(tr("Measured (tokens/s for serving and through an MoE or attention layer, TFLOP/s for GEMMs, TB/s for "
                              "STREAM, GB/s bus bandwidth for all-reduces)"));
    plot_->yAxis->setLabel(tr("Predicted by the model"));
    plot_->legend->setVisible(true);
    plot_->legend->setFont(font());
    plot_->legend->setIconSize(10, 10);
    // Two columns of short entries in the lower right corner, off the points along y = x (the axis
    // labels, the Show fits tip and each point's hover text say the rest).
    plot_->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    plot_->legend->setWrap(2);
    plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    applyPalette(plot_);
    installExportMenu(plot_, QStringLiteral("record"));
    // Redrawing all the shown points for every few cases evaluated would take the evaluation's
    // time many times over: while they come in, the view redraws on this timer.
    refresh_ = new QTimer(this);
    refresh_->setSingleShot(true);
    refresh_->setInterval(kRefreshMs);
    connect(refresh_, &QTimer::timeout, this, &RecordView::rebuild);
    rebuild();
}

RecordView::~RecordView() { cancel_->store(true); }

void RecordView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    startEvaluation();
}

void RecordView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette(plot_, palette());
        rebuild();
    }
}

// The cases run on the pool's threads, a few at a time, the chunks dealt out in turn so that the public
// set, first in the rows, is done first; each chunk comes back through a queued call on the application
// object, guarded by a QPointer, so a closed view drops it. Never blocks the UI.
void RecordView::startEvaluation() {
    if (started_) return;
    started_ = true;
    std::vector<ValidationCase> cases;
    cases.reserve(rows_.size());
    for (const Row& r : rows_) cases.push_back(r.c);
    QPointer<RecordView> self(this);
    auto cancel = cancel_;
    chunkDone_.assign((cases.size() + kChunk - 1) / kChunk, false);
    chunksInOrder_ = 0;
    rebuild();
    const auto shared = std::make_shared<const std::vector<ValidationCase>>(std::move(cases));
    QThreadPool* pool = QThreadPool::globalInstance();
    const size_t workers = static_cast<size_t>(std::max(1, pool->maxThreadCount()));
    for (size_t worker = 0; worker < workers && worker < chunkDone_.size(); ++worker) {
        pool->start([cases = shared, self, cancel, worker, workers] {
            for (size_t first = worker * kChunk; first < cases->size(); first += workers * kChunk) {
                if (cancel->load()) return;
                std::vector<Result<ValidationResult>> results;
                for (size_t i = first; i < std::min(cases->size(), first + kChunk); ++i)
                    results.push_back(run_validation_case((*cases)[i]));
                QMetaObject::invokeMethod(
                    qApp,
                    [self, first, results = std::move(results)]() mutable {
                        if (self) self->take(static_cast<int>(first), std::move(results));
                    },
                    Qt::QueuedConnection);
            }
        });
    }
}

int RecordView::evaluatedCount() const { return static_cast<int>(std::min(rows_.size(), chunksInOrder_ * kChunk)); }

void RecordView::take(int first, std::vector<Result<ValidationResult>> results) {
    for (size_t k = 0; k < results.size(); ++k) {
        Row& row = rows_[static_cast<size_t>(first) + k];
        if (results[k]) row.result = std::move(*results[k]);
        else row.failure = errorText(results[k].error());
    }
    chunkDone_[static_cast<size_t>(first) / kChunk] = true;
    while (chunksInOrder_ < chunkDone_.size() && chunkDone_[chunksInOrder_]) ++chunksInOrder_;
    if (evaluated()) {
        refresh_->stop();
        rebuild();
        emit evaluationFinished();
    } else if (!refresh_->isActive()) {
        refresh_->start();
    }
}

void RecordView::showWorkloadClass(const WorkloadClass& workload) {
    setFilter(Set::all, {}, {}, workload.moe ? Architecture::moe : Architecture::dense, Kind::serving, false, {},
              workload.mix);
}

void RecordView::setFilter(Set set, const std::string& chip, const std::string& model, Architecture arch, Kind kind,
                           bool showFits, const std::string& source, std::optional<LengthMix> lengths) {
    auto select = [](QComboBox* box, const QVariant& data) {
        const int i = box->findData(data);
        box->setCurrentIndex(std::max(0, i));
    };
    {
        const QSignalBlocker b1(setBox_), b2(chipBox_), b3(modelBox_), b4(archBox_), b5(kindBox_), b6(fitsBox_),
            b7(sourceBox_), b8(lengthsBox_);
        select(setBox_, static_cast<int>(set));
        select(chipBox_, qtext(chip));
        select(modelBox_, qtext(model));
        select(archBox_, static_cast<int>(arch));
        select(kindBox_, static_cast<int>(kind));
        select(sourceBox_, qtext(source));
        select(lengthsBox_, lengths ? static_cast<int>(*lengths) : -1);
        fitsBox_->setChecked(showFits);
    }
    readFilter();
}

void RecordView::readFilter() {
    set_ = static_cast<Set>(setBox_->currentData().toInt());
    chip_ = chipBox_->currentData().toString().toStdString();
    model_ = modelBox_->currentData().toString().toStdString();
    arch_ = static_cast<Architecture>(archBox_->currentData().toInt());
    kind_ = static_cast<Kind>(kindBox_->currentData().toInt());
    source_ = sourceBox_->currentData().toString().toStdString();
    const int mix = lengthsBox_->currentData().toInt();
    lengths_ = mix < 0 ? std::nullopt : std::optional<LengthMix>(static_cast<LengthMix>(mix));
    showFits_ = fitsBox_->isChecked();
    rebuild();
}

bool RecordView::accepts(const Row& row) const {
    const ValidationCase& c = row.c;
    const bool serving = c.kind == "serving";
    if (set_ != Set::all && row.set != set_) return false;
    if (!chip_.empty() && c.chip != chip_) return false;
    if (!model_.empty() && c.model != model_) return false;
    if (!source_.empty() && row.source != source_) return false;
    const bool has_model = serving || c.kind == "moe";
    if (arch_ != Architecture::all && (!has_model || row.moe != (arch_ == Architecture::moe))) return false;
    if (lengths_ && (!serving || row.mix != *lengths_)) return false;
    if (kind_ == Kind::moeLayers || kind_ == Kind::gemms || kind_ == Kind::attention) {
        if (c.kind != (kind_ == Kind::moeLayers ? "moe" : kind_ == Kind::gemms ? "gemm" : "attention")) return false;
    } else if (kind_ != Kind::all && serving != (kind_ == Kind::serving)) {
        return false;
    }
    if (!showFits_ && c.fit) return false;
    return true;
}

std::vector<int> RecordView::shownRows() const {
    std::vector<int> out;
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].result && accepts(rows_[i])) out.push_back(static_cast<int>(i));
    return out;
}

std::vector<ValidationResult> RecordView::shownResults() const {
    std::vector<ValidationResult> out;
    for (int i : shownRows()) out.push_back(*rows_[static_cast<size_t>(i)].result);
    return out;
}

ValidationSummary RecordView::servingSummary() const { return summarise(shownResults(), true); }
ValidationSummary RecordView::kernelSummary() const { return summarise(shownResults(), false); }

QString RecordView::headline() const { return headline_->text(); }

void RecordView::rebuild() {
    // Headline: serving and kernels apart, fits left out (core's summarise, as `scoville validate`).
    auto line = [this](const ValidationSummary& s, bool serving) {
        const QString what = serving ? tr("Serving") : tr("Kernels");
        QString text;
        if (s.rows == 0)
            text = tr("%1: no rows").arg(what);
        else
            text = tr("%1: median |error| %2 over %3 rows; %4 within ±25 %, %5 within ±35 %; max %6")
                       .arg(what, percent(s.median_abs_error))
                       .arg(s.rows)
                       .arg(s.rows_within_25)
                       .arg(s.rows_within_35)
                       .arg(percent(s.max_abs_error));
        if (s.fits) text += QLatin1Char(' ') + tr("(%1 fits left out)").arg(s.fits);
        return text;
    };
    const auto results = shownResults();
    headline_->setText(line(summarise(results, true), true) + QStringLiteral("  \u00b7  ") +
                       line(summarise(results, false), false));

    QStringList notes;
    if (!loadError_.isEmpty()) notes << tr("Measured results not read: %1").arg(loadError_.trimmed());
    if (!started_) notes << tr("The cases are evaluated when this view is first shown.");
    else if (!evaluated())
        notes << tr("Evaluating the cases: %1 of %2 done\u2026").arg(evaluatedCount()).arg(rows_.size());
    int failed = 0;
    QStringList failures;
    for (const Row& r : rows_)
        if (!r.failure.isEmpty() && accepts(r)) {
            ++failed;
            failures << r.failure;
        }
    if (failed) notes << tr("Cases that could not be evaluated: %1 (hover for why)").arg(failed);
    status_->setText(notes.join(QLatin1Char(' ')));
    status_->setToolTip(failures.join(QLatin1Char('\n')));
    status_->setVisible(!notes.isEmpty());

    // The plot: one scatter per chip (checks filled, fits hollow squares, fused MoE layers crosses), y = x and the band.
    plot_->clearGraphs();
    const QColor text = palette().color(QPalette::WindowText);
    double lo = 1e300, hi = 0;
    std::map<std::string, int> chipIndex;
    for (size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].result) chipIndex.emplace(rows_[i].c.chip, 0);
    int n = 0;
    for (auto& [id, index] : chipIndex) index = n++;
    for (const Row& r : rows_)
        if (r.result) {
            lo = std::min({lo, r.c.measured, r.result->predicted});
            hi = std::max({hi, r.c.measured, r.result->predicted});
        }
    if (!(hi > 0)) {
        lo = 1;
        hi = 1e5;
    }
    lo /= 1.6;
    hi *= 1.6;
    auto* upper = plot_->addGraph();
    auto* lower = plot_->addGraph();
    auto* diagonal = plot_->addGraph();
    QColor band = text;
    band.setAlpha(30);
    upper->setData({lo, hi}, {lo * (1 + kBand), hi * (1 + kBand)});
    lower->setData({lo, hi}, {lo * (1 - kBand), hi * (1 - kBand)});
    for (QCPGraph* g : {upper, lower}) {
        QColor edge = text;
        edge.setAlpha(70);
        g->setPen(QPen(edge, 1, Qt::DashLine));
    }
    upper->setBrush(band);
    upper->setChannelFillGraph(lower);
    upper->setName(tr("±25 % band"));
    lower->removeFromLegend();
    diagonal->setData({lo, hi}, {lo, hi});
    diagonal->setPen(QPen(text, 1.2));
    diagonal->setName(tr("prediction = measurement"));

    struct ChipGraphs {
        QCPGraph *checks = nullptr, *fits = nullptr, *layers = nullptr;  // layers: fused MoE layers (checks)
    };
    std::map<std::string, ChipGraphs> graphs;
    bool anyLayer = false;
    for (int i : shownRows()) {
        const Row& r = rows_[static_cast<size_t>(i)];
        auto& [checks, fits, layers] = graphs[r.c.chip];
        const QColor color = seriesColor(chipIndex[r.c.chip]);
        if (!checks) {
            checks = plot_->addGraph();
            checks->setLineStyle(QCPGraph::lsNone);
            checks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 6));
            const auto chip = load_chip(r.c.chip);
            checks->setName(chip ? qtext(chip->name) : qtext(r.c.chip));
            fits = plot_->addGraph();
            fits->setLineStyle(QCPGraph::lsNone);
            fits->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(color, 1.5), Qt::NoBrush, 8));
            fits->removeFromLegend();
            layers = plot_->addGraph();
            layers->setLineStyle(QCPGraph::lsNone);
            layers->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 1.2), Qt::NoBrush, 5));
            layers->removeFromLegend();
        }
        const bool layer = r.c.kind == "moe" && !r.c.fit;
        anyLayer = anyLayer || layer;
        (r.c.fit ? fits : layer ? layers : checks)->addData(r.c.measured, r.result->predicted);
    }
    if (anyLayer) {
        // A legend entry for the crosses, as for the fits below.
        auto* key = plot_->addGraph();
        key->setLineStyle(QCPGraph::lsNone);
        key->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(text, 1.2), Qt::NoBrush, 5));
        key->setName(tr("Fused MoE layer"));
    }
    if (showFits_) {
        bool anyFit = false;
        for (int i : shownRows()) anyFit = anyFit || rows_[static_cast<size_t>(i)].c.fit;
        if (anyFit) {
            // A legend entry for the hollow squares: it has no points of its own.
            auto* key = plot_->addGraph();
            key->setLineStyle(QCPGraph::lsNone);
            key->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(text, 1.5), Qt::NoBrush, 8));
            key->setName(tr("Fit (not in the headline)"));
        }
    }
    plot_->xAxis->setRange(lo, hi);
    plot_->yAxis->setRange(lo, hi);
    requestReplot(plot_);
}

int RecordView::rowAt(const QPointF& pos) const {
    int best = -1;
    double bestDistance = kPickPixels;
    for (int i : shownRows()) {
        const Row& r = rows_[static_cast<size_t>(i)];
        const double d = std::hypot(plot_->xAxis->coordToPixel(r.c.measured) - pos.x(),
                                    plot_->yAxis->coordToPixel(r.result->predicted) - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = i;
        }
    }
    return best;
}

QString RecordView::describe(const Row& row) const {
    const ValidationCase& c = row.c;
    QStringList lines;
    lines << tr("%1 (%2 set, %3)")
                 .arg(qtext(c.id), row.set == Set::publicSet ? tr("public") : tr("extra"),
                      c.fit ? tr("fit: sets a chip parameter") : tr("check"));
    if (c.kind == "serving")
        lines << tr("%1 on %2 \u00d7 %3, %4, %5; input %6, output %7 tokens")
                     .arg(qtext(c.model))
                     .arg(c.chips)
                     .arg(qtext(c.chip), qtext(c.precision), qtext(c.scenario))
                     .arg(c.input_len)
                     .arg(c.output_len);
    else if (c.kind == "moe")
        lines << tr("One layer's fused MoE op of %1 on %2 %3, %4").arg(qtext(c.model), qtext(c.chip), qtext(c.precision), qtext(c.shape));
    else if (c.kind == "attention" && c.shape.find("phase=prefill") != std::string::npos)
        lines << tr("One layer's prompt attention of %1 on %2, KV cache %3, %4")
                     .arg(qtext(c.model), qtext(c.chip), qtext(c.precision), qtext(c.shape));
    else if (c.kind == "attention")
        lines << tr("One layer's decode attention of %1 on %2, KV cache %3, %4")
                     .arg(qtext(c.model), qtext(c.chip), qtext(c.precision), qtext(c.shape));
    else
        lines << tr("%1 on %2 %3 %4").arg(qtext(c.kind), qtext(c.chip), qtext(c.precision), qtext(c.shape));
    if (c.kind == "serving" && !c.shape.empty()) lines << tr("As measured: %1").arg(qtext(c.shape));
    if (row.result) {
        const ValidationResult& r = *row.result;
        lines << tr("Measured %1, predicted %2 %3 (%4)")
                     .arg(formatSi(c.measured), formatSi(r.predicted), qtext(c.metric),
                          (r.error >= 0 ? QStringLiteral("+") : QString()) + percent(r.error));
        lines << tr("Model's choice: %1").arg(qtext(r.detail));
    }
    lines << tr("Source: %1").arg(qtext(c.source));
    lines << tr("Click to load this case's chip and workload");
    return lines.join(QLatin1Char('\n'));
}

void RecordView::hovered(QMouseEvent* event) {
    const int row = rowAt(event->position());
    if (row < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(), describe(rows_[static_cast<size_t>(row)]), plot_);
}

Status RecordView::loadCase(int row) {
    if (row < 0 || row >= static_cast<int>(rows_.size())) return Error{"no such case"};
    const ValidationCase& c = rows_[static_cast<size_t>(row)].c;
    auto refuse = [this](const std::string& message) -> Status {
        emit doc_->editRefused(qtext(message));
        return Error{message};
    };
    auto chip = doc_->library().chip(c.chip);
    if (!chip) return refuse("case '" + c.id + "': " + chip.error().message);
    DesignValues next = doc_->values();
    next.chip = *chip;
    if (auto st = apply_validation_conditions(c, next.chip); !st) return refuse(st.error().message);
    if (c.kind == "serving") {
        auto scenario = validation_scenario(c);
        if (!scenario) return refuse(scenario.error().message);
        next.model_id = c.model;
        next.model_json.clear();  // the library's model of that id
        next.scenario = *scenario;
    } else if (c.kind == "moe" || c.kind == "attention") {
        next.model_id = c.model;  // the layer's model; the workload stays the user's
        next.model_json.clear();
    }
    return doc_->applyValues(next);
}

bool RecordView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == plot_) {
        if (event->type() == QEvent::MouseMove) {
            hovered(static_cast<QMouseEvent*>(event));
        } else if (event->type() == QEvent::MouseButtonRelease) {
            auto* mouse = static_cast<QMouseEvent*>(event);
            if (mouse->button() == Qt::LeftButton) {
                const int row = rowAt(mouse->position());
                if (row >= 0) loadCase(row);
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace scoville
