#include "isolens/core/utility_vm_attribution.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

HostProcess vmmem(int pid, const std::string& owner)
{
    HostProcess process;
    process.pid = pid;
    process.name = "vmmem";
    process.owner = owner;
    process.vmWorker = true;
    return process;
}

// Shaped like HcsEnumerateComputeSystems' document for two Hyper-V containers.
const char* kSystems = R"([
  {"Id":"aaaa1111@vm","SystemType":"VirtualMachine","Name":"aaaa1111@vm","Owner":"docker",
   "RuntimeId":"6D1A9C3E-0000-4B09-9C1E-000000000001","State":"Running"},
  {"Id":"aaaa1111","SystemType":"Container","Owner":"docker","RuntimeId":"","State":"Running"},
  {"Id":"bbbb2222@vm","SystemType":"VirtualMachine","Owner":"docker",
   "RuntimeId":"6D1A9C3E-0000-4B09-9C1E-000000000002","State":"Running"},
  "junk"
])";

} // namespace

TEST(ComputeSystems, ParsesTheHcsDocument)
{
    auto systems = parseComputeSystems(kSystems);
    ASSERT_TRUE(systems);
    ASSERT_EQ(systems.value().size(), 3u);
    EXPECT_EQ(systems.value()[0].systemType, "VirtualMachine");
    EXPECT_EQ(systems.value()[0].owner, "docker");
    EXPECT_FALSE(parseComputeSystems("{}"));
}

TEST(UtilityVmAttribution, FindsTheVmmemWhoseTokenUserIsTheVmsGuid)
{
    HostSnapshot host;
    host.processes = {vmmem(100, "NT VIRTUAL MACHINE\\6D1A9C3E-0000-4B09-9C1E-000000000002"),
                      vmmem(101, "NT VIRTUAL MACHINE\\6d1a9c3e-0000-4b09-9c1e-000000000001")};
    const auto systems = parseComputeSystems(kSystems).value();
    EXPECT_EQ(attributeUtilityVm("aaaa1111", systems, host), 101);
    EXPECT_EQ(attributeUtilityVm("bbbb2222", systems, host), 100);
    EXPECT_FALSE(attributeUtilityVm("cccc3333", systems, host));
    EXPECT_FALSE(attributeUtilityVm("", systems, host));
}

TEST(UtilityVmAttribution, NoMatchingVmmemMeansNoAnswer)
{
    HostSnapshot host;
    host.processes = {vmmem(100, "NT VIRTUAL MACHINE\\SOMETHING-ELSE")};
    EXPECT_FALSE(attributeUtilityVm("aaaa1111", parseComputeSystems(kSystems).value(), host));
}

TEST(UtilityVmAttribution, TheHostComputeServiceIsReportedMissingWhereItIs)
{
    auto systems = enumerateComputeSystems();
#ifdef _WIN32
    if (std::getenv("ISOLENS_EXPECT_WINE")) {
        ASSERT_FALSE(systems) << "Wine has no computecore.dll";
        EXPECT_NE(systems.error().message.find("computecore.dll is missing"), std::string::npos);
    }
#else
    ASSERT_FALSE(systems);
    EXPECT_NE(systems.error().message.find("only on Windows"), std::string::npos);
#endif
}

TEST(UtilityVmAttribution, AListWithANulByteIsNoJson)
{
    EXPECT_FALSE(parseComputeSystems(std::string_view("[]\0junk", 7)));
}
