#include "admin/ScriptedMetricsFeed.h"

#include <QTimer>

namespace usher::ui {

void ScriptedMetricsFeed::changeWaitingRoom(const QJsonObject& change)
{
    m_changes.push_back(change);
    const bool ok = m_answerOk;
    const QString message = m_answer;
    QTimer::singleShot(0, this, [this, ok, message] { Q_EMIT controlFinished(ok, message); });
}

} // namespace usher::ui
