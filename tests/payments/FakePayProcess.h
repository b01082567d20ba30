#pragma once

// Starts the built usher-fakepay on a free loopback port and drives its control endpoint. Header-only
// so that other test areas (tests/server) can include it too.

#include "payments/BlockingHttpClient.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>

namespace usher {

class FakePayProcess {
public:
    FakePayProcess() = default;
    ~FakePayProcess() { stop(); }
    FakePayProcess(const FakePayProcess&) = delete;
    FakePayProcess& operator=(const FakePayProcess&) = delete;

    // Starts `program` with `--listen 127.0.0.1:0` and extra arguments; false if it did not report
    // a port within five seconds.
    bool start(const QString& program, const QStringList& arguments = {})
    {
        m_process.setProgram(program);
        m_process.setArguments(QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0") } + arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5'000))
            return false;
        while (!m_process.canReadLine()) {
            if (!m_process.waitForReadyRead(5'000))
                return false;
        }
        bool ok = false;
        const unsigned port = m_process.readLine().trimmed().toUInt(&ok);
        m_port = ok && port > 0 && port < 65536 ? static_cast<std::uint16_t>(port) : 0;
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(3'000)) {
            m_process.kill();
            m_process.waitForFinished(3'000);
        }
    }

    std::uint16_t port() const { return m_port; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }

    // One control request; an empty object on any failure.
    QJsonObject request(const std::string& method, const std::string& target, const std::string& body = {}) const
    {
        BlockingHttpRequest request;
        request.port = m_port;
        request.method = method;
        request.target = target;
        request.body = body;
        const BlockingHttpResponse response = blockingHttpRequest(request);
        if (response.status != BlockingHttpStatus::Ok || response.httpStatus != 200)
            return {};
        return QJsonDocument::fromJson(QByteArray::fromStdString(response.body)).object();
    }

    // Sets faults (a partial JSON object); true when accepted.
    bool setFaults(const std::string& json) const { return !request("POST", "/control", json).isEmpty(); }
    // Clears the ledger and counters and every fault.
    bool reset() const
    {
        return !request("POST", "/control/reset").isEmpty()
            && setFaults(R"({"latencyMs":0,"declineRate":0,"errorRate":0,"timeoutRate":0,"hangRate":0,)"
                         R"("rateLimitPerSecond":0,"failNext":0})");
    }
    QJsonObject counters() const { return request("GET", "/control").value(QLatin1String("counters")).toObject(); }
    QJsonObject ledger() const { return request("GET", "/control/ledger"); }

private:
    QProcess m_process;
    std::uint16_t m_port = 0;
};

} // namespace usher
