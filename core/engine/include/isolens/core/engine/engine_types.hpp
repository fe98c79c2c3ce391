#pragma once

#include "isolens/core/engine/hardening.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// Plain value types for what the Docker Engine API returns and accepts.
namespace isolens {

using Labels = std::map<std::string, std::string>;

struct PingInfo {
    std::string serverApiVersion; // Api-Version header; empty when the engine sent none (means 1.24)
    std::string osType;           // Ostype header: "linux" or "windows"
    bool experimental = false;
    std::string builderVersion;
};

struct VersionInfo {
    std::string version;
    std::string apiVersion;
    std::string minApiVersion;
    std::string os;
    std::string arch;
    std::string kernelVersion;
    std::string gitCommit;
};

struct EngineInfo {
    std::string osType;          // linux | windows
    std::string operatingSystem; // e.g. "Windows Server 2022 Datacenter Version 2009 (OS Build 20348.2113)"
    std::string osVersion;
    std::string kernelVersion;    // Windows: "10.0 20348 (20348.1.amd64fre...)"
    std::string defaultIsolation; // Windows: hyperv | process; Linux: "" (only default exists)
    std::string defaultRuntime;
    std::vector<std::string> runtimes;
    std::string serverVersion;
    std::string architecture;
    std::string name;
    int cpus = 0;
    std::int64_t memoryBytes = 0;
    int containers = 0;
    int containersRunning = 0;
    int images = 0;
};

struct ImageSummary {
    std::string id;
    std::vector<std::string> repoTags;
    std::int64_t sizeBytes = 0;
    std::int64_t created = 0; // seconds since the epoch
    Labels labels;
};

struct ImageDetails {
    std::string id;
    std::vector<std::string> repoTags;
    std::string os;
    std::string osVersion; // Windows images: "10.0.20348.2113"
    std::string architecture;
    std::int64_t sizeBytes = 0;
    Labels labels; // Config.Labels: copied onto every container run from the image
};

// What to create: the same spec, with a different isolation or runtime, makes the two sides of a pair.
struct ContainerSpec {
    std::string name; // empty: the engine picks one
    std::string image;
    std::vector<std::string> command;
    Labels labels;
    std::string isolation; // "", "default", "process" or "hyperv"
    std::string runtime;   // "" for the engine's default
    std::optional<std::int64_t> nanoCpus;
    std::optional<std::int64_t> memoryBytes;
    std::optional<int> cpuCount; // Windows only
    std::string networkMode;     // "" for the engine's default; hardening.noNetwork overrides it
    Hardening hardening;         // none by default
};

// One platform of an image in its registry (GET /distribution/{name}/json).
struct ImagePlatform {
    std::string os;           // "windows", "linux"
    std::string architecture; // "amd64"
    std::string osVersion;    // "10.0.20348.2113" for Windows images
};

struct CreatedContainer {
    std::string id;
    std::vector<std::string> warnings;
};

// What removing a container does with the anonymous volumes it created (`VOLUME` in its image).
enum class AnonymousVolumes { Keep, Remove };

struct ContainerSummary {
    std::string id;
    std::string name;    // without the leading '/'
    std::string image;   // as the container was created with it (a name may have moved since)
    std::string imageId; // the image it runs, "sha256:..."
    std::string state;   // created | running | exited | ...
    std::string status;
    Labels labels;
    std::int64_t created = 0;
};

struct ContainerDetails {
    std::string id;
    std::string name;
    std::string image;
    std::string status; // State.Status
    bool running = false;
    int pid = 0;
    int exitCode = 0;
    std::string error;
    std::string created; // RFC 3339, when it was created
    std::string startedAt;
    std::string finishedAt;
    std::string isolation;
    std::string runtime;
    std::string platform;
    Labels labels;
    std::int64_t nanoCpus = 0;
    std::int64_t memoryBytes = 0;
    int cpuCount = 0;
    std::string networkMode;                  // HostConfig.NetworkMode
    std::int64_t pidsLimit = 0;               // HostConfig.PidsLimit: 0 (or absent) when unlimited
    std::vector<std::string> securityOptions; // HostConfig.SecurityOpt
};

struct ProcessTable {
    std::vector<std::string> titles;
    std::vector<std::vector<std::string>> processes;
};

struct ExecResult {
    int exitCode = 0;
    std::string output; // stdout
    std::string errors; // stderr
};

struct ExecState {
    bool running = false;
    int exitCode = 0;
    int pid = 0;
};

struct EngineEvent {
    std::string type;   // container | image | network | ...
    std::string action; // start | die | pull | ...
    std::string actorId;
    Labels attributes;
    std::int64_t timeNano = 0;
};

// Filters as the engine takes them, e.g. {"label": {"isolens.session=abc"}}.
using EngineFilters = std::map<std::string, std::vector<std::string>>;

} // namespace isolens
