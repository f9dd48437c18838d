#pragma once
// The headless command line: `scoville <sub-command> ...` (see DESIGN.md, a public contract).
#include <ostream>
#include <string>

namespace scoville::cli {

enum class Mode { gui, done };

struct Outcome {
    Mode mode = Mode::done;
    int exit_code = 0;
    std::string session_file;  // Mode::gui: a session file to open instead of the last one
};

// Parses argv. Runs a sub-command (or --help/--version) and returns Mode::done with its exit
// code, or returns Mode::gui when no sub-command was given and the GUI should start.
// Bad usage exits 2 with a message naming the bad input on `err`.
Outcome run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace scoville::cli
