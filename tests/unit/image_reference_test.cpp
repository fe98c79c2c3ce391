#include "isolens/core/engine/image_reference.hpp"

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
const std::string kSha512 = "sha512:" + std::string(128, 'f');
const std::string kImageId = "1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a";

std::string repeat(const std::string& text, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += text;
    return out;
}

// The cases of distribution/reference's reference_test.go and normalize_test.go (where the docker CLI's
// ParseNormalizedNamed splits the domain: a first component without '.', ':', upper case or "localhost"
// belongs to the path), and the Windows images IsoLens is about.
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
        // An upper-case first component is taken for a domain (as docker does).
        ValidReference{"Uppercase/lowercase:tag", "Uppercase", "lowercase", "tag", ""},
        ValidReference{"Docker/docker", "Docker", "docker", "", ""},
        ValidReference{"DOCKER/docker", "DOCKER", "docker", "", ""},
        ValidReference{repeat("a/", 127) + "a:tag-puts-this-over-max", "", repeat("a/", 127) + "a",
                       "tag-puts-this-over-max", ""},
        // The 255 limit is on the path, not the domain.
        ValidReference{"example.com/" + std::string(255, 'a') + ":tag", "example.com", std::string(255, 'a'),
                       "tag", ""},
        // 247 characters: library/ makes 255 on Docker Hub.
        ValidReference{std::string(247, 'a'), "", std::string(247, 'a'), "", ""},
        ValidReference{"sub-dom1.foo.com/bar/baz/quux", "sub-dom1.foo.com", "bar/baz/quux", "", ""},
        ValidReference{"sub-dom1.foo.com/bar/baz/quux:some-long-tag", "sub-dom1.foo.com", "bar/baz/quux",
                       "some-long-tag", ""},
        ValidReference{"b.gcr.io/test.example.com/my-app:test.example.com", "b.gcr.io",
                       "test.example.com/my-app", "test.example.com", ""},
        ValidReference{"xn--n3h.com/myimage:xn--n3h.com", "xn--n3h.com", "myimage", "xn--n3h.com", ""},
        ValidReference{"xn--7o8h.com/myimage:xn--7o8h.com@" + kSha512, "xn--7o8h.com", "myimage",
                       "xn--7o8h.com", kSha512},
        ValidReference{"foo_bar.com:8080", "", "foo_bar.com", "8080", ""},
        ValidReference{"foo/foo_bar.com:8080", "", "foo/foo_bar.com", "8080", ""},
        ValidReference{"192.168.1.1", "", "192.168.1.1", "", ""},
        ValidReference{"192.168.1.1:tag", "", "192.168.1.1", "tag", ""},
        ValidReference{"192.168.1.1:5000", "", "192.168.1.1", "5000", ""},
        ValidReference{"192.168.1.1/repo", "192.168.1.1", "repo", "", ""},
        ValidReference{"192.168.1.1:5000/repo", "192.168.1.1:5000", "repo", "", ""},
        ValidReference{"192.168.1.1:5000/repo:5050", "192.168.1.1:5000", "repo", "5050", ""},
        ValidReference{"192.168.0.1:8/debian", "192.168.0.1:8", "debian", "", ""},
        ValidReference{"127.0.0.1:5000/docker/docker", "127.0.0.1:5000", "docker/docker", "", ""},
        ValidReference{"[2001:db8::1]/repo", "[2001:db8::1]", "repo", "", ""},
        ValidReference{"[2001:db8:1:2:3:4:5:6]/repo:tag", "[2001:db8:1:2:3:4:5:6]", "repo", "tag", ""},
        ValidReference{"[2001:db8::1]:5000/repo", "[2001:db8::1]:5000", "repo", "", ""},
        ValidReference{"[2001:db8::1]:5000/repo:tag", "[2001:db8::1]:5000", "repo", "tag", ""},
        ValidReference{"[2001:db8::1]:5000/repo@" + kDigest, "[2001:db8::1]:5000", "repo", "", kDigest},
        ValidReference{"[2001:db8::1]:5000/repo:tag@" + kDigest, "[2001:db8::1]:5000", "repo", "tag",
                       kDigest},
        ValidReference{"[2001:db8::]:5000/repo", "[2001:db8::]:5000", "repo", "", ""},
        ValidReference{"[::1]:5000/repo", "[::1]:5000", "repo", "", ""},
        ValidReference{"[fc00:1:2:3:4:5:6:7]:5000/library/debian", "[fc00:1:2:3:4:5:6:7]:5000",
                       "library/debian", "", ""},
        ValidReference{"test.com:8080/foo", "test.com:8080", "foo", "", ""},
        ValidReference{"test-com:8080/foo", "test-com:8080", "foo", "", ""},
        ValidReference{"xn--n3h.com:18080/foo", "xn--n3h.com:18080", "foo", "", ""},
        ValidReference{"docker.io/library/foo/bar", "docker.io", "library/foo/bar", "", ""},
        ValidReference{"index.docker.io/debian", "index.docker.io", "debian", "", ""},
        ValidReference{"docker---rules/docker", "", "docker---rules/docker", "", ""},
        ValidReference{"dock__er/docker", "", "dock__er/docker", "", ""},
        ValidReference{"d/docker", "", "d/docker", "", ""}, ValidReference{"jess/t", "", "jess/t", "", ""},
        // 64 characters that are not all hexadecimal, 63 hexadecimal ones, and a 64-character
        // hexadecimal name that a domain (or a tag) makes unambiguous.
        ValidReference{"thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "",
                       "thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev", "", ""},
        ValidReference{kImageId.substr(0, 63), "", kImageId.substr(0, 63), "", ""},
        ValidReference{"docker.io/" + kImageId, "docker.io", kImageId, "", ""},
        ValidReference{kImageId + ":latest", "", kImageId, "latest", ""},
        ValidReference{"dbcc1", "", "dbcc1", "", ""},
        ValidReference{
            "busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa", "",
            "busybox", "latest", "sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa"},
        ValidReference{"repo@sha384:" + std::string(96, 'a'), "", "repo", "",
                       "sha384:" + std::string(96, 'a')},
        ValidReference{"a:" + std::string(128, 't'), "", "a", std::string(128, 't'), ""},
        ValidReference{"localhost/busybox", "localhost", "busybox", "", ""},
        ValidReference{"localhost:5000/busybox", "localhost:5000", "busybox", "", ""},
        ValidReference{"localhost", "", "localhost", "", ""},
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
    ::testing::Values(
        InvalidReference{"", "empty"}, InvalidReference{":justtag", "does not follow"},
        InvalidReference{"@" + kDigest, "does not follow"},
        InvalidReference{"repo@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
                         "x",
                         "does not follow"},
        InvalidReference{"validname@sha256:not-hex", "does not follow"},
        InvalidReference{"validname@sha256:fff", "does not follow"},
        // The grammar's digest, refused by go-digest: unknown algorithm, wrong length, upper-case hex.
        InvalidReference{"repo@sha256:" + std::string(34, 'f'), "the digest must be"},
        InvalidReference{"validname@invaliddigest:" + std::string(64, 'f'), "the digest must be"},
        InvalidReference{"repo@sha512:" + std::string(64, 'f'), "the digest must be"},
        InvalidReference{"repo@sha256:" + std::string(64, 'F'), "the digest must be"},
        // An image ID is not a repository name ("cannot specify 64-byte hexadecimal strings").
        InvalidReference{kImageId, "64-character hexadecimal"},
        InvalidReference{std::string(64, '0'), "64-character hexadecimal"},
        InvalidReference{"Uppercase:tag", "must be lowercase"},
        InvalidReference{"test:5000/Uppercase/lowercase:tag", "must be lowercase"},
        InvalidReference{"docker/Docker", "must be lowercase"},
        InvalidReference{"docker.io/docker/Docker", "must be lowercase"},
        InvalidReference{"aa/asdf$$^/aa", "does not follow"},
        InvalidReference{"a:" + std::string(129, 't'), "does not follow"},
        InvalidReference{"has space:tag", "white space"},
        InvalidReference{"repo:tag with space", "white space"},
        InvalidReference{"-leadingdash/repo", "does not follow"},
        InvalidReference{"repo:-tag", "does not follow"},
        InvalidReference{"[2001:db8::1]", "does not follow"},
        InvalidReference{"[2001:db8::1]:5000", "does not follow"},
        InvalidReference{"[2001:db8::1]:tag", "does not follow"},
        InvalidReference{"[fe80::1%eth0]:5000/repo", "does not follow"},
        InvalidReference{"[fe80::1%@invalidzone]:5000/repo", "does not follow"},
        InvalidReference{"[2001:db8:3:4::192.0.2.33]:5000/debian", "does not follow"},
        InvalidReference{"fc00::1:5000/debian", "does not follow"},
        InvalidReference{"https://github.com/docker/docker", "does not follow"},
        InvalidReference{"-docker", "does not follow"}, InvalidReference{"-docker/docker", "does not follow"},
        InvalidReference{"-docker.io/docker/docker", "does not follow"},
        InvalidReference{"docker-/docker", "does not follow"},
        InvalidReference{"-docker-/docker", "does not follow"},
        InvalidReference{"docker///docker", "does not follow"},
        InvalidReference{"docker.io/docker///docker", "does not follow"},
        InvalidReference{"docker/", "does not follow"}, InvalidReference{"____/____", "does not follow"},
        InvalidReference{"_docker/_docker", "does not follow"},
        InvalidReference{"dock..er/docker", "does not follow"},
        InvalidReference{"dock_.er/docker", "does not follow"},
        InvalidReference{"dock-.er/docker", "does not follow"},
        InvalidReference{std::string(128, 'a') + "/" + std::string(128, 'a'), "255"},
        InvalidReference{repeat("a/", 128) + "a:tag", "255"},
        InvalidReference{"domain/" + std::string(256, 'a') + ":tag", "255"},
        InvalidReference{"example.com/" + std::string(256, 'a'), "255"},
        InvalidReference{repeat("this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_", 3) +
                             "this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255/docker",
                         "255"},
        InvalidReference{std::string(256, 'a') + ".com/repo", "registry's address"},
        // 248 characters: library/ makes 256 on Docker Hub.
        InvalidReference{std::string(248, 'a'), "255"},
        // Found by fuzzing: an ambiguous pattern backtracked for seconds on this.
        InvalidReference{std::string(60, 'a') + "!", "does not follow"},
        InvalidReference{std::string(1100, 'a'), "longer than any image reference"}));

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
