#include "core/util/format.hpp"

#include <cmath>
#include <cstdio>

namespace scoville {

std::string format_number(const char* spec, double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, spec, std::isfinite(value) ? value : 0.0);
    return buf;
}

std::string format_number(double value) {
    return format_number("%.12g", value);
}

}  // namespace scoville
