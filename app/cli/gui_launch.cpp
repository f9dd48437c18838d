#include "app/cli/gui_launch.hpp"

// Why a second executable and execv, rather than one binary or a GUI plugin loaded with dlopen:
// - One binary that links Qt Widgets pays for loading and relocating Qt Gui, Widgets, PrintSupport,
//   Svg, QCustomPlot (and what they pull in: X11/xcb, OpenGL, fontconfig, D-Bus) in every process,
//   even `scoville --version`; scripts start one process per point.
// - A dlopen'ed GUI module would have to be a shared library holding its own copy of core and store
//   (two copies of their static state in one process, or those turned into shared libraries too,
//   and position-independent code everywhere), and a module path to find just as the executable is.
// - execv keeps the process id, the environment, the file descriptors and argv, so to a caller
//   (a desktop launcher, `make run`, a test that kills the GUI by pid) `scoville` *is* the GUI;
//   the GUI process is the same program one gets by running scoville-gui directly, and the command
//   line never has Qt Gui in its address space. The cost, in the GUI path only, is starting this
//   small program first: about what `scoville --version` takes, against the main window's own
//   start-up of several hundred milliseconds.
// The GUI executable is found relative to /proc/self/exe (not argv[0], not PATH), so it works from
// the build tree, from an installed tree under any prefix, and through symbolic links to `scoville`.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <system_error>

#ifndef SCOVILLE_GUI_EXECUTABLE
#define SCOVILLE_GUI_EXECUTABLE "scoville-gui"
#endif
#ifndef SCOVILLE_GUI_INSTALL_DIR  // relative to the directory `scoville` is installed in
#define SCOVILLE_GUI_INSTALL_DIR "../libexec/scoville"
#endif

namespace scoville::cli {

namespace fs = std::filesystem;

bool wants_ui_benchmark(int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--benchmark-ui") == 0) return true;
    return false;
}

std::vector<fs::path> gui_executable_candidates(const fs::path& self) {
    const fs::path dir = self.parent_path();
    return {dir / SCOVILLE_GUI_EXECUTABLE,
            (dir / SCOVILLE_GUI_INSTALL_DIR / SCOVILLE_GUI_EXECUTABLE).lexically_normal()};
}

int exec_gui(char* const* argv, std::ostream& err) {
    std::error_code ec;
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (ec) {
        // No /proc: argv[0] if it names a path (a bare name was found on PATH, which we do not search).
        if (argv[0] == nullptr || std::strchr(argv[0], '/') == nullptr) {
            err << "scoville: cannot start the GUI: this executable's location is unknown (/proc/self/exe: "
                << ec.message() << ")\n";
            return 127;
        }
        self = fs::weakly_canonical(argv[0], ec);
    }
    const auto candidates = gui_executable_candidates(self);
    for (const auto& gui : candidates) {
        if (!fs::is_regular_file(gui, ec)) continue;
        std::cout.flush();
        std::cerr.flush();
        ::execv(gui.c_str(), argv);
        const int error = errno;  // execv returns only on failure
        err << "scoville: cannot start the GUI " << gui.string() << ": " << std::strerror(error) << "\n";
        return 126;
    }
    err << "scoville: the GUI is not installed with this executable (looked for ";
    for (std::size_t i = 0; i < candidates.size(); ++i) err << (i ? " and " : "") << candidates[i].string();
    err << ").\nThe command line works without it: run 'scoville --help' for the sub-commands.\n";
    return 127;
}

}  // namespace scoville::cli
