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

// Keeps each member's newest sample; a tick sums a group when all its members were heard from within
// the stale time.
class GroupAccumulator {
public:
    explicit GroupAccumulator(std::chrono::milliseconds staleAfter = kStaleAfter)
        : staleAfter_(staleAfter)
    {}

    void addMember(const std::string& group, const std::string& containerId);
    void update(const std::string& containerId, const StatsSample& sample);
    // Sums per group at this time; a group with a silent member has no sample.
    std::map<std::string, StatsSample> tick(std::int64_t nowNanos) const;
    std::size_t members(const std::string& group) const;

private:
    std::chrono::milliseconds staleAfter_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> groupOf_; // container -> group
    std::map<std::string, StatsSample> latest_;  // container -> newest valid sample
};

} // namespace isolens
