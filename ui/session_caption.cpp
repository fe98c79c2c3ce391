#include "session_caption.hpp"

#include "dashboard_controller.hpp"
#include "sampling_status.hpp"

#include <QFileInfo>

namespace {

// Silence from every running side for this long is shown as a likely engine outage.
constexpr double kOutageWarningSeconds = 5.0;

} // namespace

QString sessionCaption(const DashboardController& controller, const SamplingStatus& status)
{
    const auto keys = controller.modeKeys();
    // A hardened pair's figures are not a default pair's: every caption of it says so.
    const auto hardened =
        controller.hardening().isEmpty()
            ? QString()
            : QObject::tr(" \u00b7 <span style='color:#e67700'>hardened: %1 (changes what is "
                          "measured)</span>")
                  .arg(controller.hardening().toHtmlEscaped());
    if (controller.isReplay())
        return QObject::tr("Replaying <b>%1</b> \u2014 %2 vs %3, from %4")
                   .arg(controller.sessionTitle().toHtmlEscaped(), keys[0].toHtmlEscaped(),
                        keys[1].toHtmlEscaped(),
                        QFileInfo(controller.recordingPath()).fileName().toHtmlEscaped()) +
               hardened;
    if (!controller.isRunning())
        return controller.sessionTitle().isEmpty()
                   ? QString()
                   : QObject::tr("Last pair: <b>%1</b>").arg(controller.sessionTitle().toHtmlEscaped()) +
                         hardened;
    const auto& exits = status.exits();
    if (!exits[0].isEmpty() && !exits[1].isEmpty())
        return QObject::tr("<span style='color:#c92a2a'><b>Both containers have exited</b> (%1: %2; %3: %4). "
                           "Nothing more is measured; Stop removes them, and the recording keeps what was "
                           "measured.</span>")
            .arg(keys[0].toHtmlEscaped(), exits[0].toHtmlEscaped(), keys[1].toHtmlEscaped(),
                 exits[1].toHtmlEscaped());
    const double quiet = status.quietSeconds();
    if (quiet >= kOutageWarningSeconds && quiet < 1e9)
        return QObject::tr(
                   "<span style='color:#c92a2a'><b>No samples from the running containers for %1 s.</b> The "
                   "engine may have stopped or restarted%2. IsoLens retries every second and keeps "
                   "recording; the charts show the silence as a gap. Check the engine, or stop the "
                   "pair.</span>")
            .arg(static_cast<int>(quiet))
            .arg(status.lastError().isEmpty()
                     ? QString()
                     : QStringLiteral(" (%1)").arg(status.lastError().toHtmlEscaped()));
    return QObject::tr("Live: <b>%1</b> \u2014 %2 vs %3")
               .arg(controller.sessionTitle().toHtmlEscaped(), keys[0].toHtmlEscaped(),
                    keys[1].toHtmlEscaped()) +
           hardened;
}
