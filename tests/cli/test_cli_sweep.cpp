// `scoville sweep|sweep merge|sensitivity|seek|frontier`: files, shards, JSON and bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/library/library.hpp"
#include "core/util/format.hpp"
#include "core/physical/design.hpp"
#include "core/sweep/sweep.hpp"
#include "store/session.hpp"
#include "store/tables.hpp"
#include "support/cli_run.hpp"

namespace {

using scoville::test::CliRun;
CliRun run(std::vector<std::string> args) { return scoville::test::run_cli(std::move(args)); }

const std::vector<std::string> kDesign = {"--chip", "h100-sxm", "--model", "llama-2-70b",
                                          "--chips", "8", "--tp", "8", "--batch", "64"};

std::vector<std::string> cmd(std::initializer_list<std::string> head, std::initializer_list<std::string> tail) {
    std::vector<std::string> v(head);
    v.insert(v.end(), kDesign.begin(), kDesign.end());
    v.insert(v.end(), tail);
    return v;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

class CliSweep : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = std::filesystem::temp_directory_path() /
               ("scoville-sweep-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::filesystem::path dir_;
};

const std::initializer_list<std::string> kGrid = {
    "--vary", "compute.clock_ghz=1.2:2.0:5", "--vary", "hbm.stacks=4:6:3", "--vary", "sram.mb=25:100:4",
    "--objective", "throughput_tokens_per_s_per_chip", "--objective", "cost_per_million_tokens_usd",
    "--constraint", "die_area_mm2<=830"};

}  // namespace

TEST_F(CliSweep, WholeRunWritesRowsInGridOrderAndTheFront) {
    std::vector<std::string> args = cmd({"sweep"}, kGrid);
    args.insert(args.end(), {"--out", path("whole.csv"), "--front", path("front.csv")});
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("60 points"), std::string::npos) << r.err;
    const std::string csv = slurp(path("whole.csv"));
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "compute.clock_ghz,hbm.stacks,sram.mb,throughput_tokens_per_s_per_chip,cost_per_million_tokens_usd,"
              "status,point,grid_points");
    auto rows = scoville::parse_sweep_csv(csv, "whole.csv");
    ASSERT_TRUE(rows.ok()) << rows.error().message;
    ASSERT_EQ(rows->size(), 60u);  // 5 x 3 x 4
    // Row 7: clock 1.2 (7 / 12 = 0), stacks 5 ((7 / 4) % 3 = 1), SRAM 100 MB (7 % 4 = 3).
    EXPECT_EQ(rows->axis(7, 0), 1.2);
    EXPECT_EQ(rows->axis(7, 1), 5);
    EXPECT_EQ(rows->axis(7, 2), 100);
    // Its values are eval's for that chip.
    auto chip = scoville::load_chip("h100-sxm").value();
    chip.compute.clock_ghz = 1.2;
    chip.hbm.stacks = 5;
    chip.sram.mb = 100;
    scoville::Scenario s;
    s.chips = 8;
    s.tp = 8;
    s.batch = 64;
    auto ev = scoville::evaluate_design(chip, scoville::load_model("llama-2-70b").value(), s);
    ASSERT_TRUE(ev.ok());
    EXPECT_EQ(rows->objective(7, 0), ev->serving.throughput_tokens_per_s_per_chip);
    EXPECT_EQ(rows->status[7], ev->physical.die_area_mm2 <= 830 ? scoville::PointStatus::ok
                                                                 : scoville::PointStatus::violates);
    // The front file holds the rows on the front, each also in the whole file.
    const std::string front = slurp(path("front.csv"));
    auto frows = scoville::parse_sweep_csv(front, "front.csv");
    ASSERT_TRUE(frows.ok());
    ASSERT_GE(frows->size(), 1u);
    for (size_t i = 0; i < frows->size(); ++i) EXPECT_EQ(frows->status[i], scoville::PointStatus::ok);
    EXPECT_EQ(scoville::pareto_front(*rows).size(), frows->size());
}

// An axis that changes nothing on the grid is said before the run, which goes on.
TEST_F(CliSweep, AnAxisThatChangesNothingIsSaid) {
    std::vector<std::string> args =
        cmd({"sweep"}, {"--vary", "workload.spec_accept=0.5:0.9:3", "--objective", "throughput_tokens_per_s_per_chip"});
    args.insert(args.end(), {"--out", path("flat.csv")});
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.err.find("sweep: workload.spec_accept changes nothing on this grid: it applies with draft tokens"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("3 points"), std::string::npos) << r.err;
}

