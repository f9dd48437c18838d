// Workload keys ("key=value", the vocabulary sessions, --set-style tools and the GUI share) on arbitrary
// text, over every built-in chip and model: a key either refuses its value with a message naming it, or
// the scenario validates or is refused with a message, and what validates evaluates to finite numbers
// or a clear error. The first two bytes pick the chip and the model; a draft model and a prefill chip
// named by the keys are taken from the built-in ones (a path would read files).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "fuzz_common.hpp"

using namespace scoville;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<ChipSpec> chips = reference_chips();
    static const std::vector<ModelSpec> models = reference_models();
    if (size < 2) return 0;
    const ChipSpec& chip = chips[data[0] % chips.size()];
    const ModelSpec& model = models[data[1] % models.size()];
    Scenario s;
    s.input_len = 512;
    s.output_len = 128;
    std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
    while (!text.empty()) {
        const std::string_view line = fuzz::next_line(text);
        const auto eq = line.find('=');
        if (eq == std::string_view::npos) continue;
        if (auto st = set_workload_text(s, line.substr(0, eq), line.substr(eq + 1)); !st) {
            fuzz::require(!st.error().message.empty());
            return 0;
        }
    }
    if (auto st = validate_scenario(s, model); !st) {
        fuzz::require(!st.error().message.empty());
        return 0;
    }
    Companions companions;
    if (!s.draft_model.empty()) {
        const auto it = std::find_if(models.begin(), models.end(), [&](const ModelSpec& m) { return m.id == s.draft_model; });
        if (it == models.end()) return 0;
        companions.draft = *it;
    }
    if (!s.prefill_chip.empty()) {
        const auto it = std::find_if(chips.begin(), chips.end(), [&](const ChipSpec& c) { return c.id == s.prefill_chip; });
        if (it == chips.end()) return 0;
        companions.prefill_chip = *it;
    }
    fuzz::check_finite(evaluate(chip, model, s, companions));
    return 0;
}
