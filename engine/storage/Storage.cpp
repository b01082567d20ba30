#include "storage/Storage.h"

#include "core/Assert.h"

namespace usher {

Status Storage::findOrderByTicketCode(const std::string& code, StoredOrder* order, StoredTicket* ticket,
                                      std::string* error)
{
    USHER_ASSERT(order != nullptr && ticket != nullptr && error != nullptr);
    StoredTicket found;
    const Status status = findTicketByCode(code, &found, error);
    if (status != Status::Ok && status != Status::TicketNotValid)
        return status;
    std::string why;
    if (const Status loaded = findOrder(found.event, found.order, order, &why); loaded != Status::Ok) {
        *error = why;
        return loaded == Status::OrderNotFound ? Status::StorageFailed : loaded;
    }
    *ticket = std::move(found);
    return status;
}

} // namespace usher
