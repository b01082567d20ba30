// SeatMapWidget: selection, the focus seat, mouse, wheel, pinch, keyboard and the context menu.

#include "SeatMapAccessible.h"
#include "SeatMapWidget.h"
#include "core/Assert.h"

#include <QAccessible>
#include <QApplication>
#include <QContextMenuEvent>
#include <QGestureEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPinchGesture>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace usher::ui {

namespace {
constexpr double kKeyZoomFactor = 1.25;
constexpr double kKeyPanFraction = 0.125;
// Announcing every seat of a big rubber band would drown a screen reader; beyond this many seats
// the announcement is a count.
constexpr std::size_t kAnnounceSeatsMax = 3;
} // namespace

// ---- selection -----------------------------------------------------------------------------------

bool SeatMapWidget::setSelected(SeatIndex seat, bool selected)
{
    USHER_ASSERT(seat < m_selected.size());
    if ((m_selected[seat] != 0) == selected)
        return false;
    if (selected && !m_model.isSellable(seat))
        return false;
    m_selected[seat] = selected ? 1 : 0;
    m_selectedCount += selected ? 1 : std::size_t(-1);
    markSeatDirty(seat);
    viewport()->update(seatRectInView(seat).toAlignedRect());
    return true;
}

void SeatMapWidget::commitSelection(const std::vector<SeatIndex>& added, const std::vector<SeatIndex>& removed)
{
    if (added.empty() && removed.empty())
        return;
    if (added.size() + removed.size() > 64)
        viewport()->update();
    // Assistive technology: which seats changed, then a sentence that says so. (Without a screen
    // reader these events cost a lookup each; there are at most kAnnounceSeatsMax of them.)
    {
        for (const auto& [seats, type] : { std::pair { &added, QAccessible::SelectionAdd },
                                           std::pair { &removed, QAccessible::SelectionRemove } }) {
            if (seats->size() > kAnnounceSeatsMax) {
                QAccessibleEvent within(this, QAccessible::SelectionWithin);
                QAccessible::updateAccessibility(&within);
                continue;
            }
            for (SeatIndex s : *seats) {
                QAccessibleEvent event(this, type);
                event.setChild(int(s));
                QAccessible::updateAccessibility(&event);
            }
        }
    }
    QString change;
    if (added.size() == 1 && removed.empty())
        //: Announced to screen readers: %1 describes the seat.
        change = tr("Selected %1.").arg(seatDescription(added.front()));
    else if (removed.size() == 1 && added.empty())
        change = tr("Deselected %1.").arg(seatDescription(removed.front()));
    else if (!added.empty())
        change = tr("%n seat(s) added to the selection.", nullptr, int(added.size()));
    else
        change = tr("%n seat(s) removed from the selection.", nullptr, int(removed.size()));
    //: Announced to screen readers after a selection change: %1 what changed, then the total.
    setAccessibleDescription(tr("%1 %n seat(s) selected.", nullptr, int(m_selectedCount)).arg(change));
    Q_EMIT selectionChanged(selectedSeatIds());
}

std::vector<SeatIndex> SeatMapWidget::selectedSeats() const
{
    std::vector<SeatIndex> seats;
    seats.reserve(m_selectedCount);
    for (SeatIndex s = 0; s < m_selected.size() && seats.size() < m_selectedCount; ++s)
        if (m_selected[s] != 0)
            seats.push_back(s);
    return seats;
}

QList<quint32> SeatMapWidget::selectedSeatIds() const
{
    QList<quint32> ids;
    ids.reserve(qsizetype(m_selectedCount));
    for (SeatIndex s : selectedSeats())
        ids.push_back(m_model.venue().seats[s].id);
    return ids;
}

void SeatMapWidget::toggleSeat(SeatIndex seat)
{
    if (seat >= m_model.seatCount())
        return;
    const bool select = m_selected[seat] == 0;
    if (!setSelected(seat, select))
        return;
    m_anchorSeat = seat;
    if (select)
        commitSelection({ seat }, {});
    else
        commitSelection({}, { seat });
}

