#pragma once

// Exchanging seats: for each ticket to move, the clerk picks a new seat among the free seats at the
// same price (type to filter, Enter to choose), gives a reason and exchanges. The moved tickets get
// new codes (the old ones stop scanning) and are printed or saved as PDF. Exchanges are restricted
// to the same price, so no money changes hands (see engine/boxoffice/CounterExchange.h).

#include "boxoffice/CounterExchange.h"
#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"
#include "tickets/TicketContent.h"

#include <QDialog>

#include <map>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace usher::ui {

class ExchangeDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr std::size_t kCandidatesMax = 2000;

    ExchangeDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent = nullptr);
    QString outcomeText() const;
    const ExchangeResult& result() const { return m_result; }
    bool exchanged() const { return m_done; }

private:
    void loadCandidates();
    void filterCandidates();
    void chooseSeat();
    void exchange();
    void output();
    void refreshTicketTexts();

    const CounterServices& m_services;
    OrderDetails m_order;
    std::map<TicketId, ExchangeSeat> m_moves;
    std::vector<ExchangeSeat> m_candidates;
    ExchangeResult m_result;
    QVector<TicketContent> m_contents;
    bool m_done = false;
    QListWidget* m_tickets = nullptr;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_seats = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_output = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_choose = nullptr;
    QPushButton* m_exchange = nullptr;
    QPushButton* m_print = nullptr;
};

} // namespace usher::ui
