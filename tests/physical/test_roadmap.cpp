// The roadmap timeline (roadmap.csv) and its links to reference chips.
#include <gtest/gtest.h>

#include "core/library/resources.hpp"
#include "core/physical/roadmap.hpp"

using namespace scoville;

TEST(Roadmap, EmbeddedEntriesLoad) {
    const auto& r = default_roadmap();
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->size(), 19u);  // rows of roadmap.csv
    EXPECT_EQ(r->front().name, "H100");
    EXPECT_EQ(r->front().year, 2022);
    EXPECT_EQ(r->front().confidence, "A");
    int linked = 0;
    for (const auto& e : *r) {
        EXPECT_FALSE(e.headline.empty()) << e.name;
        for (const auto& id : e.chip_ids) {
            EXPECT_TRUE(embedded_file("chips/" + id + ".json").has_value()) << e.name << " -> " << id;
            ++linked;
        }
    }
    EXPECT_EQ(linked, 16);  // B200 / GB200 links two chips
}

TEST(Roadmap, BadEntriesNamed) {
    auto r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": "soon",
                                  "headline": "h", "confidence": "C", "source": "s"}]})",
                               "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'year'"), std::string::npos) << r.error().message;
    r = roadmap_from_json(R"({"entries": [{"vendor": "X", "family": "F", "name": "N", "year": 2027,
                             "confidence": "C", "source": "s"}]})",
                          "r.json");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("'headline'"), std::string::npos) << r.error().message;
}
