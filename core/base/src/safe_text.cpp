#include "isolens/core/base/safe_text.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace isolens {

std::size_t utf8SequenceLength(std::string_view text, std::size_t at)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (at + length > text.size() || byte(at + 1) < low || byte(at + 1) > high)
        return 0;
    for (std::size_t i = 2; i < length; ++i)
        if ((byte(at + i) & 0xC0) != 0x80)
            return 0;
    return length;
}

namespace {

void appendEscaped(std::string& out, const char* format, unsigned value)
{
    char text[8];
    std::snprintf(text, sizeof text, format, value);
    out += text;
}

} // namespace

std::string dumpJson(const nlohmann::json& value, int indent)
{
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string utf8Prefix(std::string_view text, std::size_t maxBytes)
{
    if (text.size() <= maxBytes)
        return std::string(text);
    auto continuation = [&](std::size_t i) { return (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; };
    std::size_t start = maxBytes; // where the character that the cut falls in begins
    for (int i = 0; i < 3 && start > 0 && continuation(start); ++i)
        --start;
    // A whole character that crosses the cut is left out; bytes that are no character are cut anywhere.
    if (start < maxBytes && utf8SequenceLength(text, start) > maxBytes - start)
        return std::string(text.substr(0, start));
    return std::string(text.substr(0, maxBytes));
}

std::string escapeForTerminal(std::string_view text, TerminalText where)
{
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        const auto length = utf8SequenceLength(text, at);
        if (length == 0) {
            appendEscaped(out, "\\x%02x", c);
            ++at;
            continue;
        }
        if (length == 1) {
            const bool keptWhitespace = where == TerminalText::Line && (c == '\n' || c == '\t');
            if ((c < 0x20 || c == 0x7F) && !keptWhitespace)
                appendEscaped(out, "\\x%02x", c);
            else
                out += static_cast<char>(c);
        } else if (c == 0xC2 && static_cast<unsigned char>(text[at + 1]) <= 0x9F) {
            appendEscaped(out, "\\u%04x", static_cast<unsigned char>(text[at + 1])); // C1 control
        } else {
            out.append(text.substr(at, length));
        }
        at += length;
    }
    return out;
}

namespace {

// The nearest ASCII for the characters IsoLens' own messages use.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAscii{{
    {"\u2014", "-"},   // em dash
    {"\u2013", "-"},   // en dash
    {"\u2026", "..."}, // ellipsis
    {"\u2192", "->"},  // arrow
    {"\u2264", "<="},  // less or equal
    {"\u2265", ">="},  // greater or equal
    {"\u00d7", "x"},   // multiplication sign
    {"\u00b5", "u"},   // micro
    {"\u2713", "ok"},  // check mark
    {"\u2717", "x"},   // ballot x
    {"\u2018", "'"},
    {"\u2019", "'"},
    {"\u201c", "\""},
    {"\u201d", "\""},
}};

} // namespace

std::size_t utf8SequenceLength(unsigned char lead)
{
    if ((lead & 0xE0) == 0xC0)
        return 2;
    if ((lead & 0xF0) == 0xE0)
        return 3;
    if ((lead & 0xF8) == 0xF0)
        return 4;
    return 1;
}

std::string toPlainAscii(std::string_view utf8)
{
    std::string out;
    out.reserve(utf8.size());
    std::size_t i = 0;
    while (i < utf8.size()) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        if (lead < 0x80) {
            out.push_back(utf8[i++]);
            continue;
        }
        std::size_t length = utf8SequenceLength(lead);
        if (i + length > utf8.size())
            length = 1;
        const std::string_view character = utf8.substr(i, length);
        std::string_view replacement = "?";
        for (const auto& [from, to] : kAscii)
            if (character == from)
                replacement = to;
        out += replacement;
        i += length;
    }
    return out;
}

} // namespace isolens
