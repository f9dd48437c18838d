// The roadmap tab and the one-page report: the roadmap's values are the model's for chips with a
// spec and roadmap.json's announced figures for those without; the report (GUI writer and
// `scoville report`) is one page with the design's name, the workload, the date and KPI values as
// the screen formats them; bad requests fail clearly and write nothing; exported charts carry a
// caption. With SCOVILLE_SHOT_DIR set, the roadmap tab is also saved there at 1366x768 and
// 1920x1080 for a person to look at.
#include <QDate>
#include <QElapsedTimer>
#include <algorithm>
#include <map>
#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "app/sessioncontroller.hpp"
#include "core/hw/params.hpp"
#include "core/perf/accuracy.hpp"
#include "core/library/library.hpp"
#include "core/physical/design.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/reportwriter.hpp"
#include "widgets/roadmapview.hpp"
#include "support/scenarios.hpp"

using namespace scoville;

namespace {

const RoadmapView::Shown* find(const RoadmapView& v, const std::string& name) {
    for (const auto& s : v.shown())
        if (s.point.name == name) return &s;
    return nullptr;
}

struct Run {
    int code = -1;
    QString out, err;
};
Run run(const QString& program, const QStringList& args) {
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(180000)) return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// Spaces of any width as one plain space, so text read back from a PDF compares with the screen's.
QString plain(QString s) {
    s.replace(QChar(0x00a0), QLatin1Char(' ')).replace(QChar(0x202f), QLatin1Char(' '));
    return s.simplified();
}

}  // namespace

