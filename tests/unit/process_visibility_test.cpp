#include "isolens/core/host/process_visibility.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

HostProcess process(int pid, const std::string& name, std::optional<std::int64_t> workingSet = std::nullopt,
                    bool vmWorker = false)
{
    HostProcess p;
    p.pid = pid;
    p.name = name;
    p.workingSetBytes = workingSet;
    p.vmWorker = vmWorker;
    return p;
}

} // namespace

TEST(ProcessesFromTop, ReadsLinuxAndWindowsTables)
{
    ProcessTable linux{{"UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"},
                       {{"root", "4242", "4200", "0", "01:00", "?", "00:00:00", "sleep 300"},
                        {"root", "notanumber", "1", "0", "", "", "", "x"}}};
    auto fromLinux = processesFromTop(linux);
    ASSERT_EQ(fromLinux.size(), 1u);
    EXPECT_EQ(fromLinux[0].pid, 4242);
    EXPECT_EQ(fromLinux[0].name, "sleep 300");

    ProcessTable windows{
        {"Name", "PID", "CPU", "Private Working Set"},
        {{"CExecSvc.exe", "5120", "00:00:00.015", "1.2MB"}, {"PING.EXE", "6000", "0", "1MB"}}};
    auto fromWindows = processesFromTop(windows);
    ASSERT_EQ(fromWindows.size(), 2u);
    EXPECT_EQ(fromWindows[1].name, "PING.EXE");
    EXPECT_TRUE(processesFromTop(ProcessTable{{"X"}, {{"1"}}}).empty());
}

TEST(MapToHost, ProcessIsolationShowsTheContainersProcessesOnTheHost)
{
    HostSnapshot host;
    host.processes = {process(6000, "PING.EXE"), process(5120, "CExecSvc.exe"), process(1, "System")};
    ProcessTable top{{"Name", "PID", "CPU", "Private Working Set"},
                     {{"CExecSvc.exe", "5120", "0", "1MB"}, {"PING.EXE", "6000", "0", "1MB"}}};
    auto visibility = mapToHost("c1", "pair-process", "process", top, host);
    EXPECT_TRUE(visibility.visibleOnHost());
    EXPECT_EQ(visibility.hostPids, (std::vector<int>{5120, 6000}));
    EXPECT_TRUE(visibility.unmatchedPids.empty());
}

TEST(MapToHost, HyperVContainersShowNothingButTheirVm)
{
    HostSnapshot host;
    host.processes = {process(6000, "PING.EXE")}; // same PID number, different world
    ProcessTable top{{"Name", "PID", "CPU", "Private Working Set"}, {{"PING.EXE", "6000", "0", "1MB"}}};
    auto visibility = mapToHost("c2", "pair-hyperv", "hyperv", top, host);
    EXPECT_FALSE(visibility.visibleOnHost());
    EXPECT_NE(visibility.note.find("utility VM"), std::string::npos);
}

TEST(MapToHost, APidThatBelongsToAnotherProgramIsNotClaimed)
{
    HostSnapshot host;
    host.processes = {process(77, "bash")};
    ProcessTable top{{"UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"},
                     {{"root", "77", "1", "0", "", "", "", "/bin/sleep 10"}}};
    auto visibility = mapToHost("c3", "vm-runtime", "", top, host);
    EXPECT_FALSE(visibility.visibleOnHost());
    EXPECT_EQ(visibility.unmatchedPids, (std::vector<int>{77}));
    EXPECT_NE(visibility.note.find("virtual machine"), std::string::npos);
}

TEST(MapToHost, LinuxCommandsMatchTheirShortenedNames)
{
    HostSnapshot host;
    host.processes = {process(10, "sleep"), process(11, "averyveryveryl")};
    host.processes[1].name = "averyveryverylo"; // comm keeps 15 characters
    ProcessTable top{{"UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"},
                     {{"root", "10", "1", "0", "", "", "", "/bin/sleep 300"},
                      {"root", "11", "1", "0", "", "", "", "averyveryverylongname --flag"}}};
    EXPECT_EQ(mapToHost("c", "n", "", top, host).hostPids, (std::vector<int>{10, 11}));
}

TEST(IsolationTax, OneUtilityVmGivesAFigure)
{
    HostSnapshot host;
    host.processes = {process(900, "vmmem", 300 * 1024 * 1024, true),
                      process(901, "vmwp.exe", 20 << 20, true)};
    const auto tax = isolationTax(host, 40 * 1024 * 1024);
    ASSERT_TRUE(tax.bytes);
    EXPECT_EQ(*tax.bytes, 260 * 1024 * 1024);
    EXPECT_EQ(tax.utilityVms, 1);
}

TEST(IsolationTax, SeveralVmsAreAmbiguousUnlessAttributed)
{
    HostSnapshot host;
    host.processes = {process(900, "vmmem", 300 << 20, true), process(902, "vmmem", 500 << 20, true),
                      process(903, "vmmemWSL", 900 << 20, true)};
    const auto ambiguous = isolationTax(host, 10 << 20);
    EXPECT_FALSE(ambiguous.bytes);
    EXPECT_EQ(ambiguous.explanation, "ambiguous: 2 utility VMs");
    const auto attributed = isolationTax(host, 10 << 20, {902, AttributionGap::None, "S-1-5-83-1-1-2-3-4"});
    ASSERT_TRUE(attributed.bytes);
    EXPECT_EQ(*attributed.bytes, 490 << 20);
    EXPECT_EQ(
        attributed.explanation,
        "utility VM attributed through the Host Compute Service (vmmem PID 902, account S-1-5-83-1-1-2-3-4)");
    const auto refused =
        isolationTax(host, 10 << 20, {std::nullopt, AttributionGap::ServiceUnavailable, "refused"});
    EXPECT_FALSE(refused.bytes);
    EXPECT_EQ(refused.explanation, "ambiguous: 2 utility VMs (not attributed: refused)");
}

// On Windows 10 WSL 2's VM is a plain vmmem too: the only one running may not be the container's, and
// the explanation says that it was taken, not found.
TEST(IsolationTax, TheOnlyUtilityVmIsLabelledAsAGuessWhenAttributionFailed)
{
    HostSnapshot host;
    host.processes = {process(900, "vmmem", 300 << 20, true)};
    const auto guessed =
        isolationTax(host, 10 << 20, {std::nullopt, AttributionGap::NoWorkerForVm, "S-1-5-83-1-9"});
    ASSERT_TRUE(guessed.bytes);
    EXPECT_EQ(*guessed.bytes, 290 << 20);
    EXPECT_EQ(guessed.explanation,
              "the only utility VM running, taken to be the container's (not attributed: no "
              "vmmem runs as the VM's account S-1-5-83-1-9)");
    EXPECT_EQ(isolationTax(host, 10 << 20).explanation, "the only utility VM running")
        << "not asked: no note";
}

TEST(IsolationTax, NoVmOrUnreadableVm)
{
    HostSnapshot host;
    EXPECT_EQ(isolationTax(host, 0).explanation, "no utility VM (vmmem) is running");
    host.processes = {process(900, "vmmem", std::nullopt, true)};
    const auto unreadable = isolationTax(host, 0);
    EXPECT_FALSE(unreadable.bytes);
    EXPECT_NE(unreadable.explanation.find("cannot be read"), std::string::npos);
}
