// scoville session (list|show|export|save): read and write session files headless, so a design
// saved in the GUI can be inspected, exported and evaluated from scripts.
#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"

namespace scoville::cli {

namespace {

struct SessionOptions {
    std::string file;
    std::string design;
    std::string name;
    std::string chip;
    std::vector<std::string> sets;
};

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
std::string s(const QString& q) {
    return q.toStdString();
}

// Qt Sql loads the SQLite driver as a plugin, which needs an application object; the command
// line runs before any exists, so each command holds one for its duration.
class AppScope {
public:
    AppScope() {
        if (!QCoreApplication::instance()) app_ = std::make_unique<QCoreApplication>(argc_, argv_);
    }

private:
    static inline int argc_ = 1;
    static inline char arg0_[] = "scoville";
    static inline char* argv_[] = {arg0_, nullptr};
    std::unique_ptr<QCoreApplication> app_;
};

Result<std::unique_ptr<store::Session>> openReadOnly(const std::string& file) {
    store::Session::Options options;
    options.mode = store::Session::Mode::readOnly;
    return store::Session::open(q(file), options);
}

int fail(CommandContext& ctx, const std::string& message) {
    ctx.err << "scoville session: " << message << "\n";
    return 1;
}

std::string iso(const QDateTime& t) {
    return s(t.toUTC().toString(Qt::ISODate));
}

int list(CommandContext& ctx, const SessionOptions& o) {
    AppScope scope;
    auto session = openReadOnly(o.file);
    if (!session) return fail(ctx, session.error().message);
    // One design per line, tab-separated: name, chip id, undo position/history size, last change.
    for (const QString& name : (*session)->designNames()) {
        const auto sum = (*session)->summary(name);
        const auto chip = (*session)->chip(name);
        ctx.out << s(name) << '\t' << chip->id << '\t' << sum->undoPosition << '/' << sum->historyCount
                << '\t' << iso(sum->modified) << '\n';
    }
    return 0;
}

int show(CommandContext& ctx, const SessionOptions& o) {
    AppScope scope;
    auto session = openReadOnly(o.file);
    if (!session) return fail(ctx, session.error().message);
    store::Session& ss = **session;
    const QString design = q(o.design);
    auto chip = ss.chip(design);
    if (!chip) return fail(ctx, chip.error().message);
    const auto sum = ss.summary(design);
    ctx.out << "design: " << o.design << "\n"
            << "chip: " << chip->id << (chip->name.empty() ? "" : " (" + chip->name + ")") << "\n"
            << "history: " << sum->historyCount << " edits, at " << sum->undoPosition << "\n"
            << "created: " << iso(sum->created) << "\n"
            << "modified: " << iso(sum->modified) << "\n";
    if (const QString b = ss.baseline(design); !b.isEmpty()) ctx.out << "baseline: " << s(b) << "\n";
    if (const QString w = ss.designWorkload(design); !w.isEmpty()) ctx.out << "workload: " << s(w) << "\n";
    if (const QString n = ss.notes(design); !n.isEmpty()) {
        ctx.out << "notes:\n";
        for (const QString& line : n.split(QLatin1Char('\n'))) ctx.out << "  " << s(line) << "\n";
    }
    ctx.out << "parameters:\n";
    for (const auto& info : chip_params()) {
        ctx.out << "  " << info.key << " = " << *get_param_text(*chip, info.key);
        if (!info.unit.empty()) ctx.out << ' ' << info.unit;
        ctx.out << "\n";
    }
    const auto history = ss.history(design);
    if (!history.isEmpty()) {
        ctx.out << "edits:\n";
        for (const auto& e : history) {
            ctx.out << "  " << (e.seq <= sum->undoPosition ? ' ' : '~') << e.seq << ' ' << iso(e.time) << ' '
                    << s(e.label);
            if (e.key != QLatin1String(store::kWholeChipKey))
                ctx.out << " [" << s(e.key) << ": " << s(e.oldValue) << " -> " << s(e.newValue) << "]";
            ctx.out << "\n";
        }
    }
    return 0;
}

int exportDesign(CommandContext& ctx, const SessionOptions& o) {
    AppScope scope;
    auto session = openReadOnly(o.file);
    if (!session) return fail(ctx, session.error().message);
    auto json = (*session)->exportDesignJson(q(o.design));
    if (!json) return fail(ctx, json.error().message);
    ctx.out << *json << "\n";
    return 0;
}

int save(CommandContext& ctx, const SessionOptions& o) {
    auto chip = load_chip(o.chip);
    if (!chip) return fail(ctx, chip.error().message);
    for (const auto& assignment : o.sets)
        if (auto st = apply_assignment(*chip, assignment); !st)
            return fail(ctx, "--set " + assignment + ": " + st.error().message);
    if (auto st = validate_chip(*chip); !st) return fail(ctx, "--chip " + o.chip + ": " + st.error().message);
    AppScope scope;
    auto session = store::Session::open(q(o.file));
    if (!session) return fail(ctx, session.error().message);
    const bool existed = (*session)->hasDesign(q(o.name));
    if (auto st = (*session)->saveDesign(q(o.name), *chip, QStringLiteral("Saved from the command line"));
        !st)
        return fail(ctx, st.error().message);
    ctx.out << (existed ? "updated" : "saved") << " design '" << o.name << "' in " << o.file << "\n";
    return 0;
}

}  // namespace

void register_session_commands(CLI::App& app, CommandContext& ctx) {
    auto o = std::make_shared<SessionOptions>();
    CLI::App* session = app.add_subcommand("session", "Read and write session files (*.scoville)");
    session->require_subcommand(1);

    CLI::App* listCmd =
        session->add_subcommand("list", "List the designs: name, chip id, undo position/edits, last change");
    listCmd->add_option("FILE", o->file, "Session file")->required();
    listCmd->callback([&ctx, o] { ctx.exit_code = list(ctx, *o); });

    CLI::App* showCmd = session->add_subcommand("show", "Show a design: parameters, notes and edit history");
    showCmd->add_option("FILE", o->file, "Session file")->required();
    showCmd->add_option("DESIGN", o->design, "Design name")->required();
    showCmd->callback([&ctx, o] { ctx.exit_code = show(ctx, *o); });

    CLI::App* exportCmd =
        session->add_subcommand("export", "Print a design as design JSON (as --chip FILE reads it)");
    exportCmd->add_option("FILE", o->file, "Session file")->required();
    exportCmd->add_option("DESIGN", o->design, "Design name")->required();
    exportCmd->callback([&ctx, o] { ctx.exit_code = exportDesign(ctx, *o); });

    CLI::App* saveCmd =
        session->add_subcommand("save", "Save a chip as a named design (creates FILE if needed)");
    saveCmd->add_option("FILE", o->file, "Session file")->required();
    saveCmd->add_option("--name", o->name, "Design name")->required();
    saveCmd->add_option("--chip", o->chip, "Reference chip id or chip JSON file")->required();
    saveCmd->add_option("--set", o->sets, "Parameter override key=value (repeatable)");
    saveCmd->callback([&ctx, o] { ctx.exit_code = save(ctx, *o); });
}

}  // namespace scoville::cli
