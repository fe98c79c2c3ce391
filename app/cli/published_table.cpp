#include "published_table.hpp"

#include "text_table.hpp"

#include "isolens/core/analysis/published_reference.hpp"

using namespace isolens;

std::string publishedReferenceTable()
{
    const auto& published = publishedReference();
    std::vector<std::vector<std::string>> reference{{"IMAGE", "HYPER-V", "PROCESS", "DIFFERENCE"}};
    for (const auto& row : published.rows)
        reference.push_back(
            {std::string(row.image), std::to_string(static_cast<int>(row.hyperVMegabytes)) + " MB",
             std::to_string(static_cast<int>(row.processMegabytes)) + " MB", std::string(row.difference)});
    return std::string(published.label) + " — " + std::string(published.source) + '\n' +
           alignColumns(reference);
}
