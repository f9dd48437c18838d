#pragma once
// The registries (chip parameters, workload keys, result keys) are tables of entries with a `key`.
#include <span>
#include <string_view>

namespace scoville {

// The entry named `key`, or nullptr.
template <class Entry>
const Entry* find_by_key(std::span<const Entry> entries, std::string_view key) {
    for (const Entry& e : entries)
        if (e.key == key) return &e;
    return nullptr;
}

}  // namespace scoville
