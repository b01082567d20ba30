#pragma once

// Cash paid into the drawer (more change, a float top-up) or taken out (a safe drop, petty cash),
// with a note that says why. Alt+I cash in, Alt+O cash out, Enter records.

#include "counter/CounterServices.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace usher::ui {

class CashMovementDialog : public QDialog {
    Q_OBJECT

public:
    CashMovementDialog(const CounterServices& services, QWidget* parent = nullptr);
    QString errorText() const;

private:
    void record();
    void refreshDrawer();

    const CounterServices& m_services;
    Shift m_shift;
    QRadioButton* m_in = nullptr;
    QRadioButton* m_out = nullptr;
    QLineEdit* m_amount = nullptr;
    QLineEdit* m_note = nullptr;
    QLabel* m_drawer = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_record = nullptr;
};

} // namespace usher::ui
