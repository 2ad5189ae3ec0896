#include "catalog/CatalogLoader.h"

#include "catalog/CatalogCodec.h"

#include "util/Yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <mutex>

namespace kinspect {

namespace {

const QString kBuiltinRoot = QStringLiteral(":/benchmarks");

Expected<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read: %1").arg(f.errorString()), path, 0};
    return f.readAll();
}

std::optional<NodeType> nodeTypeFromName(const QString &name)
{
    if (name == QLatin1String("master"))
        return NodeType::Master;
    if (name == QLatin1String("etcd"))
        return NodeType::Etcd;
    if (name == QLatin1String("controlplane"))
        return NodeType::ControlPlane;
    if (name == QLatin1String("node"))
        return NodeType::Node;
    if (name == QLatin1String("policies"))
        return NodeType::Policies;
    return std::nullopt;
}

// Reads one file's parse context so helpers can name the file in errors.
struct Ctx
{
    QString file;
    Error at(const YAML::Node &n, const QString &msg) const { return yaml::errorAt(file, n, msg); }
};

std::optional<QString> optScalar(const YAML::Node &map, const char *key)
{
    const YAML::Node n = map[key];
    if (!n || n.IsNull())
        return std::nullopt;
    return yaml::str(n);
}

std::optional<Error> parseSetting(const Ctx &ctx, const YAML::Node &n, SettingRef *out)
{
    if (auto e = yaml::checkKeys(n, ctx.file,
                                 {"flag", "config", "key", "default", "configDefault", "component"},
                                 QStringLiteral("a setting")))
        return e;
    out->flag = optScalar(n, "flag").value_or(QString());
    out->config = optScalar(n, "config").value_or(QString());
    out->key = optScalar(n, "key").value_or(QString());
    out->component = optScalar(n, "component").value_or(QString());
    out->defaultValue = optScalar(n, "default");
    out->configDefault = optScalar(n, "configDefault");
    if (out->flag.isEmpty() && out->config.isEmpty())
        return ctx.at(n, QStringLiteral("a setting needs a flag or a config key"));
    if (!out->flag.isEmpty() && !out->flag.startsWith(QLatin1String("--")))
        return ctx.at(n, QStringLiteral("flag '%1' must start with --").arg(out->flag));
    return std::nullopt;
}

std::optional<Error> parseTest(const Ctx &ctx, const YAML::Node &n, Test *out)
{
    out->line = yaml::line(n);
    if (!n.IsMap())
        return ctx.at(n, QStringLiteral("a test must be a mapping"));
    if (n["all"] || n["any"]) {
        if (auto e = yaml::checkKeys(n, ctx.file, {"all", "any"}, QStringLiteral("a test group")))
            return e;
        if (n["all"] && n["any"])
            return ctx.at(n, QStringLiteral("a group is either all: or any:, not both"));
        out->kind = n["all"] ? Test::Kind::All : Test::Kind::Any;
        const YAML::Node list = n["all"] ? n["all"] : n["any"];
        if (!list.IsSequence() || list.size() == 0)
            return ctx.at(list, QStringLiteral("a test group needs a non-empty list"));
        for (const auto &child : list) {
            Test t;
            if (auto e = parseTest(ctx, child, &t))
                return e;
            out->children << t;
        }
        return std::nullopt;
    }
    if (auto e = yaml::checkKeys(
            n, ctx.file, {"setting", "file", "property", "op", "value", "ifMissing", "reason"},
            QStringLiteral("a test")))
        return e;
    const QString opText = optScalar(n, "op").value_or(QString());
    const auto op = opFromName(opText);
    if (!op)
        return ctx.at(n["op"] ? n["op"] : n, QStringLiteral("unknown operator '%1'").arg(opText));
    out->op = *op;
    if (n["value"])
        out->values = yaml::strList(n["value"]);
    if (out->values.isEmpty() && *op != Op::Present && *op != Op::Absent)
        return ctx.at(n, QStringLiteral("operator '%1' needs a value").arg(opText));
    if (*op == Op::Regex) {
        for (const QString &v : out->values)
            if (!QRegularExpression(v).isValid())
                return ctx.at(n["value"], QStringLiteral("invalid regular expression '%1'").arg(v));
    }
    if (*op == Op::Bitmask) {
        for (const QString &v : out->values) {
            bool ok = false;
            v.toUInt(&ok, 8);
            if (!ok)
                return ctx.at(n["value"], QStringLiteral("bitmask value '%1' is not octal").arg(v));
        }
    }
    const QString missing = optScalar(n, "ifMissing").value_or(QStringLiteral("error"));
    if (missing == QLatin1String("pass"))
        out->ifMissing = IfMissing::Pass;
    else if (missing == QLatin1String("fail"))
        out->ifMissing = IfMissing::Fail;
    else if (missing == QLatin1String("notApplicable"))
        out->ifMissing = IfMissing::NotApplicable;
    else if (missing == QLatin1String("error"))
        out->ifMissing = IfMissing::Error;
    else
        return ctx.at(n["ifMissing"],
                      QStringLiteral("ifMissing must be pass, fail, notApplicable or error"));
    out->reason = optScalar(n, "reason").value_or(QString());

    if (n["setting"] && n["file"])
        return ctx.at(n, QStringLiteral("a test reads either a setting or a file, not both"));
    if (n["setting"]) {
        out->kind = Test::Kind::Setting;
        if (*op == Op::Bitmask || *op == Op::Owner)
            return ctx.at(n, QStringLiteral("operator '%1' applies to files").arg(opText));
        return parseSetting(ctx, n["setting"], &out->setting);
    }
    if (!n["file"])
        return ctx.at(n, QStringLiteral("a test needs setting: or file:"));
    out->kind = Test::Kind::File;
    const YAML::Node f = n["file"];
    if (auto e = yaml::checkKeys(f, ctx.file, {"path", "pathFrom", "unit", "recursive", "glob"},
                                 QStringLiteral("a file target")))
        return e;
    if (f["path"]) {
        out->file.kind = FileTarget::Kind::Path;
        out->file.path = yaml::str(f["path"]);
    } else if (f["pathFrom"]) {
        out->file.kind = FileTarget::Kind::PathFrom;
        if (auto e = parseSetting(ctx, f["pathFrom"], &out->file.from))
            return e;
    } else if (f["unit"]) {
        out->file.kind = FileTarget::Kind::Unit;
        out->file.unit = yaml::str(f["unit"]);
    } else {
        return ctx.at(f, QStringLiteral("a file target needs path, pathFrom or unit"));
    }
    out->file.recursive = f["recursive"] && f["recursive"].as<bool>(false);
    out->file.glob = optScalar(f, "glob").value_or(QString());
    out->property = optScalar(n, "property").value_or(QString());
    if (out->property != QLatin1String("mode") && out->property != QLatin1String("owner") &&
        out->property != QLatin1String("exists"))
        return ctx.at(n, QStringLiteral("a file test's property must be mode, owner or exists"));
    return std::nullopt;
}

// Every test's expectation text, made once here instead of on every evaluation.
void prepareExpectations(Test *t)
{
    t->expectationText = describeExpectation(t->op, t->values);
    for (Test &c : t->children)
        prepareExpectations(&c);
}

std::optional<Error> parseFix(const Ctx &ctx, const YAML::Node &n, Fix *out)
{
    if (auto e = yaml::checkKeys(n, ctx.file, {"params", "actions"}, QStringLiteral("fix")))
        return e;
    const YAML::Node params = n["params"];
    if (params && !params.IsSequence())
        return ctx.at(params, QStringLiteral("fix params must be a list"));
    for (const auto &p : params ? params : YAML::Node(YAML::NodeType::Sequence)) {
        if (auto e = yaml::checkKeys(p, ctx.file, {"name", "label", "default", "validate"},
                                     QStringLiteral("a fix parameter")))
            return e;
        FixParam fp{optScalar(p, "name").value_or(QString()),
                    optScalar(p, "label").value_or(QString()),
                    optScalar(p, "default").value_or(QString()),
                    optScalar(p, "validate").value_or(QStringLiteral("none"))};
        if (fp.name.isEmpty())
            return ctx.at(p, QStringLiteral("a fix parameter needs a name"));
        out->params << fp;
    }
    static const QStringList kActions = {QStringLiteral("set"),     QStringLiteral("remove"),
                                         QStringLiteral("addItem"), QStringLiteral("removeItem"),
                                         QStringLiteral("setKey"),  QStringLiteral("chmod"),
                                         QStringLiteral("chown")};
    const YAML::Node actions = n["actions"];
    if (!actions || !actions.IsSequence() || actions.size() == 0)
        return ctx.at(n, QStringLiteral("fix needs a non-empty actions list"));
    for (const auto &a : actions) {
        if (auto e = yaml::checkKeys(
                a, ctx.file, {"action", "flag", "config", "key", "item", "value", "mode", "owner"},
                QStringLiteral("a fix action")))
            return e;
        FixAction fa;
        fa.action = optScalar(a, "action").value_or(QString());
        if (!kActions.contains(fa.action))
            return ctx.at(a, QStringLiteral("unknown fix action '%1'").arg(fa.action));
        fa.flag = optScalar(a, "flag").value_or(QString());
        fa.config = optScalar(a, "config").value_or(QString());
        fa.key = optScalar(a, "key").value_or(QString());
        fa.item = optScalar(a, "item").value_or(QString());
        fa.value = optScalar(a, "value").value_or(QString());
        fa.mode = optScalar(a, "mode").value_or(QString());
        fa.owner = optScalar(a, "owner").value_or(QString());
        out->actions << fa;
    }
    return std::nullopt;
}

QString sectionFor(const Benchmark &b, const QString &controlId)
{
    QString best;
    for (const auto &s : b.sections) {
        if ((controlId == s.id || controlId.startsWith(s.id + QLatin1Char('.'))) &&
            s.id.size() > best.size())
            best = s.id;
    }
    return best;
}

} // namespace

