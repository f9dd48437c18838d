// Numbers as text: the one printf-style formatter of the core and the command line.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "core/util/format.hpp"

using namespace scoville;

TEST(FormatNumber, PrintfConversions) {
    EXPECT_EQ(format_number("%.1f", 30312.26), "30312.3");
    EXPECT_EQ(format_number("%.4g", 0.0009351), "0.0009351");
    EXPECT_EQ(format_number("%.0f", 462.4), "462");
    EXPECT_EQ(format_number(1.83), "1.83");
    EXPECT_EQ(format_number(0.1 + 0.2), "0.3");  // 12 significant digits
}

TEST(FormatNumber, NeverNanOrInf) {
    EXPECT_EQ(format_number("%.3g", std::numeric_limits<double>::quiet_NaN()), "0");
    EXPECT_EQ(format_number("%.1f", std::numeric_limits<double>::infinity()), "0.0");
    EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "0");
}

// "%.Nf" and "%.Ng" take a faster path; it prints what printf prints, halfway cases, large and
// small magnitudes and negative zero included.
TEST(FormatNumber, FastPathEqualsPrintf) {
    const double values[] = {0.0,    -0.0,    0.5,     1.5,      2.5,      -2.5,    0.125,  1e21,    1.234e-7,
                             123456789.0, 0.1 + 0.2, 858.4999999, 858.5, 1.0 / 3.0, -7.25e5, 9.9995, 99.95};
    const char* specs[] = {"%.0f", "%.1f", "%.2f", "%.3g", "%.4g", "%.12g", "%.17g", "%.10f"};
    for (const char* spec : specs) {
        for (double v : values) {
            char want[128];
            std::snprintf(want, sizeof want, spec, v);
            EXPECT_EQ(format_number(spec, v), want) << spec << " " << v;
        }
    }
}
