#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_errors.hpp"

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
        // Hyper-V isolation where Hyper-V is not installed, or no hypervisor runs (docker/for-win#6606).
        ClassificationCase{500,
                           "hcsshim::CreateComputeSystem 6dee7e16: The virtual machine could not be started "
                           "because a required feature is not installed.",
                           ErrorKind::HypervisorMissing},
        ClassificationCase{500, "failure in a Windows system call: (0x80370102)",
                           ErrorKind::HypervisorMissing},
        ClassificationCase{500, "hcsshim::CreateComputeSystem x: No hypervisor is present on this system.",
                           ErrorKind::HypervisorMissing},
        ClassificationCase{200,
                           "no matching manifest for windows/amd64 10.0.17763 in the manifest list entries",
                           ErrorKind::NoMatchingManifest},
        // "no matching manifest for linux/amd64" has a hint of its own: NoMatchingManifestHintFollows…
        ClassificationCase{500,
                           "a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host",
                           ErrorKind::NoMatchingManifest},
        ClassificationCase{400, "Invalid isolation: \"process\" - linux only supports 'default'",
                           ErrorKind::InvalidIsolation},
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
        ClassificationCase{500, "something else broke", ErrorKind::Other},
        // Network words that are not about a registry: the engine's own containerd, a logging driver.
        ClassificationCase{500,
                           "failed to create task for container: connection error: desc = \"transport: Error "
                           "while dialing: dial unix /run/containerd/containerd.sock: connect: connection "
                           "refused\": unavailable",
                           ErrorKind::Other},
        ClassificationCase{500,
                           "failed to create task for container: failed to initialize logging driver: dial "
                           "tcp: lookup fluentd on 127.0.0.11:53: no such host",
                           ErrorKind::Other},
        // A registry that answered, but refused: not a network failure.
        ClassificationCase{500,
                           "Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect username or "
                           "password",
                           ErrorKind::Other}));

struct ApiVersionRefusalCase {
    std::string message; // the engine's, with HTTP 400
    ErrorKind expected;
    std::string hint;
};

class ApiVersionRefusal : public ::testing::TestWithParam<ApiVersionRefusalCase> {};

TEST_P(ApiVersionRefusal, KeepsTheEnginesWordsAndSaysWhichSideIsOld)
{
    const auto& c = GetParam();
    const auto error = classifyEngineError(400, c.message);
    EXPECT_EQ(error.kind, c.expected) << c.message << " -> " << toString(error.kind);
    EXPECT_EQ(error.httpStatus, 400);
    EXPECT_EQ(error.message, c.message);
    EXPECT_EQ(error.hint, c.hint);
}

// moby daemon/server/middleware/version.go words these (Docker 29; the same since 20.10). IsoLens speaks
// API 1.24 to 1.55 and negotiates within the engine's range, so a version the engine refuses that IsoLens
// could have avoided came from DOCKER_API_VERSION.
INSTANTIATE_TEST_SUITE_P(
    Table, ApiVersionRefusal,
    ::testing::Values(
        // Docker 29.0-29.2 (minimum 1.44, moby#51186) to a client that asked for 1.43.
        ApiVersionRefusalCase{"client version 1.43 is too old. Minimum supported API version is 1.44",
                              ErrorKind::ClientApiVersionTooOld,
                              "IsoLens asked for API 1.43 though it speaks up to 1.55, so DOCKER_API_VERSION "
                              "pins it; this engine needs at least 1.44: unset DOCKER_API_VERSION, or set it "
                              "to 1.44 or later."},
        ApiVersionRefusalCase{"client version 1.43 is too old. Minimum supported API version is 1.44, please "
                              "upgrade your client to a newer version",
                              ErrorKind::ClientApiVersionTooOld,
                              "IsoLens asked for API 1.43 though it speaks up to 1.55, so DOCKER_API_VERSION "
                              "pins it; this engine needs at least 1.44: unset DOCKER_API_VERSION, or set it "
                              "to 1.44 or later."},
        // An engine whose minimum is above what IsoLens speaks: IsoLens is the old side.
        ApiVersionRefusalCase{
            "client version 1.55 is too old. Minimum supported API version is 1.58, please "
            "upgrade your client to a newer version",
            ErrorKind::ClientApiVersionTooOld,
            "IsoLens speaks API up to 1.55; this engine needs at least 1.58: update IsoLens."},
        // A pinned version above the engine's maximum: the engine is older than the pin.
        ApiVersionRefusalCase{"client version 1.99 is too new. Maximum supported API version is 1.41",
                              ErrorKind::ApiVersionTooOld,
                              "IsoLens asked for API 1.99, but this engine speaks only up to 1.41: unset "
                              "DOCKER_API_VERSION to let IsoLens negotiate, or set it to 1.41 or lower."},
        // An engine older than IsoLens' minimum: the engine is the old side.
        ApiVersionRefusalCase{"client version 1.24 is too new. Maximum supported API version is 1.19",
                              ErrorKind::ApiVersionTooOld,
                              "This engine speaks only API up to 1.19; IsoLens needs at least 1.24: update "
                              "Docker."},
        // Words without versions: the kind's own hint.
        ApiVersionRefusalCase{"client version is too old", ErrorKind::ClientApiVersionTooOld,
                              hintFor(ErrorKind::ClientApiVersionTooOld)},
        ApiVersionRefusalCase{"Client version x is too new", ErrorKind::ApiVersionTooOld,
                              hintFor(ErrorKind::ApiVersionTooOld)}));

