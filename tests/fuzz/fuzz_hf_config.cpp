// model_from_hf_config on arbitrary bytes: never crashes; what it accepts is a valid model that round-trips
// through the library's model file and evaluates finitely.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/library/library.hpp"
#include "core/workload/hf_config.hpp"
#include "fuzz_common.hpp"

using namespace scoville;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const ChipSpec chip = *load_chip("b200");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)looks_like_hf_config(text);
    auto model = model_from_hf_config(text, "fuzz", {}, "config.json");
    if (!model) return 0;
    fuzz::require(validate_model(*model).ok());
    fuzz::check_model(*model, chip);
    return 0;
}
