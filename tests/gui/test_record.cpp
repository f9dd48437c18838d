// The model's record in the app: the headline equals core's summary (what `scoville validate`
// prints) for the same rows, fits stay out of it, and clicking a case loads its chip and workload.
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <algorithm>
#include <cmath>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "core/perf/accuracy.hpp"
#include "core/perf/validation.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/recordview.hpp"

using namespace scoville;

namespace {

// The public set, run by core alone.
std::vector<ValidationResult> corePublicResults() {
    auto cases = parse_validation_csv(builtin_validation_csv(), "public");
    std::vector<ValidationResult> out;
    if (!cases) return out;
    for (const auto& c : *cases)
        if (auto r = run_validation_case(c)) out.push_back(*r);
    return out;
}

// tests/data/validation-public.csv: 203 serving rows (4 of them fits), 27 kernel fits and 221 kernel checks (the Azure guide's 39
// GEMMs, 17 STREAM operations and 109 all-reduce sizes beyond its fits; Scoville's own 56 H200 GEMMs), 391 engine all-reduces (aiconfigurator;
// 35 of them fits), 3192 fused MoE layers (aiconfigurator; 431 of them fits) and 5723 engine Linear layers
// (aiconfigurator; 769 of them fits), 7290 decode-attention calls (aiconfigurator; 480 of them fits) and 3680
// prompt-attention calls (aiconfigurator; 420 of them fits).
constexpr int kPublicRows = 21481;

}  // namespace

