#include "SeatMapAccessible.h"

#include "SeatMapWidget.h"

#include <QWidget>
#include <QWindow>

namespace usher::ui {

namespace {

QAccessibleInterface* seatMapFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String("usher::ui::SeatMapWidget") && object != nullptr && object->isWidgetType())
        return new SeatMapAccessible(static_cast<SeatMapWidget*>(object));
    return nullptr;
}

} // namespace

void installSeatMapAccessibility()
{
    static const bool installed = [] {
        QAccessible::installFactory(seatMapFactory);
        return true;
    }();
    Q_UNUSED(installed);
}

// ---- the map -------------------------------------------------------------------------------------

SeatMapAccessible::SeatMapAccessible(SeatMapWidget* widget)
    : QAccessibleWidget(widget, QAccessible::List)
{
    widget->setAccessibleInterface(this);
}

SeatMapAccessible::~SeatMapAccessible()
{
    releaseSeats();
    if (SeatMapWidget* map = seatMap(); map != nullptr)
        map->setAccessibleInterface(nullptr);
}

void SeatMapAccessible::releaseSeats()
{
    for (const auto& [seat, id] : m_children)
        QAccessible::deleteAccessibleInterface(id);
    m_children.clear();
}

SeatMapWidget* SeatMapAccessible::seatMap() const
{
    return static_cast<SeatMapWidget*>(widget());
}

int SeatMapAccessible::childCount() const
{
    const SeatMapWidget* map = seatMap();
    return map != nullptr ? int(map->model().seatCount()) : 0;
}

QAccessibleInterface* SeatMapAccessible::child(int index) const
{
    if (index < 0 || index >= childCount())
        return nullptr;
    const auto seat = SeatIndex(index);
    if (const auto found = m_children.find(seat); found != m_children.end())
        return QAccessible::accessibleInterface(found->second);
    auto* iface = new SeatAccessible(seatMap(), seat); // childCount() > 0: the map is alive
    m_children.emplace(seat, QAccessible::registerAccessibleInterface(iface));
    return iface;
}

int SeatMapAccessible::indexOfChild(const QAccessibleInterface* child) const
{
    const auto* seat = dynamic_cast<const SeatAccessible*>(child);
    return seat != nullptr && seat->parent() == this ? int(seat->seat()) : -1;
}

QAccessibleInterface* SeatMapAccessible::focusChild() const
{
    const SeatMapWidget* map = seatMap();
    if (map == nullptr || map->focusSeat() == kNoSeat || !map->hasFocus())
        return nullptr;
    return child(int(map->focusSeat()));
}

QAccessibleInterface* SeatMapAccessible::childAt(int x, int y) const
{
    const SeatMapWidget* map = seatMap();
    if (map == nullptr)
        return nullptr;
    const SeatIndex seat = map->seatAt(map->viewport()->mapFromGlobal(QPoint(x, y)));
    return seat != kNoSeat ? child(int(seat)) : nullptr;
}

QString SeatMapAccessible::text(QAccessible::Text t) const
{
    if (t == QAccessible::Help)
        return SeatMapWidget::tr("Arrow keys move between seats, Space selects, Page Up and Page Down change "
                                 "the section, plus and minus zoom.");
    return QAccessibleWidget::text(t);
}

// ---- a seat --------------------------------------------------------------------------------------

SeatAccessible::SeatAccessible(SeatMapWidget* widget, SeatIndex seat)
    : m_widget(widget)
    , m_seat(seat)
{
}

SeatMapWidget* SeatAccessible::live() const
{
    SeatMapWidget* widget = m_widget.data();
    return widget != nullptr && m_seat < widget->model().seatCount() ? widget : nullptr;
}

bool SeatAccessible::isValid() const
{
    return live() != nullptr;
}

QObject* SeatAccessible::object() const
{
    return nullptr;
}

QWindow* SeatAccessible::window() const
{
    const SeatMapWidget* widget = live();
    return widget != nullptr ? widget->window()->windowHandle() : nullptr;
}

QAccessibleInterface* SeatAccessible::parent() const
{
    SeatMapWidget* widget = live();
    return widget != nullptr ? QAccessible::queryAccessibleInterface(widget) : nullptr;
}

QAccessibleInterface* SeatAccessible::child(int) const
{
    return nullptr;
}

int SeatAccessible::childCount() const
{
    return 0;
}

int SeatAccessible::indexOfChild(const QAccessibleInterface*) const
{
    return -1;
}

QAccessibleInterface* SeatAccessible::childAt(int, int) const
{
    return nullptr;
}

QString SeatAccessible::text(QAccessible::Text t) const
{
    const SeatMapWidget* widget = live();
    if (widget == nullptr)
        return {};
    switch (t) {
    case QAccessible::Name: return widget->seatDescription(m_seat);
    case QAccessible::Description: return widget->isSelected(m_seat) ? SeatMapWidget::tr("selected") : QString();
    default: return {};
    }
}

void SeatAccessible::setText(QAccessible::Text, const QString&)
{
}

QRect SeatAccessible::rect() const
{
    const SeatMapWidget* widget = live();
    if (widget == nullptr)
        return {};
    const QRect local = widget->seatRectInView(m_seat).toAlignedRect();
    return QRect(widget->viewport()->mapToGlobal(local.topLeft()), local.size());
}

QAccessible::Role SeatAccessible::role() const
{
    return QAccessible::ListItem;
}

QAccessible::State SeatAccessible::state() const
{
    QAccessible::State state;
    const SeatMapWidget* widget = live();
    if (widget == nullptr) {
        state.invalid = true;
        return state;
    }
    const bool sellable = widget->model().isSellable(m_seat);
    state.focusable = true;
    state.focused = widget->hasFocus() && widget->focusSeat() == m_seat;
    state.selectable = sellable;
    state.selected = widget->isSelected(m_seat);
    state.disabled = !sellable;
    state.multiSelectable = true;
    const QRect visible(QPoint(0, 0), widget->viewport()->size());
    state.offscreen = !visible.intersects(widget->seatRectInView(m_seat).toAlignedRect());
    return state;
}

void* SeatAccessible::interface_cast(QAccessible::InterfaceType type)
{
    return type == QAccessible::ActionInterface ? static_cast<QAccessibleActionInterface*>(this) : nullptr;
}

QStringList SeatAccessible::actionNames() const
{
    const SeatMapWidget* widget = live();
    if (widget == nullptr || !widget->model().isSellable(m_seat))
        return {};
    return { toggleAction() };
}

void SeatAccessible::doAction(const QString& actionName)
{
    SeatMapWidget* widget = live();
    if (widget != nullptr && actionName == toggleAction()) {
        widget->setFocusSeat(m_seat);
        widget->toggleSeat(m_seat);
    }
}

QStringList SeatAccessible::keyBindingsForAction(const QString& actionName) const
{
    return actionName == toggleAction() ? QStringList { QStringLiteral("Space") } : QStringList {};
}

} // namespace usher::ui
