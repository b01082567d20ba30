#include "SeatMapLegend.h"

#include "DisplayFormat.h"
#include "SeatMapRenderer.h"
#include "SeatMapWidget.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>

namespace usher::ui {

namespace {

// A seat drawn exactly as on the map, or a plain colour chip for a category.
class Swatch final : public QWidget {
public:
    Swatch(const SeatMapPalette& palette, SeatMapState state, bool selected, QColor color, QWidget* parent)
        : QWidget(parent)
        , m_palette(palette)
        , m_state(state)
        , m_selected(selected)
        , m_color(color)
    {
        setFixedSize(20, 20);
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter painter(this);
        painter.fillRect(rect(), m_palette.sectionFill);
        const QRectF seat = QRectF(rect()).adjusted(3, 3, -3, -3);
        if (m_color.isValid()) {
            painter.setRenderHint(QPainter::Antialiasing, true);
            painter.setPen(QPen(QColor(0, 0, 0, 80), 1));
            painter.setBrush(m_color);
            painter.drawRect(seat);
            return;
        }
        SeatMapRenderer::drawSwatch(painter, seat, m_state, m_palette, m_selected);
    }

private:
    SeatMapPalette m_palette;
    SeatMapState m_state;
    bool m_selected;
    QColor m_color;
};

} // namespace

SeatMapLegend::SeatMapLegend(SeatMapWidget* map, QWidget* parent)
    : QWidget(parent)
    , m_map(map)
    , m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("seatMapLegend"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(4);
    connect(map, &SeatMapWidget::viewChanged, this, [this] {
        // viewChanged also fires on every pan; rebuild only when the look changed.
        const auto look = std::pair { m_map->paletteKind(), m_map->colorMode() };
        if (property("look").toInt() != int(look.first) * 2 + int(look.second))
            refresh();
    });
    refresh();
}

void SeatMapLegend::setColumns(int columns)
{
    m_columns = std::max(1, columns);
    refresh();
}

void SeatMapLegend::addEntry(QWidget* swatch, const QString& text, int* index)
{
    auto* label = new QLabel(text, this);
    label->setObjectName(QStringLiteral("legendLabel%1").arg(*index));
    swatch->setAccessibleName(text);
    const int row = *index / m_columns, column = (*index % m_columns) * 2;
    m_grid->addWidget(swatch, row, column);
    m_grid->addWidget(label, row, column + 1);
    ++*index;
}

void SeatMapLegend::refresh()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    setProperty("look", int(m_map->paletteKind()) * 2 + int(m_map->colorMode()));
    const SeatMapPalette& palette = m_map->seatPalette();
    int index = 0;
    const bool byCategory = m_map->colorMode() == SeatMapRenderer::ColorMode::Category;
    for (SeatMapState state : kSeatMapStates) {
        if (byCategory && SeatMapModel::isSellableState(state) && state == SeatMapState::Available)
            continue; // available seats take their category's colour, listed below
        addEntry(new Swatch(palette, state, false, QColor(), this), SeatMapPalette::stateName(state), &index);
    }
    addEntry(new Swatch(palette, SeatMapState::Available, true, QColor(), this), tr("selected"), &index);
    if (byCategory) {
        const Venue& venue = m_map->model().venue();
        for (const VenueCategory& category : venue.categories) {
            QColor color(QString::fromStdString(category.color));
            if (!color.isValid())
                color = palette.stateFill(SeatMapState::Available);
            addEntry(new Swatch(palette, SeatMapState::Available, false, color, this),
                     DisplayFormat::text(category.name), &index);
        }
    }
    m_grid->setColumnStretch(m_columns * 2 - 1, 1);
}

} // namespace usher::ui
