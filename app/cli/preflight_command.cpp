#include "preflight_command.hpp"

#include "isolens/core/base/json_text.hpp"
#include "isolens/core/base/safe_text.hpp"

#include "isolens/core/session/preflight.hpp"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <iostream>

using namespace isolens;

namespace {

std::string buildText(const std::optional<unsigned>& build, BuildSource source)
{
    if (!build)
        return "unknown";
    return std::to_string(*build) + " (from " +
           (source == BuildSource::Tag ? std::string("the tag") : std::string(toString(source))) + ")";
}

void print(const PreflightReport& report)
{
    std::cout << std::left << std::setw(14) << "Image" << report.image << '\n';
    std::cout << std::setw(14) << "Image build" << buildText(report.imageBuild, report.imageBuildSource)
              << '\n';
    if (report.engineOs != EngineOs::Linux)
        std::cout << std::setw(14) << "Host build" << buildText(report.hostBuild, report.hostBuildSource)
                  << '\n';
    else
        std::cout << std::setw(14) << "Engine"
                  << "linux: only 'default' isolation; the pair is two runtimes\n";
    for (const auto& verdict : report.modes) {
        std::cout << std::setw(14) << verdict.mode.label << windows::toString(verdict.verdict);
        if (!verdict.message.empty())
            std::cout << ": " << escapeForTerminal(verdict.message);
        std::cout << '\n';
        if (!verdict.suggestion.empty())
            std::cout << std::setw(14) << ""
                      << "use instead: " << verdict.suggestion << '\n';
    }
}

nlohmann::json toJson(const PreflightReport& report)
{
    nlohmann::json out = {
        {"image", report.image},
        {"engine_os", report.engineOs ? std::string(toString(*report.engineOs)) : std::string()},
        {"host_build", jsonOrNull(report.hostBuild)},
        {"host_build_source", std::string(toString(report.hostBuildSource))},
        {"image_build", jsonOrNull(report.imageBuild)},
        {"image_build_source", std::string(toString(report.imageBuildSource))},
        {"modes", nlohmann::json::array()}};
    for (const auto& verdict : report.modes)
        out["modes"].push_back({{"label", verdict.mode.label},
                                {"isolation", verdict.mode.isolation},
                                {"runtime", verdict.mode.runtime},
                                {"verdict", windows::toString(verdict.verdict)},
                                {"message", verdict.message},
                                {"suggestion", verdict.suggestion}});
    return out;
}

} // namespace

int runPreflightCommand(const CliContext& context, const PreflightOptions& options)
{
    auto image = parseImageReference(options.image);
    if (!image)
        return reportError(context, image.error());
    PreflightRequest request;
    request.offline = options.offline;
    if (!options.hostBuild.empty()) {
        auto build = windows::parseBuild(options.hostBuild);
        if (!build)
            return reportError(context,
                               makeError(ErrorKind::InvalidInput,
                                         "--host-build '" + options.hostBuild +
                                             "' is not a Windows build such as 20348 or 20348.2113"));
        request.hostBuild = build->number;
    }
    std::optional<EngineConnection> engine;
    if (!options.offline) {
        auto connected = connectToEngine(context);
        if (!connected)
            return reportError(context, connected.error());
        engine = std::move(connected.value());
    }
    auto report = runPreflight(image.value(), request, engine ? engine->client.get() : nullptr);
    if (!report)
        return reportError(context, report.error());
    if (context.json)
        std::cout << dumpJson(toJson(report.value()), 2) << '\n';
    else
        print(report.value());
    return 0;
}
