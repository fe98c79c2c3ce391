#pragma once

class DashboardView;
class QMainWindow;

// What the dashboard remembers between runs: the window's layout (fitted to a smaller screen), the
// last image, command and workload, and the view (time window, CPU figure, overlay, tab).
void restoreWindowSettings(QMainWindow& window, DashboardView& dashboard);
// replay: a replay's time window (the whole session) is not the user's choice, so it is not kept.
void saveWindowSettings(const QMainWindow& window, const DashboardView& dashboard, bool replay);
