#pragma once
// Starting the GUI from the command-line executable.
//
// `scoville` links the command line only (core, store, CLI11, Qt Core and Sql), so a script's
// `scoville --version` or `scoville eval ...` never loads Qt Widgets or Qt Gui. The GUI is a second
// executable, scoville-gui, which `scoville` becomes (execv) when the GUI is wanted; see
// gui_launch.cpp for why.
#include <filesystem>
#include <ostream>
#include <vector>

namespace scoville::cli {

// Whether argv asks for the GUI benchmark (`--benchmark-ui` anywhere): a GUI mode whose options
// the command-line parser does not know, so it is recognised before parsing.
bool wants_ui_benchmark(int argc, const char* const* argv);

// Where the GUI executable may be, in the order tried, for a `scoville` executable at `self`
// (symbolic links resolved): next to it (the build tree), then the installed layout
// (<bindir>/../libexec/scoville/scoville-gui, as CMake's install directories give it).
std::vector<std::filesystem::path> gui_executable_candidates(const std::filesystem::path& self);

// Replaces this process by the GUI executable with argv unchanged (same process id, same
// environment). Returns only if that failed, with the exit code to return after a message on
// `err`: 127 when no GUI executable is installed, 126 when one is there but cannot be started.
int exec_gui(char* const* argv, std::ostream& err);

}  // namespace scoville::cli
