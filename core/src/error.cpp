#include "isolens/core/error.hpp"

#include "isolens/core/api_version.hpp"
#include "isolens/core/text.hpp"
#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <optional>
#include <utility>

namespace isolens {

namespace {

bool contains(const std::string& haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

bool containsAny(const std::string& haystack, std::initializer_list<std::string_view> needles)
{
    return std::any_of(needles.begin(), needles.end(),
                       [&](auto needle) { return contains(haystack, needle); });
}

// Go's net and net/http words for a connection that never got through (moby passes them on as they are).
bool isNetworkFailure(const std::string& text)
{
    return containsAny(text, {"no such host", "i/o timeout", "connection refused", "tls handshake timeout",
                              "client.timeout exceeded", "network is unreachable", "no route to host",
                              "temporary failure in name resolution", "server misbehaving", "proxyconnect",
                              "connection reset by peer"});
}

// The failure was on the way to a registry: its API (/v2/) or a reference being resolved, not the
// engine's own containerd socket or a logging driver's address.
bool isRegistryRequest(const std::string& text)
{
    return (contains(text, "/v2/") && contains(text, "http")) ||
           contains(text, "failed to resolve reference") || contains(text, "lookup registry");
}

// The registry's host: from the request's URL ("https://registry-1.docker.io/v2/"), else from the DNS
// lookup ("lookup registry-1.docker.io on 10.0.0.2:53"); empty when neither is there.
std::string registryHost(std::string_view message, const std::string& text)
{
    for (std::string_view scheme : {"https://", "http://"})
        if (const auto at = text.find(scheme); at != std::string::npos) {
            const auto start = at + scheme.size();
            const auto end = text.find_first_of("/\" \t", start);
            return std::string(message.substr(start, (end == std::string::npos ? text.size() : end) - start));
        }
    if (const auto at = text.find("lookup "); at != std::string::npos) {
        const auto start = at + std::string_view("lookup ").size();
        const auto end = text.find_first_of(" :", start);
        return std::string(message.substr(start, (end == std::string::npos ? text.size() : end) - start));
    }
    return {};
}

// The word after `label` in the engine's message, as an API version ("1.44," -> 1.44).
std::optional<ApiVersion> versionAfter(const std::string& text, std::string_view label)
{
    const auto at = text.find(label);
    if (at == std::string::npos)
        return std::nullopt;
    const auto start = at + label.size();
    auto end = text.find_first_of(" ,;", start);
    std::string_view word =
        std::string_view(text).substr(start, end == std::string::npos ? end : end - start);
    while (word.ends_with('.'))
        word.remove_suffix(1);
    return ApiVersion::parse(word);
}

// moby daemon/server/middleware/version.go refuses a request's version with HTTP 400, in these words:
// "client version A is too old. Minimum supported API version is M, please upgrade your client to a
// newer version", or "client version A is too new. Maximum supported API version is S". The hint says
// which side is old: IsoLens (its maximum is below M), the engine (its maximum is below IsoLens'
// minimum), or neither (A came from DOCKER_API_VERSION, since IsoLens negotiates within both ranges).
std::optional<Error> apiVersionRefusal(int httpStatus, std::string_view message, const std::string& text)
{
    if (!contains(text, "client version"))
        return std::nullopt;
    const bool tooOld = contains(text, "is too old");
    if (!tooOld && !contains(text, "is too new"))
        return std::nullopt;
    const auto asked = versionAfter(text, "client version ");
    const auto limit = versionAfter(text, "supported api version is ");
    auto error = makeError(tooOld ? ErrorKind::ClientApiVersionTooOld : ErrorKind::ApiVersionTooOld,
                           std::string(message), httpStatus);
    if (!asked || !limit)
        return error; // the general hint for the kind
    if (tooOld)
        error.hint = kClientMaxApiVersion < *limit ? updateIsoLensHint(*limit)
                                                   : pinnedVersionTooOldHint(*asked, *limit);
    else
        error.hint = *limit < kClientMinApiVersion ? updateDockerHint(*limit)
                                                   : pinnedVersionTooNewHint(*asked, *limit);
    return error;
}

} // namespace

std::string_view toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::EngineUnreachable:
        return "engine-unreachable";
    case ErrorKind::PermissionDenied:
        return "permission-denied";
    case ErrorKind::Timeout:
        return "timeout";
    case ErrorKind::Cancelled:
        return "cancelled";
    case ErrorKind::InvalidInput:
        return "invalid-input";
    case ErrorKind::InvalidEndpoint:
        return "invalid-endpoint";
    case ErrorKind::InsecureEndpoint:
        return "insecure-endpoint";
    case ErrorKind::TlsFailure:
        return "tls-failure";
    case ErrorKind::ProtocolError:
        return "protocol-error";
    case ErrorKind::ImageNotFound:
        return "image-not-found";
    case ErrorKind::ContainerNotFound:
        return "container-not-found";
    case ErrorKind::NameConflict:
        return "name-conflict";
    case ErrorKind::OsMismatch:
        return "os-mismatch";
    case ErrorKind::HypervisorMissing:
        return "hypervisor-missing";
    case ErrorKind::NoMatchingManifest:
        return "no-matching-manifest";
    case ErrorKind::InvalidIsolation:
        return "invalid-isolation";
    case ErrorKind::ApiVersionTooOld:
        return "api-version-too-old";
    case ErrorKind::ClientApiVersionTooOld:
        return "client-api-version-too-old";
    case ErrorKind::RegistryUnreachable:
        return "registry-unreachable";
    case ErrorKind::DiskFull:
        return "disk-full";
    case ErrorKind::Other:
        return "other";
    }
    return "other";
}

