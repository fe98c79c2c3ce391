#include "isolens/core/engine/engine_errors.hpp"

#include "isolens/core/base/text.hpp"
#include "isolens/core/engine/api_version.hpp"

#include <algorithm>
#include <initializer_list>
#include <optional>

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
        auto error = makeError(ErrorKind::NoMatchingManifest, std::string(engineMessage), httpStatus);
        // The kind's hint is about Windows builds (an image newer than the host); the engine names the
        // platform it looked for, and on any other ("linux/amd64") the image lacks that architecture.
        if (!contains(text, "windows"))
            error.hint = "The image has no variant for the engine's platform (named above): pick an image or "
                         "tag published for it (docker manifest inspect IMAGE lists the platforms an image "
                         "has), or build one for it.";
        return error;
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

} // namespace isolens
