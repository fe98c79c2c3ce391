#include "engine_client_detail.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/base/url_encoding.hpp"
#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/transport/http_transport.hpp"

namespace isolens {

using namespace detail;

EngineClient::EngineClient(Endpoint endpoint, EngineClientOptions options)
    : endpoint_(std::move(endpoint))
    , options_(std::move(options))
{}

Result<PingInfo> EngineClient::ping()
{
    HttpRequest request{HttpMethod::Head, "/_ping", std::nullopt};
    auto reply = sendRequest(endpoint_, request, options_.requests);
    if (reply && !reply.value().ok()) { // engines before HEAD support answer GET only
        request.method = HttpMethod::Get;
        reply = sendRequest(endpoint_, request, options_.requests);
    }
    if (!reply)
        return reply.error();
    if (!reply.value().ok())
        return errorFromReply(reply.value());
    const auto& r = reply.value();
    if (r.header("api-version").empty() && r.header("ostype").empty() &&
        r.header("server").find("Docker") == std::string::npos)
        return makeError(ErrorKind::ProtocolError,
                         endpoint_.url +
                             " answered /_ping without any Docker headers: it is not a Docker engine");
    PingInfo ping;
    ping.serverApiVersion = r.header("api-version");
    ping.osType = r.header("ostype");
    ping.experimental = r.header("docker-experimental") == "true";
    ping.builderVersion = r.header("builder-version");
    return ping;
}

Result<ApiVersion> EngineClient::apiVersion()
{
    std::lock_guard lock(versionMutex_);
    if (version_)
        return *version_;
    if (options_.pinnedApiVersion) {
        auto pinned = ApiVersion::parse(*options_.pinnedApiVersion);
        if (!pinned)
            return makeError(ErrorKind::InvalidInput, "DOCKER_API_VERSION='" + *options_.pinnedApiVersion +
                                                          "' is not a version like 1.41");
        version_ = *pinned;
        return *version_;
    }
    auto pinged = ping();
    if (!pinged)
        return pinged.error();
    // /version without a version in its path is served at the engine's own API version, whatever its
    // minimum (moby daemon/server/middleware/version.go), and names that minimum: MinAPIVersion.
    auto reply =
        sendRequest(endpoint_, HttpRequest{HttpMethod::Get, "/version", std::nullopt}, options_.requests);
    if (!reply)
        return reply.error();
    if (!reply.value().ok())
        return errorFromReply(reply.value());
    auto body = parseJsonBody(reply.value().body, "/version");
    if (!body)
        return body.error();
    const auto engine = parseVersionInfo(body.value());
    // The body's ApiVersion, else the Api-Version header of the ping; an engine that names neither
    // speaks 1.24.
    auto serverMax = ApiVersion::parse(engine.apiVersion);
    if (!serverMax)
        serverMax = ApiVersion::parse(pinged.value().serverApiVersion);
    auto negotiated = negotiateApiVersion(serverMax, ApiVersion::parse(engine.minApiVersion));
    if (!negotiated)
        return negotiated.error();
    version_ = negotiated.value();
    return *version_;
}

Result<std::string> EngineClient::versionedPath(const std::string& path)
{
    auto version = apiVersion();
    if (!version)
        return version.error();
    return "/v" + version.value().str() + path;
}

Result<HttpResponse> EngineClient::call(HttpMethod method, const std::string& path,
                                        std::optional<std::string> body,
                                        std::optional<std::chrono::milliseconds> responseTimeout,
                                        CancelToken* cancel)
{
    auto target = versionedPath(path);
    if (!target)
        return target.error();
    auto requestOptions = options_.requests;
    if (responseTimeout)
        requestOptions.responseTimeout = *responseTimeout;
    auto reply =
        sendRequest(endpoint_, HttpRequest{method, target.value(), std::move(body)}, requestOptions, cancel);
    if (!reply)
        return reply.error();
    if (!reply.value().ok() && reply.value().status != 304)
        return errorFromReply(reply.value());
    return reply;
}

Result<json> EngineClient::callJson(HttpMethod method, const std::string& path,
                                    std::optional<std::string> body, CancelToken* cancel)
{
    auto reply = call(method, path, std::move(body), std::nullopt, cancel);
    if (!reply)
        return reply.error();
    return parseJsonBody(reply.value().body, path);
}

Result<json> EngineClient::containerJson(HttpMethod method, const std::string& id, const std::string& suffix,
                                         CancelToken* cancel)
{
    auto path = containerPath(id, suffix);
    if (!path)
        return path.error();
    return callJson(method, path.value(), std::nullopt, cancel);
}

Result<void> EngineClient::containerAction(HttpMethod method, const std::string& id,
                                           const std::string& suffix,
                                           std::optional<std::chrono::milliseconds> responseTimeout)
{
    auto path = containerPath(id, suffix);
    if (!path)
        return path.error();
    auto reply = call(method, path.value(), std::nullopt, responseTimeout);
    if (!reply)
        return reply.error();
    return success();
}

Result<void> EngineClient::streamJsonLines(const std::string& path, std::optional<std::string> body,
                                           const std::function<bool(const json&)>& onJson,
                                           CancelToken* cancel, HttpMethod method,
                                           std::optional<std::chrono::milliseconds> idleTimeout)
{
    auto target = versionedPath(path);
    if (!target)
        return target.error();
    std::optional<Error> badLine;
    auto onLine = [&](std::string_view line) {
        auto parsed = detail::parseJson(line);
        if (parsed.is_discarded()) {
            badLine = makeError(ErrorKind::ProtocolError, "The engine sent a line that is not JSON on " +
                                                              path + ": " + utf8Prefix(line, 200));
            return false;
        }
        return onJson(parsed);
    };
    auto requestOptions = options_.requests;
    if (idleTimeout)
        requestOptions.streamIdleTimeout = *idleTimeout;
    auto reply = streamRequest(endpoint_, HttpRequest{method, target.value(), std::move(body)}, onLine,
                               requestOptions, cancel);
    if (!reply)
        return reply.error();
    if (!reply.value().ok())
        return errorFromReply(reply.value());
    if (badLine)
        return *badLine;
    return success();
}

Result<VersionInfo> EngineClient::version()
{
    return parsed(callJson(HttpMethod::Get, "/version"), parseVersionInfo);
}

Result<EngineInfo> EngineClient::info()
{
    return parsed(callJson(HttpMethod::Get, "/info"), parseEngineInfo);
}

} // namespace isolens
