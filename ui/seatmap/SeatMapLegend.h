#pragma once

// The seat map's legend: each state's swatch (with its mark, as the map draws it), the selection,
// and, when seats are coloured by price category, the categories. It follows the map's palette and
// colour mode.

#include <QWidget>

class QGridLayout;

namespace usher::ui {

class SeatMapWidget;

class SeatMapLegend final : public QWidget {
    Q_OBJECT

public:
    explicit SeatMapLegend(SeatMapWidget* map, QWidget* parent = nullptr);

    void setColumns(int columns);
    // Rebuilds the entries (after a palette or colour mode change; the map's viewChanged does it).
    void refresh();

private:
    void addEntry(QWidget* swatch, const QString& text, int* index);

    SeatMapWidget* m_map;
    QGridLayout* m_grid;
    int m_columns = 2;
};

} // namespace usher::ui
