#include "app/cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace scoville::cli {

void register_commands(CLI::App& /*app*/, CommandContext& /*ctx*/) {}

}  // namespace scoville::cli
