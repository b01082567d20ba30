#include "counter/TicketOutput.h"

#include "tickets/TicketContentFactory.h"
#include "tickets/TicketRenderer.h"

#include <QDir>
#include <QFileInfo>
#include <QPrintDialog>
#include <QPrinter>

namespace usher::ui {

QString IssuedSale::orderNumber() const
{
    return TicketContentFactory::orderNumber(spec.id, order);
}

QVector<TicketContent> IssuedSale::ticketContents() const
{
    QVector<TicketContent> contents;
    for (const IssuedTicket& ticket : tickets)
        contents.push_back(TicketContentFactory::ticket(spec, ticket, order));
    return contents;
}

ReceiptContent IssuedSale::receipt() const
{
    return TicketContentFactory::receipt(spec, lines, tenders, order, QString(), clerk, at);
}

bool TicketOutput::issue(const IssuedSale& sale, QString* where, QString* error) const
{
    if (!printerName.isEmpty()) {
        QPrinter printer(QPrinter::HighResolution);
        printer.setPrinterName(printerName);
        if (!printer.isValid()) {
            //: %1 is a printer name.
            *error = tr("The ticket printer “%1” is not available.").arg(printerName);
            return false;
        }
        if (!TicketRenderer::printTickets(printer, sale.ticketContents(), TicketLayout::Thermal, error))
            return false;
        ReceiptContent receipt = sale.receipt();
        receipt.header = receiptHeader;
        if (!TicketRenderer::printReceipt(printer, receipt, error))
            return false;
        //: %1 is a printer name.
        *where = tr("printed on %1").arg(printerName);
        return true;
    }
    if (!QDir().mkpath(pdfDirectory)) {
        //: %1 is a folder.
        *error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(pdfDirectory));
        return false;
    }
    const QString path = QDir(pdfDirectory).filePath(sale.orderNumber() + QStringLiteral("-tickets.pdf"));
    if (!savePdf(sale, path, error))
        return false;
    //: %1 is a file.
    *where = tr("saved to %1").arg(QDir::toNativeSeparators(path));
    return true;
}

bool TicketOutput::printWithDialog(QWidget* parent, const IssuedSale& sale, QString* error) const
{
    QPrinter printer(QPrinter::HighResolution);
    if (!printerName.isEmpty())
        printer.setPrinterName(printerName);
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(tr("Print the tickets of order %1").arg(sale.orderNumber()));
    if (dialog.exec() != QDialog::Accepted)
        return true;
    ReceiptContent receipt = sale.receipt();
    receipt.header = receiptHeader;
    return TicketRenderer::printTickets(printer, sale.ticketContents(), TicketLayout::Thermal, error)
        && TicketRenderer::printReceipt(printer, receipt, error);
}

bool TicketOutput::savePdf(const IssuedSale& sale, const QString& path, QString* error) const
{
    ReceiptContent receipt = sale.receipt();
    receipt.header = receiptHeader;
    const QFileInfo info(path);
    const QString receiptPath
        = info.dir().filePath(info.completeBaseName().replace(QStringLiteral("-tickets"), QString())
                              + QStringLiteral("-receipt.pdf"));
    return TicketRenderer::writeTicketsPdf(path, sale.ticketContents(), TicketLayout::Thermal, error)
        && TicketRenderer::writeReceiptPdf(receiptPath, receipt, error);
}

} // namespace usher::ui
