#include "text_table.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/base/units.hpp"

#include <algorithm>
#include <cstdio>

std::string alignColumns(const std::vector<std::vector<std::string>>& rows)
{
    constexpr std::size_t kMinWidth = 10;
    constexpr std::size_t kPadding = 3;
    // Cells hold outside text (names, labels, messages): nothing in one may act on the terminal.
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : rows) {
        auto& escaped = cells.emplace_back();
        for (const auto& cell : row)
            escaped.push_back(isolens::escapeForTerminal(cell, isolens::TerminalText::Cell));
    }
    std::vector<std::size_t> widths;
    for (const auto& row : cells)
        for (std::size_t column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.push_back(0);
            widths[column] = std::max(widths[column], std::max(kMinWidth, row[column].size() + kPadding));
        }
    std::string out;
    for (const auto& row : cells) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            out += row[column];
            if (column + 1 < row.size())
                out.append(widths[column] - row[column].size(), ' ');
        }
        out += '\n';
    }
    return out;
}

std::string megabytes(double bytes)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", bytes / (1024.0 * 1024.0));
    return text;
}

std::string percent(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.2f%%", value);
    return text;
}

std::string milliseconds(double millis)
{
    return isolens::wholeMilliseconds(millis) + " ms";
}
