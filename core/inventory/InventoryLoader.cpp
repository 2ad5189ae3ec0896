#include "inventory/Inventory.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <optional>
#include <sstream>

namespace kinspect {

namespace {

// yaml-cpp shares one node per anchor, but anything walking the tree recursively (and every
// future refactoring) would expand an alias bomb; the inventory format has no use for anchors,
// so the first pass refuses them outright, together with multi-document files.
class StructureCheck : public YAML::EventHandler
{
public:
    std::optional<std::pair<int, QString>> problem;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        checkAnchor(mark, anchor);
    }
    void OnAlias(const YAML::Mark &mark, YAML::anchor_t) override
    {
        fail(mark, QStringLiteral("YAML aliases (*name) are not allowed in an inventory"));
    }
    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &) override
    {
        checkAnchor(mark, anchor);
    }
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        checkAnchor(mark, anchor);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        checkAnchor(mark, anchor);
    }
    void OnMapEnd() override {}
    void OnAnchor(const YAML::Mark &mark, const std::string &) override
    {
        fail(mark, QStringLiteral("YAML anchors (&name) are not allowed in an inventory"));
    }

private:
    void checkAnchor(const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (anchor != YAML::NullAnchor)
            fail(mark, QStringLiteral("YAML anchors (&name) are not allowed in an inventory"));
    }
    void fail(const YAML::Mark &mark, const QString &message)
    {
        if (!problem)
            problem = std::make_pair(mark.line + 1, message);
    }
};

int lineOf(const YAML::Node &node)
{
    const YAML::Mark m = node.Mark();
    return m.line >= 0 ? m.line + 1 : 0;
}

bool hasControlCharacter(const QString &s)
{
    for (QChar c : s) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u <= 0x9f) || u == 0x2028 || u == 0x2029)
            return true;
    }
    return false;
}

// Thrown only inside this file to unwind the recursive validation; converted to an Error value
// before leaving loadInventoryFromData().
struct LoadError
{
    int line;
    QString message;
};

[[noreturn]] void fail(const YAML::Node &at, const QString &message)
{
    throw LoadError{lineOf(at), message};
}

QString keyName(const YAML::Node &key)
{
    if (!key.IsScalar())
        fail(key, QStringLiteral("a mapping key must be a plain string"));
    return QString::fromStdString(key.Scalar());
}

// Checks a mapping's keys against `allowed` and refuses duplicates (yaml-cpp keeps both).
void checkKeys(const YAML::Node &map, const QString &what, const QStringList &allowed)
{
    QSet<QString> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyName(it->first);
        if (!allowed.contains(key)) {
            fail(it->first, QStringLiteral("unknown key \"%1\" in %2 (allowed: %3)")
                                .arg(key, what, allowed.join(QLatin1String(", "))));
        }
        if (seen.contains(key))
            fail(it->first, QStringLiteral("duplicate key \"%1\" in %2").arg(key, what));
        seen.insert(key);
    }
}

QString scalarString(const YAML::Node &value, const QString &field)
{
    if (value.IsNull())
        fail(value, QStringLiteral("\"%1\" has no value").arg(field));
    if (!value.IsScalar())
        fail(value, QStringLiteral("\"%1\" must be a string").arg(field));
    const QString s = QString::fromStdString(value.Scalar());
    if (hasControlCharacter(s))
        fail(value, QStringLiteral("\"%1\" contains a control character").arg(field));
    return s;
}

QString nonEmptyString(const YAML::Node &value, const QString &field)
{
    const QString s = scalarString(value, field);
    if (s.trimmed().isEmpty())
        fail(value, QStringLiteral("\"%1\" is empty").arg(field));
    return s;
}

QString hostString(const YAML::Node &value, const QString &field)
{
    const QString s = nonEmptyString(value, field);
    for (QChar c : s) {
        if (c.isSpace())
            fail(value, QStringLiteral("\"%1\" contains white space: \"%2\"").arg(field, s));
    }
    return s;
}

int portNumber(const YAML::Node &value)
{
    if (!value.IsScalar())
        fail(value, QStringLiteral("\"port\" must be a number from 1 to 65535"));
    const QString s = QString::fromStdString(value.Scalar());
    bool ok = false;
    const int port = s.toInt(&ok, 10);
    if (!ok || port < 1 || port > 65535)
        fail(value, QStringLiteral("bad port \"%1\": must be a number from 1 to 65535").arg(s));
    return port;
}

NodeSpec::SudoMode sudoMode(const YAML::Node &value)
{
    const QString s = scalarString(value, QStringLiteral("sudo"));
    if (s == QLatin1String("none"))
        return NodeSpec::SudoMode::None;
    if (s == QLatin1String("nopasswd"))
        return NodeSpec::SudoMode::NoPasswd;
    if (s == QLatin1String("password"))
        return NodeSpec::SudoMode::Password;
    fail(value, QStringLiteral("bad sudo mode \"%1\": use none, nopasswd or password").arg(s));
}

