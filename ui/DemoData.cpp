#include "DemoData.h"

#include "DisplayFormat.h"
#include "core/Assert.h"
#include "core/Random.h"
#include "event/EventSpecJson.h"
#include "ledger/Command.h"
#include "runtime/Engine.h"
#include "venue/VenueGenerator.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <string>
#include <vector>

namespace usher::ui {

namespace {

constexpr EventId kDemoNightId = 1;
constexpr EventId kStudioId = 2;
constexpr ChannelId kOnline = 1;
constexpr ChannelId kBoxOffice = 2; // makeDemoEvent's "Box office 1"
constexpr std::uint32_t kAllocatedSeats = 40;
constexpr std::uint32_t kHouseSeats = 10;
constexpr std::uint32_t kSoldPercent = 25;
constexpr std::uint32_t kHeldSeats = 15;
constexpr std::uint64_t kSeed = 20'251'127; // the same demo every time

// One purchase (or a hold that stays open): seats, or a quantity in a standing area.
struct Sale {
    Actor actor;
    ChannelId channel = 0;
    std::vector<SeatId> seats;
    AreaId area = 0;
    std::uint32_t quantity = 0;
};

// `days` from `now`, at `hour`:`minute` in the event's time zone.
Timestamp startAt(const EventSpec& spec, Timestamp now, int days, int hour, int minute)
{
    const QTimeZone zone(QByteArray::fromStdString(spec.timeZone));
    QDateTime start = QDateTime::fromMSecsSinceEpoch(now, zone.isValid() ? zone : QTimeZone::utc()).addDays(days);
    start.setTime(QTime(hour, minute));
    return start.toMSecsSinceEpoch();
}

Command makeCommand(CommandKind kind, Actor actor, ChannelId channel, const std::string& key)
{
    Command c;
    c.kind = kind;
    c.actor = actor;
    c.channel = channel;
    c.key = IdempotencyKey::fromString(key);
    return c;
}

bool runAll(EventShard& shard, std::vector<Command> commands, std::vector<CommandResult>* results, QString* error)
{
    const std::size_t count = commands.size();
    *results = shard.execute(std::move(commands));
    USHER_ASSERT(results->size() == count);
    for (const CommandResult& result : *results) {
        if (result.status != Status::Ok) {
            //: %1 is an engine command (e.g. HoldSeats), %2 a status (e.g. SeatUnavailable).
            *error = QCoreApplication::translate("DemoData", "Creating the demo data failed: %1 answered %2.")
                         .arg(QString::fromLatin1(commandKindName(result.kind)),
                              DisplayFormat::status(result.status));
            return false;
        }
    }
    return true;
}

// Seats of `venue` nobody has claimed yet, in blocks a person would buy together.
class SeatPicker {
public:
    SeatPicker(const Venue& venue, Prng& random)
        : m_venue(venue)
        , m_random(random)
        , m_taken(venue.seats.size(), false)
    {
    }

    void take(SeatIndex seat) { m_taken[seat] = true; }
    bool taken(SeatIndex seat) const { return m_taken[seat]; }

