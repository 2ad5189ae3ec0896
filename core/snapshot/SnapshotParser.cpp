#include "snapshot/SnapshotParser.h"

#include <QByteArrayList>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace kinspect {

namespace {

const QByteArray kMagic = QByteArrayLiteral("kinspect-snapshot");

bool isUpperTag(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (c < 'A' || c > 'Z')
            return false;
    return true;
}

// Lower-case words with digits and dashes: component names, states, reason tokens, host keys
// (which are camelCase, hence letters of both cases).
bool isToken(const QByteArray &s, bool allowUpper = false)
{
    if (s.isEmpty() || s.size() > 128)
        return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                        (allowUpper && c >= 'A' && c <= 'Z');
        if (!ok)
            return false;
    }
    return true;
}

bool isVersionToken(const QByteArray &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-';
        if (!ok)
            return false;
    }
    return true;
}

std::optional<qint64> parseDecimal(const QByteArray &s, qint64 max)
{
    if (s.isEmpty() || s.size() > 18)
        return std::nullopt;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v > max)
        return std::nullopt;
    return v;
}

std::optional<uint> parseMode(const QByteArray &s)
{
    if (s.isEmpty() || s.size() > 4)
        return std::nullopt;
    uint v = 0;
    for (char c : s) {
        if (c < '0' || c > '7')
            return std::nullopt;
        v = v * 8 + uint(c - '0');
    }
    return v;
}

