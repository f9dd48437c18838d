// chips, roadmap and tech: the reference library and the physical assumptions on the command line.
// Exit codes as in cmd_eval.cpp: 0 success, 2 a malformed command line, 1 data that fails to load.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli/commands.hpp"
#include "core/hw/chip_json.hpp"
#include "core/library/library.hpp"
#include "core/physical/area.hpp"
#include "core/physical/roadmap.hpp"
#include "core/physical/tech.hpp"
#include "core/util/format.hpp"

namespace scoville::cli {

namespace {

constexpr int kUsage = 2;
constexpr int kFailed = 1;

int fail(CommandContext& ctx, int code, const std::string& message) {
    ctx.err << "scoville: " << message << "\n";
    return code;
}

bool format_ok(const std::string& format, CommandContext& ctx, int& code) {
    if (format == "json" || format == "table") return true;
    code = fail(ctx, kUsage, "--format: '" + format + "' is not one of json, table");
    return false;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

// A data-sheet peak, or "-" where the format is not native (it would run at a wider one).
std::string peak_cell(const ChipSpec& c, Precision p) {
    if (c.rate(p) <= 0) return "-";
    return format_number("%.0f", c.peak_tflops(p));
}

int run_chips(const std::string& format, CommandContext& ctx) {
    int code = 0;
    if (!format_ok(format, ctx, code)) return code;
    const auto& tech = default_tech();
    if (!tech) return fail(ctx, kFailed, tech.error().message);
    const auto chips = reference_chips();
    std::string text;
    if (format == "json") {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& c : chips) {
            auto j = nlohmann::ordered_json::parse(chip_to_json(c));
            nlohmann::ordered_json peaks = nlohmann::ordered_json::object();
            for (Precision p : kAllPrecisions) {
                // Not native: null, since the chip only reaches it by running a wider format.
                if (c.rate(p) > 0)
                    peaks[std::string(to_string(p))] = c.peak_tflops(p);
                else
                    peaks[std::string(to_string(p))] = nullptr;
            }
            j["peak_tflops"] = peaks;
            j["memory_tb_s"] = c.memory_tb_s();
            j["memory_gb"] = c.memory_gb();
            j["link_gb_s"] = c.link_gb_s();
            nlohmann::ordered_json basis = nlohmann::ordered_json::object();
            for (const EfficiencyBasis& b : efficiency_basis(c)) {
                nlohmann::ordered_json e = {{"basis", b.basis}};
                if (!b.from.empty()) e["from"] = b.from;
                if (!b.as.empty()) e["as"] = b.as;
                basis[b.key] = std::move(e);
            }
            j["efficiency_basis"] = std::move(basis);
            if (auto a = estimate_area(c, *tech)) {
                j["model_die_area_mm2"] = a->die_mm2;
                j["model_package_area_mm2"] = a->package_mm2;
            }
            arr.push_back(std::move(j));
        }
        text = arr.dump(2) + "\n";
    } else {
        char line[512];
        std::snprintf(line, sizeof line, "%-13s %-20s %-18s %4s %7s %7s %7s %7s %-7s %6s %6s %6s %4s\n", "id",
                      "name", "vendor", "year", "bf16 TF", "fp8 TF", "fp4 TF", "int8 TO", "memory", "GB", "TB/s",
                      "TDP W", "conf");
        text += line;
        for (const auto& c : chips) {
            // The off-chip memory's type ("-" for a chip without: its weights and KV live in SRAM).
            const std::string memory = c.hbm.generation == DramType::none || c.hbm.stacks == 0
                                           ? std::string("-")
                                           : std::string(to_string(c.hbm.generation));
            std::snprintf(line, sizeof line, "%-13s %-20s %-18s %4d %7s %7s %7s %7s %-7s %6.0f %6.2f %6.0f %4s\n",
                          c.id.c_str(), c.name.substr(0, 20).c_str(), c.vendor.substr(0, 18).c_str(), c.year,
                          peak_cell(c, Precision::bf16).c_str(), peak_cell(c, Precision::fp8).c_str(),
                          peak_cell(c, Precision::fp4).c_str(), peak_cell(c, Precision::int8).c_str(),
                          memory.c_str(), c.memory_gb(), c.memory_tb_s(), c.power.tdp_w, c.confidence.c_str());
            text += line;
            text += "    source: " + c.source + "\n";
            if (!c.estimated.empty()) text += "    estimated: " + join(c.estimated) + "\n";
        }
    }
    ctx.out << text;
    return 0;
}

int run_roadmap(const std::string& format, CommandContext& ctx) {
    int code = 0;
    if (!format_ok(format, ctx, code)) return code;
    const auto& roadmap = default_roadmap();
    if (!roadmap) return fail(ctx, kFailed, roadmap.error().message);
    std::string text;
    if (format == "json") {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& e : *roadmap) {
            nlohmann::ordered_json j;
            j["vendor"] = e.vendor;
            j["family"] = e.family;
            j["name"] = e.name;
            j["year"] = e.year;
            j["headline"] = e.headline;
            j["confidence"] = e.confidence;
            j["source"] = e.source;
            j["chips"] = e.chip_ids;
            nlohmann::ordered_json announced = nlohmann::ordered_json::object();
            for (const auto& [key, value] : e.announced) announced[key] = value;
            j["announced"] = std::move(announced);  // the headline's figures by result key
            arr.push_back(std::move(j));
        }
        text = arr.dump(2) + "\n";
    } else {
        char line[512];
        std::snprintf(line, sizeof line, "%4s %-10s %-16s %-18s %4s %-20s %s\n", "year", "vendor", "family",
                      "name", "conf", "chips", "headline");
        text += line;
        for (const auto& e : *roadmap) {
            std::snprintf(line, sizeof line, "%4d %-10s %-16s %-18s %4s %-20s %s\n", e.year, e.vendor.c_str(),
                          e.family.c_str(), e.name.c_str(), e.confidence.c_str(),
                          (e.chip_ids.empty() ? std::string("-") : join(e.chip_ids)).c_str(),
                          e.headline.c_str());
            text += line;
        }
    }
    ctx.out << text;
    return 0;
}

int run_tech(const std::string& format, CommandContext& ctx) {
    int code = 0;
    if (!format_ok(format, ctx, code)) return code;
    const auto& tech = default_tech();
    if (!tech) return fail(ctx, kFailed, tech.error().message);
    const auto rows = physical_param_table(*tech);
    std::string text;
    if (format == "json") {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& r : rows) {
            nlohmann::ordered_json row = {{"key", r.key}, {"unit", r.unit}, {"value", r.value}};
            if (r.ranged) row["range"] = {r.low, r.high};
            row["basis"] = r.basis;
            arr.push_back(std::move(row));
        }
        text = arr.dump(2) + "\n";
    } else {
        char line[1024];
        std::snprintf(line, sizeof line, "%-38s %12s %-18s %s\n", "key", "value", "unit", "basis");
        text += line;
        for (const auto& r : rows) {
            const std::string spread = r.ranged ? " (range " + format_number(r.low) + "-" + format_number(r.high) + ")" : "";
            std::snprintf(line, sizeof line, "%-38s %12.6g %-18s ", r.key.c_str(), r.value, r.unit.c_str());
            text += line + r.basis + spread + "\n";
        }
    }
    ctx.out << text;
    return 0;
}

}  // namespace

void register_library_commands(CLI::App& app, CommandContext& ctx) {
    auto chips_format = std::make_shared<std::string>("table");
    CLI::App* chips =
        app.add_subcommand("chips", "Reference chips: derived peaks, memory, TDP, sources and estimates");
    chips->add_option("--format", *chips_format, "json|table");
    chips->callback([chips_format, &ctx] { ctx.exit_code = run_chips(*chips_format, ctx); });

    auto roadmap_format = std::make_shared<std::string>("table");
    CLI::App* roadmap = app.add_subcommand("roadmap", "Announced accelerator generations with sources");
    roadmap->add_option("--format", *roadmap_format, "json|table");
    roadmap->callback([roadmap_format, &ctx] { ctx.exit_code = run_roadmap(*roadmap_format, ctx); });

    auto tech_format = std::make_shared<std::string>("table");
    CLI::App* tech = app.add_subcommand("tech", "Physical-model assumptions: key, value, unit, basis");
    tech->add_option("--format", *tech_format, "json|table");
    tech->callback([tech_format, &ctx] { ctx.exit_code = run_tech(*tech_format, ctx); });
}

}  // namespace scoville::cli
