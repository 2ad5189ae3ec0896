#include "snapshot/KubeletFiles.h"

#include <QRegularExpression>

namespace kinspect {

bool isSystemdUnitFile(const QString &path, const QString &unit)
{
    static const QStringList kSystemdDirs = {
        QStringLiteral("/etc/systemd/system"), QStringLiteral("/run/systemd/system"),
        QStringLiteral("/usr/lib/systemd/system"), QStringLiteral("/lib/systemd/system")};
    for (const QString &d : kSystemdDirs) {
        if (path == d + QLatin1Char('/') + unit + QLatin1String(".service"))
            return true;
        const QString dropins = d + QLatin1Char('/') + unit + QLatin1String(".service.d/");
        if (path.startsWith(dropins) && path.endsWith(QLatin1String(".conf")) &&
            !path.mid(dropins.size()).contains(QLatin1Char('/')))
            return true;
    }
    return false;
}

QStringList kubeletFlagFiles(const NodeSnapshot &snapshot)
{
    QStringList units;
    for (auto it = snapshot.files.cbegin(); it != snapshot.files.cend(); ++it)
        if (isSystemdUnitFile(it.key(), QStringLiteral("kubelet")))
            units << it.key();
    units.sort();
    QStringList env;
    static const QRegularExpression envFile(QStringLiteral("^\\s*EnvironmentFile\\s*=\\s*-?(\\S+)"),
                                            QRegularExpression::MultilineOption);
    for (const QString &u : units) {
        auto m = envFile.globalMatch(QString::fromUtf8(snapshot.file(u)->data));
        while (m.hasNext()) {
            const QString e = m.next().captured(1);
            if (!env.contains(e))
                env << e;
        }
    }
    for (const QString &e :
         {QStringLiteral("/var/lib/kubelet/kubeadm-flags.env"),
          QStringLiteral("/etc/default/kubelet"), QStringLiteral("/etc/sysconfig/kubelet")})
        if (!env.contains(e))
            env << e;
    QStringList out = units;
    for (const QString &e : env)
        if (snapshot.file(e))
            out << e;
    return out;
}

} // namespace kinspect
