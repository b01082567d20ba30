#include "counter/ReprintOutput.h"

#include "counter/AfterSaleTask.h"
#include "tickets/TicketContentFactory.h"
#include "tickets/TicketRenderer.h"

#include <QDir>
#include <QPrinter>

namespace usher::ui {

QVector<TicketContent> ReprintOutput::contents(const EventSpec& spec, const std::vector<IssuedTicket>& tickets,
                                               OrderId order)
{
    QVector<TicketContent> out;
    for (const IssuedTicket& t : tickets)
        out.push_back(TicketContentFactory::ticket(spec, t, order));
    return out;
}

QString ReprintOutput::print(QWidget* parent, const QVector<TicketContent>& tickets, TicketLayout layout, bool* ok)
{
    *ok = false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Tickets"));
    if (!AfterSaleHooks::setUpPrinter(parent, &printer))
        return {};
    QString error;
    *ok = TicketRenderer::printTickets(printer, tickets, layout, &error);
    return *ok ? tr("%n ticket(s) sent to the printer %1.", nullptr, static_cast<int>(tickets.size()))
                     .arg(printer.printerName())
               : tr("Printing failed: %1").arg(error);
}

QString ReprintOutput::savePdf(QWidget* parent, const QVector<TicketContent>& tickets, TicketLayout layout,
                               const QString& suggestedName, bool* ok)
{
    *ok = false;
    const QString path = AfterSaleHooks::savePath(parent, tr("Save the tickets as PDF"),
                                                  QDir::home().filePath(suggestedName), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return {};
    QString error;
    *ok = TicketRenderer::writeTicketsPdf(path, tickets, layout, &error);
    return *ok
        ? tr("%n ticket(s) saved to %1.", nullptr, static_cast<int>(tickets.size())).arg(QDir::toNativeSeparators(path))
        : tr("Cannot save the tickets: %1").arg(error);
}

} // namespace usher::ui
