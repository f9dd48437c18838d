// chip_from_json on arbitrary bytes: never crashes; what it accepts round-trips losslessly and evaluates.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/hw/chip_json.hpp"
#include "core/library/library.hpp"
#include "fuzz_common.hpp"

using namespace scoville;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ModelSpec model = *load_model("llama-2-7b");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto chip = chip_from_json(text, "fuzz.json");
    if (!chip) return 0;
    auto back = chip_from_json(chip_to_json(*chip), "roundtrip");
    fuzz::require(back.ok() && *back == *chip);
    Scenario s;
    s.input_len = 128;
    s.output_len = 32;
    fuzz::check_finite(evaluate(*chip, model, s));
    return 0;
}
