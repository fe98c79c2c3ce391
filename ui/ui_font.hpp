#pragma once

#include <QString>
#include <QStringList>

class QApplication;

// The dashboard's text font: the platform's UI font, unless that font is not installed. Wine without its
// own fonts maps Windows' "MS Shell Dlg 2" to Tahoma and, lacking Tahoma, to a serif; then the first
// installed face of common sans-serif UI fonts takes its place, at the same size.

// The family to use: `resolved` (what the requested family resolves to) when it is the requested family or
// one of the UI faces, else the first UI face among `installed`; `resolved` when none is installed.
QString uiFontFamily(const QString& requested, const QString& resolved, const QStringList& installed);

// Applies uiFontFamily to the application's font; returns the family in use.
QString applyUiFont(QApplication& app);
