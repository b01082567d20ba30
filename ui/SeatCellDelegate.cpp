#include "SeatCellDelegate.h"

#include <QPainter>

namespace usher::ui {

void SeatCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem plain(option);
    const bool selected = plain.state.testFlag(QStyle::State_Selected);
    plain.state.setFlag(QStyle::State_Selected, false);
    plain.state.setFlag(QStyle::State_HasFocus, false);
    QStyledItemDelegate::paint(painter, plain, index);
    if (!selected)
        return;
    // Two rings, black outside and white inside, stay visible on every state colour.
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(Qt::black, 2));
    painter->drawRect(option.rect.adjusted(1, 1, -1, -1));
    painter->setPen(QPen(Qt::white, 1));
    painter->drawRect(option.rect.adjusted(2, 2, -3, -3));
    painter->restore();
}

} // namespace usher::ui