QStringList roleList(const YAML::Node &value)
{
    if (!value.IsSequence())
        fail(value, QStringLiteral("\"roles\" must be a list, e.g. [control-plane, etcd]"));
    QStringList roles;
    for (const YAML::Node &r : value) {
        const QString role = nonEmptyString(r, QStringLiteral("roles"));
        if (!roles.contains(role))
            roles << role;
    }
    return roles;
}

QString identityPath(const YAML::Node &value)
{
    return expandHome(nonEmptyString(value, QStringLiteral("identityFile")));
}

NodeSpec parseDefaults(const YAML::Node &map)
{
    NodeSpec d;
    if (!map.IsMap())
        fail(map, QStringLiteral("\"defaults\" must be a mapping, e.g. {user: root, port: 22}"));
    checkKeys(map, QStringLiteral("defaults"),
              {QStringLiteral("user"), QStringLiteral("port"), QStringLiteral("identityFile"),
               QStringLiteral("sudo"), QStringLiteral("jump")});
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyName(it->first);
        const YAML::Node v = it->second;
        if (key == QLatin1String("user"))
            d.user = nonEmptyString(v, key);
        else if (key == QLatin1String("port"))
            d.port = portNumber(v);
        else if (key == QLatin1String("identityFile"))
            d.identityFile = identityPath(v);
        else if (key == QLatin1String("sudo"))
            d.sudo = sudoMode(v);
        else if (key == QLatin1String("jump"))
            d.jump = nonEmptyString(v, key);
    }
    d.sourceLine = lineOf(map);
    return d;
}

NodeSpec parseNode(const YAML::Node &map, const NodeSpec &defaults)
{
    if (!map.IsMap())
        fail(map, QStringLiteral("a node must be a mapping, e.g. {name: cp-1, host: 10.0.0.11}"));
    checkKeys(map, QStringLiteral("a node"),
              {QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"),
               QStringLiteral("user"), QStringLiteral("identityFile"), QStringLiteral("roles"),
               QStringLiteral("jump"), QStringLiteral("sudo")});
    NodeSpec n = defaults;
    n.name.clear();
    n.host.clear();
    n.roles.clear();
    n.sourceLine = lineOf(map);
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyName(it->first);
        const YAML::Node v = it->second;
        if (key == QLatin1String("name"))
            n.name = nonEmptyString(v, key);
        else if (key == QLatin1String("host"))
            n.host = hostString(v, key);
        else if (key == QLatin1String("port"))
            n.port = portNumber(v);
        else if (key == QLatin1String("user"))
            n.user = nonEmptyString(v, key);
        else if (key == QLatin1String("identityFile"))
            n.identityFile = identityPath(v);
        else if (key == QLatin1String("roles"))
            n.roles = roleList(v);
        else if (key == QLatin1String("jump"))
            n.jump = v.IsNull() ? QString() : nonEmptyString(v, key); // `jump: ~` opts out
        else if (key == QLatin1String("sudo"))
            n.sudo = sudoMode(v);
    }
    if (n.host.isEmpty()) {
        fail(map, n.name.isEmpty() ? QStringLiteral("node has no \"host\"")
                                   : QStringLiteral("node \"%1\" has no \"host\"").arg(n.name));
    }
    if (n.name.isEmpty())
        n.name = n.host; // a bare {host: ...} is named after its address
    return n;
}

JumpHost parseJumpHost(const YAML::Node &map, const NodeSpec &defaults)
{
    if (!map.IsMap())
        fail(map, QStringLiteral("a jump host must be a mapping, e.g. {name: bastion, host: ...}"));
    checkKeys(map, QStringLiteral("a jump host"),
              {QStringLiteral("name"), QStringLiteral("host"), QStringLiteral("port"),
               QStringLiteral("user"), QStringLiteral("identityFile")});
    JumpHost j;
    j.user = defaults.user;
    j.identityFile = defaults.identityFile;
    for (auto it = map.begin(); it != map.end(); ++it) {
        const QString key = keyName(it->first);
        const YAML::Node v = it->second;
        if (key == QLatin1String("name"))
            j.name = nonEmptyString(v, key);
        else if (key == QLatin1String("host"))
            j.host = hostString(v, key);
        else if (key == QLatin1String("port"))
            j.port = portNumber(v);
        else if (key == QLatin1String("user"))
            j.user = nonEmptyString(v, key);
        else if (key == QLatin1String("identityFile"))
            j.identityFile = identityPath(v);
    }
    if (j.name.isEmpty())
        fail(map, QStringLiteral("jump host has no \"name\""));
    if (j.host.isEmpty())
        fail(map, QStringLiteral("jump host \"%1\" has no \"host\"").arg(j.name));
    return j;
}

