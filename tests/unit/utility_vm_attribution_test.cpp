#include "isolens/core/base/text.hpp"
#include "isolens/core/host/utility_vm_attribution.hpp"
#include "isolens/core/host/utility_vm_attributor.hpp"
#include "isolens/core/host/virtual_machine_sid.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

// Two Hyper-V containers as Docker (schema v1) leaves them in HcsEnumerateComputeSystems' document:
// Container entries named by the container id, RuntimeId the utility VM's GUID; a process-isolated
// container with a zero RuntimeId; a schema-v2 utility VM "<id>@vm" (hcsshim); WSL's VM.
const char* kSystems = R"([
  {"Id":"aaaa1111","SystemType":"Container","Name":"aaaa1111","Owner":"docker",
   "RuntimeId":"aff04eb7-a25d-40bd-a809-9325add90b37","State":"Running"},
  {"Id":"bbbb2222","SystemType":"Container","Owner":"docker",
   "RuntimeId":"{D9E0EB0A-5B37-508E-9173-67E9ADE83ACF}","State":"Running"},
  {"Id":"cccc3333","SystemType":"Container","Owner":"docker",
   "RuntimeId":"00000000-0000-0000-0000-000000000000","State":"Running"},
  {"Id":"dddd4444@vm","SystemType":"VirtualMachine","Owner":"containerd-shim-runhcs-v1.exe",
   "RuntimeId":"D9E0EB0A-5B37-508E-9173-67E9ADE83ACF","State":"Running"},
  {"Id":"eeee5555","SystemType":"Container","Owner":"docker","State":"Running"},
  {"Id":"ffff6666","SystemType":"Container","Owner":"docker",
   "RuntimeId":"6D1A9C3E-0000-4B09-9C1E-000000000001","State":"Running"},
  {"Id":"F2D1C5A0-WSL","SystemType":"VirtualMachine","Owner":"WSL",
   "RuntimeId":"11111111-2222-3333-4444-555555555555","State":"Running"},
  "junk", {"Id": 7}
])";

const std::string kSidA = "S-1-5-83-1-2951761591-1086169693-630393256-923523501";   // aff04eb7-…
const std::string kSidB = "S-1-5-83-1-3655396106-1351506743-3915871121-3476744365"; // D9E0EB0A-…

} // namespace

TEST(ComputeSystems, ParsesBothSchemasEntries)
{
    auto systems = parseComputeSystems(kSystems);
    ASSERT_TRUE(systems);
    ASSERT_EQ(systems.value().size(), 8u) << "a non-object is skipped, an object with odd fields is kept";
    EXPECT_EQ(systems.value()[0].type, ComputeSystemType::Container);
    EXPECT_EQ(systems.value()[0].owner, "docker");
    EXPECT_EQ(systems.value()[0].runtimeId, "aff04eb7-a25d-40bd-a809-9325add90b37");
    EXPECT_EQ(systems.value()[3].type, ComputeSystemType::VirtualMachine);
    EXPECT_EQ(systems.value()[4].runtimeId, "");
    EXPECT_EQ(systems.value()[7].id, "") << "a number is no id";
    EXPECT_EQ(systems.value()[7].type, ComputeSystemType::Other);
    EXPECT_FALSE(parseComputeSystems("{}"));
}

TEST(ComputeSystems, AListWithANulByteIsNoJson)
{
    EXPECT_FALSE(parseComputeSystems(std::string_view("[]\0junk", 7)));
}

