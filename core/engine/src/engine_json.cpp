#include "isolens/core/engine/engine_json.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/safe_text.hpp"

#include <initializer_list>
#include <type_traits>

namespace isolens {

using detail::member;
using nlohmann::json;

namespace {

template <class T>
T field(const json& object, const char* key, T fallback = T{})
{
    if (!object.is_object())
        return fallback;
    auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return fallback;
    // A plain cast of 1e300 is undefined behaviour, and get<int>() would read true as 1: only numbers count.
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
        return it->is_number() ? detail::clampedInteger<T>(*it) : fallback;
    try {
        return it->get<T>();
    } catch (const json::exception&) {
        return fallback;
    }
}

Labels labelsOf(const json& object)
{
    Labels labels;
    if (!object.is_object())
        return labels;
    for (const auto& [key, value] : object.items())
        if (value.is_string())
            labels[key] = value.get<std::string>();
    return labels;
}

std::vector<std::string> stringList(const json& array)
{
    std::vector<std::string> out;
    if (array.is_array())
        for (const auto& item : array)
            if (item.is_string())
                out.push_back(item.get<std::string>());
    return out;
}

std::string withoutLeadingSlash(std::string name)
{
    if (!name.empty() && name.front() == '/')
        name.erase(0, 1);
    return name;
}

// The first of the keys that is set; for a field the engine renamed, the new name first.
template <class T>
T firstField(const json& object, std::initializer_list<const char*> keys)
{
    if (object.is_object())
        for (const char* key : keys)
            if (auto it = object.find(key); it != object.end() && !it->is_null())
                return field<T>(object, key);
    return T{};
}

} // namespace

// Engine API changes between v1.41 and v1.55 (moby api/docs/CHANGELOG.md at docker-v29.7.2) that touch a
// field IsoLens reads or sends, and how each is handled:
// - v1.44 omits VirtualSize from GET /images/json and /images/{name}/json: Size (the same figure, and
//   there in every version IsoLens speaks) is read, VirtualSize only when Size is missing.
// - v1.52 drops the deprecated status, id and from of GET /events: Action and Actor.ID are read (there
//   since v1.22), status and id only when those are missing.
// - v1.52 omits Config.Labels from GET /images/{name}/json when the image has none: no labels.
// - v1.52 adds os_type to GET /containers/{id}/stats: read by the stats normalizer (guessEngineOs).
// - v1.43 gives untagged images an empty RepoTags instead of "<none>:<none>": the image list in the
//   dashboard skips "<none>:<none>" for older engines.
// - v1.45 stops listing the short container ID in NetworkSettings.Networks.*.Aliases (DNSNames has it),
//   v1.52 drops NetworkSettings' top-level IPAddress and kin: IsoLens reads no NetworkSettings.
// - v1.48 deprecates "error" and "progress" in JSON progress streams: pull progress reads errorDetail
//   and progressDetail first (pull_progress.cpp).
// - v1.42 ignores HostConfig.KernelMemory, v1.52 Config.MacAddress: IsoLens sends neither. The create
//   body's other fields (Image, Cmd, Labels, HostConfig Isolation, Runtime, NanoCpus, Memory, CpuCount,
//   NetworkMode, PidsLimit, SecurityOpt) and the query parameters IsoLens sends are unchanged.
// - v1.52/v1.53 negotiate the content type of GET /events: IsoLens sends no Accept header and gets the
//   newline-delimited JSON it always got.

EngineInfo parseEngineInfo(const json& j)
{
    EngineInfo info;
    info.osType = field<std::string>(j, "OSType");
    info.operatingSystem = field<std::string>(j, "OperatingSystem");
    info.osVersion = field<std::string>(j, "OSVersion");
    info.kernelVersion = field<std::string>(j, "KernelVersion");
    info.defaultIsolation = field<std::string>(j, "Isolation");
    info.defaultRuntime = field<std::string>(j, "DefaultRuntime");
    if (const auto& runtimes = member(j, "Runtimes"); runtimes.is_object())
        for (const auto& [name, _] : runtimes.items())
            info.runtimes.push_back(name);
    info.serverVersion = field<std::string>(j, "ServerVersion");
    info.architecture = field<std::string>(j, "Architecture");
    info.name = field<std::string>(j, "Name");
    info.cpus = field<int>(j, "NCPU");
    info.memoryBytes = field<std::int64_t>(j, "MemTotal");
    info.containers = field<int>(j, "Containers");
    info.containersRunning = field<int>(j, "ContainersRunning");
    info.images = field<int>(j, "Images");
    return info;
}

VersionInfo parseVersionInfo(const json& j)
{
    VersionInfo version;
    version.version = field<std::string>(j, "Version");
    version.apiVersion = field<std::string>(j, "ApiVersion");
    version.minApiVersion = field<std::string>(j, "MinAPIVersion");
    version.os = field<std::string>(j, "Os");
    version.arch = field<std::string>(j, "Arch");
    version.kernelVersion = field<std::string>(j, "KernelVersion");
    version.gitCommit = field<std::string>(j, "GitCommit");
    return version;
}

ImageSummary parseImageSummary(const json& j)
{
    ImageSummary image;
    image.id = field<std::string>(j, "Id");
    image.repoTags = stringList(member(j, "RepoTags"));
    image.sizeBytes = firstField<std::int64_t>(j, {"Size", "VirtualSize"});
    image.created = field<std::int64_t>(j, "Created");
    image.labels = labelsOf(member(j, "Labels"));
    return image;
}

ImageDetails parseImageDetails(const json& j)
{
    ImageDetails image;
    image.id = field<std::string>(j, "Id");
    image.repoTags = stringList(member(j, "RepoTags"));
    image.os = field<std::string>(j, "Os");
    image.osVersion = field<std::string>(j, "OsVersion");
    image.architecture = field<std::string>(j, "Architecture");
    image.sizeBytes = firstField<std::int64_t>(j, {"Size", "VirtualSize"});
    image.labels = labelsOf(member(member(j, "Config"), "Labels"));
    return image;
}

ContainerSummary parseContainerSummary(const json& j)
{
    ContainerSummary container;
    container.id = field<std::string>(j, "Id");
    if (auto names = stringList(member(j, "Names")); !names.empty())
        container.name = withoutLeadingSlash(names.front());
    container.image = field<std::string>(j, "Image");
    container.imageId = field<std::string>(j, "ImageID");
    container.state = field<std::string>(j, "State");
    container.status = field<std::string>(j, "Status");
    container.labels = labelsOf(member(j, "Labels"));
    container.created = field<std::int64_t>(j, "Created");
    return container;
}

ContainerDetails parseContainerDetails(const json& j)
{
    ContainerDetails container;
    container.id = field<std::string>(j, "Id");
    container.name = withoutLeadingSlash(field<std::string>(j, "Name"));
    container.platform = field<std::string>(j, "Platform");
    container.created = field<std::string>(j, "Created");
    const auto& state = member(j, "State");
    container.status = field<std::string>(state, "Status");
    container.running = field<bool>(state, "Running");
    container.pid = field<int>(state, "Pid");
    container.exitCode = field<int>(state, "ExitCode");
    container.error = field<std::string>(state, "Error");
    container.startedAt = field<std::string>(state, "StartedAt");
    container.finishedAt = field<std::string>(state, "FinishedAt");
    const auto& config = member(j, "Config");
    container.image = field<std::string>(config, "Image");
    container.labels = labelsOf(member(config, "Labels"));
    const auto& host = member(j, "HostConfig");
    container.isolation = field<std::string>(host, "Isolation");
    container.runtime = field<std::string>(host, "Runtime");
    container.nanoCpus = field<std::int64_t>(host, "NanoCpus");
    container.memoryBytes = field<std::int64_t>(host, "Memory");
    container.cpuCount = field<int>(host, "CpuCount");
    container.networkMode = field<std::string>(host, "NetworkMode");
    container.pidsLimit = field<std::int64_t>(host, "PidsLimit");
    container.securityOptions = stringList(member(host, "SecurityOpt"));
    return container;
}

ProcessTable parseProcessTable(const json& j)
{
    ProcessTable table;
    table.titles = stringList(member(j, "Titles"));
    if (const auto& rows = member(j, "Processes"); rows.is_array())
        for (const auto& row : rows)
            table.processes.push_back(stringList(row));
    return table;
}

ExecState parseExecState(const json& j)
{
    return ExecState{field<bool>(j, "Running"), field<int>(j, "ExitCode"), field<int>(j, "Pid")};
}

EngineEvent parseEngineEvent(const json& j)
{
    EngineEvent event;
    event.type = field<std::string>(j, "Type");
    event.action = firstField<std::string>(j, {"Action", "status"});
    const auto& actor = member(j, "Actor");
    event.actorId = field<std::string>(actor, "ID");
    if (event.actorId.empty())
        event.actorId = field<std::string>(j, "id");
    event.attributes = labelsOf(member(actor, "Attributes"));
    event.timeNano = field<std::int64_t>(j, "timeNano");
    return event;
}

json containerCreateBody(const ContainerSpec& spec)
{
    json body = {{"Image", spec.image}};
    if (!spec.command.empty())
        body["Cmd"] = spec.command;
    if (!spec.labels.empty())
        body["Labels"] = spec.labels;
    json host = json::object();
    if (!spec.isolation.empty())
        host["Isolation"] = spec.isolation;
    if (!spec.runtime.empty())
        host["Runtime"] = spec.runtime;
    if (spec.nanoCpus)
        host["NanoCpus"] = *spec.nanoCpus;
    if (spec.memoryBytes)
        host["Memory"] = *spec.memoryBytes;
    if (spec.cpuCount)
        host["CpuCount"] = *spec.cpuCount;
    if (!spec.networkMode.empty())
        host["NetworkMode"] = spec.networkMode;
    addHardeningTo(host, spec.hardening);
    body["HostConfig"] = host;
    return body;
}

std::string filtersJson(const EngineFilters& filters)
{
    json out = json::object();
    for (const auto& [key, values] : filters)
        out[key] = values;
    return dumpJson(out);
}

std::string engineErrorMessage(std::string_view body)
{
    auto parsed = detail::parseJson(body);
    if (parsed.is_object() && parsed.contains("message") && parsed["message"].is_string())
        return parsed["message"].get<std::string>();
    std::string text(body);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
    return text;
}

} // namespace isolens
