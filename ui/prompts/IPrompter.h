#pragma once

#include "ssh/SshOptions.h"

#include <QByteArray>
#include <QString>

namespace kinspect::ui {

// The questions a scan asks a person, always called on the GUI thread (PromptBridge marshals
// the SSH worker threads' callbacks). Dialogs implement it in the product; tests answer it.
class IPrompter
{
public:
    virtual ~IPrompter() = default;
    virtual HostKeyDecision askHostKey(const HostKeyInfo &info) = 0;
    // A password, passphrase or sudo password for `node`; false: the user cancelled.
    virtual bool askSecret(const QString &node, const QString &prompt, QByteArray *secret) = 0;
};

} // namespace kinspect::ui
