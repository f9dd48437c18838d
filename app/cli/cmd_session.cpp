// scoville session (list|show|export|save|edit|undo|redo): read and write session files headless,
// so a design saved in the GUI can be inspected, exported, evaluated and edited from scripts, with
// the same undo history the GUI shows.
#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/cli/commands.hpp"
#include "core/design/edit.hpp"
#include "core/hw/chip_json.hpp"
#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"

namespace scoville::cli {

namespace {

struct SessionOptions {
    std::string file;
    std::string design;
    std::string name;
    std::string chip;
    std::string format = "table";
    std::vector<std::string> sets;
};

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
    return store::Session::open(qtext(file), options);
}

Result<std::unique_ptr<store::Session>> openForWriting(const std::string& file) {
    store::Session::Options options;
    options.create = false;  // editing needs a design, so a file that exists
    return store::Session::open(qtext(file), options);
}

int fail(CommandContext& ctx, const std::string& message) {
    ctx.err << "scoville session: " << message << "\n";
    return 1;
}

// A design of a session file with its values (chip, workload, baseline, compared chips).
struct OpenDesign {
    std::unique_ptr<store::Session> session;
    QString name;
    DesignValues values;
};
Result<OpenDesign> openDesign(const std::string& file, const std::string& design, bool writable) {
    auto session = writable ? openForWriting(file) : openReadOnly(file);
    if (!session) return session.error();
    auto values = (*session)->values(qtext(design));
    if (!values) return values.error();
    return OpenDesign{std::move(*session), qtext(design), std::move(*values)};
}

std::string iso(const QDateTime& t) {
    return stext(t.toUTC().toString(Qt::ISODate));
}

int list(CommandContext& ctx, const SessionOptions& o) {
    AppScope scope;
    auto session = openReadOnly(o.file);
    if (!session) return fail(ctx, session.error().message);
    // One design per line, tab-separated: name, chip id, undo position/steps, last change.
    for (const QString& name : (*session)->designNames()) {
        const auto sum = (*session)->summary(name);
        const auto chip = (*session)->chip(name);
        ctx.out << stext(name) << '\t' << chip->id << '\t' << sum->stepPosition << '/' << sum->stepCount << '\t'
                << iso(sum->modified) << '\n';
    }
    return 0;
}

// A registry text as JSON: a number where the text is one, null for an absent limit, else text.
nlohmann::ordered_json jsonValue(const std::string& text) {
    if (text.empty()) return nullptr;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end && *end == '\0' && std::isfinite(v)) return v;
    return text;
}

nlohmann::ordered_json showJson(store::Session& ss, const QString& design, const DesignValues& v) {
    const auto sum = ss.summary(design);
    nlohmann::ordered_json j;
    j["design"] = stext(design);
    nlohmann::ordered_json chip;
    chip["id"] = v.chip.id;
    chip["name"] = v.chip.name;
    for (const auto& info : chip_params()) {
        const std::string text = *get_param_text(v.chip, info.key);
        chip[std::string(info.key)] = info.kind == ParamKind::choice ? nlohmann::ordered_json(text) : jsonValue(text);
    }
    j["chip"] = chip;
    nlohmann::ordered_json workload;
    workload["model"] = v.model_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.model_id);
    // A model of the design's own (read from a file) is given whole.
    if (!v.model_json.empty()) workload["model_spec"] = nlohmann::ordered_json::parse(v.model_json);
    if (!v.model_id.empty())
        for (const auto& k : workload_keys()) {
            const std::string text = k.get(v.scenario);
            workload[std::string(k.key)] = k.kind == WorkloadKeyKind::choice || k.kind == WorkloadKeyKind::text
                                               ? nlohmann::ordered_json(text)
                                               : jsonValue(text);
        }
    j["workload"] = workload;
    j["baseline"] = v.baseline_id.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(v.baseline_id);
    j["compared"] = v.compared_ids;
    j["notes"] = stext(ss.notes(design));
    j["created"] = iso(sum->created);
    j["modified"] = iso(sum->modified);
    j["undo_position"] = sum->stepPosition;
    j["steps"] = sum->stepCount;
    nlohmann::ordered_json history = nlohmann::ordered_json::array();
    for (const auto& e : ss.history(design)) {
        nlohmann::ordered_json h;
        h["step"] = e.step;
        h["kind"] = stext(e.kind);
        h["key"] = stext(e.key);
        h["old"] = stext(e.oldValue);
        h["new"] = stext(e.newValue);
        h["time"] = iso(e.time);
        h["applied"] = e.step <= sum->stepPosition;
        history.push_back(std::move(h));
    }
    j["history"] = std::move(history);
    return j;
}