void SeatMapWidget::selectRun(SeatIndex from, SeatIndex to)
{
    const Venue& venue = m_model.venue();
    if (from >= venue.seats.size() || to >= venue.seats.size())
        return;
    if (venue.seats[from].row != venue.seats[to].row) {
        toggleSeat(to); // a run never leaves its row
        return;
    }
    std::vector<SeatIndex> added;
    for (SeatIndex s = std::min(from, to); s <= std::max(from, to); ++s)
        if (setSelected(s, true))
            added.push_back(s);
    commitSelection(added, {});
}

void SeatMapWidget::selectRow(std::uint32_t row)
{
    const Venue& venue = m_model.venue();
    if (row >= venue.rows.size())
        return;
    std::vector<SeatIndex> added;
    const VenueRow& r = venue.rows[row];
    for (SeatIndex s = r.firstSeat; s < r.firstSeat + r.seatCount; ++s)
        if (setSelected(s, true))
            added.push_back(s);
    commitSelection(added, {});
}

void SeatMapWidget::selectSection(std::uint32_t section)
{
    const Venue& venue = m_model.venue();
    if (section >= venue.sections.size())
        return;
    const VenueSection& sec = venue.sections[section];
    std::vector<SeatIndex> added;
    for (std::uint32_t row = sec.firstRow; row < sec.firstRow + sec.rowCount; ++row) {
        const VenueRow& r = venue.rows[row];
        for (SeatIndex s = r.firstSeat; s < r.firstSeat + r.seatCount; ++s)
            if (setSelected(s, true))
                added.push_back(s);
    }
    commitSelection(added, {});
}

void SeatMapWidget::selectInRect(const QRectF& world)
{
    std::vector<SeatIndex> added;
    for (SeatIndex s : m_layout.seatsIn(world))
        if (setSelected(s, true))
            added.push_back(s);
    commitSelection(added, {});
}

void SeatMapWidget::clearSelection()
{
    std::vector<SeatIndex> removed = selectedSeats();
    for (SeatIndex s : removed)
        setSelected(s, false);
    commitSelection({}, removed);
}

void SeatMapWidget::setSelection(const std::vector<SeatIndex>& seats)
{
    std::vector<std::uint8_t> wanted(m_selected.size(), 0);
    for (SeatIndex s : seats)
        if (s < wanted.size())
            wanted[s] = 1;
    std::vector<SeatIndex> added, removed;
    for (SeatIndex s = 0; s < m_selected.size(); ++s) {
        if (wanted[s] != 0 && setSelected(s, true))
            added.push_back(s);
        else if (wanted[s] == 0 && setSelected(s, false))
            removed.push_back(s);
    }
    commitSelection(added, removed);
}

// ---- focus seat ----------------------------------------------------------------------------------

void SeatMapWidget::setFocusSeat(SeatIndex seat)
{
    if (seat != kNoSeat && seat >= m_model.seatCount())
        return;
    if (seat == m_focusSeat)
        return;
    if (m_focusSeat != kNoSeat)
        viewport()->update(seatRectInView(m_focusSeat).adjusted(-5, -5, 5, 5).toAlignedRect());
    m_focusSeat = seat;
    if (seat != kNoSeat) {
        ensureSeatVisible(seat);
        viewport()->update(seatRectInView(seat).adjusted(-5, -5, 5, 5).toAlignedRect());
    }
    notifyFocus();
    Q_EMIT focusSeatChanged(quint32(seat));
}

void SeatMapWidget::notifyFocus()
{
    if (!hasFocus())
        return;
    QAccessibleEvent event(this, QAccessible::Focus);
    if (m_focusSeat != kNoSeat)
        event.setChild(int(m_focusSeat));
    QAccessible::updateAccessibility(&event);
}

