#include "isolens/core/engine_client.hpp"

#include "isolens/core/engine_json.hpp"
#include "isolens/core/http_transport.hpp"
#include "isolens/core/output_demux.hpp"
#include "isolens/core/url_encoding.hpp"

#include <algorithm>
#include <cctype>

namespace isolens {

using nlohmann::json;

namespace {

Error errorFromReply(const HttpResponse& reply)
{
    auto message = engineErrorMessage(reply.body);
    if (message.empty())
        message = "The engine answered HTTP " + std::to_string(reply.status) + " with no message";
    return classifyEngineError(reply.status, message);
}

Result<json> parseJsonBody(const std::string& body, const std::string& what)
{
    auto parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded())
        return makeError(ErrorKind::ProtocolError, "The engine's reply to " + what + " is not valid JSON");
    return parsed;
}

// Container names and IDs use [a-zA-Z0-9_.-] only (a leading '/' is the engine's own spelling).
Result<std::string> containerPath(const std::string& reference, const std::string& suffix = {})
{
    std::string_view id = reference;
    if (id.starts_with('/'))
        id.remove_prefix(1);
    if (id.empty())
        return makeError(ErrorKind::InvalidInput, "No container was named");
    const bool valid = std::all_of(id.begin(), id.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '.' || c == '-';
    });
    if (!valid || id == "." || id == "..")
        return makeError(ErrorKind::InvalidInput, "'" + reference + "' is not a container name or ID");
    return "/containers/" + encodePathSegment(id) + suffix;
}

} // namespace

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
    std::optional<ApiVersion> server;
    if (!pinged.value().serverApiVersion.empty())
        server = ApiVersion::parse(pinged.value().serverApiVersion);
    const auto negotiated = negotiateApiVersion(server);
    if (negotiated < kClientMinApiVersion)
        return makeError(ErrorKind::ApiVersionTooOld, "The engine speaks API " + negotiated.str() +
                                                          ", older than the " + kClientMinApiVersion.str() +
                                                          " IsoLens needs");
    version_ = negotiated;
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
                                        std::optional<std::chrono::milliseconds> responseTimeout)
{
    auto target = versionedPath(path);
    if (!target)
        return target.error();
    auto requestOptions = options_.requests;
    if (responseTimeout)
        requestOptions.responseTimeout = *responseTimeout;
    auto reply = sendRequest(endpoint_, HttpRequest{method, target.value(), std::move(body)}, requestOptions);
    if (!reply)
        return reply.error();
    if (!reply.value().ok() && reply.value().status != 304)
        return errorFromReply(reply.value());
    return reply;
}

Result<json> EngineClient::callJson(HttpMethod method, const std::string& path,
                                    std::optional<std::string> body)
{
    auto reply = call(method, path, std::move(body));
    if (!reply)
        return reply.error();
    return parseJsonBody(reply.value().body, path);
}

Result<void> EngineClient::callExpectingNoContent(HttpMethod method, const std::string& path)
{
    auto reply = call(method, path);
    if (!reply)
        return reply.error();
    return success();
}

Result<void> EngineClient::streamJsonLines(const std::string& path, std::optional<std::string> body,
                                           const std::function<bool(const json&)>& onJson,
                                           CancelToken* cancel, HttpMethod method)
{
    auto target = versionedPath(path);
    if (!target)
        return target.error();
    std::optional<Error> badLine;
    auto onLine = [&](std::string_view line) {
        auto parsed = json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (parsed.is_discarded()) {
            badLine = makeError(ErrorKind::ProtocolError, "The engine sent a line that is not JSON on " +
                                                              path + ": " + std::string(line.substr(0, 200)));
            return false;
        }
        return onJson(parsed);
    };
    auto reply = streamRequest(endpoint_, HttpRequest{method, target.value(), std::move(body)}, onLine,
                               options_.requests, cancel);
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
    auto body = callJson(HttpMethod::Get, "/version");
    if (!body)
        return body.error();
    return parseVersionInfo(body.value());
}

Result<EngineInfo> EngineClient::info()
{
    auto body = callJson(HttpMethod::Get, "/info");
    if (!body)
        return body.error();
    return parseEngineInfo(body.value());
}