static Expected<bool> parseBenchmarkFileImpl(const QByteArray &data, const QString &fileName,
                                             Benchmark *b)
{
    const Ctx ctx{fileName};
    auto doc = yaml::parse(data, fileName);
    if (!doc)
        return doc.error();
    const YAML::Node root = *doc;
    if (auto e = yaml::checkKeys(
            root, fileName, {"formatVersion", "id", "title", "version", "kubernetes", "sections"},
            QStringLiteral("benchmark.yaml")))
        return *e;
    if (!root["formatVersion"] || root["formatVersion"].as<int>(0) != 1)
        return ctx.at(root, QStringLiteral("unsupported catalog formatVersion (expected 1)"));
    b->id = optScalar(root, "id").value_or(QString());
    b->title = optScalar(root, "title").value_or(QString());
    b->version = optScalar(root, "version").value_or(QString());
    if (b->id.isEmpty() || b->title.isEmpty() || b->version.isEmpty())
        return ctx.at(root, QStringLiteral("benchmark needs id, title and version"));
    if (const YAML::Node k = root["kubernetes"]) {
        b->kubernetesMin = optScalar(k, "min").value_or(QString());
        b->kubernetesMax = optScalar(k, "max").value_or(QString());
    }
    NodeType inherited = NodeType::Node;
    if (!root["sections"] || !root["sections"].IsSequence())
        return ctx.at(root, QStringLiteral("benchmark needs a sections list"));
    for (const auto &s : root["sections"]) {
        if (auto e = yaml::checkKeys(s, fileName, {"id", "title", "nodeType"},
                                     QStringLiteral("a section")))
            return *e;
        Section sec;
        sec.id = optScalar(s, "id").value_or(QString());
        sec.title = optScalar(s, "title").value_or(QString());
        if (sec.id.isEmpty() || sec.title.isEmpty())
            return ctx.at(s, QStringLiteral("a section needs an id and a title"));
        if (b->section(sec.id))
            return ctx.at(s, QStringLiteral("duplicate section id '%1'").arg(sec.id));
        if (auto nt = optScalar(s, "nodeType")) {
            const auto t = nodeTypeFromName(*nt);
            if (!t)
                return ctx.at(s["nodeType"], QStringLiteral("unknown nodeType '%1'").arg(*nt));
            inherited = *t;
        } else if (!sec.id.contains(QLatin1Char('.'))) {
            return ctx.at(s, QStringLiteral("top-level section '%1' needs a nodeType").arg(sec.id));
        }
        sec.nodeType = inherited;
        b->sections << sec;
    }
    if (b->sections.isEmpty())
        return ctx.at(root, QStringLiteral("benchmark declares no sections"));
    return true;
}