std::string hintFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::EngineUnreachable:
        return "Start the Docker engine (on Windows: start Docker Desktop and switch to Windows containers, "
               "or start the docker service), or point --host / DOCKER_HOST at a running engine.";
    case ErrorKind::PermissionDenied:
        return "Run as a user allowed to use the engine: on Linux join the 'docker' group, on Windows run "
               "as an administrator or a member of docker-users.";
    case ErrorKind::Timeout:
        return "The engine is busy or hung: check that it responds (docker version) and try again.";
    case ErrorKind::Cancelled:
        return "The request was stopped before it finished.";
    case ErrorKind::InvalidInput:
        return "Correct the value and try again.";
    case ErrorKind::InvalidEndpoint:
        return "Use unix:///path, npipe:////./pipe/name or tcp://host:port in --host, DOCKER_HOST or the "
               "context.";
    case ErrorKind::InsecureEndpoint:
        return "Plain tcp:// gives root-equivalent access to anyone on the network: enable TLS "
               "(DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH), or pass --allow-insecure-tcp if you really "
               "mean it.";
    case ErrorKind::TlsFailure:
        return "The engine expects TLS, or its certificate was not accepted: set DOCKER_TLS_VERIFY=1 and "
               "DOCKER_CERT_PATH to a folder with ca.pem, cert.pem and key.pem, and check that the engine's "
               "certificate matches its host name.";
    case ErrorKind::ProtocolError:
        return "The endpoint does not speak the Docker Engine API: check that it is a Docker engine.";
    case ErrorKind::ImageNotFound:
        return "Check the image name and tag, pull it first, or log in to the registry that holds it.";
    case ErrorKind::ContainerNotFound:
        return "Check the container's name or ID (docker ps -a lists them); it may have been removed.";
    case ErrorKind::NameConflict:
        return "Choose another container name, or remove the existing container with that name.";
    case ErrorKind::HypervisorMissing:
        return "Hyper-V isolation needs the Hyper-V feature and virtualization: enable Hyper-V (Windows "
               "10/11: "
               "Enable-WindowsOptionalFeature -Online -FeatureName Microsoft-Hyper-V; Windows Server: "
               "Install-WindowsFeature Hyper-V) and virtualization in the firmware, or, in a virtual "
               "machine, "
               "nested virtualization (Set-VMProcessor -ExposeVirtualizationExtensions $true on its host). "
               "Process isolation needs neither.";
    case ErrorKind::OsMismatch:
        return "Process isolation needs an image built for this host's Windows build: use the tag that "
               "matches the host (e.g. ltsc2022 on Windows Server 2022), or run with Hyper-V isolation.";
    case ErrorKind::NoMatchingManifest:
        return "The image has no variant for this host's OS version: it is newer than the host. Pick a tag "
               "built for this Windows build or older (e.g. ltsc2019 on a 17763 host).";
    case ErrorKind::InvalidIsolation:
        return "This engine does not support that isolation mode: Linux engines only offer 'default'; "
               "compare runtimes instead.";
    case ErrorKind::ApiVersionTooOld:
        return "The engine is older than IsoLens needs: update Docker, or unset DOCKER_API_VERSION if it "
               "pins "
               "a version the engine does not speak.";
    case ErrorKind::ClientApiVersionTooOld:
        return "The engine needs a newer API than IsoLens asked for: update IsoLens, or unset "
               "DOCKER_API_VERSION if it pins an older version.";
    case ErrorKind::RegistryUnreachable:
        return "The engine pulls, not IsoLens: check the engine host's network and DNS; behind a proxy, set "
               "HTTP_PROXY/HTTPS_PROXY for the engine (its service environment, daemon.json \"proxies\" or "
               "Docker Desktop's proxy settings), or configure a registry mirror (\"registry-mirrors\").";
    case ErrorKind::DiskFull:
        return "Free space on the disk that holds the file, or write it to another disk.";
    case ErrorKind::Other:
        return "See the engine's message above; the engine's log may say more.";
    }
    return {};
}

