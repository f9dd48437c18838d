#pragma once
// Sub-commands register themselves on the CLI11 app; each sets ctx.exit_code from its callback.
#include <ostream>

namespace CLI {
class App;
}

namespace scoville::cli {

struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    int exit_code = 0;
};

void register_commands(CLI::App& app, CommandContext& ctx);

}  // namespace scoville::cli
