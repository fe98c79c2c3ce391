#pragma once

#include <QString>

class DashboardController;
class SamplingStatus;

// The caption above the charts: what is shown (a replay, the live pair, the last pair), how the pair was
// hardened, and, in red, when both containers have exited or when every running side has been silent for
// 5 s (most likely the engine, not the containers: it says so, and that nothing is lost).
QString sessionCaption(const DashboardController& controller, const SamplingStatus& status);
