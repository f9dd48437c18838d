#pragma once
// A memo of the last few answers a hot path worked out (a sweep asks the same few questions at every point).
#include <algorithm>
#include <array>
#include <cstddef>

namespace scoville {

// The last N entries kept, the oldest written over by the next.
template <class Entry, std::size_t N>
class Recent {
public:
    // The kept entry `match` says yes to, or null.
    template <class Match>
    [[nodiscard]] const Entry* find(Match&& match) const {
        for (std::size_t i = 0; i < used_; ++i)
            if (match(entries_[i])) return &entries_[i];
        return nullptr;
    }
    const Entry& put(Entry e) { return claim() = std::move(e); }
    // The oldest entry's place, kept from now on: the caller writes it whole (assigning into it reuses what the
    // entry holds, as strings' storage).
    Entry& claim() {
        Entry& slot = entries_[next_];
        next_ = (next_ + 1) % N;
        used_ = std::min(used_ + 1, N);
        return slot;
    }
    void clear() { used_ = next_ = 0; }

private:
    std::array<Entry, N> entries_;  // (read only below used_: not set up front)
    std::size_t used_ = 0, next_ = 0;
};

}  // namespace scoville
