// report: the one-page report of a stored design (PDF or PNG). The command line checks the request
// (the session, the design, the output's format and folder) and the GUI executable draws it, with
// the views' own charts; see gui_launch.cpp for why the command line links no Qt Gui.
#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <memory>

#include "app/cli/commands.hpp"
#include "store/qtext.hpp"
#include "store/session.hpp"

namespace scoville::cli {
namespace {

int fail(CommandContext& ctx, const std::string& message, int code = 1) {
    ctx.err << "scoville report: " << message << "\n";
    return code;
}

int check(const ReportRequest& r, CommandContext& ctx) {
    const QFileInfo out(qtext(r.out));
    const QString suffix = out.suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("png"))
        return fail(ctx, "--out " + r.out + ": the report is written as .pdf or .png", 2);
    if (!out.absoluteDir().exists())
        return fail(ctx, "--out " + r.out + ": the folder " + stext(out.absolutePath()) + " does not exist");
    if (out.exists() && out.isDir()) return fail(ctx, "--out " + r.out + ": is a folder");
    std::unique_ptr<QCoreApplication> app;
    static int argc = 1;
    static char arg0[] = "scoville";
    static char* argv[] = {arg0, nullptr};
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, argv);
    if (!QFileInfo::exists(qtext(r.session))) return fail(ctx, "--session " + r.session + ": no such file");
    store::Session::Options options;
    options.mode = store::Session::Mode::readOnly;
    auto session = store::Session::open(qtext(r.session), options);
    if (!session) return fail(ctx, "--session " + r.session + ": " + session.error().message);
    if (!(*session)->hasDesign(qtext(r.design))) {
        const QStringList names = (*session)->designNames();
        return fail(ctx, "--design " + r.design + ": no design of that name in " + r.session + " (its designs: " +
                             stext(names.join(QStringLiteral(", "))) + ")");
    }
    return 0;
}

}  // namespace

void register_report_commands(CLI::App& app, CommandContext& ctx) {
    auto request = std::make_shared<ReportRequest>();
    CLI::App* report = app.add_subcommand(
        "report", "One-page report of a stored design: KPIs with ranges, comparison, roadmap, cost, assumptions");
    report->add_option("--session", request->session, "Session file (*.scoville)")->required();
    report->add_option("--design", request->design, "Design name in the session")->required();
    report->add_option("--out", request->out, "Output file: .pdf (A4, one page) or .png")->required();
    report->callback([request, &ctx] {
        ctx.exit_code = check(*request, ctx);
        if (ctx.exit_code == 0) ctx.report = *request;
    });
}

}  // namespace scoville::cli