SeatIndex SeatMapWidget::nearestInRow(std::uint32_t row, QPointF world) const
{
    const VenueRow& r = m_model.venue().rows[row];
    SeatIndex best = r.firstSeat;
    double bestDistance = -1;
    for (SeatIndex s = r.firstSeat; s < r.firstSeat + r.seatCount; ++s) {
        const QPointF d = m_layout.position(s) - world;
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (bestDistance < 0 || distance < bestDistance)
            best = s, bestDistance = distance;
    }
    return best;
}

void SeatMapWidget::moveFocus(int key)
{
    const Venue& venue = m_model.venue();
    if (venue.seats.empty())
        return;
    if (m_focusSeat == kNoSeat) {
        // Start at the seat nearest the middle of the view.
        const QPointF centre = m_view.center;
        SeatIndex best = 0;
        double bestDistance = -1;
        m_layout.grid().forEachInRect(m_view.worldRect(QRectF(QPointF(0, 0), m_view.viewport)), [&](SeatIndex s) {
            const QPointF d = m_layout.position(s) - centre;
            const double distance = d.x() * d.x() + d.y() * d.y();
            if (bestDistance < 0 || distance < bestDistance)
                best = s, bestDistance = distance;
        });
        setFocusSeat(best);
        return;
    }
    const VenueSeat& seat = venue.seats[m_focusSeat];
    const VenueRow& row = venue.rows[seat.row];
    const VenueSection& section = venue.sections[seat.section];
    SeatIndex next = m_focusSeat;
    switch (key) {
    case Qt::Key_Left: next = m_focusSeat > row.firstSeat ? m_focusSeat - 1 : m_focusSeat; break;
    case Qt::Key_Right: next = m_focusSeat + 1 < row.firstSeat + row.seatCount ? m_focusSeat + 1 : m_focusSeat; break;
    case Qt::Key_Home: next = row.firstSeat; break;
    case Qt::Key_End: next = row.firstSeat + row.seatCount - 1; break;
    case Qt::Key_Up:
        if (seat.row > section.firstRow)
            next = nearestInRow(seat.row - 1, m_layout.position(m_focusSeat));
        break;
    case Qt::Key_Down:
        if (seat.row + 1 < section.firstRow + section.rowCount)
            next = nearestInRow(seat.row + 1, m_layout.position(m_focusSeat));
        break;
    default: break;
    }
    setFocusSeat(next);
}

void SeatMapWidget::jumpSection(int direction)
{
    const Venue& venue = m_model.venue();
    if (venue.sections.empty())
        return;
    const int count = int(venue.sections.size());
    int section = m_focusSeat == kNoSeat ? (direction > 0 ? -1 : count) : int(venue.seats[m_focusSeat].section);
    section = std::clamp(section + direction, 0, count - 1);
    const VenueRow& first = venue.rows[venue.sections[std::size_t(section)].firstRow];
    zoomToSection(section);
    setFocusSeat(first.firstSeat);
}

// ---- keyboard ------------------------------------------------------------------------------------

QPointF SeatMapWidget::cursorAnchor() const
{
    const QPoint cursor = viewport()->mapFromGlobal(QCursor::pos());
    if (viewport()->rect().contains(cursor))
        return cursor;
    return { m_view.viewport.width() / 2, m_view.viewport.height() / 2 };
}

bool SeatMapWidget::handleZoomKeys(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(kKeyZoomFactor, cursorAnchor()); return true;
    case Qt::Key_Minus: zoomBy(1 / kKeyZoomFactor, cursorAnchor()); return true;
    case Qt::Key_0: fitToVenue(); return true;
    case Qt::Key_Z:
        if (m_focusSeat != kNoSeat)
            zoomToSection(int(m_model.venue().seats[m_focusSeat].section));
        return true;
    default: return false;
    }
}