TEST(VirtualMachineSid, FromTheVmGuid)
{
    struct Case {
        const char* guid;
        std::optional<std::string> sid;
    };
    const Case cases[] = {
        // Pairs seen on real hosts (sources in virtual_machine_sid.cpp).
        {"AFF04EB7-A25D-40BD-A809-9325ADD90B37", kSidA},
        {"D9E0EB0A-5B37-508E-9173-67E9ADE83ACF", kSidB},
        // Braces and case do not matter.
        {"{aff04eb7-a25d-40bd-a809-9325add90b37}", kSidA},
        // Byte order: Data1 and Data2/Data3 are little-endian in memory, Data4 is not.
        {"00000001-0002-0003-0405-060708090a0b", "S-1-5-83-1-1-196610-117835012-185207048"},
        {"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "S-1-5-83-1-4294967295-4294967295-4294967295-4294967295"},
        // Not a GUID.
        {"", std::nullopt},
        {"AFF04EB7A25D40BDA8099325ADD90B37", std::nullopt},
        {"AFF04EB7-A25D-40BD-A809-9325ADD90B3", std::nullopt},
        {"AFF04EB7-A25D-40BD-A809-9325ADD90B377", std::nullopt},
        {"AFF04EB7-A25D-40BD-A809-9325ADD90B3G", std::nullopt},
        {"AFF04EB7+A25D-40BD-A809-9325ADD90B37", std::nullopt},
        {"{AFF04EB7-A25D-40BD-A809-9325ADD90B37", std::nullopt},
    };
    for (const auto& c : cases)
        EXPECT_EQ(virtualMachineSid(c.guid), c.sid) << c.guid;
}

TEST(UtilityVmAttribution, ChoosesTheWorkerOfTheContainersVm)
{
    const auto systems = parseComputeSystems(kSystems).value();
    const std::vector<VmWorkerIdentity> workers = {{100, "vmmem", kSidB},
                                                   {101, "vmmem.exe", toLowerAscii(kSidA)},
                                                   {102, "vmmemWSL", kSidA},
                                                   {103, "vmwp.exe", kSidA}};
    struct Case {
        const char* container;
        std::vector<VmWorkerIdentity> workers;
        std::optional<int> pid;
        AttributionGap gap;
    };
    const std::vector<VmWorkerIdentity> twoForB = {{100, "vmmem", kSidB}, {104, "vmmem", kSidB}};
    const std::vector<VmWorkerIdentity> onlyWsl = {{102, "vmmemWSL", kSidA}};
    const std::vector<VmWorkerIdentity> unreadable = {{100, "vmmem", ""}, {101, "vmmem", kSidB}};
    const Case cases[] = {
        {"aaaa1111", workers, 101, AttributionGap::None},           // schema v1 Container, SID case aside
        {"AAAA1111", workers, 101, AttributionGap::None},           // ids compare case-insensitively
        {"bbbb2222", workers, 100, AttributionGap::None},           // braced RuntimeId
        {"dddd4444", workers, 100, AttributionGap::None},           // schema v2 "<id>@vm"
        {"aaaa", workers, std::nullopt, AttributionGap::NotListed}, // a prefix is not the container
        {"zzzz9999", workers, std::nullopt, AttributionGap::NotListed},
        {"cccc3333", workers, std::nullopt, AttributionGap::NoRuntimeId}, // process-isolated: zero GUID
        {"eeee5555", workers, std::nullopt, AttributionGap::NoRuntimeId}, // no RuntimeId at all
        {"ffff6666", workers, std::nullopt, AttributionGap::NoWorkerForVm},
        {"aaaa1111", onlyWsl, std::nullopt,
         AttributionGap::NoWorkerForVm}, // vmmemWSL is never the container's
        {"aaaa1111", unreadable, std::nullopt, AttributionGap::WorkerTokensUnreadable},
        {"bbbb2222", unreadable, 101, AttributionGap::None},
        {"bbbb2222", twoForB, std::nullopt, AttributionGap::SeveralWorkersForVm},
        {"", workers, std::nullopt, AttributionGap::NotAsked},
    };
    for (const auto& c : cases) {
        const auto attribution = attributeUtilityVm(c.container, systems, c.workers);
        EXPECT_EQ(attribution.workerPid, c.pid) << c.container;
        EXPECT_EQ(attribution.gap, c.gap) << c.container;
        EXPECT_FALSE(attribution.describe().empty());
    }
}

TEST(UtilityVmAttribution, EveryReasonIsASentenceThatSaysWhy)
{
    EXPECT_EQ(attributeUtilityVm("ffff6666", parseComputeSystems(kSystems).value(), {}).describe(),
              "not attributed: no vmmem runs as the VM's account "
              "S-1-5-83-1-1830460478-1258881024-7836-16777216");
    EXPECT_EQ(attributeUtilityVm("zzzz9999", parseComputeSystems(kSystems).value(), {}).describe(),
              "not attributed: the Host Compute Service lists no compute system for container zzzz9999");
    EXPECT_NE((UtilityVmAttribution{std::nullopt, AttributionGap::WorkerTokensUnreadable, {}})
                  .describe()
                  .find("administrator"),
              std::string::npos);
    const Result<std::vector<ComputeSystem>> refused = makeError(
        ErrorKind::PermissionDenied, "the Host Compute Service refused: run IsoLens as an administrator");
    const auto attribution = attributeUtilityVm("aaaa1111", refused, HostSnapshot{});
    EXPECT_EQ(attribution.gap, AttributionGap::ServiceUnavailable);
    EXPECT_EQ(attribution.describe(),
              "not attributed: the Host Compute Service refused: run IsoLens as an administrator");
}

TEST(UtilityVmAttribution, WorkersOfASnapshotAreTheExactVmmemNames)
{
    HostSnapshot host;
    auto add = [&](int pid, const char* name, const char* sid) {
        HostProcess process;
        process.pid = pid;
        process.name = name;
        process.ownerSid = sid;
        process.vmWorker = true;
        host.processes.push_back(process);
    };
    add(1, "vmmem", "S-1-5-83-1-1");
    add(2, "VMMEM.EXE", "S-1-5-83-1-2");
    add(3, "vmmemWSL", "S-1-5-83-1-3");
    add(4, "vmwp.exe", "S-1-5-83-1-4");
    const auto workers = utilityVmWorkers(host);
    ASSERT_EQ(workers.size(), 2u);
    EXPECT_EQ(workers[0].pid, 1);
    EXPECT_EQ(workers[1].pid, 2);
    EXPECT_EQ(workers[1].sid, "S-1-5-83-1-2");
}

TEST(UtilityVmAttributor, AsksTheServiceOnceAndAgainOnlyWhileItCannotMatch)
{
    using namespace std::chrono_literals;
    int calls = 0;
    std::string document = "[]";
    UtilityVmAttributor attributor([&]() -> Result<std::vector<ComputeSystem>> {
        ++calls;
        return parseComputeSystems(document);
    });
    HostSnapshot host;
    HostProcess vmmem;
    vmmem.pid = 100;
    vmmem.name = "vmmem";
    vmmem.ownerSid = kSidA;
    host.processes = {vmmem};
    const auto t0 = std::chrono::steady_clock::time_point{} + 1h;

    EXPECT_EQ(attributor.attribute("", host, t0).gap, AttributionGap::NotAsked);
    EXPECT_EQ(calls, 0) << "nothing to attribute, nothing asked";

    EXPECT_EQ(attributor.attribute("aaaa1111", host, t0).gap, AttributionGap::NotListed);
    EXPECT_EQ(calls, 1);
    document = kSystems; // the container shows up in the service's list
    EXPECT_EQ(attributor.attribute("aaaa1111", host, t0 + 1s).gap, AttributionGap::NotListed);
    EXPECT_EQ(calls, 1) << "not asked again within " << UtilityVmAttributor::kRelistUnmatched.count() << " s";
    EXPECT_EQ(attributor.attribute("aaaa1111", host, t0 + 5s).workerPid, 100);
    EXPECT_EQ(calls, 2);
    for (int second = 6; second < 100; ++second)
        EXPECT_EQ(attributor.attribute("aaaa1111", host, t0 + std::chrono::seconds(second)).workerPid, 100);
    EXPECT_EQ(calls, 2) << "an attributed VM keeps its GUID: no more calls";

    EXPECT_EQ(attributor.attribute("bbbb2222", host, t0 + 100s).gap, AttributionGap::NoWorkerForVm);
    EXPECT_EQ(calls, 3) << "another container: asked again";
}

TEST(UtilityVmAttributor, AServiceFailureIsRetriedSeldomAndReportedEachTime)
{
    using namespace std::chrono_literals;
    int calls = 0;
    UtilityVmAttributor attributor([&]() -> Result<std::vector<ComputeSystem>> {
        ++calls;
        return makeError(ErrorKind::Other, "computecore.dll is missing");
    });
    const auto t0 = std::chrono::steady_clock::time_point{} + 1h;
    for (int second = 0; second < 30; ++second) {
        const auto attribution =
            attributor.attribute("aaaa1111", HostSnapshot{}, t0 + std::chrono::seconds(second));
        EXPECT_EQ(attribution.gap, AttributionGap::ServiceUnavailable);
        EXPECT_EQ(attribution.detail, "computecore.dll is missing");
    }
    EXPECT_EQ(calls, 1);
    (void)attributor.attribute("aaaa1111", HostSnapshot{}, t0 + UtilityVmAttributor::kRelistFailed);
    EXPECT_EQ(calls, 2);
}

TEST(UtilityVmAttribution, TheHostComputeServiceIsReportedMissingWhereItIs)
{
    auto systems = enumerateComputeSystems();
#ifdef _WIN32
    if (std::getenv("ISOLENS_EXPECT_WINE")) {
        ASSERT_FALSE(systems) << "Wine has no computecore.dll";
        EXPECT_NE(systems.error().message.find("computecore.dll is missing"), std::string::npos);
        // And the attribution degrades to a typed reason with that message, no crash.
        const auto attribution = attributeUtilityVm("aaaa1111", systems, HostSnapshot{});
        EXPECT_EQ(attribution.gap, AttributionGap::ServiceUnavailable);
        EXPECT_NE(attribution.describe().find("computecore.dll is missing"), std::string::npos);
    }
#else
    ASSERT_FALSE(systems);
    EXPECT_NE(systems.error().message.find("only on Windows"), std::string::npos);
#endif
}
