#pragma once
// A small result type: a value or an error naming the bad input.
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/util/tr.hpp"

namespace scoville {

struct Error {
    std::string message;  // one line: names the input and what is wrong
    // Where an evaluation keeps going and shows this error as a warning: the warning, translatable
    // (see core/util/tr.hpp); its text() is the warning's English text.
    std::optional<Message> warning{};
    // The message itself, translatable (its text() is `message`); absent: shown as written.
    std::optional<Message> text{};

    // An error whose message the GUI can translate: the pattern's English text is the message.
    static Error of(Message m) {
        std::string english = m.text();
        return Error{std::move(english), std::nullopt, std::move(m)};
    }
    // The message as a Message, to wrap in another (Message::inner): the translatable one, else
    // the text as it is.
    [[nodiscard]] Message as_message() const { return text ? *text : Message{"", "%1", {message}}; }
};

template <typename T>
class Result {
public:
    Result(T value) : data_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
    Result(Error error) : data_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(data_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(data_); }
    const T& value() const& { return std::get<T>(data_); }
    T&& value() && { return std::get<T>(std::move(data_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    [[nodiscard]] const Error& error() const { return std::get<Error>(data_); }

private:
    std::variant<T, Error> data_;
};

// For operations that return nothing but may fail.
struct Ok {};
using Status = Result<Ok>;

}  // namespace scoville
