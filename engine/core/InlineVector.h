#pragma once

// A vector that keeps its first N elements inside the object and goes to the heap only beyond
// that. CommandResult uses it for its seats and tickets: nearly every answer carries one seat or
// one ticket, and a heap allocation plus its free were a tenth of a confirm's instructions.
//
// The interface is std::vector's (the part callers use), plus conversions to and from
// std::vector and comparisons with one, so code written against `std::vector<T>` fields compiles
// unchanged. Only trivially copyable element types: elements are moved with memcpy and never
// destroyed one by one.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace usher {

template <typename T, std::size_t N>
class InlineVector {
    static_assert(std::is_trivially_copyable_v<T>, "InlineVector moves its elements with memcpy");
    static_assert(N >= 1);

public:
    using value_type = T;
    using size_type = std::size_t;
    using difference_type = std::ptrdiff_t;
    using reference = T&;
    using const_reference = const T&;
    using pointer = T*;
    using const_pointer = const T*;
    using iterator = T*;
    using const_iterator = const T*;
    using reverse_iterator = std::reverse_iterator<iterator>;
    using const_reverse_iterator = std::reverse_iterator<const_iterator>;

    InlineVector() noexcept = default;
    InlineVector(const InlineVector& other) { append(other.m_data, other.m_size); }
    InlineVector(InlineVector&& other) noexcept { take(other); }
    InlineVector(std::initializer_list<T> values) { append(values.begin(), values.size()); }
    InlineVector(const std::vector<T>& values) { append(values.data(), values.size()); }
    explicit InlineVector(size_type count, const T& value = T()) { assign(count, value); }
    template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
    InlineVector(It first, It last)
    {
        assign(first, last);
    }
    ~InlineVector() { release(); }

    InlineVector& operator=(const InlineVector& other)
    {
        if (this != &other) {
            m_size = 0;
            append(other.m_data, other.m_size);
        }
        return *this;
    }
    InlineVector& operator=(InlineVector&& other) noexcept
    {
        if (this != &other) {
            release();
            resetInline();
            take(other);
        }
        return *this;
    }
    InlineVector& operator=(std::initializer_list<T> values)
    {
        m_size = 0;
        append(values.begin(), values.size());
        return *this;
    }
    InlineVector& operator=(const std::vector<T>& values)
    {
        m_size = 0;
        append(values.data(), values.size());
        return *this;
    }

    operator std::vector<T>() const { return std::vector<T>(begin(), end()); }

    void assign(size_type count, const T& value)
    {
        const T copy = value; // `value` may live inside this vector
        m_size = 0;
        reserve(count);
        std::uninitialized_fill_n(m_data, count, copy);
        m_size = static_cast<std::uint32_t>(count);
    }
    template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
    void assign(It first, It last)
    {
        m_size = 0;
        for (; first != last; ++first)
            push_back(*first);
    }
    void assign(std::initializer_list<T> values)
    {
        m_size = 0;
        append(values.begin(), values.size());
    }

    iterator begin() noexcept { return m_data; }
    const_iterator begin() const noexcept { return m_data; }
    const_iterator cbegin() const noexcept { return m_data; }
    iterator end() noexcept { return m_data + m_size; }
    const_iterator end() const noexcept { return m_data + m_size; }
    const_iterator cend() const noexcept { return m_data + m_size; }
    reverse_iterator rbegin() noexcept { return reverse_iterator(end()); }
    const_reverse_iterator rbegin() const noexcept { return const_reverse_iterator(end()); }
    reverse_iterator rend() noexcept { return reverse_iterator(begin()); }
    const_reverse_iterator rend() const noexcept { return const_reverse_iterator(begin()); }

    size_type size() const noexcept { return m_size; }
    bool empty() const noexcept { return m_size == 0; }
    size_type capacity() const noexcept { return m_capacity; }
    size_type max_size() const noexcept { return 0xffffffffu; }
    T* data() noexcept { return m_data; }
    const T* data() const noexcept { return m_data; }

    T& operator[](size_type i) { return m_data[i]; }
    const T& operator[](size_type i) const { return m_data[i]; }
    T& at(size_type i)
    {
        if (i >= m_size)
            throw std::out_of_range("InlineVector::at");
        return m_data[i];
    }
    const T& at(size_type i) const
    {
        if (i >= m_size)
            throw std::out_of_range("InlineVector::at");
        return m_data[i];
    }
    T& front() { return m_data[0]; }
    const T& front() const { return m_data[0]; }
    T& back() { return m_data[m_size - 1]; }
    const T& back() const { return m_data[m_size - 1]; }

    void reserve(size_type capacity)
    {
        if (capacity > m_capacity)
            grow(capacity);
    }
    void shrink_to_fit() {}
    void clear() noexcept { m_size = 0; }

