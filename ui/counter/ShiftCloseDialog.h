#pragma once

// Closing the shift: the clerk counts the drawer blind (the expected amount is not shown, so the
// count is honest), enters the total, confirms, and the shift is closed with that count. The Z
// report then shows expected against counted and the variance.

#include "boxoffice/CashDrawer.h"
#include "counter/CounterServices.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace usher::ui {

class ShiftCloseDialog : public QDialog {
    Q_OBJECT

public:
    ShiftCloseDialog(const CounterServices& services, QWidget* parent = nullptr);
    // The Z report once the shift was closed.
    const ShiftReport& report() const { return m_report; }
    bool closed() const { return m_closed; }
    QString errorText() const;

private:
    void closeShift();

    const CounterServices& m_services;
    Shift m_shift;
    ShiftReport m_report;
    bool m_closed = false;
    QLineEdit* m_counted = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_close = nullptr;
};

} // namespace usher::ui
