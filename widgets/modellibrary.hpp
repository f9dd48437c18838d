#pragma once
// What the GUI needs from core: the reference chips and models, and the evaluation function.
// One small value so the document can be built against the real library or, in tests, against
// a library restricted to a few chips.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/hw/chip.hpp"
#include "core/perf/evaluation.hpp"
#include "core/util/result.hpp"
#include "core/workload/model.hpp"

namespace scoville {

struct LibraryEntry {
    std::string id;
    std::string name;
};

struct ModelLibrary {
    std::function<Result<Evaluation>(const ChipSpec&, const ModelSpec&, const Scenario&)> evaluate;
    std::function<Result<ChipSpec>(std::string_view id)> chip;
    std::function<Result<ModelSpec>(std::string_view id)> model;
    std::vector<LibraryEntry> chips;   // selectable chips, display order
    std::vector<LibraryEntry> models;

    [[nodiscard]] bool hasChip(std::string_view id) const {
        for (const auto& c : chips)
            if (c.id == id) return true;
        return false;
    }
    [[nodiscard]] bool hasModel(std::string_view id) const {
        for (const auto& m : models)
            if (m.id == id) return true;
        return false;
    }
};

// The chips and models compiled into the binary (resources/), evaluated with evaluate_design().
const ModelLibrary& builtin_library();

}  // namespace scoville