    void push_back(const T& value)
    {
        if (m_size == m_capacity) [[unlikely]] {
            const T copy = value; // `value` may live inside this vector
            grow(size_type(m_capacity) * 2);
            m_data[m_size++] = copy;
            return;
        }
        m_data[m_size++] = value;
    }
    template <typename... Args>
    T& emplace_back(Args&&... args)
    {
        push_back(T{std::forward<Args>(args)...});
        return back();
    }
    void pop_back() { --m_size; }

    void resize(size_type count) { resize(count, T()); }
    void resize(size_type count, const T& value)
    {
        if (count > m_size) {
            const T copy = value;
            reserve(count);
            std::uninitialized_fill(m_data + m_size, m_data + count, copy);
        }
        m_size = static_cast<std::uint32_t>(count);
    }

    iterator insert(const_iterator pos, const T& value) { return insert(pos, size_type(1), value); }
    iterator insert(const_iterator pos, size_type count, const T& value)
    {
        const T copy = value;
        const size_type at = static_cast<size_type>(pos - m_data);
        reserve(size_type(m_size) + count);
        std::memmove(static_cast<void*>(m_data + at + count), m_data + at, (m_size - at) * sizeof(T));
        std::uninitialized_fill_n(m_data + at, count, copy);
        m_size += static_cast<std::uint32_t>(count);
        return m_data + at;
    }
    template <typename It, typename = typename std::iterator_traits<It>::iterator_category>
    iterator insert(const_iterator pos, It first, It last)
    {
        const size_type at = static_cast<size_type>(pos - m_data);
        const std::vector<T> values(first, last); // the range may live inside this vector
        reserve(size_type(m_size) + values.size());
        std::memmove(static_cast<void*>(m_data + at + values.size()), m_data + at, (m_size - at) * sizeof(T));
        if (!values.empty())
            std::memcpy(static_cast<void*>(m_data + at), values.data(), values.size() * sizeof(T));
        m_size += static_cast<std::uint32_t>(values.size());
        return m_data + at;
    }
    iterator insert(const_iterator pos, std::initializer_list<T> values)
    {
        return insert(pos, values.begin(), values.end());
    }
    iterator erase(const_iterator pos) { return erase(pos, pos + 1); }
    iterator erase(const_iterator first, const_iterator last)
    {
        const size_type at = static_cast<size_type>(first - m_data);
        const size_type count = static_cast<size_type>(last - first);
        std::memmove(static_cast<void*>(m_data + at), m_data + at + count, (m_size - at - count) * sizeof(T));
        m_size -= static_cast<std::uint32_t>(count);
        return m_data + at;
    }
    void swap(InlineVector& other) noexcept
    {
        InlineVector tmp(std::move(other));
        other = std::move(*this);
        *this = std::move(tmp);
    }

    friend bool operator==(const InlineVector& a, const InlineVector& b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }
    friend bool operator==(const InlineVector& a, const std::vector<T>& b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    bool isInline() const noexcept { return m_data == inlineData(); }
    T* inlineData() noexcept { return reinterpret_cast<T*>(m_inline); }
    const T* inlineData() const noexcept { return reinterpret_cast<const T*>(m_inline); }
    void resetInline() noexcept
    {
        m_data = inlineData();
        m_size = 0;
        m_capacity = N;
    }
    void release() noexcept
    {
        if (!isInline())
            std::allocator<T>().deallocate(m_data, m_capacity);
    }
    // Steals other's heap buffer, or copies its inline elements; other is left empty and inline.
    void take(InlineVector& other) noexcept
    {
        if (other.isInline()) {
            // The whole inline buffer: a fixed-size copy, a few register moves instead of a call.
            std::memcpy(m_inline, other.m_inline, sizeof(m_inline));
            m_size = other.m_size;
        } else {
            m_data = other.m_data;
            m_size = other.m_size;
            m_capacity = other.m_capacity;
        }
        other.resetInline();
    }
    void append(const T* values, size_type count)
    {
        reserve(size_type(m_size) + count);
        if (count > 0)
            std::memcpy(static_cast<void*>(m_data + m_size), values, count * sizeof(T));
        m_size += static_cast<std::uint32_t>(count);
    }
    [[gnu::noinline]] void grow(size_type wanted)
    {
        const size_type capacity = std::max<size_type>({wanted, size_type(m_capacity) * 2, 2 * N});
        if (capacity > max_size())
            throw std::length_error("InlineVector");
        T* bigger = std::allocator<T>().allocate(capacity);
        if (m_size > 0)
            std::memcpy(static_cast<void*>(bigger), m_data, m_size * sizeof(T));
        release();
        m_data = bigger;
        m_capacity = static_cast<std::uint32_t>(capacity);
    }

    T* m_data = inlineData();
    std::uint32_t m_size = 0;
    std::uint32_t m_capacity = N;
    alignas(T) unsigned char m_inline[N * sizeof(T)] {}; // zeroed: take() copies all of it
};

} // namespace usher
