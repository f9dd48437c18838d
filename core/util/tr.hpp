#pragma once
// Text for people, marked for translation without Qt. SCV_TR(context, text) is the text itself;
// Qt's lupdate reads it as QT_TRANSLATE_NOOP (translations/CMakeLists.txt passes
// -tr-function-alias QT_TRANSLATE_NOOP+=SCV_TR), and the GUI translates at display time with
// QCoreApplication::translate(context, text). The command line, CSV and JSON use the English text.
//
// A message that carries numbers (a warning with the values that caused it) is a Message: an
// English pattern with %1..%9 placeholders and its arguments already formatted. text() is the
// English message; the GUI translates the pattern and fills in the same arguments, so no code
// ever reads translated text. An Error (result.hpp) made with Error::of carries its message this
// way, so the GUI shows validation errors in the user's language and the command line in English.
#include <string>
#include <string_view>
#include <vector>

#define SCV_TR(context, text) text

namespace scoville {

struct Message {
    std::string_view context;  // the translation context, e.g. "Warning"
    std::string_view pattern;  // "power: %1 W exceeds the %2 W TDP"
    std::vector<std::string> args;
    // Arguments that are messages themselves (an error wrapped in another's context), each
    // translated on its own: they follow `args` in the numbering ("seek: %1" with no args and one
    // inner message).
    std::vector<Message> inner{};

    // The pattern with %1..%9 replaced by the arguments (Qt's QString::arg convention).
    [[nodiscard]] std::string text() const;
    static std::string fill(std::string_view pattern, const std::vector<std::string>& args);
    bool operator==(const Message&) const = default;
};

}  // namespace scoville
