// model_from_json on arbitrary bytes: never crashes; what it accepts round-trips and evaluates finitely.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/library/library.hpp"
#include "fuzz_common.hpp"

using namespace scoville;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ChipSpec chip = *load_chip("b200");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto model = model_from_json(text, "fuzz.json");
    if (!model) return 0;
    fuzz::check_model(*model, chip);
    return 0;
}
