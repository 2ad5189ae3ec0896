#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace kinspect {

// An error as a value (the core never throws across its API). `file` and `line` name the input
// that was wrong: a local file (inventory, catalog) or a file on a node (a kubelet config).
struct Error
{
    QString message;
    QString file; // empty when not about a file
    int line = 0; // 1-based; 0 when unknown

    // "file:line: message", "file: message" or "message".
    QString toString() const
    {
        if (file.isEmpty())
            return message;
        if (line > 0)
            return file + QLatin1Char(':') + QString::number(line) + QLatin1String(": ") + message;
        return file + QLatin1String(": ") + message;
    }
};

// A value or an Error. Small on purpose: std::expected is C++23.
template <typename T>
class Expected
{
public:
    Expected(T value) : m_v(std::move(value)) {}
    Expected(Error error) : m_v(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_v); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_v); }
    const T &value() const & { return std::get<T>(m_v); }
    T &&value() && { return std::get<T>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_v); }

private:
    std::variant<T, Error> m_v;
};

} // namespace kinspect
