#include "engine_presentation.hpp"

#include "dashboard_view.hpp"

#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/engine/engine_os.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

void showEngineFacts(DashboardView& dashboard, const QString& where, const EngineFacts& facts,
                     const QString& factsText)
{
    const auto modes = availableModes(facts.info);
    auto* launcher = dashboard.launcher();
    launcher->setModes(modes.modes, fromStd(modes.reason));
    launcher->setCommandSyntax(commandSyntaxFor(facts.info.osType));
    launcher->setEngineOs(engineOsFromOsType(facts.info.osType));
    dashboard.setEngineSummary(
        QObject::tr("<b>Engine</b> %1 \u00b7 %2 \u00b7 Docker %3 \u00b7 default isolation: %4 \u00b7 "
                    "<span style='color:#2b8a3e'>connected</span>")
            .arg(where.toHtmlEscaped(), fromStd(facts.info.osType), fromStd(facts.version.version),
                 fromStd(describeDefaultIsolation(facts.info)).toHtmlEscaped()),
        factsText, true);
}

void showNoEngine(DashboardView& dashboard, const QString& where, const Error& error,
                  const QString& bannerText)
{
    dashboard.setEngineSummary(QObject::tr("<b>No engine</b> at %1: %2")
                                   .arg(where.toHtmlEscaped(), fromStd(error.message).toHtmlEscaped()),
                               bannerText, false);
}

QString choiceForStart(const StartOnConnect& start, const EngineFacts& facts, PairChoice& choice)
{
    const auto modes = availableModes(facts.info);
    choice = PairChoice{start.image, start.command, start.workload, {0, 1}};
    for (int side = 0; side < 2 && side < start.modes.size(); ++side) {
        auto found = findMode(modes, facts.info, start.modes[side].toStdString());
        if (!found)
            return fromStd(found.error().message);
        choice.modeIndexes[side] = static_cast<int>(found.value());
    }
    return {};
}
