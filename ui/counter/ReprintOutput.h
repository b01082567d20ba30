#pragma once

// Printing or saving tickets that were just (re)issued at the counter: after a reprint or an
// exchange. The printer and the file are asked for through AfterSaleHooks.

#include "event/EventSpec.h"
#include "ledger/CommandResult.h"
#include "tickets/TicketContent.h"

#include <QCoreApplication>
#include <QString>
#include <QVector>

class QWidget;

namespace usher::ui {

class ReprintOutput {
    Q_DECLARE_TR_FUNCTIONS(ReprintOutput)

public:
    static QVector<TicketContent> contents(const EventSpec& spec, const std::vector<IssuedTicket>& tickets,
                                           OrderId order);
    // Empty when cancelled; else what happened, for the dialog's outcome line. *ok false on failure.
    static QString print(QWidget* parent, const QVector<TicketContent>& tickets, TicketLayout layout, bool* ok);
    static QString savePdf(QWidget* parent, const QVector<TicketContent>& tickets, TicketLayout layout,
                           const QString& suggestedName, bool* ok);
};

} // namespace usher::ui
