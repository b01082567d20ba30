#pragma once

// The app's settings (issue 11): the interface language for now. The dialog writes to the
// QSettings it is given when accepted; the language takes effect at the next start.

#include <QDialog>

class QComboBox;
class QLabel;
class QSettings;

namespace usher::ui {

class SettingsDialog final : public QDialog {
    Q_OBJECT

public:
    explicit SettingsDialog(QSettings& settings, QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    // The code the chooser shows ("" for the system's language).
    QString chosenLanguage() const;

    void accept() override;

protected:
    void changeEvent(QEvent* event) override; // retranslates

private:
    void retranslate();

    QSettings& m_settings;
    QComboBox* m_language = nullptr;
    QLabel* m_languageLabel = nullptr;
    QLabel* m_note = nullptr;
};

} // namespace usher::ui
