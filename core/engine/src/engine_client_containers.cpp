#include "engine_client_detail.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/safe_text.hpp"

#include "isolens/core/base/url_encoding.hpp"
#include "isolens/core/engine/engine_json.hpp"
#include "isolens/core/engine/output_demux.hpp"

namespace isolens {

using namespace detail;

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
    auto body = callJson(HttpMethod::Post, path, dumpJson(containerCreateBody(spec)));
    if (!body)
        return body.error();
    CreatedContainer created;
    created.id = detail::textField(body.value(), "Id");
    if (auto warnings = body.value().find("Warnings"); warnings != body.value().end() && warnings->is_array())
        for (const auto& warning : *warnings)
            if (warning.is_string())
                created.warnings.push_back(warning.get<std::string>());
    return created;
}

Result<void> EngineClient::startContainer(const std::string& id)
{
    return containerAction(HttpMethod::Post, id, "/start");
}

Result<void> EngineClient::stopContainer(const std::string& id, int timeoutSeconds)
{
    // The engine waits up to timeoutSeconds before it kills: allow for that on top of the usual time-out.
    return containerAction(HttpMethod::Post, id,
                           "/stop" + QueryString().add("t", std::to_string(timeoutSeconds)).str(),
                           options_.requests.responseTimeout + std::chrono::seconds(timeoutSeconds));
}

Result<void> EngineClient::killContainer(const std::string& id, const std::string& signal)
{
    return containerAction(HttpMethod::Post, id, "/kill" + QueryString().add("signal", signal).str());
}

Result<void> EngineClient::removeContainer(const std::string& id, bool force, AnonymousVolumes volumes)
{
    return containerAction(HttpMethod::Delete, id,
                           QueryString()
                               .add("force", force ? "1" : "0")
                               .add("v", volumes == AnonymousVolumes::Remove ? "1" : "0")
                               .str());
}

Result<ContainerDetails> EngineClient::inspectContainer(const std::string& id, CancelToken* cancel)
{
    return parsed(containerJson(HttpMethod::Get, id, "/json", cancel), parseContainerDetails);
}

Result<DemuxedOutput> EngineClient::containerLogs(const std::string& id, int tailLines, CancelToken* cancel)
{
    auto path = containerPath(
        id,
        "/logs" +
            QueryString().add("stdout", "1").add("stderr", "1").add("tail", std::to_string(tailLines)).str());
    if (!path)
        return path.error();
    auto reply = call(HttpMethod::Get, path.value(), std::nullopt, std::nullopt, cancel);
    if (!reply)
        return reply.error();
    return demultiplexOutput(reply.value().body);
}

Result<ProcessTable> EngineClient::top(const std::string& id, CancelToken* cancel)
{
    return parsed(containerJson(HttpMethod::Get, id, "/top", cancel), parseProcessTable);
}

Result<std::vector<ContainerSummary>> EngineClient::listContainers(const EngineFilters& filters, bool all)
{
    QueryString query;
    if (all)
        query.add("all", "1");
    if (!filters.empty())
        query.add("filters", filtersJson(filters));
    return parsed(callJson(HttpMethod::Get, "/containers/json" + query.str()), eachOf(parseContainerSummary));
}

Result<json> EngineClient::statsOnce(const std::string& id, bool oneShot)
{
    auto version = apiVersion();
    if (!version)
        return version.error();
    QueryString query;
    query.add("stream", "0");
    if (oneShot && version.value() >= ApiVersion{1, 41})
        query.add("one-shot", "1");
    return containerJson(HttpMethod::Get, id, "/stats" + query.str());
}

Result<void> EngineClient::streamStats(const std::string& id,
                                       const std::function<bool(const json&)>& onSample, CancelToken* cancel,
                                       std::optional<std::chrono::milliseconds> idleTimeout)
{
    auto path = containerPath(id, "/stats?stream=1");
    if (!path)
        return path.error();
    return streamJsonLines(path.value(), std::nullopt, onSample, cancel, HttpMethod::Get, idleTimeout);
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
    auto reply = callJson(HttpMethod::Post, path.value(), dumpJson(body));
    if (!reply)
        return reply.error();
    auto id = detail::textField(reply.value(), "Id");
    if (id.empty())
        return makeError(ErrorKind::ProtocolError, "The engine created an exec without an Id");
    return id;
}

Result<void> EngineClient::startExecDetached(const std::string& execId)
{
    json body = {{"Detach", true}, {"Tty", false}};
    auto reply = call(HttpMethod::Post, "/exec/" + encodePathSegment(execId) + "/start", dumpJson(body));
    if (!reply)
        return reply.error();
    return success();
}

Result<ExecState> EngineClient::inspectExec(const std::string& execId)
{
    return parsed(callJson(HttpMethod::Get, "/exec/" + encodePathSegment(execId) + "/json"), parseExecState);
}

Result<ExecResult> EngineClient::runExec(const std::string& containerId,
                                         const std::vector<std::string>& command)
{
    auto execId = createExec(containerId, command, /*attachOutput=*/true);
    if (!execId)
        return execId.error();
    // Attached start: the engine streams multiplexed output until the command exits, then closes.
    json body = {{"Detach", false}, {"Tty", false}};
    auto reply =
        call(HttpMethod::Post, "/exec/" + encodePathSegment(execId.value()) + "/start", dumpJson(body));
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
