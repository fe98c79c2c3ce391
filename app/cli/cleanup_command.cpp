#include "cleanup_command.hpp"

#include "text_table.hpp"

#include "isolens/core/pair_session.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

using namespace isolens;

int runCleanupCommand(const CliContext& context, bool yes)
{
    auto engine = connectToEngine(context);
    if (!engine)
        return reportError(context, engine.error());
    auto& client = *engine.value().client;
    auto orphans = findOrphans(client);
    if (!orphans)
        return reportError(context, orphans.error());

    int failures = 0;
    nlohmann::json listed = nlohmann::json::array();
    std::vector<std::vector<std::string>> rows{{"CONTAINER ID", "NAME", "SESSION", "STATE", "WHY", "ACTION"}};
    for (const auto& orphan : orphans.value()) {
        std::string action = "kept (pass --yes to remove)";
        if (yes) {
            auto removed = client.removeContainer(orphan.id, /*force=*/true);
            action = removed ? "removed" : "not removed: " + removed.error().message;
            failures += removed ? 0 : 1;
        }
        rows.push_back(
            {orphan.id.substr(0, 12), orphan.name, orphan.session, orphan.state, orphan.reason, action});
        listed.push_back({{"id", orphan.id},
                          {"name", orphan.name},
                          {"session", orphan.session},
                          {"state", orphan.state},
                          {"reason", orphan.reason},
                          {"action", action}});
    }
    if (context.json)
        std::cout << nlohmann::json{{"orphans", listed}}.dump(2) << '\n';
    else if (orphans.value().empty())
        std::cout << "No leftover IsoLens containers.\n";
    else
        std::cout << alignColumns(rows);
    return failures == 0 ? 0 : 1;
}
