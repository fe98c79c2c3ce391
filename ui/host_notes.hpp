#pragma once

#include "host_process_model.hpp"

#include <QHash>
#include <QString>

class DashboardView;
namespace isolens {
struct HostSnapshot;
}

// What the Host and Processes tabs say beside their figures, for each source of them.

// A live sample of this PC: the process list, the isolation tax's explanation, the VM workers, and what
// could not be measured.
void showHostSample(DashboardView& dashboard, const isolens::HostSnapshot& snapshot,
                    const QHash<int, ContainerProcessTag>& containerProcesses, const QString& taxExplanation);
// The engine's location: an engine on another machine has its own host, processes and VM workers, which
// nothing here can see, so this PC's figures are not shown as if they were the engine's.
void showEngineLocation(DashboardView& dashboard, const QString& where, bool onThisMachine);
// A recording: the process list and the host notes are live views, the recording holds the charts' series.
void showRecordedHostNotes(DashboardView& dashboard);