Error makeError(ErrorKind kind, std::string message, int httpStatus)
{
    return Error{kind, httpStatus, std::move(message), hintFor(kind)};
}

Error classifyEngineError(int httpStatus, std::string_view engineMessage)
{
    const std::string text = toLowerAscii(engineMessage);
    ErrorKind kind = ErrorKind::Other;

    // Message patterns come first: the same status carries different failures
    // (e.g. 500 for both an OS mismatch and a generic daemon error).
    if (contains(text, "0x80370101") || contains(text, "0xc0370101") ||
        contains(text, "container operating system does not match")) {
        kind = ErrorKind::OsMismatch;
    } else if (contains(text, "0x80370102") || contains(text, "a required feature is not installed") ||
               contains(text, "no hypervisor is present") || contains(text, "0xc0351000")) {
        kind = ErrorKind::HypervisorMissing;
    } else if (contains(text, "no matching manifest") || contains(text, "image is incompatible with")) {
        kind = ErrorKind::NoMatchingManifest;
    } else if (contains(text, "invalid isolation")) {
        kind = ErrorKind::InvalidIsolation;
    } else if (auto versionError = apiVersionRefusal(httpStatus, engineMessage, text)) {
        return *versionError;
    } else if (contains(text, "is already in use by container")) {
        kind = ErrorKind::NameConflict;
    } else if (isNetworkFailure(text) && isRegistryRequest(text)) {
        const auto host = registryHost(engineMessage, text);
        return makeError(ErrorKind::RegistryUnreachable,
                         "The engine cannot reach the registry" + (host.empty() ? "" : " (" + host + ")") +
                             ": " + std::string(engineMessage),
                         httpStatus);
    } else if (contains(text, "no such image") || contains(text, "manifest unknown") ||
               contains(text, "pull access denied") || contains(text, "repository does not exist") ||
               (contains(text, "not found") && contains(text, "manifest"))) {
        kind = ErrorKind::ImageNotFound;
    } else if (contains(text, "no such container")) {
        kind = ErrorKind::ContainerNotFound;
    } else if (contains(text, "http request to an https server")) {
        kind = ErrorKind::TlsFailure;
    } else if (httpStatus == 403 && contains(text, "permission denied")) {
        kind = ErrorKind::PermissionDenied;
    }
    return makeError(kind, std::string(engineMessage), httpStatus);
}

std::string Error::whatHappened() const
{
    std::string out = message.empty() ? std::string(toString(kind)) : message;
    if (httpStatus != 0)
        out += " (HTTP " + std::to_string(httpStatus) + ")";
    return out;
}

std::string Error::describe() const
{
    std::string out = whatHappened();
    if (!hint.empty())
        out += " \u2014 " + hint;
    return out;
}

} // namespace isolens
