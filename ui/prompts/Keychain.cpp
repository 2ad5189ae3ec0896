#include "prompts/Keychain.h"

#include <QEventLoop>

#ifdef KINSPECT_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace kinspect::ui {

namespace {
const QString kService = QStringLiteral("kinspect");
}

bool Keychain::available()
{
#ifdef KINSPECT_HAVE_KEYCHAIN
    // The secret service needs a session bus; without one (CI, offscreen) there is no keychain.
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
           !qEnvironmentVariableIsSet("KINSPECT_NO_KEYCHAIN");
#else
    return false;
#endif
}

QString Keychain::keyFor(const QString &node, const QString &prompt)
{
    const QString lower = prompt.toLower();
    const QString kind =
        lower.startsWith(QLatin1String("sudo"))
            ? QStringLiteral("sudo")
            : (lower.contains(QLatin1String("passphrase")) ? QStringLiteral("passphrase")
                                                           : QStringLiteral("password"));
    return QStringLiteral("kinspect/%1/%2").arg(node, kind);
}

bool Keychain::read(const QString &key, QByteArray *secret)
{
#ifdef KINSPECT_HAVE_KEYCHAIN
    if (!available())
        return false;
    QKeychain::ReadPasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() != QKeychain::NoError)
        return false;
    *secret = job.binaryData();
    return true;
#else
    Q_UNUSED(key);
    Q_UNUSED(secret);
    return false;
#endif
}

bool Keychain::write(const QString &key, const QByteArray &secret)
{
#ifdef KINSPECT_HAVE_KEYCHAIN
    if (!available())
        return false;
    QKeychain::WritePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    job.setBinaryData(secret);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
#else
    Q_UNUSED(key);
    Q_UNUSED(secret);
    return false;
#endif
}

bool Keychain::remove(const QString &key)
{
#ifdef KINSPECT_HAVE_KEYCHAIN
    if (!available())
        return false;
    QKeychain::DeletePasswordJob job(kService);
    job.setAutoDelete(false);
    job.setKey(key);
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    return job.error() == QKeychain::NoError;
#else
    Q_UNUSED(key);
    return false;
#endif
}

} // namespace kinspect::ui
