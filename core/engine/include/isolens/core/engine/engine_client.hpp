#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/api_version.hpp"
#include "isolens/core/engine/engine_types.hpp"
#include "isolens/core/engine/image_reference.hpp"
#include "isolens/core/engine/output_demux.hpp"
#include "isolens/core/engine/pull_progress.hpp"
#include "isolens/core/transport/endpoint.hpp"
#include "isolens/core/transport/http_types.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

struct EngineClientOptions {
    std::optional<std::string> pinnedApiVersion; // DOCKER_API_VERSION: no negotiation
    RequestOptions requests;
};

struct PullOptions {
    bool allTags = false; // docker pull --all-tags
    std::string platform; // e.g. "windows/amd64"; empty for the engine's own
};

// A client for one Docker engine. Each call opens its own connection, so calls from several
// threads at once are fine. The API version is negotiated on the first call that needs it.
class EngineClient {
public:
    explicit EngineClient(Endpoint endpoint, EngineClientOptions options = {});

    const Endpoint& endpoint() const { return endpoint_; }

    Result<PingInfo> ping();
    // The API version used for requests: pinned, or negotiated with the engine.
    Result<ApiVersion> apiVersion();

    Result<VersionInfo> version();
    Result<EngineInfo> info();

    Result<std::vector<ImageSummary>> listImages();
    Result<ImageDetails> inspectImage(const std::string& reference);
    // The platforms the registry holds for a reference (its manifest list), asked through the engine.
    Result<std::vector<ImagePlatform>> imagePlatforms(const ImageReference& image);
    // Errors that the engine reports inside the 200 progress stream are returned as errors too.
    Result<void> pullImage(const ImageReference& image, const PullOptions& options,
                           const std::function<void(const PullEvent&)>& onProgress,
                           CancelToken* cancel = nullptr);

    Result<CreatedContainer> createContainer(const ContainerSpec& spec);
    Result<void> startContainer(const std::string& id);
    Result<void> stopContainer(const std::string& id, int timeoutSeconds = 10);
    Result<void> killContainer(const std::string& id, const std::string& signal = "KILL");
    // Anonymous volumes go too only when asked: only for containers IsoLens created itself.
    Result<void> removeContainer(const std::string& id, bool force = true,
                                 AnonymousVolumes volumes = AnonymousVolumes::Keep);
    // cancel (optional) ends the request at once, with ErrorKind::Cancelled.
    Result<ContainerDetails> inspectContainer(const std::string& id, CancelToken* cancel = nullptr);
    // The last lines a container wrote (stdout and stderr), also after it exited. For containers
    // created without a TTY, as IsoLens creates them.
    Result<DemuxedOutput> containerLogs(const std::string& id, int tailLines, CancelToken* cancel = nullptr);
    Result<ProcessTable> top(const std::string& id, CancelToken* cancel = nullptr);
    Result<std::vector<ContainerSummary>> listContainers(const EngineFilters& filters = {}, bool all = true);

    // Raw stats JSON as the engine sends it; normalization is the stats module's job. By default the
    // engine waits for a second sample so the CPU figure has a previous one (as docker stats
    // --no-stream); oneShot answers at once, without it (API 1.41+).
    Result<nlohmann::json> statsOnce(const std::string& id, bool oneShot = false);
    // idleTimeout, when given, replaces the client's streamIdleTimeout for this stream.
    Result<void> streamStats(const std::string& id,
                             const std::function<bool(const nlohmann::json&)>& onSample,
                             CancelToken* cancel = nullptr,
                             std::optional<std::chrono::milliseconds> idleTimeout = std::nullopt);

    Result<std::string> createExec(const std::string& containerId, const std::vector<std::string>& command,
                                   bool attachOutput);
    Result<void> startExecDetached(const std::string& execId);
    Result<ExecState> inspectExec(const std::string& execId);
    // Runs a command to completion and returns its output and exit code.
    Result<ExecResult> runExec(const std::string& containerId, const std::vector<std::string>& command);

    Result<void> streamEvents(const EngineFilters& filters,
                              const std::function<bool(const EngineEvent&)>& onEvent,
                              CancelToken* cancel = nullptr);

private:
    Result<std::string> versionedPath(const std::string& path);
    Result<HttpResponse> call(HttpMethod method, const std::string& path,
                              std::optional<std::string> body = {},
                              std::optional<std::chrono::milliseconds> responseTimeout = {},
                              CancelToken* cancel = nullptr);
    Result<nlohmann::json> callJson(HttpMethod method, const std::string& path,
                                    std::optional<std::string> body = {}, CancelToken* cancel = nullptr);
    Result<nlohmann::json> containerJson(HttpMethod method, const std::string& id, const std::string& suffix,
                                         CancelToken* cancel = nullptr);
    Result<void> containerAction(HttpMethod method, const std::string& id, const std::string& suffix,
                                 std::optional<std::chrono::milliseconds> responseTimeout = {});
    Result<void> streamJsonLines(const std::string& path, std::optional<std::string> body,
                                 const std::function<bool(const nlohmann::json&)>& onJson,
                                 CancelToken* cancel, HttpMethod method = HttpMethod::Get,
                                 std::optional<std::chrono::milliseconds> idleTimeout = std::nullopt);

    Endpoint endpoint_;
    EngineClientOptions options_;
    std::mutex versionMutex_;
    std::optional<ApiVersion> version_;
};

} // namespace isolens
