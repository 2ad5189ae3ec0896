#pragma once

#include <QByteArray>
#include <QHash>

#include <memory>
#include <mutex>

namespace kinspect {

// What a file's content parses to, kept by the content itself, for the whole process: the nodes
// of a cluster mostly carry byte-identical configs, so a scan parses each distinct file once (a
// scan's worker threads are new each time, so a per-thread cache forgot everything between
// re-scans). Values are immutable and shared; parsing runs outside the lock. Bounded by entry
// count and bytes of content; when full it starts over.
template <typename T>
class ContentCache
{
public:
    template <typename Make>
    std::shared_ptr<const T> get(const QByteArray &content, Make &&make)
    {
        {
            const std::lock_guard lock(m_mutex);
            if (const auto it = m_items.constFind(content); it != m_items.constEnd())
                return *it;
        }
        std::shared_ptr<const T> value = std::make_shared<const T>(make(content));
        const std::lock_guard lock(m_mutex);
        if (m_items.size() >= kMaxItems || m_bytes + content.size() > kMaxBytes) {
            m_items.clear();
            m_bytes = 0;
        }
        if (const auto it = m_items.constFind(content); it != m_items.constEnd())
            return *it; // another thread was first: share its copy
        m_items.insert(content, value);
        m_bytes += content.size();
        return value;
    }

    void clear()
    {
        const std::lock_guard lock(m_mutex);
        m_items.clear();
        m_bytes = 0;
    }

private:
    std::mutex m_mutex;
    static constexpr qsizetype kMaxItems = 64;
    static constexpr qint64 kMaxBytes = 4 * 1024 * 1024;
    QHash<QByteArray, std::shared_ptr<const T>> m_items;
    qint64 m_bytes = 0;
};

} // namespace kinspect
