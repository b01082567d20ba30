#pragma once

// Find an order and act on it. Type an order number ("1-42"), a ticket code, a buyer's name, a seat
// ("B 7") or a payment reference and press Enter; Down moves into the results. The selected order's
// buyer, tickets (seat, category, price type, amount, code, state) and payments are shown below.
// Alt+R refund, Alt+X exchange, Alt+V void, Alt+P reprint, Esc close.

#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace usher::ui {

class OrderDialog : public QDialog {
    Q_OBJECT

public:
    OrderDialog(const CounterServices& services, QWidget* parent = nullptr);

    void search(const QString& query);
    void showOrder(EventId event, OrderId order);
    const std::vector<OrderHit>& hits() const { return m_hits; }
    const OrderDetails& details() const { return m_details; }
    QString messageText() const;

    // The action dialogs, opened modally; tests reach them through QApplication::activeModalWidget().
    void refund();
    void exchange();
    void voidOrder();
    void reprint();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void runSearch();
    void selectHit();
    void reload();
    void fillDetails();

    const CounterServices& m_services;
    std::vector<OrderHit> m_hits;
    OrderDetails m_details;
    QLineEdit* m_query = nullptr;
    QTreeWidget* m_results = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_header = nullptr;
    QTreeWidget* m_tickets = nullptr;
    QTreeWidget* m_payments = nullptr;
    QPushButton* m_refund = nullptr;
    QPushButton* m_exchange = nullptr;
    QPushButton* m_void = nullptr;
    QPushButton* m_reprint = nullptr;
};

} // namespace usher::ui
