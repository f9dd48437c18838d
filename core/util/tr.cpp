#include "core/util/tr.hpp"

namespace scoville {

std::string Message::text() const {
    if (inner.empty()) return fill(pattern, args);
    std::vector<std::string> all = args;
    for (const Message& m : inner) all.push_back(m.text());
    return fill(pattern, all);
}

std::string Message::fill(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    out.reserve(pattern.size() + 16 * args.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const size_t n = static_cast<size_t>(pattern[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace scoville
