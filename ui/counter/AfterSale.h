#pragma once

// The after-sale and shift screens, as the counter window opens them from its menus, shortcuts
// and seat map. Each call shows a modal dialog on `parent` and returns when the clerk is done.
// What happens inside (refunds, exchanges, voids, reprints, cash movements, reports) is recorded in
// the engine and in boxoffice.db with the signed-in clerk's id.

#include "counter/CounterServices.h"

#include <QString>

class QWidget;

namespace usher::ui {

class AfterSale {
public:
    // Finds orders by order number, ticket code, buyer name or seat label, starting with `query`
    // (may be empty). From a found order the clerk refunds all or part of it, exchanges seats,
    // voids it or reprints its tickets.
    static void findOrder(QWidget* parent, const CounterServices& services, const QString& query = {});
    // The order that holds a sold seat (a click on a sold seat of the map). Says so when the seat is
    // not sold.
    static void showOrderForSeat(QWidget* parent, const CounterServices& services, EventId event, SeatId seat);
    // Cash paid into or taken out of the drawer, with a note.
    static void cashMovement(QWidget* parent, const CounterServices& services);
    // The X report of the open shift: view, print, export to CSV or PDF.
    static void xReport(QWidget* parent, const CounterServices& services);
    // Counts the drawer, closes the shift and shows its Z report (print, CSV, PDF). True when the
    // shift was closed.
    static bool closeShift(QWidget* parent, const CounterServices& services);
};

} // namespace usher::ui
