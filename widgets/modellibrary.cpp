#include "widgets/modellibrary.hpp"

#include <map>
#include <memory>

#include "core/library/library.hpp"
#include "core/physical/design.hpp"

namespace scoville {
namespace {

struct Parsed {
    std::map<std::string, ChipSpec, std::less<>> chips;
    std::map<std::string, ModelSpec, std::less<>> models;
};

}  // namespace

const ModelLibrary& builtin_library() {
    static const ModelLibrary library = [] {
        auto parsed = std::make_shared<Parsed>();
        ModelLibrary lib;
        // Parsed once: the selectors and every reference evaluation reuse these values.
        for (auto& chip : reference_chips()) {
            lib.chips.push_back({chip.id, chip.name.empty() ? chip.id : chip.name});
            parsed->chips.emplace(chip.id, std::move(chip));
        }
        for (auto& model : reference_models()) {
            lib.models.push_back({model.id, model.name.empty() ? model.id : model.name});
            parsed->models.emplace(model.id, std::move(model));
        }
        lib.evaluate = [parsed](const ChipSpec& chip, const ModelSpec& model,
                                const Scenario& scenario) -> Result<Evaluation> {
            // What the scenario names besides the chip and model: a draft model, a prefill chip.
            Companions companions;
            if (scenario.spec_tokens > 0 && !scenario.draft_model.empty()) {
                auto it = parsed->models.find(scenario.draft_model);
                auto draft = it != parsed->models.end() ? Result<ModelSpec>(it->second) : load_model(scenario.draft_model);
                if (!draft) return Error{"draft_model: " + draft.error().message};
                companions.draft = std::move(*draft);
            }
            if (!scenario.prefill_chip.empty()) {
                auto it = parsed->chips.find(scenario.prefill_chip);
                auto pchip = it != parsed->chips.end() ? Result<ChipSpec>(it->second) : load_chip(scenario.prefill_chip);
                if (!pchip) return Error{"prefill_chip: " + pchip.error().message};
                companions.prefill_chip = std::move(*pchip);
            }
            return evaluate_design(chip, model, scenario, companions);
        };
        lib.chip = [parsed](std::string_view id) -> Result<ChipSpec> {
            if (auto it = parsed->chips.find(id); it != parsed->chips.end()) return it->second;
            return load_chip(id);
        };
        lib.model = [parsed](std::string_view id) -> Result<ModelSpec> {
            if (auto it = parsed->models.find(id); it != parsed->models.end()) return it->second;
            return load_model(id);
        };
        return lib;
    }();
    return library;
}

}  // namespace scoville
