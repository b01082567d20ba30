#pragma once

// Enrolment of this box office with usherd: the server's address, the device name, the token and
// the channel an administrator created for it in usherd. Accepting validates them and writes the
// device file (<data>/sync-device.json, 0600) atomically; the dialog stays open with the reason
// when that fails.

#include "syncclient/DeviceCredentials.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace usher::ui {

class SyncEnrolDialog final : public QDialog {
    Q_OBJECT

public:
    SyncEnrolDialog(QString credentialsPath, const DeviceCredentials& initial, QWidget* parent = nullptr);

    DeviceCredentials credentials() const;
    QLineEdit* serverEdit() const { return m_server; }
    QLineEdit* deviceEdit() const { return m_device; }
    QLineEdit* tokenEdit() const { return m_token; }
    QSpinBox* channelSpin() const { return m_channel; }
    QLabel* errorLabel() const { return m_error; }

    void accept() override;

private:
    QString m_path;
    QLineEdit* m_server = nullptr;
    QLineEdit* m_device = nullptr;
    QLineEdit* m_token = nullptr;
    QSpinBox* m_channel = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace usher::ui
