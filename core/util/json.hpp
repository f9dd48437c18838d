#pragma once
// JSON input for the core's resource readers (chips, models, tech nodes, roadmap). nlohmann-json is
// private to the core library: include this from core .cpp files only.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/util/result.hpp"

namespace scoville {

// Parses text as JSON; a malformed text is an error that names `where` and the byte at fault.
template <class Json = nlohmann::json>
Result<Json> parse_json(std::string_view text, const std::string& where) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const typename Json::parse_error& e) {
        return Error{where + ": malformed JSON at byte " + std::to_string(e.byte)};
    } catch (const typename Json::exception& e) {  // e.g. a number too large for a double (1e816)
        return Error{where + ": malformed JSON (" + e.what() + ")"};
    }
}

}  // namespace scoville
