#pragma once

// The counter's sale screen: the event picker on the left, the seat map with best-available in the
// middle, the cart, the customer and the payment on the right. Every engine and terminal call of
// the sale runs on the CounterWorker; while one runs, the actions that would start another are
// disabled, so a second key press cannot pay twice.
//
// Keyboard (docs/user-guide.md): Ctrl+E events, Ctrl+M map, F2 best-available ("2" Enter holds the
// 2 best seats), Ctrl+H holds the seats selected on the map, Ctrl+K customer, F7 amount, Enter or
// F8 cash, F9 card, F10 complimentary, Ctrl+Del clears the cart, Ctrl+P / Ctrl+Shift+S tickets of
// the last sale. While the customer is at the card terminal, Esc (or Cancel card payment) asks the
// terminal to cancel; the payment then ends with the terminal's final answer.

#include "core/Types.h"
#include "counter/CounterServices.h"
#include "counter/TicketOutput.h"
#include "syncclient/SyncClient.h"

#include <QDate>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QShortcut;
class QTableWidget;

namespace usher {
struct SyncOnlineResult;
}

namespace usher::ui {

class CentralSeatOverlay;
class OnlineCart;
class CounterWorker;
class EventPicker;
class SeatMapFeed;
class SeatMapModel;
class SeatMapWidget;

class SalePage final : public QWidget {
    Q_OBJECT

public:
    // Seconds before a hold runs out when the cart warns the clerk.
    static constexpr int kExpiryWarningSeconds = 60;

    SalePage(CounterServices& services, CounterWorker& worker, const TicketOutput& output, QDate today,
             QWidget* parent = nullptr);
    ~SalePage() override;

    // Takes over a sale restored after a restart (shows its event and its cart).
    void adoptSale(std::shared_ptr<CounterSale> sale);
    bool hasCart() const { return m_sale != nullptr || m_online != nullptr; }
    // The cart of seats held through usherd (outside this box office's allocation), or null.
    OnlineCart* onlineCart() const { return m_online.get(); }
    CounterSale* sale() const { return m_sale.get(); }
    const std::optional<IssuedSale>& lastSale() const { return m_last; }
    // The sync op of the last sale (empty when the counter is not enrolled with usherd).
    const std::string& lastSyncOp() const { return m_lastSaleSyncOp; }
    // Puts the keyboard in the best-available field.
    void focusQuickEntry();
    void refreshCountdown(); // the timer calls it; tests call it after moving the clock
    // Shows central's seat states (SyncSession::centralSeats) on the map for the seats this box
    // office does not own; again whenever the sync client changes.
    void attachCentralSeats();
    // The event's terms changed (usherd's new revision): the shown event is drawn again with them
    // (the cart keeps its seats and shows the new prices), the event list is re-read.
    void eventSpecChanged(EventId event);
    CentralSeatOverlay* centralOverlay() const { return m_centralOverlay; }

    // Actions (menus and shortcuts call them).
    void holdBestAvailable();
    void holdSelectedSeats();
    // Standing places: N places of the chosen area (Ctrl+G focuses the quantity; Enter adds them).
    void holdPlaces();
    void focusPlaces();
    void payCash();
    void payCard();
    void payComplimentary();
    void cancelCardPayment();
    void clearCart();
    void printLastWithDialog();
    void saveLastAsPdf();
    void focusEvents();
    void focusMap();
    void focusCustomer();
    void focusAmount();
    void lookUpCustomer();
    void showOrderOfFocusSeat();

