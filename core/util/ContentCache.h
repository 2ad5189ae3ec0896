#pragma once

#include <QByteArray>
#include <QHash>

#include <memory>

namespace kinspect {

// What a file's content parses to, kept by the content itself. Meant to be thread_local (no
// locking): the nodes of a cluster mostly carry byte-identical configs, so a scan worker
// parses each distinct file once. Bounded by entry count and bytes of content; when full it
// starts over.
template <typename T>
class ContentCache
{
public:
    template <typename Make>
    std::shared_ptr<const T> get(const QByteArray &content, Make &&make)
    {
        if (const auto it = m_items.constFind(content); it != m_items.constEnd())
            return *it;
        std::shared_ptr<const T> value = std::make_shared<const T>(make(content));
        if (m_items.size() >= kMaxItems || m_bytes + content.size() > kMaxBytes)
            clear();
        m_items.insert(content, value);
        m_bytes += content.size();
        return value;
    }

    void clear()
    {
        m_items.clear();
        m_bytes = 0;
    }

private:
    static constexpr qsizetype kMaxItems = 64;
    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    QHash<QByteArray, std::shared_ptr<const T>> m_items;
    qint64 m_bytes = 0;
};

} // namespace kinspect
