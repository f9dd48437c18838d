#pragma once
// Runs the command line in-process through the same entry point main() uses: exit code, standard
// output and standard error of one `scoville ARGS...`.
#include <sstream>
#include <string>
#include <vector>

#include "app/cli/cli.hpp"

namespace scoville::test {

struct CliRun {
    int code = -1;
    std::string out, err;
};

inline CliRun run_cli(std::vector<std::string> args) {
    args.insert(args.begin(), "scoville");
    std::vector<const char*> argv;
    for (const auto& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    const auto outcome = cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {outcome.exit_code, out.str(), err.str()};
}

}  // namespace scoville::test
