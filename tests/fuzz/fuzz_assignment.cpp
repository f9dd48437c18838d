// apply_assignment ("key=value" from --set) on arbitrary text: never crashes; an accepted value keeps
// the chip in range, and the chip evaluates to finite numbers or a clear error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hw/params.hpp"
#include "core/library/library.hpp"
#include "fuzz_common.hpp"

using namespace scoville;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ChipSpec base = *load_chip("h100-sxm");
    static const ModelSpec model = *load_model("mixtral-8x7b");
    ChipSpec chip = base;
    // Several assignments, one per line, like repeated --set options.
    std::string_view text(reinterpret_cast<const char*>(data), size);
    while (!text.empty()) {
        const std::string_view line = fuzz::next_line(text);
        if (auto st = apply_assignment(chip, line); !st) {
            fuzz::require(!st.error().message.empty());
            return 0;
        }
    }
    for (const auto& info : chip_params()) fuzz::require(check_param(info, info.get(chip)).ok());
    Scenario s;
    s.chips = 2;
    s.tp = 2;
    s.input_len = 64;
    s.output_len = 16;
    fuzz::check_finite(evaluate(chip, model, s));
    return 0;
}
