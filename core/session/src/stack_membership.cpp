#include "isolens/core/session/stack_membership.hpp"

#include <algorithm>

namespace isolens {

Result<void> checkStackRequest(const StackRequest& request)
{
    auto invalid = [](std::string message) {
        auto error = makeError(ErrorKind::InvalidInput, std::move(message));
        error.hint = "Name the label the stacks are told apart by and its two values, e.g. "
                     "com.docker.compose.project with stack-runc and stack-vm";
        return error;
    };
    if (request.label.empty() || request.label.find('=') != std::string::npos)
        return invalid("Stacks are compared by a label: name one (without '=')");
    if (request.groups[0].empty() || request.groups[1].empty())
        return invalid("Stacks are compared by two values of " + request.label + ": name both");
    for (const auto& group : request.groups)
        if (group.find('/') != std::string::npos) // a member's series is "<value>/<name>"
            return invalid("A stack's value cannot hold '/' ('" + group +
                           "'): its members' figures are "
                           "kept under <value>/<name>");
    if (request.groups[0] == request.groups[1])
        return invalid("Two stacks need two different values of " + request.label + ", not '" +
                       request.groups[0] + "' twice");
    return success();
}

std::string stackMemberKey(const std::string& group, const std::string& containerName)
{
    return group + "/" + containerName;
}

StackMembership::StackMembership(StackRequest request, std::size_t seriesPerGroup)
    : request_(std::move(request))
    , seriesPerGroup_(seriesPerGroup)
{}

std::optional<std::size_t> StackMembership::sideOf(const Labels& labels) const
{
    auto it = labels.find(request_.label);
    if (it == labels.end())
        return std::nullopt;
    for (std::size_t side = 0; side < 2; ++side)
        if (it->second == request_.groups[side])
            return side;
    return std::nullopt;
}

std::optional<StackMember> StackMembership::join(const std::string& containerId, const std::string& name,
                                                 const Labels& labels)
{
    const auto side = sideOf(labels);
    if (!side || containerId.empty() || members_.count(containerId) != 0)
        return std::nullopt;
    StackMember member{containerId, name, *side, {}};
    const auto key = stackMemberKey(request_.groups[*side], name);
    auto& given = keysGiven_[*side];
    if (given.count(key) != 0 || given.size() < seriesPerGroup_) {
        given.insert(key);
        member.seriesKey = key;
    }
    members_[containerId] = member;
    changedAt_[containerId] = ++changes_;
    return member;
}

std::optional<StackMember> StackMembership::leave(const std::string& containerId)
{
    auto it = members_.find(containerId);
    if (it == members_.end())
        return std::nullopt;
    auto member = std::move(it->second);
    members_.erase(it);
    changedAt_[containerId] = ++changes_;
    return member;
}

StackMembership::Changes StackMembership::reconcile(const std::vector<ContainerSummary>& running,
                                                    std::uint64_t since)
{
    auto touchedSince = [&](const std::string& id) {
        auto it = changedAt_.find(id);
        return it != changedAt_.end() && it->second > since;
    };
    Changes changes;
    std::set<std::string> listed;
    for (const auto& container : running) {
        listed.insert(container.id);
        // One that left after the listing was taken has stopped since: it is not taken back.
        if (touchedSince(container.id))
            continue;
        if (auto joined = join(container.id, container.name, container.labels))
            changes.joined.push_back(std::move(*joined));
    }
    std::vector<std::string> gone;
    for (const auto& [id, _] : members_)
        if (listed.count(id) == 0 && !touchedSince(id))
            gone.push_back(id);
    for (const auto& id : gone)
        if (auto left = leave(id))
            changes.left.push_back(std::move(*left));
    // What happened before this listing is in it: only later changes need remembering.
    std::erase_if(changedAt_, [&](const auto& entry) { return entry.second <= since; });
    return changes;
}

std::vector<StackMember> StackMembership::members(std::size_t side) const
{
    std::vector<StackMember> out;
    for (const auto& [_, member] : members_)
        if (member.side == side)
            out.push_back(member);
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

std::optional<StackMember> StackMembership::member(const std::string& containerId) const
{
    auto it = members_.find(containerId);
    if (it == members_.end())
        return std::nullopt;
    return it->second;
}

} // namespace isolens
