#include "isolens/core/api_version.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(ApiVersion, ParsesAndPrints)
{
    EXPECT_EQ(ApiVersion::parse("1.41"), (ApiVersion{1, 41}));
    EXPECT_EQ(ApiVersion::parse("v1.24"), (ApiVersion{1, 24}));
    EXPECT_EQ(ApiVersion::parse("1.41")->str(), "1.41");
    for (const char* bad : {"", "1", "1.", ".4", "a.b", "1.4x", "-1.2"})
        EXPECT_FALSE(ApiVersion::parse(bad)) << bad;
}

TEST(ApiVersion, ComparesNumericallyNotAsText)
{
    EXPECT_LT((ApiVersion{1, 9}), (ApiVersion{1, 10}));
    EXPECT_LT((ApiVersion{1, 43}), (ApiVersion{2, 0}));
}

TEST(ApiVersionNegotiation, TakesTheLowerOfServerAndClient)
{
    EXPECT_EQ(negotiateApiVersion(ApiVersion{1, 41}), (ApiVersion{1, 41}));
    EXPECT_EQ(negotiateApiVersion(ApiVersion{1, 47}), kClientMaxApiVersion);
    EXPECT_EQ(negotiateApiVersion(std::nullopt), (ApiVersion{1, 24})); // no Api-Version header
}
