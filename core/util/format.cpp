#include "core/util/format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace scoville {

std::string format_number(const char* spec, double value) {
    if (!std::isfinite(value)) value = 0.0;
    char buf[64];
    // "%.Nf" and "%.Ng" (the common specs, met in every sweep point's warnings) through to_chars,
    // which the standard defines as printf's output for them; anything else through snprintf.
    if (spec[0] == '%' && spec[1] == '.' && spec[2] >= '0' && spec[2] <= '9') {
        int precision = spec[2] - '0';
        const char* p = spec + 3;
        if (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
        if ((p[0] == 'f' || p[0] == 'g') && p[1] == '\0') {
            const auto fmt = p[0] == 'f' ? std::chars_format::fixed : std::chars_format::general;
            const auto r = std::to_chars(buf, buf + sizeof buf, value, fmt, precision);
            if (r.ec == std::errc()) return std::string(buf, r.ptr);
        }
    }
    std::snprintf(buf, sizeof buf, spec, value);
    return buf;
}

std::string format_number(double value) {
    return format_number("%.12g", value);
}

}  // namespace scoville
