#include "isolens/core/base/line_splitter.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace isolens;

namespace {

std::vector<std::string> splitInPieces(const std::string& stream, std::size_t pieceSize,
                                       std::size_t cap = 1024)
{
    LineSplitter splitter(cap);
    std::vector<std::string> lines;
    auto collect = [&](std::string_view line) {
        lines.emplace_back(line);
        return true;
    };
    for (std::size_t at = 0; at < stream.size(); at += pieceSize)
        EXPECT_TRUE(splitter.feed(std::string_view(stream).substr(at, pieceSize), collect));
    EXPECT_TRUE(splitter.finish(collect));
    return lines;
}

} // namespace

TEST(LineSplitter, SameLinesWhateverThePieceSize)
{
    const std::string stream = "{\"a\":1}\n{\"b\":2}\r\n\n{\"c\":3}\n";
    const std::vector<std::string> expected{"{\"a\":1}", "{\"b\":2}", "{\"c\":3}"};
    for (std::size_t piece = 1; piece <= stream.size(); ++piece)
        EXPECT_EQ(splitInPieces(stream, piece), expected) << "piece size " << piece;
}

TEST(LineSplitter, DeliversALastLineWithoutNewlineOnFinish)
{
    EXPECT_EQ(splitInPieces("one\ntwo", 3), (std::vector<std::string>{"one", "two"}));
}

TEST(LineSplitter, RefusesLinesOverTheCap)
{
    LineSplitter splitter(8);
    auto ignore = [](std::string_view) { return true; };
    EXPECT_TRUE(splitter.feed("12345678\n", ignore));
    auto tooLong = splitter.feed("123456789", ignore);
    ASSERT_FALSE(tooLong);
    EXPECT_EQ(tooLong.error().kind, ErrorKind::ProtocolError);
    EXPECT_NE(tooLong.error().message.find("longer than 8 bytes"), std::string::npos);
}

TEST(LineSplitter, RefusesAnEndlessLineArrivingInSmallPieces)
{
    LineSplitter splitter(100);
    auto ignore = [](std::string_view) { return true; };
    Result<void> last = success();
    int pieces = 0;
    while (last && pieces < 1000) {
        last = splitter.feed("xxxxxxxxxx", ignore);
        ++pieces;
    }
    EXPECT_FALSE(last);
    EXPECT_EQ(pieces, 11);
    EXPECT_LE(splitter.pendingBytes(), 100u);
}

TEST(LineSplitter, StopsWhenTheHandlerSaysSo)
{
    LineSplitter splitter(100);
    int seen = 0;
    bool stopped = false;
    EXPECT_TRUE(splitter.feed(
        "a\nb\nc\n", [&](std::string_view) { return ++seen < 2; }, &stopped));
    EXPECT_TRUE(stopped);
    EXPECT_EQ(seen, 2);
}
