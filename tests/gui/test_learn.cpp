// For classrooms: Help > Lessons stepped through as a teacher would, a teacher's own (and a broken)
// lesson file, presentation mode and zoom, and the Explain panel's figures against the model.
#include <atomic>
#include <cmath>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QSignalSpy>
#include <QUndoStack>
#include <qcustomplot.h>

#include "app/mainwindow.hpp"
#include "core/learn/lesson.hpp"
#include "core/perf/explain.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/explainpanel.hpp"
#include "widgets/format.hpp"
#include "widgets/lessonpanel.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/rooflineview.hpp"
#include "widgets/viewscale.hpp"

using namespace scoville;

namespace {

void writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

QWidget* highlighted(const QWidget* root) {
    for (QWidget* w : root->findChildren<QWidget*>(QStringLiteral("highlightFrame")))
        if (w->isVisible()) return w->parentWidget();
    return nullptr;
}

}  // namespace

class TestLearn : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleLearnTest"));
        QSettings().clear();
        QDir(MainWindow::lessonFolder()).removeRecursively();
        baseFont_ = QApplication::font();
    }

    void init() {
        window_ = std::make_unique<MainWindow>();
        window_->resize(1366, 768);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }
    void cleanup() {
        window_.reset();
        QSettings().clear();
        QDir(MainWindow::lessonFolder()).removeRecursively();
    }

    // Every built-in lesson, every step, through the panel's buttons: each step is one undo step,
    // names a view that is brought into sight and framed, and its answer shows on request with the
    // model agreeing.
    void everyLessonStepApplies() {
        auto* action = window_->findChild<QAction*>(QStringLiteral("actionLessons"));
        QVERIFY(action);
        action->trigger();
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("lessonDock"));
        QVERIFY(dock && dock->isVisible());
        LessonPanel* panel = window_->lessonPanel();
        auto* chooser = panel->findChild<QComboBox*>(QStringLiteral("lessonChooser"));
        auto* next = panel->findChild<QPushButton*>(QStringLiteral("lessonNext"));
        auto* reveal = panel->findChild<QPushButton*>(QStringLiteral("lessonReveal"));
        auto* answer = panel->findChild<QLabel*>(QStringLiteral("lessonAnswer"));
        auto* verdict = panel->findChild<QLabel*>(QStringLiteral("lessonVerdict"));
        auto* question = panel->findChild<QLabel*>(QStringLiteral("lessonQuestion"));
        QVERIFY(chooser && next && reveal && answer && verdict && question);
        QVERIFY(panel->problems().isEmpty());
        QVERIFY(chooser->count() >= 6);
        QCOMPARE(static_cast<size_t>(chooser->count()), panel->lessons().size());
        QUndoStack* undo = window_->undoStack();
        for (int l = 0; l < chooser->count(); ++l) {
            panel->selectLesson(l);
            QCOMPARE(chooser->currentIndex(), l);
            const Lesson& lesson = panel->lessons()[static_cast<size_t>(l)];
            for (size_t s = 0; s < lesson.steps.size(); ++s) {
                const int before = undo->index();
                const DesignValues valuesBefore = window_->document()->values();
                QVERIFY(next->isEnabled());
                QTest::mouseClick(next, Qt::LeftButton);
                QCOMPARE(panel->currentStep(), static_cast<int>(s));
                // One undoable step, unless the step changes nothing.
                const bool changes = !(window_->document()->values() == valuesBefore);
                QCOMPARE(undo->index(), before + (changes ? 1 : 0));
                QVERIFY2(window_->document()->evaluation().ok(), qPrintable(QString::fromStdString(lesson.origin)));
                QCOMPARE(question->text(), QString::fromStdString(lesson.steps[s].question));
                QVERIFY(!answer->isVisible());
                QWidget* framed = highlighted(window_.get());
                QVERIFY2(framed && framed->isVisible(),
                         qPrintable(QStringLiteral("%1 step %2: view %3 not framed")
                                        .arg(QString::fromStdString(lesson.origin))
                                        .arg(s + 1)
                                        .arg(QString::fromStdString(lesson.steps[s].view))));
                QTest::mouseClick(reveal, Qt::LeftButton);
                QVERIFY(answer->isVisible());
                QCOMPARE(answer->text(), QString::fromStdString(lesson.steps[s].answer));
                if (!lesson.steps[s].checks.empty()) {
                    QVERIFY(verdict->isVisible());
                    QVERIFY2(verdict->text().startsWith(QStringLiteral("\u2713")), qPrintable(verdict->text()));
                }
            }
            QVERIFY(!next->isEnabled());  // the last step
        }
    }

    void backUndoesTheStep() {
        LessonPanel* panel = window_->showLessons();
        panel->selectLesson(0);
        const DesignValues start = window_->document()->values();
        QVERIFY(panel->nextStep());
        const DesignValues first = window_->document()->values();
        QVERIFY(!(first == start));
        QVERIFY(panel->nextStep());  // step 2 of lesson 1 doubles the MACs
        QCOMPARE(window_->document()->chip().compute.arrays_per_core, 2 * first.chip.compute.arrays_per_core);
        QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("lessonBack")), Qt::LeftButton);
        QCOMPARE(panel->currentStep(), 0);
        QVERIFY(window_->document()->values() == first);
        // The user changed the design since: Back leaves it as it is.
        window_->document()->setParam("compute.clock_ghz", 1.5);
        const DesignValues mine = window_->document()->values();
        panel->previousStep();
        QCOMPARE(panel->currentStep(), -1);
        QVERIFY(window_->document()->values() == mine);
    }

    // A teacher's folder: a good lesson joins the list, a broken one is named with its problem.
    void userLessonsLoadAndBadOnesAreNamed() {
        window_.reset();
        const QString folder = MainWindow::lessonFolder();
        QVERIFY(QDir().mkpath(folder));
        writeFile(folder + QStringLiteral("/my-class.json"),
                  R"({"title": "My class", "steps": [{"title": "Clock", "chip": "h100-sxm", "view": "parameters",
                      "set": {"compute.clock_ghz": 1.2}, "question": "Slower?", "answer": "Yes.",
                      "checks": [{"result": "throughput_tokens_per_s", "against": "previous", "max": 1.0}]}]})");
        writeFile(folder + QStringLiteral("/broken.json"), R"({"title": "Broken", "steps": [{"title": "x", )");
        writeFile(folder + QStringLiteral("/wrong-key.json"),
                  R"({"title": "W", "steps": [{"title": "x", "view": "roofline", "question": "Q", "answer": "A",
                      "set": {"hbm.stackz": 4}}]})");
        init();
        LessonPanel* panel = window_->showLessons();
        const QStringList problems = panel->problems();
        QCOMPARE(problems.size(), 2);
        QVERIFY2(problems[0].contains(QStringLiteral("broken.json")) && problems[0].contains(QStringLiteral("malformed JSON")),
                 qPrintable(problems[0]));
        QVERIFY2(problems[1].contains(QStringLiteral("wrong-key.json")) && problems[1].contains(QStringLiteral("hbm.stackz")),
                 qPrintable(problems[1]));
        auto* shown = panel->findChild<QLabel*>(QStringLiteral("lessonProblems"));
        QVERIFY(shown && shown->isVisible());
        QVERIFY(shown->text().contains(QStringLiteral("broken.json")));
        int mine = -1;
        for (size_t i = 0; i < panel->lessons().size(); ++i)
            if (panel->lessons()[i].title == "My class") mine = static_cast<int>(i);
        QVERIFY(mine >= 0);
        panel->selectLesson(mine);
        QVERIFY(panel->nextStep());
        QCOMPARE(window_->document()->chip().compute.clock_ghz, 1.2);
        QCOMPARE(window_->document()->chip().id, std::string("h100-sxm"));
        auto* params = window_->findChild<QDockWidget*>(QStringLiteral("parameterDock"));
        QVERIFY(params->isVisible());
        // A file opened by hand that does not read is named too, and nothing else changes.
        const int count = static_cast<int>(panel->lessons().size());
        QVERIFY(!panel->openLessonFile(folder + QStringLiteral("/missing.json")));
        QVERIFY(panel->problems().last().contains(QStringLiteral("missing.json")));
        QCOMPARE(static_cast<int>(panel->lessons().size()), count);
    }

    // A step whose value the chip refuses says so in the panel and changes nothing.
    void aRefusedStepIsShown() {
        const QString path = QDir(MainWindow::lessonFolder()).filePath(QStringLiteral("refused.json"));
        QVERIFY(QDir().mkpath(MainWindow::lessonFolder()));
        writeFile(path, R"({"title": "Refused", "steps": [{"title": "x", "view": "roofline", "question": "Q", "answer": "A",
                            "set": {"compute.cores": -4}}]})");
        LessonPanel* panel = window_->showLessons();
        QVERIFY(panel->openLessonFile(path));
        const DesignValues before = window_->document()->values();
        const int index = window_->undoStack()->index();
        QVERIFY(!panel->nextStep());
        QCOMPARE(panel->currentStep(), -1);
        QVERIFY(window_->document()->values() == before);
        QCOMPARE(window_->undoStack()->index(), index);
        auto* verdict = panel->findChild<QLabel*>(QStringLiteral("lessonVerdict"));
        QVERIFY(verdict->isVisible());
        QVERIFY2(verdict->text().contains(QStringLiteral("refused.json")) && verdict->text().contains(QStringLiteral("compute.cores")),
                 qPrintable(verdict->text()));
    }

    // View > Presentation: the application font and every plot's fonts and lines at 1.5 times,
    // Ctrl+= zooms further, and the choice is kept for the next start.
    void presentationModeScalesFonts() {
        auto* roofline = window_->findChild<RooflineView*>(QStringLiteral("rooflineView"));
        QCustomPlot* plot = roofline->plot();
        const double basePoint = baseFont_.pointSizeF();
        QVERIFY(basePoint > 0);
        QCOMPARE(QApplication::font().pointSizeF(), basePoint);
        const double tickPoint = plot->xAxis->tickLabelFont().pointSizeF();
        const double axisPen = plot->xAxis->basePen().widthF();
        QCPGraph* decodeMemory = plot->graph(4);  // decode, memory-bound points
        const double markerSize = decodeMemory->scatterStyle().size();
        auto* kpi = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s"));
        const double kpiPoint = kpi->font().pointSizeF();
        const int kpiHeight = kpi->height();

        auto* presentation = window_->findChild<QAction*>(QStringLiteral("actionPresentation"));
        QVERIFY(presentation && presentation->isCheckable());
        presentation->trigger();
        QVERIFY(window_->viewScale()->presentation());
        QCOMPARE(QApplication::font().pointSizeF(), basePoint * 1.5);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPoint * 1.5);
        QCOMPARE(plot->xAxis->basePen().widthF(), axisPen * 1.5);
        QCOMPARE(decodeMemory->scatterStyle().size(), markerSize * 1.5);
        QCOMPARE(kpi->font().pointSizeF(), kpiPoint * 1.5);
        // The card's lines take the larger fonts' heights, one under the other.
        for (int pass = 0; pass < 5; ++pass) QApplication::processEvents();
        QCOMPARE(kpi->height(), kpi->sizeHint().height());
        QVERIFY2(kpi->height() >= kpiHeight * 1.3, qPrintable(QStringLiteral("%1 -> %2").arg(kpiHeight).arg(kpi->height())));
        auto* kpiDelta = window_->findChild<QLabel*>(QStringLiteral("kpi:tokens_per_s:delta"));
        QCOMPARE(kpiDelta->y(), kpi->y() + kpi->height());
        QCOMPARE(kpiDelta->height(), kpiDelta->sizeHint().height());
        // Docks simplified: the comparison and latency bars go (and the history dock where it showed).
        QVERIFY(window_->findChild<QWidget*>(QStringLiteral("compareBar"))->isHidden());
        QVERIFY(window_->findChild<QWidget*>(QStringLiteral("latencyBar"))->isHidden());
        QVERIFY(!window_->findChild<QWidget*>(QStringLiteral("workloadBar"))->isHidden());
        // A refresh re-styles the plot at the same scale, never twice over.
        window_->document()->setParam("compute.clock_ghz", 1.7);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPoint * 1.5);
        QCOMPARE(decodeMemory->scatterStyle().size(), markerSize * 1.5);

        QTest::keyClick(window_.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(window_->viewScale()->zoom(), ViewScale::kZoomStep);
        QCOMPARE(QApplication::font().pointSizeF(), basePoint * 1.5 * ViewScale::kZoomStep);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPoint * 1.5 * ViewScale::kZoomStep);
        QCOMPARE(QSettings().value(QStringLiteral("view/presentation")).toBool(), true);

        // Kept: the next window starts in presentation mode at the same zoom.
        window_.reset();
        QCOMPARE(QApplication::font().pointSizeF(), basePoint);  // the window leaves the application as it was
        init();
        QVERIFY(window_->viewScale()->presentation());
        QVERIFY(window_->findChild<QAction*>(QStringLiteral("actionPresentation"))->isChecked());
        QCOMPARE(QApplication::font().pointSizeF(), basePoint * 1.5 * ViewScale::kZoomStep);
        plot = window_->findChild<RooflineView*>(QStringLiteral("rooflineView"))->plot();
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPoint * 1.5 * ViewScale::kZoomStep);

        // Off again and back to the actual size: everything as designed.
        window_->findChild<QAction*>(QStringLiteral("actionPresentation"))->trigger();
        QTest::keyClick(window_.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(QApplication::font().pointSizeF(), basePoint);
        QCOMPARE(plot->xAxis->tickLabelFont().pointSizeF(), tickPoint);
        QCOMPARE(plot->graph(4)->scatterStyle().size(), markerSize);
        QVERIFY(!window_->findChild<QWidget*>(QStringLiteral("compareBar"))->isHidden());
    }

    // The Explain panel leads with the bound and its ops, then what doubling each resource does,
    // every figure the model's own: what_moves() run here on the document's design.
    void explainFiguresAreTheModels() {
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("explainDock"));
        dock->show();
        dock->raise();
        auto* panel = window_->findChild<ExplainPanel*>(QStringLiteral("explainPanel"));
        QVERIFY(panel);
        DesignDocument* doc = window_->document();
        for (int layer : {-1, 0, 1}) {  // the slowest decode layer, then the first two
            doc->setSelection(LayerSelection{Phase::decode, layer, -1});
            QTRY_VERIFY(panel->moves().has_value());
            const Evaluation& ev = doc->evaluation().value();
            const LayerSelection sel = panel->explained();
            QVERIFY(sel.layer >= 0);
            if (layer >= 0) QCOMPARE(sel.layer, layer);
            auto expected = what_moves(doc->state().chip, doc->state().model, doc->state().scenario, ev, sel.phase,
                                       static_cast<size_t>(sel.layer), doc->library().evaluate);
            QVERIFY(expected.ok());
            const LayerMoves& shown = *panel->moves();
            QCOMPARE(shown.layer_s, expected->layer_s);
            // The layer on screen (the first-start design's step is reproduced exactly at its fixed batch).
            QCOMPARE(shown.layer_s, ev.decode.layer(static_cast<size_t>(sel.layer)).time_s);
            QCOMPARE(shown.moves.size(), expected->moves.size());
            const QString text = panel->toPlainText();
            const LayerCause cause = layer_cause(ev.decode.layer(static_cast<size_t>(sel.layer)));
            // "Memory-bound: ffn_down, qkv_proj take 1.2 ms of 1.9 ms." before anything else is said.
            const QString lead = QStringLiteral("%1 of %2").arg(formatSeconds(cause.ops_s), formatSeconds(cause.layer_s));
            QVERIFY2(text.contains(lead), qPrintable(text.left(400)));
            QVERIFY(text.indexOf(lead) < text.indexOf(QStringLiteral("Serving")));
            QVERIFY(text.contains(QString::fromUtf8(ev.decode.layer(static_cast<size_t>(sel.layer)).ops[cause.ops.front()].name.data())));
            for (size_t i = 0; i < shown.moves.size(); ++i) {
                QCOMPARE(shown.moves[i].resource, expected->moves[i].resource);
                QCOMPARE(shown.moves[i].layer_change, expected->moves[i].layer_change);
                QCOMPARE(shown.moves[i].step_change, expected->moves[i].step_change);
                if (std::fabs(shown.moves[i].layer_change) >= 0.005)
                    QVERIFY2(text.contains(QStringLiteral("by %1").arg(ExplainPanel::percent(shown.moves[i].layer_change))),
                             qPrintable(text.left(600)));
            }
            QVERIFY(text.indexOf(QStringLiteral("What would move it")) < text.indexOf(QStringLiteral("Serving")));
        }
        // 0.3134 -> "31 %", 0.042 -> "4.2 %".
        QCOMPARE(ExplainPanel::percent(-0.3134), QStringLiteral("31 %"));
        QCOMPARE(ExplainPanel::percent(-0.042), QStringLiteral("4.2 %"));
    }

    // A slow design's moves (six more evaluations) are worked out on a thread of their own: the page is
    // shown at once with the sentence pending, and the moves fill it in when they return; those of a
    // layer (or state) left meanwhile are dropped. A fast design's are worked out at once.
    void aSlowDesignsMovesArriveLater() {
        auto* dock = window_->findChild<QDockWidget*>(QStringLiteral("explainDock"));
        dock->show();
        dock->raise();
        auto* panel = window_->findChild<ExplainPanel*>(QStringLiteral("explainPanel"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        DesignDocument* doc = window_->document();
        const QString pending = QStringLiteral("being worked out");
        panel->setInlineMovesMs(-1);  // every design counts as slow
        // A state none of whose layers has been explained yet (the panel keeps the moves it worked out last).
        QVERIFY(doc->setParam("compute.clock_ghz", doc->chip().compute.clock_ghz + 0.05).ok());
        // The results come back through the event loop, so none can arrive between these lines.
        doc->setSelection(LayerSelection{Phase::prefill, 0, -1});
        QVERIFY(!panel->moves().has_value());
        QVERIFY2(panel->toPlainText().contains(pending), qPrintable(panel->toPlainText().left(400)));
        QVERIFY(panel->toPlainText().contains(QStringLiteral("Prefill layer 0")));
        doc->setSelection(LayerSelection{Phase::decode, 0, -1});
        QVERIFY(!panel->moves().has_value());
        QTRY_VERIFY(panel->moves().has_value());
        QVERIFY(!panel->toPlainText().contains(pending));
        QCOMPARE(panel->explained().phase, Phase::decode);
        QCOMPARE(panel->explained().layer, 0);
        const Evaluation& ev = doc->evaluation().value();
        auto expected = what_moves(doc->state().chip, doc->state().model, doc->state().scenario, ev, Phase::decode, 0,
                                   doc->library().evaluate);
        QVERIFY(expected.ok());
        // The decode layer's, not the prefill layer's asked for first (0.61 ms against 1.58 ms).
        QCOMPARE(panel->moves()->layer_s, expected->layer_s);
        QCOMPARE(panel->moves()->layer_s, ev.decode.layer(0).time_s);
        QVERIFY(std::abs(ev.prefill.layer(0).time_s - ev.decode.layer(0).time_s) > 0.1 * ev.decode.layer(0).time_s);
        for (size_t i = 0; i < expected->moves.size(); ++i)
            QCOMPARE(panel->moves()->moves[i].layer_change, expected->moves[i].layer_change);
        // A design under the threshold has them worked out at once (every design here; the first-start design's
        // evaluation, 0.12-0.24 ms in `--benchmark-ui`, is under the default one).
        panel->setInlineMovesMs(1e9);
        doc->setSelection(LayerSelection{Phase::prefill, 0, -1});
        QVERIFY(panel->moves().has_value());
        QCOMPARE(panel->explained().phase, Phase::prefill);
        QCOMPARE(panel->moves()->layer_s, ev.prefill.layer(0).time_s);
        QVERIFY(!panel->toPlainText().contains(pending));
        panel->setInlineMovesMs(ExplainPanel::kInlineMovesMs);
        doc->setSelection(LayerSelection{});
        doc->undoStack()->undo();
    }

    void aPageWaitsForTheEvaluationOfTheValueShown() {
        // A drag of a slow design: the evaluation of 1.9 GHz is held (at most 5 s), so the one of 1.5 GHz is shown
        // while the design is at 1.9 GHz; the page's throttle runs out meanwhile and leaves the page as it is.
        ModelLibrary lib = builtin_library();
        std::atomic<bool> released{false};
        const auto evaluate = lib.evaluate;
        lib.evaluate = [&, evaluate](const ChipSpec& chip, const ModelSpec& model, const Scenario& s) {
            if (std::abs(chip.compute.clock_ghz - 1.9) < 1e-9)
                for (int i = 0; i < 500 && !released; ++i) QThread::msleep(10);
            return evaluate(chip, model, s);
        };
        DesignDocument doc(lib);
        QVERIFY(doc.loadPreset("h100-sxm").ok());
        ExplainPanel panel(&doc);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        doc.setBackgroundEvaluationMs(0);  // every evaluation counts as slow
        doc.beginDrag();
        QVERIFY(doc.setParam("compute.clock_ghz", 1.5, true).ok());
        QTRY_VERIFY(!doc.evaluationBehind());  // 1.5 GHz shown; the page refreshes 150 ms after
        QSignalSpy pages(&panel, &QTextBrowser::textChanged);
        QVERIFY(doc.setParam("compute.clock_ghz", 1.9, true).ok());
        QVERIFY(doc.evaluationBehind());
        QTest::qWait(400);
        QVERIFY(doc.evaluationBehind());
        QCOMPARE(pages.count(), 0);
        // The last value's evaluation comes, and the page with it: its moves are the ones of that evaluation.
        released = true;
        QTRY_VERIFY(!doc.evaluationBehind());
        QTRY_VERIFY(pages.count() > 0);
        QTRY_VERIFY(panel.moves().has_value());  // worked out at once, or on the panel's thread for a slower build
        const Evaluation& ev = doc.evaluation().value();
        auto expected = what_moves(doc.state().chip, doc.state().model, doc.state().scenario, ev, panel.explained().phase,
                                   static_cast<size_t>(panel.explained().layer), evaluate);
        QVERIFY(expected.ok());
        QCOMPARE(panel.moves()->layer_s, expected->layer_s);
        QCOMPARE(panel.moves()->step_s, expected->step_s);
        doc.finishInteraction();
    }

    // The moves of a state the design has left are not worked out to their end: the panel's thread stops at the
    // job's next evaluation, so the later state's moves wait for one evaluation at most. The first evaluation of
    // the 1.7 GHz state's moves is held until the design is at 1.8 GHz and the page has asked for its moves; the
    // 1.7 GHz job then asks for no other (it would ask for one per resource doubled: the compute doubled runs at
    // 3.4 GHz, the others at 1.7).
    void aLaterStatesMovesStopAnEarlierJob() {
        ModelLibrary lib = builtin_library();
        std::atomic<bool> released{false}, holding{false};
        std::atomic<int> earlier{0};  // evaluations of the 1.7 GHz state's moves
        const auto evaluate = lib.evaluate;
        lib.evaluate = [&, evaluate](const ChipSpec& chip, const ModelSpec& model, const Scenario& s) {
            const double f = chip.compute.clock_ghz;
            if (QThread::currentThread() != qApp->thread() && (std::abs(f - 1.7) < 1e-9 || std::abs(f - 3.4) < 1e-9)) {
                ++earlier;
                holding = true;
                for (int i = 0; i < 500 && !released; ++i) QThread::msleep(10);
            }
            return evaluate(chip, model, s);
        };
        DesignDocument doc(lib);
        QVERIFY(doc.loadPreset("h100-sxm").ok());
        ExplainPanel panel(&doc);
        panel.setInlineMovesMs(-1);  // every design counts as slow: its moves are worked out on the panel's thread
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        doc.setSelection(LayerSelection{Phase::decode, 0, -1});
        QVERIFY(doc.setParam("compute.clock_ghz", 1.7).ok());
        QTRY_VERIFY(holding);
        QSignalSpy pages(&panel, &QTextBrowser::textChanged);
        QVERIFY(doc.setParam("compute.clock_ghz", 1.8).ok());
        // The page refreshes 150 ms after the edit, asking for 1.8 GHz's moves (queued behind the held job).
        QTRY_VERIFY(pages.count() > 0);
        QVERIFY(panel.toPlainText().contains(QStringLiteral("being worked out")));
        QCOMPARE(earlier.load(), 1);
        released = true;
        QTRY_VERIFY(panel.moves().has_value());
        const Evaluation& ev = doc.evaluation().value();
        auto expected = what_moves(doc.state().chip, doc.state().model, doc.state().scenario, ev, Phase::decode, 0, evaluate);
        QVERIFY(expected.ok());
        QCOMPARE(panel.moves()->step_s, expected->step_s);
        QCOMPARE(earlier.load(), 1);  // the held one alone
        doc.setSelection(LayerSelection{});
    }

private:
    std::unique_ptr<MainWindow> window_;
    QFont baseFont_;
};

QTEST_MAIN(TestLearn)
#include "test_learn.moc"
