#include "text_table.hpp"

#include <algorithm>

std::string alignColumns(const std::vector<std::vector<std::string>>& rows)
{
    constexpr std::size_t kMinWidth = 10;
    constexpr std::size_t kPadding = 3;
    std::vector<std::size_t> widths;
    for (const auto& row : rows)
        for (std::size_t column = 0; column < row.size(); ++column) {
            if (widths.size() <= column)
                widths.push_back(0);
            widths[column] = std::max(widths[column], std::max(kMinWidth, row[column].size() + kPadding));
        }
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t column = 0; column < row.size(); ++column) {
            out += row[column];
            if (column + 1 < row.size())
                out.append(widths[column] - row[column].size(), ' ');
        }
        out += '\n';
    }
    return out;
}
