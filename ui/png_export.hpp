#pragma once

#include <QImage>
#include <QSize>

class QWidget;

// Renders a widget (a chart, or the whole dashboard) into an image: at the display's pixel ratio
// when no size is given, or stretched to the given size. Drawing goes through QPainter, so charts
// are re-drawn at the target resolution rather than scaled from screen pixels.
QImage renderWidget(QWidget* widget, QSize size = {}, qreal pixelRatio = 0.0);

// "WIDTHxHEIGHT" (e.g. 1920x1080); an invalid size when the text is not one.
QSize parseImageSize(const QString& text);
