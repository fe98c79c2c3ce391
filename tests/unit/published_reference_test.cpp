// The published figures name their source itself, the article, never a file users do not have.
#include "isolens/core/analysis/published_reference.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace isolens;

namespace {

// Every text shown with the reference table (label, source, notes).
std::string everyText(const PublishedReference& reference)
{
    std::string text = std::string(reference.label) + '\n' + std::string(reference.source) + '\n';
    for (const auto& row : reference.rows)
        text += std::string(row.image) + ' ' + std::string(row.difference) + '\n';
    for (const auto& note : reference.notes)
        text += std::string(note) + '\n';
    return text;
}

TEST(PublishedReference, NamesTheArticleAndWhatItMeasured)
{
    const auto& source = publishedReference().source;
    EXPECT_NE(source.find("\"Docker Bootcamp \u2013 Container Isolation Modes\""), std::string_view::npos)
        << source;
    EXPECT_NE(source.find("Windows 10 20H2 host"), std::string_view::npos) << source;
    EXPECT_NE(source.find("ltsc2022 images"), std::string_view::npos) << source;
}

TEST(PublishedReference, NeverPointsUsersAtAnInternalFile)
{
    const auto text = everyText(publishedReference());
    for (const char* internal : {"REFERENCE.md", "REFERENCE", "shared", "section 6", "§"})
        EXPECT_EQ(text.find(internal), std::string::npos) << internal << " in:\n" << text;
}

TEST(PublishedReference, KeepsTheArticlesTable)
{
    const auto& rows = publishedReference().rows;
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].image, "nanoserver:ltsc2022");
    EXPECT_EQ(rows[0].hyperVMegabytes, 246);
    EXPECT_EQ(rows[0].processMegabytes, 29);
    EXPECT_EQ(rows[1].image, "server:ltsc2022");
    EXPECT_EQ(rows[2].image, "servercore:ltsc2022");
    EXPECT_EQ(rows[2].difference, "88%");
}

} // namespace