static Expected<bool> parseControlsFileImpl(const QByteArray &data, const QString &fileName,
                                            Benchmark *b)
{
    const Ctx ctx{fileName};
    auto doc = yaml::parse(data, fileName);
    if (!doc)
        return doc.error();
    const YAML::Node root = *doc;
    if (auto e = yaml::checkKeys(root, fileName, {"controls"}, QStringLiteral("a controls file")))
        return *e;
    const YAML::Node list = root["controls"];
    if (!list.IsSequence())
        return ctx.at(root, QStringLiteral("controls: must be a list"));
    for (const auto &n : list) {
        if (auto e = yaml::checkKeys(n, fileName,
                                     {"id", "title", "automated", "description", "rationale",
                                      "audit", "remediation", "impact", "defaultValue",
                                      "references", "cisControls", "check", "fix"},
                                     QStringLiteral("a control")))
            return *e;
        Control c;
        c.sourceFile = fileName;
        c.sourceLine = yaml::line(n);
        c.id = optScalar(n, "id").value_or(QString());
        if (c.id.isEmpty())
            return ctx.at(n, QStringLiteral("a control needs an id"));
        if (b->control(c.id))
            return ctx.at(n, QStringLiteral("duplicate control id '%1'").arg(c.id));
        c.title = optScalar(n, "title").value_or(QString());
        if (!n["automated"] || !n["automated"].IsScalar())
            return ctx.at(n, QStringLiteral("control %1 needs automated: true|false").arg(c.id));
        c.automated = n["automated"].as<bool>(false);
        const std::pair<const char *, QString *> texts[] = {{"description", &c.description},
                                                            {"rationale", &c.rationale},
                                                            {"audit", &c.audit},
                                                            {"remediation", &c.remediation},
                                                            {"impact", &c.impact},
                                                            {"defaultValue", &c.defaultValue}};
        for (const auto &[key, target] : texts) {
            *target = optScalar(n, key).value_or(QString()).trimmed();
            if (target->isEmpty())
                return ctx.at(n,
                              QStringLiteral("control %1 has no %2").arg(c.id, QLatin1String(key)));
        }
        if (c.title.isEmpty())
            return ctx.at(n, QStringLiteral("control %1 has no title").arg(c.id));
        c.references = yaml::strList(n["references"]);
        if (c.references.isEmpty())
            return ctx.at(n, QStringLiteral("control %1 has no references").arg(c.id));
        if (!n["cisControls"] || !n["cisControls"].IsSequence() || n["cisControls"].size() == 0)
            return ctx.at(n, QStringLiteral("control %1 has no cisControls mapping").arg(c.id));
        for (const auto &cc : n["cisControls"]) {
            if (auto e = yaml::checkKeys(cc, fileName, {"version", "id", "title"},
                                         QStringLiteral("a CIS Controls entry")))
                return *e;
            c.cisControls << CisControlRef{cc["version"].as<int>(0),
                                           optScalar(cc, "id").value_or(QString()),
                                           optScalar(cc, "title").value_or(QString())};
        }
        c.sectionId = sectionFor(*b, c.id);
        if (c.sectionId.isEmpty())
            return ctx.at(n, QStringLiteral("control %1 belongs to no declared section").arg(c.id));
        if (const YAML::Node chk = n["check"]) {
            if (auto e = yaml::checkKeys(chk, fileName, {"component", "match", "tests"},
                                         QStringLiteral("a check")))
                return *e;
            Check check;
            check.component = optScalar(chk, "component").value_or(QString());
            static const QStringList kComponents = {
                QStringLiteral("kube-apiserver"), QStringLiteral("kube-controller-manager"),
                QStringLiteral("kube-scheduler"), QStringLiteral("etcd"),
                QStringLiteral("kubelet"),        QStringLiteral("kube-proxy")};
            if (!check.component.isEmpty() && !kComponents.contains(check.component))
                return ctx.at(chk["component"],
                              QStringLiteral("unknown component '%1'").arg(check.component));
            const QString match = optScalar(chk, "match").value_or(QStringLiteral("all"));
            if (match != QLatin1String("all") && match != QLatin1String("any"))
                return ctx.at(chk["match"], QStringLiteral("match must be all or any"));
            check.matchAll = match == QLatin1String("all");
            if (!chk["tests"] || !chk["tests"].IsSequence() || chk["tests"].size() == 0)
                return ctx.at(chk, QStringLiteral("check of %1 has no tests").arg(c.id));
            for (const auto &t : chk["tests"]) {
                Test test;
                if (auto e = parseTest(ctx, t, &test))
                    return *e;
                prepareExpectations(&test);
                check.tests << test;
            }
            c.check = check;
        } else if (c.automated) {
            return ctx.at(n, QStringLiteral("automated control %1 has no check").arg(c.id));
        }
        if (const YAML::Node fx = n["fix"]) {
            Fix fix;
            if (auto e = parseFix(ctx, fx, &fix))
                return *e;
            c.fix = fix;
        }
        b->controls << c;
    }
    return true;
}

