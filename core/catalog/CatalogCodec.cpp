#include "catalog/CatalogCodec.h"

#include <QDataStream>
#include <QIODevice>

namespace kinspect {

namespace {

// Bump when any catalog struct or the layout below changes.
constexpr quint32 kMagic = 0x4b434154; // "KCAT"
constexpr quint32 kVersion = 1;

template <typename E>
void putEnum(QDataStream &s, E e)
{
    s << qint32(e);
}
template <typename E>
E getEnum(QDataStream &s)
{
    qint32 v = 0;
    s >> v;
    return E(v);
}

void put(QDataStream &s, const std::optional<QString> &v)
{
    s << bool(v);
    if (v)
        s << *v;
}
void get(QDataStream &s, std::optional<QString> *v)
{
    bool has = false;
    s >> has;
    if (has) {
        QString x;
        s >> x;
        *v = x;
    } else {
        v->reset();
    }
}

void put(QDataStream &s, const SettingRef &r)
{
    s << r.component << r.flag << r.config << r.key;
    put(s, r.defaultValue);
    put(s, r.configDefault);
}
void get(QDataStream &s, SettingRef *r)
{
    s >> r->component >> r->flag >> r->config >> r->key;
    get(s, &r->defaultValue);
    get(s, &r->configDefault);
}

void put(QDataStream &s, const Test &t)
{
    putEnum(s, t.kind);
    put(s, t.setting);
    putEnum(s, t.file.kind);
    s << t.file.path;
    put(s, t.file.from);
    s << t.file.unit << t.file.recursive << t.file.glob;
    s << t.property;
    putEnum(s, t.op);
    s << t.values;
    putEnum(s, t.ifMissing);
    s << t.reason << qint32(t.line) << t.expectationText;
    s << quint32(t.children.size());
    for (const Test &c : t.children)
        put(s, c);
}
void get(QDataStream &s, Test *t, int depth)
{
    t->kind = getEnum<Test::Kind>(s);
    get(s, &t->setting);
    t->file.kind = getEnum<FileTarget::Kind>(s);
    s >> t->file.path;
    get(s, &t->file.from);
    s >> t->file.unit >> t->file.recursive >> t->file.glob;
    s >> t->property;
    t->op = getEnum<Op>(s);
    s >> t->values;
    t->ifMissing = getEnum<IfMissing>(s);
    qint32 line = 0;
    s >> t->reason >> line >> t->expectationText;
    t->line = line;
    quint32 n = 0;
    s >> n;
    if (depth > 32 || n > 1000) {
        s.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    t->children.resize(n);
    for (Test &c : t->children)
        get(s, &c, depth + 1);
}

} // namespace

QByteArray encodeCatalog(const Benchmark &b)
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kVersion;
    s << b.id << b.title << b.version << b.kubernetesMin << b.kubernetesMax;
    s << quint32(b.sections.size());
    for (const Section &x : b.sections) {
        s << x.id << x.title;
        putEnum(s, x.nodeType);
    }
    s << b.booleanFlags;
    s << quint32(b.controls.size());
    for (const Control &c : b.controls) {
        s << c.id << c.title << c.sectionId << c.automated << c.description << c.rationale
          << c.audit << c.remediation << c.impact << c.defaultValue << c.references;
        s << quint32(c.cisControls.size());
        for (const CisControlRef &r : c.cisControls)
            s << qint32(r.version) << r.id << r.title;
        s << bool(c.check);
        if (c.check) {
            s << c.check->component << c.check->matchAll << quint32(c.check->tests.size());
            for (const Test &t : c.check->tests)
                put(s, t);
        }
        s << bool(c.fix);
        if (c.fix) {
            s << quint32(c.fix->params.size());
            for (const FixParam &p : c.fix->params)
                s << p.name << p.label << p.defaultValue << p.validate;
            s << quint32(c.fix->actions.size());
            for (const FixAction &a : c.fix->actions)
                s << a.action << a.flag << a.config << a.key << a.item << a.value << a.mode
                  << a.owner;
        }
        s << c.sourceFile << qint32(c.sourceLine);
    }
    return out;
}

Expected<Benchmark> decodeCatalog(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, version = 0;
    s >> magic >> version;
    if (magic != kMagic || version != kVersion)
        return Error{QStringLiteral("not a compiled catalog of format %1").arg(kVersion), QString(),
                     0};
    Benchmark b;
    s >> b.id >> b.title >> b.version >> b.kubernetesMin >> b.kubernetesMax;
    quint32 n = 0;
    s >> n;
    if (n > 100000)
        s.setStatus(QDataStream::ReadCorruptData);
    else
        b.sections.resize(n);
    for (Section &x : b.sections) {
        s >> x.id >> x.title;
        x.nodeType = getEnum<NodeType>(s);
    }
    s >> b.booleanFlags;
    s >> n;
    if (n > 100000)
        s.setStatus(QDataStream::ReadCorruptData);
    else
        b.controls.resize(n);
    for (Control &c : b.controls) {
        if (s.status() != QDataStream::Ok)
            break;
        s >> c.id >> c.title >> c.sectionId >> c.automated >> c.description >> c.rationale >>
            c.audit >> c.remediation >> c.impact >> c.defaultValue >> c.references;
        quint32 m = 0;
        s >> m;
        if (m > 1000)
            break;
        c.cisControls.resize(m);
        for (CisControlRef &r : c.cisControls) {
            qint32 v = 0;
            s >> v >> r.id >> r.title;
            r.version = v;
        }
        bool has = false;
        s >> has;
        if (has) {
            Check check;
            s >> check.component >> check.matchAll >> m;
            if (m > 1000)
                break;
            check.tests.resize(m);
            for (Test &t : check.tests)
                get(s, &t, 0);
            c.check = check;
        }
        s >> has;
        if (has) {
            Fix fix;
            s >> m;
            if (m > 1000)
                break;
            fix.params.resize(m);
            for (FixParam &p : fix.params)
                s >> p.name >> p.label >> p.defaultValue >> p.validate;
            s >> m;
            if (m > 1000)
                break;
            fix.actions.resize(m);
            for (FixAction &a : fix.actions)
                s >> a.action >> a.flag >> a.config >> a.key >> a.item >> a.value >> a.mode >>
                    a.owner;
            c.fix = fix;
        }
        qint32 line = 0;
        s >> c.sourceFile >> line;
        c.sourceLine = line;
    }
    if (s.status() != QDataStream::Ok || !s.atEnd())
        return Error{QStringLiteral("compiled catalog is damaged"), QString(), 0};
    return b;
}

} // namespace kinspect
