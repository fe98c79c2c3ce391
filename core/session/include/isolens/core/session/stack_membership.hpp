#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/engine_types.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace isolens {

// A comparison of two stacks: the containers whose label has the first value against those whose label
// has the second (a compose project per isolation mode).
struct StackRequest {
    std::string label;                 // e.g. com.docker.compose.project
    std::array<std::string, 2> groups; // its two values, e.g. stack-runc, stack-vm
};

// Members of a group that get a series of their own (and a recording's mode). A recording names at most
// kMaxRecordingModes: two sums and 2 x 30 members fit. A member beyond them is still in its group's sum.
inline constexpr std::size_t kMaxStackMemberSeries = 30;

// A label, two values, different and neither empty; or what is wrong, with a hint.
Result<void> checkStackRequest(const StackRequest& request);

// The series a member's own figures are kept under: "<group>/<container name>".
std::string stackMemberKey(const std::string& group, const std::string& containerName);

struct StackMember {
    std::string containerId;
    std::string name;      // the container's, without the leading '/'
    std::size_t side = 0;  // 0: the first group, 1: the second
    std::string seriesKey; // empty beyond kMaxStackMemberSeries: in the sum, without a series of its own
};

// Which running containers are in which group, as the engine's events and listings tell. Pure (no engine),
// so a sequence of events can be checked in a test. Not thread-safe: its owner guards it.
class StackMembership {
public:
    explicit StackMembership(StackRequest request, std::size_t seriesPerGroup = kMaxStackMemberSeries);

    const StackRequest& request() const { return request_; }
    // The group a container with these labels is in; none when its label has another value, or is missing.
    std::optional<std::size_t> sideOf(const Labels& labels) const;

    // A container that started: the new member, or nothing (not in a group, or a member already).
    std::optional<StackMember> join(const std::string& containerId, const std::string& name,
                                    const Labels& labels);
    // A container that died or was destroyed: the member it was, or nothing.
    std::optional<StackMember> leave(const std::string& containerId);

    // Where membership stood before a listing was asked for: reconcile() leaves alone what events changed
    // since (a member that joined after the listing was taken is not in it, and is not removed).
    std::uint64_t mark() const { return changes_; }
    struct Changes {
        std::vector<StackMember> joined;
        std::vector<StackMember> left;
    };
    // The running containers of both groups, as a listing asked for at `since` found them: what the events
    // missed in between.
    Changes reconcile(const std::vector<ContainerSummary>& running, std::uint64_t since);

    std::vector<StackMember> members(std::size_t side) const; // in name order
    std::optional<StackMember> member(const std::string& containerId) const;

private:
    StackRequest request_;
    std::size_t seriesPerGroup_;
    std::uint64_t changes_ = 0;
    std::map<std::string, StackMember> members_;     // by container id
    std::map<std::string, std::uint64_t> changedAt_; // container id -> change that last touched it
    std::array<std::set<std::string>, 2> keysGiven_; // ever: a member that restarts keeps its series
};

} // namespace isolens
