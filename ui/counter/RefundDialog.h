#pragma once

// Refunding all or part of an order: the clerk ticks the tickets (Space), gives a reason, picks cash
// or back to the card, and a supervisor signs in when the amount is above the limit. The outcome
// says what went where; a card refund the terminal declines can be paid in cash instead, one whose
// answer is unknown can be asked again.

#include "boxoffice/CounterRefund.h"
#include "counter/AfterSaleForm.h"
#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace usher::ui {

class RefundDialog : public QDialog {
    Q_OBJECT

public:
    RefundDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent = nullptr);
    void setRefundOptions(const RefundOptions& options);
    QString outcomeText() const;
    const RefundResult& result() const { return m_result; }
    bool refunded() const { return m_done; }

private:
    std::vector<TicketId> checkedTickets(Amount* amount) const;
    void updateTotal();
    void refund();
    void payCashInstead();
    void askTerminalAgain();
    void showOutcome(const QString& text, bool error);
    bool recordMoney(PaymentMethod method);

    const CounterServices& m_services;
    OrderDetails m_order;
    RefundOptions m_options;
    RefundResult m_result;
    bool m_done = false;
    QListWidget* m_tickets = nullptr;
    QLabel* m_total = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_method = nullptr;
    SupervisorRows m_supervisor;
    QLabel* m_outcome = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_payCash = nullptr;
    QPushButton* m_askAgain = nullptr;
};

} // namespace usher::ui
