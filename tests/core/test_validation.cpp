// The model against measured results (tests/data/validation-public.csv). Rules in
// core/perf/validation.hpp, the same for every row. Targets: median |error| <= 15 %, every row
// within +-30 %. The MLPerf rows carry the dataset's mean lengths and their spread (see the file).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "core/perf/validation.hpp"

using namespace scoville;

namespace {
std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}
const std::string kPath = std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-public.csv";

}  // namespace

TEST(Validation, BuiltInCopyMatchesTheDataFile) { EXPECT_EQ(builtin_validation_csv(), read(kPath)); }

TEST(Validation, PublicCases) {
    auto cases = parse_validation_csv(read(kPath), kPath);
    ASSERT_TRUE(cases.ok()) << cases.error().message;
    ASSERT_EQ(cases->size(), 13u);
    std::vector<double> errors;
    for (const auto& c : *cases) {
        auto r = run_validation_case(c);
        ASSERT_TRUE(r.ok()) << r.error().message;
        ASSERT_TRUE(std::isfinite(r->predicted) && r->predicted > 0) << c.id;
        std::printf("%-28s measured %10.4g predicted %10.4g error %+6.1f %%  (%s)\n", c.id.c_str(), c.measured,
                    r->predicted, r->error * 100, r->detail.c_str());
        errors.push_back(std::fabs(r->error));
        EXPECT_LE(std::fabs(r->error), 0.30) << c.id << ": predicted " << r->predicted << " vs measured " << c.measured;
    }
    std::sort(errors.begin(), errors.end());
    const double median = errors[errors.size() / 2];
    EXPECT_LE(median, 0.15);
}

// Further measurements (tests/data/validation-extra.csv): 77 TensorRT-LLM throughput points for dense
// Llama 3.x 8B/70B/405B and the Qwen3-235B-A22B MoE on H100 and H200 over ten input/output lengths, at
// the parallelism they were measured with, and two more MLPerf Mixtral rounds on H200. Held to their
// own stated bounds: median |error| <= 12 %, every row within +-35 %, except the MLPerf Mixtral rows.
TEST(Validation, ExtraMeasurements) {
    const std::string path = std::string(SCOVILLE_SOURCE_DIR) + "/tests/data/validation-extra.csv";
    auto cases = parse_validation_csv(read(path), path);
    ASSERT_TRUE(cases.ok()) << cases.error().message;
    ASSERT_EQ(cases->size(), 79u);
    std::vector<double> errors;
    int mixtral = 0;
    for (const auto& c : *cases) {
        auto r = run_validation_case(c);
        ASSERT_TRUE(r.ok()) << r.error().message;
        ASSERT_TRUE(std::isfinite(r->predicted) && r->predicted > 0) << c.id;
        errors.push_back(std::fabs(r->error));
        if (c.shape.rfind("tp=", 0) == 0)  // measured at a fixed parallelism: only that one is run
            EXPECT_EQ(r->detail.rfind("tp " + c.shape.substr(3) + ",", 0), 0u) << c.id << ": " << r->detail;
        if (c.model == "mixtral-8x7b") {
            // MLPerf's Mixtral runs on H200 sit 25-35 % below the model (v4.1 +34 %, v5.0 +26 %): more
            // than the public H100 row (+21 %) and the Llama-2 rows, and more than the Qwen3 MoE
            // rows above; the Mixtral submissions' MoE path is slower than the model's FLOP and
            // byte count on this chip.
            ++mixtral;
            EXPECT_GE(r->error, 0.20) << c.id;
            EXPECT_LE(r->error, 0.40) << c.id;
            continue;
        }
        EXPECT_LE(std::fabs(r->error), 0.35) << c.id << ": predicted " << r->predicted << " vs measured " << c.measured;
    }
    EXPECT_EQ(mixtral, 2);
    std::sort(errors.begin(), errors.end());
    EXPECT_LE(errors[errors.size() / 2], 0.12);
}

TEST(Validation, FixedParallelismIsParsedAndChecked) {
    const std::string head =
        "case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,source\n";
    auto run = [&](const std::string& shape) {
        auto cs = parse_validation_csv(head + "a,serving,h100-sxm,8,llama-2-70b,fp8,offline,300,285," + shape +
                                           ",tokens_per_s,20000,2500,src\n",
                                       "x.csv");
        EXPECT_TRUE(cs.ok());
        return run_validation_case(cs->front());
    };
    auto tp4 = run("tp=4");
    ASSERT_TRUE(tp4.ok()) << tp4.error().message;
    EXPECT_EQ(tp4->detail.rfind("tp 4, batch", 0), 0u) << tp4->detail;
    auto any = run("");
    ASSERT_TRUE(any.ok());
    EXPECT_GE(any->predicted, tp4->predicted);  // free choice is at least as good as one fixed degree
    for (const char* bad : {"tp=3", "tp=0", "tp=x", "8", "tp", "in_cv=-1", "out_cv=nan", "speed=2"}) {
        auto r = run(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_NE(r.error().message.find("bad '" + std::string(bad) + "'"), std::string::npos) << r.error().message;
    }
    auto ep_alone = run("ep=2");
    ASSERT_FALSE(ep_alone.ok());
    EXPECT_NE(ep_alone.error().message.find("ep=2 needs a tp=N"), std::string::npos) << ep_alone.error().message;
    // A spread of lengths costs throughput: longer-lived long requests hold more KV and attend more.
    auto spread = run("tp=4 in_cv=0.77 out_cv=0.79");
    ASSERT_TRUE(spread.ok()) << spread.error().message;
    EXPECT_LT(spread->predicted, tp4->predicted);
    auto moe = parse_validation_csv(head + "m,serving,h100-sxm,8,mixtral-8x7b,fp8,offline,427,145,tp=8 ep=8,"
                                           "tokens_per_s,50000,6250,src\n",
                                    "x.csv");
    ASSERT_TRUE(moe.ok());
    auto ep = run_validation_case(moe->front());
    ASSERT_TRUE(ep.ok()) << ep.error().message;
    EXPECT_EQ(ep->detail.rfind("tp 8, ep 8, batch", 0), 0u) << ep->detail;
}

TEST(Validation, RefusesMalformedData) {
    EXPECT_FALSE(parse_validation_csv("nonsense\n", "x.csv").ok());
    auto bad = parse_validation_csv("case,kind,chip,chips,model,precision,scenario,input_len,output_len,shape,metric,value,per_chip,source\n"
                                    "a,serving,h100-sxm,8,llama-2-70b,fp8,offline,300,285,,tokens_per_s,abc,1,src\n",
                                    "x.csv");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("x.csv:2: case 'a': bad value"), std::string::npos);
}
