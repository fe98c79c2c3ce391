#include "cleanup_command.hpp"

#include "isolens/core/base/safe_text.hpp"

#include "text_table.hpp"

#include "isolens/core/session/orphan_search.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace isolens;

namespace {

// What cleanup does with one orphan it lists, and the word for it.
std::string act(EngineClient& client, const OrphanedContainer& orphan, bool remove, int& failures)
{
    if (!remove)
        return "kept (pass --yes to remove)";
    auto removed = removeOrphan(client, orphan);
    if (removed)
        return "removed";
    if (removed.error().kind == ErrorKind::ContainerNotFound) // gone since it was listed: nothing left
        return "already removed";
    ++failures;
    return "not removed: " + removed.error().message;
}

} // namespace

int runCleanupCommand(const CliContext& context, const CleanupOptions& options)
{
    auto engine = connectToEngine(context);
    if (!engine)
        return reportError(context, engine.error());
    auto& client = *engine.value().client;
    auto found = findOrphans(client, ContainerLedger(ContainerLedger::defaultFile()));
    if (!found)
        return reportError(context, found.error());

    int failures = 0;
    nlohmann::json listed = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows{{"CONTAINER ID", "NAME", "SESSION", "STATE", "WHY", "ACTION"}};
    auto show = [&](const OrphanedContainer& orphan, const std::string& action) {
        rows.push_back({orphan.id.substr(0, 12), orphan.name, orphan.session, orphan.state,
                        orphan.verdict.reason, action});
        listed.push_back({{"id", orphan.id},
                          {"name", orphan.name},
                          {"session", orphan.session},
                          {"state", orphan.state},
                          {"reason", orphan.verdict.reason},
                          {"verdict", std::string(toString(orphan.verdict.ownership))},
                          {"action", action}});
    };
    for (const auto& orphan : found.value().ours)
        show(orphan, act(client, orphan, options.remove, failures));
    for (const auto& orphan : found.value().otherHosts)
        show(orphan, options.includeOtherHosts
                         ? act(client, orphan, options.remove, failures)
                         : "kept (another machine's; pass --include-other-hosts to remove)");
    if (context.json)
        std::cout << dumpJson(nlohmann::json{{"orphans", listed}}, 2) << '\n';
    else if (listed.empty())
        std::cout << "No leftover IsoLens containers.\n";
    else
        std::cout << alignColumns(rows);
    return failures == 0 ? 0 : 1;
}
