#pragma once

#include <QStyledItemDelegate>

namespace usher::ui {

// Draws a seat cell with its state colour even when it is selected, and marks the selected cell
// with a black-and-white outline instead of the palette's highlight (which would hide the state,
// and whose blue looks like "allocated").
class SeatCellDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace usher::ui
