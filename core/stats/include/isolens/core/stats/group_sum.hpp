#pragma once

#include "isolens/core/stats/staleness.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// Adds the members' figures into one sample per group, for comparing whole stacks (a compose project
// per isolation mode, as the published Sitecore test did).
StatsSample sumSamples(const std::vector<StatsSample>& members, std::int64_t timeNanos,
                       const std::string& name);

// A member's newest valid sample, for the breakdown of its group; fresh when heard from within the
// stale time.
struct MemberSample {
    std::string containerId;
    StatsSample sample; // invalid when none has arrived yet
    bool fresh = false;
};

// Keeps each member's newest sample; a tick sums a group when all its members were heard from within
// the stale time. Members come and go (a stack's containers start and stop): one that leaves no longer
// holds its group back.
class GroupAccumulator {
public:
    explicit GroupAccumulator(std::chrono::milliseconds staleAfter = kStaleAfter)
        : staleAfter_(staleAfter)
    {}

    void addMember(const std::string& group, const std::string& containerId);
    // Forgets the member and its sample; nothing when it is not a member.
    void removeMember(const std::string& containerId);
    void update(const std::string& containerId, const StatsSample& sample);
    // Sums per group at this time; a group with a silent member has no sample.
    std::map<std::string, StatsSample> tick(std::int64_t nowNanos) const;
    std::size_t members(const std::string& group) const;
    // The group's members with their newest samples, in container id order.
    std::vector<MemberSample> memberSamples(const std::string& group, std::int64_t nowNanos) const;

private:
    std::chrono::milliseconds staleAfter_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> groupOf_; // container -> group
    std::map<std::string, StatsSample> latest_;  // container -> newest valid sample
};

} // namespace isolens
