// The engine's JSON replies, from a (possibly hostile) engine, through the parsers that make IsoLens
// types of them. The first byte picks the reply; the rest is its body, parsed as the client parses it.
// Each field must come out as the reply had it, clamped to its range, or as the default: never a throw.
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/engine/engine_json.hpp"

#include "reply_checks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace reply_checks;
using nlohmann::json;

void info(const json& j)
{
    const auto info = isolens::parseEngineInfo(j);
    for (const auto& [key, got] : {std::pair{"OSType", &info.osType},
                                   {"OperatingSystem", &info.operatingSystem},
                                   {"OSVersion", &info.osVersion},
                                   {"KernelVersion", &info.kernelVersion},
                                   {"Isolation", &info.defaultIsolation},
                                   {"DefaultRuntime", &info.defaultRuntime},
                                   {"ServerVersion", &info.serverVersion},
                                   {"Architecture", &info.architecture},
                                   {"Name", &info.name}})
        checkText(j, key, *got);
    checkCount(j, "NCPU", info.cpus);
    checkCount(j, "MemTotal", info.memoryBytes);
    checkCount(j, "Containers", info.containers);
    checkCount(j, "ContainersRunning", info.containersRunning);
    checkCount(j, "Images", info.images);
    const auto& runtimes = member(j, "Runtimes");
    check(info.runtimes.size() == (runtimes.is_object() ? runtimes.size() : 0));
    check(std::is_sorted(info.runtimes.begin(), info.runtimes.end()));
    check(!isolens::describeDefaultIsolation(info).empty());
}

void version(const json& j)
{
    const auto version = isolens::parseVersionInfo(j);
    for (const auto& [key, got] : {std::pair{"Version", &version.version},
                                   {"ApiVersion", &version.apiVersion},
                                   {"MinAPIVersion", &version.minApiVersion},
                                   {"Os", &version.os},
                                   {"Arch", &version.arch},
                                   {"KernelVersion", &version.kernelVersion},
                                   {"GitCommit", &version.gitCommit}})
        checkText(j, key, *got);
    const auto api = isolens::negotiateApiVersion(isolens::ApiVersion::parse(version.apiVersion));
    check(api <= isolens::kClientMaxApiVersion);
}

void imageSummary(const json& j)
{
    const auto image = isolens::parseImageSummary(j);
    checkText(j, "Id", image.id);
    checkStrings(member(j, "RepoTags"), image.repoTags);
    checkCount(j, firstPresent(j, "Size", "VirtualSize"), image.sizeBytes);
    checkCount(j, "Created", image.created);
    checkLabels(member(j, "Labels"), image.labels);
}

void imageDetails(const json& j)
{
    const auto image = isolens::parseImageDetails(j);
    checkText(j, "Id", image.id);
    checkStrings(member(j, "RepoTags"), image.repoTags);
    checkText(j, "Os", image.os);
    checkText(j, "OsVersion", image.osVersion);
    checkText(j, "Architecture", image.architecture);
    checkCount(j, firstPresent(j, "Size", "VirtualSize"), image.sizeBytes);
    checkLabels(member(member(j, "Config"), "Labels"), image.labels);
}

void containerSummary(const json& j)
{
    const auto container = isolens::parseContainerSummary(j);
    checkText(j, "Id", container.id);
    checkText(j, "Image", container.image);
    checkText(j, "ImageID", container.imageId);
    checkText(j, "State", container.state);
    checkText(j, "Status", container.status);
    checkCount(j, "Created", container.created);
    checkLabels(member(j, "Labels"), container.labels);
    checkUtf8(container.name);
}

