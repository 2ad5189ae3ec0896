#include "prompts/PromptBridge.h"

#include <QMetaObject>
#include <QMutex>
#include <QThread>

namespace kinspect::ui {

namespace {

// One dialog at a time even when several nodes ask at once.
QMutex &promptMutex()
{
    static QMutex m;
    return m;
}

} // namespace

PromptBridge::PromptBridge(IPrompter *prompter, QObject *parent)
    : QObject(parent), m_prompter(prompter)
{}

HostKeyDecision PromptBridge::askHostKey(const HostKeyInfo &info)
{
    if (m_cancelled || !m_prompter)
        return HostKeyDecision::Refuse;
    HostKeyDecision decision = HostKeyDecision::Refuse;
    if (QThread::currentThread() == thread()) {
        decision = m_prompter->askHostKey(info);
    } else {
        QMutexLocker lock(&promptMutex());
        if (m_cancelled)
            return HostKeyDecision::Refuse;
        QMetaObject::invokeMethod(
            this, [&] { decision = m_prompter->askHostKey(info); }, Qt::BlockingQueuedConnection);
    }
    return decision;
}

bool PromptBridge::askSecret(const QString &node, const QString &prompt, QByteArray *secret)
{
    if (m_cancelled || !m_prompter)
        return false;
    bool ok = false;
    if (QThread::currentThread() == thread()) {
        ok = m_prompter->askSecret(node, prompt, secret);
    } else {
        QMutexLocker lock(&promptMutex());
        if (m_cancelled)
            return false;
        QMetaObject::invokeMethod(
            this, [&] { ok = m_prompter->askSecret(node, prompt, secret); },
            Qt::BlockingQueuedConnection);
    }
    return ok;
}

} // namespace kinspect::ui