class TestRoadmap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleTest"));
        QSettings().clear();
    }

    // Chips with a spec are at the model's values on the document's workload; generations without
    // one show announced figures only.
    void valuesAreTheModels() {
        DesignDocument doc(builtin_library());
        RoadmapView view(&doc);
        view.setMetric("throughput_tokens_per_s_per_chip");
        view.update_now();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 120000);
        const ResultKey& key = *find_result_key("throughput_tokens_per_s_per_chip");
        for (const auto& [name, id] : {std::pair<std::string, std::string>{"H200", "h200-sxm"}, {"TPU7x Ironwood", "tpu-v7"}}) {
            const auto* s = find(view, name);
            QVERIFY2(s, name.c_str());
            QCOMPARE(s->point.chip_id, id);
            const auto direct = evaluate_design(*load_chip(id), doc.state().model, doc.state().scenario);
            QVERIFY(direct.ok());
            QCOMPARE(s->value.source, RoadmapValueSource::model);
            QCOMPARE(s->value.value, *key.value(*direct));
            QVERIFY(s->value.low && s->value.high);  // ranges arrived
            QVERIFY(*s->value.low <= s->value.value && s->value.value <= *s->value.high);
        }
        // The design: the document's own evaluation, in the year set (2026 unless changed).
        const RoadmapView::Shown* design = nullptr;
        for (const auto& s : view.shown())
            if (s.design) design = &s;
        QVERIFY(design);
        QCOMPARE(design->point.year, 2026);
        QCOMPARE(design->value.value, *key.value(doc.evaluation().value()));
        view.setDesignYear(2028);
        for (const auto& s : view.shown())
            if (s.design) QCOMPARE(s.point.year, 2028);
        // MI400 has no chip spec: no model value, and the status line lists it as not modelled.
        const auto* mi400 = find(view, "MI400 (MI455X)");
        QVERIFY(mi400);
        QCOMPARE(mi400->value.source, RoadmapValueSource::none);
        QVERIFY(view.toolTipFor(*mi400).contains(QStringLiteral("not modelled")));
        // On HBM capacity it is at its announced 432 GB (roadmap.json), marked as announced.
        view.setMetric("memory_gb");
        mi400 = find(view, "MI400 (MI455X)");
        QCOMPARE(mi400->value.source, RoadmapValueSource::announced);
        QCOMPARE(mi400->value.value, 432.0);
        QVERIFY(view.toolTipFor(*mi400).contains(QStringLiteral("as announced")));
        QVERIFY(view.toolTipFor(*mi400).contains(QStringLiteral("Source: press")));
        // H200: 141 GB of HBM3e (data sheet).
        QVERIFY(std::abs(find(view, "H200")->value.value - 141.0) < 0.5);
        // Feynman announced no capacity: never a value.
        QCOMPARE(find(view, "Feynman")->value.source, RoadmapValueSource::none);
    }

    // A workload no chip can run leaves no point: each chip says so in a short label along the
    // bottom (the evaluation's reason on hover), and the status line names them.
    void chipsThatCannotRunTheWorkloadSaySo() {
        DesignDocument doc(builtin_library());
        RoadmapView view(&doc);
        view.resize(1200, 600);
        doc.setModel("llama-3.1-405b");
        doc.setScenario(test::bf16OnOneChip(doc.state().scenario));  // ~810 GB of weights
        QVERIFY(!doc.evaluation().ok());
        view.setMetric("throughput_tokens_per_s_per_chip");
        view.update_now();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 120000);
        const auto* h100 = find(view, "H100");
        QVERIFY(h100);
        QCOMPARE(h100->value.source, RoadmapValueSource::none);
        QCOMPARE(h100->value.reason, RoadmapNoValue::does_not_run);
        QCOMPARE(h100->label, QStringLiteral("\u00d7 H100: does not run this workload"));
        // The whole reason on hover: the evaluation's own error.
        const auto direct = evaluate_design(*load_chip("h100-sxm"), doc.state().model, doc.state().scenario);
        QVERIFY(!direct.ok());
        QVERIFY(view.toolTipFor(*h100).contains(QString::fromStdString(direct.error().message)));
        auto* status = view.findChild<QLabel*>(QStringLiteral("roadmapStatus"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("Cannot run this workload")), qPrintable(status->text()));
        QVERIFY(status->text().contains(QStringLiteral("H100")));
        QVERIFY(status->text().contains(QStringLiteral("B200")));
    }

    // A workload edit re-evaluates the roadmap's chips; a chip edit moves only the design.
    void followsTheWorkload() {
        DesignDocument doc(builtin_library());
        RoadmapView view(&doc);
        view.update_now();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 120000);
        const double before = find(view, "H200")->value.value;
        Scenario s = doc.state().scenario;
        s.output_len *= 4;
        doc.setScenario(s);
        view.update_now();
        QTRY_VERIFY_WITH_TIMEOUT(view.isComplete(), 120000);
        const auto direct = evaluate_design(*load_chip("h200-sxm"), doc.state().model, doc.state().scenario);
        QVERIFY(direct.ok());
        QCOMPARE(find(view, "H200")->value.value, direct->serving.throughput_tokens_per_s_per_chip);
        QVERIFY(find(view, "H200")->value.value != before);
    }

    void mainWindowTabAndScreenshots() {
        MainWindow w;
        auto* tab = w.roadmapView();
        QVERIFY(tab);
        QCOMPARE(w.viewTabs()->indexOf(tab), w.viewTabs()->count() - 1);
        w.viewTabs()->setCurrentWidget(tab);
        const QByteArray dir = qgetenv("SCOVILLE_SHOT_DIR");
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)}) {
            w.resize(size);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QTRY_VERIFY_WITH_TIMEOUT(tab->isComplete(), 120000);
            QTest::qWait(200);
            // Every label drawn sits inside the plot and clear of the others.
            std::vector<QRectF> rects;
            for (int i = 0; i < tab->plot()->itemCount(); ++i) {
                auto* t = qobject_cast<QCPItemText*>(tab->plot()->item(i));
                if (!t || !t->visible()) continue;
                const QPointF p = t->position->pixelPosition();
                const QFontMetricsF fm(t->font());
                rects.emplace_back(p, QSizeF(fm.horizontalAdvance(t->text()), fm.height()));
            }
            QVERIFY(rects.size() >= 10);
            for (size_t i = 0; i < rects.size(); ++i)
                for (size_t j = i + 1; j < rects.size(); ++j)
                    QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
            if (!dir.isEmpty())
                w.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/roadmap-%1x%2.png").arg(size.width()).arg(size.height()));
        }
        // An exported chart carries its title, the workload and the chips.
        const QStringList caption = exportCaption(tab->plot());
        QCOMPARE(caption.size(), 3);
        QVERIFY(caption[0].startsWith(QStringLiteral("Roadmap")));
        QVERIFY(caption[1].contains(qtext(w.document()->state().model.name)));
        QVERIFY(caption[2].contains(qtext(w.document()->chip().name)));
        QTemporaryDir tmp;
        const QString png = tmp.filePath(QStringLiteral("roadmap.png"));
        QVERIFY(exportPlot(tab->plot(), png));
        const QImage image(png);
        // Twice the plot's size, and taller by the caption's three lines.
        QCOMPARE(image.width(), 2 * tab->plot()->width());
        QVERIFY(image.height() > 2 * tab->plot()->height() + 3 * 2 * QFontMetrics(tab->plot()->font()).height());
    }

    // The session's other designs follow the current one: two years later, then yearly.
    void otherDesignsAsLaterGenerations() {
        QTemporaryDir tmp;
        MainWindow w;
        QVERIFY(w.openSessionFile(tmp.filePath(QStringLiteral("s.scoville")), false));
        SessionController* sessions = w.sessionController();
        const QString first = sessions->currentDesign();
        QVERIFY(sessions->newDesign(QStringLiteral("zz later")).ok());
        QVERIFY(sessions->switchDesign(first).ok());
        RoadmapView* view = w.roadmapView();
        view->setShowOtherDesigns(true);
        view->update_now();
        QTRY_VERIFY_WITH_TIMEOUT(view->isComplete(), 120000);
        std::map<std::string, int> years;
        for (const auto& s : view->shown())
            if (s.design) years[s.point.name] = s.point.year;
        QCOMPARE(years.size(), size_t(2));
        QCOMPARE(years[first.toStdString()], 2026);
        QCOMPARE(years["zz later"], 2028);
        const auto* later = find(*view, "zz later");
        QVERIFY(later);
        QCOMPARE(later->value.source, RoadmapValueSource::model);  // evaluated with the roadmap's chips
    }

    // A slider step with the roadmap shown redraws only the design's point and the plot: the time
    // per step is printed (never asserted; the budget is one 60 Hz frame).
    void sliderStepWithTheRoadmapShown() {
        MainWindow w;
        w.resize(1366, 768);
        w.viewTabs()->setCurrentWidget(w.roadmapView());
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTRY_VERIFY_WITH_TIMEOUT(w.roadmapView()->isComplete(), 120000);
        setImmediateReplot(true);
        std::vector<qint64> ns;
        for (int i = 0; i < 21; ++i) {
            QElapsedTimer t;
            t.start();
            QVERIFY(w.document()->setParam("compute.clock_ghz", 1.6 + 0.02 * i, true).ok());
            ns.push_back(t.nsecsElapsed());
        }
        setImmediateReplot(false);
        std::sort(ns.begin(), ns.end());
        qInfo("slider step with the roadmap shown: median %.2f ms, worst %.2f ms", ns[ns.size() / 2] / 1e6,
              ns.back() / 1e6);
        QVERIFY(w.roadmapView()->isComplete());  // a chip edit does not evaluate the roadmap's chips again
    }

    // `scoville report`: one A4 page with the design's name, the workload, the date and the KPIs as
    // the screen formats them; PNG by extension.
    void reportFromTheCommandLine() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("s.scoville"));
        const QString design = QStringLiteral("Pepper gen 1");
        {
            auto session = store::Session::open(file);
            QVERIFY(session.ok());
            const auto chip = load_chip("jalapeno-est");
            QVERIFY((*session)->saveDesign(design, *chip).ok());
            const DesignState def = DesignDocument::defaultState(builtin_library());
            Scenario scenario = def.scenario;  // with measured output lengths, which the assumptions summarise
            scenario.output_len_quantiles = {{0.01, 23}, {0.5, 251}, {0.99, 922}};
            QVERIFY((*session)->adoptContext(design, DesignValues{*chip, def.model.id, {}, scenario, def.baseline_id,
                                                                  def.reference_ids})
                        .ok());
        }
        // What the screen shows for this design.
        DesignDocument doc(builtin_library());
        {
            store::Session::Options ro;
            ro.mode = store::Session::Mode::readOnly;
            auto session = store::Session::open(file, ro);
            QVERIFY(session.ok());
            doc.replaceState(designStateFor(builtin_library(), DesignDocument::defaultState(builtin_library()),
                                            **session, design, *(*session)->values(design)));
        }
        QVERIFY(doc.evaluation().ok());
        const ResultKey& tput = *find_result_key("throughput_tokens_per_s_per_chip");
        const ResultKey& cost = *find_result_key("cost_per_million_tokens_usd");
        const QString pdf = tmp.filePath(QStringLiteral("report.pdf"));
        const Run r = run(QStringLiteral(SCOVILLE_BINARY),
                          {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"), design,
                           QStringLiteral("--out"), pdf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        if (const QByteArray dir = qgetenv("SCOVILLE_SHOT_DIR"); !dir.isEmpty()) {
            QFile::remove(QString::fromLocal8Bit(dir) + QStringLiteral("/report.pdf"));
            QFile::copy(pdf, QString::fromLocal8Bit(dir) + QStringLiteral("/report.pdf"));
        }
        const Run info = run(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info.out));
        QVERIFY(info.out.contains(QStringLiteral("Title:")) && info.out.contains(design));
        QVERIFY(info.out.contains(QStringLiteral("Creator:")) && info.out.contains(QStringLiteral("Scoville")));
        QVERIFY(info.out.contains(QStringLiteral("A4")));
        const Run meta = run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), pdf});
        QVERIFY2(meta.out.contains(QStringLiteral("dc:description")) && meta.out.contains(qtext(doc.state().model.name)),
                 qPrintable(meta.out));
        const Run text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        const QString t = plain(text.out);
        QVERIFY2(t.contains(design), qPrintable(t));
        QVERIFY2(t.contains(plain(workloadSummary(doc))), qPrintable(t));
        QVERIFY2(t.contains(QDate::currentDate().toString(Qt::ISODate)), qPrintable(t));
        const QString value = plain(formatResult(tput, tput.value(doc.evaluation().value())));
        QVERIFY2(t.contains(value), qPrintable(value + QStringLiteral(" not in: ") + t));
        const QString costText = plain(formatResult(cost, cost.value(doc.evaluation().value())));
        QVERIFY2(t.contains(costText), qPrintable(costText + QStringLiteral(" not in: ") + t));
        for (const char* heading : {"Key assumptions", "Economics", "Efficiencies", "Electricity price", "Roadmap",
                                    "Measured accuracy"})
            QVERIFY2(t.contains(QLatin1String(heading)), heading);
        // How far measured runs of the workload's class (dense, 1024/256: mixed) were from the model.
        const MeasuredAccuracy* acc = find_accuracy(builtin_measured_accuracy(), workload_class(doc.state().model, doc.state().scenario));
        QVERIFY(acc);
        for (const QString& part : {workloadModelsText(acc->workload), workloadLengthsText(acc->workload),
                                    formatSignedPercent(acc->median_error),
                                    formatSignedPercent(acc->p10_error) + QStringLiteral(" to ") + formatSignedPercent(acc->p90_error)})
            QVERIFY2(t.contains(plain(part)), qPrintable(part + QStringLiteral(" not in: ") + t.right(1500)));
        // An efficiency left at 0 that stands for another value reads as that value, as in the parameter panel.
        int automatic = 0;
        for (const ParamInfo& p : chip_params()) {
            if (p.group != "Efficiencies" || p.get(doc.chip()) != 0) continue;
            const QString shown = autoValueText(doc.chip(), p.key, p.unit);
            if (shown.isEmpty()) continue;
            ++automatic;
            QVERIFY2(t.contains(plain(shown)), qPrintable(shown));
        }
        QVERIFY(automatic > 0);
        // The quantiles in a line (how many, their ends), and the spread they stand in place of, as theirs.
        QVERIFY2(t.contains(QStringLiteral("23\u2013922 tokens (3)")), qPrintable(t));
        const QString spread = formatNumber(quantiles_spread(doc.state().scenario.output_len_quantiles), 2);
        QVERIFY2(t.contains(spread + QStringLiteral(" (the quantiles')")), qPrintable(spread));

        const QString png = tmp.filePath(QStringLiteral("report.png"));
        const Run r2 = run(QStringLiteral(SCOVILLE_BINARY),
                           {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"),
                            design, QStringLiteral("--out"), png});
        QVERIFY2(r2.code == 0, qPrintable(r2.err));
        QCOMPARE(QImage(png).size(), QSize(1240, 1754));  // A4 at 150 dpi
    }

    // A disaggregated design's report names each pool's chips and deployment where another design has its
    // parallelism.
    void reportOfADisaggregatedDesign() {
        DesignDocument doc(builtin_library());
        Scenario s = doc.state().scenario;
        s.chips = 8;
        s.prefill_chips = s.decode_chips = -1;  // the split chosen
        s.tp = s.pp = s.ep = s.attention_dp = 0;
        s.ttft_slo_s.reset();
        s.tpot_slo_s.reset();
        doc.setScenario(s);
        QVERIFY(doc.evaluation().ok());
        const ServingResult& sv = doc.evaluation()->serving;
        QVERIFY(sv.disaggregated);
        QTemporaryDir tmp;
        const QString pdf = tmp.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeReport(&doc, pdf, ReportOptions{}).ok());
        const Run text = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        // "Prefill pool, 3 chips      TP 1", the row's label and value on one line.
        for (const auto& [name, pool] : {std::pair{QStringLiteral("Prefill"), &sv.prefill_pool},
                                         std::pair{QStringLiteral("Decode"), &sv.decode_pool}}) {
            const QRegularExpression row(QStringLiteral("%1 pool, %2 chips +%3")
                                             .arg(name, QString::number(pool->chips),
                                                  QRegularExpression::escape(formatParallelism(pool->parallelism))));
            QVERIFY2(row.match(text.out).hasMatch(), qPrintable(row.pattern() + QStringLiteral(" not in: ") + text.out.left(3000)));
        }
        QCOMPARE(sv.prefill_pool.chips + sv.decode_pool.chips, 8);
        QVERIFY(!text.out.contains(QStringLiteral("Parallelism chosen")));
    }

    // A report asked for while a workload edit is evaluated in the background (a slow design's) waits for its
    // evaluations: it reports the new state's, not the refusal the state before it gave.
    void aReportWaitsForAWorkloadEditRunningInTheBackground() {
        DesignDocument doc(builtin_library());
        Scenario beyond = doc.state().scenario;
        beyond.input_len = 2000000;  // past Llama 3.1 70B's 131,072-token context: refused
        doc.setScenario(beyond);
        QVERIFY(!doc.evaluation().ok());
        doc.setBackgroundWorkloadMs(0);  // every workload evaluation counts as slow
        Scenario good = beyond;
        good.input_len = 1024;
        doc.setScenario(good);
        QVERIFY(doc.evaluationBehind());
        QVERIFY(!doc.evaluation().ok());
        QTemporaryDir tmp;
        const QString pdf = tmp.filePath(QStringLiteral("report.pdf"));
        QVERIFY(writeReport(&doc, pdf, ReportOptions{}).ok());
        QVERIFY(!doc.evaluationBehind());
        QVERIFY(doc.evaluation().ok());
        const Run text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        const ResultKey& tput = *find_result_key("throughput_tokens_per_s_per_chip");
        const QString value = plain(formatResult(tput, tput.value(doc.evaluation().value())));
        QVERIFY2(plain(text.out).contains(value), qPrintable(value + QStringLiteral(" not in: ") + text.out.left(2000)));
    }

    // A design with a model of its own (read from a file) and no baseline: the report names the model and, in
    // place of the comparison's empty axes, says why there are no ratios.
    void aReportOfADesignWithoutABaselineSaysWhyItHasNoRatios() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("s.scoville"));
        const QString design = QStringLiteral("own");
        ModelSpec own = *load_model("llama-3.1-8b");
        own.id = "my-8b";
        own.name = "My 8B";
        own.layers = 40;  // a deeper variant the library does not hold
        {
            auto session = store::Session::open(file);
            QVERIFY(session.ok());
            const auto chip = load_chip("h200-sxm");
            QVERIFY((*session)->saveDesign(design, *chip).ok());
            Scenario scenario = DesignDocument::defaultState(builtin_library()).scenario;
            scenario.chips = 1;
            QVERIFY((*session)->adoptContext(design, DesignValues{*chip, own.id, model_to_json(own, -1), scenario, "", {}})
                        .ok());
        }
        const QString pdf = tmp.filePath(QStringLiteral("report.pdf"));
        const Run r = run(QStringLiteral(SCOVILLE_BINARY),
                          {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"), design,
                           QStringLiteral("--out"), pdf});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const Run text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY2(text.code == 0, qPrintable(text.err));
        const QString t = plain(text.out);
        QVERIFY2(t.contains(QStringLiteral("Workload: My 8B (own model)")), qPrintable(t.left(600)));
        QVERIFY2(t.contains(QStringLiteral("No ratios: no baseline chip chosen")), qPrintable(t.left(2000)));
    }

    // Bad requests: a clear message naming the input, a non-zero exit, nothing written.
    void reportErrors() {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("s.scoville"));
        {
            auto session = store::Session::open(file);
            QVERIFY(session.ok());
            QVERIFY((*session)->saveDesign(QStringLiteral("a"), *load_chip("h100-sxm")).ok());
        }
        const QString out = tmp.filePath(QStringLiteral("r.pdf"));
        const QString bin = QStringLiteral(SCOVILLE_BINARY);
        Run r = run(bin, {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"),
                          QStringLiteral("missing"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--design missing: no design of that name")) &&
                     r.err.contains(QStringLiteral("its designs: a")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        // A session that is not one.
        const QString bad = tmp.filePath(QStringLiteral("bad.scoville"));
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("not a session\n");
        }
        r = run(bin, {QStringLiteral("report"), QStringLiteral("--session"), bad, QStringLiteral("--design"),
                      QStringLiteral("a"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--session ")) && r.err.contains(bad), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        r = run(bin, {QStringLiteral("report"), QStringLiteral("--session"), tmp.filePath(QStringLiteral("none.scoville")),
                      QStringLiteral("--design"), QStringLiteral("a"), QStringLiteral("--out"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no such file")), qPrintable(r.err));
        // The output: a format the report is not written in, a folder that does not exist.
        r = run(bin, {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"),
                      QStringLiteral("a"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("r.docx"))});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral(".pdf or .png")), qPrintable(r.err));
        r = run(bin, {QStringLiteral("report"), QStringLiteral("--session"), file, QStringLiteral("--design"),
                      QStringLiteral("a"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("no/such/r.pdf"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
        QVERIFY2(QDir(tmp.path()).entryList({QStringLiteral("r*")}, QDir::Files).isEmpty(),
                 qPrintable(QDir(tmp.path()).entryList(QDir::Files).join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestRoadmap)
#include "test_roadmap.moc"
