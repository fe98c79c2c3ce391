#pragma once

// What the engine-reply fuzz targets hold the core's parsers to: a field of the right type comes out as
// it went in, a field of any other type is the default, and a number is clamped to the field's range.
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>

namespace reply_checks {

inline void check(bool condition)
{
    if (!condition)
        std::abort();
}

// Text that IsoLens can write out as JSON: a strict dump throws on invalid UTF-8.
inline bool isUtf8(std::string_view text)
{
    try {
        (void)nlohmann::json(std::string(text)).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

inline void checkUtf8(const std::string& text)
{
    check(isUtf8(text));
}

// A body as the engine client parses it: nlohmann takes a NUL byte for the end of input, and the client
// refuses a body with one, so a parsed body is JSON (and so UTF-8) throughout.
inline nlohmann::json parseLikeTheClient(std::string_view body)
{
    if (body.find('\0') != std::string_view::npos)
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

inline const nlohmann::json* find(const nlohmann::json& object, const char* key)
{
    if (!object.is_object())
        return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

// The field a reader takes when a newer API renamed it: the new name when present (and not null), else the
// old one (Size before VirtualSize, Action before status).
inline const char* firstPresent(const nlohmann::json& object, const char* newer, const char* older)
{
    const auto* value = find(object, newer);
    return value != nullptr && !value->is_null() ? newer : older;
}

// The value a field of type T must have: the number clamped to T's range (a float truncated),
// anything that is not a number 0. Long double holds every 64-bit integer exactly.
template <class T>
T expectedCount(const nlohmann::json& object, const char* key)
{
    const auto* value = find(object, key);
    if (value == nullptr || !value->is_number())
        return 0;
    using Limits = std::numeric_limits<T>;
    long double figure = 0;
    if (value->is_number_unsigned())
        figure = static_cast<long double>(value->get<std::uint64_t>());
    else if (value->is_number_integer())
        figure = static_cast<long double>(value->get<std::int64_t>());
    else
        figure = std::trunc(static_cast<long double>(value->get<double>()));
    if (figure >= static_cast<long double>(Limits::max()))
        return Limits::max();
    if (figure <= static_cast<long double>(Limits::min()))
        return Limits::min();
    return static_cast<T>(figure);
}

template <class T>
void checkCount(const nlohmann::json& object, const char* key, T got)
{
    check(got == expectedCount<T>(object, key));
}

inline void checkText(const nlohmann::json& object, const char* key, const std::string& got)
{
    const auto* value = find(object, key);
    check(got == (value != nullptr && value->is_string() ? value->get<std::string>() : std::string{}));
    checkUtf8(got);
}

inline void checkFlag(const nlohmann::json& object, const char* key, bool got)
{
    const auto* value = find(object, key);
    check(got == (value != nullptr && value->is_boolean() && value->get<bool>()));
}

inline const nlohmann::json& member(const nlohmann::json& object, const char* key)
{
    static const nlohmann::json kNull;
    const auto* value = find(object, key);
    return value != nullptr ? *value : kNull;
}

// Labels (and event attributes) are the object's string members, every one of them, and nothing else.
template <class Labels>
void checkLabels(const nlohmann::json& object, const Labels& labels)
{
    std::size_t strings = 0;
    if (object.is_object())
        for (const auto& [key, value] : object.items())
            if (value.is_string()) {
                ++strings;
                auto it = labels.find(key);
                check(it != labels.end() && it->second == value.get<std::string>());
            }
    check(labels.size() == strings);
    for (const auto& [key, value] : labels) {
        checkUtf8(key);
        checkUtf8(value);
    }
}

// A string list is the array's strings, in order.
template <class Strings>
void checkStrings(const nlohmann::json& array, const Strings& strings)
{
    Strings expected;
    if (array.is_array())
        for (const auto& item : array)
            if (item.is_string())
                expected.push_back(item.get<std::string>());
    check(strings == expected);
    for (const auto& text : strings)
        checkUtf8(text);
}

} // namespace reply_checks
