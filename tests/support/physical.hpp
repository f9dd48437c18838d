#pragma once
// Shared by the physical tests: the embedded technology data and reference chips.
#include <gtest/gtest.h>

#include <string>

#include "core/hw/chip_json.hpp"
#include "core/library/resources.hpp"
#include "core/physical/tech.hpp"

namespace scoville::test {

inline const TechLibrary& tech() {
    const auto& t = default_tech();
    if (!t) ADD_FAILURE() << t.error().message;
    static const TechLibrary empty;
    return t ? *t : empty;
}

// A reference chip straight from its embedded JSON file.
inline ChipSpec embedded_chip(const std::string& id) {
    auto text = embedded_file("chips/" + id + ".json");
    if (!text) {
        ADD_FAILURE() << "chips/" << id << ".json is not embedded";
        return {};
    }
    auto chip = chip_from_json(*text, id);
    if (!chip) {
        ADD_FAILURE() << chip.error().message;
        return {};
    }
    return *chip;
}

}  // namespace scoville::test
