#pragma once

// A cart of seats outside this box office's allocation, held and sold through usherd over the sync
// connection (docs/sync-online-sales.md). usherd decides: the hold and the sale count only once it
// answered Ok. Paid in cash at the counter; the money goes into the drawer only after usherd sold
// the seats. A sale whose answer was lost keeps its request id, so trying again asks usherd for the
// first outcome and never sells twice.
//
// hold(), sellCash() and release() block (they wait for usherd, up to the client's timeout): the
// sale page runs them on its CounterWorker. One thread at a time, like CounterSale.

#include "boxoffice/CounterSale.h"
#include "syncclient/SyncClient.h"

#include <string>
#include <vector>

namespace usher::ui {

// How the card terminal went for an online cart's card payment.
struct OnlineCardOutcome {
    TerminalOutcome terminal = TerminalOutcome::Unknown; // of the charge (Unknown: none was tried)
    std::string reference;                               // the charge's terminal reference
    std::string authCode;
    bool charged = false;        // the card is charged now (sold, or waiting for usherd's answer)
    bool reversed = false;       // usherd refused: the charge was reversed
    bool reversalFailed = false; // usherd refused and the reversal did not go through: reverse it by hand
};

class OnlineCart {
public:
    OnlineCart(const CounterSaleContext& context, SyncClient& client, const StaffAccount& clerk, ShiftId shift);

    SyncOnlineResult hold(const std::vector<SeatId>& seats);
    // `quantity` places of the standing area `area`, from its open pool on usherd (never a
    // channel's pool: this box office sells its own pool locally).
    SyncOnlineResult holdArea(AreaId area, std::uint32_t quantity);
    // Sells the held seats for `cash` (at least the total; the rest is change). On usherd's Ok the
    // sale goes into the drawer (*drawer says how that went).
    SyncOnlineResult sellCash(Amount cash, const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes,
                              BoxOfficeStatus* drawer);
    // Sells the held seats by card: the card terminal is charged first (the seats are never sold
    // unpaid), then usherd sells them with the charge's reference as the payment. usherd refusing
    // the sale reverses the charge; usherd not answering keeps both (calling it again asks usherd
    // again with the same id and never charges twice). *card says how the terminal went.
    SyncOnlineResult sellCard(const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes, BoxOfficeStatus* drawer,
                              OnlineCardOutcome* card);
    // Releases the hold on usherd. Refused (nothing sent, NoAnswer) while a card charge waits for
    // usherd's answer to its sale: ask usherd again first.
    SyncOnlineResult release();

    bool isHeld() const { return m_hold != 0; }
    bool isPlaces() const { return !m_lines.empty() && m_lines.front().area != 0; } // standing places, not seats
    bool isSold() const { return m_order != 0; }
    bool isCardCharged() const { return !m_cardReference.empty(); } // waiting for usherd's answer
    const std::vector<TicketId>& tickets() const { return m_tickets; }
    const std::vector<std::string>& codes() const { return m_codes; }
    HoldId hold() const { return m_hold; }
    Timestamp expiresAt() const { return m_expiresAt; }
    OrderId order() const { return m_order; }
    Amount paid() const { return m_paid; }
    const std::vector<CartLine>& lines() const { return m_lines; }
    const std::string& currency() const { return m_currency; }
    Amount total(const std::vector<std::uint8_t>& priceTypes) const;
    // The event's price of a line (a seat by its category, a place by its area's) for a ticket
    // type; kNotOffered when the venue no longer has it or the type is not offered. usherd charges.
    Amount linePrice(std::size_t line, std::uint8_t priceType) const;
    // What the clerk reads for an outcome that is not Ok (translated).
    static QString describe(const SyncOnlineResult& result);

private:
    SyncOnlineRequest request(SyncOnlineAction action) const;
    SyncOnlineResult holdWith(SyncOnlineRequest request, std::vector<CartLine> lines);
    // usherd's Sell of the held seats, paid by `payment`; on Ok the order, the tickets and the drawer.
    SyncOnlineResult sell(const Buyer& buyer, const std::vector<std::uint8_t>& priceTypes, const std::string& payment,
                          PaymentMethod method, BoxOfficeStatus* drawer);
    TerminalReply charge(Amount amount);

    const CounterSaleContext m_context;
    SyncClient& m_client;
    const StaffAccount m_clerk;
    const ShiftId m_shift;
    std::string m_currency;
    std::vector<CartLine> m_lines;
    HoldId m_hold = 0;
    Timestamp m_expiresAt = 0;
    std::string m_sellId; // kept until usherd answered, so a retry cannot sell twice
    OrderId m_order = 0;
    Amount m_paid = 0;
    std::vector<TicketId> m_tickets;
    std::vector<std::string> m_codes;
    std::string m_cardReference; // charged, usherd's answer to the sale not known yet
    std::string m_cardAuth;
    Amount m_cardAmount = 0;
};

} // namespace usher::ui
