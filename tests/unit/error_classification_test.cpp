#include "isolens/core/error.hpp"

#include <gtest/gtest.h>

using namespace isolens;

struct ClassificationCase {
    int status;
    std::string message;
    ErrorKind expected;
};

class EngineErrorClassification : public ::testing::TestWithParam<ClassificationCase> {};

TEST_P(EngineErrorClassification, MapsTheEnginesWordsToAKindWithAHint)
{
    const auto& c = GetParam();
    const auto error = classifyEngineError(c.status, c.message);
    EXPECT_EQ(error.kind, c.expected) << c.message << " -> " << toString(error.kind);
    EXPECT_EQ(error.httpStatus, c.status);
    EXPECT_EQ(error.message, c.message);
    EXPECT_EQ(error.hint, hintFor(c.expected));
    EXPECT_FALSE(error.hint.empty());
}

// Messages as the engines word them (moby, hcsshim, the docker.io 20.10 engine used in the tests).
INSTANTIATE_TEST_SUITE_P(
    Table, EngineErrorClassification,
    ::testing::Values(
        ClassificationCase{500,
                           "hcs::CreateComputeSystem 4a1e: The container operating system does not match the "
                           "host operating system.",
                           ErrorKind::OsMismatch},
        ClassificationCase{500,
                           "container abc encountered an error during CreateProcess: failure in a Windows "
                           "system call: (0x80370101)",
                           ErrorKind::OsMismatch},
        ClassificationCase{500, "failure in a Windows system call: (0xc0370101)", ErrorKind::OsMismatch},
        ClassificationCase{200,
                           "no matching manifest for windows/amd64 10.0.17763 in the manifest list entries",
                           ErrorKind::NoMatchingManifest},
        ClassificationCase{200, "no matching manifest for linux/amd64 in the manifest list entries",
                           ErrorKind::NoMatchingManifest},
        ClassificationCase{500,
                           "a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host",
                           ErrorKind::NoMatchingManifest},
        ClassificationCase{400, "Invalid isolation: \"process\" - linux only supports 'default'",
                           ErrorKind::InvalidIsolation},
        ClassificationCase{400, "client version 1.99 is too new. Maximum supported API version is 1.41",
                           ErrorKind::ApiVersionTooOld},
        ClassificationCase{400, "client version 1.12 is too old. Minimum supported API version is 1.24",
                           ErrorKind::ApiVersionTooOld},
        ClassificationCase{
            409,
            "Conflict. The container name \"/pair-a\" is already in use by container \"abc\". You "
            "have to remove (or rename) that container to be able to reuse that name.",
            ErrorKind::NameConflict},
        ClassificationCase{404, "No such image: nothere:latest", ErrorKind::ImageNotFound},
        ClassificationCase{404,
                           "manifest for 127.0.0.1:5000/isolens/busybox:9.9 not found: manifest unknown: "
                           "manifest unknown",
                           ErrorKind::ImageNotFound},
        ClassificationCase{404,
                           "pull access denied for nothere, repository does not exist or may require "
                           "'docker login'",
                           ErrorKind::ImageNotFound},
        ClassificationCase{404, "No such container: ghost", ErrorKind::ContainerNotFound},
        ClassificationCase{400, "Client sent an HTTP request to an HTTPS server.", ErrorKind::TlsFailure},
        ClassificationCase{409, "Container abc is not running", ErrorKind::Other},
        ClassificationCase{500, "something else broke", ErrorKind::Other}));

TEST(ErrorText, DescribeCombinesMessageStatusAndHint)
{
    const auto error = makeError(ErrorKind::ImageNotFound, "No such image: x", 404);
    EXPECT_EQ(error.describe(), "No such image: x (HTTP 404) \u2014 " + hintFor(ErrorKind::ImageNotFound));
    EXPECT_EQ(error.whatHappened(), "No such image: x (HTTP 404)") << "what happened, without the hint";
}

TEST(ErrorText, EveryKindHasANameAndAHint)
{
    for (int k = 0; k <= static_cast<int>(ErrorKind::Other); ++k) {
        const auto kind = static_cast<ErrorKind>(k);
        EXPECT_FALSE(toString(kind).empty());
        EXPECT_FALSE(hintFor(kind).empty()) << toString(kind);
    }
}

TEST(ErrorText, OsMismatchHintSuggestsTheMatchingTagOrHyperV)
{
    const auto hint = hintFor(ErrorKind::OsMismatch);
    EXPECT_NE(hint.find("Hyper-V"), std::string::npos);
    EXPECT_NE(hint.find("ltsc2022"), std::string::npos);
}