TEST_F(CliSweep, ShardsMergeToTheWholeRunByteForByte) {
    std::vector<std::string> whole = cmd({"sweep"}, kGrid);
    whole.insert(whole.end(), {"--out", path("whole.csv"), "--front", path("front.csv"), "--threads", "2"});
    ASSERT_EQ(run(whole).code, 0);
    std::vector<std::string> merge = {"sweep", "merge"};
    for (int i = 6; i-- > 0;) {  // any order
        std::vector<std::string> part = cmd({"sweep"}, kGrid);
        part.insert(part.end(), {"--shard", std::to_string(i) + "/6", "--out", path("part_" + std::to_string(i) + ".csv"),
                                 "--threads", "1"});
        const CliRun r = run(part);
        ASSERT_EQ(r.code, 0) << r.err;
        merge.push_back(path("part_" + std::to_string(i) + ".csv"));
    }
    merge.insert(merge.end(), {"--out", path("merged.csv"), "--front", path("mfront.csv")});
    const CliRun m = run(merge);
    ASSERT_EQ(m.code, 0) << m.err;
    EXPECT_EQ(slurp(path("merged.csv")), slurp(path("whole.csv")));
    EXPECT_EQ(slurp(path("mfront.csv")), slurp(path("front.csv")));

    // A missing shard is found, in the middle or at the end (each row knows the grid's size).
    std::vector<std::string> gap = {"sweep", "merge", path("part_0.csv"), path("part_2.csv"), "--out", path("x.csv")};
    const CliRun g = run(gap);
    EXPECT_EQ(g.code, 1);
    EXPECT_NE(g.err.find("missing"), std::string::npos) << g.err;
    std::vector<std::string> tail = {"sweep", "merge", path("part_0.csv"), path("part_1.csv"), "--out", path("x.csv")};
    const CliRun t = run(tail);
    EXPECT_EQ(t.code, 1);
    EXPECT_NE(t.err.find("points 20 to 59 of the grid's 60 are missing"), std::string::npos) << t.err;
    // The same part twice.
    std::vector<std::string> twice = {"sweep", "merge", path("part_0.csv"), path("part_1.csv"), path("part_1.csv"),
                                      "--out", path("x.csv")};
    const CliRun d = run(twice);
    EXPECT_EQ(d.code, 1);
    EXPECT_NE(d.err.find("in two parts"), std::string::npos) << d.err;
}

