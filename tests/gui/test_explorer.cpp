// The live explorer, driven by objectName as a user would: sliders, spin boxes, undo, the
// comparison chooser, warnings and export. Expected numbers are worked out in the comments.
#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QVBoxLayout>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QTextBrowser>
#include <QTextCursor>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <random>
#include <set>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QScrollArea>
#include <QScrollBar>
#include <QScreen>
#include <QWheelEvent>
#include <QFontMetrics>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "core/perf/accuracy.hpp"
#include "core/hw/params.hpp"
#include "core/perf/result_keys.hpp"
#include "widgets/compareview.hpp"
#include "core/sweep/ranges.hpp"
#include "widgets/analysis.hpp"
#include "core/workload/scenario_keys.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/layoutboundary.hpp"
#include "widgets/parameterpanel.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/rooflineview.hpp"

using namespace scoville;

namespace {

QStringList kpiTexts(const MainWindow& w) {
    QStringList texts;
    for (const char* name : {"tokens_per_s", "tokens_per_s_per_chip", "ttft", "tpot", "tokens_per_joule",
                             "cost_per_million_tokens", "die_area", "power"}) {
        auto* label = w.findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name));
        auto* delta = w.findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name) + QStringLiteral(":delta"));
        texts << (label ? label->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name)));
        texts << (delta ? delta->text() : QStringLiteral("<missing delta %1>").arg(QLatin1String(name)));
    }
    return texts;
}

std::vector<std::pair<double, double>> pointPositions(const MainWindow& w) {
    std::vector<std::pair<double, double>> xy;
    auto* view = w.findChild<RooflineView*>(QStringLiteral("rooflineView"));
    for (const auto& p : view->points()) xy.emplace_back(p.intensity, p.tflops);
    return xy;
}

double ceiling(const DesignDocument& doc, const std::string& label) {
    for (const auto& c : doc.evaluation()->ceilings)
        if (c.label.find(label) != std::string::npos && !c.is_bandwidth) return c.value;
    return -1;
}

}  // namespace

