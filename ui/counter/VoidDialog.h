#pragma once

// Voiding an order: cancelling a whole counter sale within the shift that made it. Every ticket is
// refunded in the engine (its code stops scanning, the seats go back on sale) and the money goes
// back the way it came: cash from the drawer, card payments reversed on the terminal. See
// engine/boxoffice/CounterVoid.h for the exact rule; older or partly refunded orders are refunded.

#include "boxoffice/CounterVoid.h"
#include "counter/AfterSaleForm.h"
#include "counter/CounterServices.h"
#include "counter/OrderSearch.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace usher::ui {

class VoidDialog : public QDialog {
    Q_OBJECT

public:
    VoidDialog(const CounterServices& services, const OrderDetails& order, QWidget* parent = nullptr);
    void setRefundOptions(const RefundOptions& options);
    QString planText() const;
    QString outcomeText() const;
    bool voided() const { return m_done; }
    const VoidResult& result() const { return m_result; }

private:
    void loadPlan();
    void voidOrder();
    void showOutcome(const QString& text, bool error);

    const CounterServices& m_services;
    OrderDetails m_order;
    RefundOptions m_options;
    VoidPlan m_plan;
    VoidResult m_result;
    bool m_done = false;
    QLabel* m_planLabel = nullptr;
    QLineEdit* m_reason = nullptr;
    SupervisorRows m_supervisor;
    QLabel* m_outcome = nullptr;
    QPushButton* m_void = nullptr;
};

} // namespace usher::ui
