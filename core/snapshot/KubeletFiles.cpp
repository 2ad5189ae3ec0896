#include "snapshot/KubeletFiles.h"

#include <QRegularExpression>

namespace kinspect {

bool isSystemdUnitFile(const QString &path, const QString &unit)
{
    // <dir>/<unit>.service or <dir>/<unit>.service.d/<name>.conf, for the four unit
    // directories; compared in place (this runs for every collected path of every node).
    static const QLatin1String kSystemdDirs[] = {
        QLatin1String("/etc/systemd/system/"), QLatin1String("/run/systemd/system/"),
        QLatin1String("/usr/lib/systemd/system/"), QLatin1String("/lib/systemd/system/")};
    const QLatin1String service(".service");
    for (const QLatin1String &d : kSystemdDirs) {
        if (!path.startsWith(d))
            continue;
        QStringView rest = QStringView(path).mid(d.size());
        if (!rest.startsWith(unit))
            continue;
        rest = rest.mid(unit.size());
        if (!rest.startsWith(service))
            continue;
        rest = rest.mid(service.size());
        if (rest.isEmpty())
            return true;
        if (rest.startsWith(QLatin1String(".d/")) && rest.endsWith(QLatin1String(".conf")) &&
            !rest.mid(3).contains(QLatin1Char('/')))
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