Result<std::vector<ImageSummary>> EngineClient::listImages()
{
    auto body = callJson(HttpMethod::Get, "/images/json");
    if (!body)
        return body.error();
    std::vector<ImageSummary> images;
    for (const auto& item : body.value())
        images.push_back(parseImageSummary(item));
    return images;
}

Result<ImageDetails> EngineClient::inspectImage(const std::string& reference)
{
    // Local names may be IDs (sha256:...) as well as references, so only refuse the unsendable.
    if (reference.empty() || reference.find_first_of(" \t\r\n") != std::string::npos)
        return makeError(ErrorKind::InvalidInput, "Invalid image name '" + reference + "'");
    auto body = callJson(HttpMethod::Get, "/images/" + encodePathSegment(reference, true) + "/json");
    if (!body)
        return body.error();
    return parseImageDetails(body.value());
}

Result<void> EngineClient::pullImage(const ImageReference& image, const PullOptions& options,
                                     const std::function<void(const PullEvent&)>& onProgress,
                                     CancelToken* cancel)
{
    QueryString query;
    query.add("fromImage", image.repository());
    if (!options.allTags)
        query.add("tag", !image.digest.empty() ? image.digest : (image.tag.empty() ? "latest" : image.tag));
    if (!options.platform.empty())
        query.add("platform", options.platform);

    std::optional<Error> failure;
    auto onJson = [&](const json& line) {
        const auto event = pullEventFromJson(line);
        if (event.error)
            failure = classifyEngineError(200, *event.error);
        if (onProgress)
            onProgress(event);
        return !failure;
    };
    auto streamed =
        streamJsonLines("/images/create" + query.str(), std::string{}, onJson, cancel, HttpMethod::Post);
    if (!streamed)
        return streamed.error();
    if (failure)
        return *failure;
    return success();
}

Result<CreatedContainer> EngineClient::createContainer(const ContainerSpec& spec)
{
    if (auto image = parseImageReference(spec.image); !image && spec.image.rfind("sha256:", 0) != 0)
        return image.error();
    std::string path = "/containers/create";
    if (!spec.name.empty()) {
        if (auto valid = validateContainerName(spec.name); !valid)
            return valid.error();
        path += QueryString().add("name", spec.name).str();
    }
    auto body = callJson(HttpMethod::Post, path, containerCreateBody(spec).dump());
    if (!body)
        return body.error();
    CreatedContainer created;
    created.id = body.value().value("Id", std::string{});
    if (auto warnings = body.value().find("Warnings"); warnings != body.value().end() && warnings->is_array())
        for (const auto& warning : *warnings)
            if (warning.is_string())
                created.warnings.push_back(warning.get<std::string>());
    return created;
}

Result<void> EngineClient::startContainer(const std::string& id)
{
    auto path = containerPath(id, "/start");
    if (!path)
        return path.error();
    return callExpectingNoContent(HttpMethod::Post, path.value());
}

Result<void> EngineClient::stopContainer(const std::string& id, int timeoutSeconds)
{
    auto path = containerPath(id, "/stop" + QueryString().add("t", std::to_string(timeoutSeconds)).str());
    if (!path)
        return path.error();
    // The engine waits up to timeoutSeconds before it kills: allow for that on top of the usual time-out.
    auto reply = call(HttpMethod::Post, path.value(), std::nullopt,
                      options_.requests.responseTimeout + std::chrono::seconds(timeoutSeconds));
    if (!reply)
        return reply.error();
    return success();
}

Result<void> EngineClient::killContainer(const std::string& id, const std::string& signal)
{
    auto path = containerPath(id, "/kill" + QueryString().add("signal", signal).str());
    if (!path)
        return path.error();
    return callExpectingNoContent(HttpMethod::Post, path.value());
}

Result<void> EngineClient::removeContainer(const std::string& id, bool force)
{
    auto path = containerPath(id, QueryString().add("force", force ? "1" : "0").add("v", "1").str());
    if (!path)
        return path.error();
    return callExpectingNoContent(HttpMethod::Delete, path.value());
}

Result<ContainerDetails> EngineClient::inspectContainer(const std::string& id)
{
    auto path = containerPath(id, "/json");
    if (!path)
        return path.error();
    auto body = callJson(HttpMethod::Get, path.value());
    if (!body)
        return body.error();
    return parseContainerDetails(body.value());
}

