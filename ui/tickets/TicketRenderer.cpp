#include "tickets/TicketRenderer.h"

#include "tickets/QrCode.h"

#include <QFontDatabase>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QTimeZone>

namespace {

constexpr qreal kPointsPerInch = 72.0;
constexpr int kPdfResolution = 300;

// Fonts are sized in the painter's units, which are points (see the class comment).
QFont font(int points, bool bold = false, bool fixed = false)
{
    QFont f = fixed ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QFont();
    f.setPixelSize(points);
    f.setBold(bold);
    return f;
}

// Draws `text` in `rect` and records where it went.
void drawText(QPainter& painter, PaintedRegions* regions, const QRectF& rect, int flags, const QFont& f,
              const QString& text)
{
    if (text.isEmpty())
        return;
    painter.setFont(f);
    QRectF used;
    painter.drawText(rect, flags, text, &used);
    regions->texts.append({ text, used });
}

QString localStart(const TicketContent& ticket)
{
    QDateTime when = ticket.startsAt;
    const QTimeZone zone(ticket.timeZone);
    if (!ticket.timeZone.isEmpty() && zone.isValid())
        when = when.toTimeZone(zone);
    const QLocale locale;
    return locale.toString(when.date(), QLocale::LongFormat) + QStringLiteral(", ")
        + locale.toString(when.time(), QLocale::ShortFormat);
}

QString seatLine(const TicketContent& ticket)
{
    if (ticket.seat.isEmpty())
        return ticket.section;
    return TicketRenderer::tr("%1, row %2, seat %3").arg(ticket.section, ticket.row, ticket.seat);
}

QRectF paintQr(QPainter& painter, PaintedRegions* regions, const QRectF& target, const QString& code)
{
    const QrCode qr = QrCode::encode(code.toUtf8());
    if (qr.isNull())
        return QRectF();
    regions->qr = qr.paint(painter, target);
    regions->qrModules = qr.size();
    return regions->qr;
}

void paintThermal(QPainter& painter, PaintedRegions* r, const QSizeF& page, const TicketContent& t)
{
    const qreal m = 8;
    const qreal w = page.width() - 2 * m;
    const int wrap = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    drawText(painter, r, QRectF(m, m, w, 34), wrap, font(11, true), t.eventName);
    drawText(painter, r, QRectF(m, 44, w, 11), wrap, font(7), t.venueName);
    drawText(painter, r, QRectF(m, 56, w, 12), wrap, font(8), localStart(t));
    painter.drawLine(QPointF(m, 71), QPointF(m + w, 71));
    const QString labels[3] = { TicketRenderer::tr("Section"), TicketRenderer::tr("Row"), TicketRenderer::tr("Seat") };
    const QString values[3] = { t.section, t.row, t.seat };
    const int columns = t.seat.isEmpty() ? 1 : 3;
    for (int i = 0; i < columns; ++i) {
        const qreal x = m + i * w / columns;
        drawText(painter, r, QRectF(x, 75, w / columns, 8), Qt::AlignLeft | Qt::AlignTop, font(6), labels[i]);
        drawText(painter, r, QRectF(x, 84, w / columns, 14), Qt::AlignLeft | Qt::AlignTop, font(10, true), values[i]);
    }
    drawText(painter, r, QRectF(m, 102, w, 11), wrap, font(7), t.category + QStringLiteral(" · ") + t.priceType);
    drawText(painter, r, QRectF(m, 114, w, 15), Qt::AlignLeft | Qt::AlignTop, font(11, true), t.price);
    drawText(painter, r, QRectF(m, 131, w, 10), Qt::AlignLeft | Qt::AlignTop, font(7),
             TicketRenderer::tr("Order %1").arg(t.orderNumber));
    const qreal qrSide = w;
    const qreal qrTop = page.height() - m - 10 - qrSide;
    paintQr(painter, r, QRectF(m, qrTop, qrSide, qrSide), t.code);
    drawText(painter, r, QRectF(m, qrTop + qrSide + 1, w, 9), Qt::AlignHCenter | Qt::AlignTop, font(6, false, true),
             t.code);
}

void paintSheet(QPainter& painter, PaintedRegions* r, const QSizeF& page, const TicketContent& t)
{
    const qreal m = 36;
    const QRectF box(m, m, page.width() - 2 * m, 250);
    painter.drawRect(box);
    const qreal qrSide = 180;
    const qreal textWidth = box.width() - qrSide - 36;
    const qreal x = box.left() + 16;
    const int wrap = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;
    drawText(painter, r, QRectF(x, box.top() + 16, textWidth, 44), wrap, font(18, true), t.eventName);
    drawText(painter, r, QRectF(x, box.top() + 64, textWidth, 14), wrap, font(10), t.venueName);
    drawText(painter, r, QRectF(x, box.top() + 80, textWidth, 14), wrap, font(10, true), localStart(t));
    drawText(painter, r, QRectF(x, box.top() + 106, textWidth, 18), wrap, font(14, true), seatLine(t));
    drawText(painter, r, QRectF(x, box.top() + 130, textWidth, 14), wrap, font(10),
             t.category + QStringLiteral(" · ") + t.priceType);
    drawText(painter, r, QRectF(x, box.top() + 150, textWidth, 20), Qt::AlignLeft | Qt::AlignTop, font(16, true),
             t.price);
    drawText(painter, r, QRectF(x, box.top() + 178, textWidth, 14), Qt::AlignLeft | Qt::AlignTop, font(10),
             TicketRenderer::tr("Order %1").arg(t.orderNumber));
    drawText(painter, r, QRectF(x, box.top() + 196, textWidth, 12), Qt::AlignLeft | Qt::AlignTop, font(8, false, true),
             t.code);
    const QRectF qrTarget(box.right() - 16 - qrSide, box.top() + (box.height() - qrSide) / 2, qrSide, qrSide);
    paintQr(painter, r, qrTarget, t.code);
    drawText(painter, r, QRectF(m, box.bottom() + 12, box.width(), 40), wrap, font(9),
             TicketRenderer::tr("Show this ticket at the entrance. The QR code admits one person once; a reprinted "
                                "ticket replaces this one."));
}

} // namespace

