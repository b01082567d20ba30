#pragma once

#include "core/Assert.h"

#include <bit>
#include <cstdint>
#include <type_traits>
#include <cstring>
#include <string_view>
#include <vector>

namespace usher {

// Appends fixed-width little-endian fields to a byte vector. The engine only runs on
// little-endian hosts (checked at compile time), so a field is a memcpy.
static_assert(std::endian::native == std::endian::little, "Usher's journal format assumes a little-endian host");

class ByteWriter {
public:
    explicit ByteWriter(std::vector<std::uint8_t>* out) : m_out(out) { USHER_ASSERT(out != nullptr); }

    template <typename T> void put(T value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        const std::size_t at = m_out->size();
        m_out->resize(at + sizeof(T));
        std::memcpy(m_out->data() + at, &value, sizeof(T));
    }
    void putBytes(const void* data, std::size_t size)
    {
        const std::size_t at = m_out->size();
        m_out->resize(at + size);
        if (size > 0)
            std::memcpy(m_out->data() + at, data, size);
    }
    // u16 length + bytes. Callers validate the length against limits::textBytesMax first.
    void putText(std::string_view text)
    {
        USHER_ASSERT(text.size() <= 0xffff);
        put<std::uint16_t>(static_cast<std::uint16_t>(text.size()));
        putBytes(text.data(), text.size());
    }
    std::size_t size() const { return m_out->size(); }
    // Overwrites a field written earlier (lengths and counts known only at the end).
    template <typename T> void patch(std::size_t at, T value)
    {
        USHER_ASSERT(at + sizeof(T) <= m_out->size());
        std::memcpy(m_out->data() + at, &value, sizeof(T));
    }

private:
    std::vector<std::uint8_t>* m_out;
};

// Writes the same fields into a caller's fixed buffer (on the stack), so that a record or event
// is appended to the journal with one copy instead of one vector resize per field.
class SpanWriter {
public:
    SpanWriter(std::uint8_t* data, std::size_t capacity) : m_data(data), m_capacity(capacity) {}

    template <typename T> void put(T value)
    {
        static_assert(std::is_trivially_copyable_v<T>);
        USHER_ASSERT(m_size + sizeof(T) <= m_capacity);
        std::memcpy(m_data + m_size, &value, sizeof(T));
        m_size += sizeof(T);
    }
    void putBytes(const void* data, std::size_t size)
    {
        USHER_ASSERT(m_size + size <= m_capacity);
        if (size > 0)
            std::memcpy(m_data + m_size, data, size);
        m_size += size;
    }
    void putText(std::string_view text)
    {
        USHER_ASSERT(text.size() <= 0xffff);
        put<std::uint16_t>(static_cast<std::uint16_t>(text.size()));
        putBytes(text.data(), text.size());
    }
    std::size_t size() const { return m_size; }
    const std::uint8_t* data() const { return m_data; }

private:
    std::uint8_t* m_data;
    std::size_t m_capacity;
    std::size_t m_size = 0;
};

// Reads what ByteWriter wrote. Never reads past the end: a short or corrupt input sets ok() to
// false and every later read returns zero values.
class ByteReader {
public:
    ByteReader(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    template <typename T> T get()
    {
        static_assert(std::is_trivially_copyable_v<T>);
        T value{};
        if (!need(sizeof(T)))
            return value;
        std::memcpy(&value, m_data + m_at, sizeof(T));
        m_at += sizeof(T);
        return value;
    }
    void getBytes(void* out, std::size_t size)
    {
        if (!need(size)) {
            std::memset(out, 0, size);
            return;
        }
        std::memcpy(out, m_data + m_at, size);
        m_at += size;
    }
    std::string_view getText()
    {
        const auto size = get<std::uint16_t>();
        if (!need(size))
            return {};
        std::string_view text(reinterpret_cast<const char*>(m_data + m_at), size);
        m_at += size;
        return text;
    }
    void skip(std::size_t size)
    {
        if (need(size))
            m_at += size;
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_size; }
    std::size_t position() const { return m_at; }
    std::size_t remaining() const { return m_size - m_at; }
    void fail() { m_ok = false; }

private:
    bool need(std::size_t size)
    {
        if (!m_ok || m_size - m_at < size) {
            m_ok = false;
            return false;
        }
        return true;
    }

    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
    bool m_ok = true;
};

} // namespace usher
