#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace scoville {

// Number formats the model knows. fp16 runs at the bf16 rate and is accepted as an alias. One byte:
// it shares a word with an op's other small fields.
enum class Precision : std::uint8_t { bf16, fp8, fp4, int8 };

inline constexpr Precision kAllPrecisions[] = {Precision::bf16, Precision::fp8, Precision::fp4,
                                               Precision::int8};

constexpr double bytes_per_element(Precision p) {
    switch (p) {
    case Precision::bf16: return 2.0;
    case Precision::fp8: return 1.0;
    case Precision::fp4: return 0.5625;  // NVFP4: 4-bit E2M1 values and one E4M3 scale per 16 (4.5 bits)
    case Precision::int8: return 1.0;
    }
    return 2.0;
}

constexpr std::string_view to_string(Precision p) {
    switch (p) {
    case Precision::bf16: return "bf16";
    case Precision::fp8: return "fp8";
    case Precision::fp4: return "fp4";
    case Precision::int8: return "int8";
    }
    return "bf16";
}

inline std::optional<Precision> parse_precision(std::string_view s) {
    if (s == "bf16" || s == "fp16") return Precision::bf16;
    if (s == "fp8") return Precision::fp8;
    if (s == "fp4") return Precision::fp4;
    if (s == "int8") return Precision::int8;
    return std::nullopt;
}

}  // namespace scoville
