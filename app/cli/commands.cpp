#include "app/cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace scoville::cli {

void register_commands(CLI::App& app, CommandContext& ctx) {
    register_eval_commands(app, ctx);
    register_library_commands(app, ctx);
    register_session_commands(app, ctx);
    register_sweep_commands(app, ctx);
    register_report_commands(app, ctx);
}

}  // namespace scoville::cli
