#include "ledger/OrderText.h"

#include "core/Assert.h"
#include "core/HugePageAllocator.h"

#include <algorithm>

namespace usher {

OrderText::~OrderText()
{
    for (const Chunk& chunk : m_chunks)
        HugePageAllocator<char>().deallocate(chunk.data, chunk.bytes);
}

void OrderText::reserve(std::size_t orders)
{
    USHER_ASSERT(m_chunks.empty());
    if (orders != 0)
        addChunk(orders * kReservedBytesPerOrder);
}

void OrderText::addChunk(std::size_t bytes)
{
    if (!m_chunks.empty())
        m_chunks.back().used = usedOf(m_chunks.size() - 1);
    m_chunks.reserve(m_chunks.size() + 1); // nothing may throw once the chunk is allocated
    Chunk chunk;
    chunk.data = HugePageAllocator<char>().allocate(bytes); // at 1 MiB and more: mapped, not touched
    chunk.bytes = bytes;
    m_chunks.push_back(chunk);
    m_at = chunk.data;
    m_end = chunk.data + bytes;
}

void OrderText::nextChunk(std::size_t bytes)
{
    // Each chunk as large as the one before (the reserved one is sized for a sell-out): rarely more
    // than one. The room the last one leaves is lost, less than a block.
    const std::size_t last = m_chunks.empty() ? 0 : m_chunks.back().bytes;
    addChunk(std::max({ kChunkBytesMin, last, bytes }));
}

std::size_t OrderText::capacityBytes() const
{
    std::size_t bytes = m_chunks.capacity() * sizeof(Chunk);
    for (const Chunk& chunk : m_chunks)
        bytes += chunk.bytes;
    return bytes;
}

std::size_t OrderText::usedBytes() const
{
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < m_chunks.size(); ++i)
        bytes += usedOf(i);
    return bytes;
}

} // namespace usher
