#pragma once
// Sub-commands register themselves on the CLI11 app; each sets ctx.exit_code from its callback.
#include <optional>
#include <ostream>

#include "app/cli/cli.hpp"

namespace CLI {
class App;
}

namespace scoville::cli {

struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    int exit_code = 0;
    std::optional<ReportRequest> report;  // a checked `report` for the GUI executable to draw
};

void register_commands(CLI::App& app, CommandContext& ctx);

// One per file in app/cli/.
void register_eval_commands(CLI::App& app, CommandContext& ctx);     // eval, kernel, models (cmd_eval.cpp)
void register_library_commands(CLI::App& app, CommandContext& ctx);  // chips (cmd_library.cpp)
void register_session_commands(CLI::App& app, CommandContext& ctx);  // session (cmd_session.cpp)
void register_sweep_commands(CLI::App& app, CommandContext& ctx);    // sweep, sensitivity, seek, frontier (cmd_sweep.cpp)
void register_report_commands(CLI::App& app, CommandContext& ctx);   // report (cmd_report.cpp)

}  // namespace scoville::cli