struct UnreachableRegistryCase {
    int status;
    std::string message; // the engine's
    std::string registry;
};

class UnreachableRegistry : public ::testing::TestWithParam<UnreachableRegistryCase> {};

TEST_P(UnreachableRegistry, SaysTheEngineCannotReachTheRegistryAndKeepsItsWords)
{
    const auto& c = GetParam();
    const auto error = classifyEngineError(c.status, c.message);
    EXPECT_EQ(error.kind, ErrorKind::RegistryUnreachable) << c.message << " -> " << toString(error.kind);
    EXPECT_EQ(error.httpStatus, c.status);
    const std::string registry = c.registry.empty() ? "" : " (" + c.registry + ")";
    EXPECT_EQ(error.message, "The engine cannot reach the registry" + registry + ": " + c.message);
    EXPECT_EQ(error.hint, hintFor(ErrorKind::RegistryUnreachable));
}

// As moby words them (Go's net and net/http errors after the registry request), over HTTP 500 before a
// pull starts and in the pull's 200 stream.
INSTANTIATE_TEST_SUITE_P(
    Table, UnreachableRegistry,
    ::testing::Values(
        UnreachableRegistryCase{500,
                                "Get \"https://registry-1.docker.io/v2/\": dial tcp: lookup "
                                "registry-1.docker.io on 127.0.0.53:53: no such host",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{500,
                                "Get \"https://registry-1.docker.io/v2/\": dial tcp 34.226.69.105:443: i/o "
                                "timeout",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{500,
                                "Get \"https://127.0.0.1:5000/v2/\": dial tcp 127.0.0.1:5000: connect: "
                                "connection refused",
                                "127.0.0.1:5000"},
        UnreachableRegistryCase{500, "Get \"https://mcr.microsoft.com/v2/\": net/http: TLS handshake timeout",
                                "mcr.microsoft.com"},
        UnreachableRegistryCase{500,
                                "Get \"https://registry-1.docker.io/v2/\": net/http: request canceled while "
                                "waiting for connection (Client.Timeout exceeded while awaiting headers)",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{200,
                                "Head \"https://registry-1.docker.io/v2/library/busybox/manifests/latest\": "
                                "dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{500,
                                "failed to resolve reference \"docker.io/library/busybox:latest\": failed to "
                                "do request: Head "
                                "\"https://registry-1.docker.io/v2/library/busybox/manifests/latest\": dial "
                                "tcp: lookup registry-1.docker.io on 10.0.0.2:53: server misbehaving",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{500,
                                "Get \"https://registry.example.com/v2/\": proxyconnect tcp: dial tcp "
                                "10.0.0.1:3128: connect: connection refused",
                                "registry.example.com"},
        // Older engines, without the quotes; and no URL at all.
        UnreachableRegistryCase{500,
                                "Get https://registry-1.docker.io/v2/: dial tcp: lookup registry-1.docker.io "
                                "on 192.168.65.1:53: no such host",
                                "registry-1.docker.io"},
        UnreachableRegistryCase{500, "dial tcp: lookup registry-1.docker.io: no such host",
                                "registry-1.docker.io"}));

TEST(UnreachableRegistryHint, NamesTheNetworkTheEnginesProxyAndAMirror)
{
    const auto hint = hintFor(ErrorKind::RegistryUnreachable);
    for (const char* words : {"network", "HTTP_PROXY", "for the engine", "registry mirror"})
        EXPECT_NE(hint.find(words), std::string::npos) << words << " in: " << hint;
    EXPECT_EQ(toString(ErrorKind::RegistryUnreachable), "registry-unreachable");
}

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

TEST(ErrorText, HypervisorMissingHintSaysHowToEnableHyperV)
{
    const auto hint = hintFor(ErrorKind::HypervisorMissing);
    EXPECT_NE(hint.find("Microsoft-Hyper-V"), std::string::npos);
    EXPECT_NE(hint.find("nested virtualization"), std::string::npos);
    EXPECT_NE(hint.find("Process isolation needs neither"), std::string::npos);
}

TEST(ErrorText, OsMismatchHintSuggestsTheMatchingTagOrHyperV)
{
    const auto hint = hintFor(ErrorKind::OsMismatch);
    EXPECT_NE(hint.find("Hyper-V"), std::string::npos);
    EXPECT_NE(hint.find("ltsc2022"), std::string::npos);
}

TEST(ErrorText, NoMatchingManifestHintFollowsThePlatformTheEngineLookedFor)
{
    // A Windows engine found no variant for its build: the image is newer than the host.
    const auto onWindows = classifyEngineError(
        200, "no matching manifest for windows/amd64 10.0.17763 in the manifest list entries");
    EXPECT_NE(onWindows.hint.find("newer than the host"), std::string::npos) << onWindows.hint;
    const auto newer = classifyEngineError(
        500, "a Windows version 10.0.20348-based image is incompatible with a 10.0.17763 host");
    EXPECT_NE(newer.hint.find("newer than the host"), std::string::npos) << newer.hint;
    // A Linux engine found no variant for its architecture: nothing about Windows builds.
    const auto onLinux =
        classifyEngineError(200, "no matching manifest for linux/amd64 in the manifest list entries");
    EXPECT_EQ(onLinux.kind, ErrorKind::NoMatchingManifest);
    EXPECT_NE(onLinux.hint.find("docker manifest inspect"), std::string::npos) << onLinux.hint;
    EXPECT_EQ(onLinux.hint.find("Windows"), std::string::npos) << onLinux.hint;
}