int show(CommandContext& ctx, const SessionOptions& o) {
    if (o.format != "json" && o.format != "table")
        return fail(ctx, "--format: '" + o.format + "' is not one of json, table");
    AppScope scope;
    auto opened = openDesign(o.file, o.design, false);
    if (!opened) return fail(ctx, opened.error().message);
    store::Session& ss = *opened->session;
    const QString& design = opened->name;
    const DesignValues* values = &opened->values;
    if (o.format == "json") {
        ctx.out << showJson(ss, design, *values).dump(2) << "\n";
        return 0;
    }
    const ChipSpec& chip = values->chip;
    const auto sum = ss.summary(design);
    ctx.out << "design: " << o.design << "\n"
            << "chip: " << chip.id << (chip.name.empty() ? "" : " (" + chip.name + ")") << "\n"
            << "history: " << sum->stepCount << " steps, at " << sum->stepPosition << "\n"
            << "created: " << iso(sum->created) << "\n"
            << "modified: " << iso(sum->modified) << "\n";
    if (!values->model_id.empty())
        ctx.out << "model: " << values->model_id
                << (values->model_json.empty() ? "" : " (the design's own, read from a file)")
                << "\n";
    if (!values->baseline_id.empty()) ctx.out << "baseline: " << values->baseline_id << "\n";
    if (!values->compared_ids.empty()) ctx.out << "compared: " << join_ids(values->compared_ids) << "\n";
    if (const QString n = ss.notes(design); !n.isEmpty()) {
        ctx.out << "notes:\n";
        for (const QString& line : n.split(QLatin1Char('\n'))) ctx.out << "  " << stext(line) << "\n";
    }
    ctx.out << "parameters:\n";
    for (const auto& info : chip_params()) {
        ctx.out << "  " << info.key << " = " << *get_param_text(chip, info.key);
        if (!info.unit.empty()) ctx.out << ' ' << info.unit;
        ctx.out << "\n";
    }
    if (!values->model_id.empty()) {
        ctx.out << "workload:\n";
        for (const auto& k : workload_keys()) {
            const std::string text = k.get(values->scenario);
            ctx.out << "  " << kWorkloadPrefix << k.key << " = " << (text.empty() ? "none" : text);
            if (!k.unit.empty() && !text.empty()) ctx.out << ' ' << k.unit;
            ctx.out << "\n";
        }
    }
    const auto steps = ss.steps(design);
    if (!steps.isEmpty()) {
        ctx.out << "edits (~ = undone, redo brings it back):\n";
        for (const auto& st : steps)
            for (const Edit& e : st.edits)
                ctx.out << "  " << (st.number <= sum->stepPosition ? ' ' : '~') << st.number << ' ' << iso(st.time)
                        << ' ' << to_string(e.kind) << ' ' << describe_edit(e) << "\n";
    }
    return 0;
}

int exportDesign(CommandContext& ctx, const SessionOptions& o) {
    AppScope scope;
    auto session = openReadOnly(o.file);
    if (!session) return fail(ctx, session.error().message);
    auto json = (*session)->exportDesignJson(qtext(o.design));
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
    auto session = store::Session::open(qtext(o.file));
    if (!session) return fail(ctx, session.error().message);
    const bool existed = (*session)->hasDesign(qtext(o.name));
    if (auto st = (*session)->saveDesign(qtext(o.name), *chip); !st) return fail(ctx, st.error().message);
    ctx.out << (existed ? "updated" : "saved") << " design '" << o.name << "' in " << o.file << "\n";
    return 0;
}

// Prints a step as `session edit`, `undo` and `redo` report it.
void printStep(CommandContext& ctx, const std::string& what, int number, const EditStep& step) {
    ctx.out << what << " step " << number << ":\n";
    for (const Edit& e : step) ctx.out << "  " << describe_edit(e) << "\n";
}

