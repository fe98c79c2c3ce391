#include "png_export.hpp"

#include <QPainter>
#include <QRegularExpression>
#include <QWidget>

QImage renderWidget(QWidget* widget, QSize size, qreal pixelRatio)
{
    const QSize logical = widget->size();
    if (pixelRatio <= 0.0)
        pixelRatio = widget->devicePixelRatioF();
    const QSize pixels = size.isValid() ? size : logical * pixelRatio;
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(widget->palette().color(QPalette::Window));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(pixels.width() / static_cast<double>(logical.width()),
                  pixels.height() / static_cast<double>(logical.height()));
    widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    return image;
}

QSize parseImageSize(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,5})\\s*[xX]\\s*(\\d{1,5})\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return {};
    const QSize size(match.captured(1).toInt(), match.captured(2).toInt());
    return size.width() > 0 && size.height() > 0 && size.width() <= 16384 && size.height() <= 16384 ? size
                                                                                                    : QSize();
}
