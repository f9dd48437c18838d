// The comparison for decisions: ratios to the baseline on separate higher- and lower-is-better
// axes, value labels, a chip that cannot run the workload saying why, and per-system throughput.
// Expected values are read from the document's evaluations and divided by hand.
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <cmath>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "core/perf/result_keys.hpp"
#include "support/scenarios.hpp"
#include "widgets/compareview.hpp"
#include "widgets/viewgrid.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"

using namespace scoville;

namespace {

double result(const Evaluation& ev, const char* key) { return find_result_key(key)->value(ev).value(); }

}  // namespace

class TestCompare : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleCompareTest"));
        QSettings().clear();
    }

    void init() {
        window_ = std::make_unique<MainWindow>();
        window_->resize(1366, 768);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        doc_ = window_->document();
        view_ = window_->findChild<CompareView*>(QStringLiteral("compareView"));
        QVERIFY(view_);
        // At 1366 x 768 the views are tabs: the comparison's comes to the front (a hidden view waits).
        window_->viewGrid()->reveal(view_);
        QTRY_VERIFY(view_->isVisible());
        QCOMPARE(doc_->state().baseline_id, std::string("b200"));
    }
    void cleanup() { window_.reset(); }

    void ratioBarsEqualTheModelsRatios() {
        doc_->setReferences({"h100-sxm"});
        QCOMPARE(view_->entryCount(), 2);
        QCOMPARE(view_->entryId(1), std::string("h100-sxm"));
        const Evaluation& h100 = doc_->referenceEvaluation("h100-sxm")->value();
        const Evaluation& b200 = doc_->baselineEvaluation()->value();
        // Ratio = H100's value / B200's value, each read from its own evaluation.
        const double tps = result(h100, "throughput_tokens_per_s_per_chip") / result(b200, "throughput_tokens_per_s_per_chip");
        const double tpj = result(h100, "tokens_per_joule") / result(b200, "tokens_per_joule");
        const double usd = result(h100, "cost_per_million_tokens_usd") / result(b200, "cost_per_million_tokens_usd");
        QCOMPARE(view_->barRatio(1, CompareView::Throughput), tps);
        QCOMPARE(view_->barRatio(1, CompareView::TokensPerJoule), tpj);
        QCOMPARE(view_->barRatio(1, CompareView::CostPerMillion), usd);
        // The H100 serves a 70B model at a fraction of B200's rate: well below 1.
        QVERIFY(tps < 0.8);
        // Each bar is labelled with its value (the project's formatter) and its ratio.
        const QString costLabel = view_->barLabel(1, CompareView::CostPerMillion);
        QVERIFY2(costLabel.startsWith(formatResult(*find_result_key("cost_per_million_tokens_usd"),
                                                   result(h100, "cost_per_million_tokens_usd"))),
                 qPrintable(costLabel));
        QVERIFY2(costLabel.endsWith(QStringLiteral("\u00d7") + formatNumber(usd, 2)), qPrintable(costLabel));
        // Higher-is-better and lower-is-better metrics never share an axis: throughput and tokens/J in
        // one panel, cost in the other.
        QCOMPARE(view_->errorBars()[1]->keyAxis()->axisRect(), view_->higherRect());
        QCOMPARE(view_->lowerErrorBars()[1]->keyAxis()->axisRect(), view_->lowerRect());
        QVERIFY(view_->higherRect() != view_->lowerRect());
        // The baseline against itself reads 1 on every bar.
        doc_->setReferences({"b200"});
        for (int m = 0; m < CompareView::MetricCount; ++m)
            QCOMPARE(view_->barRatio(1, static_cast<CompareView::Metric>(m)), 1.0);
    }

    void aChipThatCannotRunSaysWhyInPlaceOfItsBars() {
        // Llama 3.1 70B in bf16 on one chip: 141 GB of weights. H100's 80 GB cannot hold them; B200's
        // 192 GB can (the baseline still runs).
        doc_->setScenario(test::bf16OnOneChip(doc_->state().scenario));
        doc_->setReferences({"h100-sxm"});
        const auto* h100 = doc_->referenceEvaluation("h100-sxm");
        QVERIFY(h100 && !h100->ok());
        QVERIFY(doc_->baselineEvaluation()->ok());
        const QString reason = QString::fromStdString(h100->error().message);
        QVERIFY2(reason.contains(QStringLiteral("does not fit")), qPrintable(reason));
        for (int m = 0; m < CompareView::MetricCount; ++m) {
            QVERIFY(std::isnan(view_->barRatio(1, static_cast<CompareView::Metric>(m))));  // no bar
            QVERIFY(view_->toolTipFor(1, static_cast<CompareView::Metric>(m)).contains(reason));
        }
        QCOMPARE(view_->errorBars()[1]->dataCount(), 0);
        const auto labels = view_->failureLabels(1);
        QCOMPARE(labels.size(), size_t{3});  // one per metric, where its bar would stand
        window_->findChild<QCustomPlot*>(QStringLiteral("comparePlot"))->replot();
        for (QCPItemText* t : labels) {
            QVERIFY(t->visible());
            QCOMPARE(t->property("fullText").toString(), reason);
            // Shown elided to the panel's height, starting with the reason's own words.
            QVERIFY2(reason.startsWith(t->text().chopped(1)) || t->text() == reason, qPrintable(t->text()));
        }
        // The chip that runs keeps its bars.
        QVERIFY(std::isfinite(view_->barRatio(0, CompareView::Throughput)) || !doc_->evaluation().ok());
    }

    // Without a baseline result the caption says so in a line, beside the basis and view choices;
    // why the baseline has no result is on hover.
    void theCaptionSaysWhyThereAreNoRatios() {
        auto* caption = window_->findChild<QLabel*>(QStringLiteral("compareCaption"));
        QVERIFY(caption);
        QCOMPARE(caption->text(), QStringLiteral("Ratios to B200 (HGX) (= 1)"));
        // Llama 3.1 405B in bf16 on one chip: ~810 GB of weights, more than B200's 192 GB.
        doc_->setScenario(test::bf16OnOneChip(doc_->state().scenario));
        doc_->setModel("llama-3.1-405b");
        QVERIFY(!doc_->baselineEvaluation()->ok());
        const QString reason = QString::fromStdString(doc_->baselineEvaluation()->error().message);
        QCOMPARE(caption->text(), QStringLiteral("No ratios: the baseline B200 (HGX) has no result"));
        QCOMPARE(caption->toolTip(), reason);
        QVERIFY(reason.contains(QStringLiteral("does not fit")));
        // No baseline at all (a session written without one): the caption says where to choose it.
        DesignValues v = doc_->values();
        v.baseline_id.clear();
        doc_->applyValues(v);
        QVERIFY(doc_->state().baseline_id.empty());
        QCOMPARE(caption->text(), QStringLiteral("No ratios: no baseline chip chosen (Baseline, in the toolbar)"));
    }

    void perSystemIsPerChipTimesTheScaleUpDomain() {
        doc_->setReferences({"gb200", "tpu-v7"});
        QCOMPARE(view_->entryCount(), 3);
        const double perChipGb = view_->value(1, CompareView::Throughput);
        const double perChipTpu = view_->value(2, CompareView::Throughput);
        const double tpjGb = view_->value(1, CompareView::TokensPerJoule);
        auto* basis = window_->findChild<QComboBox*>(QStringLiteral("compareBasis"));
        QVERIFY(basis);
        basis->setCurrentIndex(1);  // per system
        QCOMPARE(view_->basis(), CompareView::Basis::perSystem);
        // GB200 NVL72: 72 GPUs in one NVLink domain; TPU7x (Ironwood): 9,216 chips per pod; B200 HGX: 8.
        QCOMPARE(view_->systemSize(1), 72);
        QCOMPARE(view_->systemSize(2), 9216);
        QCOMPARE(view_->value(1, CompareView::Throughput), perChipGb * 72);
        QCOMPARE(view_->value(2, CompareView::Throughput), perChipTpu * 9216);
        // Tokens per joule is the same per system as per chip.
        QCOMPARE(view_->value(1, CompareView::TokensPerJoule), tpjGb);
        // Ratio per system = (GB200 per chip x 72) / (B200 per chip x 8).
        const double b200 = result(doc_->baselineEvaluation()->value(), "throughput_tokens_per_s_per_chip");
        QCOMPARE(view_->barRatio(1, CompareView::Throughput), perChipGb * 72 / (b200 * 8));
        // The basis is stated on the axis and in the tool tip.
        QVERIFY(view_->higherRect()->axis(QCPAxis::atBottom)->label().contains(QStringLiteral("scale-up domain")));
        QVERIFY(view_->toolTipFor(1, CompareView::Throughput).contains(QStringLiteral("72 chips per system")));
    }

    void legendNamesDoNotCollideAt1366x768() {
        doc_->setReferences({"gb200", "tpu-v7", "tpu-v6e", "h200-sxm", "b200"});
        auto* plot = window_->findChild<QCustomPlot*>(QStringLiteral("comparePlot"));
        QTest::qWait(50);
        plot->replot();
        QCPLegend* legend = plot->legend;
        QVERIFY(legend->itemCount() >= 6);
        for (int i = 0; i < legend->itemCount(); ++i) {
            const QRect a = legend->item(i)->outerRect();
            QVERIFY(a.width() >= legend->item(i)->minimumOuterSizeHint().width() - 1);  // not squeezed
            for (int j = i + 1; j < legend->itemCount(); ++j)
                QVERIFY2(!a.intersects(legend->item(j)->outerRect()),
                         qPrintable(QStringLiteral("legend items %1 and %2 overlap").arg(i).arg(j)));
        }
    }

    // With SCOVILLE_SHOT_DIR set, the comparison alone at the size it has in 1366x768 and 1920x1080
    // windows, with a chip that cannot run, per chip and per system, for review.
    void screenshots() {
        const QString dir = qEnvironmentVariable("SCOVILLE_SHOT_DIR");
        if (dir.isEmpty()) QSKIP("SCOVILLE_SHOT_DIR not set");
        doc_->setReferences({"gb200", "tpu-v7", "tpu-v6e", "h200-sxm", "h100-sxm"});
        Scenario s = doc_->state().scenario;
        s.chips = 1;
        s.tp = s.pp = s.ep = s.attention_dp = 0;
        doc_->setScenario(s);
        window_->resize(1366, 768);
        QTest::qWait(200);
        QVERIFY(view_->grab().save(dir + QStringLiteral("/compare-1366.png")));
        window_->resize(1920, 1080);
        QTest::qWait(200);
        QVERIFY(view_->grab().save(dir + QStringLiteral("/compare-1920.png")));
        view_->setBasis(CompareView::Basis::perSystem);
        QTest::qWait(200);
        QVERIFY(view_->grab().save(dir + QStringLiteral("/compare-1920-system.png")));
    }

private:
    std::unique_ptr<MainWindow> window_;
    DesignDocument* doc_ = nullptr;
    CompareView* view_ = nullptr;
};

QTEST_MAIN(TestCompare)
#include "test_compare.moc"
