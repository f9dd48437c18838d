#pragma once
// Numbers as text for messages, tables and CSV: one printf-style formatter for the core and the
// command line.
#include <string>

namespace scoville {

// `spec` is one printf conversion of a double ("%.3g", "%.1f"). NaN and inf print as 0: no output
// of the model carries them.
std::string format_number(const char* spec, double value);
// Enough digits to tell two values apart in a message: "%.12g".
std::string format_number(double value);

}  // namespace scoville
