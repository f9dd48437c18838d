#pragma once
// `scoville report --session FILE --design NAME --out FILE.pdf|.png`, drawn by the GUI executable
// (the command line checked the request first; app/cli/cmd_report.cpp).
#include <ostream>

#include "app/cli/cli.hpp"

namespace scoville {

// Opens the session read-only, shows the design in a document of its own and writes its report.
// Needs a QApplication (offscreen is enough). Returns the exit code; a failure names the cause on `err`.
int runReportCommand(const cli::ReportRequest& request, std::ostream& out, std::ostream& err);

}  // namespace scoville
