#pragma once

// Turns engine data (an event's spec, issued tickets, a completed counter sale) into the texts a
// ticket and a receipt print.

#include "boxoffice/CounterSale.h"
#include "event/EventSpec.h"
#include "ledger/CommandResult.h"
#include "tickets/TicketContent.h"

#include <QCoreApplication>
#include <QDateTime>

class TicketContentFactory {
    Q_DECLARE_TR_FUNCTIONS(TicketContentFactory)

public:
    // "<event>-<order>": order ids are dense per event, so the event id makes them unique.
    static QString orderNumber(usher::EventId event, usher::OrderId order);
    static TicketContent ticket(const usher::EventSpec& spec, const usher::IssuedTicket& ticket, usher::OrderId order);
    // The applied tenders of a sale, its lines and the change given.
    static ReceiptContent receipt(const usher::EventSpec& spec, const std::vector<usher::CartLine>& lines,
                                  const std::vector<usher::SaleTender>& tenders, usher::OrderId order,
                                  const QString& header, const QString& clerk, const QDateTime& at);
};
