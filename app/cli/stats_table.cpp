#include "stats_table.hpp"

#include "text_table.hpp"

#include "isolens/core/base/units.hpp"

#include <cstdio>

using namespace isolens;

namespace {

std::string pair(const std::string& a, const std::string& b)
{
    return a + " / " + b;
}

} // namespace

std::string renderStatsTable(const std::vector<LatestStats::Entry>& entries, EngineOs os)
{
    std::vector<std::vector<std::string>> rows;
    if (os == EngineOs::Windows)
        rows.push_back({"CONTAINER ID", "NAME", "CPU %", "PRIV WORKING SET", "NET I/O", "BLOCK I/O"});
    else
        rows.push_back(
            {"CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"});

    for (const auto& entry : entries) {
        const auto id = entry.id.substr(0, 12);
        const bool live = entry.state == LatestStats::State::Live;
        const auto& s = entry.sample;
        const std::string none = "--";
        const auto net = live ? pair(dockerHumanSize(s.netRxBytes), dockerHumanSize(s.netTxBytes)) : none;
        const auto block =
            live ? pair(dockerHumanSize(s.blockReadBytes), dockerHumanSize(s.blockWriteBytes)) : none;
        const auto cpu = live ? percent(s.cpuPercent) : none;
        if (os == EngineOs::Windows) {
            rows.push_back({id, entry.name, cpu, live ? dockerBytesSize(s.memBytes) : none, net, block});
        } else {
            rows.push_back({id, entry.name, cpu,
                            live ? pair(dockerBytesSize(s.memBytes), dockerBytesSize(s.memLimitBytes)) : none,
                            live && s.memPercent ? percent(*s.memPercent) : none, net, block,
                            live && s.pids ? std::to_string(*s.pids) : none});
        }
    }
    auto table = alignColumns(rows);
    // Why a row shows "--": an outage or a stopped container is said, not only blanked.
    for (const auto& entry : entries)
        if (entry.state != LatestStats::State::Live && entry.state != LatestStats::State::Waiting &&
            !entry.message.empty())
            table += entry.name + ": " + entry.message + "\n";
    return table;
}