class TestRecord : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleRecordTest"));
        QSettings().clear();
        window_ = std::make_unique<MainWindow>();
        window_->resize(1366, 768);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        doc_ = window_->document();
        view_ = window_->recordView();
        QVERIFY(view_);
        QCOMPARE(view_->evaluatedCount(), 0);  // nothing runs until the view is shown
        auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("viewTabs"));
        tabs->setCurrentWidget(view_);
        // Evaluated in the background: the event loop keeps running while the public rows arrive.
        QTRY_VERIFY_WITH_TIMEOUT(view_->evaluatedCount() >= kPublicRows, 120000);
        // The pool's threads take the chunks in turn, but the count is of the rows in order: every public row
        // is back when it says so, whichever thread ran it.
        for (int i = 0; i < kPublicRows; ++i) {
            const RecordView::Row& row = view_->rows()[static_cast<size_t>(i)];
            QVERIFY2(row.result || !row.failure.isEmpty(), row.c.id.c_str());
        }
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
    }
    void cleanupTestCase() { window_.reset(); }

    // With SCOVILLE_SHOT_DIR set, the window with the Record tab at both screen sizes, for review.
    void screenshots() {
        const QString dir = qEnvironmentVariable("SCOVILLE_SHOT_DIR");
        if (dir.isEmpty()) QSKIP("SCOVILLE_SHOT_DIR not set");
        QTRY_VERIFY_WITH_TIMEOUT(view_->evaluated(), 300000);
        // Every case, then the attention calls alone.
        for (const auto& [kind, name] : {std::pair{RecordView::Kind::all, QStringLiteral("record")},
                                         std::pair{RecordView::Kind::attention, QStringLiteral("record-attention")}}) {
            view_->setFilter(RecordView::Set::all, {}, {}, RecordView::Architecture::all, kind, true);
            for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
                window_->resize(size);
                QTest::qWait(200);
                view_->plot()->replot();
                QVERIFY(window_->grab().save(dir + QStringLiteral("/%1-%2.png").arg(name).arg(size.width())));
            }
        }
        window_->resize(1366, 768);
        QTest::qWait(100);
    }

    void headlineEqualsCoresSummaryForThePublicSet() {
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
        const auto core = corePublicResults();
        QCOMPARE(static_cast<int>(core.size()), kPublicRows);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), kPublicRows);
        for (bool serving : {true, false}) {
            const ValidationSummary want = summarise(core, serving);
            const ValidationSummary got = serving ? view_->servingSummary() : view_->kernelSummary();
            QCOMPARE(got.rows, want.rows);
            QCOMPARE(got.fits, want.fits);
            QCOMPARE(got.median_abs_error, want.median_abs_error);
            QCOMPARE(got.rows_within_25, want.rows_within_25);
            QCOMPARE(got.rows_within_35, want.rows_within_35);
        }
        const ValidationSummary serving = summarise(core, true);
        QCOMPARE(serving.rows, 199);  // and the 4 fits that set the MLPerf harnesses' host time per step
        // The headline prints the median as `scoville validate` does (one decimal, in per cent).
        const QString median = formatNumber(serving.median_abs_error * 100, 1) + QStringLiteral(" %");
        QVERIFY2(view_->headline().contains(median), qPrintable(view_->headline()));
        QVERIFY2(view_->headline().contains(QStringLiteral("%1 within \u00b125 %").arg(serving.rows_within_25)),
                 qPrintable(view_->headline()));
    }

    void fitsAreLeftOutOfTheHeadline() {
        // 3154 of the public set's 21278 kernel rows set a chip parameter: shown (hollow), never counted. (By source:
        // Azure's and the other single kernels, LLMServingSim's TPU v6e GEMMs, then aiconfigurator's tables.)
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::kernels,
                         true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 248 + 754 + 391 + 3192 + 5723 + 7290 + 3680);
        QCOMPARE(view_->kernelSummary().rows, 215 + 748 + 352 + 2761 + 4706 + 6312 + 3030);
        QCOMPARE(view_->kernelSummary().fits, 33 + 6 + 39 + 431 + 1017 + 978 + 650);
        QVERIFY2(view_->headline().contains(QStringLiteral("(3154 fits left out)")), qPrintable(view_->headline()));
        // The attention calls alone, decode and prompt: 10970, 1628 of them fits.
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::attention,
                         true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 7290 + 3680);
        QCOMPARE(view_->kernelSummary().rows, 6312 + 3030);
        QCOMPARE(view_->kernelSummary().fits, 866 + 112 + 650);
        QCOMPARE(view_->servingSummary().rows, 0);
        // The GEMMs alone: the Azure guide's 52, Scoville's own 56 on H200, LLMServingSim's 754 on TPU v6e and
        // aiconfigurator's 5723 Linear layers (39 + 50 + 748 + 4706 checks).
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::gemms, true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 52 + 56 + 754 + 5723);
        QCOMPARE(view_->kernelSummary().rows, 39 + 50 + 748 + 4706);
        QCOMPARE(view_->servingSummary().rows, 0);
        // The fused MoE layers alone; they belong to the MoE architecture, as Mixtral's 46 serving rows do.
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::moeLayers,
                         true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 3192);
        QCOMPARE(view_->kernelSummary().rows, 2761);
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::moe, RecordView::Kind::all, true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 46 + 3192);
        view_->setFilter(RecordView::Set::publicSet, {}, "qwen3-30b-a3b", RecordView::Architecture::all,
                         RecordView::Kind::all, true);
        // 7 token counts x 8 EP sizes x (bf16 and fp8 on H100 and H200; bf16, fp8 and fp4 on B200, GB200 and B300)
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 7 * 8 * (2 + 2 + 3 + 3 + 3));
        // Hidden, they are not shown at all; the serving figures do not change.
        const ValidationSummary before = [&] {
            view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
            return view_->servingSummary();
        }();
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, false);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 199 + 215 + 748 + 352 + 2761 + 4706 + 6312 + 3030);
        QCOMPARE(view_->servingSummary().median_abs_error, before.median_abs_error);
        QCOMPARE(view_->kernelSummary().fits, 0);
        // Filters: H100 alone has 54 serving rows in the public set (MLPerf v4.1 Llama-2-70B 30 and Mixtral
        // 20, v5.1 Llama-2-70B 4); Mixtral is its only MoE model.
        view_->setFilter(RecordView::Set::publicSet, "h100-sxm", {}, RecordView::Architecture::all,
                         RecordView::Kind::serving, true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 54);
        view_->setFilter(RecordView::Set::publicSet, "h100-sxm", {}, RecordView::Architecture::moe,
                         RecordView::Kind::serving, true);
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 20);
        // By publication: MLPerf v4.1 has 84 serving rows in the public set (Llama-2-70B 58, Mixtral 26), v5.1 118 (4 of them fits);
        // the figures are core's for the same rows, as `scoville validate` prints them by source.
        auto* sources = view_->findChild<QComboBox*>(QStringLiteral("recordSource"));
        QVERIFY(sources);
        QVERIFY(sources->findData(QStringLiteral("MLPerf Inference v4.1")) > 0);
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::serving,
                         true, "MLPerf Inference v4.1");
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 84);
        std::vector<ValidationResult> all;
        for (const auto& row : view_->rows())
            if (row.result && row.set == RecordView::Set::publicSet) all.push_back(*row.result);
        QCOMPARE(view_->servingSummary().median_abs_error,
                 summarise_source(all, true, "MLPerf Inference v4.1").median_abs_error);
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::moe, RecordView::Kind::serving,
                         true, "MLPerf Inference v5.1");
        QCOMPARE(static_cast<int>(view_->shownRows().size()), 20);
        QCOMPARE(sources->currentData().toString(), QStringLiteral("MLPerf Inference v5.1"));
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
        QCOMPARE(sources->currentIndex(), 0);
    }

    void clickingACaseLoadsItsChipAndWorkload() {
        // mlperf51-cisco-hgx-h100-h100-sxm-80gbx16-l70-off: 16 x H100, Llama-2-70B fp8 offline, input 222,
        // output 291, tp=1 pp=2, max_batch=1024 (validation-public.csv); shown with the other H100 rows, where
        // no other point covers it (the many 8-GPU v4.1 runs of one configuration overlap each other).
        view_->setFilter(RecordView::Set::publicSet, "h100-sxm", {}, RecordView::Architecture::all,
                         RecordView::Kind::serving, true);
        int row = -1;
        for (size_t i = 0; i < view_->rows().size(); ++i)
            if (view_->rows()[i].c.id == "mlperf51-cisco-hgx-h100-h100-sxm-80gbx16-l70-off") row = static_cast<int>(i);
        QVERIFY(row >= 0);
        const auto& c = view_->rows()[static_cast<size_t>(row)];
        QVERIFY(c.result.has_value());
        view_->plot()->replot();
        const QPoint at(qRound(view_->plot()->xAxis->coordToPixel(c.c.measured)),
                        qRound(view_->plot()->yAxis->coordToPixel(c.result->predicted)));
        QCOMPARE(view_->rowAt(at), row);
        const int steps = doc_->undoStack()->count();
        const std::string before = doc_->chip().id;
        QTest::mouseClick(view_->plot(), Qt::LeftButton, {}, at);
        QCOMPARE(doc_->chip().id, std::string("h100-sxm"));
        QCOMPARE(doc_->state().model.id, std::string("llama-2-70b"));
        const Scenario& s = doc_->state().scenario;
        QCOMPARE(s.chips, 16);
        QCOMPARE(s.input_len, 222);
        QCOMPARE(s.output_len, 291);
        QCOMPARE(s.tp, 1);
        QCOMPARE(s.pp, 2);
        QCOMPARE(s.max_batch, 1024);
        QCOMPARE(s.batch, 0);  // auto, as the case is evaluated
        QCOMPARE(s.weight_precision, Precision::fp8);
        // One undoable edit: undo brings the design back.
        QCOMPARE(doc_->undoStack()->count(), steps + 1);
        doc_->undoStack()->undo();
        QCOMPARE(doc_->chip().id, before);
    }

    void aFusedMoeLayerLoadsItsChipAndModel() {
        // aic-moe-gb200-qwen3-30b-a3b-fp8-ep8-1024: the chip and the layer's model load; the workload stays.
        const auto& rows = view_->rows();
        auto it = std::find_if(rows.begin(), rows.end(),
                               [](const auto& r) { return r.c.id == "aic-moe-gb200-qwen3-30b-a3b-fp8-ep8-1024"; });
        QVERIFY(it != rows.end());
        QVERIFY(it->moe);
        const int input = doc_->state().scenario.input_len;
        QVERIFY(view_->loadCase(static_cast<int>(it - rows.begin())).ok());
        QCOMPARE(doc_->chip().id, std::string("gb200"));
        QCOMPARE(doc_->state().model.id, std::string("qwen3-30b-a3b"));
        QCOMPARE(doc_->state().scenario.input_len, input);
        doc_->undoStack()->undo();
    }

    void aCaseOnADifferentBoardLoadsItsWiring() {
        // mlperf41-dell-xe8640-h100-sxm-80gbx4-l70-off: a four-GPU HGX H100 board (link.topology=mesh
        // link.domain=4 in its shape): the loaded chip is H100 wired as that board, 18 links in all.
        const auto& rows = view_->rows();
        auto it = std::find_if(rows.begin(), rows.end(), [](const auto& r) {
            return r.c.id == "mlperf41-dell-xe8640-h100-sxm-80gbx4-l70-off";
        });
        QVERIFY(it != rows.end());
        QVERIFY(view_->loadCase(static_cast<int>(it - rows.begin())).ok());
        QCOMPARE(doc_->chip().id, std::string("h100-sxm"));
        QCOMPARE(doc_->chip().link.topology, Topology::mesh);
        QCOMPARE(doc_->chip().link.domain, 4);
        QCOMPARE(doc_->chip().link.count, 18);
        QCOMPARE(doc_->state().scenario.tp, 2);
        doc_->undoStack()->undo();
    }

    void theLegendCoversNoCase() {
        // Every case of both sets, at the smaller screen: the legend sits where no point is drawn (in
        // its upper left corner it hid the GEMMs' 1-2000 TFLOP/s and the copies' TB/s).
        QTRY_VERIFY_WITH_TIMEOUT(view_->evaluated(), 300000);
        view_->setFilter(RecordView::Set::all, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
        window_->resize(1366, 768);
        QTest::qWait(100);
        QCustomPlot* plot = view_->plot();
        plot->replot();
        const QRect legend = plot->legend->outerRect();
        QVERIFY(legend.width() > 0 && legend.height() > 0);
        QVERIFY(plot->axisRect()->rect().contains(legend));
        int covered = 0;
        QString first;
        for (int i : view_->shownRows()) {
            const auto& r = view_->rows()[static_cast<size_t>(i)];
            const QPoint at(qRound(plot->xAxis->coordToPixel(r.c.measured)),
                            qRound(plot->yAxis->coordToPixel(r.result->predicted)));
            if (legend.contains(at) && covered++ == 0) first = QString::fromStdString(r.c.id);
        }
        QVERIFY2(covered == 0, qPrintable(QStringLiteral("%1 cases under the legend, e.g. %2").arg(covered).arg(first)));
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
    }

    // The accuracy line's link shows the runs it rests on: the Record tab, filtered to the serving checks of
    // the workload's class in both sets, whose headline gives the same rows, median |error| and rows within
    // ±25 % and ±35 % as the line's table (the start-up workload, Llama 3.1 70B at 1024/256: dense, mixed).
    void theAccuracyLinkShowsTheRunsBehindIt() {
        QTRY_VERIFY_WITH_TIMEOUT(view_->evaluated(), 300000);
        auto* tabs = window_->findChild<QTabWidget*>(QStringLiteral("viewTabs"));
        tabs->setCurrentIndex(0);
        auto* link = window_->findChild<QLabel*>(QStringLiteral("kpi:accuracyRuns"));
        QVERIFY(link);
        for (const WorkloadClass workload : {WorkloadClass{false, LengthMix::mixed}, WorkloadClass{true, LengthMix::prompt_heavy}}) {
            if (workload.moe) {
                doc_->setModel("mixtral-8x7b");
                Scenario s = doc_->state().scenario;
                s.input_len = 2048;
                s.output_len = 128;
                doc_->setScenario(s);
            }
            QCOMPARE(workload_class(doc_->state().model, doc_->state().scenario), workload);
            emit link->linkActivated(QStringLiteral("runs"));
            QCOMPARE(tabs->currentWidget(), view_);
            const MeasuredAccuracy* a = find_accuracy(builtin_measured_accuracy(), workload);
            QVERIFY(a);
            QCOMPARE(static_cast<int>(view_->shownRows().size()), a->rows);
            const ValidationSummary got = view_->servingSummary();
            QCOMPARE(got.rows, a->rows);
            QCOMPARE(got.fits, 0);
            QVERIFY(std::abs(got.median_abs_error - a->median_abs_error) < 1e-12);
            QCOMPARE(got.rows_within_25, a->within_25);
            QCOMPARE(got.rows_within_35, a->within_35);
            QCOMPARE(view_->kernelSummary().rows, 0);
            for (int i : view_->shownRows()) {
                const RecordView::Row& r = view_->rows()[static_cast<size_t>(i)];
                QCOMPARE(r.moe, workload.moe);
                QVERIFY(r.c.kind == "serving" && !r.c.fit);
                QVERIFY(length_mix(r.c.input_len, r.c.output_len) == workload.mix);
            }
            tabs->setCurrentIndex(0);
        }
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        view_->setFilter(RecordView::Set::publicSet, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, true);
    }

private:
    std::unique_ptr<MainWindow> window_;
    DesignDocument* doc_ = nullptr;
    RecordView* view_ = nullptr;
};

QTEST_MAIN(TestRecord)
#include "test_record.moc"
