#include "host_notes.hpp"

#include "dashboard_view.hpp"
#include "host_panel.hpp"
#include "process_view.hpp"

#include "isolens/core/host/host_metrics.hpp"

#include <QObject>
#include <QStringList>

using namespace isolens;

void showHostSample(DashboardView& dashboard, const HostSnapshot& snapshot,
                    const QHash<int, ContainerProcessTag>& containerProcesses, const QString& taxExplanation)
{
    dashboard.processes()->model()->update(snapshot, containerProcesses);
    dashboard.processes()->setNote({});
    QStringList workers;
    for (const auto* worker : snapshot.vmWorkers())
        workers << QStringLiteral("%1 (PID %2)").arg(QString::fromStdString(worker->name)).arg(worker->pid);
    QStringList unavailable;
    for (const auto& missing : snapshot.unavailable)
        unavailable << QString::fromStdString(missing.what + ": " + missing.reason);
    dashboard.host()->setNotes(taxExplanation,
                               workers.isEmpty() ? QObject::tr("none on this host")
                                                 : workers.join(QStringLiteral(", ")),
                               unavailable);
}

void showEngineLocation(DashboardView& dashboard, const QString& where, bool onThisMachine)
{
    if (onThisMachine) {
        dashboard.processes()->setNote({});
        return;
    }
    const auto remote =
        QObject::tr("The engine at %1 runs on another machine. IsoLens measures the PC it runs on, so "
                    "the host figures, its VM workers (vmmem), the isolation tax and the host process "
                    "list are not shown for it; the pair's own CPU and memory are the engine's figures. "
                    "Run IsoLens on the engine's host to see them.")
            .arg(where);
    dashboard.processes()->model()->update(HostSnapshot{}, {});
    dashboard.processes()->setNote(remote);
    const auto notMeasured = QObject::tr("not measured: the engine is on another machine");
    dashboard.host()->setNotes(notMeasured, notMeasured, {remote});
}

void showRecordedHostNotes(DashboardView& dashboard)
{
    dashboard.processes()->model()->update(HostSnapshot{}, {});
    dashboard.processes()->setNote(
        QObject::tr("The process list is live: it shows this machine's processes while "
                    "IsoLens is connected to an engine. A recording keeps the charts' "
                    "series (the pair, the host, VM workers, the isolation tax), not the "
                    "process list."));
    dashboard.host()->setNotes(QObject::tr("as recorded (a chart, when the recording has a figure)"),
                               QObject::tr("as recorded (the VM workers line, when there were any)"), {});
}
