// libFuzzer target: the surgical editors of core/remediate on arbitrary documents and parameters.
// Input: one selector byte, then the parameters and the document separated by \x01:
//   <sel><flag or key path> \x01 <value> \x01 <item or map key> \x01 <document>
// When an edit succeeds, what the editors promise must hold (crash otherwise):
// - the result reads back: a YAML document still parses, the editor finds its own change;
// - the same edit on the result changes nothing (the editor saw its own change as done);
// - nothing else changed: the other settings of a config file and the rest of a manifest keep
//   their values, the other flags keep their order and spelling, and in systemd/environment
//   files every line that names neither the flag nor the insert variable is kept.

#include "FuzzSupport.h"

#include "remediate/ConfigEditor.h"
#include "remediate/FlagEditor.h"
#include "util/Yaml.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <utility>

using namespace kinspect;

namespace {

using Leaves = QList<std::pair<QStringList, QString>>;

// Every scalar of a YAML tree with its path (keys and sequence indexes), in a stable order.
void flatten(const YAML::Node &node, const QStringList &path, Leaves *out, int depth = 0)
{
    if (depth > 200) {
        out->append({path, QStringLiteral("<deep>")});
        return;
    }
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key =
                it->first.IsScalar() ? yaml::str(it->first) : QStringLiteral("<complex key>");
            flatten(it->second, path + QStringList{key}, out, depth + 1);
        }
        if (node.size() == 0)
            out->append({path, QStringLiteral("{}")});
    } else if (node.IsSequence()) {
        int i = 0;
        for (const auto &item : node)
            flatten(item, path + QStringList{QStringLiteral("[%1]").arg(i++)}, out, depth + 1);
        if (node.size() == 0)
            out->append({path, QStringLiteral("[]")});
    } else if (node.IsScalar()) {
        out->append({path, yaml::str(node)});
    } else {
        out->append({path, QStringLiteral("<null>")});
    }
}

// The leaves of `data` except those at or below `skip` (and the maps on the way to it, which
// an insert may create), sorted: an insert in sorted position moves no other leaf's value.
Leaves leavesExcept(const QByteArray &data, const QStringList &skip, const char *what)
{
    auto doc = yaml::parse(data, QStringLiteral("fuzz.yaml"));
    if (!doc)
        fuzz::broken(what, doc.error().message.toUtf8() + "\n" + data);
    Leaves all;
    flatten(*doc, QStringList(), &all);
    Leaves kept;
    for (const auto &leaf : all) {
        const QStringList &p = leaf.first;
        const bool under = p.size() >= skip.size() && p.mid(0, skip.size()) == skip;
        const bool above = p.size() < skip.size() && skip.mid(0, p.size()) == p;
        if (!under && !above)
            kept << leaf;
    }
    std::sort(kept.begin(), kept.end());
    return kept;
}

bool looksLikeFlag(const QString &item)
{
    if (item.size() < 2 || item[0] != QLatin1Char('-'))
        return false;
    bool isNumber = false;
    item.toDouble(&isNumber);
    return !isNumber;
}

// The flag items of a file other than `flag`, in order, as written.
QStringList otherFlags(const QByteArray &data, FlagFileKind kind, const QString &flag)
{
    auto items = FlagEditor::items(data, QStringLiteral("fuzz"), kind);
    if (!items)
        fuzz::broken("the edited file's items cannot be read", items.error().message.toUtf8());
    QStringList out;
    for (const QString &i : *items)
        if (looksLikeFlag(i) && i.section(QLatin1Char('='), 0, 0) != flag)
            out << i;
    return out;
}

// Lines of `data` (without their line break) that mention neither `a` nor `b` (when given).
QList<QByteArray> untouchedLines(const QByteArray &data, const QByteArray &a, const QByteArray &b)
{
    QList<QByteArray> out;
    for (QByteArray line : data.split('\n')) {
        while (line.endsWith('\r')) // a lone CR at the end of a file gains a line break
            line.chop(1);
        if ((a.isEmpty() || !line.contains(a)) && (b.isEmpty() || !line.contains(b)))
            out << line;
    }
    return out;
}

// Is `sub` a subsequence of `all`?
bool subsequence(const QList<QByteArray> &sub, const QList<QByteArray> &all)
{
    qsizetype j = 0;
    for (const QByteArray &s : sub) {
        while (j < all.size() && all[j] != s)
            ++j;
        if (j == all.size())
            return false;
        ++j;
    }
    return true;
}

