// Numbers as text: the one printf-style formatter of the core and the command line.
#include <gtest/gtest.h>

#include <cmath>
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
