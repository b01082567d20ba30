#pragma once

// Exchanging seats: for each ticket to move, the clerk picks a new seat among the free seats (type
// to filter, Enter to choose; each seat shows what it costs more or less), gives a reason and
// exchanges. The difference of all moves is shown as it grows; an upgrade is paid in cash (with
// change) or by card, a downgrade is paid back in cash from the drawer or to the card of the sale
// (see engine/boxoffice/CounterExchange.h). A card refund the terminal declines can be paid in cash
// instead. The moved tickets get new codes (the old ones stop scanning) and are printed or saved.
// Paying back more than the refund limit needs a supervisor's sign-in, as a refund does. While an
// upgrade waits for the card terminal, Esc (or the cancel button) asks the terminal to cancel; the
// outcome follows the terminal's final answer.

#include "boxoffice/CounterExchange.h"
#include "counter/AfterSaleForm.h"
#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"
#include "tickets/TicketContent.h"

#include <QDialog>

#include <map>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QThread;

namespace usher::ui {

class ExchangeDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr std::size_t kCandidatesMax = 2000;

    ExchangeDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent = nullptr);
    ~ExchangeDialog() override; // waits for a card payment still in progress
    void setRefundOptions(const RefundOptions& options);
    QString outcomeText() const;
    const ExchangeResult& result() const { return m_result; }
    bool exchanged() const { return m_done; }
    bool cardWaiting() const { return m_cardWaiting; }
    // The terminal reference of the card charge in flight ("" when none).
    QString cardReference() const;

public Q_SLOTS:
    // Esc or the close button: while the card terminal waits, cancels the card payment instead.
    void reject() override;

private:
    void startCardExchange(const ExchangeRequest& request);
    void setCardWaiting(bool waiting);
    void cancelCardPayment();
    void finishCardExchange();
    void afterExchange();
    void loadCandidates();
    void filterCandidates();
    void chooseSeat();
    void exchange();
    void output();
    void refreshTicketTexts();
    void updateDifference();
    void updateChange();
    QString moneyText() const;
    void payCashInstead();

    const CounterServices& m_services;
    OrderDetails m_order;
    std::map<TicketId, ExchangeSeat> m_moves;
    std::vector<ExchangeSeat> m_candidates;
    ExchangeResult m_result;
    QVector<TicketContent> m_contents;
    bool m_done = false;
    bool m_synced = false; // the order is a sale journaled in the sync outbox
    Amount m_difference = 0; // of the chosen moves, as quoted
    RefundOptions m_options;
    SupervisorRows m_supervisor;
    // An upgrade's card charge runs on m_cardThread while the dialog keeps taking keys (Esc);
    // m_cancelThread sends the CANCEL beside it. Both are joined before the outcome is shown.
    QThread* m_cardThread = nullptr;
    QThread* m_cancelThread = nullptr;
    std::shared_ptr<CardPaymentCancel> m_cardCancel;
    std::shared_ptr<ExchangeResult> m_cardResult;
    bool m_cardWaiting = false;
    bool m_cardDone = false;
    bool m_cancelDone = false;
    QList<QWidget*> m_disabledWhileWaiting;
    QListWidget* m_tickets = nullptr;
    QLineEdit* m_filter = nullptr;
    QListWidget* m_seats = nullptr;
    QLineEdit* m_reason = nullptr;
    QComboBox* m_output = nullptr;
    QLabel* m_outcome = nullptr;
    QPushButton* m_choose = nullptr;
    QPushButton* m_exchange = nullptr;
    QPushButton* m_print = nullptr;
    QLabel* m_differenceLabel = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_tendered = nullptr;
    QLabel* m_change = nullptr;
    QPushButton* m_payCash = nullptr;
    QPushButton* m_cancelCard = nullptr;
};

} // namespace usher::ui