Result<ProcessTable> EngineClient::top(const std::string& id)
{
    auto path = containerPath(id, "/top");
    if (!path)
        return path.error();
    auto body = callJson(HttpMethod::Get, path.value());
    if (!body)
        return body.error();
    return parseProcessTable(body.value());
}

Result<std::vector<ContainerSummary>> EngineClient::listContainers(const EngineFilters& filters, bool all)
{
    QueryString query;
    if (all)
        query.add("all", "1");
    if (!filters.empty())
        query.add("filters", filtersJson(filters));
    auto body = callJson(HttpMethod::Get, "/containers/json" + query.str());
    if (!body)
        return body.error();
    std::vector<ContainerSummary> containers;
    for (const auto& item : body.value())
        containers.push_back(parseContainerSummary(item));
    return containers;
}

Result<json> EngineClient::statsOnce(const std::string& id)
{
    auto version = apiVersion();
    if (!version)
        return version.error();
    QueryString query;
    query.add("stream", "0");
    if (version.value() >= ApiVersion{1, 41}) // one-shot skips the engine's wait for a second sample
        query.add("one-shot", "1");
    auto path = containerPath(id, "/stats" + query.str());
    if (!path)
        return path.error();
    return callJson(HttpMethod::Get, path.value());
}

Result<void> EngineClient::streamStats(const std::string& id,
                                       const std::function<bool(const json&)>& onSample, CancelToken* cancel)
{
    auto path = containerPath(id, "/stats?stream=1");
    if (!path)
        return path.error();
    return streamJsonLines(path.value(), std::nullopt, onSample, cancel);
}

Result<std::string> EngineClient::createExec(const std::string& containerId,
                                             const std::vector<std::string>& command, bool attachOutput)
{
    if (command.empty())
        return makeError(ErrorKind::InvalidInput, "No command was given to run in the container");
    auto path = containerPath(containerId, "/exec");
    if (!path)
        return path.error();
    json body = {
        {"Cmd", command}, {"AttachStdout", attachOutput}, {"AttachStderr", attachOutput}, {"Tty", false}};
    auto reply = callJson(HttpMethod::Post, path.value(), body.dump());
    if (!reply)
        return reply.error();
    auto id = reply.value().value("Id", std::string{});
    if (id.empty())
        return makeError(ErrorKind::ProtocolError, "The engine created an exec without an Id");
    return id;
}

Result<void> EngineClient::startExecDetached(const std::string& execId)
{
    json body = {{"Detach", true}, {"Tty", false}};
    auto reply = call(HttpMethod::Post, "/exec/" + encodePathSegment(execId) + "/start", body.dump());
    if (!reply)
        return reply.error();
    return success();
}

Result<ExecState> EngineClient::inspectExec(const std::string& execId)
{
    auto body = callJson(HttpMethod::Get, "/exec/" + encodePathSegment(execId) + "/json");
    if (!body)
        return body.error();
    return parseExecState(body.value());
}

Result<ExecResult> EngineClient::runExec(const std::string& containerId,
                                         const std::vector<std::string>& command)
{
    auto execId = createExec(containerId, command, /*attachOutput=*/true);
    if (!execId)
        return execId.error();
    // Attached start: the engine streams multiplexed output until the command exits, then closes.
    json body = {{"Detach", false}, {"Tty", false}};
    auto reply = call(HttpMethod::Post, "/exec/" + encodePathSegment(execId.value()) + "/start", body.dump());
    if (!reply)
        return reply.error();
    auto output = demultiplexOutput(reply.value().body);
    if (!output)
        return output.error();
    auto state = inspectExec(execId.value());
    if (!state)
        return state.error();
    return ExecResult{state.value().exitCode, std::move(output.value().out), std::move(output.value().err)};
}

Result<void> EngineClient::streamEvents(const EngineFilters& filters,
                                        const std::function<bool(const EngineEvent&)>& onEvent,
                                        CancelToken* cancel)
{
    QueryString query;
    if (!filters.empty())
        query.add("filters", filtersJson(filters));
    return streamJsonLines(
        "/events" + query.str(), std::nullopt,
        [&](const json& line) { return onEvent(parseEngineEvent(line)); }, cancel);
}

} // namespace isolens
