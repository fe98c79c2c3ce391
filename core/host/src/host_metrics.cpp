#include "isolens/core/host/host_metrics.hpp"

namespace isolens {

std::vector<const HostProcess*> HostSnapshot::vmWorkers() const
{
    std::vector<const HostProcess*> workers;
    for (const auto& process : processes)
        if (process.vmWorker)
            workers.push_back(&process);
    return workers;
}

const HostProcess* HostSnapshot::process(int pid) const
{
    for (const auto& process : processes)
        if (process.pid == pid)
            return &process;
    return nullptr;
}

std::vector<std::string> defaultVmWorkerPatterns()
{
    return {"vmmem", "vmmem.exe", "vmmemWSL", "vmwp.exe", "qemu-system-*", "firecracker", "cloud-hypervisor"};
}

} // namespace isolens
