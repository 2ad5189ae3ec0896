#include "inventory/importers/InventoryImport.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace kinspect {

namespace {

struct Option
{
    QString key; // lower-case keyword
    QStringList args;
    int line = 0;
};

struct Block
{
    QStringList patterns; // empty for the options before the first Host line
    bool isMatch = false; // `Match` blocks are not evaluated (conditions need a live ssh)
    QList<Option> options;
    int line = 0;
};

// Splits an ssh_config line into words the way OpenSSH does: white space separates, double
// quotes group, `Keyword=value` is allowed.
Expected<QStringList> splitWords(const QString &line, const QString &source, int lineNo)
{
    QStringList words;
    QString cur;
    bool inQuote = false, have = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('"')) {
            inQuote = !inQuote;
            have = true;
            continue;
        }
        if (!inQuote && (c.isSpace() || (c == QLatin1Char('=') && words.isEmpty()))) {
            if (have)
                words << cur;
            cur.clear();
            have = false;
            continue;
        }
        cur += c;
        have = true;
    }
    if (inQuote)
        return Error{QStringLiteral("unterminated quote"), source, lineNo};
    if (have)
        words << cur;
    return words;
}

bool globMatch(const QString &pattern, const QString &name)
{
    const QRegularExpression re(
        QRegularExpression::anchoredPattern(QRegularExpression::wildcardToRegularExpression(
            pattern, QRegularExpression::UnanchoredWildcardConversion)),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

bool blockMatches(const Block &b, const QString &alias)
{
    if (b.isMatch)
        return false;
    if (b.patterns.isEmpty())
        return true;
    bool matched = false;
    for (const QString &p : b.patterns) {
        if (p.startsWith(QLatin1Char('!'))) {
            if (globMatch(p.mid(1), alias))
                return false;
        } else if (globMatch(p, alias)) {
            matched = true;
        }
    }
    return matched;
}

bool isConcrete(const QString &pattern)
{
    return !pattern.startsWith(QLatin1Char('!')) && !pattern.contains(QLatin1Char('*')) &&
           !pattern.contains(QLatin1Char('?'));
}

// OpenSSH's first-obtained value wins: options of earlier matching blocks beat later ones.
QHash<QString, Option> effectiveOptions(const QList<Block> &blocks, const QString &alias)
{
    QHash<QString, Option> out;
    for (const Block &b : blocks) {
        if (!blockMatches(b, alias))
            continue;
        for (const Option &o : b.options)
            if (!out.contains(o.key))
                out.insert(o.key, o);
    }
    return out;
}

QString expandTokens(QString s, const QString &alias)
{
    s.replace(QLatin1String("%h"), alias);
    s.replace(QLatin1String("%%"), QLatin1String("%"));
    return s;
}

struct Target
{
    QString user, host;
    int port = 0;
};

// [user@]host[:port] of ProxyJump (an ssh:// URI is accepted too).
std::optional<Target> parseJumpTarget(QString s)
{
    if (s.startsWith(QLatin1String("ssh://")))
        s = s.mid(6);
    Target t;
    const int at = s.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        t.user = s.left(at);
        s = s.mid(at + 1);
    }
    const int colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon >= 0 && !s.startsWith(QLatin1Char('['))) {
        bool ok = false;
        t.port = s.mid(colon + 1).toInt(&ok);
        if (!ok || t.port < 1 || t.port > 65535)
            return std::nullopt;
        s = s.left(colon);
    }
    if (s.isEmpty())
        return std::nullopt;
    t.host = s;
    return t;
}

} // namespace