int edit(CommandContext& ctx, const SessionOptions& o) {
    if (o.sets.empty()) return fail(ctx, "edit: give at least one --set KEY=VALUE");
    AppScope scope;
    auto opened = openDesign(o.file, o.design, true);
    if (!opened) return fail(ctx, opened.error().message);
    store::Session& ss = *opened->session;
    const QString& design = opened->name;
    const DesignValues* values = &opened->values;
    // Checked here as a whole before anything is written: each key and value, then the workload
    // against its model, as `eval` would run it.
    DesignValues next = *values;
    EditStep step;
    for (const auto& assignment : o.sets) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) return fail(ctx, "--set " + assignment + ": expected KEY=VALUE");
        auto target = parse_edit_target(assignment.substr(0, eq));
        if (!target) return fail(ctx, "--set " + assignment + ": " + target.error().message);
        std::string value = assignment.substr(eq + 1);
        // workload.model=FILE: a model file of the library's form or a transformers config.json, kept whole.
        if (target->kind == EditKind::workload && target->key == kModelKey &&
            (value.find('/') != std::string::npos || value.ends_with(".json"))) {
            auto model = load_model(value);
            if (!model) return fail(ctx, "--set " + assignment + ": " + model.error().message);
            value = own_model_text(*model);
        }
        auto e = make_edit(next, *target, value);
        if (!e) return fail(ctx, "--set " + assignment + ": " + e.error().message);
        if (!*e) continue;
        (void)set_edit_value(next, (*e)->kind, (*e)->key, (*e)->new_value);
        step.push_back(std::move(**e));
    }
    if (step.empty()) {
        ctx.out << "design '" << o.design << "': nothing changed\n";
        return 0;
    }
    if (!(next.model_id == values->model_id && next.model_json == values->model_json &&
          next.scenario == values->scenario) &&
        !next.model_id.empty()) {
        auto model = design_model(next, load_model);
        if (!model) return fail(ctx, "workload.model: " + model.error().message);
        if (auto st = validate_scenario(next.scenario, *model); !st) return fail(ctx, st.error().message);
    }
    if (auto st = ss.record(design, step); !st) return fail(ctx, st.error().message);
    printStep(ctx, "design '" + o.design + "': recorded", ss.stepPosition(design), step);
    return 0;
}

int move(CommandContext& ctx, const SessionOptions& o, bool back) {
    AppScope scope;
    auto session = openForWriting(o.file);
    if (!session) return fail(ctx, session.error().message);
    store::Session& ss = **session;
    const QString design = qtext(o.design);
    if (!ss.hasDesign(design)) return fail(ctx, ss.values(design).error().message);
    const int from = ss.stepPosition(design);
    if (auto st = back ? ss.undo(design) : ss.redo(design); !st) return fail(ctx, st.error().message);
    const int number = back ? from : ss.stepPosition(design);
    const auto steps = ss.steps(design);
    const EditStep done = number >= 1 && number <= steps.size() ? steps[number - 1].edits : EditStep{};
    printStep(ctx, "design '" + o.design + "': " + (back ? "undid" : "redid"), number, done);
    return 0;
}

}  // namespace

void register_session_commands(CLI::App& app, CommandContext& ctx) {
    auto o = std::make_shared<SessionOptions>();
    CLI::App* session = app.add_subcommand("session", "Read and write session files (*.scoville)");
    session->require_subcommand(1);

    CLI::App* listCmd =
        session->add_subcommand("list", "List the designs: name, chip id, undo position/steps, last change");
    listCmd->add_option("FILE", o->file, "Session file")->required();
    listCmd->callback([&ctx, o] { ctx.exit_code = list(ctx, *o); });

    CLI::App* showCmd =
        session->add_subcommand("show", "Show a design: chip, workload, comparison, notes and edit history");
    showCmd->add_option("FILE", o->file, "Session file")->required();
    showCmd->add_option("DESIGN", o->design, "Design name")->required();
    showCmd->add_option("--format", o->format, "table|json");
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

    CLI::App* editCmd = session->add_subcommand(
        "edit", "Edit a design as one undoable step (the GUI's Undo takes it back, and the reverse)");
    editCmd->add_option("FILE", o->file, "Session file")->required();
    editCmd->add_option("DESIGN", o->design, "Design name")->required();
    editCmd->add_option("--set", o->sets,
                        "KEY=VALUE, repeatable: a chip key (compute.clock_ghz=2), workload.model=ID, "
                        "workload.KEY (workload.batch=64), baseline=CHIP or compared=CHIP,CHIP")
        ->required();
    editCmd->callback([&ctx, o] { ctx.exit_code = edit(ctx, *o); });

    CLI::App* undoCmd = session->add_subcommand("undo", "Undo a design's newest step");
    undoCmd->add_option("FILE", o->file, "Session file")->required();
    undoCmd->add_option("DESIGN", o->design, "Design name")->required();
    undoCmd->callback([&ctx, o] { ctx.exit_code = move(ctx, *o, true); });

    CLI::App* redoCmd = session->add_subcommand("redo", "Redo a design's step undone last");
    redoCmd->add_option("FILE", o->file, "Session file")->required();
    redoCmd->add_option("DESIGN", o->design, "Design name")->required();
    redoCmd->callback([&ctx, o] { ctx.exit_code = move(ctx, *o, false); });
}

}  // namespace scoville::cli
