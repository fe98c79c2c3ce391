#include "isolens/core/engine/output_demux.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

std::string frame(char stream, const std::string& payload)
{
    std::string header{stream, 0, 0, 0};
    const auto n = static_cast<std::uint32_t>(payload.size());
    header += static_cast<char>((n >> 24) & 0xFF);
    header += static_cast<char>((n >> 16) & 0xFF);
    header += static_cast<char>((n >> 8) & 0xFF);
    header += static_cast<char>(n & 0xFF);
    return header + payload;
}

} // namespace

TEST(OutputDemux, SplitsStdoutAndStderrFrames)
{
    auto output = demultiplexOutput(frame(1, "hello ") + frame(2, "oops") + frame(1, "world"));
    ASSERT_TRUE(output);
    EXPECT_EQ(output.value().out, "hello world");
    EXPECT_EQ(output.value().err, "oops");
    EXPECT_EQ(output.value().both, "hello oopsworld") << "both streams, in the order they came";
}

TEST(OutputDemux, HandlesLargeFramesAndEmptyInput)
{
    const std::string big(70000, 'x');
    auto output = demultiplexOutput(frame(1, big));
    ASSERT_TRUE(output);
    EXPECT_EQ(output.value().out.size(), big.size());
    EXPECT_TRUE(demultiplexOutput(""));
}

TEST(OutputDemux, KeepsATruncatedLastFramesPayload)
{
    auto whole = frame(1, "abcdef");
    auto output = demultiplexOutput(whole.substr(0, whole.size() - 2));
    ASSERT_TRUE(output);
    EXPECT_EQ(output.value().out, "abcd");
}

TEST(OutputDemux, RejectsGarbage)
{
    auto output = demultiplexOutput("plain text, not frames");
    ASSERT_FALSE(output);
    EXPECT_EQ(output.error().kind, ErrorKind::ProtocolError);
    EXPECT_FALSE(demultiplexOutput(std::string("\x01\x00\x00", 3)));
}
