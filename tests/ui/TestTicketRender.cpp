// Tickets and receipts: the QR symbol (decoded here from libqrencode's matrix and from the
// rendered image, so a wrong code or a broken painter fails), the thermal, A4 and Letter layouts,
// PDF output and the QPrinter path.

#include "ledger/CommandResult.h"
#include "support/TempDir.h"
#include "support/TestEvents.h"
#include "tickets/QrCode.h"
#include "tickets/TicketContentFactory.h"
#include "tickets/TicketRenderer.h"

#include <QFile>
#include <QPrinter>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

namespace {

// Function patterns of a version 1..6 symbol (at most one alignment pattern, no version information).
bool isFunctionModule(int size, int x, int y)
{
    if ((x <= 8 && y <= 8) || (x >= size - 8 && y <= 8) || (x <= 8 && y >= size - 8))
        return true; // finders, separators, format information, the dark module
    if (x == 6 || y == 6)
        return true; // timing patterns
    if (size == 21)
        return false; // version 1 has no alignment pattern
    const int a = size - 7;
    return x >= a - 2 && x <= a + 2 && y >= a - 2 && y <= a + 2;
}

bool maskBit(int mask, int y, int x)
{
    switch (mask) {
    case 0: return (y + x) % 2 == 0;
    case 1: return y % 2 == 0;
    case 2: return x % 3 == 0;
    case 3: return (y + x) % 3 == 0;
    case 4: return (y / 2 + x / 3) % 2 == 0;
    case 5: return (y * x) % 2 + (y * x) % 3 == 0;
    case 6: return ((y * x) % 2 + (y * x) % 3) % 2 == 0;
    default: return ((y + x) % 2 + (y * x) % 3) % 2 == 0;
    }
}

// Reads a single-block symbol with one mask: the zigzag data walk of ISO 18004, then the segments.
QByteArray decodeWithMask(const std::vector<unsigned char>& modules, int size, int mask)
{
    std::vector<int> bits;
    bool upward = true;
    for (int right = size - 1; right > 0; right -= 2) {
        if (right == 6)
            right = 5; // the vertical timing pattern is skipped as a whole column
        for (int step = 0; step < size; ++step) {
            const int y = upward ? size - 1 - step : step;
            for (int x = right; x >= right - 1; --x) {
                if (isFunctionModule(size, x, y))
                    continue;
                const bool dark = modules[static_cast<std::size_t>(y * size + x)] != 0;
                bits.push_back(dark != maskBit(mask, y, x) ? 1 : 0);
            }
        }
        upward = !upward;
    }
    std::size_t at = 0;
    auto read = [&bits, &at](int count) {
        int value = 0;
        for (int i = 0; i < count; ++i, ++at)
            value = (value << 1) | (at < bits.size() ? bits[at] : 0);
        return value;
    };
    // Segments (versions 1 to 9): numeric, alphanumeric and byte, until the terminator.
    static const char kAlphanumeric[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    QByteArray text;
    while (at + 4 <= bits.size()) {
        const int mode = read(4);
        if (mode == 0b0001) {
            for (int left = read(10); left > 0; left -= 3)
                text.append(QByteArray::number(read(left >= 3       ? 10
                                                        : left == 2 ? 7
                                                                    : 4))
                                .rightJustified(qMin(left, 3), '0'));
        } else if (mode == 0b0010) {
            for (int left = read(9); left > 0; left -= 2) {
                if (left >= 2) {
                    const int pair = read(11);
                    text.append(kAlphanumeric[pair / 45]).append(kAlphanumeric[pair % 45]);
                } else {
                    text.append(kAlphanumeric[read(6) % 45]);
                }
            }
        } else if (mode == 0b0100) {
            for (int left = read(8); left > 0; --left)
                text.append(static_cast<char>(read(8)));
        } else {
            break; // terminator (or a mode this test does not expect)
        }
    }
    return text;
}

// The mask from the format information next to the top-left finder (ISO 18004 7.9), after checking
// that the error-correction level is M.
int readMask(const std::vector<unsigned char>& modules, int size)
{
    auto dark = [&](int x, int y) { return modules[static_cast<std::size_t>(y * size + x)] != 0 ? 1 : 0; };
    int bits = 0;
    for (int i = 0; i <= 5; ++i)
        bits |= dark(8, i) << i;
    bits |= dark(8, 7) << 6;
    bits |= dark(8, 8) << 7;
    bits |= dark(7, 8) << 8;
    for (int i = 9; i < 15; ++i)
        bits |= dark(14 - i, 8) << i;
    bits ^= 0x5412;
    const int level = (bits >> 13) & 3; // L = 1, M = 0, Q = 3, H = 2
    return level == 0 ? (bits >> 10) & 7 : -1;
}

QByteArray decode(const std::vector<unsigned char>& modules, int size)
{
    const int mask = readMask(modules, size);
    return mask < 0 ? QByteArray() : decodeWithMask(modules, size, mask);
}

QString codeText()
{
    usher::TicketCode code {};
    for (std::size_t i = 0; i < code.size(); ++i)
        code[i] = static_cast<std::uint8_t>(i * 37 + 11);
    return QString::fromStdString(usher::ticketCodeText(code));
}

TicketContent sampleTicket()
{
    TicketContent t;
    t.eventName = QStringLiteral("The Magic Flute");
    t.venueName = QStringLiteral("Usher Theatre");
    t.startsAt = QDateTime(QDate(2026, 12, 24), QTime(19, 30), QTimeZone("Europe/Berlin"));
    t.timeZone = "Europe/Berlin";
    t.section = QStringLiteral("Stalls");
    t.row = QStringLiteral("F");
    t.seat = QStringLiteral("12");
    t.category = QStringLiteral("Category A");
    t.priceType = QStringLiteral("Adult");
    t.price = QStringLiteral("50.00 EUR");
    t.orderNumber = QStringLiteral("1-42");
    t.code = codeText();
    return t;
}

// Samples the image at every module centre of `qr` (in points) and returns the module matrix.
std::vector<unsigned char> sampleModules(const QImage& image, const QRectF& qr, int modules, int dpi)
{
    std::vector<unsigned char> sampled;
    const qreal scale = dpi / 72.0;
    const qreal module = qr.width() / modules;
    for (int y = 0; y < modules; ++y) {
        for (int x = 0; x < modules; ++x) {
            const QPointF centre((qr.left() + (x + 0.5) * module) * scale, (qr.top() + (y + 0.5) * module) * scale);
            sampled.push_back(qGray(image.pixel(centre.toPoint())) < 128 ? 1 : 0);
        }
    }
    return sampled;
}

// The page size of a PDF's first page, in points (Qt writes "/MediaBox [0 0 W H]").
QSizeF pdfPageSize(const QByteArray& pdf)
{
    static const QRegularExpression box(QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
    const QRegularExpressionMatch match = box.match(QString::fromLatin1(pdf));
    return match.hasMatch() ? QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble()) : QSizeF();
}

int pdfPageCount(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page[^s]"));
    return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

} // namespace

class TestTicketRender : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void qrMatrixEncodesTheCode()
    {
        const QString code = codeText();
        QCOMPARE(code.size(), 26);
        const QrCode qr = QrCode::encode(code.toUtf8());
        QVERIFY(!qr.isNull());
        QCOMPARE(qr.version(), 2); // 26 bytes at level M
        QCOMPARE(qr.size(), 4 * qr.version() + 17);
        // Finder patterns: dark 7x7 rings with a dark 3x3 centre, in three corners.
        for (const QPoint corner : { QPoint(0, 0), QPoint(qr.size() - 7, 0), QPoint(0, qr.size() - 7) }) {
            for (int i = 0; i < 7; ++i) {
                QVERIFY(qr.isDark(corner.x() + i, corner.y()));
                QVERIFY(qr.isDark(corner.x(), corner.y() + i));
            }
            QVERIFY(!qr.isDark(corner.x() + 1, corner.y() + 1));
            QVERIFY(qr.isDark(corner.x() + 3, corner.y() + 3));
        }
        QCOMPARE(decode(qr.modules(), qr.size()), code.toUtf8());
        const QrCode other = QrCode::encode("0000000000000000000000000Z");
        QVERIFY(other.modules() != qr.modules());
        QCOMPARE(decode(other.modules(), other.size()), QByteArray("0000000000000000000000000Z"));
        QVERIFY(QrCode::encode(QByteArray()).isNull());
        QVERIFY(QrCode::encode(QByteArray(5000, 'x')).isNull()); // beyond version 40
    }

    void thermalTicketLayout()
    {
        const TicketContent ticket = sampleTicket();
        const int dpi = 203; // the usual thermal ticket printer
        PaintedRegions regions;
        const QImage image = TicketRenderer::renderTicket(ticket, TicketLayout::Thermal, dpi, &regions);
        QCOMPARE(image.size(), QSize(qRound(2.0 * dpi), qRound(5.5 * dpi)));
        QCOMPARE(regions.page.size(), QSizeF(144, 396));
        for (const QString& text : { ticket.eventName, ticket.venueName, ticket.section, ticket.row, ticket.seat,
                                     ticket.price, ticket.code, TicketRenderer::tr("Order %1").arg(ticket.orderNumber),
                                     ticket.category + QStringLiteral(" · ") + ticket.priceType })
            QVERIFY2(regions.hasText(text), qPrintable(text));
        // The date is shown in the event's zone and the locale's format.
        QVERIFY2(regions.hasText(QLocale().toString(QDate(2026, 12, 24), QLocale::LongFormat) + QStringLiteral(", ")
                                 + QLocale().toString(QTime(19, 30), QLocale::ShortFormat)),
                 "date and time");
        // Everything is on the page, and nothing overlaps the QR code.
        QVERIFY(regions.page.contains(regions.qr));
        QVERIFY(regions.qr.width() >= 1.3 * 72); // scannable from the thermal printout
        for (const auto& [text, rect] : regions.texts) {
            QVERIFY2(regions.page.contains(rect), qPrintable(text));
            QVERIFY2(!rect.intersects(regions.qr), qPrintable(text));
        }
        // The printed modules are the symbol's, and they decode to the ticket code.
        const std::vector<unsigned char> printed = sampleModules(image, regions.qr, regions.qrModules, dpi);
        QCOMPARE(printed, QrCode::encode(ticket.code.toUtf8()).modules());
        QCOMPARE(decode(printed, regions.qrModules), ticket.code.toUtf8());
    }

    void sheetLayouts()
    {
        const TicketContent ticket = sampleTicket();
        for (const TicketLayout layout : { TicketLayout::A4, TicketLayout::Letter }) {
            PaintedRegions regions;
            const QImage image = TicketRenderer::renderTicket(ticket, layout, 150, &regions);
            const QSizeF expected = layout == TicketLayout::A4 ? QSizeF(595, 842) : QSizeF(612, 792);
            QCOMPARE(regions.page.size().toSize(), expected.toSize());
            QVERIFY(regions.hasText(QStringLiteral("Stalls, row F, seat 12")));
            QVERIFY(regions.hasText(ticket.price));
            QVERIFY(regions.page.contains(regions.qr));
            for (const auto& [text, rect] : regions.texts)
                QVERIFY2(!rect.intersects(regions.qr), qPrintable(text));
            const std::vector<unsigned char> printed = sampleModules(image, regions.qr, regions.qrModules, 150);
            QCOMPARE(decode(printed, regions.qrModules), ticket.code.toUtf8());
        }
    }

    void writesPdfPages()
    {
        usher::test::TempDir dir;
        TicketContent second = sampleTicket();
        second.seat = QStringLiteral("13");
        second.code = QStringLiteral("0000000000000000000000000Z");
        for (const TicketLayout layout : { TicketLayout::Thermal, TicketLayout::A4, TicketLayout::Letter }) {
            const QString path = QString::fromStdString(dir.filePath("tickets.pdf"));
            QString error;
            QVERIFY2(TicketRenderer::writeTicketsPdf(path, { sampleTicket(), second }, layout, &error),
                     qPrintable(error));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray pdf = file.readAll();
            QVERIFY(pdf.startsWith("%PDF-"));
            QCOMPARE(pdfPageCount(pdf), 2);
            if (layout == TicketLayout::Thermal)
                QCOMPARE(pdfPageSize(pdf).toSize(), QSize(144, 396)); // 2 x 5.5 inches
        }
        QString error;
        QVERIFY(!TicketRenderer::writeTicketsPdf(QString::fromStdString(dir.filePath("none.pdf")), {},
                                                 TicketLayout::Thermal, &error));
        QVERIFY(!error.isEmpty());
        TicketContent bad = sampleTicket();
        bad.code = QString(5000, QLatin1Char('x'));
        QVERIFY(!TicketRenderer::writeTicketsPdf(QString::fromStdString(dir.filePath("bad.pdf")), { bad },
                                                 TicketLayout::Thermal, &error));
        QVERIFY(!TicketRenderer::writeTicketsPdf(QStringLiteral("/nonexistent-dir/x.pdf"), { sampleTicket() },
                                                 TicketLayout::A4, &error));
    }

    void printsThroughQPrinter()
    {
        usher::test::TempDir dir;
        const QString path = QString::fromStdString(dir.filePath("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        QString error;
        QVERIFY2(TicketRenderer::printTickets(printer, { sampleTicket() }, TicketLayout::Thermal, &error),
                 qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QCOMPARE(pdfPageCount(pdf), 1);
        QCOMPARE(pdfPageSize(pdf).toSize(), QSize(144, 396));
    }

    void contentFromEngineData()
    {
        usher::EventSpec spec = usher::test::makeTestEvent(3);
        spec.name = "Gala";
        spec.timeZone = "Europe/Berlin";
        spec.startsAt = QDateTime(QDate(2026, 12, 31), QTime(20, 0), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
        usher::IssuedTicket issued;
        issued.id = 5;
        issued.seat = 12;
        issued.priceType = 1;
        issued.amount = 3500;
        issued.code[0] = 1;
        const TicketContent t = TicketContentFactory::ticket(spec, issued, 42);
        QCOMPARE(t.eventName, QStringLiteral("Gala"));
        QCOMPARE(t.orderNumber, QStringLiteral("3-42"));
        QCOMPARE(t.price, QStringLiteral("35.00 EUR"));
        QCOMPARE(t.priceType, QString::fromStdString(spec.priceTypes[1].name));
        const usher::VenueSeat& seat = spec.venue->seats[spec.venue->seatIndex(12)];
        QCOMPARE(t.seat, QString::fromStdString(seat.number));
        QCOMPARE(t.row, QString::fromStdString(spec.venue->rows[seat.row].name));
        QCOMPARE(t.category, QString::fromStdString(spec.venue->categories[seat.category].name));
        QCOMPARE(t.code, QString::fromStdString(usher::ticketCodeText(issued.code)));
        QCOMPARE(t.startsAt.toTimeZone(QTimeZone("Europe/Berlin")).time(), QTime(20, 0));

        std::vector<usher::CartLine> lines(2);
        lines[0].label = "Stalls, row 1, seat 1";
        lines[0].price = 5000;
        lines[1].label = "Stalls, row 1, seat 2";
        lines[1].priceType = 1;
        lines[1].price = 3500;
        std::vector<usher::SaleTender> tenders(3);
        tenders[0].method = usher::PaymentMethod::Card;
        tenders[0].state = usher::TenderState::Declined;
        tenders[0].amount = 8500;
        tenders[1].method = usher::PaymentMethod::Card;
        tenders[1].amount = 5000;
        tenders[1].authCode = "A100007";
        tenders[2].method = usher::PaymentMethod::Cash;
        tenders[2].amount = 3500;
        tenders[2].tendered = 4000;
        tenders[2].change = 500;
        const ReceiptContent r = TicketContentFactory::receipt(spec, lines, tenders, 42, QStringLiteral("Box office"),
                                                               QStringLiteral("Ann"), QDateTime::currentDateTime());
        QCOMPARE(r.items.size(), 2);
        QCOMPARE(r.total, QStringLiteral("85.00 EUR"));
        QCOMPARE(r.tenders.size(), 2); // the declined attempt is not on the receipt
        QCOMPARE(r.tenders[0].text, TicketContentFactory::tr("Card %1").arg(QStringLiteral("A100007")));
        QCOMPARE(r.tenders[1].amount, QStringLiteral("40.00 EUR"));
        QCOMPARE(r.change, QStringLiteral("5.00 EUR"));
    }

    void receipt()
    {
        ReceiptContent receipt;
        receipt.header = QStringLiteral("Usher Theatre Box Office");
        receipt.orderNumber = QStringLiteral("1-42");
        receipt.at = QDateTime(QDate(2026, 11, 28), QTime(9, 0));
        receipt.clerk = QStringLiteral("Ann");
        receipt.items = { { QStringLiteral("Stalls F12 Adult"), QStringLiteral("50.00 EUR") },
                          { QStringLiteral("Stalls F13 Concession"), QStringLiteral("35.00 EUR") } };
        receipt.total = QStringLiteral("85.00 EUR");
        receipt.tenders = { { QStringLiteral("Card A100001"), QStringLiteral("50.00 EUR") },
                            { QStringLiteral("Cash"), QStringLiteral("40.00 EUR") } };
        receipt.change = QStringLiteral("5.00 EUR");
        PaintedRegions regions;
        const QImage image = TicketRenderer::renderReceipt(receipt, 203, &regions);
        QVERIFY(!image.isNull());
        for (const QString& text : { receipt.total, receipt.change, TicketRenderer::tr("Total"),
                                     TicketRenderer::tr("Change"), receipt.items[1].text, receipt.tenders[0].text })
            QVERIFY2(regions.hasText(text), qPrintable(text));
        for (const auto& [text, rect] : regions.texts)
            QVERIFY2(regions.page.contains(rect), qPrintable(text));
        QVERIFY(regions.qr.isEmpty());
        // Ink where the total is, none outside the page's printed lines.
        usher::test::TempDir dir;
        QString error;
        const QString path = QString::fromStdString(dir.filePath("receipt.pdf"));
        QVERIFY2(TicketRenderer::writeReceiptPdf(path, receipt, &error), qPrintable(error));
        QVERIFY(QFile(path).size() > 500);
    }
};

QTEST_MAIN(TestTicketRender)
#include "TestTicketRender.moc"
