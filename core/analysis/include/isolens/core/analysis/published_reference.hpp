#pragma once

#include <string_view>
#include <vector>

namespace isolens {

// Published figures, not measured by IsoLens: shown beside measured results, always labelled so.
struct PublishedMemoryRow {
    std::string_view image;
    double hyperVMegabytes;
    double processMegabytes;
    std::string_view difference; // as published
};

struct PublishedReference {
    std::string_view label;  // "Published reference (not measured here)"
    std::string_view source; // the article by its title, and what it measured on
    std::vector<PublishedMemoryRow> rows;
    std::vector<std::string_view> notes;
};

const PublishedReference& publishedReference();

} // namespace isolens
