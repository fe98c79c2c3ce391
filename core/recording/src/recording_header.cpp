#include "isolens/core/recording/recording_header.hpp"

#include "isolens/core/base/json_access.hpp"
#include "isolens/core/base/json_text.hpp"

#include <array>
#include <string_view>

namespace isolens {

using nlohmann::json;

namespace {

// The header's own keys; every other one is the extra's.
constexpr std::array<std::string_view, 16> kKnownKeys{
    "type",   "format", "version",     "app_version", "started", "image",  "command",    "workload",
    "engine", "host",   "recorded_by", "hardening",   "modes",   "limits", "invocation", "stacks"};

bool known(const std::string& key)
{
    for (const auto known : kKnownKeys)
        if (key == known)
            return true;
    return false;
}

std::vector<std::string> texts(const json& array)
{
    std::vector<std::string> out;
    if (!array.is_array())
        return out;
    for (const auto& item : array)
        if (item.is_string())
            out.push_back(item.get<std::string>());
    return out;
}

std::optional<std::int64_t> optionalInteger(const json& object, const char* key)
{
    const auto& value = detail::member(object, key);
    if (!value.is_number_integer())
        return std::nullopt;
    return detail::clampedInt64(value);
}

} // namespace

std::string RecordingHeader::hardeningDescription() const
{
    return detail::textField(hardening, "description");
}

std::string RecordingHeader::modeLabel(std::size_t side) const
{
    return side < modes.size() ? modes[side].label : std::string{};
}

json recordingHeaderToJson(const RecordingHeader& header)
{
    json out = header.extra.is_object() ? header.extra : json::object();
    out["type"] = "header";
    out["format"] = "isolens-recording";
    out["version"] = header.version;
    out["app_version"] = header.appVersion;
    out["started"] = header.startedNanos;
    out["image"] = header.image;
    out["command"] = header.command;
    out["workload"] = header.workload;
    out["engine"] = {{"os_type", header.engine.osType},
                     {"version", header.engine.version},
                     {"endpoint", header.engine.endpoint}};
    out["host"] = {{"description", header.hostDescription}};
    out["recorded_by"] = header.recordedBy;
    out["hardening"] = header.hardening;
    out["modes"] = json::array();
    for (const auto& mode : header.modes)
        out["modes"].push_back(
            {{"label", mode.label}, {"isolation", mode.isolation}, {"runtime", mode.runtime}});
    out["limits"] = {{"memory_bytes", jsonOrNull(header.limits.memoryBytes)},
                     {"nano_cpus", jsonOrNull(header.limits.nanoCpus)}};
    out["invocation"] = header.invocation;
    if (header.stacks)
        out["stacks"] = {{"label", header.stacks->label}};
    else
        out.erase("stacks"); // an extra's, from a file that had it in another shape
    return out;
}

RecordingHeader recordingHeaderFromJson(const json& in)
{
    RecordingHeader header;
    if (!in.is_object())
        return header;
    const auto& version = detail::member(in, "version");
    header.version = version.is_number() ? detail::clampedInteger<int>(version) : kRecordingFormatVersion;
    header.appVersion = detail::textField(in, "app_version");
    header.startedNanos = detail::integerField(in, "started");
    header.image = detail::textField(in, "image");
    header.command = texts(detail::member(in, "command"));
    header.workload = texts(detail::member(in, "workload"));
    const auto& engine = detail::member(in, "engine");
    header.engine = {detail::textField(engine, "os_type"), detail::textField(engine, "version"),
                     detail::textField(engine, "endpoint")};
    header.hostDescription = detail::textField(detail::member(in, "host"), "description");
    header.recordedBy = detail::textField(in, "recorded_by");
    if (const auto& hardening = detail::member(in, "hardening"); hardening.is_object())
        header.hardening = hardening;
    if (const auto& modes = detail::member(in, "modes"); modes.is_array())
        for (const auto& mode : modes) // one that is not an object keeps its place, empty
            header.modes.push_back({detail::textField(mode, "label"), detail::textField(mode, "isolation"),
                                    detail::textField(mode, "runtime")});
    const auto& limits = detail::member(in, "limits");
    header.limits = {optionalInteger(limits, "memory_bytes"), optionalInteger(limits, "nano_cpus")};
    header.invocation = texts(detail::member(in, "invocation"));
    if (const auto& stacks = detail::member(in, "stacks"); stacks.is_object())
        header.stacks = RecordedStacks{detail::textField(stacks, "label")};
    for (const auto& [key, value] : in.items())
        if (!known(key))
            header.extra[key] = value;
    return header;
}

} // namespace isolens
