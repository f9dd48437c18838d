#pragma once
// The headless command line: `scoville <sub-command> ...` (see DESIGN.md, a public contract).
#include <ostream>
#include <string>

namespace scoville::cli {

enum class Mode { gui, done, report };

// `scoville report --session FILE --design NAME --out FILE.pdf|FILE.png`, checked: the session
// opens, it holds the design, and the output's suffix and folder are good. The GUI executable
// draws it (the charts are the views' own; the command line links no Qt Gui).
struct ReportRequest {
    std::string session;
    std::string design;
    std::string out;
};

struct Outcome {
    Mode mode = Mode::done;
    int exit_code = 0;
    std::string session_file;  // Mode::gui: a session file to open instead of the last one
    ReportRequest report;      // Mode::report
};

// Parses argv. Runs a sub-command (or --help/--version) and returns Mode::done with its exit
// code, Mode::gui when no sub-command was given and the GUI should start, or Mode::report when a
// checked report is to be drawn by the GUI executable.
// Bad usage exits 2 with a message naming the bad input on `err`.
Outcome run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace scoville::cli
