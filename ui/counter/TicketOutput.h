#pragma once

// Where the counter's tickets go when a sale completes: the box office's ticket printer (QPrinter
// through CUPS, no dialog: the clerk is mid-queue) or, when no printer is set, PDF files in a
// folder (one with the thermal tickets, one with the receipt). Ctrl+P prints again through the
// print dialog and Ctrl+Shift+S saves a copy as PDF anywhere.

#include "boxoffice/CounterSale.h"
#include "event/EventSpec.h"
#include "tickets/TicketContent.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

class QWidget;

namespace usher::ui {

// Everything printed for one completed sale.
struct IssuedSale {
    EventSpec spec;
    OrderId order = 0;
    std::vector<IssuedTicket> tickets;
    std::vector<CartLine> lines;
    std::vector<SaleTender> tenders;
    QString clerk;
    QDateTime at;
    QString orderNumber() const;
    QVector<TicketContent> ticketContents() const;
    ReceiptContent receipt() const;
};

class TicketOutput {
    Q_DECLARE_TR_FUNCTIONS(TicketOutput)

public:
    QString printerName;  // empty: PDF files in pdfDirectory
    QString pdfDirectory; // created when missing
    QString receiptHeader;

    // Issues the tickets and the receipt. *where says where they went; false with *error.
    bool issue(const IssuedSale& sale, QString* where, QString* error) const;
    // The print dialog, then the tickets and the receipt on the chosen printer.
    bool printWithDialog(QWidget* parent, const IssuedSale& sale, QString* error) const;
    // The tickets (thermal layout) as one PDF at `path`, the receipt beside it.
    bool savePdf(const IssuedSale& sale, const QString& path, QString* error) const;
};

} // namespace usher::ui
