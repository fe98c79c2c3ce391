#include "isolens/core/exporter/listen_address.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(ListenAddress, TheDefaultIsThisMachineOnly)
{
    EXPECT_EQ(kDefaultListenAddress.text(), "127.0.0.1:9464");
    EXPECT_TRUE(kDefaultListenAddress.loopback());
}

TEST(ListenAddress, AcceptedAddresses)
{
    struct Case {
        const char* text;
        const char* address;
        std::uint16_t port;
        bool loopback;
    };
    const Case cases[] = {
        {"127.0.0.1:9464", "127.0.0.1", 9464, true},   {"0.0.0.0:9464", "0.0.0.0", 9464, false},
        {"localhost:19464", "127.0.0.1", 19464, true}, {"10.1.2.3:0", "10.1.2.3", 0, false},
        {"127.0.0.2:65535", "127.0.0.2", 65535, true},
    };
    for (const auto& c : cases) {
        auto parsed = parseListenAddress(c.text);
        ASSERT_TRUE(parsed) << c.text << ": " << parsed.error().describe();
        EXPECT_EQ(parsed.value().address, c.address) << c.text;
        EXPECT_EQ(parsed.value().port, c.port) << c.text;
        EXPECT_EQ(parsed.value().loopback(), c.loopback) << c.text;
    }
}

TEST(ListenAddress, RefusedAddressesSayWhatToWrite)
{
    for (const char* text :
         {"9464", ":9464", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:port", "[::1]:9464", "::1:9464",
          "example.com:9464", "256.0.0.1:9464", "1.2.3:9464", "1.2.3.4.5:9464", "127.0.0.1:-1"}) {
        auto parsed = parseListenAddress(text);
        ASSERT_FALSE(parsed) << text;
        EXPECT_EQ(parsed.error().kind, ErrorKind::InvalidInput) << text;
        EXPECT_NE(parsed.error().hint.find("127.0.0.1:9464"), std::string::npos) << text;
    }
}