    EventPicker* picker() const { return m_picker; }
    SeatMapWidget* seatMap() const { return m_seatMap; }
    SeatMapModel* seatModel() const { return m_mapModel; }
    EventShard* shard() const { return m_shard; }
    QLineEdit* quickEntry() const { return m_quick; }
    QLineEdit* amountEdit() const { return m_amount; }
    QTableWidget* cartTable() const { return m_cart; }
    QLabel* cartMessage() const { return m_cartMessage; }
    QLabel* countdownLabel() const { return m_countdown; }
    QLabel* paymentMessage() const { return m_payMessage; }
    QLabel* completionLabel() const { return m_completion; }
    QLineEdit* customerNameEdit() const { return m_name; }

Q_SIGNALS:
    void statusMessage(const QString& message);
    void saleCompleted();
    void orderOfSeatRequested(usher::EventId event, usher::SeatId seat);
    void customerOrdersRequested(const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Tender { Cash, Card, Complimentary };

    QWidget* buildMapColumn();
    QWidget* buildCartColumn();
    QGroupBox* buildPayment();
    void setupTabOrder();
    void showEvent(EventId event);
    void updateCategoryAvailability();
    // `reason`: when the hold step sets it, the clerk reads it instead of the status's text.
    void startHold(std::shared_ptr<CounterSale> sale, std::function<BoxOfficeStatus(CounterSale&)> hold,
                   std::shared_ptr<QString> reason = nullptr);
    // With sync: the seats of this box office's allocation are held here, the others through usherd
    // (fail closed when it is unreachable).
    void holdRouted(const std::vector<SeatId>& seats);
    void holdPlacesRouted(AreaId area, std::uint32_t quantity);
    void adoptOnline(std::shared_ptr<OnlineCart> cart);
    void showOnlineCart();
    void payOnline(Tender tender);
    void payOnlineByCard();
    // usherd sold the online cart: the drawer, the tickets (central's codes) and the completion.
    void finishOnlineSale(const SyncOnlineResult& result, BoxOfficeStatus drawer, PaymentMethod method,
                          const QString& paymentText);
    void clearOnlineCart();
    void pay(Tender tender);
    void afterTender(const TenderResult& result, Tender tender, BoxOfficeStatus completion,
                     const std::vector<IssuedTicket>& tickets);
    void finishSale(const std::vector<IssuedTicket>& tickets);
    void resetCart(const QString& message);
    void showCart();
    void updatePayment();
    void updateBusy(bool busy);
    void cyclePriceType(int line, int step);
    void setPriceType(int line, std::uint8_t type);
    Amount linePrice(std::size_t line) const;
    Amount cartTotal() const;
    QString statusText(BoxOfficeStatus status, const CounterSale* sale) const;
    QString terminalText(const TenderResult& result) const;
    QString money(Amount amount) const;
    void say(const QString& message, bool error);

    CounterServices& m_services;
    CounterWorker& m_worker;
    const TicketOutput& m_output;

    EventPicker* m_picker = nullptr;
    EventShard* m_shard = nullptr;
    QWidget* m_mapHost = nullptr;
    SeatMapModel* m_mapModel = nullptr;
    SeatMapFeed* m_mapFeed = nullptr;
    SeatMapWidget* m_seatMap = nullptr;
    CentralSeatOverlay* m_centralOverlay = nullptr;
    QMetaObject::Connection m_syncClientConnection;
    QTimer m_availabilityTimer;

    QLineEdit* m_quick = nullptr;
    QComboBox* m_category = nullptr;
    QCheckBox* m_together = nullptr;
    QCheckBox* m_accessible = nullptr;
    QPushButton* m_holdBest = nullptr;
    QPushButton* m_holdSelected = nullptr;
    QWidget* m_standing = nullptr;
    QComboBox* m_area = nullptr;
    QSpinBox* m_places = nullptr;
    QPushButton* m_holdPlaces = nullptr;

    QTableWidget* m_cart = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_countdown = nullptr;
    QLabel* m_cartMessage = nullptr;
    QPushButton* m_clear = nullptr;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_phone = nullptr;
    QPushButton* m_lookup = nullptr;

    QLineEdit* m_amount = nullptr;
    QPushButton* m_cash = nullptr;
    QPushButton* m_card = nullptr;
    QPushButton* m_comp = nullptr;
    QPushButton* m_cancelCard = nullptr;
    QShortcut* m_cancelShortcut = nullptr;
    bool m_cardWaiting = false;         // a card payment is with the terminal
    bool m_cardCancelRequested = false; // the clerk asked to cancel it
    QLineEdit* m_supervisorLogin = nullptr;
    QLineEdit* m_supervisorPassword = nullptr;
    QLabel* m_dueLabel = nullptr;
    QLabel* m_tenders = nullptr;
    QLabel* m_payMessage = nullptr;

    QLabel* m_completion = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_savePdf = nullptr;

    std::shared_ptr<CounterSale> m_sale;
    std::shared_ptr<OnlineCart> m_online;
    std::vector<std::uint8_t> m_priceTypes; // per cart line
    bool m_warned = false;
    bool m_expiring = false;
    std::optional<IssuedSale> m_last;
    std::string m_lastSaleSyncOp;
    std::string m_lastSyncOp; // the sync outbox's op of the sale being finished (empty: stand-alone)
    QTimer m_countdownTimer;
};

} // namespace usher::ui