class TestExplorer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleExplorerTest"));
        QSettings().clear();
    }

    void init() {
        window_ = std::make_unique<MainWindow>();
        window_->resize(1900, 1200);  // room for the four views as a grid (smaller windows tab them)
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        doc_ = window_->document();
        QVERIFY(doc_);
        QVERIFY2(doc_->evaluation().ok(), doc_->evaluation().ok() ? "" : doc_->evaluation().error().message.c_str());
        // Every edit evaluated at once, however long it takes on a loaded machine: a test reads the evaluation
        // right after its edit. The tests of the background evaluations set the thresholds they need.
        doc_->setBackgroundEvaluationMs(1e9);
        doc_->setBackgroundWorkloadMs(1e9);
    }
    void cleanup() { window_.reset(); }

    void latencyLimitsBoundTheAutoBatch() {
        // First start: batch auto within the MLPerf Llama-2-70B server limits, TTFT <= 2 s, TPOT <= 200 ms.
        const Scenario& sc = doc_->state().scenario;
        QCOMPARE(sc.batch, 0);
        QCOMPARE(sc.ttft_slo_s.value_or(-1), 2.0);
        QCOMPARE(sc.tpot_slo_s.value_or(-1), 0.2);
        const ServingResult limited = doc_->evaluation()->serving;
        QVERIFY(limited.server);
        QVERIFY(limited.ttft_p99_s <= 2.0);
        QVERIFY(limited.tpot_p99_s <= 0.2);
        QVERIFY(limited.batch < limited.max_batch);  // the limits, not memory, set the batch
        // The KPI cards show the p99s the limits apply to, and the chosen parallelism.
        auto* ttftCard = window_->findChild<QLabel*>(QStringLiteral("kpi:ttft"));
        QVERIFY(ttftCard);
        QCOMPARE(ttftCard->text(), formatSeconds(limited.ttft_p99_s));
        QVERIFY(ttftCard->toolTip().contains(formatSeconds(limited.ttft_p50_s)));
        auto* par = window_->findChild<QLabel*>(QStringLiteral("kpi:parallelism"));
        QVERIFY(par);
        QVERIFY2(par->text().startsWith(QStringLiteral("TP %1").arg(limited.parallelism.tp)), qPrintable(par->text()));
        QVERIFY(window_->findChild<QLabel*>(QStringLiteral("kpi:parallelism:delta"))->text().contains(QStringLiteral("chosen")));

        auto* ttft = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:ttft_slo"));
        auto* tpot = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:tpot_slo"));
        QVERIFY(ttft && tpot);
        QCOMPARE(ttft->value(), 2.0);
        QCOMPARE(tpot->value(), 200.0);  // shown in ms
        ttft->setValue(0);               // "none"
        tpot->setValue(0);
        QCOMPARE(ttft->text(), QStringLiteral("none"));
        QVERIFY(!doc_->state().scenario.ttft_slo_s && !doc_->state().scenario.tpot_slo_s);
        // Without limits: offline, the batch with the most throughput that memory and the engine allow,
        // at least what the limits allowed.
        QVERIFY(!doc_->evaluation()->serving.server);
        QVERIFY(doc_->evaluation()->serving.batch <= doc_->evaluation()->serving.max_batch);
        QVERIFY(doc_->evaluation()->serving.throughput_tokens_per_s >= limited.throughput_tokens_per_s);

        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QCOMPARE(ttft->value(), 2.0);
        QCOMPARE(doc_->evaluation()->serving.batch, limited.batch);
    }

    void firstStartShowsTheDefaultComparison() {
        // jalapeno-est running llama-3.1-70b at fp8 against B200 (baseline) and TPU v7.
        QCOMPARE(doc_->state().preset_id, std::string("jalapeno-est"));
        QCOMPARE(doc_->state().model.id, std::string("llama-3.1-70b"));
        QCOMPARE(doc_->state().scenario.weight_precision, Precision::fp8);
        QCOMPARE(doc_->state().baseline_id, std::string("b200"));
        const auto& refs = doc_->state().reference_ids;
        QVERIFY(std::find(refs.begin(), refs.end(), "tpu-v7") != refs.end());
        for (const QString& t : kpiTexts(*window_)) {
            QVERIFY2(!t.contains(QStringLiteral("nan"), Qt::CaseInsensitive), qPrintable(t));
            QVERIFY2(!t.contains(QStringLiteral("inf"), Qt::CaseInsensitive), qPrintable(t));
        }
    }

    // The first screen answers the question it opens on: the Jalapeno estimate, built in house,
    // against B200, bought, in dollars per million tokens, with the assumptions one click away.
    void theFirstScreenAnswersWhatATokenCosts() {
        QCOMPARE(doc_->chip().econ.mode, EconMode::build);
        auto* line = window_->findChild<QLabel*>(QStringLiteral("kpi:cost"));
        QVERIFY(line);
        const QString text = line->text();
        const auto* base = doc_->baselineEvaluation();
        QVERIFY(base && base->ok());
        const double design = doc_->evaluation()->physical.cost_per_million_tokens_usd;
        const double b200 = base->value().physical.cost_per_million_tokens_usd;
        QVERIFY(design > 0 && b200 > 0);
        // The sentence names both chips, how each is had, and both costs as the cards format them.
        for (const QString& part : {QStringLiteral("Jalapeno"), QStringLiteral("(built)"), QStringLiteral("B200"),
                                    QStringLiteral("(bought)"), formatMoney(design), formatMoney(b200)})
            QVERIFY2(text.contains(part), qPrintable(text + QStringLiteral(" lacks ") + part));
        const QString way = design < b200 ? QStringLiteral("less than") : QStringLiteral("more than");
        QVERIFY2(text.contains(way), qPrintable(text));
        // The $/M tokens card: its value and, on hover, what a chip-hour costs item by item.
        auto* card = window_->findChild<QLabel*>(QStringLiteral("kpi:cost_per_million_tokens"));
        QCOMPARE(card->text(), formatMoney(design));
        QVERIFY(card->toolTip().contains(QStringLiteral("per chip-hour")));
        QVERIFY(card->toolTip().contains(QStringLiteral("electricity")));

        // One click away: the link filters the parameters to the economics keys.
        auto* link = window_->findChild<QLabel*>(QStringLiteral("kpi:costAssumptions"));
        QVERIFY(link);
        emit link->linkActivated(QStringLiteral("econ"));
        auto* search = window_->findChild<QLineEdit*>(QStringLiteral("paramSearch"));
        QCOMPARE(search->text(), QStringLiteral("econ."));
        QVERIFY(window_->findChild<QWidget*>(QStringLiteral("param:econ.pue:spin"))->isVisibleTo(window_.get()));
        QVERIFY(!window_->findChild<QWidget*>(QStringLiteral("param:compute.cores:spin"))->isVisibleTo(window_.get()));

        // Dearer electricity: +0.10 USD/kWh raises the cost per token by exactly its share.
        const PhysicalResult before = doc_->evaluation()->physical;
        const double kwh = doc_->chip().econ.power_usd_per_kwh;
        QVERIFY(doc_->setParam("econ.power_usd_per_kwh", kwh + 0.10));
        const PhysicalResult after = doc_->evaluation()->physical;
        const double energyShare = [&] {
            for (const auto& b : before.cost_usd_per_hour)
                if (b.name == "power") return b.value;
            return 0.0;
        }();
        // power $/h scales with the price; nothing else moves
        QVERIFY(std::abs((after.tco_usd_per_hour - before.tco_usd_per_hour) - energyShare * 0.10 / kwh) < 1e-9);
        QVERIFY(after.cost_per_million_tokens_usd > before.cost_per_million_tokens_usd);
        QCOMPARE(card->text(), formatMoney(after.cost_per_million_tokens_usd));

        // Bought without a price: no cost, said in the warnings, never $0 or NaN.
        QVERIFY(doc_->setParam("econ.mode", 0));
        QCOMPARE(card->text(), QStringLiteral("n/a"));
        auto* warnings = window_->findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY2(warnings->text().contains(QStringLiteral("econ.chip_price_usd")), qPrintable(warnings->text()));
        QVERIFY(line->text().contains(QStringLiteral("No cost per token")));
        // Refused inputs change nothing.
        QVERIFY(!doc_->setParam("econ.utilisation", 0));
        QVERIFY(!doc_->setParam("econ.years", 0));
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QCOMPARE(doc_->chip().econ.power_usd_per_kwh, kwh);
        QCOMPARE(card->text(), formatMoney(design));
    }

    void aRangeNamesTheEnginesEstimateThatMovesItMost() {
        // Llama 4 Maverick in FP4 on 8 B200s, attention data-parallel over 8 ranks, 20,000-token prompts: how the
        // ranks line up their prompt chunks moves the throughput most (the ranks together: about twice the value, the
        // high end), and the card's tip names that setting by its label.
        Scenario s = startFrom("b200", "llama-4-maverick");
        s.chips = 8;
        s.tp = 1;
        s.attention_dp = 8;
        s.ep = 8;
        s.pp = 1;
        s.batch = 0;
        s.input_len = 20000;
        s.output_len = 2000;
        s.ttft_slo_s.reset();
        s.tpot_slo_s.reset();
        s.weight_precision = s.activation_precision = Precision::fp4;
        s.kv_precision = Precision::fp8;
        doc_->setScenario(s);
        auto* range = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s_per_chip:range"));
        QVERIFY(range);
        QTRY_VERIFY_WITH_TIMEOUT(range->text().contains(QStringLiteral(" to ")), 20000);
        auto design = currentDesignPoint(*doc_);
        QVERIFY(design.ok());
        auto expected = result_ranges(design.value());
        QVERIFY(expected.ok());
        const ResultRange* r = expected->find("throughput_tokens_per_s_per_chip");
        QVERIFY(r);
        QCOMPARE(r->widest, std::string("workload.attention_dp_balance"));
        QVERIFY(r->high > 1.8 * r->value && r->high < 2.3 * r->value);
        QVERIFY2(range->toolTip().contains(QStringLiteral("most from Aligned prompt chunks")), qPrintable(range->toolTip()));
    }

    void kpiCardsShowTheModelsRanges() {
        // Once edits pause, each ranged card shows the range core computes for the design (the
        // Jalapeno estimate: wide), and a difference against the baseline inside both ranges says so.
        auto* range = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s_per_chip:range"));
        QVERIFY(range);
        QTRY_VERIFY_WITH_TIMEOUT(range->text().contains(QStringLiteral(" to ")), 20000);
        auto design = currentDesignPoint(*doc_);
        QVERIFY(design.ok());
        auto expected = result_ranges(design.value());
        QVERIFY(expected.ok());
        const ResultRange* r = expected->find("throughput_tokens_per_s_per_chip");
        QVERIFY(r && r->low < r->value && r->high > r->value);
        const ResultKey& key = *find_result_key("throughput_tokens_per_s_per_chip");
        QCOMPARE(range->text(), QStringLiteral("%1 to %2").arg(formatResult(key, r->low), formatResult(key, r->high)));
        QVERIFY(range->toolTip().contains(QStringLiteral("most from")));
        // An edit hides the ranges until the design's own arrive.
        QVERIFY(doc_->setParam("compute.clock_ghz", doc_->chip().compute.clock_ghz * 1.1).ok());
        QCOMPARE(range->text(), QStringLiteral(" "));
        QTRY_VERIFY_WITH_TIMEOUT(range->text().contains(QStringLiteral(" to ")), 20000);
        // Die area of a built chip: its uncertain values (cores, SRAM) give it a range too; within
        // uncertainty is marked only where both ranges overlap.
        auto base = design.value();
        base.chip = *doc_->referenceChip(doc_->state().baseline_id);
        auto baseRanges = result_ranges(base);
        QVERIFY(baseRanges.ok());
        design = currentDesignPoint(*doc_);
        auto now = result_ranges(design.value());
        for (const char* name : {"tokens_per_s_per_chip", "tokens_per_joule", "cost_per_million_tokens"}) {
            auto* delta = window_->findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name) + QStringLiteral(":delta"));
            QVERIFY(delta);
            const std::string k = std::string(name) == "cost_per_million_tokens" ? "cost_per_million_tokens_usd"
                                  : std::string(name) == "tokens_per_s_per_chip" ? "throughput_tokens_per_s_per_chip"
                                                                                  : name;
            const bool overlap = within_uncertainty(*now->find(k), *baseRanges->find(k));
            QCOMPARE(delta->text().endsWith(QStringLiteral("\u2248")), overlap);
            QCOMPARE(delta->toolTip().contains(QStringLiteral("Within uncertainty")), overlap);
        }
    }

    void everyParameterHasItsControls() {
        for (const ParamInfo& p : chip_params()) {
            const QString key = QStringLiteral("param:") + QString::fromUtf8(p.key.data(), static_cast<int>(p.key.size()));
            QVERIFY2(window_->findChild<QToolButton*>(key + QStringLiteral(":reset")), qPrintable(key));
            if (p.kind == ParamKind::choice) {
                auto* combo = window_->findChild<QComboBox*>(key + QStringLiteral(":combo"));
                QVERIFY2(combo, qPrintable(key));
                QCOMPARE(combo->count(), static_cast<int>(p.choices.size()));
            } else {
                QVERIFY2(window_->findChild<QSlider*>(key + QStringLiteral(":slider")), qPrintable(key));
                QVERIFY2(window_->findChild<QAbstractSpinBox*>(key + QStringLiteral(":spin")), qPrintable(key));
            }
        }
        QVERIFY(window_->findChild<QComboBox*>(QStringLiteral("presetCombo")));
    }

    void sliderMovesKpisAndRooflinePoints() {
        // Start from the H100: 132 SMs x 4 tensor cores x (16 x 32) MACs x 1 MAC/cycle at BF16 x 2 FLOP
        // x 1.83 GHz = 270,336 MAC/cycle x 3.66e9 = 989.4 TFLOP/s, the data-sheet dense BF16 peak.
        auto* preset = window_->findChild<QComboBox*>(QStringLiteral("presetCombo"));
        const int h100 = preset->findData(QStringLiteral("h100-sxm"));
        QVERIFY(h100 >= 0);
        preset->setCurrentIndex(h100);
        emit preset->activated(h100);
        QCOMPARE(doc_->state().preset_id, std::string("h100-sxm"));
        QVERIFY(doc_->evaluation().ok());
        // The first workload holds the 700 W limit a little below the rated clock (its GEMMs would draw more):
        // the roofline's ceiling is the peak at the clock the chip runs at, 989.4 x clock / 1.83.
        const double held_ghz = doc_->evaluation()->physical.clock_ghz;
        QVERIFY(held_ghz > 1.7 && held_ghz <= 1.83);
        QVERIFY(std::abs(ceiling(*doc_, "BF16") - 989.41 * held_ghz / 1.83) < 0.1);

        const QStringList kpisBefore = kpiTexts(*window_);
        const auto pointsBefore = pointPositions(*window_);
        QVERIFY(!pointsBefore.empty());

        // Clock slider: 0.3 to 3.0 GHz over 1000 steps; position 500 -> 0.3 + 0.5 x 2.7 = 1.65 GHz,
        // so BF16 peak = 270,336 x 2 x 1.65e9 = 892.1 TFLOP/s.
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"));
        QVERIFY(slider);
        slider->setValue(500);
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.65);
        QVERIFY(std::abs(ceiling(*doc_, "BF16") - 892.11) < 0.1);
        auto* spin = window_->findChild<QDoubleSpinBox*>(QStringLiteral("param:compute.clock_ghz:spin"));
        QCOMPARE(spin->value(), 1.65);

        QVERIFY(kpiTexts(*window_) != kpisBefore);
        const auto pointsAfter = pointPositions(*window_);
        QCOMPARE(pointsAfter.size(), pointsBefore.size());
        QVERIFY(pointsAfter != pointsBefore);
        // Compute-bound points drop with the clock; none rises above the new peak.
        for (const auto& p : window_->findChild<RooflineView*>(QStringLiteral("rooflineView"))->points())
            QVERIFY(p.tflops <= 892.11 * 2 + 1e-6);  // fp8 runs at twice the BF16 rate

        // The roofline plot carries the same ceiling: a horizontal line at 892.1 TFLOP/s.
        auto* plot = window_->findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        bool found = false;
        for (int i = 0; i < plot->graphCount(); ++i) {
            auto* g = plot->graph(i);
            if (g->visible() && g->dataCount() == 2 && std::abs(g->data()->at(0)->value - 892.11) < 0.1 &&
                std::abs(g->data()->at(1)->value - 892.11) < 0.1)
                found = true;
        }
        QVERIFY(found);
    }

    void undoRestoresTheExactPreviousValues() {
        const ChipSpec before = doc_->chip();
        const QStringList kpisBefore = kpiTexts(*window_);
        const auto pointsBefore = pointPositions(*window_);
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"));
        const int position = slider->value() == 900 ? 800 : 900;
        slider->setValue(position);
        auto* cores = window_->findChild<QSpinBox*>(QStringLiteral("param:compute.cores:spin"));
        cores->setValue(cores->value() + 3);
        QVERIFY(doc_->chip() != before);

        auto* undo = window_->findChild<QAction*>(QStringLiteral("actionUndo"));
        undo->trigger();
        undo->trigger();
        QVERIFY(doc_->chip() == before);  // every field, bit for bit
        QCOMPARE(kpiTexts(*window_), kpisBefore);
        QVERIFY(pointPositions(*window_) == pointsBefore);
        QCOMPARE(cores->value(), before.compute.cores);
        QCOMPARE(slider->value(), ParameterPanel::toSlider(*find_param("compute.clock_ghz"), before.compute.clock_ghz));

        window_->findChild<QAction*>(QStringLiteral("actionRedo"))->trigger();
        // Position 900: 0.3 + 0.9 x 2.7 = 2.73 GHz, snapped to the slider's 0.05 GHz step (2.7 / 50 =
        // 0.054, the 1-2-5 step below it) = 2.75; position 800: 2.46 -> 2.45.
        QCOMPARE(doc_->chip().compute.clock_ghz, position == 900 ? 2.75 : 2.45);
    }

    void aSliderDragIsOneUndoStep() {
        QUndoStack* stack = window_->undoStack();
        QCOMPARE(stack, doc_->undoStack());
        const int steps = stack->count();
        const double clock = doc_->chip().compute.clock_ghz;
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"));
        slider->setSliderDown(true);
        for (int pos : {100, 200, 300, 400}) slider->setValue(pos);
        slider->setSliderDown(false);  // release
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.4);  // 0.3 + 0.4 x 2.7 = 1.38 GHz, in 0.05 GHz steps
        QCOMPARE(stack->count(), steps + 1);
        // A second drag of the same slider is a step of its own.
        slider->setSliderDown(true);
        for (int pos : {450, 500}) slider->setValue(pos);
        slider->setSliderDown(false);
        QCOMPARE(stack->count(), steps + 2);
        stack->undo();
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.4);
        stack->undo();
        QCOMPARE(doc_->chip().compute.clock_ghz, clock);
    }

    // A slow design follows a drag from a background thread: the slider's value is the design's at once,
    // the views keep the evaluation they have until the new one returns, the result shown is then the
    // last value's (as a direct evaluation gives it), a typed value is evaluated at once and no older
    // background result replaces it, and the release shows the last value's evaluation.
    void aSlowDesignsDragIsFollowedInTheBackground() {
        QVERIFY(doc_->loadPreset("h100-sxm").ok());
        doc_->setBackgroundEvaluationMs(0);  // every evaluation counts as slow
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"));
        QVERIFY(slider);
        auto direct = [&] { return doc_->library().evaluate(doc_->chip(), doc_->state().model, doc_->state().scenario); };
        auto shownMatchesDirect = [&] {
            auto d = direct();
            return d.ok() && doc_->evaluation().ok() &&
                   doc_->evaluation()->serving.throughput_tokens_per_s == d->serving.throughput_tokens_per_s &&
                   doc_->evaluation()->physical.clock_ghz == d->physical.clock_ghz;
        };
        const double ceilingBefore = ceiling(*doc_, "BF16");
        const QStringList kpisBefore = kpiTexts(*window_);
        const auto pointsBefore = pointPositions(*window_);

        auto* roofline = window_->findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        auto* physical = window_->findChild<QCustomPlot*>(QStringLiteral("physicalPlot"));
        QVERIFY(roofline && roofline->isVisible() && physical && physical->isVisible());
        setImmediateReplot(true);  // a refresh replots at once, so the replots count the refreshes
        QSignalSpy rooflineReplots(roofline, &QCustomPlot::afterReplot);
        QSignalSpy physicalReplots(physical, &QCustomPlot::afterReplot);

        slider->setSliderDown(true);
        // Position 500: 0.3 + 0.5 x 2.7 = 1.65 GHz.
        slider->setValue(500);
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.65);
        QVERIFY(doc_->evaluationBehind());
        QCOMPARE(ceiling(*doc_, "BF16"), ceilingBefore);
        QCOMPARE(kpiTexts(*window_), kpisBefore);
        QVERIFY(pointPositions(*window_) == pointsBefore);
        // The roofline draws the evaluation alone: not redrawn for a step whose evaluation is still running;
        // the area and power view draws the chip's die and TDP too: redrawn at every step.
        QCOMPARE(rooflineReplots.count(), 0);
        QVERIFY(physicalReplots.count() >= 1);
        // Position 300: 0.3 + 0.3 x 2.7 = 1.11, in 0.05 GHz steps 1.1 GHz; BF16 peak 270,336 MAC/cycle x 2 x
        // 1.1e9 = 594.7 TFLOP/s (the first workload holds the clock below the cap at this rate).
        QSignalSpy stateSpy(doc_, &DesignDocument::stateChanged);
        slider->setValue(300);
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.1);
        QCOMPARE(stateSpy.count(), 1);  // the edit's own
        QTRY_VERIFY(!doc_->evaluationBehind());
        // Each result shown is announced as a change of the chip's part, for the views that follow the state.
        QVERIFY(stateSpy.count() >= 2);
        QCOMPARE(stateSpy.last().at(0).toUInt(), unsigned(DesignDocument::ChipPart));
        QVERIFY(shownMatchesDirect());
        QVERIFY(std::abs(ceiling(*doc_, "BF16") - 594.74) < 0.1);
        QVERIFY(kpiTexts(*window_) != kpisBefore);
        QVERIFY(pointPositions(*window_) != pointsBefore);
        QVERIFY(rooflineReplots.count() >= 1);  // the result drawn when it arrived
        setImmediateReplot(false);

        // A value typed while a step runs in the background: evaluated at once, and kept.
        slider->setValue(700);  // 0.3 + 0.7 x 2.7 = 2.19 -> 2.2 GHz, evaluated in the background
        QVERIFY(doc_->evaluationBehind());
        QVERIFY(doc_->setParam("compute.clock_ghz", 1.2).ok());
        QVERIFY(!doc_->evaluationBehind());
        QVERIFY(shownMatchesDirect());
        const QStringList kpisTyped = kpiTexts(*window_);
        QSignalSpy shownSpy(doc_, &DesignDocument::evaluationChanged);
        QTest::qWait(300);  // the background result for 2.2 GHz has come back meanwhile, and is not shown
        QCOMPARE(shownSpy.count(), 0);
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.2);
        QVERIFY(shownMatchesDirect());
        QCOMPARE(kpiTexts(*window_), kpisTyped);

        // The release: the last value's evaluation in place at once (here the one running in the background,
        // started for the last value: its result is taken).
        slider->setValue(800);  // 0.3 + 0.8 x 2.7 = 2.46 -> 2.45 GHz
        QVERIFY(doc_->evaluationBehind());
        slider->setSliderDown(false);
        QVERIFY(!doc_->evaluationBehind());
        QCOMPARE(doc_->chip().compute.clock_ghz, 2.45);
        QVERIFY(shownMatchesDirect());
        {
            QSignalSpy takenSpy(doc_, &DesignDocument::evaluationChanged);
            QTest::qWait(100);  // the call that would have shown it comes round: nothing more is shown
            QCOMPARE(takenSpy.count(), 0);
        }
        // A release while an earlier value's runs: that one is waited for and left unshown, the last value
        // evaluated at once. (The results come back through the event loop: none arrives between these lines.)
        slider->setSliderDown(true);
        slider->setValue(600);  // 0.3 + 0.6 x 2.7 = 1.92 -> 1.9 GHz, started in the background
        slider->setValue(400);  // 0.3 + 0.4 x 2.7 = 1.38 -> 1.4 GHz, waiting for it
        QVERIFY(doc_->evaluationBehind());
        slider->setSliderDown(false);
        QVERIFY(!doc_->evaluationBehind());
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.4);
        QVERIFY(shownMatchesDirect());
        QSignalSpy lateSpy(doc_, &DesignDocument::evaluationChanged);
        QTest::qWait(100);  // the 1.9 GHz result, come back, is not shown
        QCOMPARE(lateSpy.count(), 0);
        QVERIFY(shownMatchesDirect());

        // A design faster than the threshold (the default, 12 ms) is evaluated at every step of a drag.
        doc_->setBackgroundEvaluationMs(1e9);
        slider->setSliderDown(true);
        slider->setValue(300);
        QVERIFY(!doc_->evaluationBehind());
        QVERIFY(shownMatchesDirect());
        slider->setSliderDown(false);
    }

    void invalidSpinEntryIsRejected() {
        const ChipSpec before = doc_->chip();
        const int steps = doc_->undoStack()->count();
        auto* spin = window_->findChild<QDoubleSpinBox*>(QStringLiteral("param:compute.clock_ghz:spin"));
        // The registry's valid range is 0.05 to 10 GHz: pasting 25 or -1 is refused, and letters
        // cannot be typed at all.
        auto* edit = spin->findChild<QLineEdit*>();
        QVERIFY(edit);
        for (const char* text : {"25", "-1", "0.01"}) {
            spin->setFocus();
            edit->setText(QString::fromLatin1(text));  // as a paste would, past the key validator
            QTest::keyClick(spin, Qt::Key_Return);
            QVERIFY2(doc_->chip() == before, text);
        }
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("abc"));
        QTest::keyClick(spin, Qt::Key_Return);
        QVERIFY(doc_->chip() == before);
        QCOMPARE(spin->value(), before.compute.clock_ghz);
        QCOMPARE(doc_->undoStack()->count(), steps);

        // The document refuses what check_param refuses, names the key and changes nothing.
        QSignalSpy refused(doc_, &DesignDocument::editRefused);
        auto status = doc_->setParam("compute.clock_ghz", 0.01);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message.find("compute.clock_ghz") != std::string::npos, status.error().message.c_str());
        QCOMPARE(refused.count(), 1);
        QVERIFY(doc_->chip() == before);
        QCOMPARE(doc_->undoStack()->count(), steps);
    }

    void choosingAReferenceChipFillsCompare() {
        doc_->setReferences({});
        auto* table = window_->findChild<QTableWidget*>(QStringLiteral("compareTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 1);  // the design alone
        auto* action = window_->findChild<QAction*>(QStringLiteral("reference:tpu-v7"));
        QVERIFY(action);
        action->trigger();
        QCOMPARE(doc_->state().reference_ids, std::vector<std::string>{"tpu-v7"});
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(1, 0)->text(), QString::fromStdString(doc_->referenceChip("tpu-v7")->name));
        for (int c = 1; c < table->columnCount(); ++c) QVERIFY(table->item(1, c)->text() != QStringLiteral("n/a"));
        auto* plot = window_->findChild<QCustomPlot*>(QStringLiteral("comparePlot"));
        QCOMPARE(plot->plottableCount(), 8);  // per chip and panel, its bars and their error bars
        auto* view = window_->findChild<CompareView*>(QStringLiteral("compareView"));
        QCOMPARE(view->entryCount(), 2);
        for (int m = 0; m < CompareView::MetricCount; ++m)  // three metrics against B200
            QVERIFY(std::isfinite(view->barRatio(1, static_cast<CompareView::Metric>(m))));
        // Undo takes it away again.
        doc_->undoStack()->undo();
        QCOMPARE(table->rowCount(), 1);
    }

    void compareBarsCarryTheChipsRanges() {
        // Each bar's error bar is the chip's own range (core result_ranges) over the baseline's value.
        doc_->setReferences({"h100-sxm"});
        auto* view = window_->findChild<CompareView*>(QStringLiteral("compareView"));
        QVERIFY(view);
        QSignalSpy shown(view, &CompareView::rangesShown);
        QVERIFY(shown.wait(20000));
        QCOMPARE(view->errorBars().size(), size_t{2});
        auto design = currentDesignPoint(*doc_);
        QVERIFY(design.ok());
        DesignPoint h100 = design.value();
        h100.chip = *doc_->referenceChip("h100-sxm");
        const ResultKey* tps = find_result_key("throughput_tokens_per_s");
        const std::vector<const ResultKey*> keys{tps};
        const double base = tps->value(doc_->baselineEvaluation()->value()).value();
        int i = 0;
        for (const DesignPoint* p : {&design.value(), &h100}) {
            auto r = result_ranges(*p, keys);
            QVERIFY(r.ok());
            const ResultRange& t = r->results.front();
            const QCPErrorBarsData e = view->errorBars()[static_cast<size_t>(i++)]->data()->at(0);  // metric 1: tokens/s
            QVERIFY(t.high > t.low);
            QCOMPARE(e.errorMinus, (t.value - t.low) / base);
            QCOMPARE(e.errorPlus, (t.high - t.value) / base);
        }
        // The Jalapeno estimate's bar is less certain than the measured H100's.
        QVERIFY(view->errorBars()[0]->data()->at(0).errorPlus > view->errorBars()[1]->data()->at(0).errorPlus);
    }

    void hiddenViewsCatchUpWhenShown() {
        // A hidden view does no work on a change; it refreshes when shown again.
        auto* view = window_->findChild<CompareView*>(QStringLiteral("compareView"));
        QVERIFY(view);
        doc_->setReferences({});
        QCOMPARE(view->table()->rowCount(), 1);
        view->hide();
        doc_->setReferences({"tpu-v7"});
        QCOMPARE(view->table()->rowCount(), 1);
        view->show();
        QCOMPARE(view->table()->rowCount(), 2);
        QCOMPARE(view->table()->item(1, 0)->text(), QString::fromStdString(doc_->referenceChip("tpu-v7")->name));
    }

    void baselineChipNormalisesToOne() {
        // The baseline compared with itself is 1.0 on every metric.
        doc_->setReferences({"b200"});
        auto* view = window_->findChild<CompareView*>(QStringLiteral("compareView"));
        for (int m = 0; m < CompareView::MetricCount; ++m)
            QCOMPARE(view->barRatio(1, static_cast<CompareView::Metric>(m)), 1.0);
    }

    void resetReturnsToThePreset() {
        const double preset = doc_->state().preset.compute.clock_ghz;
        auto* reset = window_->findChild<QToolButton*>(QStringLiteral("param:compute.clock_ghz:reset"));
        QVERIFY(!reset->isEnabled());
        window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"))->setValue(10);
        QVERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(doc_->chip().compute.clock_ghz, preset);
        QVERIFY(!reset->isEnabled());
    }

    void aKeyLeftAtZeroShowsTheValueItStandsFor() {
        QVERIFY(doc_->loadPreset("b200").ok());
        // B200 sets no busy floor of its own: the field reads the tech library's 0.181 W/(mm2 GHz), not 0.000,
        // and its tooltip names that parameter.
        auto* floor = window_->findChild<QDoubleSpinBox*>(QStringLiteral("param:power.floor_w_per_mm2_ghz:spin"));
        QVERIFY(floor);
        QCOMPARE(floor->value(), 0.0);
        QCOMPARE(floor->text(), QStringLiteral("auto: 0.181"));
        QVERIFY(floor->toolTip().contains(QStringLiteral("0.181, from power.static_w_per_mm2_ghz")));
        // A key that follows another (its 16-bit-cache attention call overhead: as the FP8 cache's, 6.97 us)
        // follows that key's edits while it stays 0.
        auto* wide = window_->findChild<QDoubleSpinBox*>(QStringLiteral("param:efficiency.attention_16bit_overhead_us:spin"));
        QVERIFY(wide);
        QCOMPARE(wide->text(), QStringLiteral("auto: 6.97"));
        QVERIFY(doc_->setParam("efficiency.attention_overhead_us", 8.5).ok());
        QCOMPARE(wide->text(), QStringLiteral("auto: 8.5"));
        // Set, a key reads its own value and its tooltip drops the line; back at 0 it reads auto again.
        QVERIFY(doc_->setParam("power.floor_w_per_mm2_ghz", 0.25).ok());
        QCOMPARE(floor->text(), QStringLiteral("0.250"));
        QVERIFY(!floor->toolTip().contains(QStringLiteral("from power.static_w_per_mm2_ghz")));
        QVERIFY(doc_->setParam("power.floor_w_per_mm2_ghz", 0).ok());
        QCOMPARE(floor->text(), QStringLiteral("auto: 0.181"));
        // A key whose 0 is a value of its own (overlap 0: compute, memory and network times add) reads 0.
        QVERIFY(doc_->setParam("efficiency.overlap", 0).ok());
        auto* overlap = window_->findChild<QDoubleSpinBox*>(QStringLiteral("param:efficiency.overlap:spin"));
        QCOMPARE(overlap->text(), QStringLiteral("0.000"));
    }

    void searchFiltersParameters() {
        auto* search = window_->findChild<QLineEdit*>(QStringLiteral("paramSearch"));
        QVERIFY(search);
        QTest::keyClicks(search, QStringLiteral("clock"));
        QVERIFY(window_->findChild<QWidget*>(QStringLiteral("param:compute.clock_ghz"))->isVisible());
        QVERIFY(!window_->findChild<QWidget*>(QStringLiteral("param:hbm.stacks"))->isVisible());
        search->clear();
        QVERIFY(window_->findChild<QWidget*>(QStringLiteral("param:hbm.stacks"))->isVisible());
    }

    void workloadEditsAreUndoable() {
        auto* tp = window_->findChild<QSpinBox*>(QStringLiteral("workload:tp"));
        QVERIFY(tp);
        const Scenario before = doc_->state().scenario;
        tp->setValue(4);
        QCOMPARE(doc_->state().scenario.tp, 4);
        // The design and every reference chip evaluated on the edited workload (side by side on the cores),
        // each as the model evaluates it alone.
        auto same = [&](const Result<Evaluation>& shown, const ChipSpec& chip) {
            auto alone = doc_->library().evaluate(chip, doc_->state().model, doc_->state().scenario);
            return shown.ok() == alone.ok() &&
                   (!alone.ok() || shown->serving.throughput_tokens_per_s == alone->serving.throughput_tokens_per_s);
        };
        QVERIFY(same(doc_->evaluation(), doc_->chip()));
        std::set<std::string> wanted(doc_->state().reference_ids.begin(), doc_->state().reference_ids.end());
        wanted.insert(doc_->state().baseline_id);
        QVERIFY(wanted.size() >= 2);  // B200 (the baseline), TPU v7 and others of the first start
        QCOMPARE(doc_->referenceEvaluations().size(), wanted.size());
        for (const auto& [id, shown] : doc_->referenceEvaluations()) {
            QVERIFY(shown.ok());
            QVERIFY2(same(shown, *doc_->referenceChip(id)), id.c_str());
        }
        doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario == before);
        QCOMPARE(tp->value(), before.tp);
    }

    // A slow design's workload edit is followed from a background thread: the edit is the state's and the bars'
    // at once, while the design's and the reference chips' evaluations stay those shown, with the views (behind);
    // they arrive together, each as the model evaluates it alone on the newest state: edits made meanwhile join
    // the one running, a chip edit too, and undo is followed the same way.
    void aSlowDesignsWorkloadEditIsFollowedInTheBackground() {
        QVERIFY(doc_->lastWorkloadMs() > 0);  // the first start's, evaluated at once
        doc_->setBackgroundWorkloadMs(0);     // every workload evaluation counts as slow
        const auto throughputs = [&] {
            std::map<std::string, double> t;
            t[""] = doc_->evaluation()->serving.throughput_tokens_per_s;
            for (const auto& [id, shown] : doc_->referenceEvaluations())
                t[id] = shown.ok() ? shown->serving.throughput_tokens_per_s : -1;
            return t;
        };
        // What the model gives the design and every reference chip alone on the current state.
        const auto direct = [&] {
            std::map<std::string, double> t;
            auto design = doc_->library().evaluate(doc_->chip(), doc_->state().model, doc_->state().scenario);
            t[""] = design.ok() ? design->serving.throughput_tokens_per_s : -1;
            for (const auto& [id, shown] : doc_->referenceEvaluations()) {
                auto alone = doc_->library().evaluate(*doc_->referenceChip(id), doc_->state().model, doc_->state().scenario);
                t[id] = alone.ok() ? alone->serving.throughput_tokens_per_s : -1;
            }
            return t;
        };
        const Scenario before = doc_->state().scenario;
        const auto shownBefore = throughputs();
        QCOMPARE(shownBefore.size(), size_t(1 + doc_->referenceEvaluations().size()));
        const QStringList kpisBefore = kpiTexts(*window_);
        auto* in = window_->findChild<QSpinBox*>(QStringLiteral("workload:input_len"));
        QVERIFY(in);

        Scenario longer = before;
        longer.input_len *= 2;
        QSignalSpy stateSpy(doc_, &DesignDocument::stateChanged);
        doc_->setScenario(longer);
        QCOMPARE(doc_->state().scenario.input_len, longer.input_len);
        QCOMPARE(in->value(), longer.input_len);
        QVERIFY(doc_->evaluationBehind());
        QVERIFY(throughputs() == shownBefore);
        QCOMPARE(kpiTexts(*window_), kpisBefore);
        QVERIFY(!doc_->designRanges());  // the ranges belong to the state shown: asked for again with its result
        // A second edit joins it: the newest state's evaluations are the ones shown when it returns.
        Scenario more = longer;
        more.output_len *= 2;
        doc_->setScenario(more);
        QVERIFY(doc_->evaluationBehind());
        QTRY_VERIFY(!doc_->evaluationBehind());
        QVERIFY(stateSpy.count() >= 3);  // each edit's own, and the result's
        QVERIFY(stateSpy.last().at(0).toUInt() & DesignDocument::WorkloadPart);
        const auto shownMore = throughputs();
        QVERIFY(shownMore == direct());
        QVERIFY(shownMore.at("") != shownBefore.at(""));
        QVERIFY(kpiTexts(*window_) != kpisBefore);
        QTRY_VERIFY(doc_->designRanges());

        // Undone twice: followed the same way, back to the first results.
        doc_->undoStack()->undo();
        QVERIFY(doc_->evaluationBehind());
        doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario == before);
        QCOMPARE(in->value(), before.input_len);
        QTRY_VERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == shownBefore);
        QCOMPARE(kpiTexts(*window_), kpisBefore);

        // A chip edit made while one runs joins it: the design on both edits, the reference chips on the workload.
        doc_->setScenario(longer);
        QVERIFY(doc_->setParam("compute.clock_ghz", 1.5).ok());
        QCOMPARE(doc_->chip().compute.clock_ghz, 1.5);
        QVERIFY(doc_->evaluationBehind());
        QTRY_VERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == direct());
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QTRY_VERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == shownBefore);

        // A design faster than the threshold is evaluated at once.
        doc_->setBackgroundWorkloadMs(1e9);
        doc_->setScenario(longer);
        QVERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == direct());
        doc_->undoStack()->undo();

        // A history opened while one runs is evaluated at once, and the evaluation that was running is not shown.
        doc_->setBackgroundWorkloadMs(0);
        doc_->setScenario(more);
        QVERIFY(doc_->evaluationBehind());
        DesignState opened = doc_->state();
        opened.scenario = before;
        doc_->replaceState(opened);
        QVERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == shownBefore);
        QSignalSpy late(doc_, &DesignDocument::evaluationChanged);
        QTest::qWait(500);  // the one that was running returns meanwhile
        QCOMPARE(late.count(), 0);
        QVERIFY(!doc_->evaluationBehind());
        QVERIFY(throughputs() == shownBefore);
    }

    // Edits, undos and redos of the workload, the chip and the compared chips in any order, with the event loop
    // turning between some of them, while workload evaluations run in the background: at the end the design's and
    // every reference chip's evaluations are those of the state shown, as the model gives them alone.
    void backgroundWorkloadEvaluationsEndOnTheStateShown() {
        doc_->setBackgroundWorkloadMs(0);
        std::mt19937 rng(20261206);
        const std::vector<std::string> comparedSets[] = {{"b200"}, {"b200", "h100-sxm"}, {"tpu-v7", "mi300x"}};
        for (int i = 0; i < 40; ++i) {
            switch (rng() % 6) {
            case 0: {
                Scenario s = doc_->state().scenario;
                s.input_len = 256 << (rng() % 4);
                doc_->setScenario(s);
                break;
            }
            case 1: {
                Scenario s = doc_->state().scenario;
                s.chips = 4 << (rng() % 2);
                s.batch = rng() % 2 ? 0 : 32;
                doc_->setScenario(s);
                break;
            }
            case 2:
                QVERIFY(doc_->setParam("compute.clock_ghz", 1.0 + 0.1 * static_cast<double>(rng() % 10)).ok());
                break;
            case 3:
                doc_->setReferences(comparedSets[rng() % 3]);
                break;
            case 4:
                doc_->undoStack()->undo();
                break;
            default:
                doc_->undoStack()->redo();
                break;
            }
            if (rng() % 3 == 0) QTest::qWait(static_cast<int>(rng() % 40));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!doc_->evaluationBehind(), 20000);
        const auto alone = [&](const ChipSpec& chip) {
            return doc_->library().evaluate(chip, doc_->state().model, doc_->state().scenario);
        };
        const auto same = [](const Result<Evaluation>& a, const Result<Evaluation>& b) {
            return a.ok() == b.ok() && (!a.ok() || a->serving.throughput_tokens_per_s == b->serving.throughput_tokens_per_s);
        };
        QVERIFY(same(doc_->evaluation(), alone(doc_->chip())));
        std::set<std::string> wanted(doc_->state().reference_ids.begin(), doc_->state().reference_ids.end());
        wanted.insert(doc_->state().baseline_id);
        QCOMPARE(doc_->referenceEvaluations().size(), wanted.size());
        for (const auto& [id, shown] : doc_->referenceEvaluations()) {
            QVERIFY2(wanted.count(id), id.c_str());
            QVERIFY2(same(shown, alone(*doc_->referenceChip(id))), id.c_str());
        }
        // And the KPI cards show it: the throughput card reads the evaluation shown.
        auto* card = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s"));
        QVERIFY(card);
        QCOMPARE(card->text(), formatResult(*find_result_key("throughput_tokens_per_s"),
                                            doc_->evaluation()->serving.throughput_tokens_per_s));
    }

    void parallelismDefaultsToAuto() {
        // Every degree reads "auto" on first start; a given one is kept, auto again at 0.
        for (const char* name : {"workload:tp", "workload:attention_dp", "workload:pp", "workload:ep"}) {
            auto* spin = window_->findChild<QSpinBox*>(QLatin1String(name));
            QVERIFY2(spin, name);
            QCOMPARE(spin->value(), 0);
            QCOMPARE(spin->text(), QStringLiteral("auto"));
        }
        QVERIFY(doc_->evaluation()->serving.parallelism_auto);
    }

    void theEngineMenuFitsItsScreenAndScrolls() {
        // The engine's form is taller than a 768-px screen (and than the offscreen one here): its menu opens
        // within the screen and the form scrolls inside it; the wheel over a field not clicked into scrolls
        // the form and leaves the field's value as it was.
        auto* button = window_->findChild<QToolButton*>(QStringLiteral("servingEngineButton"));
        auto* menu = window_->findChild<QMenu*>(QStringLiteral("servingEngineMenu"));
        auto* scroll = window_->findChild<QScrollArea*>(QStringLiteral("servingEngineScroll"));
        QVERIFY(button && menu && scroll);
        menu->popup(button->mapToGlobal(QPoint(0, button->height())));
        QTRY_VERIFY(menu->isVisible());
        const QRect screen = button->screen()->availableGeometry();
        QVERIFY2(scroll->widget()->sizeHint().height() > screen.height(), "the form fits: nothing to scroll");
        QVERIFY2(screen.contains(menu->geometry()), qPrintable(QStringLiteral("menu %1,%2 %3x%4 on a %5x%6 screen")
                                                                   .arg(menu->x()).arg(menu->y()).arg(menu->width())
                                                                   .arg(menu->height()).arg(screen.width())
                                                                   .arg(screen.height())));
        QScrollBar* bar = scroll->verticalScrollBar();
        QVERIFY(bar->maximum() > 0);
        auto* draft = window_->findChild<QComboBox*>(QStringLiteral("workload:draft_model"));
        QVERIFY(draft && !draft->hasFocus());
        const int index = draft->currentIndex(), top = bar->value();
        const QPoint at(draft->width() / 2, draft->height() / 2);
        QWheelEvent wheel(at, draft->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(draft, &wheel);
        QCOMPARE(draft->currentIndex(), index);
        QVERIFY(bar->value() > top);
        menu->hide();
    }

    void theExplainPanelSaysWhatStreamingCosts() {
        // The start-up workload is a server (TTFT and TPOT limits): with 15 us per streamed token, the Explain
        // panel's serving line gives the host time and the streamed share of it, requests x 15 us.
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        Scenario s = doc_->state().scenario;
        QVERIFY(s.has_limits());
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("streaming tokens")));
        auto* field = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:stream_us_per_token"));
        QVERIFY(field);
        field->setValue(15);
        QCOMPARE(doc_->state().scenario.stream_us_per_token, 15.0);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("streaming tokens to the clients")),
                     qPrintable(explain->toPlainText().left(800)));
        // Offline (no limits): nothing is streamed, and the line says so by leaving it out.
        s = doc_->state().scenario;
        s.ttft_slo_s.reset();
        s.tpot_slo_s.reset();
        doc_->setScenario(s);
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("streaming tokens")));
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
    }

    void theExplainPanelSaysHowTheArraysHoldAGemm() {
        // Llama-3.1-70B on 8 chips at tp 8: each chip's qkv_proj is K = 8192 by N = 1280. TPU v6e's 256 x 256 MXUs
        // hold its weights in tiles while the step's token rows stream through 8 at a time (weight-stationary);
        // H100's tensor cores hold output tiles (output-stationary) and are never said to hold weights.
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        for (const char* chip : {"tpu-v6e", "h100-sxm"}) {
            startFrom(chip, "llama-3.1-70b");
            Scenario s = doc_->state().scenario;
            s.chips = s.tp = 8;
            s.pp = s.ep = s.attention_dp = 1;
            s.ttft_slo_s.reset();
            s.tpot_slo_s.reset();
            s.batch = 100;
            doc_->setScenario(s);
            doc_->setSelection({Phase::decode, 0, -1});
            // (Each chip's own HBM peak says the panel shows it.)
            const QString peak = std::string_view(chip) == "tpu-v6e" ? QStringLiteral("HBM peak 1.64 TB/s")
                                                                     : QStringLiteral("HBM peak 3.35 TB/s");
            QTRY_VERIFY2(explain->toPlainText().contains(peak), qPrintable(explain->toPlainText().left(400)));
            const QString text = explain->toPlainText();
            const QString qkv = text.mid(text.indexOf(QStringLiteral("qkv_proj (")), 1200);
            if (std::string_view(chip) == "tpu-v6e") {
                QVERIFY2(qkv.contains(QStringLiteral("(weight-stationary arrays: its K = 8,192 and N = 1,280 in weight tiles of "
                                                     "256 × 256, held while its ")),
                         qPrintable(qkv));
                QVERIFY2(qkv.contains(QStringLiteral(" rows stream through 8 at a time, each tile taking at least the 256 "
                                                     "cycles of its load)")),
                         qPrintable(qkv));
            } else {
                QVERIFY2(!text.contains(QStringLiteral("weight-stationary")), qPrintable(qkv));
            }
        }
    }

    void theExplainPanelNamesALinearLayersState() {
        // Qwen3-Next's layer 0 is a linear-attention layer: its ops keep a state per request, not KV, and the
        // panel's memory lines say so; its layer 3 attends with a KV cache. The evaluation's warning that no
        // measured run checks those layers shows in the warnings line.
        startFrom("h100-sxm", "qwen3-next-80b-a3b");
        Scenario s = doc_->state().scenario;
        s.chips = s.tp = 4;
        s.ttft_slo_s.reset();
        s.tpot_slo_s.reset();
        s.batch = 64;
        doc_->setScenario(s);
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        doc_->setSelection({Phase::decode, 0, -1});
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("linear_recurrent")),
                     qPrintable(explain->toPlainText().left(400)));
        QVERIFY(explain->toPlainText().contains(QStringLiteral("+ linear-attention state ")));
        doc_->setSelection({Phase::decode, 3, -1});
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("attn_score")));
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("linear-attention state")));
        QVERIFY(doc_->evaluation().ok());
        const auto texts = doc_->evaluation()->warning_texts();
        QVERIFY(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
            return t.find("36 linear-attention layers") != std::string::npos;
        }));
        auto* warnings = window_->findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY(warnings && warnings->isVisible());
        QVERIFY2(warnings->text().contains(QStringLiteral("linear-attention layers")) ||
                     warnings->toolTip().contains(QStringLiteral("linear-attention layers")),
                 qPrintable(warnings->text()));
        doc_->setSelection({});
    }

    void aServerWhoseQueueNeverSettlesShowsAnUnboundedTtft() {
        // Llama 3.1 70B bf16 on one B200 per replica with 81,921-token prompts: its memory holds one request
        // (172.8 GB - 141.1 GB of weights = 31.7 GB for a 27.0 GB KV), so a server keeping that slot busy
        // queues without bound. The TTFT card reads unbounded, never 0 or a number, and the warning says why.
        Scenario s = startFrom("b200", "llama-3.1-70b");
        s.chips = 6;
        s.tp = 1;
        s.input_len = 81921;
        s.output_len = 512;
        s.batch = 0;
        s.ttft_slo_s = 2.0;
        s.tpot_slo_s = 0.05;
        s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
        doc_->setScenario(s);
        QVERIFY(doc_->evaluation().ok());
        const ServingResult& sv = doc_->evaluation()->serving;
        QCOMPARE(sv.max_batch, 1);
        QVERIFY(std::isinf(sv.ttft_p99_s));
        auto* ttftCard = window_->findChild<QLabel*>(QStringLiteral("kpi:ttft"));
        QVERIFY(ttftCard);
        QCOMPARE(ttftCard->text(), QStringLiteral("\u221e s"));
        auto* warnings = window_->findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY(warnings && warnings->isVisible());
        QVERIFY2(warnings->text().contains(QStringLiteral("fill all 1 slots of a replica")) ||
                     warnings->toolTip().contains(QStringLiteral("fill all 1 slots of a replica")),
                 qPrintable(warnings->text()));
        // A finite TPOT stays a number.
        QVERIFY(window_->findChild<QLabel*>(QStringLiteral("kpi:tpot"))->text() == formatSeconds(sv.tpot_p99_s));
    }

    void aDisaggregatedResultShowsItsSplitOnTheParallelismCard() {
        // Llama 3.1 8B on 6 H100s at TP 1, the split left to the search: the card gives the pools' chips,
        // which add up to the system's (not one pool's replicas, which leave the other pool out), and each
        // pool's deployment on hover; a split given is not called chosen.
        QVERIFY(doc_->loadPreset("h100-sxm").ok());
        doc_->setModel("llama-3.1-8b");
        Scenario s = doc_->state().scenario;
        s.chips = 6;
        s.tp = s.pp = s.ep = s.attention_dp = 1;
        s.batch = 0;
        s.ttft_slo_s.reset();
        s.tpot_slo_s.reset();
        s.prefill_chips = s.decode_chips = -1;
        doc_->setScenario(s);
        QVERIFY(doc_->evaluation().ok());
        const ServingResult& sv = doc_->evaluation()->serving;
        QVERIFY(sv.disaggregated);
        QCOMPARE(sv.prefill_pool.chips + sv.decode_pool.chips, 6);
        auto* card = window_->findChild<QLabel*>(QStringLiteral("kpi:parallelism"));
        auto* delta = window_->findChild<QLabel*>(QStringLiteral("kpi:parallelism:delta"));
        QVERIFY(card && delta);
        QCOMPARE(card->text(), QStringLiteral("%1 + %2 chips").arg(sv.prefill_pool.chips).arg(sv.decode_pool.chips));
        QCOMPARE(delta->text(), QStringLiteral("prefill + decode, chosen"));
        const QString tip = card->parentWidget()->toolTip();
        QVERIFY2(tip.contains(QStringLiteral("prefill pool of %1 chips (TP 1, %1 replicas)").arg(sv.prefill_pool.chips)),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("decode pool of %1 chips (TP 1, %1 replicas)").arg(sv.decode_pool.chips)),
                 qPrintable(tip));
        s.prefill_chips = 2;
        s.decode_chips = 4;
        doc_->setScenario(s);
        QCOMPARE(card->text(), QStringLiteral("2 + 4 chips"));
        QCOMPARE(delta->text(), QStringLiteral("prefill + decode"));
        // Long prompts: the prefill pool binds and feeds the decode pool fewer requests than it would take,
        // which the batch card says.
        const int inputLen = s.input_len;
        s.input_len = 8000;
        doc_->setScenario(s);
        const ServingResult& fed = doc_->evaluation()->serving;
        QVERIFY2(fed.decode_pool.batch_limit > fed.batch, qPrintable(QString::number(fed.batch)));
        QCOMPARE(window_->findChild<QLabel*>(QStringLiteral("kpi:batch"))->text(), QString::number(fed.batch));
        QCOMPARE(window_->findChild<QLabel*>(QStringLiteral("kpi:batch:delta"))->text(),
                 QStringLiteral("fed by prefill; up to %1").arg(formatNumber(fed.decode_pool.batch_limit, 0)));
        s.input_len = inputLen;
        // Back to one pool: the card shows the replica's parallelism and its own tip again.
        s.prefill_chips = s.decode_chips = 0;
        doc_->setScenario(s);
        QCOMPARE(card->text(), QStringLiteral("TP 1"));
        QVERIFY(!card->parentWidget()->toolTip().contains(QStringLiteral("Disaggregated")));
    }

    // Under the cost line, how far the model's tokens/s have been from measured runs of the workload's
    // class (dense or MoE, the prompt's share of a request's tokens); in full on hover and in the Explain
    // panel. It follows the model and the lengths.
    void theResultSaysHowCloseMeasuredRunsOfItsKindCame() {
        auto* line = window_->findChild<QLabel*>(QStringLiteral("kpi:accuracy"));
        QVERIFY(line);
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        // The start-up workload, Llama 3.1 70B at 1024/256 (prompt share 0.8): dense, mixed lengths.
        const MeasuredAccuracy* dense = find_accuracy(builtin_measured_accuracy(), {false, LengthMix::mixed});
        QVERIFY(dense && dense->rows > 0);
        QCOMPARE(line->text(), accuracyLine(*dense));
        QVERIFY2(line->text().contains(QStringLiteral("(%1 runs, dense models, mixed lengths)").arg(dense->rows)),
                 qPrintable(line->text()));
        QCOMPARE(line->toolTip(), accuracyText(*dense));
        QTRY_VERIFY2(explain->toPlainText().contains(accuracyText(*dense)), qPrintable(explain->toPlainText().left(1500)));
        // 1024/128 (prompt share 0.889): prompt-heavy; then an MoE model.
        Scenario s = doc_->state().scenario;
        s.output_len = 128;
        doc_->setScenario(s);
        // (A workload edit whose evaluation runs long, on a loaded machine, is shown when its background
        // evaluation ends: the line is waited for.)
        const MeasuredAccuracy* prompts = find_accuracy(builtin_measured_accuracy(), {false, LengthMix::prompt_heavy});
        QVERIFY(prompts);
        QTRY_COMPARE(line->text(), accuracyLine(*prompts));
        doc_->setModel("qwen3-30b-a3b");
        const MeasuredAccuracy* moe = find_accuracy(builtin_measured_accuracy(), {true, LengthMix::prompt_heavy});
        QVERIFY(moe);
        QTRY_COMPARE(line->text(), accuracyLine(*moe));
        QTRY_VERIFY2(explain->toPlainText().contains(accuracyText(*moe)), qPrintable(explain->toPlainText().left(1500)));
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QTRY_COMPARE(line->text(), accuracyLine(*dense));
    }

    // A library chip as the library holds it adds how far the model has been from every measured run on it: TPU7x's
    // eight (Google's recipes); a design changed from it is another chip, and says nothing of them.
    void theResultSaysHowCloseTheChipsOwnRunsCame() {
        auto* line = window_->findChild<QLabel*>(QStringLiteral("kpi:accuracy"));
        QVERIFY(line);
        const MeasuredAccuracy* tpu = find_chip_accuracy(builtin_chip_accuracy(), "tpu-v7");
        QVERIFY(tpu && tpu->rows == 8);
        startFrom("tpu-v7", "llama-3.1-70b");
        const MeasuredAccuracy* dense = find_accuracy(builtin_measured_accuracy(), {false, LengthMix::mixed});
        QVERIFY(dense);
        QTRY_COMPARE(line->text(), accuracyLine(*dense) + QStringLiteral("; ") + chipAccuracyLine(*tpu));
        QVERIFY2(line->text().endsWith(QStringLiteral("on this chip (8 runs): median %1").arg(formatSignedPercent(tpu->median_error))),
                 qPrintable(line->text()));
        QVERIFY(line->toolTip().contains(chipAccuracyText(*tpu, QStringLiteral("TPU7x Ironwood"))));
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("Measured on this chip")),
                     qPrintable(explain->toPlainText().left(1500)));
        QVERIFY(doc_->setParam("compute.clock_ghz", 2.0).ok());
        QTRY_COMPARE(line->text(), accuracyLine(*dense));
        QVERIFY(!line->toolTip().contains(QStringLiteral("TPU7x Ironwood")));
        QVERIFY(doc_->loadPreset("jalapeno-est").ok());
        QTRY_COMPARE(line->text(), accuracyLine(*dense));
    }

    void theEngineFormEditsTheWorkloadKeys() {
        // One row per workload key of the engine's groups, named after the key.
        for (const WorkloadKey& k : workload_keys()) {
            const bool engine = k.group == "Engine" || k.group == "Speculative decoding" ||
                                k.group == "Mixture of experts" || k.group == "Disaggregation";
            QWidget* field = window_->findChild<QWidget*>(QStringLiteral("workload:") + QString::fromUtf8(k.key.data(),
                                                                                                  int(k.key.size())));
            QVERIFY2(!engine || field, k.key.data());
        }
        auto* budget = window_->findChild<QSpinBox*>(QStringLiteral("workload:max_tokens_per_step"));
        QVERIFY(budget);
        QCOMPARE(budget->value(), 8192);
        const Scenario before = doc_->state().scenario;
        budget->setValue(2048);
        QCOMPARE(doc_->state().scenario.max_tokens_per_step, 2048);
        auto* kv = window_->findChild<QComboBox*>(QStringLiteral("workload:kv_allocation"));
        QVERIFY(kv);
        kv->setCurrentIndex(kv->findData(QStringLiteral("on_demand")));
        emit kv->activated(kv->currentIndex());
        QCOMPARE(doc_->state().scenario.kv_allocation, KvAllocation::on_demand);
        auto* prefill = window_->findChild<QSpinBox*>(QStringLiteral("workload:prefill_chips"));
        QVERIFY(prefill);
        QCOMPARE(prefill->text(), QStringLiteral("off"));
        QCOMPARE(window_->findChild<QSpinBox*>(QStringLiteral("workload:spec_tokens"))->text(), QStringLiteral("off"));
        // A count's unit agrees with it, and what is shown reads back as the number.
        QCOMPARE(budget->text(), QStringLiteral("2048 tokens"));
        auto* block = window_->findChild<QSpinBox*>(QStringLiteral("workload:admit_every_steps"));
        QVERIFY(block);
        QCOMPARE(block->text(), QStringLiteral("1 step"));
        QCOMPARE(window_->findChild<QSpinBox*>(QStringLiteral("workload:requests"))->text(), QStringLiteral("steady stream"));
        block->findChild<QLineEdit*>()->selectAll();
        QTest::keyClicks(block, QStringLiteral("4"));
        QTest::keyClick(block, Qt::Key_Enter);
        QCOMPARE(block->text(), QStringLiteral("4 steps"));
        QCOMPARE(doc_->state().scenario.admit_every_steps, 4);
        // Prompts in steps of their own: the result carries the prompt step, and the Explain panel says what
        // it costs and how often it runs.
        auto* prompts = window_->findChild<QComboBox*>(QStringLiteral("workload:prefill_steps"));
        QVERIFY(prompts);
        QCOMPARE(prompts->currentData().toString(), QStringLiteral("mixed"));
        prompts->setCurrentIndex(prompts->findData(QStringLiteral("separate")));
        emit prompts->activated(prompts->currentIndex());
        QCOMPARE(doc_->state().scenario.prefill_steps, PrefillSteps::separate);
        QTRY_VERIFY(doc_->evaluation() && doc_->evaluation()->serving.prompt_steps_per_step > 0);
        const ServingResult& sv = doc_->evaluation()->serving;
        QVERIFY(std::isfinite(sv.prompt_step_s) && sv.prompt_step_s > 0);
        QCOMPARE(sv.step_s, sv.decode_step_s + sv.prompt_steps_per_step * sv.prompt_step_s);
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("Prompts run in steps of their own")),
                     qPrintable(explain->toPlainText().left(600)));
        doc_->undoStack()->undo();
        QCOMPARE(doc_->state().scenario.prefill_steps, PrefillSteps::mixed);
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("Prompts run in steps of their own")));
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario == before);
        QCOMPARE(budget->value(), 8192);
    }

    void theEngineFormGreysOutKeysThatChangeNothing() {
        // On the first design (Llama 3.1 70B, dense, one pool, no drafts) the MoE keys, the acceptance, the
        // chunked-attention keys and the prefill pool's own keys change nothing (WorkloadKey::applies): greyed
        // out with their labels, their tips saying when they apply; the workload bar's EP too.
        const auto field = [&](const char* key) {
            return window_->findChild<QWidget*>(QStringLiteral("workload:") + QLatin1String(key));
        };
        const Scenario before = doc_->state().scenario;
        QCOMPARE(doc_->state().model.id, std::string("llama-3.1-70b"));
        for (const char* key : {"moe_tile_tokens", "expert_imbalance", "spec_accept", "draft_model", "chunked_kv",
                                "prefill_tp", "prefill_ep", "prefill_chip"}) {
            QWidget* f = field(key);
            QVERIFY2(f && !f->isEnabled(), key);
        }
        for (const char* key : {"max_tokens_per_step", "spec_tokens", "prefill_chips", "attention_dp_balance"})
            QVERIFY2(field(key)->isEnabled(), key);
        auto* formLayout = qobject_cast<QFormLayout*>(field("spec_accept")->parentWidget()->layout());
        QVERIFY(formLayout);
        QVERIFY(!formLayout->labelForField(field("spec_accept"))->isEnabled());
        QVERIFY2(field("spec_accept")->toolTip().contains(QStringLiteral("it applies with draft tokens")),
                 qPrintable(field("spec_accept")->toolTip()));
        QVERIFY(field("spec_tokens")->toolTip().indexOf(QStringLiteral("changes nothing")) < 0);
        auto* bar = window_->findChild<QToolBar*>(QStringLiteral("workloadBar"));
        auto* ep = bar->findChild<QSpinBox*>(QStringLiteral("workload:ep"));
        QVERIFY2(ep && !ep->isEnabled(), qPrintable(QString::number(doc_->state().scenario.ep)));
        // Draft tokens bring the acceptance in; an MoE model the MoE keys and EP; pools the prefill pool's keys.
        auto* drafts = qobject_cast<QSpinBox*>(field("spec_tokens"));
        drafts->setValue(2);
        QVERIFY(field("spec_accept")->isEnabled());
        QVERIFY(formLayout->labelForField(field("spec_accept"))->isEnabled());
        qobject_cast<QDoubleSpinBox*>(field("spec_accept"))->setValue(0.7);
        QCOMPARE(doc_->state().scenario.spec_accept, 0.7);
        // A key that holds a value of its own stays editable where it no longer applies, to be set back.
        drafts->setValue(0);
        QVERIFY(field("spec_accept")->isEnabled());
        QVERIFY(field("spec_accept")->toolTip().contains(QStringLiteral("changes nothing")));
        doc_->setModel("qwen3-30b-a3b");
        QVERIFY(field("moe_tile_tokens")->isEnabled());
        QVERIFY(ep->isEnabled());
        QVERIFY(!field("prefill_ep")->isEnabled());
        qobject_cast<QSpinBox*>(field("prefill_chips"))->setValue(4);
        qobject_cast<QSpinBox*>(field("decode_chips"))->setValue(4);
        QVERIFY(field("prefill_ep")->isEnabled());
        QVERIFY(field("prefill_tp")->isEnabled());
        // Undone, each comes back as it was.
        for (int i = 0; i < 6; ++i) doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario == before);
        QCOMPARE(doc_->state().model.id, std::string("llama-3.1-70b"));
        for (const char* key : {"moe_tile_tokens", "spec_accept", "prefill_tp"}) QVERIFY2(!field(key)->isEnabled(), key);
        QVERIFY(!ep->isEnabled());
    }

    void theEngineFormTakesMeasuredOutputLengths() {
        // Free text in a form of its own: a refused text shows why under the field and changes nothing; a good
        // one is an undoable edit whose quantiles shape the TPOT tail.
        auto* line = window_->findChild<QLineEdit*>(QStringLiteral("workload:output_len_quantiles"));
        auto* problem = window_->findChild<QLabel*>(QStringLiteral("problem:output_len_quantiles"));
        QVERIFY(line && problem);
        QVERIFY(line->text().isEmpty());
        QVERIFY(problem->isHidden());
        const Scenario before = doc_->state().scenario;
        const int undoBefore = doc_->undoStack()->index();
        line->setText(QStringLiteral("0.5:100 0.4:50"));
        emit line->editingFinished();
        QVERIFY(!problem->isHidden());
        QVERIFY2(problem->text().contains(QStringLiteral("must follow a lower probability")), qPrintable(problem->text()));
        QVERIFY(doc_->state().scenario == before);
        QCOMPARE(doc_->undoStack()->index(), undoBefore);
        QCOMPARE(line->text(), QStringLiteral("0.5:100 0.4:50"));  // kept, to mend
        // A server with blocks of 8 steps: MLPerf's short outputs lengthen the TPOT p99 (blocks hand tokens back
        // at their end, and a short request's TPOT carries more of the wait).
        Scenario s = before;
        s.tpot_slo_s = 1.0;
        s.ttft_slo_s = 100.0;
        s.batch = 0;
        s.admit_every_steps = 8;
        s.output_len = 291;
        s.output_len_cv = 0.79;
        doc_->setScenario(s);
        QTRY_VERIFY(doc_->evaluation().ok());
        const double lognormal = doc_->evaluation()->serving.tpot_p99_s / doc_->evaluation()->serving.tpot_p50_s;
        line->setText(QStringLiteral("0.001:11 0.01:23 0.05:50 0.1:90 0.5:251 0.9:530 0.99:922 0.999:1025"));
        emit line->editingFinished();
        QVERIFY(problem->isHidden());
        QCOMPARE(doc_->state().scenario.output_len_quantiles.size(), size_t(8));
        QTRY_VERIFY(doc_->evaluation().ok() && doc_->state().scenario.output_len_quantiles.size() == 8);
        const double measured = doc_->evaluation()->serving.tpot_p99_s / doc_->evaluation()->serving.tpot_p50_s;
        QVERIFY2(std::isfinite(measured) && measured > lognormal + 0.02,
                 qPrintable(QStringLiteral("p99/p50 %1 against %2").arg(measured).arg(lognormal)));
        // The workload bar's output spread shows the quantiles' own, read-only; an edit of the bar beside it
        // leaves the scenario's cv as it was.
        auto* spread = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:output_len_cv"));
        QVERIFY(spread);
        QVERIFY(!spread->isEnabled());
        QCOMPARE(spread->value(), std::round(quantiles_spread(doc_->state().scenario.output_len_quantiles) * 100) / 100);
        auto* ttft = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:ttft_slo"));
        QVERIFY(ttft);
        ttft->setValue(90.0);
        QCOMPARE(doc_->state().scenario.output_len_cv, 0.79);
        QCOMPARE(doc_->state().scenario.ttft_slo_s.value_or(0), 90.0);
        doc_->undoStack()->undo();
        // The Explain panel says where the TPOT tail comes from.
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral(
                         "The output lengths follow 8 measured quantiles (11 tokens at 0.1 % up to 1,025 at 99.9 %), "
                         "scaled to the mean output of 291")),
                     qPrintable(explain->toPlainText().left(900)));
        doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario.output_len_quantiles.empty());
        QCOMPARE(line->text(), QString());
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("measured quantiles")));
        QVERIFY(spread->isEnabled());
        QCOMPARE(spread->value(), 0.79);
        doc_->undoStack()->undo();
        QVERIFY(doc_->state().scenario == before);
    }

    void explainShowsServingAndCollectives() {
        Scenario s = doc_->state().scenario;
        s.tp = 8;
        s.pp = s.ep = s.attention_dp = 1;
        s.custom_allreduce_mb = 1e6;  // no limit: the engine's one-shot kernel wherever it is the faster
        s.batch = 8;                  // small steps: each all-reduce well under a megabyte, one-shot's range
        doc_->setScenario(s);
        // A dense layer, whose all-reduces these are (a few-token step's slowest layer is the 16-bit LM head).
        const auto select = [&](std::string_view kind) {
            const PhaseResult& decode = doc_->evaluation()->decode;
            for (size_t i = 0; i < decode.layer_count(); ++i)
                if (decode.layer(i).kind == kind) doc_->setSelection({Phase::decode, static_cast<int>(i), -1});
            QCOMPARE(decode.layer(static_cast<size_t>(doc_->selection().layer)).kind, kind);
        };
        select("dense");
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("Serving (server")));
        // With SCOVILLE_SHOT_DIR set, the window with such a line in view at both screen sizes, for review.
        const auto shoot = [&](const QString& name, const QString& line) {
            const QString dir = qEnvironmentVariable("SCOVILLE_SHOT_DIR");
            if (dir.isEmpty()) return;
            const QSize was = window_->size();
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                window_->resize(size);
                QTest::qWait(300);
                QTRY_VERIFY(explain->toPlainText().contains(line));
                explain->moveCursor(QTextCursor::Start);
                QVERIFY(explain->find(line));
                // The search leaves the line at the dock's lower edge: bring it to the middle.
                QScrollBar* bar = explain->verticalScrollBar();
                bar->setValue(bar->value() + explain->viewport()->height() / 2);
                QTest::qWait(100);
                window_->grab().save(dir + QStringLiteral("/%1-%2x%3.png").arg(name).arg(size.width()).arg(size.height()));
            }
            window_->resize(was);
        };
        const QString text = explain->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("TTFT p50")), qPrintable(text.left(400)));
        // tp 8: each layer's all-reduce with its algorithm and alpha-beta cost.
        QVERIFY2(text.contains(QStringLiteral("all-reduce of")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("the engine's own kernel, faster than the vendor library at this size")),
                 qPrintable(text));
        // With no engine all-reduce kernels every all-reduce goes to the library, and the text says so with
        // its latency and pipeline window.
        s.custom_allreduce_mb = 0;
        doc_->setScenario(s);
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("in the vendor library (NCCL, RCCL")));
        const QString lib = explain->toPlainText();
        QVERIFY(lib.contains(QStringLiteral("data time \u00d7 (1 + W / (sent + W))")));
        // An MoE model over attention ranks on an 8-GPU switch: the tokens cross by an all-gather and a
        // reduce-scatter in the library, each with its cost.
        const std::string model = doc_->state().model.id;
        doc_->setModel("qwen3-30b-a3b");
        s.tp = 1;
        s.attention_dp = s.ep = 8;
        doc_->setScenario(s);
        select("moe");  // the MoE layer, whose tokens cross
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("all-gather in the vendor library (NCCL, RCCL), each chip")));
        QVERIFY(explain->toPlainText().contains(QStringLiteral("reduce-scatter in the vendor library")));
        // 64 requests of 1024 + 256 tokens over the 8 ranks: 8 a rank, whose prompts bring 8 x 1024 / 256 = 32
        // tokens a step, 1/32 of a prompt. Ranks that schedule their own prompts: 1 - (31/32)^8 = 22.4 % of the
        // steps carry a chunk, 8 / 32 / 0.2243 = 1.11 chunks each; each rank alone 3.1 % (1/32).
        Scenario ranks = s;
        ranks.batch = 64;
        ranks.input_len = 1024;
        ranks.output_len = 256;
        ranks.ttft_slo_s.reset();
        ranks.tpot_slo_s.reset();
        doc_->setScenario(ranks);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("22.4 % of the steps carry a prompt chunk")),
                     qPrintable(explain->toPlainText().left(2000)));
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("The 8 attention data-parallel ranks schedule their own prompts")),
                 qPrintable(explain->toPlainText().left(2000)));
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("1.11 chunks in such a step on average. Each rank alone carries one in 3.1 % of the steps")),
                 qPrintable(explain->toPlainText().left(2000)));
        shoot(QStringLiteral("explain-attention-dp-ranks"), QStringLiteral("schedule their own prompts"));
        ranks.attention_dp_balance = true;  // aligned: 1/32 of the steps, and no such paragraph
        doc_->setScenario(ranks);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("3.1 % of the steps carry a prompt chunk")),
                     qPrintable(explain->toPlainText().left(2000)));
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("schedule their own prompts")));
        doc_->setSelection({});
        doc_->setModel(model);
        // Over two pipeline stages the 80 layers split 40 and 40, the last with the LM head: that stage sets the
        // pace, and the text says what it adds to a step; one stage says nothing of it.
        Scenario stages = s;
        stages.tp = 4;
        stages.pp = 2;
        stages.attention_dp = stages.ep = 1;
        doc_->setScenario(stages);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("Pipeline: the slowest stage (40 layers) sets the pace")),
                     qPrintable(explain->toPlainText().left(2000)));
        QVERIFY(doc_->evaluation()->decode.pipeline_wait_s > 0);
        // Every rank runs the engine's loop once per micro-batch, over all the requests it holds (two micro-batches'
        // worth at one attention rank).
        const ServingResult& piped = doc_->evaluation()->serving;
        QCOMPARE(piped.in_flight, 2 * piped.batch);
        QVERIFY2(explain->toPlainText().contains(
                     QStringLiteral("Engine loop: every stage's chip waits for 2 loop iterations a step, one per micro-batch, "
                                    "each walking the %1 requests a rank holds (0.59 of the host time per request walks them all)")
                         .arg(piped.in_flight)),
                 qPrintable(explain->toPlainText().left(3000)));
        shoot(QStringLiteral("explain-engine-loop"), QStringLiteral("Engine loop"));
        stages.pp = 1;
        stages.tp = 8;
        doc_->setScenario(stages);
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("Pipeline: the slowest stage")));
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("Engine loop")));
        // A chip that times prompt attention's softmax per score says so for the step's prompt chunk: the
        // slowest layer of the default step carries it (its decodes and prompt chunks share the step).
        s.tp = 8;
        s.attention_dp = s.ep = 1;
        doc_->setScenario(s);
        QVERIFY(doc_->setParam("efficiency.prefill_softmax_ps", 0.235));
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("scores × softmax time per score")));
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("× 0.235 ps = ")), qPrintable(explain->toPlainText()));
        QVERIFY(doc_->setParam("efficiency.prefill_softmax_ps", 0));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("softmax time per score")));
        // One request with a long context on a chip that times a pair alone: the decode attention's compute
        // is that pair's own time, and the text says so with its tokens (the default model's one KV head per
        // chip at TP 8).
        Scenario one = s;
        one.batch = 1;
        one.input_len = 65536;
        one.output_len = 64;  // 1024 prompt tokens a step: within the 8192-token budget
        doc_->setScenario(one);
        QVERIFY(doc_->setParam("efficiency.attention_pair_1k_us", 1.9));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("one (request, KV head) pair alone over")),
                     qPrintable(explain->toPlainText()));
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("No result")));
        shoot(QStringLiteral("explain-pair-alone"), QStringLiteral("pair alone over"));
        // Split over thread blocks as on Hopper (efficiency.attention_split_tokens), the pair in the FP8 grouped
        // kernel also pays its split's merge (efficiency.attention_split_merge_us) once its blocks have streamed their
        // slices, on a line of its own after the stream: 1.9 us x sqrt(65537 / 1024) = 15.2 us alone, then 1.05 us
        // for the merge of its round(sqrt(8 x 512)) = 64 blocks.
        const double splitTokens = doc_->state().chip.efficiency.attention_split_tokens;
        QVERIFY(doc_->setParam("efficiency.attention_split_tokens", 128));
        QVERIFY(doc_->setParam("efficiency.attention_split_merge_us", 1.05));
        QTRY_VERIFY2(explain->toPlainText().contains(
                         QStringLiteral("after the stream = the merge of a (request, KV head) pair split over 64 thread blocks")),
                     qPrintable(explain->toPlainText()));
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("tokens × this op's share = 15.2 ")),
                 qPrintable(explain->toPlainText()));
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("= 1.05 ")), qPrintable(explain->toPlainText()));
        shoot(QStringLiteral("explain-split-merge"), QStringLiteral("the merge of a (request, KV head) pair"));
        QVERIFY(doc_->setParam("efficiency.attention_split_merge_us", 0));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("the merge of a (request, KV head) pair")));
        QVERIFY(explain->toPlainText().contains(QStringLiteral("pair alone over")));
        QVERIFY(doc_->setParam("efficiency.attention_split_tokens", splitTokens));
        // A dense GEMM meets its memory time at its own ridge (efficiency.gemm_ridge_exponent), the other ops at the
        // chip's: each op's line names the p it uses.
        const double gemmRidge = doc_->state().chip.efficiency.gemm_ridge_exponent;
        QVERIFY(doc_->setParam("efficiency.gemm_ridge_exponent", 3));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("(p = 3, ridge sharpness")), qPrintable(explain->toPlainText()));
        QVERIFY(explain->toPlainText().contains(QStringLiteral("(p = 2, ridge sharpness")));
        QVERIFY(doc_->setParam("efficiency.gemm_ridge_exponent", gemmRidge));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("(p = 3, ridge sharpness")));
        // A 16-bit cache in a kernel of its own (efficiency.attention_16bit_overhead_us above 0, as on Hopper) runs
        // the pair's chain after the KV stream: no floor under the compute, a term after the ridge, said so.
        Scenario wide = one;
        wide.kv_precision = Precision::bf16;
        doc_->setScenario(wide);
        const double ownOverhead = doc_->state().chip.efficiency.attention_16bit_overhead_us;
        QVERIFY(doc_->setParam("efficiency.attention_16bit_overhead_us", 4.58));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("after the stream = one (request, KV head) pair's split chain over")),
                     qPrintable(explain->toPlainText()));
        // (Its steps are a mean of steps with and without a prompt chunk: the line says so for each step.)
        QVERIFY(explain->toPlainText().contains(QStringLiteral(" + after the stream (p = ")));
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("pair alone over")));
        shoot(QStringLiteral("explain-pair-after-stream"), QStringLiteral("after the stream"));
        QVERIFY(doc_->setParam("efficiency.attention_16bit_overhead_us", ownOverhead));
        doc_->setScenario(one);
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("pair alone over")));
        // Its prompts arrive whole: 65536 / 64 = 1024 prompt tokens a step on average, an eighth of the room a
        // step leaves (8192 - 1 = 8191 tokens), so 1024 / 8191 = 12.5 % of the steps carry a chunk of 8191
        // tokens and the others decode alone; the serving paragraph says so.
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("Prompts arrive whole, not a little in every step: 12.5 % of the steps carry a prompt chunk of 8")),
                     qPrintable(explain->toPlainText().left(1500)));
        // One attention rank: the layers shown are the mean of the two steps, op by op.
        QVERIFY(explain->toPlainText().contains(QStringLiteral("The layers below are that mean step, op by op")));
        // Each op's time says so: 87.5 % of the steps decode alone, 12.5 % carry the chunk.
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("time = the mean over the steps (the lines above are "
                                                                "means too) = 87.5 % × ")),
                 qPrintable(explain->toPlainText()));
        shoot(QStringLiteral("explain-prompt-chunks"), QStringLiteral("Prompts arrive whole"));
        QVERIFY(doc_->setParam("efficiency.attention_pair_1k_us", 0));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("pair alone over")));
        // One request of a short context with a 16-bit cache, on a chip with the engine's fallback kernel: one
        // pair x floor(about 108 keys / 128), at least 1, x 4 stays below the estimate's 8 cores, so the decode
        // attention's compute is that kernel's walk of the keys, and the text says so.
        Scenario few = s;
        few.batch = 1;
        few.input_len = 100;
        few.output_len = 16;
        few.kv_precision = Precision::bf16;
        doc_->setScenario(few);
        QVERIFY(doc_->setParam("efficiency.attention_fallback_token_ns", 17.07));
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("the engine's fallback kernel")),
                     qPrintable(explain->toPlainText()));
        // 108 keys x 17.1 ns x the score op's half of the kernel = 922 ns.
        QVERIFY2(explain->toPlainText().contains(QStringLiteral("keys a block walks × time per key × this op's share = 108 × 17.1 ns × 0.5 = 922 ns")),
                 qPrintable(explain->toPlainText()));
        // A longer context, about 208 keys: its blocks walk 128 keys each, then merge (H100's 5.0 us).
        QVERIFY(doc_->setParam("efficiency.attention_fallback_merge_us", 5.0));
        few.input_len = 200;
        doc_->setScenario(few);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("+ merge) × this op's share = (128 × 17.1 ns + 5.00 µs) × 0.5 = ")),
                     qPrintable(explain->toPlainText()));
        shoot(QStringLiteral("explain-fallback"), QStringLiteral("the engine's fallback kernel"));
        QVERIFY(doc_->setParam("efficiency.attention_fallback_token_ns", 0));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("the engine's fallback kernel")));
        doc_->setScenario(one);
        // Many requests of short contexts: the thread blocks' own work (efficiency.attention_pair_ns a block) is
        // the decode attention's compute, and the text counts them; without that key it is the FLOPs again.
        Scenario many = s;
        many.batch = 256;
        many.input_len = 16;
        many.output_len = 16;
        doc_->setScenario(many);
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("thread blocks a pair − blocks of the first wave) × time per block")),
                     qPrintable(explain->toPlainText()));
        // H100's first wave (which this estimate carries), 108 blocks, half carried by each of the kernel's two ops.
        {
            const QString body = explain->toPlainText();
            const qsizetype at = body.indexOf(QStringLiteral("blocks of the first wave"));
            QVERIFY2(body.mid(at, 160).contains(QStringLiteral(" − 54.0) × ")), qPrintable(body.mid(at, 160)));
            // The call's fixed time part by part: the estimate's 1 us launch, H100's 1.04 us call and 103 ns for
            // each of Llama-3.1-70B's 8 query heads a KV head.
            const qsizetype fixed = body.indexOf(QStringLiteral("query heads a block × time per head = "));
            QVERIFY2(fixed > 0, qPrintable(body));
            QVERIFY2(body.mid(fixed, 120).contains(QStringLiteral("+ 8 × 103 ns = 2.86")), qPrintable(body.mid(fixed, 120)));
            QVERIFY(!body.contains(QStringLiteral("the block times as measured at")));
            QVERIFY(!body.contains(QStringLiteral("set for 128-wide heads")));
        }
        // Those times measured at half the estimate's 8 cores: twice the blocks fit the first wave (216 of the
        // kernel, 108 per op), each takes half the time ((7.61 + 8 x 0.81) / 2 = 7.045 ns), and the text says
        // where the times come from.
        {
            const double clock = doc_->state().chip.compute.clock_ghz;
            QVERIFY(doc_->setParam("calibration.cores", 4));
            QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("(the block times as measured at 4 cores and ")),
                         qPrintable(explain->toPlainText()));
            const QString body = explain->toPlainText();
            const qsizetype at = body.indexOf(QStringLiteral("blocks of the first wave"));
            QVERIFY2(body.mid(at, 160).contains(QStringLiteral(" − 108.0) × 7.04 ns")), qPrintable(body.mid(at, 160)));
            QVERIFY2(body.contains(QStringLiteral("scaled to this design's 8 cores and %1 GHz)").arg(clock, 0, 'g', 4)),
                     qPrintable(body));
            QVERIFY(doc_->setParam("calibration.cores", 0));
            QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("the block times as measured at")));
        }
        // A model whose RoPE is YaRN on a chip whose kernel leaves it to a kernel of its own (H100's 1.98 us): the
        // pass joins the sum. gpt-oss-120b at TP 8 has 8 query heads a KV head: 1 us launch + 1.04 us call +
        // 8 x 103 ns + 1.98 us = 4.84 us.
        {
            const std::string was = doc_->state().model.id;
            QVERIFY(doc_->setParam("efficiency.attention_rope_pass_us", 1.98));
            doc_->setModel("gpt-oss-120b");
            doc_->setSelection(LayerSelection{Phase::decode, 0});
            QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("+ RoPE pass = ")), qPrintable(explain->toPlainText()));
            const QString body = explain->toPlainText();
            const qsizetype fixed = body.indexOf(QStringLiteral("+ RoPE pass = "));
            QVERIFY2(body.mid(fixed, 120).contains(QStringLiteral("+ 8 × 103 ns + 1.98 µs = 4.84 µs")), qPrintable(body.mid(fixed, 120)));
            // Its 64-wide heads: the pair's time in a block is H100's for 128-wide heads (carried) x (1 - 0.75 + 0.75
            // x 64 / 128) = 0.625 (efficiency.attention_pair_width_share); Llama-3.1-70B's 128-wide heads say nothing.
            QVERIFY2(body.contains(QStringLiteral("(the pair's time in a block, set for 128-wide heads, × 0.625 for 64-wide heads)")),
                     qPrintable(body));
            shoot(QStringLiteral("explain-rope-pass"), QStringLiteral("+ RoPE pass = "));
            doc_->setModel(was);
            QVERIFY(doc_->setParam("efficiency.attention_rope_pass_us", 0));
            QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("+ RoPE pass = ")));
        }
        // A grouped expert GEMM's experts fill whole tiles: Qwen3-30B-A3B decoding 4,096 requests on one chip routes
        // 4,096 x 8 rows (and its prompt chunks' more) over 128 experts, over 2 tiles of 128 each: the text says how
        // much of the utilisation that is and names the key; with moe_tile_tokens 0 the tiles are full, no line.
        {
            const Scenario before = doc_->state().scenario;
            const std::string was = doc_->state().model.id;
            doc_->setModel("qwen3-30b-a3b");
            Scenario moe = doc_->state().scenario;
            moe.chips = moe.tp = moe.pp = moe.ep = moe.attention_dp = 1;
            moe.batch = 4096;
            moe.ttft_slo_s.reset();
            moe.tpot_slo_s.reset();
            doc_->setScenario(moe);
            doc_->setSelection(LayerSelection{Phase::decode, 0});
            const QString tiles = QStringLiteral("for the experts' part-empty last tiles: ");
            QTRY_VERIFY2(explain->toPlainText().contains(tiles), qPrintable(explain->toPlainText()));
            const QString body = explain->toPlainText();
            QVERIFY2(body.mid(body.indexOf(tiles), 120).contains(QStringLiteral("in tiles of up to 128, workload key moe_tile_tokens)")),
                     qPrintable(body.mid(body.indexOf(tiles), 120)));
            moe.moe_tile_tokens = 0;
            doc_->setScenario(moe);
            doc_->setSelection(LayerSelection{Phase::decode, 0});
            QTRY_VERIFY(!explain->toPlainText().contains(tiles));
            QVERIFY(explain->toPlainText().contains(QStringLiteral("expert_gate_up")));
            doc_->setModel(was);
            doc_->setScenario(before);
        }
        // A prefill layer's prompt-attention call: its own fixed cost (H100's 5.89 us, carried) and two launches.
        doc_->setSelection(LayerSelection{Phase::prefill, 0});
        QTRY_VERIFY2(explain->toPlainText().contains(QStringLiteral("prompt call + 2 launches = ")), qPrintable(explain->toPlainText()));
        {
            const QString body = explain->toPlainText();
            const qsizetype at = body.indexOf(QStringLiteral("prompt call + 2 launches = "));
            QVERIFY2(body.mid(at, 80).contains(QStringLiteral("5.89 µs + 2 × 1.00 µs = 7.89 µs")), qPrintable(body.mid(at, 80)));
        }
        // A long prompt's blocks leave cores idle while its longest ones run: 8 query heads a chip x 64 blocks of
        // 128 tokens on the estimate's 8 cores, 8 x 64 x 65 / 2 = 16640 tiles over 8 x (16640 / 8 + 64 / 2): 98 %.
        {
            const Scenario before = doc_->state().scenario;
            Scenario longer = before;
            longer.input_len = 8192;
            doc_->setScenario(longer);
            doc_->setSelection(LayerSelection{Phase::prefill, 0});
            QTRY_VERIFY2(explain->toPlainText().contains(
                             QStringLiteral("thread blocks: 8 (prompt, query head) pairs × 64 blocks of 128 query tokens on 8 cores, busy 98 %")),
                         qPrintable(explain->toPlainText()));
            doc_->setScenario(before);
            doc_->setSelection(LayerSelection{Phase::prefill, 0});
        }
        shoot(QStringLiteral("explain-prompt-call"), QStringLiteral("prompt call + 2 launches"));
        doc_->setSelection(LayerSelection{Phase::decode, -1});
        QVERIFY(!explain->toPlainText().contains(QStringLiteral("No result")));
        shoot(QStringLiteral("explain-blocks"), QStringLiteral("thread blocks a pair"));
        const double per_block = doc_->state().chip.efficiency.attention_pair_ns;
        const double per_head = doc_->state().chip.efficiency.attention_head_ns;
        QVERIFY(doc_->setParam("efficiency.attention_pair_ns", 0));
        QVERIFY(doc_->setParam("efficiency.attention_head_ns", 0));
        QTRY_VERIFY(!explain->toPlainText().contains(QStringLiteral("thread blocks a pair")));
        QVERIFY(doc_->setParam("efficiency.attention_pair_ns", per_block));
        QVERIFY(doc_->setParam("efficiency.attention_head_ns", per_head));
        doc_->setScenario(s);
    }

    void aSpreadOfLengthsIsAWorkloadEdit() {
        auto* outCv = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:output_len_cv"));
        auto* inCv = window_->findChild<QDoubleSpinBox*>(QStringLiteral("workload:input_len_cv"));
        QVERIFY(outCv && inCv);
        QCOMPARE(outCv->value(), 0.0);  // the default session: every request at the mean lengths
        QVERIFY(!outCv->toolTip().isEmpty());
        // At a fixed batch (the auto batch moves with the lengths, and throughput is not monotone in it where
        // activations leave on-chip memory).
        Scenario fixed = doc_->state().scenario;
        fixed.batch = 256;
        doc_->setScenario(fixed);
        const double uniform = doc_->evaluation()->serving.throughput_tokens_per_s;
        outCv->setValue(0.79);  // MLPerf OpenOrca's spread of outputs
        QCOMPARE(doc_->state().scenario.output_len_cv, 0.79);
        // Longer-lived long requests: a larger mean decode context, so each step reads more KV.
        QVERIFY(doc_->evaluation()->decode.context > doc_->state().scenario.input_len +
                                                         doc_->state().scenario.output_len / 2.0);
        QVERIFY(doc_->evaluation()->serving.throughput_tokens_per_s < uniform);
        doc_->undoStack()->undo();
        QCOMPARE(outCv->value(), 0.0);
        QCOMPARE(doc_->evaluation()->serving.throughput_tokens_per_s, uniform);
        doc_->undoStack()->undo();  // the fixed batch
    }

    void warningsAreShownNotBlank() {
        // Llama 3.1 405B at bf16 is ~810 GB of weights: it cannot fit on one chip.
        auto* model = window_->findChild<QComboBox*>(QStringLiteral("workload:model"));
        const int i = model->findData(QStringLiteral("llama-3.1-405b"));
        QVERIFY(i >= 0);
        model->setCurrentIndex(i);
        emit model->activated(i);
        Scenario s = doc_->state().scenario;
        s.chips = 1;
        s.tp = 1;
        s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
        doc_->setScenario(s);
        auto* warnings = window_->findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY(warnings);
        const bool failed = !doc_->evaluation().ok() || !doc_->evaluation()->warning_messages.empty();
        QVERIFY(failed);
        QVERIFY(warnings->text().contains(QStringLiteral("\u26A0")));
        for (const QString& t : kpiTexts(*window_)) {
            QVERIFY2(!t.contains(QStringLiteral("nan"), Qt::CaseInsensitive), qPrintable(t));
            QVERIFY(!t.isEmpty());
        }
    }

    void aSliderStepReLaysOutNoMoreThanItsCards() {
        // A new value in a card (and a new cost sentence of as many lines) changes no size the window's layout
        // reads: the step re-lays out the cards, and no layout request reaches the main window or the strip.
        struct Requests : QObject {
            int count = 0;
            bool eventFilter(QObject*, QEvent* event) override {
                count += event->type() == QEvent::LayoutRequest;
                return false;
            }
        } window, strip;
        auto* kpis = window_->findChild<QWidget*>(QStringLiteral("kpiStrip"));
        QVERIFY(kpis);
        auto* slider = window_->findChild<QSlider*>(QStringLiteral("param:compute.clock_ghz:slider"));
        QVERIFY(slider);
        slider->setValue(slider->value() + 37);  // the first edit shows the parameter's reset button
        QTest::qWait(600);                        // and the window's animations end
        window_->installEventFilter(&window);
        kpis->installEventFilter(&strip);
        const QString before = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s"))->text();
        slider->setValue(slider->value() + 37);
        for (int pass = 0; pass < 5; ++pass) QApplication::processEvents();  // a request posts the next up
        QVERIFY(window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s"))->text() != before);
        QCOMPARE(window.count, 0);
        QCOMPARE(strip.count, 0);
        // Each card's lines as tall as QLabel asks, one under the other, as wide as the card.
        for (const char* name : {"tokens_per_s", "ttft", "cost_per_million_tokens", "parallelism"}) {
            auto* value = window_->findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name));
            auto* delta = window_->findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name) + QStringLiteral(":delta"));
            auto* range = window_->findChild<QLabel*>(QStringLiteral("kpi:") + QLatin1String(name) + QStringLiteral(":range"));
            QVERIFY(value && delta && range);
            for (QLabel* line : {value, delta, range}) {
                QCOMPARE(line->height(), line->sizeHint().height());
                QCOMPARE(line->width(), line->parentWidget()->width());
            }
            QCOMPARE(delta->y(), value->y() + value->height());
            QCOMPARE(range->y(), delta->y() + delta->height());
            QCOMPARE(range->y() + range->height(), value->parentWidget()->height());
        }
    }

    void aBoundaryPassesOnlyChangedSizes() {
        // A word-wrapped label in a boundary 200 px wide: a text of the same line count stops at the boundary; one
        // that needs more lines reaches the parent's layout, which gives it the height.
        QWidget parent;
        auto* layout = new QVBoxLayout(&parent);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* boundary = new LayoutBoundary;
        auto* label = new QLabel(QStringLiteral("one short line"));
        label->setWordWrap(true);
        boundary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // its width is the parent's, not the text's
        boundary->setContent(label);
        layout->addWidget(boundary);
        layout->addStretch(1);
        parent.resize(200, 400);
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        QApplication::processEvents();
        const int oneLine = boundary->height();
        const int passed = boundary->passedRequests();
        label->setText(QStringLiteral("one other line"));
        QApplication::processEvents();
        QCOMPARE(boundary->passedRequests(), passed);
        QCOMPARE(boundary->height(), oneLine);
        label->setText(QStringLiteral("a sentence long enough to wrap onto three or more lines at two hundred pixels"));
        QApplication::processEvents();
        QApplication::processEvents();
        QCOMPARE(boundary->passedRequests(), passed + 1);
        QVERIFY2(boundary->height() >= 3 * oneLine - 2, qPrintable(QString::number(boundary->height())));
        QCOMPARE(label->height(), boundary->height());
    }

    void kpiCardsCopyWhatTheyShow() {
        // Right-click > Copy: a card's value, the cost sentence, and every warning in full (the line shows what fits).
        auto* value = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s"));
        auto* copyValue = window_->findChild<QAction*>(QStringLiteral("kpi:tokens_per_s:copy"));
        QVERIFY(value && copyValue);
        QCOMPARE(value->contextMenuPolicy(), Qt::ActionsContextMenu);
        copyValue->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), value->text());
        window_->findChild<QAction*>(QStringLiteral("kpi:cost:copy"))->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), window_->findChild<QLabel*>(QStringLiteral("kpi:cost"))->text());
        Scenario s = doc_->state().scenario;
        s.chips = 1;
        s.tp = 1;
        s.weight_precision = s.activation_precision = s.kv_precision = Precision::bf16;
        doc_->setScenario(s);
        QVERIFY(doc_->evaluation().ok() && !doc_->evaluation()->warning_messages.empty());
        window_->findChild<QAction*>(QStringLiteral("kpi:warnings:copy"))->trigger();
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied.count(QLatin1Char('\n')) + 1, static_cast<int>(doc_->evaluation()->warning_messages.size()));
        QVERIFY(!copied.contains(QStringLiteral("\u2026")));
    }

    void legendEntriesDrawAsQCustomPlotsOwn() {
        // The measured legend entries draw the same pixels and ask for the same sizes as QCustomPlot's own, with
        // an icon border and after a rename (the measure is of the text it draws).
        const auto makePlot = [](QCustomPlot& plot) {
            plot.resize(420, 300);
            plot.legend->setVisible(true);
            plot.legend->setIconBorderPen(QPen(Qt::darkGray, 2));
            auto* line = plot.addGraph();
            line->setName(QStringLiteral("HBM bandwidth"));
            line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
            line->setData({1, 2, 3}, {2, 4, 3});
            auto* bars = new QCPBars(plot.xAxis, plot.yAxis);
            bars->setName(QStringLiteral("B200 \u00b7 tokens/s"));
            bars->setBrush(QColor(40, 120, 200));
            bars->setData({1, 2}, {1, 2});
            plot.rescaleAxes();
        };
        QCustomPlot own, measured;
        makePlot(own);
        makePlot(measured);
        measureLegendTexts(&measured);
        QCOMPARE(measured.legend->itemCount(), 2);
        for (int i = 0; i < 2; ++i) {
            auto* a = qobject_cast<QCPPlottableLegendItem*>(own.legend->item(i));
            auto* b = qobject_cast<QCPPlottableLegendItem*>(measured.legend->item(i));
            QVERIFY(a && b && a != b);
            QCOMPARE(b->plottable()->name(), a->plottable()->name());
            QCOMPARE(static_cast<QCPLayoutElement*>(b)->minimumOuterSizeHint(),
                     static_cast<QCPLayoutElement*>(a)->minimumOuterSizeHint());
        }
        QCOMPARE(measured.toPixmap().toImage(), own.toPixmap().toImage());
        own.graph(0)->setName(QStringLiteral("a longer name for the same line"));
        measured.graph(0)->setName(QStringLiteral("a longer name for the same line"));
        measureLegendTexts(&measured);
        QCOMPARE(static_cast<QCPLayoutElement*>(measured.legend->item(0))->minimumOuterSizeHint(),
                 static_cast<QCPLayoutElement*>(own.legend->item(0))->minimumOuterSizeHint());
        QCOMPARE(measured.toPixmap().toImage(), own.toPixmap().toImage());
        // Icons taller than the text: the text stays at the entry's top, as QCustomPlot draws it.
        own.legend->setIconSize(32, 40);
        measured.legend->setIconSize(32, 40);
        QCOMPARE(measured.toPixmap().toImage(), own.toPixmap().toImage());
    }

    void promptsBeyondTheModelsContextAreRefusedVisibly() {
        // Llama 2 70B holds 4096 tokens (config.json max_position_embeddings): an 8192-token prompt is refused in
        // the warnings, naming the inputs, and no KPI shows a stale or NaN number.
        auto* model = window_->findChild<QComboBox*>(QStringLiteral("workload:model"));
        auto* input = window_->findChild<QSpinBox*>(QStringLiteral("workload:input_len"));
        QVERIFY(model && input);
        const int before = model->currentIndex();
        const int beforeInput = input->value();
        const int i = model->findData(QStringLiteral("llama-2-70b"));
        QVERIFY(i >= 0);
        model->setCurrentIndex(i);
        emit model->activated(i);
        input->setValue(1024);
        QVERIFY(doc_->evaluation().ok());
        input->setValue(8192);
        QVERIFY(!doc_->evaluation().ok());
        auto* warnings = window_->findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY(warnings);
        QVERIFY2(warnings->text().contains(QStringLiteral("4096-token context of 'llama-2-70b'")) ||
                     warnings->text().contains(QStringLiteral("4096-token context of &#39;llama-2-70b&#39;")),
                 qPrintable(warnings->text()));
        for (const QString& t : kpiTexts(*window_)) QVERIFY2(!t.contains(QStringLiteral("nan"), Qt::CaseInsensitive), qPrintable(t));
        input->setValue(beforeInput);
        model->setCurrentIndex(before);
        emit model->activated(before);
        QVERIFY(doc_->evaluation().ok());
    }

    void plotsExportToPngPdfSvg() {
        QTemporaryDir dir;
        auto* plot = window_->findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        for (const char* suffix : {"png", "pdf", "svg"}) {
            const QString file = dir.filePath(QStringLiteral("roofline.") + QLatin1String(suffix));
            QString error;
            QVERIFY2(exportPlot(plot, file, &error), qPrintable(error));
            QVERIFY(QFileInfo(file).size() > 1000);
        }
        QFile svg(dir.filePath(QStringLiteral("roofline.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("<svg"));
        QString error;
        QVERIFY(!exportPlot(plot, dir.filePath(QStringLiteral("roofline.bmpx")), &error));
        QVERIFY(error.contains(QStringLiteral("roofline.bmpx")));
    }

    void clickingALayerSelectsAndExplainsIt() {
        auto* plot = window_->findChild<QCustomPlot*>(QStringLiteral("layerPlot"));
        QVERIFY(plot);
        plot->replot();
        // The decode chart is the last axis rect; click the middle of layer 5.
        QCPAxisRect* decode = plot->axisRects().last();
        const int x = static_cast<int>(decode->axis(QCPAxis::atBottom)->coordToPixel(5));
        const int y = decode->rect().center().y();
        QTest::mouseClick(plot, Qt::LeftButton, {}, QPoint(x, y));
        QCOMPARE(doc_->selection().phase, Phase::decode);
        QCOMPARE(doc_->selection().layer, 5);
        auto* explain = window_->findChild<QTextBrowser*>(QStringLiteral("explainPanel"));
        QVERIFY(explain);
        window_->findChild<QDockWidget*>(QStringLiteral("explainDock"))->show();
        QTRY_VERIFY(explain->toPlainText().contains(QStringLiteral("Decode layer 5")));
        QVERIFY(explain->toPlainText().contains(QStringLiteral("bound")));
    }

    void plotsFollowThePalette() {
        QPalette dark = window_->palette();
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::Window, QColor(40, 40, 40));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        window_->setPalette(dark);
        for (const char* name : {"rooflinePlot", "layerPlot", "physicalPlot", "comparePlot"}) {
            auto* plot = window_->findChild<QCustomPlot*>(QString::fromLatin1(name));
            QVERIFY2(plot, name);
            QVERIFY2(plot->axisRects().first()->axis(QCPAxis::atBottom)->tickLabelColor() == QColor(230, 230, 230), qPrintable(QString::fromLatin1(name) + QLatin1Char(' ') + plot->palette().color(QPalette::WindowText).name()));
        }
    }

    void numbersAreFormattedForPeople() {
        QCOMPARE(formatSi(12345), QStringLiteral("12.3 k"));
        QCOMPARE(formatSeconds(0.00152), QStringLiteral("1.52 ms"));
        QCOMPARE(formatSeconds(38e-6), QStringLiteral("38.0 \u00B5s"));
        QCOMPARE(formatDelta(110, 100), QStringLiteral("+10.0 %"));
        QCOMPARE(formatDelta(96, 100), QStringLiteral("\u22124.0 %"));
        QCOMPARE(formatSi(std::nan("")), QStringLiteral("n/a"));
        // An unbounded latency (a queue that never settles) reads as such, not as a missing number.
        QCOMPARE(formatSeconds(std::numeric_limits<double>::infinity()), QStringLiteral("\u221e s"));
        QCOMPARE(formatDelta(1, 0), QStringLiteral("n/a"));
        QCOMPARE(formatMoney(0.0304), QStringLiteral("$0.030"));
        QCOMPARE(formatMoney(4.567), QStringLiteral("$4.57"));
        QCOMPARE(formatMoney(1234.4), QStringLiteral("$1,234"));
        QCOMPARE(formatMoney(std::nan("")), QStringLiteral("n/a"));
        QCOMPARE(formatBytes(1.5e9), QStringLiteral("1.50 GB"));
        QCOMPARE(formatParallelism(Parallelism{1, 1, 8, 8}), QStringLiteral("TP 1 \u00b7 DP 8 \u00b7 EP 8"));
        // A card's value in a card too narrow for it: without its spaces, then elided; whole where it fits.
        const QString whole = formatParallelism(Parallelism{1, 1, 8, 8});
        const QString tight = QStringLiteral("TP1\u00b7DP8\u00b7EP8");
        const QFontMetrics fm(window_->font());
        QCOMPARE(fittedText(whole, fm, fm.horizontalAdvance(whole)), whole);
        QCOMPARE(fittedText(whole, fm, fm.horizontalAdvance(tight)), tight);
        const QString elided = fittedText(whole, fm, fm.horizontalAdvance(tight) / 2);
        QVERIFY2(elided.endsWith(QChar(0x2026)) && fm.horizontalAdvance(elided) <= fm.horizontalAdvance(tight) / 2,
                 qPrintable(elided));
    }

    void resultsReadByTheirKind() {
        // One formatter per kind of result, from the registry's hint; never NaN or inf.
        auto text = [](const char* key, std::optional<double> v) { return formatResult(*find_result_key(key), v); };
        QCOMPARE(text("throughput_tokens_per_s", 30312), QStringLiteral("30.3 k"));
        QCOMPARE(text("ttft_p99_s", 0.935), QStringLiteral("935 ms"));
        QCOMPARE(text("cost_per_million_tokens_usd", 0.0304), QStringLiteral("$0.030"));
        QCOMPARE(text("die_area_mm2", 1440.6), QStringLiteral("1,441 mm\u00B2"));
        QCOMPARE(text("power_w_per_chip", 462.2), QStringLiteral("462 W"));
        QCOMPARE(text("batch", 715), QStringLiteral("715"));
        QCOMPARE(text("clock_ghz", 1.98), QStringLiteral("1.98 GHz"));
        QCOMPARE(text("memory_tb_s", 8), QStringLiteral("8.00 TB/s"));
        QCOMPARE(text("weights_gb_per_chip", 17.5), QStringLiteral("17.5 GB"));
        QCOMPARE(text("prefill_utilisation", 0.47), QStringLiteral("47 %"));
        QCOMPARE(text("tpot_p99_s", std::nullopt), QStringLiteral("n/a"));
        // An unbounded latency (a queue that never settles) reads as such; a missing number reads n/a.
        QCOMPARE(text("tpot_p99_s", std::numeric_limits<double>::infinity()), QStringLiteral("\u221e s"));
        QCOMPARE(text("tpot_p99_s", std::numeric_limits<double>::quiet_NaN()), QStringLiteral("n/a"));
        QCOMPARE(resultShortLabel(*find_result_key("ttft_p99_s")), QStringLiteral("TTFT p99"));
        // The KPI cards and the comparison take their titles from the registry.
        QCOMPARE(window_->findChild<QTableWidget*>(QStringLiteral("compareTable"))->horizontalHeaderItem(3)->text(),
                 QStringLiteral("$/M tokens"));
        auto* cost = window_->findChild<QLabel*>(QStringLiteral("kpi:cost_per_million_tokens"));
        QCOMPARE(cost->text(),
                 formatResult(*find_result_key("cost_per_million_tokens_usd"),
                              doc_->evaluation()->physical.cost_per_million_tokens_usd));
        QCOMPARE(cost->parentWidget()->toolTip(), QStringLiteral("Cost per million output tokens"));
    }

    void logSliderIsGeometric() {
        // compute.cores: log slider from 1 to 1024 over 1000 steps; the middle is sqrt(1024) = 32.
        const ParamInfo& cores = *find_param("compute.cores");
        QCOMPARE(ParameterPanel::fromSlider(cores, 500), 32.0);
        QCOMPARE(ParameterPanel::toSlider(cores, 32), 500);
        QCOMPARE(ParameterPanel::fromSlider(cores, 0), 1.0);
        QCOMPARE(ParameterPanel::fromSlider(cores, 1000), 1024.0);
    }

private:
    // The design started from a reference chip with a model of the library: its workload, for a test to edit.
    Scenario startFrom(const char* chip, const char* model) {
        [&] { QVERIFY(doc_->loadPreset(chip).ok()); }();
        doc_->setModel(model);
        return doc_->state().scenario;
    }

    std::unique_ptr<MainWindow> window_;
    DesignDocument* doc_ = nullptr;
};

QTEST_MAIN(TestExplorer)
#include "test_explorer.moc"
