#pragma once

// Lays out and paints tickets and receipts; writes them to PDF (QPdfWriter), to a printer
// (QPrinter) or to an image. Layouts work in points (1/72 inch) whatever the device; the painter
// is scaled to the device's resolution.

#include "tickets/TicketContent.h"

#include <QCoreApplication>
#include <QImage>
#include <QPageLayout>
#include <QRectF>
#include <QVector>

class QPainter;
class QPagedPaintDevice;
class QPrinter;

// Where things landed on the page (in points), for tests and for previews.
struct PaintedRegions {
    QRectF page;
    QRectF qr;         // the QR modules (without quiet zone); empty on receipts
    int qrModules = 0; // modules per side
    QVector<QPair<QString, QRectF>> texts;
    bool hasText(const QString& text) const;
};

class TicketRenderer {
    Q_DECLARE_TR_FUNCTIONS(TicketRenderer)

public:
    static QPageLayout ticketPageLayout(TicketLayout layout);
    static QPageLayout receiptPageLayout(); // 80 mm roll, 200 mm long per page

    // Paints one ticket on a page whose size is `pagePoints` (the painter is in points).
    static PaintedRegions paintTicket(QPainter& painter, const QSizeF& pagePoints, const TicketContent& ticket,
                                      TicketLayout layout);
    static PaintedRegions paintReceipt(QPainter& painter, const QSizeF& pagePoints, const ReceiptContent& receipt);

    // One page per ticket. False with *error when the file cannot be written or a code cannot be
    // encoded.
    static bool writeTicketsPdf(const QString& path, const QVector<TicketContent>& tickets, TicketLayout layout,
                                QString* error);
    static bool printTickets(QPrinter& printer, const QVector<TicketContent>& tickets, TicketLayout layout,
                             QString* error);
    static bool writeReceiptPdf(const QString& path, const ReceiptContent& receipt, QString* error);
    static bool printReceipt(QPrinter& printer, const ReceiptContent& receipt, QString* error);

    // The ticket as an image at `dpi` (white background), with where things landed.
    static QImage renderTicket(const TicketContent& ticket, TicketLayout layout, int dpi, PaintedRegions* regions);
    static QImage renderReceipt(const ReceiptContent& receipt, int dpi, PaintedRegions* regions);

private:
    static bool paintTicketPages(QPagedPaintDevice& device, int resolution, const QVector<TicketContent>& tickets,
                                 TicketLayout layout, QString* error);
};
