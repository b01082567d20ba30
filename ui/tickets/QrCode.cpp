#include "tickets/QrCode.h"

#include <QPainter>
#include <QRectF>
#include <qrencode.h>

namespace {

constexpr int kQuietZoneModules = 4;

} // namespace

QrCode QrCode::encode(const QByteArray& text)
{
    QrCode code;
    if (text.isEmpty())
        return code;
    QRcode* symbol = QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!symbol)
        return code;
    code.m_version = symbol->version;
    code.m_size = symbol->width;
    code.m_modules.resize(static_cast<std::size_t>(symbol->width) * static_cast<std::size_t>(symbol->width));
    for (std::size_t i = 0; i < code.m_modules.size(); ++i)
        code.m_modules[i] = symbol->data[i] & 1; // bit 0 is the module colour; the others are metadata
    QRcode_free(symbol);
    return code;
}

QRectF QrCode::paint(QPainter& painter, const QRectF& target) const
{
    if (isNull())
        return QRectF();
    const qreal side = qMin(target.width(), target.height());
    const qreal module = side / (m_size + 2 * kQuietZoneModules);
    const QPointF origin(target.center().x() - side / 2 + kQuietZoneModules * module,
                         target.center().y() - side / 2 + kQuietZoneModules * module);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawRect(QRectF(target.center().x() - side / 2, target.center().y() - side / 2, side, side));
    painter.setBrush(Qt::black);
    // One rectangle per run of dark modules in a row: fewer, larger shapes print crisper.
    for (int y = 0; y < m_size; ++y) {
        int x = 0;
        while (x < m_size) {
            if (!isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < m_size && isDark(x, y))
                ++x;
            painter.drawRect(
                QRectF(origin.x() + start * module, origin.y() + y * module, (x - start) * module, module));
        }
    }
    painter.restore();
    return QRectF(origin, QSizeF(m_size * module, m_size * module));
}
