#include "isolens/core/stats/group_sum.hpp"

#include "isolens/core/base/saturating.hpp"

namespace isolens {

StatsSample sumSamples(const std::vector<StatsSample>& members, std::int64_t timeNanos,
                       const std::string& name)
{
    StatsSample sum;
    sum.name = name;
    sum.timeNanos = timeNanos;
    sum.valid = !members.empty();
    for (const auto& member : members) {
        sum.os = member.os;
        sum.cpuPercent += member.cpuPercent;
        sum.cpuHostPercent += member.cpuHostPercent;
        sum.hostCpus = member.hostCpus;
        sum.allottedCpus += member.allottedCpus;
        sum.memBytes = saturating::add(sum.memBytes, member.memBytes);
        sum.memLimitBytes = saturating::add(sum.memLimitBytes, member.memLimitBytes);
        if (member.commitBytes)
            sum.commitBytes = saturating::add(sum.commitBytes.value_or(0), *member.commitBytes);
        if (member.commitPeakBytes)
            sum.commitPeakBytes = saturating::add(sum.commitPeakBytes.value_or(0), *member.commitPeakBytes);
        sum.netRxBytes = saturating::add(sum.netRxBytes, member.netRxBytes);
        sum.netTxBytes = saturating::add(sum.netTxBytes, member.netTxBytes);
        sum.blockReadBytes = saturating::add(sum.blockReadBytes, member.blockReadBytes);
        sum.blockWriteBytes = saturating::add(sum.blockWriteBytes, member.blockWriteBytes);
        if (member.pids)
            sum.pids = saturating::add(sum.pids.value_or(0), *member.pids);
    }
    // The group's allotment is what its members may use together, capped by the host.
    if (sum.hostCpus > 0 && sum.allottedCpus > sum.hostCpus)
        sum.allottedCpus = sum.hostCpus;
    sum.cpuAllotmentPercent =
        sum.allottedCpus > 0 ? sum.cpuHostPercent * sum.hostCpus / sum.allottedCpus : 0.0;
    return sum;
}

void GroupAccumulator::addMember(const std::string& group, const std::string& containerId)
{
    std::lock_guard lock(mutex_);
    groupOf_[containerId] = group;
}

void GroupAccumulator::removeMember(const std::string& containerId)
{
    std::lock_guard lock(mutex_);
    groupOf_.erase(containerId);
    latest_.erase(containerId);
}

void GroupAccumulator::update(const std::string& containerId, const StatsSample& sample)
{
    if (!sample.valid)
        return;
    std::lock_guard lock(mutex_);
    // A sample that arrives while its stream stops must not bring a removed member back.
    if (groupOf_.count(containerId) == 0)
        return;
    latest_[containerId] = sample;
}

std::map<std::string, StatsSample> GroupAccumulator::tick(std::int64_t nowNanos) const
{
    std::lock_guard lock(mutex_);
    std::map<std::string, std::vector<StatsSample>> fresh;
    std::map<std::string, bool> complete;
    const auto staleNanos = std::chrono::duration_cast<std::chrono::nanoseconds>(staleAfter_).count();
    for (const auto& [container, group] : groupOf_) {
        auto it = latest_.find(container);
        const bool heard =
            it != latest_.end() && saturating::sub(nowNanos, it->second.timeNanos) <= staleNanos;
        complete.try_emplace(group, true);
        if (heard)
            fresh[group].push_back(it->second);
        else
            complete[group] = false;
    }
    // A sum that misses a member would understate the group: until every member is heard (and
    // whenever one falls silent) the group has no sample, which shows as a gap, not a lower figure.
    std::map<std::string, StatsSample> sums;
    for (const auto& [group, members] : fresh)
        if (complete[group])
            sums[group] = sumSamples(members, nowNanos, group);
    return sums;
}

std::vector<MemberSample> GroupAccumulator::memberSamples(const std::string& group,
                                                          std::int64_t nowNanos) const
{
    std::lock_guard lock(mutex_);
    const auto staleNanos = std::chrono::duration_cast<std::chrono::nanoseconds>(staleAfter_).count();
    std::vector<MemberSample> out;
    for (const auto& [container, g] : groupOf_) {
        if (g != group)
            continue;
        MemberSample member{container, {}, false};
        if (auto it = latest_.find(container); it != latest_.end()) {
            member.sample = it->second;
            member.fresh = saturating::sub(nowNanos, it->second.timeNanos) <= staleNanos;
        }
        out.push_back(std::move(member));
    }
    return out;
}

std::size_t GroupAccumulator::members(const std::string& group) const
{
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    for (const auto& [_, g] : groupOf_)
        count += g == group ? 1 : 0;
    return count;
}

} // namespace isolens
