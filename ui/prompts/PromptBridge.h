#pragma once

#include "prompts/IPrompter.h"

#include <QObject>

#include <atomic>

namespace kinspect::ui {

// Carries SshCommandRunner's callbacks (called on scan worker threads) to the GUI thread, one at a
// time, and blocks the worker until the person answered. A scan that is being cancelled gets
// "refuse"/"cancel" without a dialog.
class PromptBridge : public QObject
{
    Q_OBJECT

public:
    explicit PromptBridge(IPrompter *prompter, QObject *parent = nullptr);

    void setPrompter(IPrompter *prompter) { m_prompter = prompter; }
    IPrompter *prompter() const { return m_prompter; }
    void setCancelled(bool cancelled) { m_cancelled = cancelled; }

    // Thread-safe; block the calling worker thread (never the GUI thread).
    HostKeyDecision askHostKey(const HostKeyInfo &info);
    bool askSecret(const QString &node, const QString &prompt, QByteArray *secret);

private:
    IPrompter *m_prompter;
    std::atomic_bool m_cancelled{false};
};

} // namespace kinspect::ui
