// scoville: a headless command line with a sub-command; the GUI with no arguments, with a session
// file, or with --benchmark-ui; `report` is drawn by the GUI executable. This executable links the
// command line only (no Qt Widgets/Gui); for the GUI it becomes scoville-gui (app/gui_main.cpp),
// see app/cli/gui_launch.cpp.
#include <iostream>

#include "app/cli/cli.hpp"
#include "app/cli/gui_launch.hpp"

int main(int argc, char* argv[]) {
    using namespace scoville::cli;
    if (wants_ui_benchmark(argc, argv)) return exec_gui(argv, std::cerr);
    const auto outcome = run(argc, argv, std::cout, std::cerr);
    if (outcome.mode == Mode::done) return outcome.exit_code;
    // The GUI, or a checked report for it to draw: argv unchanged, scoville-gui parses it again.
    return exec_gui(argv, std::cerr);
}
