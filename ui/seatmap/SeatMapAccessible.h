#pragma once

// The seat map for assistive technology: the widget is a list whose children are its seats, so a
// screen reader can walk them and hears names like "Stalls, row F, seat 12, Category A, 45.00 EUR,
// available". Seat interfaces are created on demand (a venue may have 100,000 seats) and live as
// long as the map. The widget's description carries the last selection change, so that a change is
// announced (Qt 6.4 has no announcement event).

#include "core/Types.h"

#include <QAccessibleWidget>
#include <QPointer>

#include <unordered_map>

namespace usher::ui {

class SeatMapWidget;

// Installs the factory that gives every SeatMapWidget a SeatMapAccessible. Idempotent.
void installSeatMapAccessibility();

class SeatMapAccessible final : public QAccessibleWidget {
public:
    explicit SeatMapAccessible(SeatMapWidget* widget);
    ~SeatMapAccessible() override;

    int childCount() const override;
    QAccessibleInterface* child(int index) const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QAccessibleInterface* focusChild() const override;
    QAccessibleInterface* childAt(int x, int y) const override;
    QString text(QAccessible::Text t) const override;

    SeatMapWidget* seatMap() const;
    // Deletes the seat interfaces (the map calls it from its destructor, while it is still whole).
    void releaseSeats();

private:
    mutable std::unordered_map<SeatIndex, QAccessible::Id> m_children;
};

class SeatAccessible final : public QAccessibleInterface, public QAccessibleActionInterface {
public:
    SeatAccessible(SeatMapWidget* widget, SeatIndex seat);

    SeatIndex seat() const { return m_seat; }

    bool isValid() const override;
    QObject* object() const override;
    QWindow* window() const override;
    QAccessibleInterface* parent() const override;
    QAccessibleInterface* child(int index) const override;
    int childCount() const override;
    int indexOfChild(const QAccessibleInterface* child) const override;
    QAccessibleInterface* childAt(int x, int y) const override;
    QString text(QAccessible::Text t) const override;
    void setText(QAccessible::Text t, const QString& text) override;
    QRect rect() const override;
    QAccessible::Role role() const override;
    QAccessible::State state() const override;
    void* interface_cast(QAccessible::InterfaceType type) override;

    QStringList actionNames() const override;
    void doAction(const QString& actionName) override;
    QStringList keyBindingsForAction(const QString& actionName) const override;

private:
    SeatMapWidget* live() const; // null once the map is gone

    QPointer<SeatMapWidget> m_widget;
    SeatIndex m_seat;
};

} // namespace usher::ui