Expected<bool> CatalogLoader::parseBooleanFlags(const QByteArray &data, const QString &fileName,
                                                Benchmark *b)
{
    auto doc = yaml::parse(data, fileName);
    if (!doc)
        return doc.error();
    if (!doc->IsMap())
        return Error{QStringLiteral("expected a mapping of component -> flags"), fileName, 1};
    for (auto it = doc->begin(); it != doc->end(); ++it) {
        QSet<QString> flags;
        for (const QString &f : yaml::strList(it->second))
            flags.insert(f);
        b->booleanFlags.insert(yaml::str(it->first), flags);
    }
    return true;
}

// yaml-cpp throws on conversions of malformed values (e.g. `automated: maybe`); the loader's
// contract is errors as values, so any exception becomes an error naming the file and line.
template <typename F>
static Expected<bool> guarded(const QString &fileName, F &&f)
{
    try {
        return f();
    } catch (const YAML::Exception &e) {
        return Error{QString::fromStdString(e.msg), fileName,
                     e.mark.is_null() ? 0 : e.mark.line + 1};
    }
}

Expected<bool> CatalogLoader::parseBenchmarkFile(const QByteArray &data, const QString &fileName,
                                                 Benchmark *b)
{
    return guarded(fileName, [&] { return parseBenchmarkFileImpl(data, fileName, b); });
}