bool isSha256(const QByteArray &s)
{
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// Strict base64: standard alphabet, padded, no whitespace. Empty is the empty value.
std::optional<QByteArray> decodeBase64(const QByteArray &s, qint64 maxDecoded)
{
    if (s.isEmpty())
        return QByteArray();
    if (s.size() % 4 != 0 || (qint64(s.size()) / 4) * 3 > maxDecoded + 2)
        return std::nullopt;
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = s.at(i);
        const bool alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '+' || c == '/';
        if (alpha)
            continue;
        // '=' only as the last one or two characters
        if (c == '=' && (i == n - 1 || (i == n - 2 && s.at(n - 1) == '=')))
            continue;
        return std::nullopt;
    }
    auto r = QByteArray::fromBase64Encoding(s, QByteArray::AbortOnBase64DecodingErrors);
    if (r.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    if (r.decoded.size() > maxDecoded)
        return std::nullopt;
    return r.decoded;
}

QString skippedReasonText(const QByteArray &code)
{
    if (code == "too-large")
        return QStringLiteral("the file is larger than the collector's 1 MiB limit");
    if (code == "binary")
        return QStringLiteral("the file holds binary data (NUL bytes)");
    if (code == "unreadable")
        return QStringLiteral("the collector could not read the file");
    if (code == "private-key")
        return QStringLiteral("private key files are never read");
    if (code == "not-regular")
        return QStringLiteral("not a regular file");
    if (code == "over-budget")
        return QStringLiteral("the collector had already sent 16 MiB of file contents");
    return QStringLiteral("not collected (%1)").arg(QString::fromLatin1(code));
}

class Parser
{
public:
    Parser(const QByteArray &data, const QString &source) : m_data(data), m_source(source) {}

    Expected<NodeSnapshot> run();

private:
    Error err(const QString &message) const { return Error{message, m_source, m_line}; }
    std::optional<Error> record(const QByteArray &tag, const QByteArrayList &f);
    std::optional<Error> need(const QByteArrayList &f, int count, const char *what) const
    {
        if (f.size() < count)
            return err(QStringLiteral("%1 record has %2 fields, expected %3")
                           .arg(QLatin1String(what))
                           .arg(f.size())
                           .arg(count));
        return std::nullopt;
    }
    std::optional<QString> text(const QByteArray &field, qint64 max = 64 * 1024) const
    {
        auto d = decodeBase64(field, max);
        if (!d)
            return std::nullopt;
        return QString::fromUtf8(*d);
    }
    std::optional<Error> path(const QByteArray &field, QString *out) const
    {
        auto p = text(field, 64 * 1024);
        if (!p)
            return err(QStringLiteral("invalid base64 in a path field"));
        if (!p->startsWith(QLatin1Char('/')))
            return err(QStringLiteral("path is not absolute: %1").arg(*p));
        *out = *p;
        return std::nullopt;
    }

    const QByteArray &m_data;
    QString m_source;
    int m_line = 0;
    NodeSnapshot m_snap;
    QSet<QString> m_hostKeys;
    QSet<QString> m_profileKeys;
    QSet<qint64> m_pids;
    QSet<QString> m_versionKeys;
    QSet<QByteArray> m_unknownTags;
    int m_unknownCount = 0;
};

Expected<NodeSnapshot> Parser::run()
{
    if (m_data.size() > SnapshotLimits::maxStream)
        return Error{QStringLiteral("snapshot is larger than %1 MiB")
                         .arg(SnapshotLimits::maxStream / (1024 * 1024)),
                     m_source, 0};
    if (m_data.isEmpty())
        return Error{QStringLiteral("empty snapshot (the collector printed nothing)"), m_source, 0};

    // Find the header at the start of a line within the first 64 KiB.
    qsizetype pos = 0;
    int skipped = 0;
    const QByteArray headerStart = kMagic + '\t';
    while (true) {
        if (m_data.mid(pos, headerStart.size()) == headerStart)
            break;
        const qsizetype nl = m_data.indexOf('\n', pos);
        if (nl < 0 || nl + 1 > SnapshotLimits::maxHeaderSearch)
            return Error{QStringLiteral("no kinspect-snapshot header found: this is not the output "
                                        "of the Kinspect collector"),
                         m_source, 0};
        pos = nl + 1;
        ++skipped;
    }
    m_line = skipped;
    if (skipped > 0)
        m_snap.warnings << QStringLiteral("%1 line(s) of other output before the snapshot were "
                                          "ignored (login shell messages?)")
                               .arg(skipped);

    bool headerSeen = false;
    int records = 0;
    while (pos < m_data.size()) {
        ++m_line;
        const qsizetype nl = m_data.indexOf('\n', pos);
        if (nl < 0)
            return err(QStringLiteral("the last line has no newline: the snapshot is truncated"));
        if (nl - pos > SnapshotLimits::maxLine)
            return err(QStringLiteral("line longer than %1 MiB")
                           .arg(SnapshotLimits::maxLine / (1024 * 1024)));
        const QByteArray line = m_data.mid(pos, nl - pos);
        pos = nl + 1;
        if (line.isEmpty())
            return err(QStringLiteral("empty line"));
        if (line.contains('\r'))
            return err(QStringLiteral("carriage return in a record (was the snapshot converted to "
                                      "CRLF line endings?)"));
        const QByteArrayList f = line.split('\t');
        if (!headerSeen) {
            headerSeen = true;
            if (f.size() < 3 || f.at(0) != kMagic)
                return err(QStringLiteral("malformed snapshot header"));
            auto v = parseDecimal(f.at(1), 1000000);
            if (!v)
                return err(QStringLiteral("malformed format version in the header"));
            if (*v != snapshotFormatVersion)
                return err(QStringLiteral("snapshot format version %1 is not supported (this "
                                          "Kinspect reads version %2)")
                               .arg(*v)
                               .arg(snapshotFormatVersion));
            if (!isVersionToken(f.at(2)))
                return err(QStringLiteral("malformed collector version in the header"));
            m_snap.formatVersion = int(*v);
            m_snap.collectorVersion = QString::fromLatin1(f.at(2));
            continue;
        }
        const QByteArray &tag = f.at(0);
        if (tag == "END") {
            if (f.size() < 2)
                return err(QStringLiteral("END record without a count"));
            auto n = parseDecimal(f.at(1), SnapshotLimits::maxRecords);
            if (!n)
                return err(QStringLiteral("malformed END count"));
            if (*n != records)
                return err(QStringLiteral("END says %1 records but %2 were read: the snapshot is "
                                          "damaged or truncated")
                               .arg(*n)
                               .arg(records));
            if (pos != m_data.size()) {
                ++m_line;
                return err(QStringLiteral("data after the END record"));
            }
            if (m_unknownCount > 0) {
                QStringList tags;
                for (const QByteArray &t : std::as_const(m_unknownTags))
                    tags << QString::fromLatin1(t);
                tags.sort();
                m_snap.warnings << QStringLiteral("%1 record(s) of types this Kinspect does not "
                                                  "know were ignored: %2")
                                       .arg(m_unknownCount)
                                       .arg(tags.join(QLatin1String(", ")));
            }
            return std::move(m_snap);
        }
        if (++records > SnapshotLimits::maxRecords)
            return err(QStringLiteral("more than %1 records").arg(SnapshotLimits::maxRecords));
        if (!isUpperTag(tag))
            return err(QStringLiteral("invalid record type \"%1\"")
                           .arg(QString::fromLatin1(tag.left(32).toPercentEncoding())));
        if (auto e = record(tag, f))
            return *e;
    }
    ++m_line;
    if (!headerSeen)
        return err(QStringLiteral("malformed snapshot header"));
    return err(QStringLiteral("no END record: the snapshot is truncated (the collector did not "
                              "finish)"));
}

std::optional<Error> Parser::record(const QByteArray &tag, const QByteArrayList &f)
{
    if (tag == "HOST") {
        if (auto e = need(f, 3, "HOST"))
            return e;
        if (!isToken(f.at(1), true))
            return err(QStringLiteral("malformed HOST key"));
        const QString key = QString::fromLatin1(f.at(1));
        if (m_hostKeys.contains(key))
            return err(QStringLiteral("duplicate HOST %1").arg(key));
        m_hostKeys.insert(key);
        auto v = text(f.at(2));
        if (!v)
            return err(QStringLiteral("invalid base64 in HOST %1").arg(key));
        if (key == QLatin1String("hostname")) {
            m_snap.hostname = *v;
        } else if (key == QLatin1String("collectedAt")) {
            const QDateTime t = QDateTime::fromString(*v, Qt::ISODate);
            if (!t.isValid())
                return err(QStringLiteral("collectedAt is not an ISO 8601 time: %1").arg(*v));
            m_snap.collectedAt = t.toUTC();
        } else if (key == QLatin1String("kernel")) {
            m_snap.kernel = *v;
        } else if (key == QLatin1String("osRelease")) {
            m_snap.osRelease = *v;
        } else if (key == QLatin1String("distribution")) {
            if (!isToken(v->toLatin1()))
                return err(QStringLiteral("malformed distribution: %1").arg(*v));
            m_snap.distribution = *v;
        } else if (key == QLatin1String("uid")) {
            auto n = parseDecimal(v->toLatin1(), 0x7fffffff);
            if (!n)
                return err(QStringLiteral("malformed uid: %1").arg(*v));
            m_snap.collectorUid = int(*n);
        }
        return std::nullopt; // unknown HOST keys: ignored (doc)
    }
    if (tag == "PROFILE") {
        if (auto e = need(f, 3, "PROFILE"))
            return e;
        if (!isToken(f.at(1), true))
            return err(QStringLiteral("malformed PROFILE name"));
        const QString name = QString::fromLatin1(f.at(1));
        if (m_profileKeys.contains(name))
            return err(QStringLiteral("duplicate PROFILE %1").arg(name));
        m_profileKeys.insert(name);
        QString p;
        if (auto e = path(f.at(2), &p))
            return e;
        m_snap.profile.insert(name, p);
        return std::nullopt;
    }
    if (tag == "PROC") {
        if (auto e = need(f, 6, "PROC"))
            return e;
        ProcessInfo proc;
        auto pid = parseDecimal(f.at(1), 0x7fffffffffffLL);
        if (!pid || *pid == 0)
            return err(QStringLiteral("malformed pid"));
        if (m_pids.contains(*pid))
            return err(QStringLiteral("duplicate PROC for pid %1").arg(*pid));
        m_pids.insert(*pid);
        proc.pid = *pid;
        if (!isToken(f.at(2)))
            return err(QStringLiteral("malformed component name"));
        proc.component = QString::fromLatin1(f.at(2));
        auto exe = text(f.at(3));
        if (!exe)
            return err(QStringLiteral("invalid base64 in the exe of pid %1").arg(*pid));
        proc.exe = *exe;
        auto argv = decodeBase64(f.at(4), SnapshotLimits::maxArgv);
        if (!argv)
            return err(QStringLiteral("invalid or too long base64 argv of pid %1").arg(*pid));
        if (!argv->isEmpty()) {
            const QByteArrayList items = argv->split('\0');
            if (items.size() > SnapshotLimits::maxArgvItems)
                return err(QStringLiteral("argv of pid %1 has too many items").arg(*pid));
            proc.argv.reserve(items.size());
            for (const QByteArray &item : items)
                proc.argv << QString::fromUtf8(item);
        }
        if (f.at(5) == "redacted")
            proc.argvRedacted = true;
        else if (f.at(5) != "ok")
            return err(QStringLiteral("malformed argv state \"%1\"")
                           .arg(QString::fromLatin1(f.at(5).left(32).toPercentEncoding())));
        m_snap.processes << proc;
        return std::nullopt;
    }
    if (tag == "STAT") {
        if (auto e = need(f, 3, "STAT"))
            return e;
        FileStat st;
        if (auto e = path(f.at(1), &st.path))
            return e;
        if (m_snap.stats.contains(st.path))
            return err(QStringLiteral("duplicate STAT for %1").arg(st.path));
        const QByteArray &type = f.at(2);
        if (type == "missing") {
            st.type = FileStat::Type::Missing;
            m_snap.stats.insert(st.path, st);
            return std::nullopt;
        }
        if (auto e = need(f, 10, "STAT"))
            return e;
        if (type == "regular")
            st.type = FileStat::Type::Regular;
        else if (type == "directory")
            st.type = FileStat::Type::Directory;
        else if (type == "symlink")
            st.type = FileStat::Type::Symlink;
        else if (type == "other")
            st.type = FileStat::Type::Other;
        else
            return err(QStringLiteral("unknown file type \"%1\"")
                           .arg(QString::fromLatin1(type.left(32).toPercentEncoding())));
        auto mode = parseMode(f.at(3));
        auto uid = parseDecimal(f.at(4), 0xffffffffLL);
        auto gid = parseDecimal(f.at(5), 0xffffffffLL);
        auto size = parseDecimal(f.at(8), 0x7fffffffffffffffLL);
        if (!mode)
            return err(QStringLiteral("malformed mode for %1").arg(st.path));
        if (!uid || !gid)
            return err(QStringLiteral("malformed uid or gid for %1").arg(st.path));
        if (!size)
            return err(QStringLiteral("malformed size for %1").arg(st.path));
        auto user = text(f.at(6), 1024);
        auto group = text(f.at(7), 1024);
        auto target = text(f.at(9), 64 * 1024);
        if (!user || !group || !target)
            return err(QStringLiteral("invalid base64 in the STAT of %1").arg(st.path));
        st.mode = *mode;
        st.uid = uint(*uid);
        st.gid = uint(*gid);
        st.user = *user;
        st.group = *group;
        st.size = *size;
        st.linkTarget = *target;
        if (st.type != FileStat::Type::Symlink && !st.linkTarget.isEmpty())
            return err(
                QStringLiteral("link target given for %1, which is not a symlink").arg(st.path));
        m_snap.stats.insert(st.path, st);
        return std::nullopt;
    }
    if (tag == "FILE") {
        if (auto e = need(f, 6, "FILE"))
            return e;
        FileContent fc;
        if (auto e = path(f.at(1), &fc.path))
            return e;
        if (m_snap.files.contains(fc.path))
            return err(QStringLiteral("duplicate FILE for %1").arg(fc.path));
        if (f.at(2) != "-") {
            if (!isSha256(f.at(2)))
                return err(QStringLiteral("malformed sha256 for %1").arg(fc.path));
            fc.sha256 = f.at(2);
        }
        auto size = parseDecimal(f.at(3), 0x7fffffffffffffffLL);
        if (!size)
            return err(QStringLiteral("malformed size for %1").arg(fc.path));
        fc.size = *size;
        const QByteArray &state = f.at(4);
        if (state == "ok" || state == "redacted") {
            if (fc.sha256.isEmpty())
                return err(QStringLiteral("content of %1 without a sha256").arg(fc.path));
            auto data = decodeBase64(f.at(5), SnapshotLimits::maxFileContent);
            if (!data)
                return err(QStringLiteral("invalid base64 or content over %1 MiB for %2")
                               .arg(SnapshotLimits::maxFileContent / (1024 * 1024))
                               .arg(fc.path));
            fc.data = *data;
            fc.redacted = state == "redacted";
            if (!fc.redacted && fc.data.size() != fc.size)
                return err(QStringLiteral("content of %1 has %2 bytes but its size is %3")
                               .arg(fc.path)
                               .arg(fc.data.size())
                               .arg(fc.size));
        } else if (state == "skipped") {
            if (!isToken(f.at(5)))
                return err(QStringLiteral("malformed skip reason for %1").arg(fc.path));
            fc.skippedCode = QString::fromLatin1(f.at(5));
            fc.skippedReason = skippedReasonText(f.at(5));
        } else {
            return err(QStringLiteral("unknown FILE state \"%1\"")
                           .arg(QString::fromLatin1(state.left(32).toPercentEncoding())));
        }
        m_snap.files.insert(fc.path, fc);
        return std::nullopt;
    }
    if (tag == "VERSION") {
        if (auto e = need(f, 4, "VERSION"))
            return e;
        if (!isToken(f.at(1)))
            return err(QStringLiteral("malformed component name"));
        const QString comp = QString::fromLatin1(f.at(1));
        if (m_versionKeys.contains(comp))
            return err(QStringLiteral("duplicate VERSION for %1").arg(comp));
        m_versionKeys.insert(comp);
        auto v = text(f.at(2), 1024);
        if (!v)
            return err(QStringLiteral("invalid base64 in the VERSION of %1").arg(comp));
        if (!isToken(f.at(3)))
            return err(QStringLiteral("malformed VERSION source"));
        m_snap.versions.insert(comp, *v);
        // optional: the process the binary version came from (PID:STARTTIME:BOOTID)
        if (f.size() > 4 && !f.at(4).isEmpty()) {
            static const QRegularExpression process(
                QStringLiteral("^[0-9]{1,10}:[0-9]{1,20}:[0-9a-f-]{1,64}$"));
            const QString p = QString::fromLatin1(f.at(4));
            if (!process.match(p).hasMatch())
                return err(QStringLiteral("malformed VERSION process"));
            m_snap.versionProcesses.insert(comp, p);
        }
        return std::nullopt;
    }
    if (tag == "WARN") {
        if (auto e = need(f, 2, "WARN"))
            return e;
        auto v = text(f.at(1));
        if (!v)
            return err(QStringLiteral("invalid base64 in WARN"));
        m_snap.warnings << *v;
        return std::nullopt;
    }
    // A record type from a newer collector of the same format version: skipped (doc).
    ++m_unknownCount;
    m_unknownTags.insert(tag.left(32));
    return std::nullopt;
}

} // namespace

Expected<NodeSnapshot> parseSnapshot(const QByteArray &data, const QString &sourceName)
{
    Parser parser(data, sourceName);
    return parser.run();
}

Expected<NodeSnapshot> loadSnapshotFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open: %1").arg(f.errorString()), path, 0};
    if (f.size() > SnapshotLimits::maxStream)
        return Error{QStringLiteral("snapshot is larger than %1 MiB")
                         .arg(SnapshotLimits::maxStream / (1024 * 1024)),
                     path, 0};
    return parseSnapshot(f.read(SnapshotLimits::maxStream + 1), path);
}

} // namespace kinspect