Expected<ImportResult> importSshConfig(const QByteArray &data, const QString &source)
{
    QList<Block> blocks{Block{}};
    QStringList aliases;
    const QList<QByteArray> lines = data.split('\n');
    ImportResult r;
    for (int i = 0; i < lines.size(); ++i) {
        const int lineNo = i + 1;
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        auto words = splitWords(line, source, lineNo);
        if (!words)
            return words.error();
        if (words->isEmpty())
            continue;
        const QString key = words->first().toLower();
        const QStringList args = words->mid(1);
        if (key == QLatin1String("host")) {
            if (args.isEmpty())
                return Error{QStringLiteral("\"Host\" needs at least one pattern"), source, lineNo};
            Block b;
            b.patterns = args;
            b.line = lineNo;
            blocks << b;
            for (const QString &a : args)
                if (isConcrete(a) && !aliases.contains(a))
                    aliases << a;
            continue;
        }
        if (key == QLatin1String("match")) {
            Block b;
            b.isMatch = true;
            b.line = lineNo;
            blocks << b;
            r.warnings << QStringLiteral("%1:%2: \"Match\" blocks are not evaluated; their options "
                                         "are ignored")
                              .arg(source)
                              .arg(lineNo);
            continue;
        }
        if (key == QLatin1String("include")) {
            r.warnings << QStringLiteral("%1:%2: \"Include\" is not followed; import the included "
                                         "files separately")
                              .arg(source)
                              .arg(lineNo);
            continue;
        }
        if (args.isEmpty())
            return Error{QStringLiteral("\"%1\" has no value").arg(words->first()), source, lineNo};
        if (key == QLatin1String("port")) {
            bool ok = false;
            const int port = args.first().toInt(&ok);
            if (!ok || port < 1 || port > 65535)
                return Error{QStringLiteral("bad port \"%1\": must be a number from 1 to 65535")
                                 .arg(args.first()),
                             source, lineNo};
        }
        if (key == QLatin1String("proxyjump") && args.first().toLower() != QLatin1String("none")) {
            for (const QString &hop : args.first().split(QLatin1Char(',')))
                if (!parseJumpTarget(hop))
                    return Error{QStringLiteral("bad ProxyJump \"%1\"").arg(hop), source, lineNo};
        }
        blocks.last().options << Option{key, args, lineNo};
    }

    r.inventory.cluster = QFileInfo(source).fileName() == QLatin1String("config")
                              ? QStringLiteral("ssh-config")
                              : QFileInfo(source).completeBaseName();
    r.inventory.filePath = source;
    r.inventory.defaults.port = 22;

    const auto resolveJump = [&](const QString &spec, int line) -> QString {
        // A chain A,B reaches the node from B: keep the last hop (the one next to the node).
        QStringList hops = spec.split(QLatin1Char(','));
        if (hops.size() > 1) {
            r.warnings << QStringLiteral("%1:%2: ProxyJump chain \"%3\": only the last hop is "
                                         "kept (Kinspect uses one jump host per node)")
                              .arg(source)
                              .arg(line)
                              .arg(spec);
            hops = QStringList{hops.last()};
        }
        const auto t = parseJumpTarget(hops.first());
        JumpHost j;
        j.name = t->host;
        // A hop that is itself a Host alias takes that alias' settings.
        const auto o = effectiveOptions(blocks, t->host);
        j.host = o.contains(QStringLiteral("hostname"))
                     ? expandTokens(o.value(QStringLiteral("hostname")).args.first(), t->host)
                     : t->host;
        j.port = t->port ? t->port
                         : (o.contains(QStringLiteral("port"))
                                ? o.value(QStringLiteral("port")).args.first().toInt()
                                : 22);
        j.user = !t->user.isEmpty() ? t->user
                                    : (o.contains(QStringLiteral("user"))
                                           ? o.value(QStringLiteral("user")).args.first()
                                           : QString());
        if (o.contains(QStringLiteral("identityfile")))
            j.identityFile = expandHome(
                expandTokens(o.value(QStringLiteral("identityfile")).args.first(), t->host));
        if (!t->user.isEmpty() || t->port)
            j.name = hops.first(); // distinct name for a user@host:port spelling
        if (!r.inventory.jumpHost(j.name))
            r.inventory.jumpHosts << j;
        return j.name;
    };

    for (const QString &alias : aliases) {
        const auto o = effectiveOptions(blocks, alias);
        NodeSpec n;
        n.name = alias;
        n.host = o.contains(QStringLiteral("hostname"))
                     ? expandTokens(o.value(QStringLiteral("hostname")).args.first(), alias)
                     : alias;
        if (o.contains(QStringLiteral("port")))
            n.port = o.value(QStringLiteral("port")).args.first().toInt();
        if (o.contains(QStringLiteral("user")))
            n.user = o.value(QStringLiteral("user")).args.first();
        if (o.contains(QStringLiteral("identityfile")))
            n.identityFile = expandHome(
                expandTokens(o.value(QStringLiteral("identityfile")).args.first(), alias));
        if (o.contains(QStringLiteral("proxyjump"))) {
            const Option pj = o.value(QStringLiteral("proxyjump"));
            if (pj.args.first().toLower() != QLatin1String("none"))
                n.jump = resolveJump(pj.args.first(), pj.line);
        }
        if (o.contains(QStringLiteral("proxycommand")))
            r.warnings << QStringLiteral("%1:%2: host \"%3\": ProxyCommand is not supported; use "
                                         "ProxyJump")
                              .arg(source)
                              .arg(o.value(QStringLiteral("proxycommand")).line)
                              .arg(alias);
        for (const Block &b : blocks)
            if (b.patterns.contains(alias)) {
                n.sourceLine = b.line;
                break;
            }
        r.inventory.nodes << n;
    }
    if (r.inventory.nodes.isEmpty())
        return Error{QStringLiteral("no concrete Host entries (only patterns such as \"*\")"),
                     source, 0};
    return r;
}

bool importSourceFromName(const QString &name, ImportSource *source)
{
    if (name == QLatin1String("ssh-config"))
        *source = ImportSource::SshConfig;
    else if (name == QLatin1String("ansible"))
        *source = ImportSource::Ansible;
    else if (name == QLatin1String("kubectl"))
        *source = ImportSource::Kubectl;
    else
        return false;
    return true;
}

Expected<ImportResult> importInventoryFile(ImportSource source, const QString &path,
                                           const QString &cluster)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{f.errorString(), path, 0};
    if (f.size() > MaxImportBytes)
        return Error{QStringLiteral("file is larger than %1 bytes").arg(MaxImportBytes), path, 0};
    const QByteArray data = f.read(MaxImportBytes + 1);
    Expected<ImportResult> r = Error{};
    switch (source) {
    case ImportSource::SshConfig:
        r = importSshConfig(data, path);
        break;
    case ImportSource::Ansible:
        r = importAnsibleInventory(data, path);
        break;
    case ImportSource::Kubectl:
        r = importKubectlNodes(data, path);
        break;
    }
    if (r && !cluster.isEmpty())
        r->inventory.cluster = cluster;
    return r;
}

} // namespace kinspect
