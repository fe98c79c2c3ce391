#pragma once

// Small text helpers shared by the /proc and cgroup file parsers (internal to the core).
#include <charconv>
#include <string_view>
#include <vector>

namespace isolens::detail {

// The fields of a line, split on spaces and tabs (runs of them count once).
inline std::vector<std::string_view> splitFields(std::string_view line)
{
    std::vector<std::string_view> out;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t'))
            ++at;
        const auto start = at;
        while (at < line.size() && line[at] != ' ' && line[at] != '\t')
            ++at;
        if (at > start)
            out.push_back(line.substr(start, at - start));
    }
    return out;
}

// The whole text as a number; false (out untouched or partial) when it is not one.
template <class T>
bool parseNumber(std::string_view text, T& out)
{
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc{} && end == text.data() + text.size();
}

} // namespace isolens::detail
