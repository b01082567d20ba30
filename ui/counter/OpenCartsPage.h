#pragma once

// After a restart (or a crash): the signed-in clerk's carts that never completed, with their holds.
// Each one is resumed (back into the cart, to take more tenders or complete) or released (its
// money is given back, or a sale whose confirmation was already sent is confirmed, and the hold
// ends).

#include "boxoffice/CounterSale.h"

#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace usher::ui {

class OpenCartsPage final : public QWidget {
    Q_OBJECT

public:
    explicit OpenCartsPage(QWidget* parent = nullptr);

    // `describe` gives a sale's event name and its amount as text.
    void setSales(const std::vector<OpenSale>& sales, const std::function<QStringList(const OpenSale&)>& describe);
    const std::vector<OpenSale>& sales() const { return m_sales; }
    void showMessage(const QString& message);
    // The keyboard goes to the list (or to "Go to the counter" when it is empty).
    void focusList();
    void setBusy(bool busy);
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    void resumeRequested(const QString& reference);
    void releaseRequested(const QString& reference);
    void doneRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString currentReference() const;

    std::vector<OpenSale> m_sales;
    QLabel* m_message = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_release = nullptr;
    QPushButton* m_done = nullptr;
};

} // namespace usher::ui
