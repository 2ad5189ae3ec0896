#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace kinspect {

// Surgical edits of a YAML (or JSON) configuration file such as the kubelet's --config file.
// The key is located through yaml-cpp's node marks and the change applied to the original text:
// a present value is replaced in place (its quoting kept), a missing key is inserted as new
// lines in its mapping (in sorted position when the mapping is sorted, as kubeadm writes it),
// with the file's indentation and line endings. Nothing else changes.
class ConfigEditor
{
public:
    // keyPath: "authentication.anonymous.enabled"; value written plain when YAML reads it back
    // as the intended scalar (so `true` and `0` stay typed, as KubeletConfiguration wants).
    static Expected<QByteArray> setKey(const QByteArray &data, const QString &path,
                                       const QString &keyPath, const QString &value);
    // Removes the key and everything below it (its lines); absent: unchanged.
    static Expected<QByteArray> removeKey(const QByteArray &data, const QString &path,
                                          const QString &keyPath);
    // The scalar at keyPath, or nullopt when absent (for checks and tests).
    static Expected<std::optional<QString>> value(const QByteArray &data, const QString &path,
                                                  const QString &keyPath);
};

} // namespace kinspect
