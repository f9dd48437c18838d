// Writes the built-in measured-accuracy tables (core/perf/accuracy.hpp), by workload class and by chip, as C++: the
// built-in serving rows evaluated by the model this build links, once, when the program is built.
// Usage: scoville_accuracy_table OUTPUT.cpp
#include <cstdio>
#include <fstream>
#include <string>

#include "core/perf/accuracy.hpp"

namespace {
std::string exact(double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}
}  // namespace

int main(int argc, char** argv) {
    using namespace scoville;
    if (argc != 2) {
        std::fprintf(stderr, "usage: scoville_accuracy_table OUTPUT.cpp\n");
        return 2;
    }
    // The serving rows run through the model once; both tables come from them.
    const auto results = builtin_serving_results();
    if (!results) {
        std::fprintf(stderr, "scoville_accuracy_table: %s\n", results.error().message.c_str());
        return 1;
    }
    const auto table = measured_accuracy(*results);
    if (!table) {
        std::fprintf(stderr, "scoville_accuracy_table: %s\n", table.error().message.c_str());
        return 1;
    }
    std::string out =
        "// Written by scoville_accuracy_table (core/tools/accuracy_table.cpp) when the program was built.\n"
        "#include \"core/perf/accuracy.hpp\"\n\nnamespace scoville {\nnamespace {\n"
        "const MeasuredAccuracy kTable[] = {\n";
    for (const MeasuredAccuracy& a : *table) {
        out += "    {{" + std::string(a.workload.moe ? "true" : "false") + ", LengthMix::" +
               std::string(to_string(a.workload.mix)) + "}, " + std::to_string(a.rows) + ", " + exact(a.median_error) +
               ", " + exact(a.p10_error) + ", " + exact(a.p90_error) + ", " + exact(a.median_abs_error) + ", " +
               std::to_string(a.within_25) + ", " + std::to_string(a.within_35) + "},\n";
    }
    const std::vector<ChipAccuracy> chips = measured_accuracy_by_chip(*results);
    out += "};\n\nconst ChipAccuracy kChipTable[] = {\n";
    for (const ChipAccuracy& c : chips) {
        const MeasuredAccuracy& a = c.accuracy;
        out += "    {\"" + c.chip + "\", {{}, " + std::to_string(a.rows) + ", " + exact(a.median_error) + ", " +
               exact(a.p10_error) + ", " + exact(a.p90_error) + ", " + exact(a.median_abs_error) + ", " +
               std::to_string(a.within_25) + ", " + std::to_string(a.within_35) + "}},\n";
    }
    out += "};\n}  // namespace\n\nstd::span<const MeasuredAccuracy> builtin_measured_accuracy() { return kTable; }\n"
           "std::span<const ChipAccuracy> builtin_chip_accuracy() { return kChipTable; }\n\n"
           "}  // namespace scoville\n";
    std::ofstream file(argv[1], std::ios::binary | std::ios::trunc);
    file << out;
    if (!file) {
        std::fprintf(stderr, "scoville_accuracy_table: cannot write '%s'\n", argv[1]);
        return 1;
    }
    return 0;
}