Expected<bool> CatalogLoader::parseControlsFile(const QByteArray &data, const QString &fileName,
                                                Benchmark *b)
{
    return guarded(fileName, [&] { return parseControlsFileImpl(data, fileName, b); });
}

QStringList CatalogLoader::builtinIds()
{
    QStringList ids;
    const QDir root(kBuiltinRoot);
    for (const QString &d : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(root.filePath(d) + QStringLiteral("/benchmark.yaml")))
            ids << d;
    std::sort(ids.begin(), ids.end(), [](const QString &a, const QString &b) {
        return controlIdLess(a.mid(4), b.mid(4)); // "cis-1.5.1" < "cis-1.12"
    });
    return ids;
}

Expected<Benchmark> CatalogLoader::load(const QString &idOrDir)
{
    if (idOrDir.contains(QLatin1Char('/')))
        return loadDirectory(idOrDir);
    if (!builtinIds().contains(idOrDir))
        return Error{QStringLiteral("unknown benchmark '%1' (known: %2)")
                         .arg(idOrDir, builtinIds().join(QLatin1String(", "))),
                     QString(), 0};
    // Built-in catalogs are part of the binary and never change: parse each once per process
    // (a scan with automatic selection asks for every one of them, the GUI for each new scan).
    static std::mutex mutex;
    static QHash<QString, Benchmark> cache;
    {
        const std::lock_guard<std::mutex> lock(mutex);
        if (const auto it = cache.constFind(idOrDir); it != cache.constEnd())
            return *it;
    }
    auto loaded = loadBuiltin(idOrDir);
    if (loaded) {
        const std::lock_guard<std::mutex> lock(mutex);
        cache.insert(idOrDir, *loaded);
    }
    return loaded;
}

