// scoville-gui: the GUI executable. `scoville` (app/main.cpp) becomes this program (execv, argv
// unchanged) when the GUI is wanted; run by itself it behaves as `scoville` does: the GUI with no
// arguments or a session file, the UI benchmark with --benchmark-ui, the command line with a
// sub-command, and `report`, whose charts the views draw (offscreen).
#include <QApplication>
#include <QIcon>
#include <iostream>

#include "app/cli/cli.hpp"
#include "app/mainwindow.hpp"
#include "app/reportcommand.hpp"
#include "app/uibenchmark.hpp"
#include "widgets/language.hpp"

int main(int argc, char* argv[]) {
    // Before the command-line dispatch: the benchmark needs a QApplication of its own.
    if (scoville::isUiBenchmark(argc, argv)) return scoville::runUiBenchmark(argc, argv, std::cout, std::cerr);
    const auto outcome = scoville::cli::run(argc, argv, std::cout, std::cerr);
    if (outcome.mode == scoville::cli::Mode::done) return outcome.exit_code;

    // A report shows no window: offscreen unless a platform was chosen, so it runs without a display.
    if (outcome.mode == scoville::cli::Mode::report && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;  // every argument was consumed by the command-line parser
    QApplication app(qtArgc, argv);
    QApplication::setOrganizationName(QStringLiteral("Scoville"));
    QApplication::setApplicationName(QStringLiteral("Scoville"));
    QApplication::setApplicationVersion(QStringLiteral(SCOVILLE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(SCOVILLE_APP_ID));  // Wayland's app id: the desktop file
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scoville.svg")));
    // The interface's language: the one chosen in Edit > Preferences, else the system's.
    scoville::installLanguage(&app, scoville::resolveLanguage(scoville::languageSetting()));
    if (outcome.mode == scoville::cli::Mode::report) return scoville::runReportCommand(outcome.report, std::cout, std::cerr);
    scoville::MainWindow window;
    if (outcome.session_file.empty() || !window.openSessionFile(QString::fromStdString(outcome.session_file), true))
        window.openStartupSession();  // the last session, else the default one: work survives a crash
    window.show();
    return QApplication::exec();
}