Inventory parseRoot(const YAML::Node &root)
{
    Inventory inv;
    if (!root.IsMap())
        fail(root,
             QStringLiteral("the inventory must be a mapping with \"cluster\" and \"nodes\""));
    checkKeys(root, QStringLiteral("the inventory"),
              {QStringLiteral("cluster"), QStringLiteral("benchmark"), QStringLiteral("defaults"),
               QStringLiteral("nodes"), QStringLiteral("jumpHosts")});

    if (const YAML::Node c = root["cluster"])
        inv.cluster = nonEmptyString(c, QStringLiteral("cluster"));
    if (const YAML::Node b = root["benchmark"])
        inv.benchmark = nonEmptyString(b, QStringLiteral("benchmark"));
    if (const YAML::Node d = root["defaults"])
        inv.defaults = parseDefaults(d);

    if (const YAML::Node jumps = root["jumpHosts"]) {
        if (!jumps.IsSequence() && !jumps.IsNull())
            fail(jumps, QStringLiteral("\"jumpHosts\" must be a list"));
        for (const YAML::Node &j : jumps) {
            JumpHost jh = parseJumpHost(j, inv.defaults);
            if (inv.jumpHost(jh.name))
                fail(j, QStringLiteral("duplicate jump host name \"%1\"").arg(jh.name));
            inv.jumpHosts << jh;
        }
    }
    if (!inv.defaults.jump.isEmpty() && !inv.jumpHost(inv.defaults.jump)) {
        fail(root["defaults"]["jump"],
             QStringLiteral("unknown jump host \"%1\" (define it under \"jumpHosts\")")
                 .arg(inv.defaults.jump));
    }

    if (const YAML::Node nodes = root["nodes"]) {
        if (!nodes.IsSequence() && !nodes.IsNull())
            fail(nodes, QStringLiteral("\"nodes\" must be a list"));
        for (const YAML::Node &nodeMap : nodes) {
            NodeSpec n = parseNode(nodeMap, inv.defaults);
            if (const NodeSpec *prev = inv.node(n.name)) {
                fail(nodeMap, QStringLiteral("duplicate node name \"%1\" (first on line %2)")
                                  .arg(n.name)
                                  .arg(prev->sourceLine));
            }
            if (!n.jump.isEmpty() && !inv.jumpHost(n.jump)) {
                const YAML::Node at = nodeMap["jump"] ? nodeMap["jump"] : nodeMap;
                fail(at, QStringLiteral("unknown jump host \"%1\" for node \"%2\" (define it "
                                        "under \"jumpHosts\")")
                             .arg(n.jump, n.name));
            }
            inv.nodes << n;
        }
    }
    return inv;
}

} // namespace

Expected<Inventory> loadInventoryFromData(const QByteArray &data, const QString &sourceName)
{
    auto error = [&](const QString &message, int line = 0) {
        return Expected<Inventory>(Error{message, sourceName, line});
    };
    if (data.size() > MaxInventoryBytes) {
        return error(QStringLiteral("file is larger than %1 bytes; refusing to read it")
                         .arg(MaxInventoryBytes));
    }
    if (data.contains('\0'))
        return error(QStringLiteral("file contains a NUL byte; an inventory is a text file"));
    {
        QStringDecoder decoder(QStringDecoder::Utf8);
        const QString text = decoder(data);
        if (decoder.hasError())
            return error(QStringLiteral("file is not valid UTF-8"));
    }

    const std::string text = data.toStdString();
    try {
        std::istringstream in(text);
        YAML::Parser parser(in);
        StructureCheck check;
        int documents = 0;
        while (parser.HandleNextDocument(check)) {
            ++documents;
            if (check.problem)
                return error(check.problem->second, check.problem->first);
            if (documents > 1)
                return error(QStringLiteral("more than one YAML document (---) in the file"));
        }
        if (documents == 0)
            return error(QStringLiteral("the inventory is empty"));

        const YAML::Node root = YAML::Load(text);
        if (root.IsNull())
            return error(QStringLiteral("the inventory is empty"), lineOf(root));
        Inventory inv = parseRoot(root);
        inv.filePath = sourceName;
        return inv;
    } catch (const LoadError &e) {
        return error(e.message, e.line);
    } catch (const YAML::DeepRecursion &e) {
        return error(
            QStringLiteral("YAML nesting is too deep (%1 levels); refusing it").arg(e.depth()),
            e.mark.line >= 0 ? e.mark.line + 1 : 0);
    } catch (const YAML::Exception &e) {
        // e.msg is yaml-cpp's text without the position; the position goes into Error::line.
        return error(QStringLiteral("YAML syntax error: %1").arg(QString::fromStdString(e.msg)),
                     e.mark.line >= 0 ? e.mark.line + 1 : 0);
    } catch (const std::exception &e) {
        return error(
            QStringLiteral("cannot read the inventory: %1").arg(QString::fromLocal8Bit(e.what())));
    }
}

Expected<Inventory> loadInventory(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error{QStringLiteral("not a regular file"), path, 0};
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot open: %1").arg(file.errorString()), path, 0};
    // Read one byte more than allowed so an oversized file is detected without reading it all.
    const QByteArray data = file.read(MaxInventoryBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return Error{QStringLiteral("cannot read: %1").arg(file.errorString()), path, 0};
    return loadInventoryFromData(data, path);
}

} // namespace kinspect
