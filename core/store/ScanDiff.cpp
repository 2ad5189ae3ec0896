#include "store/ScanDiff.h"

#include <QJsonArray>

namespace kinspect {

QString scanChangeKindName(ScanChange::Kind kind)
{
    switch (kind) {
    case ScanChange::Kind::NewFailure:
        return QStringLiteral("new-failure");
    case ScanChange::Kind::Fixed:
        return QStringLiteral("fixed");
    case ScanChange::Kind::StatusChanged:
        return QStringLiteral("status-changed");
    case ScanChange::Kind::EvidenceChanged:
        return QStringLiteral("evidence-changed");
    case ScanChange::Kind::NodeAdded:
        return QStringLiteral("node-added");
    case ScanChange::Kind::NodeRemoved:
        return QStringLiteral("node-removed");
    }
    return QString();
}

QList<ScanChange> ScanDiff::ofKind(ScanChange::Kind kind) const
{
    QList<ScanChange> out;
    for (const auto &c : changes)
        if (c.kind == kind)
            out << c;
    return out;
}

namespace {

bool isBad(Status s)
{
    return s == Status::Fail || s == Status::Error;
}

QStringList values(const ControlResult &r)
{
    QStringList out;
    for (const Evidence &e : r.evidence) {
        QString where = e.path;
        if (!e.key.isEmpty())
            where += (where.isEmpty() ? QString() : QStringLiteral(" ")) + e.key;
        out << QStringLiteral("%1 = %2").arg(where, e.actual);
    }
    return out;
}

const NodeResult *findNode(const ClusterResult &r, const QString &name)
{
    for (const auto &n : r.nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

} // namespace

ScanDiff compareScans(const ClusterResult &before, const ClusterResult &after)
{
    ScanDiff d;
    d.beforeAt = before.startedAt;
    d.afterAt = after.startedAt;
    for (const NodeResult &a : after.nodes) {
        const NodeResult *b = findNode(before, a.name);
        if (!b) {
            d.changes << ScanChange{ScanChange::Kind::NodeAdded, a.name, {}, {}, {}, {}, {}};
            for (const ControlResult &r : a.results)
                if (isBad(r.status))
                    d.changes << ScanChange{ScanChange::Kind::NewFailure,
                                            a.name,
                                            r.controlId,
                                            std::nullopt,
                                            r.status,
                                            {},
                                            values(r)};
            continue;
        }
        QHash<QString, const ControlResult *> old;
        for (const ControlResult &r : b->results)
            old.insert(r.controlId, &r);
        for (const ControlResult &r : a.results) {
            const ControlResult *o = old.value(r.controlId);
            if (!o) {
                if (isBad(r.status))
                    d.changes << ScanChange{ScanChange::Kind::NewFailure,
                                            a.name,
                                            r.controlId,
                                            std::nullopt,
                                            r.status,
                                            {},
                                            values(r)};
                continue;
            }
            const QStringList va = values(r), vb = values(*o);
            ScanChange c{
                ScanChange::Kind::StatusChanged, a.name, r.controlId, o->status, r.status, vb, va};
            if (o->status != r.status) {
                if (isBad(r.status) && !isBad(o->status))
                    c.kind = ScanChange::Kind::NewFailure;
                else if (isBad(o->status) &&
                         (r.status == Status::Pass || r.status == Status::NotApplicable))
                    c.kind = ScanChange::Kind::Fixed; // a waiver hides a failure, it fixes nothing
                d.changes << c;
            } else if (va != vb) {
                c.kind = ScanChange::Kind::EvidenceChanged;
                d.changes << c;
            }
        }
    }
    for (const NodeResult &b : before.nodes)
        if (!findNode(after, b.name))
            d.changes << ScanChange{ScanChange::Kind::NodeRemoved, b.name, {}, {}, {}, {}, {}};
    return d;
}

QJsonObject scanDiffToJson(const ScanDiff &diff)
{
    QJsonArray changes;
    QJsonObject counts;
    for (auto k : {ScanChange::Kind::NewFailure, ScanChange::Kind::Fixed,
                   ScanChange::Kind::StatusChanged, ScanChange::Kind::EvidenceChanged,
                   ScanChange::Kind::NodeAdded, ScanChange::Kind::NodeRemoved})
        counts.insert(scanChangeKindName(k), diff.count(k));
    for (const ScanChange &c : diff.changes) {
        QJsonObject o{{QStringLiteral("kind"), scanChangeKindName(c.kind)},
                      {QStringLiteral("node"), c.node}};
        if (!c.controlId.isEmpty())
            o.insert(QStringLiteral("control"), c.controlId);
        if (c.before)
            o.insert(QStringLiteral("before"), statusName(*c.before));
        if (c.after)
            o.insert(QStringLiteral("after"), statusName(*c.after));
        if (!c.beforeValues.isEmpty() || !c.afterValues.isEmpty()) {
            o.insert(QStringLiteral("beforeValues"), QJsonArray::fromStringList(c.beforeValues));
            o.insert(QStringLiteral("afterValues"), QJsonArray::fromStringList(c.afterValues));
        }
        changes.append(o);
    }
    return QJsonObject{{QStringLiteral("before"), diff.beforeId},
                       {QStringLiteral("after"), diff.afterId},
                       {QStringLiteral("beforeAt"), diff.beforeAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("afterAt"), diff.afterAt.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("counts"), counts},
                       {QStringLiteral("changes"), changes}};
}

namespace {
QString st(const std::optional<Status> &s)
{
    return s ? statusName(*s) : QStringLiteral("-");
}
} // namespace

QString scanDiffText(const ScanDiff &diff)
{
    QString out = QStringLiteral("Changes from scan %1 (%2) to scan %3 (%4)\n")
                      .arg(diff.beforeId)
                      .arg(diff.beforeAt.toUTC().toString(Qt::ISODate))
                      .arg(diff.afterId)
                      .arg(diff.afterAt.toUTC().toString(Qt::ISODate));
    const std::pair<ScanChange::Kind, const char *> groups[] = {
        {ScanChange::Kind::NewFailure, "New failures"},
        {ScanChange::Kind::Fixed, "Fixed"},
        {ScanChange::Kind::StatusChanged, "Other status changes"},
        {ScanChange::Kind::EvidenceChanged, "Changed evidence"},
        {ScanChange::Kind::NodeAdded, "Nodes added"},
        {ScanChange::Kind::NodeRemoved, "Nodes removed"}};
    for (const auto &[kind, title] : groups) {
        const auto list = diff.ofKind(kind);
        out += QStringLiteral("\n%1: %2\n").arg(QLatin1String(title)).arg(list.size());
        for (const ScanChange &c : list) {
            if (c.controlId.isEmpty()) {
                out += QStringLiteral("  %1\n").arg(c.node);
                continue;
            }
            out += QStringLiteral("  %1 %2: %3 -> %4\n")
                       .arg(c.node, c.controlId, st(c.before), st(c.after));
            if (kind == ScanChange::Kind::EvidenceChanged) {
                for (const QString &v : c.beforeValues)
                    out += QStringLiteral("    - %1\n").arg(v);
                for (const QString &v : c.afterValues)
                    out += QStringLiteral("    + %1\n").arg(v);
            }
        }
    }
    return out;
}

QString scanDiffHtml(const ScanDiff &diff)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    QString out = QStringLiteral("<section class=\"diff\"><h2>Changes since scan %1</h2>\n")
                      .arg(diff.beforeId);
    out += QStringLiteral("<p>From %1 to %2: %3 new failures, %4 fixed, %5 other status changes, "
                          "%6 with changed evidence.</p>\n")
               .arg(esc(diff.beforeAt.toUTC().toString(Qt::ISODate)),
                    esc(diff.afterAt.toUTC().toString(Qt::ISODate)))
               .arg(diff.count(ScanChange::Kind::NewFailure))
               .arg(diff.count(ScanChange::Kind::Fixed))
               .arg(diff.count(ScanChange::Kind::StatusChanged))
               .arg(diff.count(ScanChange::Kind::EvidenceChanged));
    if (diff.changes.isEmpty())
        return out + QStringLiteral("</section>\n");
    out += QStringLiteral("<table><tr><th>Change</th><th>Node</th><th>Control</th><th>Before</th>"
                          "<th>After</th><th>Values</th></tr>\n");
    for (const ScanChange &c : diff.changes) {
        QString vals;
        for (const QString &v : c.beforeValues)
            vals += QStringLiteral("&minus; %1<br>").arg(esc(v));
        for (const QString &v : c.afterValues)
            vals += QStringLiteral("+ %1<br>").arg(esc(v));
        out += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td>"
                              "<td class=\"mono\">%6</td></tr>\n")
                   .arg(esc(scanChangeKindName(c.kind)), esc(c.node), esc(c.controlId),
                        st(c.before), st(c.after), vals);
    }
    return out + QStringLiteral("</table></section>\n");
}

} // namespace kinspect
