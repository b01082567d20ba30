#pragma once

// Reprinting tickets: the clerk ticks the tickets (Space), gives a reason and reprints. The engine
// gives them new codes first (the old codes stop scanning), then they are printed or saved as PDF.

#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"
#include "tickets/TicketContent.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace usher::ui {

class ReprintDialog : public QDialog {
    Q_OBJECT

public:
    ReprintDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent = nullptr);
    QString outcomeText() const;
    const std::vector<IssuedTicket>& reissued() const { return m_reissued; }

private:
    void reprint();
    void output(bool pdf);

    const CounterServices& m_services;
    OrderDetails m_order;
    std::vector<IssuedTicket> m_reissued;
    QVector<TicketContent> m_contents;
    QListWidget* m_tickets = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_layout = nullptr;
    QComboBox* m_output = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_reprint = nullptr;
    QPushButton* m_again = nullptr;
};

} // namespace usher::ui