TEST_F(CliSweep, BadInputIsRefusedWithTheReason) {
    struct Case {
        std::vector<std::string> extra;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--vary", "compute.clock_ghz=1:1:5", "--objective", "die_area_mm2"}, "empty"},
        {{"--vary", "compute.clock_ghz=1:2:0", "--objective", "die_area_mm2"}, "steps must be at least 1"},
        {{"--vary", "compute.warp=1:2:3", "--objective", "die_area_mm2"}, "compute.warp"},
        {{"--vary", "compute.clock_ghz=1:2:3", "--objective", "area"}, "'area' is not a result key"},
        {{"--vary", "compute.clock_ghz=1:2:3"}, "--objective"},
        {{"--vary", "compute.clock_ghz=1:2:2000", "--vary", "sram.mb=10:100:2000", "--vary", "sram.tb_s=10:30:1000",
          "--objective", "die_area_mm2"},
         "--shard"},
        {{"--vary", "compute.clock_ghz=1:2:3", "--objective", "die_area_mm2", "--shard", "4/4"}, "--shard"},
        {{"--vary", "compute.clock_ghz=1:2:3", "--objective", "die_area_mm2", "--constraint", "die_area_mm2=3"},
         "--constraint"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = cmd({"sweep"}, {});
        args.insert(args.end(), c.extra.begin(), c.extra.end());
        args.insert(args.end(), {"--out", path("x.csv")});
        const CliRun r = run(args);
        EXPECT_EQ(r.code, 2) << c.message << ": " << r.err;
        EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(path("x.csv")));
    // No --out.
    EXPECT_EQ(run(cmd({"sweep"}, {"--vary", "compute.clock_ghz=1:2:3", "--objective", "die_area_mm2"})).code, 2);
    // A front of a shard cannot be computed.
    const CliRun f = run(cmd({"sweep"}, {"--vary", "compute.clock_ghz=1:2:3", "--objective", "die_area_mm2", "--shard",
                                         "0/2", "--front", path("f.csv"), "--out", path("x.csv")}));
    EXPECT_EQ(f.code, 2);
    EXPECT_NE(f.err.find("sweep merge"), std::string::npos);
}

TEST_F(CliSweep, StoresIntoASessionFileForTheGui) {
    std::vector<std::string> args = cmd({"sweep"}, kGrid);
    args.insert(args.end(), {"--out", path("work.scoville")});
    const CliRun unnamed = run(args);
    EXPECT_EQ(unnamed.code, 2);
    EXPECT_NE(unnamed.err.find("--name"), std::string::npos) << unnamed.err;
    args.insert(args.end(), {"--name", "grid"});
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    auto session = scoville::store::Session::open(QString::fromStdString(path("work.scoville")));
    ASSERT_TRUE(session.ok()) << session.error().message;
    auto sweep = (*session)->sweeps().get(QStringLiteral("grid"));
    ASSERT_TRUE(sweep.ok()) << sweep.error().message;
    EXPECT_EQ(sweep->design, QStringLiteral("h100-sxm"));
    EXPECT_EQ(sweep->spec.toStdString(),
              "--vary compute.clock_ghz=1.2:2.0:5 --vary hbm.stacks=4:6:3 --vary sram.mb=25:100:4 --objective "
              "throughput_tokens_per_s_per_chip --objective cost_per_million_tokens_usd --constraint "
              "'die_area_mm2<=830'");
    ASSERT_EQ(sweep->rows.size(), 60u);
    // The same rows as the CSV run: values, statuses and notes.
    std::vector<std::string> csv = cmd({"sweep"}, kGrid);
    csv.insert(csv.end(), {"--out", path("grid.csv")});
    ASSERT_EQ(run(csv).code, 0);
    auto rows = scoville::parse_sweep_csv(slurp(path("grid.csv")), "grid.csv");
    ASSERT_TRUE(rows.ok());
    for (size_t i = 0; i < rows->size(); ++i) {
        EXPECT_EQ(sweep->rows[i].params[2], rows->axis(i, 2));
        EXPECT_EQ(sweep->rows[i].objectives[0], rows->objective(i, 0));
        EXPECT_EQ(sweep->rows[i].status, rows->status[i]);
        EXPECT_EQ(sweep->rows[i].note.toStdString(), rows->note[i]);
    }
}

TEST(CliAnalysis, SensitivityJsonPutsHbmFirstForBatchOneDecode) {
    std::vector<std::string> args = {"sensitivity", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8",
                                     "--tp", "8", "--batch", "1", "--objective", "throughput_tokens_per_s_per_chip",
                                     "--format", "json"};
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["objective"], "throughput_tokens_per_s_per_chip");
    EXPECT_EQ(j["decode_bound"], "memory");
    ASSERT_GT(j["rows"].size(), 20u);
    EXPECT_EQ(j["rows"][0]["key"].get<std::string>().rfind("hbm.", 0), 0u) << j["rows"][0]["key"];
    for (const auto& row : j["rows"]) {
        EXPECT_TRUE(row.contains("key") && row.contains("elasticity"));
        EXPECT_TRUE(std::isfinite(row["elasticity"].get<double>()));
        // Each resource's exchange: null exactly where its ratio is; a trade of more tokens/s is priced above 0.
        for (const char* r : {"mm2", "w", "usd"}) {
            const auto& per = row[std::string("per_") + r];
            const auto& exchange = row[std::string("exchange_") + r];
            EXPECT_EQ(per.is_null(), exchange.is_null()) << row["key"] << " " << r;
            if (exchange == "trade") EXPECT_GT(per.get<double>(), 0) << row["key"] << " " << r;
            if (exchange == "saves") EXPECT_LE(per.get<double>(), 0) << row["key"] << " " << r;  // no worse, for less
            if (exchange == "worse") EXPECT_LT(per.get<double>(), 0) << row["key"] << " " << r;
            if (exchange == "no_gain") EXPECT_EQ(per.get<double>(), 0) << row["key"] << " " << r;
        }
        // More HBM stacks: more die area for more tokens, a trade.
        if (row["key"] == "hbm.stacks") EXPECT_EQ(row["exchange_mm2"], "trade");
    }
    EXPECT_EQ(run({"sensitivity", "--chip", "h100-sxm", "--model", "llama-2-70b", "--objective", "speed"}).code, 2);
}

