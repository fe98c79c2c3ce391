#include "isolens/core/base/text.hpp"
#include "isolens/core/host/vm_worker_counters.hpp"

#include <charconv>

namespace isolens {

std::vector<VmWorkerCounterRow>
joinVmWorkerCounters(const std::vector<CounterInstanceValue>& processIds,
                     const std::vector<CounterInstanceValue>& privateWorkingSets)
{
    std::vector<VmWorkerCounterRow> rows;
    std::map<std::string, std::size_t> seen; // how often each name came so far in processIds
    for (const auto& id : processIds) {
        const auto occurrence = seen[id.instance]++;
        std::size_t found = 0;
        for (const auto& memory : privateWorkingSets) {
            if (memory.instance != id.instance)
                continue;
            if (found++ == occurrence) {
                rows.push_back({id.instance, static_cast<int>(id.value), memory.value});
                break;
            }
        }
    }
    return rows;
}

std::string counterInstanceProcessName(std::string_view instance, int pid)
{
    const auto hash = instance.rfind('#');
    if (hash != std::string_view::npos && hash + 1 < instance.size() &&
        instance.find_first_not_of("0123456789", hash + 1) == std::string_view::npos)
        return std::string(instance.substr(0, hash));
    const auto underscore = instance.rfind('_');
    if (underscore != std::string_view::npos) {
        const auto digits = instance.substr(underscore + 1);
        int number = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
        if (ec == std::errc{} && end == digits.data() + digits.size() && number == pid)
            return std::string(instance.substr(0, underscore));
    }
    return std::string(instance);
}

std::map<int, std::int64_t> matchVmWorkerCounters(const std::vector<VmWorkerCounterRow>& rows,
                                                  const std::vector<VmWorkerToMatch>& workers)
{
    auto withoutExe = [](std::string name) {
        name = toLowerAscii(name);
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".exe") == 0)
            name.resize(name.size() - 4);
        return name;
    };
    std::map<int, std::int64_t> matched;
    for (const auto& worker : workers) {
        const auto name = withoutExe(worker.imageName);
        for (const auto& row : rows)
            if (row.pid == worker.pid &&
                withoutExe(counterInstanceProcessName(row.instance, row.pid)) == name) {
                matched[worker.pid] = row.privateWorkingSetBytes;
                break;
            }
    }
    return matched;
}

} // namespace isolens
