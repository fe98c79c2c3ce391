#include "isolens/core/engine/hardening.hpp"

#include "isolens/core/base/json_text.hpp"

#include <vector>

namespace isolens {

namespace {

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : ", ") + part;
    return text;
}

} // namespace

Hardening fullHardening()
{
    return Hardening{true, kDefaultHardenedPidsLimit, true};
}

Result<void> checkHardening(const Hardening& hardening, EngineOs os)
{
    if (hardening.pidsLimit && (*hardening.pidsLimit < kMinPidsLimit || *hardening.pidsLimit > kMaxPidsLimit))
        return makeError(ErrorKind::InvalidInput,
                         "The PIDs limit must be between " + std::to_string(kMinPidsLimit) + " and " +
                             std::to_string(kMaxPidsLimit) + ", not " + std::to_string(*hardening.pidsLimit));
    if (os != EngineOs::Windows)
        return success();
    // moby daemon/daemon_windows.go: verifyContainerResources refuses the create with "invalid option:
    // Windows does not support PidsLimit", and parseSecurityOpt ignores every security option without a
    // word. A pair labelled "no new privileges" that had none would be a false label: both are refused
    // here, before anything is created. NetworkMode "none" exists on Windows (the daemon makes a "null"
    // network named "none" at start, initNetworkController), so it is applied.
    std::vector<std::string> unsupported;
    if (hardening.pidsLimit)
        unsupported.push_back("a PIDs limit (the engine refuses it)");
    if (hardening.noNewPrivileges)
        unsupported.push_back("no-new-privileges (the engine ignores it)");
    if (unsupported.empty())
        return success();
    auto error = makeError(ErrorKind::InvalidInput,
                           "A Windows engine cannot apply " + joined(unsupported) + "; nothing was created");
    error.hint = "On Windows, harden with --network none alone";
    return error;
}

// Engine API field names: HostConfig.NetworkMode, .PidsLimit (since API 1.23, below IsoLens' minimum of
// 1.24) and .SecurityOpt; moby daemon/daemon_unix.go parseSecurityOpt takes a bare "no-new-privileges".
void addHardeningTo(nlohmann::json& hostConfig, const Hardening& hardening)
{
    if (hardening.noNetwork)
        hostConfig["NetworkMode"] = "none";
    if (hardening.pidsLimit)
        hostConfig["PidsLimit"] = *hardening.pidsLimit;
    if (hardening.noNewPrivileges)
        hostConfig["SecurityOpt"] = nlohmann::json::array({"no-new-privileges"});
}

std::string describeHardening(const Hardening& hardening)
{
    std::vector<std::string> parts;
    if (hardening.noNetwork)
        parts.push_back("no network");
    if (hardening.pidsLimit)
        parts.push_back("at most " + std::to_string(*hardening.pidsLimit) + " processes");
    if (hardening.noNewPrivileges)
        parts.push_back("no new privileges");
    return joined(parts);
}

std::string hardeningEffects(const Hardening& hardening)
{
    std::vector<std::string> parts;
    if (hardening.noNetwork)
        parts.push_back("no network traffic (network I/O stays at zero; a workload that needs the network "
                        "fails)");
    if (hardening.pidsLimit)
        parts.push_back("no more than " + std::to_string(*hardening.pidsLimit) +
                        " processes (a workload that starts more is refused the rest)");
    if (hardening.noNewPrivileges)
        parts.push_back("no privilege gained through setuid or file capabilities (such programs run without "
                        "them or fail)");
    return joined(parts);
}

std::string hardeningSentence(const Hardening& hardening)
{
    if (!hardening.any())
        return {};
    return "hardened: " + describeHardening(hardening) +
           " — this changes what is measured: " + hardeningEffects(hardening);
}

nlohmann::json hardeningToJson(const Hardening& hardening)
{
    if (!hardening.any())
        return nullptr;
    return {{"no_network", hardening.noNetwork},
            {"pids_limit", jsonOrNull(hardening.pidsLimit)},
            {"no_new_privileges", hardening.noNewPrivileges},
            {"description", describeHardening(hardening)},
            {"changes_what_is_measured", hardeningEffects(hardening)}};
}

} // namespace isolens
