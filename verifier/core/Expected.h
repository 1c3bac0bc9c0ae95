#pragma once
/// A value or the reason it could not be produced. No exception crosses a module boundary
/// (STYLE.md habit 3): "the call could not run" is an Error, "ran and said no" is a result value.

#include <string>
#include <utility>
#include <variant>

namespace verifier {

struct Error
{
    std::string message;
    bool operator==(const Error &) const = default;
};

template<typename T>
class [[nodiscard]] Expected
{
public:
    Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Expected(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T &operator*() const & { return std::get<0>(m_v); }

    const Error &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

inline Error makeError(std::string message) { return Error{std::move(message)}; }

} // namespace verifier
