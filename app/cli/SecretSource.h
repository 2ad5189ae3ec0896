#pragma once

#include "util/Text.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>
#include <QStringList>

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

    bool load(QString *error)
    {
        if (m_file.isEmpty())
            return true;
        QFile f(m_file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: %2").arg(m_file, f.errorString());
            return false;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            ++lineNo;
            QByteArray line = f.readLine();
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.trimmed().isEmpty() || line.trimmed().startsWith('#'))
                continue;
            const qsizetype eq = line.indexOf('=');
            const QString key = QString::fromUtf8(line.left(eq)).trimmed();
            static const QStringList kKinds = {QStringLiteral("sudo-password"),
                                               QStringLiteral("password"),
                                               QStringLiteral("passphrase")};
            if (eq < 0 || !kKinds.contains(key.section(QLatin1Char('@'), 0, 0))) {
                *error = QStringLiteral("%1:%2: expected KIND[@NODE]=SECRET with KIND one of %3")
                             .arg(m_file)
                             .arg(lineNo)
                             .arg(kKinds.join(QLatin1String(", ")));
                return false;
            }
            m_secrets.insert(key, line.mid(eq + 1));
            line.fill('\0');
        }
        return true;
    }

    ~SecretSource()
    {
        for (auto &v : m_secrets)
            v.fill('\0');
    }

    // prompt: "sudo password for USER on NODE", "Password for ...", "Passphrase for key ..."
    bool answer(const QString &node, const QString &prompt, QByteArray *secret)
    {
        const QString kind =
            prompt.startsWith(QLatin1String("sudo password")) ? QStringLiteral("sudo-password")
            : prompt.contains(QLatin1String("assphrase"))     ? QStringLiteral("passphrase")
                                                              : QStringLiteral("password");
        std::lock_guard lock(m_mutex);
        for (const QString &key : {kind + QLatin1Char('@') + node, kind}) {
            auto it = m_secrets.constFind(key);
            if (it != m_secrets.constEnd()) {
                *secret = *it;
                return true;
            }
        }
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
        char c = 0;
        secret->clear();
        while (::read(fd, &c, 1) == 1 && c != '\n')
            secret->append(c);
        if (tty)
            tcsetattr(fd, TCSAFLUSH, &old);
        (void)!::write(fd, "\n", 1);
        ::close(fd);
        c = 0;
        return true;
    }

    QString m_file;
    QHash<QString, QByteArray> m_secrets;
    std::mutex m_mutex; // prompts come from worker threads
};

} // namespace kinspect::cli
