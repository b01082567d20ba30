#include "boxoffice/CounterReprint.h"

#include "core/Random.h"

#include <chrono>
#include <thread>

namespace usher {

ReprintResult reprintAtCounter(const CounterSaleContext& context, const StaffAccount& clerk, ShiftId shiftId,
                               const ReprintRequest& request)
{
    ReprintResult result;
    const Timestamp now = context.clock ? context.clock() : systemClockNow();
    if (request.order == 0 || request.reason.empty() || request.reason.size() > 1024) {
        result.status = BoxOfficeStatus::InvalidArgument;
        return result;
    }
    Shift shift;
    if ((result.status = context.drawer->shift(shiftId, &shift)) != BoxOfficeStatus::Ok)
        return result;
    if (shift.clerk != clerk.id || !shift.isOpen()) {
        result.status = shift.clerk != clerk.id ? BoxOfficeStatus::Forbidden : BoxOfficeStatus::ShiftClosed;
        return result;
    }
    std::uint8_t nonce[8];
    secureRandom(nonce, sizeof nonce);
    Command c;
    c.kind = CommandKind::Reissue;
    c.key = IdempotencyKey::fromString("reprint:" + std::to_string(request.order) + ':'
                                       + std::string(reinterpret_cast<const char*>(nonce), sizeof nonce));
    c.actor = staffActor(clerk.id, clerk.role);
    c.channel = context.channel;
    c.order = request.order;
    c.tickets = request.tickets;
    c.text = request.reason;
    CommandResult answer;
    for (int attempt = 0; attempt < context.engineAttemptsMax; ++attempt) {
        answer = context.shard->execute(c); // the same key every time: reissued once
        if (answer.status != Status::QueueFull && answer.status != Status::StorageFailed
            && answer.status != Status::StorageUnavailable)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(context.engineRetryDelayMs * (attempt + 1)));
    }
    std::string detail = "order " + std::to_string(request.order) + " tickets";
    for (const IssuedTicket& t : answer.tickets)
        detail += ' ' + std::to_string(t.id);
    detail += std::string(" ") + statusName(answer.status) + " reason: " + request.reason;
    BoxOfficeDb::Transaction transaction(*context.db);
    const bool audited = transaction.began()
        && context.db->audit(now, clerk.id, answer.ok() ? "reprint" : "reprint.failed", detail) && transaction.commit();
    if (!answer.ok()) {
        result.status
            = answer.status == Status::StorageFailed ? BoxOfficeStatus::StorageFailed : BoxOfficeStatus::EngineRefused;
        result.engineStatus = answer.status;
        return result;
    }
    result.tickets = answer.tickets;
    result.status = audited ? BoxOfficeStatus::Ok : BoxOfficeStatus::StorageFailed;
    return result;
}

} // namespace usher
