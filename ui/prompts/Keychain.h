#pragma once

#include <QByteArray>
#include <QString>

namespace kinspect::ui {

// The system keychain through QtKeychain (when built with it). Only used when the person opted
// in for a secret; reads and writes block on a local event loop (they are quick D-Bus calls).
class Keychain
{
public:
    static bool available();
    static bool read(const QString &key, QByteArray *secret);
    static bool write(const QString &key, const QByteArray &secret);
    static bool remove(const QString &key);
    // "kinspect/<node>/<kind>" with kind one of sudo, password, passphrase.
    static QString keyFor(const QString &node, const QString &prompt);
};

} // namespace kinspect::ui