Expected<Benchmark> CatalogLoader::loadBuiltin(const QString &id)
{
    // The compiled form made at build time (CatalogCodec.h), when the binary carries it.
    QFile compiled(QStringLiteral(":/compiled-benchmarks/") + id + QStringLiteral(".kcat"));
    if (compiled.open(QIODevice::ReadOnly)) {
        if (auto b = decodeCatalog(compiled.readAll()))
            return b;
    }
    return loadDirectory(kBuiltinRoot + QLatin1Char('/') + id);
}

bool CatalogLoader::hasCompiledBuiltins()
{
    const QStringList ids = builtinIds();
    for (const QString &id : ids)
        if (!QFile::exists(QStringLiteral(":/compiled-benchmarks/") + id + QStringLiteral(".kcat")))
            return false;
    return !ids.isEmpty();
}

QList<Benchmark> CatalogLoader::builtinHeaders()
{
    QList<Benchmark> out;
    if (hasCompiledBuiltins()) {
        // Reading a compiled catalog costs less than parsing one header file.
        for (const QString &id : builtinIds()) {
            auto b = load(id);
            if (!b)
                continue;
            Benchmark header = *b;
            header.controls.clear();
            header.booleanFlags.clear();
            out << header;
        }
        return out;
    }
    for (const QString &id : builtinIds()) {
        const QString file =
            kBuiltinRoot + QLatin1Char('/') + id + QStringLiteral("/benchmark.yaml");
        Benchmark b;
        if (auto data = readFile(file); data && parseBenchmarkFile(*data, file, &b))
            out << b;
    }
    return out;
}

Expected<Benchmark> CatalogLoader::loadDirectory(const QString &dirPath)
{
    Benchmark b;
    const QDir dir(dirPath);
    const QString benchFile = dir.filePath(QStringLiteral("benchmark.yaml"));
    auto data = readFile(benchFile);
    if (!data)
        return data.error();
    if (auto r = parseBenchmarkFile(*data, benchFile, &b); !r)
        return r.error();
    // boolean-flags.yaml lives beside the benchmark directories and is shared by all of them.
    const QString flagsFile =
        QFileInfo(dir.absolutePath()).dir().filePath(QStringLiteral("boolean-flags.yaml"));
    if (QFile::exists(flagsFile)) {
        auto fd = readFile(flagsFile);
        if (!fd)
            return fd.error();
        if (auto r = parseBooleanFlags(*fd, flagsFile, &b); !r)
            return r.error();
    }
    const QStringList files =
        dir.entryList({QStringLiteral("controls-*.yaml")}, QDir::Files, QDir::Name);
    for (const QString &f : files) {
        const QString path = dir.filePath(f);
        auto cd = readFile(path);
        if (!cd)
            return cd.error();
        if (auto r = parseControlsFile(*cd, path, &b); !r)
            return r.error();
    }
    std::sort(b.controls.begin(), b.controls.end(),
              [](const Control &x, const Control &y) { return controlIdLess(x.id, y.id); });
    return b;
}

} // namespace kinspect
