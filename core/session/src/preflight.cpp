#include "isolens/core/session/preflight.hpp"

#include <algorithm>

namespace isolens {

namespace {

const std::vector<IsolationMode>& windowsModes()
{
    static const std::vector<IsolationMode> modes{{"Hyper-V", "hyperv", ""}, {"process", "process", ""}};
    return modes;
}

// The build the engine would pull from a manifest list: the newest not newer than the host.
// Nothing when every Windows entry is newer (the pull then fails with "no matching manifest").
struct RegistryBuild {
    std::optional<unsigned> build;
    std::optional<unsigned> newest; // for the message when none fits
    bool windows = false;
};

RegistryBuild buildFromRegistry(const std::vector<ImagePlatform>& platforms, unsigned hostBuild)
{
    RegistryBuild result;
    for (const auto& platform : platforms) {
        if (platform.os != "windows" || (platform.architecture != "amd64" && !platform.architecture.empty()))
            continue;
        result.windows = true;
        const auto build = windows::parseBuild(platform.osVersion);
        if (!build)
            continue;
        result.newest = std::max(result.newest.value_or(0), build->number);
        if (build->number <= hostBuild)
            result.build = std::max(result.build.value_or(0), build->number);
    }
    return result;
}

} // namespace

std::string_view toString(BuildSource source)
{
    switch (source) {
    case BuildSource::None:
        return "";
    case BuildSource::HostBuildOption:
        return "--host-build";
    case BuildSource::Engine:
        return "engine";
    case BuildSource::Tag:
        return "tag";
    case BuildSource::LocalImage:
        return "local image";
    case BuildSource::Registry:
        return "registry";
    }
    return "";
}

std::vector<ModeVerdict> windowsVerdicts(const ImageReference& image, std::optional<unsigned> hostBuild,
                                         std::optional<unsigned> imageBuild, const std::string& unknownReason)
{
    std::vector<ModeVerdict> verdicts;
    for (const auto& mode : windowsModes()) {
        ModeVerdict verdict{mode, windows::Verdict::Unknown, unknownReason, {}};
        if (hostBuild && imageBuild) {
            verdict.verdict = windows::predict(mode.isolation, *hostBuild, *imageBuild);
            verdict.message = windows::expectedMessage(verdict.verdict, *hostBuild, *imageBuild);
        }
        if (hostBuild && verdict.verdict != windows::Verdict::Ok)
            verdict.suggestion =
                windows::suggestTag(image.repository(), *hostBuild, mode.isolation).value_or("");
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

Result<PreflightReport> runPreflight(const ImageReference& image, const PreflightRequest& request,
                                     EngineClient* engine)
{
    PreflightReport report;
    report.image = image.withDefaultTag();
    if (request.hostBuild) {
        report.hostBuild = request.hostBuild;
        report.hostBuildSource = BuildSource::HostBuildOption;
    }
    if (auto tagged = windows::buildOfTag(image.tag)) {
        report.imageBuild = tagged;
        report.imageBuildSource = BuildSource::Tag;
    }

    if (request.offline || !engine) {
        if (!report.hostBuild)
            return makeError(
                ErrorKind::InvalidInput,
                "--offline needs --host-build: without an engine, the host's Windows build is unknown");
        report.modes =
            windowsVerdicts(image, report.hostBuild, report.imageBuild,
                            "the tag names no Windows build; run without --offline to ask the engine "
                            "and the registry");
        return report;
    }

    auto info = engine->info();
    if (!info)
        return info.error();
    report.engineOs = engineOsFromOsType(info.value().osType);
    if (report.engineOs != EngineOs::Windows) {
        // Only 'default' isolation exists: the pair is two runtimes, and both run any linux image.
        auto choices = availableModes(info.value());
        for (auto& mode : choices.modes)
            report.modes.push_back(
                {mode, windows::Verdict::Ok, "a Linux engine runs the same images with every runtime", {}});
        if (choices.modes.size() < 2)
            report.modes.push_back(
                {{"(second runtime)", "", ""}, windows::Verdict::Unknown, choices.reason, {}});
        return report;
    }
    if (!report.hostBuild) {
        report.hostBuild = windows::buildFromKernelVersion(info.value().kernelVersion);
        report.hostBuildSource = BuildSource::Engine;
    }
    std::string unknownReason = "the image's Windows build could not be found";
    if (!report.imageBuild) {
        if (auto local = engine->inspectImage(image.withDefaultTag()); local) {
            if (auto build = windows::parseBuild(local.value().osVersion)) {
                report.imageBuild = build->number;
                report.imageBuildSource = BuildSource::LocalImage;
            } else if (local.value().os != "windows") {
                unknownReason = "this is a " + local.value().os + " image, not a Windows one";
            }
        } else if (auto platforms = engine->imagePlatforms(image); platforms && report.hostBuild) {
            const auto registry = buildFromRegistry(platforms.value(), *report.hostBuild);
            if (registry.build) {
                report.imageBuild = registry.build;
                report.imageBuildSource = BuildSource::Registry;
            } else if (registry.newest) { // every variant is newer than the host: predict() says so
                report.imageBuild = registry.newest;
                report.imageBuildSource = BuildSource::Registry;
            } else if (!registry.windows) {
                unknownReason = "the registry lists no windows/amd64 variant of this image";
            }
        } else if (!platforms) {
            unknownReason = "the registry could not be asked: " + platforms.error().message;
        }
    }
    report.modes = windowsVerdicts(image, report.hostBuild, report.imageBuild, unknownReason);
    return report;
}

ModePreflight preflightOfMode(const Result<PreflightReport>& report, const std::string& modeLabel)
{
    ModePreflight preflight;
    if (!report) {
        preflight.state = ModePreflight::State::CheckFailed;
        preflight.message = report.error().message;
        return preflight;
    }
    preflight.state = ModePreflight::State::NotChecked;
    for (const auto& mode : report.value().modes)
        if (mode.mode.label == modeLabel)
            preflight = {ModePreflight::State::Judged, mode.verdict, mode.message, mode.suggestion};
    return preflight;
}

} // namespace isolens
