#include "app/cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>

#include "app/cli/commands.hpp"

namespace scoville::cli {

Outcome run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
    CLI::App app{"Scoville: design-space explorer for LLM-inference accelerators.\n"
                 "Without a sub-command, opens the GUI.",
                 "scoville"};
    app.set_version_flag("-V,--version", std::string("scoville ") + SCOVILLE_VERSION);
    app.require_subcommand(0, 1);

    CommandContext ctx{out, err};
    register_commands(app, ctx);
    std::string session_file;
    app.add_option("session", session_file, "Session file (*.scoville) to open in the GUI");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        out << app.help();
        return {Mode::done, 0};
    } catch (const CLI::CallForAllHelp& e) {
        out << app.help("", CLI::AppFormatMode::All);
        return {Mode::done, 0};
    } catch (const CLI::CallForVersion& e) {
        out << e.what() << "\n";
        return {Mode::done, 0};
    } catch (const CLI::ParseError& e) {
        err << "scoville: " << e.what() << "\n";
        err << "Run 'scoville --help' for usage.\n";
        return {Mode::done, 2};
    }
    if (!session_file.empty() && !session_file.ends_with(".scoville") && !std::filesystem::is_regular_file(session_file)) {
        err << "scoville: '" << session_file << "' is neither a command nor a session file (*.scoville)\n";
        err << "Run 'scoville --help' for usage.\n";
        return {Mode::done, 2};
    }
    if (app.get_subcommands().empty()) return {Mode::gui, 0, session_file};
    if (ctx.report && ctx.exit_code == 0) return {Mode::report, 0, {}, *ctx.report};
    return {Mode::done, ctx.exit_code};
}

}  // namespace scoville::cli
