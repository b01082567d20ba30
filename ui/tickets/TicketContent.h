#pragma once

// What a printed ticket and a receipt show, already resolved to text (the caller formats money
// with the event's currency and looks up names in the venue and the event spec).

#include <QDateTime>
#include <QString>
#include <QVector>

struct TicketContent {
    QString eventName;
    QString venueName;
    QDateTime startsAt;  // any time spec; shown in timeZone
    QByteArray timeZone; // IANA id of the event's zone, e.g. "Europe/Berlin"; empty: startsAt's own
    QString section;
    QString row;
    QString seat;      // empty for general admission (section then names the area)
    QString category;  // "Category A"
    QString priceType; // "Adult"
    QString price;     // "50.00 EUR"
    QString orderNumber;
    QString code; // the ticket code (26 characters of Crockford base32)
};

struct ReceiptLine {
    QString text;
    QString amount;
};

struct ReceiptContent {
    QString header; // the box office's name and address, one or more lines
    QString orderNumber;
    QDateTime at;
    QString clerk;
    QVector<ReceiptLine> items; // one per ticket
    QString total;
    QVector<ReceiptLine> tenders; // "Cash" "60.00 EUR", "Card A100001" "40.00 EUR"
    QString change;               // empty when none
};

enum class TicketLayout {
    Thermal, // 2 x 5.5 inches, portrait: the box office's ticket printer
    A4,      // the ticket at the top of an A4 page (print at home, e-mail)
    Letter,  // the same on US Letter
};
