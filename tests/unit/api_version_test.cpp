#include "isolens/core/engine/api_version.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

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
    EXPECT_EQ(negotiateApiVersion(ApiVersion{1, 47}), (ApiVersion{1, 47}));
    EXPECT_EQ(negotiateApiVersion(ApiVersion{1, 60}), kClientMaxApiVersion);
    EXPECT_EQ(negotiateApiVersion(std::nullopt), (ApiVersion{1, 24})); // no Api-Version header
}

TEST(ApiVersionLimits, TheMaximumIsTheCurrentDockerReleasesApi)
{
    // Docker Engine 29.7.2 (moby docker-v29.7.2, daemon/config/config.go MaxAPIVersion "1.55"); Docker
    // 29.0-29.2 refuse anything below 1.44 (moby#51186), so the maximum must be at least that.
    EXPECT_EQ(kClientMaxApiVersion, (ApiVersion{1, 55}));
    EXPECT_GE(kClientMaxApiVersion, (ApiVersion{1, 44}));
}

namespace {

struct RangeCase {
    std::optional<ApiVersion> serverMax;
    std::optional<ApiVersion> serverMin;
    std::optional<ApiVersion> expected; // none: refused
    ErrorKind refusal = ErrorKind::Other;
    std::string hint;
};

RangeCase accepted(std::optional<ApiVersion> serverMax, std::optional<ApiVersion> serverMin,
                   ApiVersion expected)
{
    return {serverMax, serverMin, expected, ErrorKind::Other, {}};
}

} // namespace

class ApiVersionRange : public ::testing::TestWithParam<RangeCase> {};

TEST_P(ApiVersionRange, UsesTheLowerMaximumAndRefusesWhatTheOtherSideCannotSpeak)
{
    const auto& c = GetParam();
    const auto negotiated = negotiateApiVersion(c.serverMax, c.serverMin);
    if (c.expected) {
        ASSERT_TRUE(negotiated) << negotiated.error().describe();
        EXPECT_EQ(negotiated.value(), *c.expected);
        return;
    }
    ASSERT_FALSE(negotiated) << negotiated.value().str();
    EXPECT_EQ(negotiated.error().kind, c.refusal);
    EXPECT_EQ(negotiated.error().hint, c.hint);
    EXPECT_FALSE(negotiated.error().message.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Table, ApiVersionRange,
    ::testing::Values(
        // Docker 29.0-29.2: API 1.52/1.53, minimum 1.44.
        accepted(ApiVersion{1, 52}, ApiVersion{1, 44}, ApiVersion{1, 52}),
        accepted(ApiVersion{1, 53}, ApiVersion{1, 44}, ApiVersion{1, 53}),
        // Docker 29.7: API 1.55, minimum 1.40; the docker.io 20.10 engine of the tests: 1.41, minimum 1.12.
        accepted(ApiVersion{1, 55}, ApiVersion{1, 40}, ApiVersion{1, 55}),
        accepted(ApiVersion{1, 41}, ApiVersion{1, 12}, ApiVersion{1, 41}),
        // A newer engine than IsoLens knows: IsoLens' maximum, as long as the engine still speaks it.
        accepted(ApiVersion{1, 60}, ApiVersion{1, 44}, kClientMaxApiVersion),
        accepted(ApiVersion{1, 60}, ApiVersion{1, 55}, kClientMaxApiVersion),
        accepted(ApiVersion{1, 60}, std::nullopt, kClientMaxApiVersion),
        accepted(std::nullopt, std::nullopt, ApiVersion{1, 24}),
        // The engine's minimum is above IsoLens' maximum: IsoLens is the old side.
        RangeCase{ApiVersion{1, 60}, ApiVersion{1, 56}, std::nullopt, ErrorKind::ClientApiVersionTooOld,
                  "IsoLens speaks API up to 1.55; this engine needs at least 1.56: update IsoLens."},
        RangeCase{ApiVersion{2, 3}, ApiVersion{2, 0}, std::nullopt, ErrorKind::ClientApiVersionTooOld,
                  "IsoLens speaks API up to 1.55; this engine needs at least 2.0: update IsoLens."},
        // The engine's maximum is below IsoLens' minimum: the engine is the old side.
        RangeCase{ApiVersion{1, 19}, std::nullopt, std::nullopt, ErrorKind::ApiVersionTooOld,
                  "This engine speaks only API up to 1.19; IsoLens needs at least 1.24: update Docker."},
        RangeCase{ApiVersion{1, 23}, ApiVersion{1, 12}, std::nullopt, ErrorKind::ApiVersionTooOld,
                  "This engine speaks only API up to 1.23; IsoLens needs at least 1.24: update Docker."}));
