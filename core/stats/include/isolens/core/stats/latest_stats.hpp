#pragma once

#include "isolens/core/stats/stats_collector.hpp"

#include <mutex>
#include <string>
#include <vector>

namespace isolens {

// The newest state of each container, for tables that redraw on their own ticker (docker stats'
// design): collectors write, the renderer copies a snapshot.
class LatestStats {
public:
    enum class State { Waiting, Live, Stale, Stopped, Failed };
    struct Entry {
        std::string id;
        std::string name;
        State state = State::Waiting;
        StatsSample sample;  // meaningful in Live only
        std::string message; // why, for Stale, Stopped and Failed
    };

    void add(const std::string& id, const std::string& name); // keeps insertion order
    void apply(const CollectorEvent& event);
    std::vector<Entry> snapshot() const;

private:
    mutable std::mutex mutex_;
    std::vector<Entry> entries_;
};

} // namespace isolens
