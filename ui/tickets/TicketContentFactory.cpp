#include "tickets/TicketContentFactory.h"

#include "boxoffice/Money.h"

namespace {

QString money(usher::Amount amount, const std::string& currency)
{
    return QString::fromStdString(usher::formatMoney(amount, currency));
}

QString priceTypeName(const usher::EventSpec& spec, std::uint8_t priceType)
{
    return priceType < spec.priceTypes.size() ? QString::fromStdString(spec.priceTypes[priceType].name) : QString();
}

} // namespace

QString TicketContentFactory::orderNumber(usher::EventId event, usher::OrderId order)
{
    return QString::number(event) + QLatin1Char('-') + QString::number(order);
}

TicketContent TicketContentFactory::ticket(const usher::EventSpec& spec, const usher::IssuedTicket& issued,
                                           usher::OrderId order)
{
    const usher::Venue& venue = *spec.venue;
    TicketContent t;
    t.eventName = QString::fromStdString(spec.name);
    t.venueName = QString::fromStdString(venue.name);
    t.startsAt = QDateTime::fromMSecsSinceEpoch(spec.startsAt, Qt::UTC);
    t.timeZone = QByteArray::fromStdString(spec.timeZone);
    std::uint16_t category = 0;
    if (issued.seat != 0) {
        const usher::SeatIndex index = venue.seatIndex(issued.seat);
        if (index != usher::kNoSeat) {
            const usher::VenueSeat& seat = venue.seats[index];
            t.section = QString::fromStdString(venue.sections[seat.section].name);
            t.row = QString::fromStdString(venue.rows[seat.row].name);
            t.seat = QString::fromStdString(seat.number);
            category = seat.category;
        }
    } else {
        for (const usher::VenueArea& area : venue.areas) {
            if (area.id == issued.area) {
                t.section = QString::fromStdString(area.name);
                category = area.category;
            }
        }
    }
    if (category < venue.categories.size())
        t.category = QString::fromStdString(venue.categories[category].name);
    t.priceType = priceTypeName(spec, issued.priceType);
    t.price = money(issued.amount, spec.currency);
    t.orderNumber = orderNumber(spec.id, order);
    t.code = QString::fromStdString(usher::ticketCodeText(issued.code));
    return t;
}

ReceiptContent TicketContentFactory::receipt(const usher::EventSpec& spec, const std::vector<usher::CartLine>& lines,
                                             const std::vector<usher::SaleTender>& tenders, usher::OrderId order,
                                             const QString& header, const QString& clerk, const QDateTime& at)
{
    ReceiptContent r;
    r.header = header;
    r.orderNumber = orderNumber(spec.id, order);
    r.at = at;
    r.clerk = clerk;
    usher::Amount total = 0;
    for (const usher::CartLine& line : lines) {
        r.items.append(
            { QString::fromStdString(line.label) + QStringLiteral(" · ") + priceTypeName(spec, line.priceType),
              money(line.price, spec.currency) });
        total += line.price;
    }
    r.total = money(total, spec.currency);
    usher::Amount change = 0;
    for (const usher::SaleTender& tender : tenders) {
        if (tender.state != usher::TenderState::Applied)
            continue;
        QString text;
        switch (tender.method) {
        case usher::PaymentMethod::Cash: text = tr("Cash"); break;
        case usher::PaymentMethod::Card: text = tr("Card %1").arg(QString::fromStdString(tender.authCode)); break;
        case usher::PaymentMethod::Complimentary: text = tr("Complimentary"); break;
        }
        // Cash shows what was handed over; the change line gives the difference back.
        const usher::Amount shown = tender.method == usher::PaymentMethod::Cash ? tender.tendered : tender.amount;
        r.tenders.append({ text.trimmed(), money(shown, spec.currency) });
        change += tender.change;
    }
    if (change > 0)
        r.change = money(change, spec.currency);
    return r;
}