// The table prints a price where a step trades, words where it has none: FP4 MAC rates cost an FP8 design die
// area, power and capital for no more tokens.
TEST(CliAnalysis, SensitivityTableSaysWhatHasNoPrice) {
    const CliRun r = run({"sensitivity", "--chip", "jalapeno-est", "--model", "llama-3.1-70b", "--chips", "8",
                          "--precision", "fp8", "--input-len", "1024", "--output-len", "256", "--batch", "1",
                          "--objective", "throughput_tokens_per_s_per_chip"});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto at = r.out.find("\ncompute.rate_fp4 ");
    ASSERT_NE(at, std::string::npos) << r.out;
    const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
    size_t words = 0;
    for (size_t p = line.find("no gain"); p != std::string::npos; p = line.find("no gain", p + 1)) ++words;
    EXPECT_EQ(words, 3u) << line;
}

TEST(CliAnalysis, SensitivityOverTheModelsKeys) {
    std::vector<std::string> args = {"sensitivity", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8",
                                     "--tp", "8", "--batch", "64", "--keys", "model", "--format", "json",
                                     "--objective", "throughput_tokens_per_s_per_chip"};
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_GT(j["rows"].size(), 3u);
    bool layers = false;
    for (const auto& row : j["rows"]) {
        const std::string key = row["key"];
        EXPECT_EQ(key.rfind("model.", 0), 0u) << key;
        if (key == "model.layers") {
            layers = true;
            EXPECT_EQ(row["low"], 76);  // 80 layers, 5 % each way
            EXPECT_LT(row["elasticity"].get<double>(), -0.85);
        }
    }
    EXPECT_TRUE(layers);
    args[12] = "chip,gpu";
    const CliRun bad = run(args);
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("--keys: 'gpu' is not one of chip, workload, model or all"), std::string::npos) << bad.err;
}

TEST(CliAnalysis, SeekJsonLandsOnTheTarget) {
    std::vector<std::string> args = {"seek", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8",
                                     "--tp", "8", "--batch", "64", "--vary", "hbm.tb_s_per_stack", "--objective",
                                     "throughput_tokens_per_s_per_chip", "--target", "1.1x", "--format", "json"};
    const CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    const double target = j["target"];
    EXPECT_NEAR(j["objective_value"].get<double>() / target, 1.0, 0.01);
    EXPECT_NEAR(target / j["start_objective"].get<double>(), 1.1, 1e-12);
    EXPECT_GT(j["value"].get<double>(), j["start"].get<double>());
    // The table gives a real value to 6 significant digits (the JSON's value_text, exactly).
    std::vector<std::string> table = args;
    table.back() = "table";
    const CliRun t = run(table);
    ASSERT_EQ(t.code, 0) << t.err;
    const std::string shown = scoville::format_number("%.6g", j["value"].get<double>());
    EXPECT_EQ(t.out.rfind("hbm.tb_s_per_stack = " + shown + " TB/s (from 0.67) gives ", 0), 0u) << t.out;
    EXPECT_NE(j["value_text"].get<std::string>(), shown);
    // Unreachable: a clear message, exit 1.
    args[args.size() - 3] = "50x";
    const CliRun far = run(args);
    EXPECT_EQ(far.code, 1);
    EXPECT_NE(far.err.find("unreachable"), std::string::npos) << far.err;
    // Bad target and key.
    args[args.size() - 3] = "lots";
    EXPECT_EQ(run(args).code, 2);
    args[args.size() - 3] = "2x";
    args[12] = "hbm.warp";
    EXPECT_EQ(run(args).code, 2);
}

TEST(CliAnalysis, FrontierCsvHasAFront) {
    const CliRun r = run({"frontier", "--chip", "h100-sxm", "--model", "llama-2-70b", "--chips", "8", "--precision",
                          "fp8", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              "tp,pp,ep,attention_dp,batch,tokens_per_s_per_user,tokens_per_s_per_chip,ttft_p99_s,on_front");
    EXPECT_NE(r.out.find(",1\n"), std::string::npos);  // some point on the front
}
