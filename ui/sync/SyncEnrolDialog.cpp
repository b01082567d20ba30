#include "sync/SyncEnrolDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace usher::ui {

SyncEnrolDialog::SyncEnrolDialog(QString credentialsPath, const DeviceCredentials& initial, QWidget* parent)
    : QDialog(parent)
    , m_path(std::move(credentialsPath))
{
    setObjectName(QStringLiteral("syncEnrolDialog"));
    setWindowTitle(tr("Enrol this box office with usherd"));
    auto* intro = new QLabel(tr("An administrator creates this box office as a device in usherd and gives you its "
                                "name, token and channel."),
                             this);
    intro->setWordWrap(true);
    m_server = new QLineEdit(QString::fromStdString(initial.server), this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(QStringLiteral("wss://tickets.example.org:8443"));
    m_device = new QLineEdit(QString::fromStdString(initial.device), this);
    m_device->setObjectName(QStringLiteral("deviceEdit"));
    m_device->setMaxLength(int(kDeviceTextBytesMax));
    m_token = new QLineEdit(QString::fromStdString(initial.token), this);
    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setMaxLength(int(kDeviceTextBytesMax));
    m_channel = new QSpinBox(this);
    m_channel->setObjectName(QStringLiteral("channelSpin"));
    m_channel->setRange(1, 65535);
    m_channel->setValue(initial.channel != 0 ? initial.channel : 2);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("enrolError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#c62828;"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Device:"), m_device);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(tr("&Channel:"), m_channel);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Enrol"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("enrolButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SyncEnrolDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SyncEnrolDialog::reject);
}

DeviceCredentials SyncEnrolDialog::credentials() const
{
    DeviceCredentials c;
    c.server = m_server->text().trimmed().toStdString();
    c.device = m_device->text().trimmed().toStdString();
    c.token = m_token->text().trimmed().toStdString();
    c.channel = ChannelId(m_channel->value());
    return c;
}

void SyncEnrolDialog::accept()
{
    std::string error;
    if (!saveDeviceCredentials(m_path.toStdString(), credentials(), &error)) {
        m_error->setText(QString::fromStdString(error));
        return;
    }
    m_error->clear();
    QDialog::accept();
}

} // namespace usher::ui
