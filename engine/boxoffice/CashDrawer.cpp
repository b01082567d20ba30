#include "boxoffice/CashDrawer.h"

#include "boxoffice/Money.h"

#include <algorithm>
#include <map>

namespace usher {

namespace {

std::int64_t i64(std::uint64_t value)
{
    return static_cast<std::int64_t>(value);
}

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\r\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

} // namespace

const char* paymentMethodName(PaymentMethod method)
{
    switch (method) {
    case PaymentMethod::Cash: return "cash";
    case PaymentMethod::Card: return "card";
    case PaymentMethod::Complimentary: return "complimentary";
    }
    return "unknown";
}

CashDrawer::CashDrawer(BoxOfficeDb& db, const CashDrawerOptions& options)
    : m_db(db)
    , m_options(options)
{
}

BoxOfficeStatus CashDrawer::loadShift(ShiftId id, Shift* shift)
{
    SqlStatement select(m_db,
                        "SELECT id, clerk, currency, float_amount, opened_at, closed_at, counted_cash "
                        "FROM shifts WHERE id = ?");
    select.bind(1, i64(id));
    if (!select.next())
        return select.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::ShiftNotFound;
    shift->id = static_cast<ShiftId>(select.integer(0));
    shift->clerk = static_cast<std::uint64_t>(select.integer(1));
    shift->currency = select.text(2);
    shift->floatAmount = select.integer(3);
    shift->openedAt = select.integer(4);
    shift->closedAt = select.isNull(5) ? 0 : select.integer(5);
    shift->countedCash = select.isNull(6) ? 0 : select.integer(6);
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::checkOpenShift(ShiftId id, std::uint64_t clerk, Shift* shift)
{
    if (const BoxOfficeStatus s = loadShift(id, shift); s != BoxOfficeStatus::Ok)
        return s;
    if (shift->clerk != clerk)
        return BoxOfficeStatus::Forbidden;
    if (!shift->isOpen())
        return BoxOfficeStatus::ShiftClosed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::openShift(std::uint64_t clerk, const std::string& currency, Amount floatAmount,
                                      Timestamp now, Shift* shift)
{
    if (clerk == 0 || !validCurrencyCode(currency) || floatAmount < 0 || floatAmount > m_options.amountMax)
        return BoxOfficeStatus::InvalidArgument;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement open(m_db, "SELECT id FROM shifts WHERE clerk = ? AND closed_at IS NULL");
    open.bind(1, i64(clerk));
    if (open.next())
        return BoxOfficeStatus::ShiftAlreadyOpen;
    SqlStatement insert(m_db, "INSERT INTO shifts(clerk, currency, float_amount, opened_at) VALUES(?, ?, ?, ?)");
    if (open.failed() || !insert.bind(1, i64(clerk)).bind(2, currency).bind(3, floatAmount).bind(4, now).run())
        return BoxOfficeStatus::StorageFailed;
    const auto id = static_cast<ShiftId>(m_db.lastInsertId());
    if (!m_db.audit(now, clerk, "shift.open", std::to_string(id) + " float " + formatMoney(floatAmount, currency))
        || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    if (shift)
        *shift = Shift { id, clerk, currency, floatAmount, now, 0, 0 };
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::openShiftOf(std::uint64_t clerk, Shift* shift)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement open(m_db, "SELECT id FROM shifts WHERE clerk = ? AND closed_at IS NULL");
    open.bind(1, i64(clerk));
    if (!open.next())
        return open.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::ShiftNotFound;
    return loadShift(static_cast<ShiftId>(open.integer(0)), shift);
}

BoxOfficeStatus CashDrawer::shift(ShiftId id, Shift* shift)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    return loadShift(id, shift);
}

bool CashDrawer::sumExpectedCash(const Shift& shift, Amount* amount)
{
    SqlStatement sum(m_db,
                     "SELECT COALESCE(SUM(CASE kind WHEN 1 THEN amount WHEN 3 THEN amount "
                     "ELSE -amount END), 0) FROM drawer_entries WHERE shift = ? AND method = 1");
    sum.bind(1, i64(shift.id));
    if (!sum.next())
        return false;
    *amount = shift.floatAmount + sum.integer(0);
    return true;
}

BoxOfficeStatus CashDrawer::movement(ShiftId shiftId, std::uint64_t clerk, DrawerEntryKind kind, Amount amount,
                                     const std::string& note, Timestamp now)
{
    if (amount <= 0 || amount > m_options.amountMax || note.empty() || note.size() > m_options.textBytesMax)
        return BoxOfficeStatus::InvalidArgument;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = checkOpenShift(shiftId, clerk, &shift); s != BoxOfficeStatus::Ok)
        return s;
    if (kind == DrawerEntryKind::CashOut) {
        Amount expected = 0;
        if (!sumExpectedCash(shift, &expected))
            return BoxOfficeStatus::StorageFailed;
        if (amount > expected)
            return BoxOfficeStatus::InsufficientCash;
    }
    SqlStatement insert(m_db,
                        "INSERT INTO drawer_entries(shift, kind, method, amount, reference, note, clerk, at) "
                        "VALUES(?, ?, 1, ?, '', ?, ?, ?)");
    insert.bind(1, i64(shiftId)).bind(2, static_cast<std::int64_t>(kind)).bind(3, amount).bind(4, note);
    if (!insert.bind(5, i64(clerk)).bind(6, now).run())
        return BoxOfficeStatus::StorageFailed;
    const char* action = kind == DrawerEntryKind::CashIn ? "drawer.cash_in" : "drawer.cash_out";
    if (!m_db.audit(now, clerk, action, formatMoney(amount, shift.currency) + " " + note) || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::cashIn(ShiftId shift, std::uint64_t clerk, Amount amount, const std::string& note,
                                   Timestamp now)
{
    return movement(shift, clerk, DrawerEntryKind::CashIn, amount, note, now);
}

BoxOfficeStatus CashDrawer::cashOut(ShiftId shift, std::uint64_t clerk, Amount amount, const std::string& note,
                                    Timestamp now)
{
    return movement(shift, clerk, DrawerEntryKind::CashOut, amount, note, now);
}

BoxOfficeStatus CashDrawer::validateSale(const DrawerSale& sale) const
{
    if (sale.reference.empty() || sale.reference.size() > m_options.textBytesMax)
        return BoxOfficeStatus::InvalidArgument;
    if (sale.tenders.empty() || sale.tenders.size() > m_options.tendersPerSaleMax
        || sale.lines.size() > m_options.linesPerSaleMax)
        return BoxOfficeStatus::InvalidArgument;
    Amount tendered = 0;
    for (const DrawerTender& tender : sale.tenders) {
        const auto method = static_cast<std::uint8_t>(tender.method);
        if (method < 1 || method > 3 || tender.amount < 0 || tender.amount > m_options.amountMax)
            return BoxOfficeStatus::InvalidArgument;
        tendered += tender.amount;
    }
    Amount lines = 0;
    for (const DrawerCategoryLine& line : sale.lines) {
        if (line.category.empty() || line.category.size() > m_options.textBytesMax || line.amount < 0
            || line.amount > m_options.amountMax)
            return BoxOfficeStatus::InvalidArgument;
        lines += line.amount;
    }
    // The tenders pay exactly for the lines (complimentary counts at face value).
    if (!sale.lines.empty() && lines != tendered)
        return BoxOfficeStatus::InvalidArgument;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::record(ShiftId shiftId, std::uint64_t clerk, const DrawerSale& sale, DrawerEntryKind kind,
                                   Timestamp now)
{
    if (const BoxOfficeStatus s = validateSale(sale); s != BoxOfficeStatus::Ok)
        return s;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = checkOpenShift(shiftId, clerk, &shift); s != BoxOfficeStatus::Ok)
        return s;
    if (const BoxOfficeStatus s = writeEntries(shift, clerk, sale, kind, now); s != BoxOfficeStatus::Ok)
        return s;
    if (!insertLines(shiftId, sale.reference, sale.lines, kind, now))
        return BoxOfficeStatus::StorageFailed;
    Amount total = 0;
    for (const DrawerTender& tender : sale.tenders)
        total += tender.amount;
    const char* action = kind == DrawerEntryKind::Sale ? "drawer.sale" : "drawer.refund";
    if (!m_db.audit(now, clerk, action, sale.reference + " " + formatMoney(total, sale.currency))
        || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

// The money rows of a sale or refund, inside the caller's transaction on an open shift.
BoxOfficeStatus CashDrawer::writeEntries(const Shift& shift, std::uint64_t clerk, const DrawerSale& sale,
                                         DrawerEntryKind kind, Timestamp now)
{
    if (sale.currency != shift.currency)
        return BoxOfficeStatus::CurrencyMismatch;
    if (kind == DrawerEntryKind::Refund) {
        Amount cash = 0;
        for (const DrawerTender& tender : sale.tenders)
            cash += tender.method == PaymentMethod::Cash ? tender.amount : 0;
        Amount expected = 0;
        if (!sumExpectedCash(shift, &expected))
            return BoxOfficeStatus::StorageFailed;
        if (cash > expected)
            return BoxOfficeStatus::InsufficientCash;
    }
    for (const DrawerTender& tender : sale.tenders) {
        SqlStatement insert(m_db,
                            "INSERT INTO drawer_entries(shift, kind, method, amount, reference, note, clerk, "
                            "at) VALUES(?, ?, ?, ?, ?, '', ?, ?)");
        insert.bind(1, i64(shift.id)).bind(2, static_cast<std::int64_t>(kind));
        insert.bind(3, static_cast<std::int64_t>(tender.method)).bind(4, tender.amount).bind(5, sale.reference);
        if (!insert.bind(6, i64(clerk)).bind(7, now).run())
            return BoxOfficeStatus::StorageFailed;
    }
    return BoxOfficeStatus::Ok;
}

bool CashDrawer::insertLines(ShiftId shiftId, const std::string& reference,
                             const std::vector<DrawerCategoryLine>& lines, DrawerEntryKind kind, Timestamp now)
{
    for (const DrawerCategoryLine& line : lines) {
        SqlStatement insert(m_db,
                            "INSERT INTO sale_lines(shift, kind, category, tickets, amount, reference, at) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, i64(shiftId)).bind(2, static_cast<std::int64_t>(kind)).bind(3, line.category);
        insert.bind(4, static_cast<std::int64_t>(line.tickets)).bind(5, line.amount).bind(6, reference);
        if (!insert.bind(7, now).run())
            return false;
    }
    return true;
}

BoxOfficeStatus CashDrawer::recordExchange(ShiftId shiftId, std::uint64_t clerk, const DrawerExchange& exchange,
                                           Timestamp now)
{
    // Validated as a sale of the new seats and as a refund of the old ones, then the money.
    DrawerSale money { exchange.reference, exchange.currency, exchange.tenders, {} };
    if (money.tenders.empty())
        money.tenders.push_back(DrawerTender { PaymentMethod::Cash, 0 }); // validation only: nothing moved
    if (const BoxOfficeStatus s = validateSale(money); s != BoxOfficeStatus::Ok)
        return s;
    Amount sold = 0, returned = 0, moved = 0;
    for (const auto* lines : { &exchange.sold, &exchange.returned }) {
        DrawerSale part { exchange.reference, exchange.currency, { DrawerTender {} }, *lines };
        Amount sum = 0;
        for (const DrawerCategoryLine& line : *lines)
            sum += line.amount;
        part.tenders[0].amount = sum;
        if (lines->empty() || validateSale(part) != BoxOfficeStatus::Ok)
            return BoxOfficeStatus::InvalidArgument;
        (lines == &exchange.sold ? sold : returned) = sum;
    }
    for (const DrawerTender& tender : exchange.tenders)
        moved += tender.amount;
    if (moved != (sold > returned ? sold - returned : returned - sold))
        return BoxOfficeStatus::InvalidArgument; // the money must be the difference
    const DrawerEntryKind kind = sold >= returned ? DrawerEntryKind::Sale : DrawerEntryKind::Refund;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = checkOpenShift(shiftId, clerk, &shift); s != BoxOfficeStatus::Ok)
        return s;
    money.tenders = exchange.tenders; // none when the prices were equal: only the currency is checked
    if (const BoxOfficeStatus s = writeEntries(shift, clerk, money, kind, now); s != BoxOfficeStatus::Ok)
        return s;
    if (!insertLines(shiftId, exchange.reference, exchange.sold, DrawerEntryKind::Sale, now)
        || !insertLines(shiftId, exchange.reference, exchange.returned, DrawerEntryKind::Refund, now)
        || !m_db.audit(now, clerk, "drawer.exchange",
                       exchange.reference + " " + formatMoney(sold, exchange.currency) + " for "
                           + formatMoney(returned, exchange.currency))
        || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::recordSale(ShiftId shift, std::uint64_t clerk, const DrawerSale& sale, Timestamp now)
{
    return record(shift, clerk, sale, DrawerEntryKind::Sale, now);
}

BoxOfficeStatus CashDrawer::recordRefund(ShiftId shift, std::uint64_t clerk, const DrawerSale& refund, Timestamp now)
{
    return record(shift, clerk, refund, DrawerEntryKind::Refund, now);
}

BoxOfficeStatus CashDrawer::expectedCash(ShiftId id, Amount* amount)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = loadShift(id, &shift); s != BoxOfficeStatus::Ok)
        return s;
    return sumExpectedCash(shift, amount) ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus CashDrawer::computeReport(const Shift& shift, ShiftReport* report)
{
    report->shift = shift;
    report->methods = { MethodTotal { PaymentMethod::Cash }, MethodTotal { PaymentMethod::Card },
                        MethodTotal { PaymentMethod::Complimentary } };
    SqlStatement entries(m_db,
                         "SELECT kind, method, SUM(amount), COUNT(DISTINCT reference), COUNT(*) "
                         "FROM drawer_entries WHERE shift = ? GROUP BY kind, method");
    entries.bind(1, i64(shift.id));
    while (entries.next()) {
        const auto kind = static_cast<DrawerEntryKind>(entries.integer(0));
        const std::int64_t method = entries.integer(1);
        const Amount sum = entries.integer(2);
        if (kind == DrawerEntryKind::CashIn) {
            report->cashIn = sum;
        } else if (kind == DrawerEntryKind::CashOut) {
            report->cashOut = sum;
        } else if (method >= 1 && method <= 3) {
            MethodTotal& total = report->methods[static_cast<std::size_t>(method - 1)];
            const auto count = static_cast<std::uint32_t>(entries.integer(3));
            (kind == DrawerEntryKind::Sale ? total.sales : total.refunds) += sum;
            (kind == DrawerEntryKind::Sale ? total.salesCount : total.refundsCount) += count;
        }
    }
    if (entries.failed())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement lines(m_db,
                       "SELECT category, kind, SUM(tickets), SUM(amount) FROM sale_lines WHERE shift = ? "
                       "GROUP BY category, kind ORDER BY category");
    lines.bind(1, i64(shift.id));
    std::map<std::string, CategoryTotal> categories;
    while (lines.next()) {
        CategoryTotal& total = categories[lines.text(0)];
        total.category = lines.text(0);
        const bool sale = lines.integer(1) == static_cast<std::int64_t>(DrawerEntryKind::Sale);
        const auto tickets = static_cast<std::uint32_t>(lines.integer(2));
        (sale ? total.ticketsSold : total.ticketsRefunded) += tickets;
        (sale ? total.sales : total.refunds) += lines.integer(3);
        (sale ? report->ticketsIssued : report->ticketsRefunded) += tickets;
    }
    if (lines.failed())
        return BoxOfficeStatus::StorageFailed;
    report->categories.clear();
    for (auto& [key, total] : categories)
        report->categories.push_back(total);
    const MethodTotal& cash = report->methods[0];
    report->expectedCash = shift.floatAmount + cash.sales - cash.refunds + report->cashIn - report->cashOut;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::xReport(ShiftId id, std::uint64_t clerk, Timestamp now, ShiftReport* report)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = checkOpenShift(id, clerk, &shift); s != BoxOfficeStatus::Ok)
        return s;
    *report = ShiftReport {};
    if (const BoxOfficeStatus s = computeReport(shift, report); s != BoxOfficeStatus::Ok)
        return s;
    report->at = now;
    report->producedBy = clerk;
    if (!m_db.audit(now, clerk, "shift.x_report", std::to_string(id)) || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::closeShift(ShiftId id, std::uint64_t clerk, Amount countedCash, Timestamp now,
                                       ShiftReport* report)
{
    if (countedCash < 0 || countedCash > m_options.amountMax)
        return BoxOfficeStatus::InvalidArgument;
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = checkOpenShift(id, clerk, &shift); s != BoxOfficeStatus::Ok)
        return s;
    SqlStatement close(m_db, "UPDATE shifts SET closed_at = ?, counted_cash = ? WHERE id = ?");
    if (!close.bind(1, now).bind(2, countedCash).bind(3, i64(id)).run())
        return BoxOfficeStatus::StorageFailed;
    shift.closedAt = now;
    shift.countedCash = countedCash;
    ShiftReport z;
    if (const BoxOfficeStatus s = computeReport(shift, &z); s != BoxOfficeStatus::Ok)
        return s;
    z.final = true;
    z.at = now;
    z.producedBy = clerk;
    z.countedCash = countedCash;
    z.variance = countedCash - z.expectedCash;
    const std::string detail = std::to_string(id) + " expected " + formatMoney(z.expectedCash, shift.currency)
        + " counted " + formatMoney(countedCash, shift.currency);
    if (!m_db.audit(now, clerk, "shift.close", detail) || !transaction.commit())
        return BoxOfficeStatus::StorageFailed;
    if (report)
        *report = z;
    return BoxOfficeStatus::Ok;
}

BoxOfficeStatus CashDrawer::zReport(ShiftId id, ShiftReport* report)
{
    BoxOfficeDb::Transaction transaction(m_db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    Shift shift;
    if (const BoxOfficeStatus s = loadShift(id, &shift); s != BoxOfficeStatus::Ok)
        return s;
    if (shift.isOpen())
        return BoxOfficeStatus::WrongState;
    *report = ShiftReport {};
    if (const BoxOfficeStatus s = computeReport(shift, report); s != BoxOfficeStatus::Ok)
        return s;
    report->final = true;
    report->at = shift.closedAt;
    report->producedBy = shift.clerk;
    report->countedCash = shift.countedCash;
    report->variance = shift.countedCash - report->expectedCash;
    return BoxOfficeStatus::Ok;
}

std::string shiftReportCsv(const ShiftReport& report)
{
    const std::string& c = report.shift.currency;
    std::string csv = "section,key,count,amount,refunds_count,refunds_amount\r\n";
    auto row = [&csv](const std::string& section, const std::string& key, const std::string& count,
                      const std::string& amount, const std::string& refundsCount, const std::string& refunds) {
        csv += csvField(section) + ',' + csvField(key) + ',' + count + ',' + amount + ',' + refundsCount + ',' + refunds
            + "\r\n";
    };
    row("report", report.final ? "Z" : "X", "", "", "", "");
    row("shift", std::to_string(report.shift.id), "", "", "", "");
    row("currency", c, "", "", "", "");
    row("float", "", "", formatMinorUnits(report.shift.floatAmount, c), "", "");
    for (const MethodTotal& m : report.methods)
        row("method", paymentMethodName(m.method), std::to_string(m.salesCount), formatMinorUnits(m.sales, c),
            std::to_string(m.refundsCount), formatMinorUnits(m.refunds, c));
    for (const CategoryTotal& t : report.categories)
        row("category", t.category, std::to_string(t.ticketsSold), formatMinorUnits(t.sales, c),
            std::to_string(t.ticketsRefunded), formatMinorUnits(t.refunds, c));
    row("tickets", "issued", std::to_string(report.ticketsIssued), "", std::to_string(report.ticketsRefunded), "");
    row("cash", "in", "", formatMinorUnits(report.cashIn, c), "", "");
    row("cash", "out", "", formatMinorUnits(report.cashOut, c), "", "");
    row("cash", "expected", "", formatMinorUnits(report.expectedCash, c), "", "");
    if (report.final) {
        row("cash", "counted", "", formatMinorUnits(report.countedCash, c), "", "");
        row("cash", "variance", "", formatMinorUnits(report.variance, c), "", "");
    }
    return csv;
}

} // namespace usher
