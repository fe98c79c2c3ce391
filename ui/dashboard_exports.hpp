#pragma once

#include <QSize>
#include <QString>

class DashboardController;
class QWidget;

// The dashboard's files for elsewhere: pictures, the data as CSV, a copy of the recording. Each returns ""
// on success, or what went wrong.

// A widget (the dashboard, a chart) as a PNG: at the display's pixel ratio, or at size when given.
QString exportWidgetPng(QWidget* widget, const QString& path, QSize size = {});
// Every sample of the live or last pair (or the replay) as CSV, written whole or not at all.
QString exportSessionCsv(const DashboardController& controller, const QString& path);
// What is recorded so far, copied to path (the save dialog has asked about replacing it).
QString copyRecording(const QString& recordingPath, const QString& path);

// Asks for a file name to save to; "" when cancelled. The folder is remembered under settingsKey.
QString askSavePath(QWidget* parent, const QString& title, const QString& settingsKey, const QString& name,
                    const QString& filter);

// Asks where to write a report (HTML, or Markdown with its charts beside it). The dialog offers no
// replacing: a report is only ever written to new files, so an existing name is refused when written,
// with the advice to pick another. "" when cancelled.
QString askReportPath(QWidget* parent, const QString& title, const QString& name);