void fuzzFlagEditor(quint8 sel, const QList<QByteArray> &p)
{
    static const FlagFileKind kinds[] = {FlagFileKind::Manifest, FlagFileKind::SystemdUnit,
                                         FlagFileKind::EnvironmentFile};
    static const FlagChange::Op ops[] = {FlagChange::Op::Set, FlagChange::Op::Remove,
                                         FlagChange::Op::AddItem, FlagChange::Op::RemoveItem,
                                         FlagChange::Op::SetKey};
    const FlagFileKind kind = kinds[(sel >> 1) % 3];
    FlagChange change;
    change.op = ops[(sel >> 3) % 5];
    change.flag = QString::fromUtf8(p[0]);
    if (!change.flag.startsWith(QLatin1String("--")))
        change.flag.prepend(QLatin1String("--"));
    change.value = QString::fromUtf8(p[1]);
    change.item = QString::fromUtf8(p[2]);
    change.key = change.item;
    const QSet<QString> booleans = {QStringLiteral("--profiling"),
                                    QStringLiteral("--anonymous-auth")};
    const QString insertVar = (sel & 0x40) ? QStringLiteral("KUBELET_EXTRA_ARGS") : QString();
    const QByteArray &doc = p[3];
    const QString path = QStringLiteral("fuzz");

    FlagEditor::hasFlag(doc, path, kind, change.flag, booleans);
    FlagEditor::hasVariable(doc, kind, insertVar);
    auto out = FlagEditor::edit(doc, path, kind, change, booleans, insertVar);
    if (!out)
        return;
    if (*out == doc)
        return;
    auto again = FlagEditor::edit(*out, path, kind, change, booleans, insertVar);
    if (!again || *again != *out)
        fuzz::broken(
            "the same flag edit on its own result is not a no-op",
            "before:\n" + doc + "\nafter:\n" + *out +
                (again ? "\nagain:\n" + *again : "\nerror: " + again.error().message.toUtf8()));
    if (otherFlags(doc, kind, change.flag) != otherFlags(*out, kind, change.flag))
        fuzz::broken("a flag edit changed other flags", "before:\n" + doc + "\nafter:\n" + *out);
    if (kind == FlagFileKind::Manifest) {
        // Everything outside the first container's command and args keeps its value.
        const QStringList c0 = {QStringLiteral("spec"), QStringLiteral("containers"),
                                QStringLiteral("[0]")};
        auto rest = [&](const QByteArray &d) {
            Leaves a = leavesExcept(d, c0 + QStringList{QStringLiteral("command")},
                                    "the edited manifest does not parse");
            Leaves kept;
            const QStringList args = c0 + QStringList{QStringLiteral("args")};
            for (const auto &leaf : a)
                if (leaf.first.mid(0, args.size()) != args)
                    kept << leaf;
            return kept;
        };
        if (rest(doc) != rest(*out))
            fuzz::broken("a flag edit changed the manifest outside command/args",
                         "before:\n" + doc + "\nafter:\n" + *out);
    } else {
        const QList<QByteArray> kept =
            untouchedLines(doc, change.flag.toUtf8(), insertVar.toUtf8());
        if (!subsequence(kept, untouchedLines(*out, QByteArray(), QByteArray())))
            fuzz::broken("a flag edit changed a line that does not name the flag",
                         "before:\n" + doc + "\nafter:\n" + *out);
    }
}

void fuzzConfigEditor(quint8 sel, const QList<QByteArray> &p)
{
    const QString keyPath = QString::fromUtf8(p[0]);
    const QString value = QString::fromUtf8(p[1]);
    const QByteArray &doc = p[3];
    const QString path = QStringLiteral("fuzz.yaml");
    const QStringList segs = keyPath.split(QLatin1Char('.'));
    ConfigEditor::value(doc, path, keyPath);
    const bool remove = sel & 0x02;
    auto out = remove ? ConfigEditor::removeKey(doc, path, keyPath)
                      : ConfigEditor::setKey(doc, path, keyPath, value);
    if (!out || *out == doc)
        return;
    auto check = ConfigEditor::value(*out, path, keyPath);
    if (!check)
        fuzz::broken("the edited config does not parse", *out);
    if (remove ? check->has_value() : (!check->has_value() || **check != value))
        fuzz::broken("the edited config does not read back",
                     "before:\n" + doc + "\nafter:\n" + *out);
    auto again = remove ? ConfigEditor::removeKey(*out, path, keyPath)
                        : ConfigEditor::setKey(*out, path, keyPath, value);
    if (!again || *again != *out)
        fuzz::broken("the same config edit on its own result is not a no-op",
                     "before:\n" + doc + "\nafter:\n" + *out);
    if (leavesExcept(doc, segs, "the original config does not parse") !=
        leavesExcept(*out, segs, "the edited config does not parse"))
        fuzz::broken("a config edit changed another setting",
                     "before:\n" + doc + "\nafter:\n" + *out);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    QList<QByteArray> p = fuzz::splitInput(data + 1, size - 1, '\x01', 4);
    while (p.size() < 4)
        p.prepend(QByteArray());
    const quint8 sel = data[0];
    if (sel & 0x01)
        fuzzConfigEditor(sel, p);
    else
        fuzzFlagEditor(sel, p);
    // encodeScalar's promise: what it writes reads back as the same string (printable text;
    // a plain `true` only where typed values are allowed).
    const QString v = QString::fromUtf8(p[1]);
    bool printable = true;
    for (QChar c : v)
        printable = printable && c.unicode() >= 0x20 && c.unicode() != 0x7f && c != QChar(0xfeff);
    if (printable) {
        const char quote = "\0\"'"[sel % 3];
        const bool flow = sel & 0x80;
        const QByteArray enc = yamltext::encodeScalar(v, quote, flow, false);
        const QByteArray docText = flow ? "[" + enc + "]\n" : "k: " + enc + "\n";
        auto parsed = yaml::parse(docText, QStringLiteral("scalar.yaml"));
        bool good = false;
        try {
            if (parsed) {
                const YAML::Node root = *parsed;
                const YAML::Node n = flow ? root[0] : root["k"];
                good = n.IsScalar() && yaml::str(n) == v &&
                       !(quote == 0 && yamltext::looksTyped(v) && n.Tag() != "!");
            }
        } catch (const YAML::Exception &) {
            good = false;
        }
        if (!good)
            fuzz::broken("encodeScalar does not read back", docText);
    }
    return 0;
}
