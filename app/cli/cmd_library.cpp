#include <CLI/CLI.hpp>

#include "app/cli/commands.hpp"

namespace scoville::cli {

void register_library_commands(CLI::App& /*app*/, CommandContext& /*ctx*/) {}

}  // namespace scoville::cli
