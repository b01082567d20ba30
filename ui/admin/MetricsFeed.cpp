#include "admin/MetricsFeed.h"

#include <QTimer>

namespace usher::ui {

void MetricsFeed::changeWaitingRoom(const QJsonObject& change)
{
    Q_UNUSED(change);
    // Queued, so that the caller sees the answer after its call returns, as with a real request.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT controlFinished(false, tr("The waiting room can be changed only when connected to usherd."));
    });
}

} // namespace usher::ui
