#include "util/SecureMemory.h"

#include <cstring>

#include <sys/prctl.h>
#include <sys/resource.h>

namespace kinspect {

void secureZero(QByteArray &secret)
{
    // constData() never detaches; a raw-data array (capacity 0) owns nothing to wipe.
    if (const qsizetype n = std::max(secret.capacity(), secret.size());
        n > 0 && secret.capacity() > 0)
        explicit_bzero(const_cast<char *>(secret.constData()), size_t(n));
    secret.clear();
}

void secureZero(QString &secret)
{
    if (const qsizetype n = std::max(secret.capacity(), secret.size());
        n > 0 && secret.capacity() > 0)
        explicit_bzero(const_cast<QChar *>(secret.constData()), size_t(n) * sizeof(QChar));
    secret.clear();
}

QByteArray deepCopy(const QByteArray &secret)
{
    QByteArray copy;
    copy.reserve(secret.size());
    copy.append(secret.constData(), secret.size());
    return copy;
}

bool disableCoreDumps()
{
    if (qEnvironmentVariable("KINSPECT_ALLOW_CORE_DUMPS") == QLatin1String("1"))
        return false;
    const rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    return true;
}

} // namespace kinspect
