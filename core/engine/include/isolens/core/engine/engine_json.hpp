#pragma once

#include "isolens/core/engine/engine_types.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

// Conversions between the Engine API's JSON and our value types. Missing fields become defaults:
// engines of different versions and OSes omit different fields.
namespace isolens {

EngineInfo parseEngineInfo(const nlohmann::json& json);
VersionInfo parseVersionInfo(const nlohmann::json& json);
ImageSummary parseImageSummary(const nlohmann::json& json);
ImageDetails parseImageDetails(const nlohmann::json& json);
ContainerSummary parseContainerSummary(const nlohmann::json& json);
ContainerDetails parseContainerDetails(const nlohmann::json& json);
ProcessTable parseProcessTable(const nlohmann::json& json);
ExecState parseExecState(const nlohmann::json& json);
EngineEvent parseEngineEvent(const nlohmann::json& json);

nlohmann::json containerCreateBody(const ContainerSpec& spec);
std::string filtersJson(const EngineFilters& filters);

// The engine's error text from an error reply body ({"message": ...}), or the body itself.
std::string engineErrorMessage(std::string_view body);

} // namespace isolens
