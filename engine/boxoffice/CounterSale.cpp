#include "boxoffice/CounterSale.h"

#include "boxoffice/Money.h"
#include "core/Assert.h"
#include "core/Random.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

namespace usher {

namespace {

std::string newSaleReference()
{
    std::uint8_t bytes[8];
    secureRandom(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string reference = "S";
    for (const std::uint8_t b : bytes) {
        reference += kHex[b >> 4];
        reference += kHex[b & 15];
    }
    return reference;
}

void sleepMs(int ms)
{
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

} // namespace

CounterSale::CounterSale(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shift)
    : m_context(context)
    , m_clerk(clerk)
    , m_shift(shift)
    , m_reference(newSaleReference())
{
    USHER_ASSERT(m_context.shard != nullptr && m_context.db != nullptr && m_context.drawer != nullptr);
    USHER_ASSERT(m_clerk.id != 0 && m_shift != 0);
    if (m_context.shard)
        m_currency = m_context.shard->spec().currency;
}

Timestamp CounterSale::now() const
{
    return m_context.clock ? m_context.clock() : systemClockNow();
}

Command CounterSale::command(CommandKind kind, const char* step) const
{
    Command c;
    c.kind = kind;
    c.key = IdempotencyKey::fromString(m_reference + ':' + step);
    c.actor = staffActor(m_clerk.id, m_clerk.role);
    c.channel = m_context.channel;
    c.hold = m_hold;
    return c;
}

CommandResult CounterSale::run(Command c)
{
    CommandResult result;
    for (int attempt = 0; attempt < m_context.engineAttemptsMax; ++attempt) {
        result = m_context.shard->execute(c);
        // Both leave nothing done or an unknown outcome: retrying with the same key is safe.
        if (result.status != Status::QueueFull && result.status != Status::StorageFailed
            && result.status != Status::StorageUnavailable)
            break;
        sleepMs(m_context.engineRetryDelayMs * (attempt + 1));
    }
    if (!result.ok())
        m_engineStatus = result.status;
    return result;
}

bool CounterSale::audit(const std::string& action, const std::string& detail)
{
    BoxOfficeDb::Transaction transaction(*m_context.db);
    return transaction.began() && m_context.db->audit(now(), m_clerk.id, action, m_reference + ' ' + detail)
        && transaction.commit();
}

BoxOfficeStatus CounterSale::checkShift()
{
    // Checked before anything is held, so that a sale can never end with tickets the drawer refuses.
    Shift shift;
    if (const BoxOfficeStatus s = m_context.drawer->shift(m_shift, &shift); s != BoxOfficeStatus::Ok)
        return s;
    if (shift.clerk != m_clerk.id)
        return BoxOfficeStatus::Forbidden;
    if (!shift.isOpen())
        return BoxOfficeStatus::ShiftClosed;
    return shift.currency == m_currency ? BoxOfficeStatus::Ok : BoxOfficeStatus::CurrencyMismatch;
}

BoxOfficeStatus CounterSale::holdSeats(const std::vector<SeatId>& seats)
{
    if (m_state != SaleState::Empty)
        return BoxOfficeStatus::WrongState;
    if (seats.empty())
        return BoxOfficeStatus::InvalidArgument;
    if (const BoxOfficeStatus s = checkShift(); s != BoxOfficeStatus::Ok)
        return s;
    Command c = command(CommandKind::HoldSeats, "hold");
    c.seats = seats;
    return afterHold(run(std::move(c)));
}

BoxOfficeStatus CounterSale::holdBestAvailable(const BestAvailableRequest& request)
{
    if (m_state != SaleState::Empty)
        return BoxOfficeStatus::WrongState;
    if (request.quantity == 0)
        return BoxOfficeStatus::InvalidArgument;
    if (const BoxOfficeStatus s = checkShift(); s != BoxOfficeStatus::Ok)
        return s;
    Command c = command(CommandKind::HoldBestAvailable, "hold");
    c.best = request;
    return afterHold(run(std::move(c)));
}

BoxOfficeStatus CounterSale::holdArea(AreaId area, std::uint32_t quantity)
{
    if (m_state != SaleState::Empty)
        return BoxOfficeStatus::WrongState;
    if (quantity == 0 || m_context.shard->spec().venue->areaIndex(area) == kNoArea)
        return BoxOfficeStatus::InvalidArgument;
    if (const BoxOfficeStatus s = checkShift(); s != BoxOfficeStatus::Ok)
        return s;
    Command c = command(CommandKind::HoldArea, "hold");
    c.area = area;
    c.quantity = quantity;
    return afterHold(run(std::move(c)));
}

BoxOfficeStatus CounterSale::afterHold(const CommandResult& result)
{
    if (!result.ok())
        return BoxOfficeStatus::EngineRefused;
    m_hold = result.hold;
    m_expiresAt = result.expiresAt;
    m_state = SaleState::Held;
    const bool lines = result.area != 0 ? loadAreaLines(result.area, result.quantity) : loadLines(result.seats);
    if (!lines || !storeSale())
        return BoxOfficeStatus::StorageFailed;
    audit("sale.hold", std::to_string(m_lines.size()) + " seats, hold " + std::to_string(m_hold));
    return BoxOfficeStatus::Ok;
}

bool CounterSale::loadLines(const std::vector<SeatId>& seats)
{
    m_lines.clear();
    const EventSpec& spec = m_context.shard->spec();
    const Venue& venue = *spec.venue;
    for (const SeatId id : seats) {
        const SeatIndex index = venue.seatIndex(id);
        if (index == kNoSeat)
            return false;
        const VenueSeat& seat = venue.seats[index];
        CartLine line;
        line.seat = id;
        line.label = venue.seatLabel(index);
        line.category = venue.categories[seat.category].key;
        line.priceType = 0;
        line.price = spec.price(seat.category, 0);
        m_lines.push_back(line);
    }
    return true;
}

bool CounterSale::loadAreaLines(AreaId area, std::uint32_t quantity)
{
    m_lines.clear();
    const EventSpec& spec = m_context.shard->spec();
    const std::uint32_t index = spec.venue->areaIndex(area);
    if (index == kNoArea || quantity == 0)
        return false;
    const VenueArea& a = spec.venue->areas[index];
    for (std::uint32_t k = 0; k < quantity; ++k) {
        CartLine line;
        line.area = area;
        line.label = a.name;
        line.category = spec.venue->categories[a.category].key;
        line.price = spec.price(a.category, 0);
        m_lines.push_back(line);
    }
    return true;
}

std::uint16_t CounterSale::lineCategory(const CartLine& line) const
{
    const Venue& venue = *m_context.shard->spec().venue;
    return line.area != 0 ? venue.areas[venue.areaIndex(line.area)].category
                          : venue.seats[venue.seatIndex(line.seat)].category;
}

BoxOfficeStatus CounterSale::setPriceTypes(const std::vector<std::uint8_t>& priceTypes)
{
    if (m_state != SaleState::Held)
        return BoxOfficeStatus::WrongState;
    if (priceTypes.size() != m_lines.size())
        return BoxOfficeStatus::InvalidArgument;
    const EventSpec& spec = m_context.shard->spec();
    std::vector<Amount> prices;
    for (std::size_t i = 0; i < priceTypes.size(); ++i) {
        const Amount price = spec.price(lineCategory(m_lines[i]), priceTypes[i]);
        if (priceTypes[i] >= spec.priceTypes.size() || price == kNotOffered)
            return BoxOfficeStatus::InvalidArgument;
        prices.push_back(price);
    }
    for (std::size_t i = 0; i < priceTypes.size(); ++i) {
        m_lines[i].priceType = priceTypes[i];
        m_lines[i].price = prices[i];
    }
    return storeSale() ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus CounterSale::setBuyer(const Buyer& buyer)
{
    if (m_state != SaleState::Held && m_state != SaleState::Paying)
        return BoxOfficeStatus::WrongState;
    if (buyer.name.size() > 256 || buyer.email.size() > 256 || buyer.phone.size() > 64)
        return BoxOfficeStatus::InvalidArgument;
    m_buyer = buyer;
    return storeSale() ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

Amount CounterSale::total() const
{
    Amount sum = 0;
    for (const CartLine& line : m_lines)
        sum += line.price;
    return sum;
}

Amount CounterSale::paid() const
{
    Amount sum = 0;
    for (const SaleTender& tender : m_tenders)
        sum += tender.state == TenderState::Applied ? tender.amount : 0;
    return sum;
}

bool CounterSale::hasUncertainTender() const
{
    for (const SaleTender& tender : m_tenders) {
        if (tender.state == TenderState::Uncertain)
            return true;
    }
    return false;
}

bool CounterSale::storeSale()
{
    BoxOfficeDb::Transaction transaction(*m_context.db);
    if (!transaction.began())
        return false;
    const Timestamp at = now();
    if (m_saleRow == 0) {
        SqlStatement insert(*m_context.db,
                            "INSERT INTO sales(reference, shift, clerk, event, hold, state, amount, "
                            "created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, m_reference).bind(2, static_cast<std::int64_t>(m_shift));
        insert.bind(3, static_cast<std::int64_t>(m_clerk.id)).bind(4, static_cast<std::int64_t>(m_context.shard->id()));
        insert.bind(5, static_cast<std::int64_t>(m_hold)).bind(6, static_cast<std::int64_t>(m_state));
        if (!insert.bind(7, total()).bind(8, at).bind(9, at).run())
            return false;
        m_saleRow = m_context.db->lastInsertId();
    } else {
        SqlStatement update(*m_context.db,
                            "UPDATE sales SET state = ?, amount = ?, order_id = ?, updated_at = ? WHERE id = ?");
        update.bind(1, static_cast<std::int64_t>(m_state)).bind(2, total());
        update.bind(3, static_cast<std::int64_t>(m_order)).bind(4, at).bind(5, m_saleRow);
        if (!update.run())
            return false;
    }
    std::string seats;
    std::string priceTypes;
    // A GA place is stored as "a<area id>" among the seat ids (loadSale() reads both).
    for (const CartLine& line : m_lines) {
        seats += (seats.empty() ? "" : ",") + (line.area != 0 ? "a" + std::to_string(line.area) : std::to_string(line.seat));
        priceTypes += (priceTypes.empty() ? "" : ",") + std::to_string(line.priceType);
    }
    SqlStatement cart(*m_context.db,
                      "UPDATE sales SET seats = ?, price_types = ?, buyer_name = ?, buyer_email = ?, "
                      "buyer_phone = ? WHERE id = ?");
    cart.bind(1, seats).bind(2, priceTypes).bind(3, m_buyer.name).bind(4, m_buyer.email).bind(5, m_buyer.phone);
    if (!cart.bind(6, m_saleRow).run())
        return false;
    return transaction.commit();
}

bool CounterSale::storeTender(SaleTender* tender)
{
    BoxOfficeDb::Transaction transaction(*m_context.db);
    if (!transaction.began())
        return false;
    if (tender->id == 0) {
        SqlStatement insert(*m_context.db,
                            "INSERT INTO tenders(sale, method, amount, tendered, change_due, "
                            "terminal_ref, state, approved_by, at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, m_saleRow).bind(2, static_cast<std::int64_t>(tender->method)).bind(3, tender->amount);
        insert.bind(4, tender->tendered).bind(5, tender->change).bind(6, tender->terminalReference);
        insert.bind(7, static_cast<std::int64_t>(tender->state));
        if (!insert.bind(8, static_cast<std::int64_t>(tender->approvedBy)).bind(9, now()).run())
            return false;
        tender->id = m_context.db->lastInsertId();
    } else {
        SqlStatement update(*m_context.db, "UPDATE tenders SET state = ?, auth_code = ? WHERE id = ?");
        update.bind(1, static_cast<std::int64_t>(tender->state)).bind(2, tender->authCode);
        if (!update.bind(3, tender->id).run())
            return false;
    }
    const std::string detail = std::string(paymentMethodName(tender->method)) + ' '
        + formatMoney(tender->amount, m_currency) + " state " + std::to_string(static_cast<int>(tender->state))
        + (tender->terminalReference.empty() ? "" : " terminal " + tender->terminalReference)
        + (tender->approvedBy ? " approved by " + std::to_string(tender->approvedBy) : "");
    return m_context.db->audit(now(), m_clerk.id, "sale.tender", m_reference + ' ' + detail) && transaction.commit();
}

BoxOfficeStatus CounterSale::ensurePaying()
{
    if (m_state == SaleState::Paying)
        return BoxOfficeStatus::Ok;
    if (m_state != SaleState::Held)
        return BoxOfficeStatus::WrongState;
    Command c = command(CommandKind::InitiatePayment, "pay");
    c.amount = total();
    c.text = m_reference;
    const CommandResult result = run(std::move(c));
    if (!result.ok())
        return BoxOfficeStatus::EngineRefused;
    m_expiresAt = result.expiresAt;
    m_state = SaleState::Paying;
    return storeSale() ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus CounterSale::beginPayment()
{
    return ensurePaying();
}

TenderResult CounterSale::payCash(Amount tendered)
{
    TenderResult result;
    if (tendered <= 0 || tendered > kAmountMax) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    if ((result.status = ensurePaying()) != BoxOfficeStatus::Ok)
        return result;
    if (due() <= 0) {
        result.status = BoxOfficeStatus::Overpaid;
        return result;
    }
    SaleTender tender;
    tender.method = PaymentMethod::Cash;
    tender.amount = std::min(tendered, due());
    tender.tendered = tendered;
    tender.change = tendered - tender.amount;
    if (!storeTender(&tender)) {
        result.status = BoxOfficeStatus::StorageFailed;
        return result;
    }
    m_tenders.push_back(tender);
    result.applied = tender.amount;
    result.change = tender.change;
    return result;
}

TerminalReply CounterSale::settleUnknown(const std::string& reference, TerminalReply last)
{
    // Ask until the terminal gives a settling answer; a payment still pending at the end is cancelled,
    // and only the answer to that cancel settles it.
    for (int i = 0; i < m_context.terminalQueriesMax && !terminalOutcomeIsFinal(last.outcome); ++i) {
        if (i > 0 || last.outcome == TerminalOutcome::Pending)
            sleepMs(m_context.terminalQueryIntervalMs);
        last = m_context.terminal->query(reference);
    }
    // UNKNOWN may mean the PAY is still on its way: cancel it too, so that it can never charge later.
    if (!terminalOutcomeIsFinal(last.outcome) || last.outcome == TerminalOutcome::Unknown) {
        const TerminalReply cancelled = m_context.terminal->cancel(reference);
        if (terminalOutcomeIsFinal(cancelled.outcome))
            last = cancelled;
    }
    return last;
}

TenderResult CounterSale::payCard(Amount amount)
{
    TenderResult result;
    if (!m_context.terminal) {
        result.status = BoxOfficeStatus::TerminalUnavailable;
        return result;
    }
    if (amount <= 0 || amount > kAmountMax) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    if (hasUncertainTender()) {
        result.status = BoxOfficeStatus::PaymentUncertain;
        return result;
    }
    if ((result.status = ensurePaying()) != BoxOfficeStatus::Ok)
        return result;
    if (amount > due()) {
        result.status = BoxOfficeStatus::Overpaid;
        return result;
    }
    SaleTender tender;
    tender.method = PaymentMethod::Card;
    tender.amount = amount;
    tender.tendered = amount;
    tender.state = TenderState::Uncertain; // written before the terminal is asked: a crash leaves a trace
    tender.terminalReference = m_reference + "-C" + std::to_string(++m_cardAttempts);
    if (!storeTender(&tender)) {
        result.status = BoxOfficeStatus::StorageFailed;
        return result;
    }
    bool cancelledFirst = false;
    {
        const std::lock_guard lock(m_cardMutex);
        cancelledFirst = m_cardCancelRequested;
        m_cardInFlight = tender.terminalReference;
    }
    // Cancelled before the PAY left: the terminal never sees it, nothing can be charged.
    TerminalReply reply { TerminalOutcome::Cancelled, tender.terminalReference, "cancelled at the counter" };
    if (!cancelledFirst)
        reply = m_context.terminal->pay(TerminalPayment { tender.terminalReference, amount, m_currency });
    if (reply.outcome != TerminalOutcome::Unreachable && !terminalOutcomeIsFinal(reply.outcome))
        reply = settleUnknown(tender.terminalReference, reply);
    {
        const std::lock_guard lock(m_cardMutex);
        m_cardInFlight.clear();
        m_cardCancelRequested = false;
    }
    if (reply.outcome == TerminalOutcome::Cancelled)
        audit("sale.card.cancelled", tender.terminalReference);
    result.terminal = reply.outcome;
    result.detail = reply.detail;
    if (reply.outcome == TerminalOutcome::Approved) {
        tender.state = TenderState::Applied;
        tender.authCode = reply.detail;
        result.applied = amount;
    } else if (reply.outcome == TerminalOutcome::Unreachable || terminalOutcomeIsFinal(reply.outcome)) {
        // Unreachable: the request never left, so nothing was charged.
        tender.state = TenderState::Declined;
        result.status = reply.outcome == TerminalOutcome::Unreachable ? BoxOfficeStatus::TerminalUnavailable
                                                                      : BoxOfficeStatus::PaymentDeclined;
    } else {
        result.status = BoxOfficeStatus::PaymentUncertain;
    }
    if (!storeTender(&tender) && result.status == BoxOfficeStatus::Ok)
        result.status = BoxOfficeStatus::StorageFailed;
    m_tenders.push_back(tender);
    return result;
}

TerminalReply CounterSale::cancelCardPayment()
{
    std::string reference;
    {
        const std::lock_guard lock(m_cardMutex);
        m_cardCancelRequested = true;
        reference = m_cardInFlight;
    }
    if (reference.empty() || !m_context.terminal)
        return TerminalReply { TerminalOutcome::Unknown, {}, {} };
    // Its own connection (CardTerminal): the PAY in flight gets the terminal's answer to it.
    return m_context.terminal->cancel(reference);
}

BoxOfficeStatus CounterSale::resolveUncertain()
{
    if (!m_context.terminal)
        return BoxOfficeStatus::TerminalUnavailable;
    BoxOfficeStatus status = BoxOfficeStatus::Ok;
    for (SaleTender& tender : m_tenders) {
        if (tender.state != TenderState::Uncertain)
            continue;
        const TerminalReply reply
            = settleUnknown(tender.terminalReference, TerminalReply { TerminalOutcome::TimedOut, {}, {} });
        if (reply.outcome == TerminalOutcome::Approved) {
            tender.state = TenderState::Applied;
            tender.authCode = reply.detail;
        } else if (terminalOutcomeIsFinal(reply.outcome)) {
            tender.state = TenderState::Declined;
        } else {
            status = BoxOfficeStatus::PaymentUncertain;
            continue;
        }
        if (!storeTender(&tender))
            status = BoxOfficeStatus::StorageFailed;
    }
    return status;
}

TenderResult CounterSale::payComplimentary(const std::string& supervisorLogin, const std::string& supervisorPassword)
{
    TenderResult result;
    if (!m_context.accounts) {
        result.status = BoxOfficeStatus::SupervisorRequired;
        return result;
    }
    StaffAccount supervisor;
    result.status = m_context.accounts->authorizeSupervisor(supervisorLogin, supervisorPassword, now(), &supervisor);
    if (result.status != BoxOfficeStatus::Ok) {
        audit("sale.comp.refused", supervisorLogin + ' ' + boxOfficeStatusName(result.status));
        return result;
    }
    if ((result.status = ensurePaying()) != BoxOfficeStatus::Ok)
        return result;
    if (due() <= 0) {
        result.status = BoxOfficeStatus::Overpaid;
        return result;
    }
    SaleTender tender;
    tender.method = PaymentMethod::Complimentary;
    tender.amount = due();
    tender.approvedBy = supervisor.id;
    if (!storeTender(&tender)) {
        result.status = BoxOfficeStatus::StorageFailed;
        return result;
    }
    m_tenders.push_back(tender);
    result.applied = tender.amount;
    return result;
}

BoxOfficeStatus CounterSale::complete(std::vector<IssuedTicket>* tickets)
{
    if (m_state != SaleState::Paying && m_state != SaleState::Held && m_state != SaleState::Confirming)
        return BoxOfficeStatus::WrongState;
    if (hasUncertainTender())
        return BoxOfficeStatus::PaymentUncertain;
    if (m_lines.empty() || due() > 0)
        return BoxOfficeStatus::Underpaid;
    if (m_state != SaleState::Confirming) {
        if (const BoxOfficeStatus s = ensurePaying(); s != BoxOfficeStatus::Ok)
            return s;
        // From here the outcome may be unknown: a restart must confirm again, never give back.
        m_state = SaleState::Confirming;
        if (!storeSale())
            return BoxOfficeStatus::StorageFailed;
    }
    return confirm(tickets);
}

BoxOfficeStatus CounterSale::confirm(std::vector<IssuedTicket>* tickets)
{
    Command c = command(CommandKind::Confirm, "confirm");
    c.text = m_reference;
    c.buyer = m_buyer;
    c.amount = total();
    for (const CartLine& line : m_lines)
        c.priceTypes.push_back(line.priceType);
    const CommandResult result = run(std::move(c));
    if (result.status == Status::StorageFailed || result.status == Status::StorageUnavailable
        || result.status == Status::QueueFull || result.status == Status::ShuttingDown)
        return BoxOfficeStatus::StorageFailed; // outcome unknown: retry complete(), never give back
    if (!result.ok()) {
        audit("sale.confirm.refused", statusName(result.status));
        const BoxOfficeStatus back = giveBack();
        return back == BoxOfficeStatus::Ok ? BoxOfficeStatus::EngineRefused : back;
    }
    m_order = result.order;
    m_state = SaleState::Completed;
    if (tickets)
        *tickets = result.tickets;
    const BoxOfficeStatus recorded = recordInDrawer();
    audit("sale.complete", "order " + std::to_string(m_order) + ' ' + formatMoney(total(), m_currency));
    return recorded;
}

BoxOfficeStatus CounterSale::recordInDrawer()
{
    DrawerSale sale;
    sale.reference = m_reference;
    sale.currency = m_currency;
    for (const SaleTender& tender : m_tenders) {
        if (tender.state == TenderState::Applied)
            sale.tenders.push_back(DrawerTender { tender.method, tender.amount });
    }
    for (const CartLine& line : m_lines) {
        auto it = std::find_if(sale.lines.begin(), sale.lines.end(),
                               [&](const DrawerCategoryLine& l) { return l.category == line.category; });
        if (it == sale.lines.end())
            it = sale.lines.insert(sale.lines.end(), DrawerCategoryLine { line.category, 0, 0 });
        it->tickets += 1;
        it->amount += line.price;
    }
    const BoxOfficeStatus status = m_context.drawer->recordSale(m_shift, m_clerk.id, sale, now());
    if (status != BoxOfficeStatus::Ok)
        return status;
    return storeSale() ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus CounterSale::giveBack()
{
    for (SaleTender& tender : m_tenders) {
        if (tender.state != TenderState::Applied)
            continue;
        if (tender.method == PaymentMethod::Card) {
            TerminalReply reply;
            for (int i = 0; i < m_context.terminalQueriesMax; ++i) {
                reply = m_context.terminal->reverse(tender.terminalReference);
                if (terminalOutcomeIsFinal(reply.outcome))
                    break;
                sleepMs(m_context.terminalQueryIntervalMs);
            }
            // Only a reversal (or a charge that never stood) frees us; anything else: try again later.
            if (reply.outcome != TerminalOutcome::Reversed && reply.outcome != TerminalOutcome::Declined
                && reply.outcome != TerminalOutcome::Cancelled && reply.outcome != TerminalOutcome::Unknown)
                return BoxOfficeStatus::TerminalUnavailable;
            tender.state = TenderState::Reversed;
        } else {
            tender.state = TenderState::Returned; // cash handed back; a comp simply lapses
        }
        if (!storeTender(&tender))
            return BoxOfficeStatus::StorageFailed;
    }
    if (m_state == SaleState::Held || m_state == SaleState::Paying || m_state == SaleState::Confirming) {
        const bool paying = m_state != SaleState::Held;
        Command c = command(paying ? CommandKind::FailPayment : CommandKind::Release, paying ? "fail" : "release");
        c.text = "cancelled at the counter";
        const CommandResult result = run(std::move(c));
        // An expired or already released hold is what we wanted anyway.
        if (!result.ok() && result.status != Status::HoldNotFound && result.status != Status::HoldExpired)
            return result.status == Status::StorageFailed ? BoxOfficeStatus::StorageFailed
                                                          : BoxOfficeStatus::EngineRefused;
    }
    m_state = SaleState::Cancelled;
    return storeSale() ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
}

BoxOfficeStatus CounterSale::cancel()
{
    if (m_state != SaleState::Held && m_state != SaleState::Paying)
        return BoxOfficeStatus::WrongState;
    if (hasUncertainTender() && resolveUncertain() != BoxOfficeStatus::Ok)
        return BoxOfficeStatus::PaymentUncertain;
    const BoxOfficeStatus status = giveBack();
    audit("sale.cancel", boxOfficeStatusName(status));
    return status;
}

std::unique_ptr<CounterSale> CounterSale::restore(const CounterSaleContext& context, const StaffAccount& clerk,
                                                  const std::string& reference, BoxOfficeStatus* status)
{
    ShiftId shift = 0;
    {
        BoxOfficeDb::Transaction transaction(*context.db);
        SqlStatement select(*context.db, "SELECT shift, clerk, event FROM sales WHERE reference = ?");
        select.bind(1, reference);
        if (!transaction.began() || !select.next()) {
            *status = select.failed() || !transaction.began() ? BoxOfficeStatus::StorageFailed
                                                              : BoxOfficeStatus::InvalidArgument;
            return nullptr;
        }
        shift = static_cast<ShiftId>(select.integer(0));
        if (static_cast<std::uint64_t>(select.integer(1)) != clerk.id
            || static_cast<EventId>(select.integer(2)) != context.shard->id()) {
            *status = BoxOfficeStatus::Forbidden; // another clerk's sale, or another event's
            return nullptr;
        }
    }
    std::unique_ptr<CounterSale> sale(new CounterSale(context, clerk, shift));
    if (!sale->loadSale(reference) || !sale->loadTenders()) {
        *status = BoxOfficeStatus::StorageFailed;
        return nullptr;
    }
    *status = BoxOfficeStatus::Ok;
    return sale;
}

namespace {

std::vector<std::uint32_t> splitNumbers(const std::string& text)
{
    std::vector<std::uint32_t> numbers;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t comma = text.find(',', at);
        const std::string part = text.substr(at, comma == std::string::npos ? std::string::npos : comma - at);
        numbers.push_back(static_cast<std::uint32_t>(std::strtoul(part.c_str(), nullptr, 10)));
        if (comma == std::string::npos)
            break;
        at = comma + 1;
    }
    return numbers;
}

} // namespace

bool CounterSale::loadSale(const std::string& reference)
{
    BoxOfficeDb::Transaction transaction(*m_context.db);
    SqlStatement select(*m_context.db,
                        "SELECT id, hold, state, order_id, seats, price_types, buyer_name, "
                        "buyer_email, buyer_phone FROM sales WHERE reference = ?");
    select.bind(1, reference);
    if (!transaction.began() || !select.next())
        return false;
    m_reference = reference;
    m_saleRow = select.integer(0);
    m_hold = static_cast<HoldId>(select.integer(1));
    m_state = static_cast<SaleState>(select.integer(2));
    m_order = static_cast<OrderId>(select.integer(3));
    m_buyer = Buyer { select.text(6), select.text(7), select.text(8) };
    const std::string cart = select.text(4);
    const std::vector<std::uint32_t> priceTypes = splitNumbers(select.text(5));
    if (cart.rfind('a', 0) == 0) { // GA places: "a<area>,a<area>,..." (storeSale)
        const std::string first = cart.substr(0, cart.find(','));
        const std::vector<std::uint32_t> area = splitNumbers(first.substr(1));
        const std::size_t places = std::size_t(std::count(cart.begin(), cart.end(), ',')) + 1;
        std::string expected = first;
        for (std::size_t k = 1; k < places; ++k)
            expected += "," + first;
        if (cart != expected || area.size() != 1 || priceTypes.size() != places
            || !loadAreaLines(area[0], std::uint32_t(places)))
            return false;
    } else {
        const std::vector<std::uint32_t> seats = splitNumbers(cart);
        if (priceTypes.size() != seats.size() || !loadLines(std::vector<SeatId>(seats.begin(), seats.end())))
            return false;
    }
    const EventSpec& spec = m_context.shard->spec();
    for (std::size_t i = 0; i < m_lines.size(); ++i) {
        const std::uint16_t category = lineCategory(m_lines[i]);
        m_lines[i].priceType = static_cast<std::uint8_t>(priceTypes[i]);
        m_lines[i].price = spec.price(category, priceTypes[i]);
        if (m_lines[i].price == kNotOffered)
            return false;
    }
    return true;
}

bool CounterSale::loadTenders()
{
    BoxOfficeDb::Transaction transaction(*m_context.db);
    SqlStatement select(*m_context.db,
                        "SELECT id, method, amount, tendered, change_due, terminal_ref, state, "
                        "approved_by, auth_code FROM tenders WHERE sale = ? ORDER BY id");
    select.bind(1, m_saleRow);
    m_tenders.clear();
    while (select.next()) {
        SaleTender tender;
        tender.id = select.integer(0);
        tender.method = static_cast<PaymentMethod>(select.integer(1));
        tender.amount = select.integer(2);
        tender.tendered = select.integer(3);
        tender.change = select.integer(4);
        tender.terminalReference = select.text(5);
        tender.state = static_cast<TenderState>(select.integer(6));
        tender.approvedBy = static_cast<std::uint64_t>(select.integer(7));
        tender.authCode = select.text(8);
        m_cardAttempts += tender.method == PaymentMethod::Card ? 1 : 0;
        m_tenders.push_back(tender);
    }
    return transaction.began() && !select.failed();
}

BoxOfficeStatus CounterSale::recover(std::vector<IssuedTicket>* tickets)
{
    if (m_state != SaleState::Held && m_state != SaleState::Paying && m_state != SaleState::Confirming)
        return BoxOfficeStatus::WrongState;
    if (hasUncertainTender() && resolveUncertain() != BoxOfficeStatus::Ok)
        return BoxOfficeStatus::PaymentUncertain;
    if (m_state == SaleState::Confirming)
        return complete(tickets);
    return cancel();
}

BoxOfficeStatus listOpenSales(BoxOfficeDb& db, std::vector<OpenSale>* sales)
{
    BoxOfficeDb::Transaction transaction(db);
    if (!transaction.began())
        return BoxOfficeStatus::StorageFailed;
    SqlStatement select(db,
                        "SELECT reference, shift, clerk, event, hold, state, amount FROM sales "
                        "WHERE state IN (1, 2, 5) ORDER BY id");
    sales->clear();
    while (select.next()) {
        OpenSale sale;
        sale.reference = select.text(0);
        sale.shift = static_cast<ShiftId>(select.integer(1));
        sale.clerk = static_cast<std::uint64_t>(select.integer(2));
        sale.event = static_cast<EventId>(select.integer(3));
        sale.hold = static_cast<HoldId>(select.integer(4));
        sale.state = static_cast<SaleState>(select.integer(5));
        sale.amount = select.integer(6);
        sales->push_back(sale);
    }
    return select.failed() ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::Ok;
}

} // namespace usher
