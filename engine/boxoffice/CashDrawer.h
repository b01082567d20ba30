#pragma once

// Shifts and the cash drawer. A clerk opens a shift with a float; every sale, refund and cash
// movement of the shift is one row (per payment method) in drawer_entries, and every sale or refund
// also records its tickets per price category in sale_lines, in the same transaction. Reports are
// sums over those rows, so an X report mid-shift and the Z report at closing always agree with the
// entries, also after a crash.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/BoxOfficeStatus.h"
#include "core/Types.h"

#include <cstdint>
#include <string>
#include <vector>

namespace usher {

// Stored as numbers: never renumber.
enum class PaymentMethod : std::uint8_t { Cash = 1, Card = 2, Complimentary = 3 };
const char* paymentMethodName(PaymentMethod method);
enum class DrawerEntryKind : std::uint8_t { Sale = 1, Refund = 2, CashIn = 3, CashOut = 4 };

using ShiftId = std::uint64_t;

struct Shift {
    ShiftId id = 0;
    std::uint64_t clerk = 0;
    std::string currency;
    Amount floatAmount = 0;
    Timestamp openedAt = 0;
    Timestamp closedAt = 0; // 0 while open
    Amount countedCash = 0; // set by the Z report
    bool isOpen() const { return closedAt == 0; }
};

// What one sale (or one refund) did to the drawer: the money per method and the tickets per
// category. Amounts are positive; a refund is recorded with recordRefund().
struct DrawerTender {
    PaymentMethod method = PaymentMethod::Cash;
    Amount amount = 0; // for cash: what stays in the drawer (tendered minus change)
};
struct DrawerCategoryLine {
    std::string category;
    std::uint32_t tickets = 0;
    Amount amount = 0;
};
struct DrawerSale {
    std::string reference; // the sale's reference (also the engine's payment reference)
    std::string currency;
    std::vector<DrawerTender> tenders;
    std::vector<DrawerCategoryLine> lines;
};

// The money of a seat exchange at another price. `tenders` carry the difference that changed hands
// (empty when the prices were equal); `sold` are the new seats' categories at their new prices,
// `returned` the old seats' categories at the prices paid for them. sold − returned is the
// difference: a Sale entry when the customer paid it, a Refund entry when they got it back. In
// the reports the new categories count as a sale and the old ones as a refund, so each category's
// net is right, while the payment methods show only the money that moved.
struct DrawerExchange {
    std::string reference;
    std::string currency;
    std::vector<DrawerTender> tenders;
    std::vector<DrawerCategoryLine> sold;
    std::vector<DrawerCategoryLine> returned;
};

struct MethodTotal {
    PaymentMethod method = PaymentMethod::Cash;
    Amount sales = 0;
    Amount refunds = 0;
    std::uint32_t salesCount = 0;
    std::uint32_t refundsCount = 0;
};
struct CategoryTotal {
    std::string category;
    std::uint32_t ticketsSold = 0;
    std::uint32_t ticketsRefunded = 0;
    Amount sales = 0;
    Amount refunds = 0;
};

struct ShiftReport {
    bool final = false; // Z (closing) report; false: X (mid-shift)
    Shift shift;
    Timestamp at = 0;
    std::uint64_t producedBy = 0;
    std::vector<MethodTotal> methods;      // cash, card, complimentary: always all three
    std::vector<CategoryTotal> categories; // sorted by category key
    Amount cashIn = 0;
    Amount cashOut = 0;
    std::uint32_t ticketsIssued = 0;
    std::uint32_t ticketsRefunded = 0;
    Amount expectedCash = 0; // float + cash sales - cash refunds + cash in - cash out
    Amount countedCash = 0;  // Z only
    Amount variance = 0;     // Z only: counted - expected
};

// The report as CSV (RFC 4180, comma-separated, one "section,key,value..." table).
std::string shiftReportCsv(const ShiftReport& report);

struct CashDrawerOptions {
    Amount amountMax = 100'000'000'00; // one movement, in minor units
    std::size_t tendersPerSaleMax = 16;
    std::size_t linesPerSaleMax = 64;
    std::size_t textBytesMax = 256; // notes and references
};

class CashDrawer {
public:
    CashDrawer(BoxOfficeDb& db, const CashDrawerOptions& options = {});

    BoxOfficeStatus openShift(std::uint64_t clerk, const std::string& currency, Amount floatAmount, Timestamp now,
                              Shift* shift);
    BoxOfficeStatus openShiftOf(std::uint64_t clerk, Shift* shift); // ShiftNotFound when none is open
    BoxOfficeStatus shift(ShiftId id, Shift* shift);

    // Movements by the shift's clerk (anybody else: Forbidden). A note is required.
    BoxOfficeStatus cashIn(ShiftId shift, std::uint64_t clerk, Amount amount, const std::string& note, Timestamp now);
    BoxOfficeStatus cashOut(ShiftId shift, std::uint64_t clerk, Amount amount, const std::string& note, Timestamp now);
    BoxOfficeStatus recordSale(ShiftId shift, std::uint64_t clerk, const DrawerSale& sale, Timestamp now);
    BoxOfficeStatus recordRefund(ShiftId shift, std::uint64_t clerk, const DrawerSale& refund, Timestamp now);
    BoxOfficeStatus recordExchange(ShiftId shift, std::uint64_t clerk, const DrawerExchange& exchange, Timestamp now);

    BoxOfficeStatus expectedCash(ShiftId shift, Amount* amount);
    BoxOfficeStatus xReport(ShiftId shift, std::uint64_t clerk, Timestamp now, ShiftReport* report);
    // Closes the shift with the counted cash and returns the Z report. A closed shift takes no more
    // entries; its Z report can be produced again with zReport().
    BoxOfficeStatus closeShift(ShiftId shift, std::uint64_t clerk, Amount countedCash, Timestamp now,
                               ShiftReport* report);
    BoxOfficeStatus zReport(ShiftId shift, ShiftReport* report);

private:
    BoxOfficeStatus loadShift(ShiftId id, Shift* shift);
    BoxOfficeStatus checkOpenShift(ShiftId id, std::uint64_t clerk, Shift* shift);
    BoxOfficeStatus validateSale(const DrawerSale& sale) const;
    BoxOfficeStatus record(ShiftId shift, std::uint64_t clerk, const DrawerSale& sale, DrawerEntryKind kind,
                           Timestamp now);
    BoxOfficeStatus writeEntries(const Shift& shift, std::uint64_t clerk, const DrawerSale& sale, DrawerEntryKind kind,
                                 Timestamp now);
    bool insertLines(ShiftId shift, const std::string& reference, const std::vector<DrawerCategoryLine>& lines,
                     DrawerEntryKind kind, Timestamp now);
    BoxOfficeStatus movement(ShiftId shift, std::uint64_t clerk, DrawerEntryKind kind, Amount amount,
                             const std::string& note, Timestamp now);
    BoxOfficeStatus computeReport(const Shift& shift, ShiftReport* report);
    bool sumExpectedCash(const Shift& shift, Amount* amount);

    BoxOfficeDb& m_db;
    const CashDrawerOptions m_options;
};

} // namespace usher
