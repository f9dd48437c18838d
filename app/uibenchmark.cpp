#include "app/uibenchmark.hpp"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSlider>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUndoStack>
#include <QWindow>
#include <algorithm>
#include <ctime>
#include <functional>
#include <cstring>
#include <ostream>
#include <string>
#include <vector>

#include "app/mainwindow.hpp"
#include "app/sessioncontroller.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/explainpanel.hpp"
#include "widgets/modellibrary.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/recordview.hpp"

namespace scoville {
namespace {
// CPU time of this thread: on a machine shared with other work the wall time includes waiting
// for a core; this is what the step costs on an idle one.
double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}
}  // namespace

bool isUiBenchmark(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--benchmark-ui") == 0) return true;
    return false;
}

int runUiBenchmark(int argc, char** argv, std::ostream& out, std::ostream& err) {
    int steps = 200;
    int width = 1920, height = 1080;
    std::string key = "compute.clock_ghz";
    std::string sessionIn, designIn;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--steps" && i + 1 < argc) {
            steps = std::atoi(argv[++i]);
            if (steps < 2) {
                err << "--steps: expected a number >= 2, got '" << argv[i] << "'\n";
                return 2;
            }
        } else if (a == "--size" && i + 1 < argc) {
            const std::string v = argv[++i];
            const auto x = v.find('x');
            width = x == std::string::npos ? 0 : std::atoi(v.substr(0, x).c_str());
            height = x == std::string::npos ? 0 : std::atoi(v.substr(x + 1).c_str());
            if (width < 400 || height < 300) {
                err << "--size: expected WIDTHxHEIGHT of at least 400x300, got '" << v << "'\n";
                return 2;
            }
        } else if (a == "--slider" && i + 1 < argc) {
            key = argv[++i];
        } else if (a == "--session" && i + 1 < argc) {
            sessionIn = argv[++i];
        } else if (a == "--design" && i + 1 < argc) {
            designIn = argv[++i];
        } else if (a != "--benchmark-ui") {
            err << "--benchmark-ui: unknown argument '" << a
                << "' (use --steps N, --size WxH, --slider KEY, --session FILE, --design NAME)\n";
            return 2;
        }
    }
    if (!designIn.empty() && sessionIn.empty()) {
        err << "--benchmark-ui: --design needs --session FILE\n";
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QApplication app(qtArgc, argv);
    QApplication::setOrganizationName(QStringLiteral("Scoville"));
    QApplication::setApplicationName(QStringLiteral("ScovilleBenchmark"));

    QElapsedTimer startup;
    startup.start();
    MainWindow window;
    // As in use: every step is also written to a session file (autosave, one transaction each): a
    // new one, or a copy of --session's (the drag is not written to the file given).
    QTemporaryDir sessionDir;
    const QString sessionFile = sessionDir.filePath(QStringLiteral("benchmark.scoville"));
    if (!sessionDir.isValid()) {
        err << "--benchmark-ui: cannot create a temporary folder\n";
        return 1;
    }
    if (!sessionIn.empty()) {
        if (!QFileInfo::exists(qtext(sessionIn)) || !QFile::copy(qtext(sessionIn), sessionFile)) {
            err << "--session: cannot read session file '" << sessionIn << "'\n";
            return 2;
        }
        QFile::setPermissions(sessionFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    if (!window.openSessionFile(sessionFile, false)) {
        err << (sessionIn.empty() ? "--benchmark-ui: cannot create a session file in " + stext(sessionDir.path())
                                  : "--session: '" + sessionIn + "' is not a session file Scoville can open")
            << "\n";
        return sessionIn.empty() ? 1 : 2;
    }
    if (!designIn.empty()) {
        if (auto st = window.sessionController()->switchDesign(qtext(designIn)); !st) {
            err << "--design: " << st.error().message << "\n";
            return 2;
        }
    }
    window.resize(width, height);
    for (auto* dock : window.findChildren<QDockWidget*>()) dock->show();
    window.show();
    QElapsedTimer wait;
    wait.start();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && wait.elapsed() < 5000) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    if (!window.windowHandle() || !window.windowHandle()->isExposed()) {
        err << "--benchmark-ui: the window could not be shown\n";
        return 1;
    }
    auto* slider = window.findChild<QSlider*>(QStringLiteral("param:") + qtext(key) + QStringLiteral(":slider"));
    if (!slider) {
        err << "--benchmark-ui: no slider for parameter '" << key << "'\n";
        return 2;
    }
    if (!window.document()->evaluation().ok()) {
        err << "--benchmark-ui: the design does not evaluate: " << window.document()->evaluation().error().message
            << "\n";
        return 1;
    }
    QApplication::processEvents();
    const double startupMs = static_cast<double>(startup.nsecsElapsed()) / 1e6;
    setImmediateReplot(true);  // each step includes the real redraw of every view

    // A drag across the slider's range and back, like a user sweeping it.
    const size_t historyBefore =
        window.sessionController()->session()->history(window.sessionController()->currentDesign()).size();
    // A slow design's drag is followed from a background thread (DesignDocument::kBackgroundEvaluationMs):
    // the steps then redraw with the evaluation at hand, the results are shown as they come, and the
    // release shows the last value's.
    int shown = 0, behindSteps = 0;
    QObject::connect(window.document(), &DesignDocument::evaluationChanged, &app, [&shown] { ++shown; });
    slider->setSliderDown(true);
    std::vector<double> ms, plotsMs, cpuMs;
    std::vector<double> arrivalMs, quietMs;  // steps in which a background result was shown, and the others
    ms.reserve(static_cast<size_t>(steps));
    plotsMs.reserve(static_cast<size_t>(steps));
    const int lo = slider->minimum(), hi = slider->maximum();
    QElapsedTimer timer;
    for (int i = 0; i < steps; ++i) {
        const int half = steps / 2;
        const int j = i < half ? i : steps - 1 - i;
        const int pos = lo + (hi - lo) * (j + 1) / (half + 1);
        const int shownBefore = shown;
        const double cpu0 = threadCpuMs();
        timer.start();
        slider->setValue(pos);  // evaluation, view updates and immediate replots of every plot
        plotsMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        QApplication::processEvents();  // label, table and panel repaints the step queued
        ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        (shown != shownBefore ? arrivalMs : quietMs).push_back(ms.back());
        if (window.document()->evaluationBehind()) ++behindSteps;
        cpuMs.push_back(threadCpuMs() - cpu0);
    }
    const int shownInDrag = shown;
    QElapsedTimer releaseTimer;
    releaseTimer.start();
    slider->setSliderDown(false);
    QApplication::processEvents();
    const double releaseMs = static_cast<double>(releaseTimer.nsecsElapsed()) / 1e6;
    const bool behind = window.document()->evaluationBehind();
    const store::Session* session = window.sessionController()->session();
    const QString design = window.sessionController()->currentDesign();
    const size_t dragEntries = session->history(design).size() - historyBefore;
    const QString unsaved = window.sessionController()->unsavedReason();

    // Evaluation alone, for the split between model and drawing.
    const auto& lib = builtin_library();
    const DesignState& st = window.document()->state();
    QElapsedTimer evalTimer;
    evalTimer.start();
    const int evalRuns = 200;
    for (int i = 0; i < evalRuns; ++i) (void)lib.evaluate(st.chip, st.model, st.scenario);
    const double evalMs = static_cast<double>(evalTimer.nsecsElapsed()) / 1e6 / evalRuns;

    auto percentile = [](std::vector<double> v, double p) {
        if (v.empty()) return 0.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
    };
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    auto pct = [&](double p) { return percentile(ms, p); };
    out << "slider " << key << ", " << steps << " steps, window " << window.width() << "x" << window.height()
        << ", all views visible"
        << (sessionIn.empty() ? std::string() : ", design '" + stext(design) + "' of " + sessionIn) << "\n";
    out << "value change to all views redrawn: median " << pct(0.5) << " ms, p95 " << pct(0.95) << " ms, max "
        << sorted.back() << " ms (budget 16 ms)\n";
    out << "  of which model + plot replots: median " << percentile(plotsMs, 0.5) << " ms, p95 "
        << percentile(plotsMs, 0.95) << " ms; the rest is widget repaint (labels, table, panel)\n";
    out << "  CPU time of the GUI thread per step: median " << percentile(cpuMs, 0.5) << " ms, p95 "
        << percentile(cpuMs, 0.95) << " ms\n";
    out << "design evaluation alone: " << evalMs << " ms\n";
    if (behindSteps > 0)
        out << "followed from a background thread: " << behindSteps << " of " << steps
            << " steps redrawn with an earlier value's evaluation; " << shownInDrag
            << " evaluations shown during the drag; the release to the last value's shown: " << releaseMs << " ms"
            << (behind ? ", STILL BEHIND" : "") << "\n"
            << "  steps that showed a result: " << arrivalMs.size() << ", median "
            << percentile(arrivalMs, 0.5) << " ms, p95 "
            << percentile(arrivalMs, 0.95) << " ms; the others: median "
            << percentile(quietMs, 0.5) << " ms, p95 "
            << percentile(quietMs, 0.95) << " ms\n";
    else
        out << "every step evaluated before its redraw (" << shownInDrag << " evaluations: a step that snaps to "
            << "the value shown changes nothing)\n"
            << "  steps that changed the evaluation: " << arrivalMs.size() << ", median " << percentile(arrivalMs, 0.5)
            << " ms, p95 " << percentile(arrivalMs, 0.95) << " ms; the others: median " << percentile(quietMs, 0.5)
            << " ms\n";
    out << "autosave: every step written to " << stext(sessionFile) << "; the drag is " << dragEntries
        << " history entr" << (dragEntries == 1 ? "y" : "ies") << (unsaved.isEmpty() ? "" : ", NOT SAVED: ")
        << stext(unsaved) << "\n";
    out << "main window built, evaluated and shown: " << startupMs << " ms (after library loading)\n";

    // A workload edit (the prompt length doubled, then undone): the design and every reference chip on it, at
    // once or, on a slow design, from a background thread (DesignDocument::kBackgroundWorkloadMs): how long the
    // GUI thread is held, and when the result is shown.
    {
        DesignDocument* doc = window.document();
        const auto timed = [&](const std::function<void()>& edit, double& heldMs, double& shownMs, bool& wasBehind) {
            QElapsedTimer editTimer;
            editTimer.start();
            edit();
            QApplication::processEvents();
            heldMs = static_cast<double>(editTimer.nsecsElapsed()) / 1e6;
            wasBehind = doc->evaluationBehind();
            if (doc->evaluationBehind()) {  // waits for the result, leaving the cores to it
                QEventLoop loop;
                QObject::connect(doc, &DesignDocument::stateChanged, &loop, [&] {
                    if (!doc->evaluationBehind()) loop.quit();
                });
                QTimer::singleShot(60000, &loop, &QEventLoop::quit);
                loop.exec();
            }
            QApplication::processEvents();
            shownMs = static_cast<double>(editTimer.nsecsElapsed()) / 1e6;
        };
        Scenario longer = doc->state().scenario;
        longer.input_len *= 2;
        double editHeld = 0, editShown = 0, undoHeld = 0, undoShown = 0;
        bool editBehind = false, undoBehind = false;
        timed([&] { doc->setScenario(longer); }, editHeld, editShown, editBehind);
        timed([&] { doc->undoStack()->undo(); }, undoHeld, undoShown, undoBehind);
        out << "a workload edit (prompt length doubled): the GUI thread held " << editHeld << " ms, shown in "
            << editShown << " ms; its undo: held " << undoHeld << " ms, shown in " << undoShown << " ms (the design and "
            << doc->referenceEvaluations().size() << " reference chips, "
            << (editBehind || undoBehind ? "from a background thread" : "at once") << ")\n";
    }

    // A click on a layer in the Layers view: the Explain panel explains it at once; what would move
    // it (six more evaluations) comes from a thread of its own on a slow design.
    auto* explain = window.findChild<ExplainPanel*>(QStringLiteral("explainPanel"));
    const auto& shownEvaluation = window.document()->evaluation();
    if (explain && explain->isVisible() && shownEvaluation.ok() && shownEvaluation->decode.layer_count() > 1) {
        const int last = static_cast<int>(shownEvaluation->decode.layer_count()) - 1;
        const int layer = window.document()->selection().layer == last ? 0 : last;
        QElapsedTimer selectTimer;
        selectTimer.start();
        window.document()->setSelection(LayerSelection{Phase::decode, layer, -1});
        QApplication::processEvents();
        const double selectMs = static_cast<double>(selectTimer.nsecsElapsed()) / 1e6;
        const bool atOnce = explain->moves().has_value();
        while (!explain->moves().has_value() && selectTimer.elapsed() < 60000) {
            QApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(1);
        }
        const double movesMs = static_cast<double>(selectTimer.nsecsElapsed()) / 1e6;
        out << "a layer selected (a click in the Layers view): shown in " << selectMs << " ms; what would move it "
            << (atOnce ? "worked out at once (in that time)"
                       : explain->moves().has_value() ? "from a thread of its own, after " + std::to_string(movesMs) + " ms"
                                                      : std::string("NOT WORKED OUT in 60 s"))
            << "\n";
    }

    // The Record view: every measured case evaluated in the background and drawn as it comes in,
    // then one filter change (all the shown points drawn again).
    if (auto* record = window.findChild<RecordView*>(QStringLiteral("recordView"))) {
        QEventLoop loop;
        QObject::connect(record, &RecordView::evaluationFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        QElapsedTimer recordTimer;
        recordTimer.start();
        record->startEvaluation();
        if (!record->evaluated()) loop.exec();
        const double recordMs = static_cast<double>(recordTimer.nsecsElapsed()) / 1e6;
        QElapsedTimer filterTimer;
        filterTimer.start();
        record->setFilter(RecordView::Set::all, {}, {}, RecordView::Architecture::all, RecordView::Kind::all, false);
        const double filterMs = static_cast<double>(filterTimer.nsecsElapsed()) / 1e6;
        out << "record view: " << record->evaluatedCount() << " of " << record->rows().size()
            << " measured cases evaluated and drawn in " << recordMs << " ms; a filter change redrawn in " << filterMs
            << " ms\n";
    }
    window.close();
    return 0;
}

}  // namespace scoville
