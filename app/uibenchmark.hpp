#pragma once
#include <iosfwd>

namespace scoville {

// `scoville --benchmark-ui [--steps N] [--size WxH] [--slider KEY]`: opens the main window offscreen with every
// view visible, moves one parameter slider through N steps and prints the median and 95th
// percentile of the time from the value change to every view redrawn (immediate replots).
bool isUiBenchmark(int argc, char** argv);
int runUiBenchmark(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace scoville