bool SeatMapWidget::handleSelectionKeys(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_focusSeat != kNoSeat) {
            if ((event->modifiers() & Qt::ShiftModifier) && m_anchorSeat != kNoSeat)
                selectRun(m_anchorSeat, m_focusSeat);
            else
                toggleSeat(m_focusSeat);
        }
        return true;
    case Qt::Key_R:
        if (m_focusSeat != kNoSeat)
            selectRow(m_model.venue().seats[m_focusSeat].row);
        return true;
    case Qt::Key_S:
        if (m_focusSeat != kNoSeat)
            selectSection(m_model.venue().seats[m_focusSeat].section);
        return true;
    case Qt::Key_Escape:
        if (m_selectedCount == 0)
            return false;
        clearSelection();
        return true;
    default: return false;
    }
}

void SeatMapWidget::keyPressEvent(QKeyEvent* event)
{
    const int key = event->key();
    const bool arrow = key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down;
    if (arrow && (event->modifiers() & Qt::ControlModifier)) {
        const double dx = m_view.viewport.width() * kKeyPanFraction, dy = m_view.viewport.height() * kKeyPanFraction;
        const QPointF delta = key == Qt::Key_Left ? QPointF(dx, 0)
            : key == Qt::Key_Right                ? QPointF(-dx, 0)
            : key == Qt::Key_Up                   ? QPointF(0, dy)
                                                  : QPointF(0, -dy);
        panBy(QPointF(std::round(delta.x()), std::round(delta.y())));
        return;
    }
    if (arrow || key == Qt::Key_Home || key == Qt::Key_End) {
        moveFocus(key);
        return;
    }
    if (key == Qt::Key_PageDown || key == Qt::Key_PageUp) {
        jumpSection(key == Qt::Key_PageDown ? 1 : -1);
        return;
    }
    if (handleZoomKeys(event) || handleSelectionKeys(event))
        return;
    QAbstractScrollArea::keyPressEvent(event);
}

void SeatMapWidget::focusInEvent(QFocusEvent* event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_focusSeat != kNoSeat)
        viewport()->update(seatRectInView(m_focusSeat).adjusted(-5, -5, 5, 5).toAlignedRect());
    notifyFocus();
}

void SeatMapWidget::focusOutEvent(QFocusEvent* event)
{
    QAbstractScrollArea::focusOutEvent(event);
    if (m_focusSeat != kNoSeat)
        viewport()->update(seatRectInView(m_focusSeat).adjusted(-5, -5, 5, 5).toAlignedRect());
}

// ---- mouse ---------------------------------------------------------------------------------------

QRectF SeatMapWidget::rubberBandRect() const
{
    return QRectF(m_pressPos, m_lastPos).normalized();
}

void SeatMapWidget::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    m_drag = event->button() == Qt::MiddleButton ? Drag::Pan : Drag::Pending;
    m_pressPos = m_lastPos = event->position();
    m_pressModifiers = event->modifiers();
    setFocus(Qt::MouseFocusReason);
}

void SeatMapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::Pending && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
        m_drag = (m_pressModifiers & Qt::ShiftModifier) ? Drag::RubberBand : Drag::Pan;
        if (m_drag == Drag::Pan)
            viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_drag == Drag::Pan) {
        const QPointF delta = pos - m_lastPos;
        panBy(QPointF(std::round(delta.x()), std::round(delta.y())));
        m_lastPos += QPointF(std::round(delta.x()), std::round(delta.y()));
    } else if (m_drag == Drag::RubberBand) {
        const QRect before = rubberBandRect().toAlignedRect().adjusted(-2, -2, 2, 2);
        m_lastPos = pos;
        viewport()->update(before.united(rubberBandRect().toAlignedRect().adjusted(-2, -2, 2, 2)));
    }
}

void SeatMapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->unsetCursor();
    if (drag == Drag::RubberBand) {
        viewport()->update(rubberBandRect().toAlignedRect().adjusted(-2, -2, 2, 2));
        selectInRect(m_view.worldRect(rubberBandRect()));
        return;
    }
    if (drag != Drag::Pending || event->button() != Qt::LeftButton)
        return;
    const SeatIndex seat = seatAt(event->position());
    if (seat == kNoSeat) {
        if (detail() == SeatMapDetail::Sections) // zoomed out: a click on a section zooms to it
            zoomToSection(m_layout.sectionAt(m_view.toWorld(event->position())));
        return;
    }
    const SeatIndex anchor = m_anchorSeat;
    m_focusSeat = seat; // no scrolling for a seat under the mouse
    notifyFocus();
    Q_EMIT focusSeatChanged(quint32(seat));
    if ((event->modifiers() & Qt::ShiftModifier) && anchor != kNoSeat)
        selectRun(anchor, seat);
    else
        toggleSeat(seat);
    viewport()->update();
}

void SeatMapWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    const SeatIndex seat = seatAt(event->position());
    if (event->button() == Qt::LeftButton && seat != kNoSeat)
        selectRow(m_model.venue().seats[seat].row);
}

void SeatMapWidget::wheelEvent(QWheelEvent* event)
{
    const QPoint angle = event->angleDelta();
    if (angle.y() == 0 && angle.x() != 0) { // a horizontal wheel or a sideways swipe pans
        panBy(QPointF(std::round(angle.x() / 4.0), 0));
        return;
    }
    // 120 units (one notch) zoom by 1.2, in either direction.
    zoomBy(std::pow(1.2, angle.y() / 120.0), event->position());
    event->accept();
}

void SeatMapWidget::contextMenuEvent(QContextMenuEvent* event)
{
    const SeatIndex seat = seatAt(event->pos());
    const int section
        = seat != kNoSeat ? int(m_model.venue().seats[seat].section) : m_layout.sectionAt(m_view.toWorld(event->pos()));
    QMenu menu(this);
    if (seat != kNoSeat) {
        const std::uint32_t row = m_model.venue().seats[seat].row;
        menu.addAction(tr("Select &row"), this, [this, row] { selectRow(row); });
    }
    if (section >= 0) {
        menu.addAction(tr("Select &section"), this, [this, section] { selectSection(std::uint32_t(section)); });
        menu.addAction(tr("&Zoom to section"), this, [this, section] { zoomToSection(section); });
    }
    menu.addAction(tr("&Fit to venue"), this, &SeatMapWidget::fitToVenue);
    QAction* clear = menu.addAction(tr("&Clear selection"), this, &SeatMapWidget::clearSelection);
    clear->setEnabled(m_selectedCount > 0);
    menu.exec(event->globalPos());
}

// ---- events --------------------------------------------------------------------------------------

bool SeatMapWidget::gestureEvent(QGestureEvent* event)
{
    auto* pinch = static_cast<QPinchGesture*>(event->gesture(Qt::PinchGesture));
    if (pinch == nullptr)
        return false;
    if (pinch->changeFlags() & QPinchGesture::ScaleFactorChanged)
        zoomBy(pinch->scaleFactor(), viewport()->mapFromGlobal(pinch->centerPoint().toPoint()));
    event->accept(pinch);
    return true;
}

bool SeatMapWidget::viewportEvent(QEvent* event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else {
            // The tip stays while the mouse is on the same seat (or, off seats, within a few pixels).
            const SeatIndex seat = seatAt(help->pos());
            const QRect still = seat != kNoSeat ? seatRectInView(seat).toAlignedRect()
                                                : QRect(help->pos() - QPoint(3, 3), QSize(7, 7));
            QToolTip::showText(help->globalPos(), text, viewport(), still);
        }
        return true;
    }
    case QEvent::Gesture: return gestureEvent(static_cast<QGestureEvent*>(event));
    case QEvent::NativeGesture: {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value(), gesture->position());
            return true;
        }
        break;
    }
    default: break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace usher::ui
