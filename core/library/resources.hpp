#pragma once
// Resource files (resources/**.json) compiled into the binary.
#include <optional>
#include <span>
#include <string_view>

namespace scoville {

struct EmbeddedFile {
    std::string_view path;     // relative to resources/, e.g. "chips/h100-sxm.json"
    std::string_view content;
};

std::span<const EmbeddedFile> embedded_files();

inline std::optional<std::string_view> embedded_file(std::string_view path) {
    for (const auto& f : embedded_files())
        if (f.path == path) return f.content;
    return std::nullopt;
}

}  // namespace scoville
