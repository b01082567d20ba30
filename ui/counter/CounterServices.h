#pragma once

// What every counter screen and dialog works with: the engine, the box office's own database and
// its services, and who is signed in on which shift. The counter window owns the services and
// outlives every dialog that receives this struct; dialogs only read it.

#include "boxoffice/BoxOfficeDb.h"
#include "boxoffice/CardTerminal.h"
#include "boxoffice/CashDrawer.h"
#include "boxoffice/CounterSale.h"
#include "boxoffice/StaffAccounts.h"
#include "runtime/Clock.h"
#include "runtime/Engine.h"

namespace usher::ui {

class SyncSession;

struct CounterServices {
    Engine* engine = nullptr;
    BoxOfficeDb* db = nullptr;
    CashDrawer* drawer = nullptr;
    StaffAccounts* accounts = nullptr;
    CardTerminal* terminal = nullptr; // null: no card terminal configured
    ChannelId channel = 0;            // this box office's sales channel
    Clock clock = systemClockNow;
    // The box office's link to usherd (ui/sync), null when the counter runs without sync: central's
    // seat states on the map, and the sales of seats outside this box office's allocation.
    SyncSession* sync = nullptr;

    StaffAccount clerk; // the signed-in account (id 0: nobody)
    ShiftId shift = 0;  // the clerk's open shift (0: none)

    // The context a CounterSale or refundAtCounter needs for one event's shard.
    CounterSaleContext saleContext(EventShard* shard) const
    {
        CounterSaleContext context;
        context.shard = shard;
        context.db = db;
        context.drawer = drawer;
        context.accounts = accounts;
        context.terminal = terminal;
        context.channel = channel;
        context.clock = clock;
        return context;
    }
};

} // namespace usher::ui
