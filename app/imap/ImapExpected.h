#pragma once
/// A value or the ImapError saying why it could not be produced (the Expected pattern of
/// verifier/core/Expected.h, with a structured error for the UI).

#include "ImapError.h"

#include <utility>
#include <variant>

namespace imap {

/// Value for operations that return nothing but success.
struct Done
{
    bool operator==(const Done &) const = default;
};

template<typename T>
class [[nodiscard]] ImapExpected
{
public:
    ImapExpected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    ImapExpected(ImapError error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }
    const ImapError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, ImapError> m_v;
};

} // namespace imap
