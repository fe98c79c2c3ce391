#pragma once

#include "launcher_panel.hpp"

#include <QString>
#include <QStringList>

class DashboardView;
namespace isolens {
struct EngineFacts;
struct Error;
} // namespace isolens

// How the dashboard shows the engine's state.

// Connected: the engine bar's summary, and the launcher set up for this engine (its modes, why others are
// missing, its command syntax, its OS).
void showEngineFacts(DashboardView& dashboard, const QString& where, const isolens::EngineFacts& facts,
                     const QString& factsText);
// No engine: the engine bar says what was tried and what happened.
void showNoEngine(DashboardView& dashboard, const QString& where, const isolens::Error& error,
                  const QString& bannerText);

// A pair asked for on the command line (--start), to start as soon as the engine connects: image, command,
// workload, and two modes by label, isolation or runtime (none: the first two offered).
struct StartOnConnect {
    QString image;
    QString command;
    QString workload;
    QStringList modes;
};
// The launcher's choice for it on this engine; "" and choice filled, or why a mode is not offered.
QString choiceForStart(const StartOnConnect& start, const isolens::EngineFacts& facts, PairChoice& choice);