// An inspect reply, and the exit report IsoLens makes of it (with the output the rest of the reply gives).
void containerDetails(const json& j, std::string_view output)
{
    const auto container = isolens::parseContainerDetails(j);
    checkText(j, "Id", container.id);
    checkText(j, "Platform", container.platform);
    const auto& state = member(j, "State");
    checkText(state, "Status", container.status);
    checkFlag(state, "Running", container.running);
    checkCount(state, "Pid", container.pid);
    checkCount(state, "ExitCode", container.exitCode);
    checkText(state, "Error", container.error);
    const auto& host = member(j, "HostConfig");
    checkText(host, "Isolation", container.isolation);
    checkText(host, "Runtime", container.runtime);
    checkCount(host, "NanoCpus", container.nanoCpus);
    checkCount(host, "Memory", container.memoryBytes);
    checkCount(host, "CpuCount", container.cpuCount);
    checkLabels(member(member(j, "Config"), "Labels"), container.labels);
    checkUtf8(container.name);

    const auto exit = isolens::containerExitFrom(container, output);
    check(exit.exitCode == container.exitCode);
    if (exit.ranSeconds)
        check(std::isfinite(*exit.ranSeconds) && *exit.ranSeconds >= 0.0);
    check(exit.lastOutput.size() <= static_cast<std::size_t>(isolens::kExitOutputLines));
    for (const auto& line : exit.lastOutput) {
        check(!line.empty() && line.find('\n') == std::string::npos);
        check(line.size() <= isolens::kExitLineBytes + std::string_view("\u2026").size());
        checkUtf8(line); // the output is a parsed body, so UTF-8, and a long line is cut between characters
    }
    check(!isolens::describeExit(exit).empty());
}

void processTable(const json& j)
{
    const auto table = isolens::parseProcessTable(j);
    checkStrings(member(j, "Titles"), table.titles);
    const auto& rows = member(j, "Processes");
    check(table.processes.size() == (rows.is_array() ? rows.size() : 0));
    for (std::size_t i = 0; i < table.processes.size(); ++i)
        checkStrings(rows[i], table.processes[i]);
}

void execState(const json& j)
{
    const auto exec = isolens::parseExecState(j);
    checkFlag(j, "Running", exec.running);
    checkCount(j, "ExitCode", exec.exitCode);
    checkCount(j, "Pid", exec.pid);
}

void engineEvent(const json& j)
{
    const auto event = isolens::parseEngineEvent(j);
    checkText(j, "Type", event.type);
    checkText(j, firstPresent(j, "Action", "status"), event.action);
    // The actor's ID, or the top-level id of engines before API 1.52 when the actor names none.
    const auto& actor = member(j, "Actor");
    const auto* id = find(actor, "ID");
    const bool actorNamed = id != nullptr && id->is_string() && !id->get<std::string>().empty();
    checkText(actorNamed ? actor : j, actorNamed ? "ID" : "id", event.actorId);
    checkLabels(member(member(j, "Actor"), "Attributes"), event.attributes);
    checkCount(j, "timeNano", event.timeNano);
}

// A recording's "exited" event: reading what was written gives what was read.
void recordedExit(const json& j)
{
    const auto exit = isolens::exitFromJson(j);
    const auto again = isolens::exitFromJson(isolens::exitToJson(exit));
    check(again.exitCode == exit.exitCode && again.engineError == exit.engineError &&
          again.lastOutput == exit.lastOutput);
    check(again.ranSeconds.has_value() == exit.ranSeconds.has_value());
    if (exit.ranSeconds && !std::isnan(*exit.ranSeconds))
        check(*again.ranSeconds == *exit.ranSeconds);
    checkText(j, "engine_error", exit.engineError);
    checkStrings(member(j, "output"), exit.lastOutput);
    check(!isolens::describeExit(exit).empty());
}

// List replies are arrays; the client parses each element.
template <class Parse>
void eachOf(const json& j, Parse parse)
{
    if (j.is_array())
        for (const auto& item : j)
            parse(item);
    else
        parse(j); // a hostile engine may send anything: the element parser must cope too
}

void events(std::string_view body)
{
    while (!body.empty()) {
        const auto newline = body.find('\n');
        const auto parsed = parseLikeTheClient(body.substr(0, newline));
        if (!parsed.is_discarded())
            engineEvent(parsed);
        if (newline == std::string_view::npos)
            break;
        body.remove_prefix(newline + 1);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const auto which = data[0] % 11;
    const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
    if (which == 10) {
        events(body); // an NDJSON stream, one event a line
        return 0;
    }
    const auto j = parseLikeTheClient(body);
    if (j.is_discarded())
        return 0;
    switch (which) {
    case 0:
        info(j);
        break;
    case 1:
        version(j);
        break;
    case 2:
        eachOf(j, imageSummary);
        break;
    case 3:
        imageDetails(j);
        break;
    case 4:
        eachOf(j, containerSummary);
        break;
    case 5:
        containerDetails(j, body);
        break;
    case 6:
        processTable(j);
        break;
    case 7:
        execState(j);
        break;
    case 8:
        engineEvent(j);
        break;
    case 9:
        recordedExit(j);
        break;
    }
    return 0;
}
