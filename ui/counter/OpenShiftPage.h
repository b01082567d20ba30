#pragma once

// After sign-in, when the clerk has no open shift: the cash float counted into the drawer.

#include <QWidget>

#include <string>

class QLabel;
class QLineEdit;
class QPushButton;

namespace usher::ui {

class OpenShiftPage final : public QWidget {
    Q_OBJECT

public:
    explicit OpenShiftPage(QWidget* parent = nullptr);

    void prepare(const QString& clerkName, const std::string& currency);
    void showError(const QString& message);
    void setBusy(bool busy);
    QLineEdit* floatEdit() const { return m_float; }

Q_SIGNALS:
    // The float in minor units of `currency`.
    void openRequested(qint64 floatMinor, const QString& currency);

private:
    void submit();

    std::string m_currency;
    QLabel* m_title = nullptr;
    QLineEdit* m_float = nullptr;
    QLineEdit* m_currencyEdit = nullptr;
    QPushButton* m_open = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace usher::ui
