// The measured results (tests/data/validation-public.csv and validation-extra.csv), built in by
// resources/embed.cmake so `scoville validate` and the GUI's record view run anywhere.
// tests/core/test_validation.cpp checks they match the files.
#include "core/library/resources.hpp"
#include "core/perf/validation.hpp"

namespace scoville {

std::string_view builtin_validation_csv() { return embedded_file("validation/public.csv").value_or(std::string_view()); }

std::string_view builtin_validation_extra_csv() {
    return embedded_file("validation/extra.csv").value_or(std::string_view());
}

std::optional<BuiltinValidationSet> builtin_validation_set(std::string_view name) {
    if (name == "public") return BuiltinValidationSet{"validation-public.csv", builtin_validation_csv()};
    if (name == "extra") return BuiltinValidationSet{"validation-extra.csv", builtin_validation_extra_csv()};
    return std::nullopt;
}

}  // namespace scoville
