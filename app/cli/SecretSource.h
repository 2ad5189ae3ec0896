#pragma once

#include "ssh/SecretsFile.h"
#include "util/SecureMemory.h"
#include "util/Text.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>

#include <cstring>

#include <fcntl.h>
#include <mutex>
#include <termios.h>
#include <unistd.h>

namespace kinspect::cli {

// Secrets for the SSH transport: a secrets file (for scripts and CI) or a no-echo prompt on the
// terminal. Never logged, never stored; values are wiped when the source is destroyed.
class SecretSource
{
public:
    explicit SecretSource(QString file) : m_file(std::move(file)) {}

    bool load(QString *error) { return m_file.isEmpty() || m_secrets.load(m_file, error); }

    // Called from worker threads with the transport's prompt for `node`.
    bool answer(const QString &node, const QString &prompt, QByteArray *secret)
    {
        std::lock_guard lock(m_mutex);
        if (m_secrets.lookup(secretKindOf(prompt), node, secret))
            return true;
        return askTerminal(prompt, secret);
    }

private:
    static bool askTerminal(const QString &prompt, QByteArray *secret)
    {
        const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (fd < 0)
            return false; // no terminal: the node reports a clear auth/sudo error
        const QByteArray p = sanitizeForTerminal(prompt).toUtf8() + ": ";
        (void)!::write(fd, p.constData(), size_t(p.size()));
        termios old{};
        const bool tty = tcgetattr(fd, &old) == 0;
        if (tty) {
            termios noecho = old;
            noecho.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(fd, TCSAFLUSH, &noecho);
        }
        readSecretLine(fd, secret);
        if (tty)
            tcsetattr(fd, TCSAFLUSH, &old);
        (void)!::write(fd, "\n", 1);
        ::close(fd);
        return true;
    }

public:
    // Reads one line (without its newline) from `fd` into *secret. The buffer is allocated once
    // (kMaxSecret bytes): growing it byte by byte would leave copies of the first characters in
    // freed memory. Longer input is read and dropped.
    static constexpr qsizetype kMaxSecret = 4096;
    static void readSecretLine(int fd, QByteArray *secret)
    {
        secureZero(*secret);
        secret->reserve(kMaxSecret);
        char c = 0;
        while (::read(fd, &c, 1) == 1 && c != '\n')
            if (secret->size() < kMaxSecret)
                secret->append(c);
        explicit_bzero(&c, sizeof c);
    }

private:
    QString m_file;
    SecretsFile m_secrets;
    std::mutex m_mutex; // prompts come from worker threads
};

} // namespace kinspect::cli