bool PaintedRegions::hasText(const QString& text) const
{
    for (const auto& entry : texts) {
        if (entry.first == text)
            return true;
    }
    return false;
}

QPageLayout TicketRenderer::ticketPageLayout(TicketLayout layout)
{
    switch (layout) {
    case TicketLayout::Thermal:
        return QPageLayout(QPageSize(QSizeF(2.0, 5.5), QPageSize::Inch, QStringLiteral("Ticket 2x5.5in")),
                           QPageLayout::Portrait, QMarginsF());
    case TicketLayout::A4: return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF());
    case TicketLayout::Letter: return QPageLayout(QPageSize(QPageSize::Letter), QPageLayout::Portrait, QMarginsF());
    }
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF());
}

QPageLayout TicketRenderer::receiptPageLayout()
{
    return QPageLayout(QPageSize(QSizeF(80, 200), QPageSize::Millimeter, QStringLiteral("Receipt 80mm")),
                       QPageLayout::Portrait, QMarginsF());
}

PaintedRegions TicketRenderer::paintTicket(QPainter& painter, const QSizeF& pagePoints, const TicketContent& ticket,
                                           TicketLayout layout)
{
    PaintedRegions regions;
    regions.page = QRectF(QPointF(0, 0), pagePoints);
    painter.save();
    painter.setPen(Qt::black);
    if (layout == TicketLayout::Thermal)
        paintThermal(painter, &regions, pagePoints, ticket);
    else
        paintSheet(painter, &regions, pagePoints, ticket);
    painter.restore();
    return regions;
}

PaintedRegions TicketRenderer::paintReceipt(QPainter& painter, const QSizeF& pagePoints, const ReceiptContent& receipt)
{
    PaintedRegions r;
    r.page = QRectF(QPointF(0, 0), pagePoints);
    painter.save();
    painter.setPen(Qt::black);
    const qreal m = 10;
    const qreal w = pagePoints.width() - 2 * m;
    qreal y = m;
    const int wrap = Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap;
    auto row = [&](const QString& left, const QString& right, const QFont& f) {
        drawText(painter, &r, QRectF(m, y, w * 0.7, 12), Qt::AlignLeft | Qt::AlignTop, f, left);
        drawText(painter, &r, QRectF(m + w * 0.7, y, w * 0.3, 12), Qt::AlignRight | Qt::AlignTop, f, right);
        y += 12;
    };
    drawText(painter, &r, QRectF(m, y, w, 40), wrap, font(9, true), receipt.header);
    y += 42;
    drawText(painter, &r, QRectF(m, y, w, 12), wrap, font(10, true), tr("Receipt"));
    y += 14;
    row(tr("Order %1").arg(receipt.orderNumber), QString(), font(8));
    row(QLocale().toString(receipt.at, QLocale::ShortFormat), QString(), font(8));
    row(tr("Served by %1").arg(receipt.clerk), QString(), font(8));
    y += 4;
    for (const ReceiptLine& item : receipt.items)
        row(item.text, item.amount, font(8));
    painter.drawLine(QPointF(m, y + 2), QPointF(m + w, y + 2));
    y += 6;
    row(tr("Total"), receipt.total, font(9, true));
    for (const ReceiptLine& tender : receipt.tenders)
        row(tender.text, tender.amount, font(8));
    if (!receipt.change.isEmpty())
        row(tr("Change"), receipt.change, font(8, true));
    y += 8;
    drawText(painter, &r, QRectF(m, y, w, 24), wrap, font(7), tr("Thank you. Keep this receipt for refunds."));
    painter.restore();
    return r;
}

