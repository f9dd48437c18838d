// Every reference chip reproduces its data sheet (tests/data/chips.csv, a copy of the sourced facts)
// within 1%: derived peak TFLOPS per precision and memory bandwidth.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/library/resources.hpp"
#include "support/physical.hpp"

using namespace scoville;

namespace {
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> out;
    std::string cell;
    bool quoted = false;
    for (char ch : line) {
        if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted) {
            out.push_back(cell);
            cell.clear();
        } else
            cell += ch;
    }
    out.push_back(cell);
    return out;
}

std::vector<std::map<std::string, std::string>> read_facts() {
    std::ifstream in(std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/chips.csv");
    EXPECT_TRUE(in.good()) << "tests/data/chips.csv";
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto cells = split_csv(line);
        if (header.empty()) {
            header = cells;
            continue;
        }
        std::map<std::string, std::string> row;
        for (size_t i = 0; i < header.size() && i < cells.size(); ++i) row[header[i]] = cells[i];
        rows.push_back(row);
    }
    return rows;
}
}  // namespace

TEST(ReferenceChips, DataSheetPeaksWithinOnePercent) {
    const auto facts = read_facts();
    ASSERT_EQ(facts.size(), 22u);  // every row of chips.csv has a reference chip
    int checked = 0;
    for (const auto& row : facts) {
        const std::string id = row.at("id");
        SCOPED_TRACE(id);
        ASSERT_TRUE(embedded_file("chips/" + id + ".json").has_value())
            << "missing resources/chips/" << id << ".json";
        const ChipSpec chip = test::embedded_chip(id);
        EXPECT_EQ(chip.id, id);
        EXPECT_FALSE(chip.source.empty());
        EXPECT_FALSE(chip.confidence.empty());
        EXPECT_EQ(chip.year, std::stoi(row.at("year")));
        const std::pair<const char*, Precision> cols[] = {{"bf16_tflops", Precision::bf16},
                                                          {"fp8_tflops", Precision::fp8},
                                                          {"fp4_tflops", Precision::fp4},
                                                          {"int8_tops", Precision::int8}};
        for (const auto& [col, prec] : cols) {
            const std::string& v = row.at(col);
            if (v.empty()) continue;
            const double sheet = std::stod(v);
            EXPECT_NEAR(chip.peak_tflops(prec), sheet, 0.01 * sheet) << col;
            ++checked;
        }
        const std::string& tb = row.at("memory_tb_s");
        if (!tb.empty() && std::stod(tb) > 0) {
            EXPECT_NEAR(chip.memory_tb_s(), std::stod(tb), 0.01 * std::stod(tb)) << "memory_tb_s";
            ++checked;
        }
        const std::string& gb = row.at("memory_gb");
        if (!gb.empty() && std::stod(gb) > 0) {
            EXPECT_NEAR(chip.memory_gb(), std::stod(gb), 0.01 * std::stod(gb)) << "memory_gb";
        }
    }
    // 57 compute figures + 21 memory bandwidths in chips.csv (Groq has no off-chip memory)
    EXPECT_EQ(checked, 78);
}

TEST(ReferenceChips, JalapenoIsLabelledAnEstimate) {
    const ChipSpec j = test::embedded_chip("jalapeno-est");
    EXPECT_EQ(j.confidence, "estimate");
    EXPECT_EQ(j.tech.node, "n3");
    EXPECT_EQ(j.year, 2026);
    EXPECT_NE(j.notes.find("ESTIMATE"), std::string::npos);
    EXPECT_GT(j.hbm.stacks, 0);
    // Every number that could be a spec is listed as an estimate.
    for (const char* key : {"compute.cores", "compute.clock_ghz", "hbm.stacks", "power.tdp_w", "tech.node"})
        EXPECT_NE(std::find(j.estimated.begin(), j.estimated.end(), key), j.estimated.end()) << key;
}

TEST(ReferenceChips, EveryEmbeddedChipIsValid) {
    int n = 0;
    for (const auto& f : embedded_files()) {
        if (f.path.rfind("chips/", 0) != 0) continue;
        auto c = chip_from_json(f.content, f.path);
        ASSERT_TRUE(c.ok()) << c.error().message;
        EXPECT_EQ("chips/" + c->id + ".json", f.path);
        ++n;
    }
    EXPECT_GE(n, 23);  // 22 data-sheet chips + jalapeno-est
}
