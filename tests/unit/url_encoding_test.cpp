#include "isolens/core/base/url_encoding.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(UrlEncoding, KeepsUnreservedCharacters)
{
    EXPECT_EQ(encodeQueryComponent("AZaz09-._~"), "AZaz09-._~");
}

TEST(UrlEncoding, EncodesEverythingElse)
{
    EXPECT_EQ(encodeQueryComponent("a b"), "a%20b");
    EXPECT_EQ(encodeQueryComponent("x=1&y=2"), "x%3D1%26y%3D2");
    EXPECT_EQ(encodeQueryComponent("{\"label\":[\"a=b\"]}"), "%7B%22label%22%3A%5B%22a%3Db%22%5D%7D");
    EXPECT_EQ(encodeQueryComponent("/?#%"), "%2F%3F%23%25");
    EXPECT_EQ(encodeQueryComponent("\xc3\xa9"), "%C3%A9");
}

TEST(UrlEncoding, PathSegmentsKeepSlashesOnlyWhenAsked)
{
    EXPECT_EQ(encodePathSegment("registry:5000/team/app"), "registry%3A5000%2Fteam%2Fapp");
    EXPECT_EQ(encodePathSegment("team/app", /*keepSlashes=*/true), "team/app");
    EXPECT_EQ(encodePathSegment("../../etc"), "..%2F..%2Fetc");
}

TEST(QueryString, JoinsEncodedPairs)
{
    EXPECT_EQ(QueryString().str(), "");
    EXPECT_EQ(QueryString().add("fromImage", "127.0.0.1:5000/a").add("tag", "1.0").str(),
              "?fromImage=127.0.0.1%3A5000%2Fa&tag=1.0");
}