    // A run of `size` adjacent free seats in a random row; empty when none was found quickly.
    std::vector<SeatId> pickBlock(std::uint32_t size)
    {
        for (int attempt = 0; attempt < 64; ++attempt) {
            const VenueRow& row = m_venue.rows[m_random.below(m_venue.rows.size())];
            if (row.seatCount < size)
                continue;
            const SeatIndex first = row.firstSeat + SeatIndex(m_random.below(row.seatCount - size + 1));
            bool free = true;
            for (SeatIndex s = first; s < first + size && free; ++s)
                free = !m_taken[s];
            if (!free)
                continue;
            std::vector<SeatId> ids;
            for (SeatIndex s = first; s < first + size; ++s)
                take(s), ids.push_back(m_venue.seats[s].id);
            return ids;
        }
        return {};
    }

private:
    const Venue& m_venue;
    Prng& m_random;
    std::vector<bool> m_taken;
};

// The first `count` seats of the section at `section` (or of the last section), in venue order.
std::vector<SeatIndex> sectionSeats(const Venue& venue, std::uint32_t section, std::uint32_t count)
{
    std::vector<SeatIndex> seats;
    if (venue.sections.empty())
        return seats;
    const VenueSection& s = venue.sections[std::min<std::size_t>(section, venue.sections.size() - 1)];
    for (std::uint32_t r = s.firstRow; r < s.firstRow + s.rowCount && seats.size() < count; ++r)
        for (std::uint32_t k = 0; k < venue.rows[r].seatCount && seats.size() < count; ++k)
            seats.push_back(venue.rows[r].firstSeat + k);
    return seats;
}

// House seats: the middle of the front row of the first section's second half (good seats).
std::vector<SeatIndex> houseSeats(const Venue& venue, std::uint32_t count)
{
    if (venue.sections.empty())
        return {};
    const VenueSection& s = venue.sections.front();
    const VenueRow& row = venue.rows[s.firstRow + s.rowCount / 2];
    const std::uint32_t n = std::min(count, row.seatCount);
    std::vector<SeatIndex> seats;
    for (std::uint32_t k = 0; k < n; ++k)
        seats.push_back(row.firstSeat + (row.seatCount - n) / 2 + k);
    return seats;
}

std::vector<SeatId> idsOf(const Venue& venue, const std::vector<SeatIndex>& seats)
{
    std::vector<SeatId> ids;
    for (SeatIndex s : seats)
        ids.push_back(venue.seats[s].id);
    return ids;
}

// Channel 2 gets a block of seats to sell offline; house seats are blocked. Both by an admin.
bool reserveInventory(EventShard& shard, SeatPicker& picker, QString* error)
{
    const Venue& venue = *shard.spec().venue;
    const Actor admin { ActorKind::Admin, 1 };
    const std::vector<SeatIndex> allocated = sectionSeats(venue, 1, kAllocatedSeats);
    const std::vector<SeatIndex> house = houseSeats(venue, kHouseSeats);
    std::vector<Command> commands;
    Command allocate = makeCommand(CommandKind::AllocateSeats, admin, 0, "demo-1-allocate");
    allocate.seats = idsOf(venue, allocated);
    allocate.target = kBoxOffice;
    commands.push_back(std::move(allocate));
    Command block = makeCommand(CommandKind::Block, admin, 0, "demo-1-block");
    block.seats = idsOf(venue, house);
    block.text = QCoreApplication::translate("DemoData", "house seats").toStdString();
    commands.push_back(std::move(block));
    for (SeatIndex s : allocated)
        picker.take(s);
    for (SeatIndex s : house)
        picker.take(s);
    std::vector<CommandResult> results;
    return runAll(shard, std::move(commands), &results, error);
}

// Buyers online (each their own actor) and the box-office clerk take turns.
Sale makeSale(std::uint32_t n)
{
    Sale sale;
    if (n % 2 == 0)
        sale.actor = Actor { ActorKind::Buyer, 1000 + n }, sale.channel = kOnline;
    else
        sale.actor = Actor { ActorKind::Clerk, 7 }, sale.channel = kBoxOffice;
    return sale;
}

// About kSoldPercent of the open seats and of the standing places, in groups of 2 to 6; a few
// from the box office's own allocation.
std::vector<Sale> planSales(const Venue& venue, SeatPicker& picker, Prng& random)
{
    std::vector<Sale> sales;
    std::uint32_t sold = 0;
    const std::uint32_t target = venue.seatCount() * kSoldPercent / 100;
    while (sold < target) {
        Sale sale = makeSale(std::uint32_t(sales.size()));
        sale.seats = picker.pickBlock(2 + std::uint32_t(random.below(5)));
        if (sale.seats.empty())
            break; // the venue is fuller than planned; sell less
        sold += std::uint32_t(sale.seats.size());
        sales.push_back(std::move(sale));
    }
    const std::vector<SeatIndex> allocated = sectionSeats(venue, 1, kAllocatedSeats);
    for (std::size_t i = 0; i + 3 <= allocated.size() && i < 6; i += 3) {
        Sale sale { Actor { ActorKind::Clerk, 7 }, kBoxOffice, {}, 0, 0 };
        for (std::size_t k = i; k < i + 3; ++k)
            sale.seats.push_back(venue.seats[allocated[k]].id);
        sales.push_back(std::move(sale));
    }
    for (const VenueArea& area : venue.areas) {
        std::uint32_t standing = 0;
        while (standing < area.capacity * kSoldPercent / 100) {
            Sale sale = makeSale(std::uint32_t(sales.size()));
            sale.area = area.id;
            sale.quantity = std::min(2 + std::uint32_t(random.below(5)), area.capacity - standing);
            standing += sale.quantity;
            sales.push_back(std::move(sale));
        }
    }
    return sales;
}

// Holds still open when the demo starts (they expire after the event's hold time).
std::vector<Sale> planOpenHolds(const Venue& venue, SeatPicker& picker)
{
    std::vector<Sale> holds;
    std::uint32_t held = 0;
    for (std::uint32_t n = 0; held < kHeldSeats; ++n) {
        Sale hold { Actor { ActorKind::Buyer, 5000 + n }, kOnline, {}, 0, 0 };
        hold.seats = picker.pickBlock(std::min(4u, kHeldSeats - held));
        if (hold.seats.empty())
            break;
        held += std::uint32_t(hold.seats.size());
        holds.push_back(std::move(hold));
    }
    if (!venue.areas.empty())
        holds.push_back(Sale { Actor { ActorKind::Buyer, 6000 }, kOnline, {}, venue.areas.front().id, 4 });
    return holds;
}

bool holdAll(EventShard& shard, const std::vector<Sale>& sales, const std::string& prefix, std::vector<HoldId>* holds,
             QString* error)
{
    std::vector<Command> commands;
    for (std::size_t i = 0; i < sales.size(); ++i) {
        const Sale& s = sales[i];
        const bool seated = s.quantity == 0;
        Command c = makeCommand(seated ? CommandKind::HoldSeats : CommandKind::HoldArea, s.actor, s.channel,
                                prefix + "-hold-" + std::to_string(i));
        c.seats = s.seats;
        c.area = s.area;
        c.quantity = s.quantity;
        commands.push_back(std::move(c));
    }
    std::vector<CommandResult> results;
    if (!runAll(shard, std::move(commands), &results, error))
        return false;
    holds->clear();
    for (const CommandResult& r : results)
        holds->push_back(r.hold);
    return true;
}

bool confirmAll(EventShard& shard, const std::vector<Sale>& sales, const std::vector<HoldId>& holds, Prng& random,
                QString* error)
{
    USHER_ASSERT(sales.size() == holds.size());
    std::vector<Command> commands;
    for (std::size_t i = 0; i < sales.size(); ++i) {
        const Sale& s = sales[i];
        Command c = makeCommand(CommandKind::Confirm, s.actor, s.channel, "demo-1-confirm-" + std::to_string(i));
        c.hold = holds[i];
        c.text = s.channel == kBoxOffice ? "cash" : "demo-payment-" + std::to_string(i);
        // Mostly adults, some concessions and children: one price type per seat or place.
        const std::size_t units = s.quantity == 0 ? s.seats.size() : s.quantity;
        for (std::size_t u = 0; u < units; ++u)
            c.priceTypes.push_back(std::uint8_t(random.chance(70) ? 0 : 1 + random.below(2)));
        commands.push_back(std::move(c));
    }
    std::vector<CommandResult> results;
    return runAll(shard, std::move(commands), &results, error);
}

bool populateDemoNight(EventShard& shard, QString* error)
{
    const Venue& venue = *shard.spec().venue;
    Prng random(kSeed);
    SeatPicker picker(venue, random);
    if (!reserveInventory(shard, picker, error))
        return false;
    const std::vector<Sale> sales = planSales(venue, picker, random);
    const std::vector<Sale> open = planOpenHolds(venue, picker);
    std::vector<HoldId> holds;
    if (!holdAll(shard, sales, "demo-1-sale", &holds, error) || !confirmAll(shard, sales, holds, random, error))
        return false;
    return holdAll(shard, open, "demo-1-open", &holds, error);
}

bool createEvent(Engine& engine, EventSpec spec, QString* error)
{
    std::string problem;
    const Status status = engine.createEvent(spec, &problem);
    if (status == Status::Ok)
        return true;
    //: %1 is the event's name, %2 the engine's explanation.
    *error = QCoreApplication::translate("DemoData", "Could not create the demo event “%1”: %2")
                 .arg(DisplayFormat::text(spec.name),
                      problem.empty() ? DisplayFormat::status(status) : DisplayFormat::text(problem));
    return false;
}

} // namespace

bool ensureDemoData(Engine& engine, QString* error)
{
    USHER_ASSERT(error != nullptr);
    if (!engine.events().empty())
        return true;
    const Timestamp now = systemClockNow();

    EventSpec night
        = makeDemoEvent(kDemoNightId, QCoreApplication::translate("DemoData", "Usher Demo Night").toStdString(),
                        generateDemoHall(), now);
    night.startsAt = startAt(night, now, 30, 20, 0);
    // Catalog fields, for the event picker's search and filter chips (issue 10).
    night.performer = "Usher Ensemble";
    night.genre = QCoreApplication::translate("DemoData", "Theatre").toStdString();
    night.city = "Zürich";
    GeneratedVenueSpec studio;
    studio.name = QCoreApplication::translate("DemoData", "Studio Theatre").toStdString();
    studio.sections = 2;
    studio.rowsPerSection = 10;
    studio.seatsPerRow = 14;
    studio.categories = 2;
    studio.gaAreas = 1;
    studio.gaCapacity = 80;
    studio.wheelchairEveryRows = 0;
    std::shared_ptr<Venue> studioVenue = generateVenue(studio);
    USHER_ASSERT(studioVenue != nullptr);
    EventSpec jazz = makeDemoEvent(
        kStudioId, QCoreApplication::translate("DemoData", "Late Jazz in the Studio").toStdString(), studioVenue, now);
    jazz.startsAt = startAt(jazz, now, 45, 21, 30);
    jazz.performer = "Trio Usher";
    jazz.genre = QCoreApplication::translate("DemoData", "Jazz").toStdString();
    jazz.city = "Zürich";

    if (!createEvent(engine, night, error) || !createEvent(engine, jazz, error))
        return false;
    EventShard* shard = engine.event(kDemoNightId);
    USHER_ASSERT(shard != nullptr);
    return populateDemoNight(*shard, error);
}

const std::vector<DemoAccount>& demoAccounts()
{
    static const std::vector<DemoAccount> accounts = {
        { "admin", "admin-demo", "Demo Admin", StaffRole::Admin },
        { "clerk", "clerk-demo", "Demo Clerk", StaffRole::Clerk },
        { "supervisor", "supervisor-demo", "Demo Supervisor", StaffRole::Supervisor },
        { "promoter", "promoter-demo", "Demo Promoter", StaffRole::Promoter },
    };
    return accounts;
}

bool ensureDemoStaff(StaffAccounts& accounts, Timestamp now, QString* error)
{
    USHER_ASSERT(error != nullptr);
    std::vector<StaffAccount> existing;
    BoxOfficeStatus status = accounts.list(&existing);
    if (status == BoxOfficeStatus::Ok && !existing.empty())
        return true;
    const std::vector<DemoAccount>& demo = demoAccounts();
    StaffAccount admin;
    if (status == BoxOfficeStatus::Ok)
        status = accounts.createFirstAdmin(demo[0].login, demo[0].displayName, demo[0].password, now, nullptr);
    if (status == BoxOfficeStatus::Ok)
        status = accounts.signIn(demo[0].login, demo[0].password, now, &admin);
    for (std::size_t i = 1; i < demo.size() && status == BoxOfficeStatus::Ok; ++i)
        status = accounts.createAccount(admin, demo[i].login, demo[i].displayName, demo[i].role, demo[i].password,
                                        now, nullptr);
    if (status == BoxOfficeStatus::Ok)
        return true;
    //: %1 says why, e.g. "the seat is no longer available".
    *error = QCoreApplication::translate("DemoData", "Creating the demo staff accounts failed: %1.")
                 .arg(DisplayFormat::status(status));
    return false;
}

} // namespace usher::ui
