#pragma once

// A MetricsFeed for tests and demos: samples are whatever push() is given, and every waiting-room
// change is recorded (and answered with the next scripted outcome).

#include "admin/MetricsFeed.h"

#include <QList>

namespace usher::ui {

class ScriptedMetricsFeed final : public MetricsFeed {
    Q_OBJECT

public:
    using MetricsFeed::MetricsFeed;

    QString sourceName() const override { return tr("scripted"); }
    void setEvent(quint64 event) override { m_event = event; }
    quint64 event() const override { return m_event; }
    void start() override { m_running = true; }
    void stop() override { m_running = false; }
    bool isRunning() const override { return m_running; }
    bool canControl() const override { return m_canControl; }
    void changeWaitingRoom(const QJsonObject& change) override;

    void push(const MetricsSample& sample) { Q_EMIT sampled(sample); }
    void setEvents(const std::vector<EventChoice>& events) { Q_EMIT eventsChanged(events); }
    void setCanControl(bool can) { m_canControl = can; }
    // The answer to the next changes (default: ok).
    void setNextAnswer(bool ok, const QString& message)
    {
        m_answerOk = ok;
        m_answer = message;
    }
    const QList<QJsonObject>& changes() const { return m_changes; }

private:
    quint64 m_event = 0;
    bool m_running = false;
    bool m_canControl = true;
    bool m_answerOk = true;
    QString m_answer;
    QList<QJsonObject> m_changes;
};

} // namespace usher::ui