bool TicketRenderer::paintTicketPages(QPagedPaintDevice& device, int resolution, const QVector<TicketContent>& tickets,
                                      TicketLayout layout, QString* error)
{
    if (tickets.isEmpty()) {
        *error = tr("There are no tickets to print.");
        return false;
    }
    for (const TicketContent& ticket : tickets) {
        if (QrCode::encode(ticket.code.toUtf8()).isNull()) {
            *error = tr("The ticket code \"%1\" cannot be made into a QR code.").arg(ticket.code);
            return false;
        }
    }
    QPainter painter;
    if (!painter.begin(&device)) {
        *error = tr("The printer or file could not be opened.");
        return false;
    }
    const QSizeF page = device.pageLayout().paintRectPoints().size();
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        if (i > 0 && !device.newPage()) {
            *error = tr("A new page could not be started.");
            return false;
        }
        painter.save();
        painter.scale(resolution / kPointsPerInch, resolution / kPointsPerInch);
        paintTicket(painter, page, tickets[i], layout);
        painter.restore();
    }
    if (!painter.end()) {
        *error = tr("The tickets could not be written.");
        return false;
    }
    return true;
}

bool TicketRenderer::writeTicketsPdf(const QString& path, const QVector<TicketContent>& tickets, TicketLayout layout,
                                     QString* error)
{
    QPdfWriter writer(path);
    writer.setResolution(kPdfResolution);
    writer.setCreator(QStringLiteral("Usher"));
    writer.setTitle(tr("Tickets"));
    if (!writer.setPageLayout(ticketPageLayout(layout))) {
        *error = tr("The page size is not supported.");
        return false;
    }
    return paintTicketPages(writer, writer.resolution(), tickets, layout, error);
}

bool TicketRenderer::printTickets(QPrinter& printer, const QVector<TicketContent>& tickets, TicketLayout layout,
                                  QString* error)
{
    printer.setFullPage(true);
    if (!printer.setPageLayout(ticketPageLayout(layout))) {
        *error = tr("The printer does not support this page size.");
        return false;
    }
    return paintTicketPages(printer, printer.resolution(), tickets, layout, error);
}

namespace {

bool paintReceiptOn(QPagedPaintDevice& device, int resolution, const ReceiptContent& receipt, QString* error)
{
    QPainter painter;
    if (!painter.begin(&device)) {
        *error = TicketRenderer::tr("The printer or file could not be opened.");
        return false;
    }
    painter.scale(resolution / kPointsPerInch, resolution / kPointsPerInch);
    TicketRenderer::paintReceipt(painter, device.pageLayout().paintRectPoints().size(), receipt);
    if (!painter.end()) {
        *error = TicketRenderer::tr("The receipt could not be written.");
        return false;
    }
    return true;
}

QImage blankPage(const QPageLayout& layout, int dpi)
{
    const QSizeF points = layout.fullRectPoints().size();
    QImage image(qRound(points.width() * dpi / kPointsPerInch), qRound(points.height() * dpi / kPointsPerInch),
                 QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    return image;
}

} // namespace

bool TicketRenderer::writeReceiptPdf(const QString& path, const ReceiptContent& receipt, QString* error)
{
    QPdfWriter writer(path);
    writer.setResolution(kPdfResolution);
    writer.setCreator(QStringLiteral("Usher"));
    writer.setTitle(tr("Receipt"));
    writer.setPageLayout(receiptPageLayout());
    return paintReceiptOn(writer, writer.resolution(), receipt, error);
}

bool TicketRenderer::printReceipt(QPrinter& printer, const ReceiptContent& receipt, QString* error)
{
    printer.setFullPage(true);
    if (!printer.setPageLayout(receiptPageLayout())) {
        *error = tr("The printer does not support this page size.");
        return false;
    }
    return paintReceiptOn(printer, printer.resolution(), receipt, error);
}

QImage TicketRenderer::renderTicket(const TicketContent& ticket, TicketLayout layout, int dpi, PaintedRegions* regions)
{
    const QPageLayout page = ticketPageLayout(layout);
    QImage image = blankPage(page, dpi);
    QPainter painter(&image);
    painter.scale(dpi / kPointsPerInch, dpi / kPointsPerInch);
    const PaintedRegions painted = paintTicket(painter, page.fullRectPoints().size(), ticket, layout);
    if (regions)
        *regions = painted;
    return image;
}

QImage TicketRenderer::renderReceipt(const ReceiptContent& receipt, int dpi, PaintedRegions* regions)
{
    const QPageLayout page = receiptPageLayout();
    QImage image = blankPage(page, dpi);
    QPainter painter(&image);
    painter.scale(dpi / kPointsPerInch, dpi / kPointsPerInch);
    const PaintedRegions painted = paintReceipt(painter, page.fullRectPoints().size(), receipt);
    if (regions)
        *regions = painted;
    return image;
}
