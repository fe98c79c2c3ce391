#include "isolens/core/image_reference.hpp"

#include <gtest/gtest.h>

using namespace isolens;

struct ValidReference {
    std::string text;
    std::string domain;
    std::string path;
    std::string tag;
    std::string digest;
};

class ValidImageReferences : public ::testing::TestWithParam<ValidReference> {};

TEST_P(ValidImageReferences, SplitIntoDomainPathTagDigest)
{
    const auto& c = GetParam();
    auto reference = parseImageReference(c.text);
    ASSERT_TRUE(reference) << c.text << ": " << reference.error().message;
    EXPECT_EQ(reference.value().domain, c.domain);
    EXPECT_EQ(reference.value().path, c.path);
    EXPECT_EQ(reference.value().tag, c.tag);
    EXPECT_EQ(reference.value().digest, c.digest);
}

const std::string kDigest = "sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

// Examples from distribution/reference's reference_test.go and the Windows images IsoLens is about.
INSTANTIATE_TEST_SUITE_P(
    Table, ValidImageReferences,
    ::testing::Values(
        ValidReference{"test_com", "", "test_com", "", ""},
        ValidReference{"test.com:tag", "", "test.com", "tag", ""},
        ValidReference{"test.com:5000", "", "test.com", "5000", ""},
        ValidReference{"test.com/repo:tag", "test.com", "repo", "tag", ""},
        ValidReference{"test:5000/repo", "test:5000", "repo", "", ""},
        ValidReference{"test:5000/repo:tag", "test:5000", "repo", "tag", ""},
        ValidReference{"test:5000/repo@" + kDigest, "test:5000", "repo", "", kDigest},
        ValidReference{"test:5000/repo:tag@" + kDigest, "test:5000", "repo", "tag", kDigest},
        ValidReference{"lowercase:Uppercase", "", "lowercase", "Uppercase", ""},
        ValidReference{"sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux", "", ""},
        ValidReference{"sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux",
                       "some-long-tag", ""},
        ValidReference{"b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io",
                       "test.example.com/my-app", "test.example.com", ""},
        ValidReference{"xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", ""},
        ValidReference{"foo_bar.com:8080", "", "foo_bar.com", "8080", ""},
        ValidReference{"foo/foo_bar.com:8080", "", "foo/foo_bar.com", "8080", ""},
        ValidReference{"localhost/busybox", "localhost", "busybox", "", ""},
        ValidReference{"[::1]:5000/busybox:latest", "[::1]:5000", "busybox", "latest", ""},
        ValidReference{"mcr.microsoft.com/windows/servercore:ltsc2022", "mcr.microsoft.com",
                       "windows/servercore", "ltsc2022", ""},
        ValidReference{"mcr.microsoft.com/windows/nanoserver:10.0.17763.5458", "mcr.microsoft.com",
                       "windows/nanoserver", "10.0.17763.5458", ""},
        ValidReference{"a__b--c.d/e", "", "a__b--c.d/e", "", ""}));

struct InvalidReference {
    std::string text;
    std::string reason;
};

class InvalidImageReferences : public ::testing::TestWithParam<InvalidReference> {};

TEST_P(InvalidImageReferences, AreRejectedBeforeAnyRequest)
{
    auto reference = parseImageReference(GetParam().text);
    ASSERT_FALSE(reference) << GetParam().text;
    EXPECT_EQ(reference.error().kind, ErrorKind::InvalidInput);
    EXPECT_NE(reference.error().message.find("Invalid image reference"), std::string::npos);
    EXPECT_NE(reference.error().message.find(GetParam().reason), std::string::npos)
        << reference.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Table, InvalidImageReferences,
    ::testing::Values(InvalidReference{"", "empty"}, InvalidReference{":justtag", "does not follow"},
                      InvalidReference{"@" + kDigest, "does not follow"},
                      InvalidReference{
                          "repo@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                          "x",
                          "does not follow"},
                      InvalidReference{"validname@sha256:not-hex", "does not follow"},
                      InvalidReference{"validname@sha256:fff", "does not follow"},
                      InvalidReference{"Uppercase:tag", "lowercase"},
                      InvalidReference{"test:5000/Uppercase/lowercase:tag", "does not follow"},
                      InvalidReference{"aa/asdf$$^/aa", "does not follow"},
                      InvalidReference{"a:" + std::string(129, 't'), "does not follow"},
                      InvalidReference{"has space:tag", "white space"},
                      InvalidReference{"repo:tag with space", "white space"},
                      InvalidReference{"-leadingdash/repo", "does not follow"},
                      InvalidReference{"repo:-tag", "does not follow"},
                      InvalidReference{std::string(128, 'a') + "/" + std::string(128, 'a'), "255"},
                      // Found by fuzzing: an ambiguous pattern backtracked for seconds on this.
                      InvalidReference{std::string(60, 'a') + "!", "does not follow"},
                      InvalidReference{std::string(600, 'a'), "longer than any image reference"}));

TEST(ImageReference, WithDefaultTagAddsLatestOnlyWhenNothingWasGiven)
{
    EXPECT_EQ(parseImageReference("busybox").value().withDefaultTag(), "busybox:latest");
    EXPECT_EQ(parseImageReference("busybox:1.0").value().withDefaultTag(), "busybox:1.0");
    EXPECT_EQ(parseImageReference("r:5000/a@" + kDigest).value().withDefaultTag(), "r:5000/a@" + kDigest);
    EXPECT_EQ(parseImageReference("r:5000/a/b:t").value().repository(), "r:5000/a/b");
}

TEST(ContainerName, AcceptsWhatTheEngineAccepts)
{
    for (const char* good : {"ab", "pair-hyperv", "pair_process.1", "/leading-slash", "A9"})
        EXPECT_TRUE(validateContainerName(good)) << good;
}

TEST(ContainerName, RejectsWhatTheEngineRejects)
{
    for (const char* bad : {"", "a", "-dash", ".dot", "has space", "semi;colon", "slash/inside", "ünï"}) {
        auto valid = validateContainerName(bad);
        ASSERT_FALSE(valid) << bad;
        EXPECT_EQ(valid.error().kind, ErrorKind::InvalidInput);
        EXPECT_NE(valid.error().message.find("Invalid container name"), std::string::npos);
    }
}
