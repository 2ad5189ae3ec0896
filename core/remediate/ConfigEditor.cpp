#include "remediate/ConfigEditor.h"

#include "remediate/FlagEditor.h"
#include "remediate/TextEdits.h"
#include "util/Yaml.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <utility>

namespace kinspect {

namespace {

struct Entry
{
    YAML::Node key;
    YAML::Node value;
};

// The entry of `key` in `map`; a key written twice is refused (yaml::checkOnce; found by
// fuzz_yamledit: a removal took the first copy and left the second in force).
Expected<std::optional<Entry>> find(const YAML::Node &map, const QString &key, const QString &path)
{
    if (auto twice = yaml::checkOnce(map, path, key))
        return *twice;
    for (auto it = map.begin(); it != map.end(); ++it)
        if (it->first.IsScalar() && yaml::str(it->first) == key)
            return std::optional<Entry>(Entry{it->first, it->second});
    return std::optional<Entry>();
}

bool isFlow(const QByteArray &data, const YAML::Node &node)
{
    const qsizetype p = node.Mark().pos;
    return p >= 0 && p < data.size() && (data[p] == '{' || data[p] == '[');
}

int indentOf(const QByteArray &data, qsizetype pos)
{
    return int(pos - text::lineStart(data, pos));
}

// Indentation of a line and whether it holds nothing (blank) or only a comment.
struct LineInfo
{
    int indent = 0;
    bool blank = false;
    bool comment = false;
    bool dash = false; // starts with "- "
};

LineInfo lineInfo(const QByteArray &data, qsizetype ls)
{
    LineInfo li;
    qsizetype i = ls;
    while (i < data.size() && data[i] == ' ')
        ++i;
    li.indent = int(i - ls);
    const char c = i < data.size() ? data[i] : '\n';
    li.blank = c == '\n' || c == '\r';
    li.comment = c == '#';
    li.dash = c == '-' && (i + 1 >= data.size() || data[i + 1] == ' ' || data[i + 1] == '\n' ||
                           data[i + 1] == '\r');
    return li;
}

// End (exclusive) of the lines of `key: value` in a block mapping whose keys sit at `indent`:
// the key's line and every following line that is more indented (or a block sequence item at
// the same indentation), not counting trailing blank or comment lines.
qsizetype subtreeEnd(const QByteArray &data, const YAML::Node &key, const YAML::Node &value,
                     int indent)
{
    const bool seqValue = value.IsSequence();
    qsizetype at = text::lineEnd(data, key.Mark().pos);
    qsizetype ls = at;
    while (ls < data.size()) {
        const LineInfo li = lineInfo(data, ls);
        const qsizetype le = text::lineEnd(data, ls);
        if (li.blank || li.comment) {
            ls = le;
            continue;
        }
        if (li.indent > indent || (seqValue && li.indent == indent && li.dash)) {
            at = le;
            ls = le;
            continue;
        }
        break;
    }
    return at;
}

using Leaves = QList<std::pair<QStringList, QString>>;

// Every scalar of the tree with its key path, except at or on the way to `skip`. Aliases are
// walked as often as they are used, and one may name its own ancestor (`&x {c: *x}`): `budget`
// and the depth bound the walk (false: exhausted).
bool collectLeaves(const YAML::Node &node, QStringList &path, const QStringList &skip, Leaves *out,
                   int *budget)
{
    if (--*budget < 0 || path.size() > 100)
        return false;
    if (path.size() >= skip.size() && path.mid(0, skip.size()) == skip)
        return true;
    if (node.IsMap() || node.IsSequence()) {
        int i = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++i) {
            const bool map = node.IsMap();
            path << (map ? (it->first.IsScalar() ? yaml::str(it->first)
                                                 : QStringLiteral("\x01complex"))
                         : QStringLiteral("\x01%1").arg(i));
            const YAML::Node child = map ? YAML::Node(it->second) : YAML::Node(*it);
            if (!collectLeaves(child, path, skip, out, budget))
                return false;
            path.removeLast();
        }
    } else if (skip.mid(0, path.size()) != path) {
        out->append({path, node.IsScalar() ? yaml::str(node) : QStringLiteral("\x01null")});
    }
    return true;
}

// The edit changed nothing but `keyPath`: every other value reads back the same. (A key added
// after a block scalar at the end of a file without a final line break would add a line break
// to that scalar's value, for example.)
std::optional<Error> checkOthersKept(const QByteArray &before, const QByteArray &after,
                                     const QString &path, const QStringList &segs)
{
    Leaves a, b;
    for (auto [data, out] : {std::pair{&before, &a}, std::pair{&after, &b}}) {
        auto doc = yaml::parse(*data, path);
        if (!doc)
            return Error{
                QStringLiteral("the edited file would not parse: %1").arg(doc.error().message),
                path, doc.error().line};
        QStringList at;
        int budget = 200000;
        if (!collectLeaves(*doc, at, segs, out, &budget))
            return Error{QStringLiteral("the file has too many values to check an edit; change "
                                        "it by hand"),
                         path, 0};
        std::sort(out->begin(), out->end());
    }
    if (a != b)
        return Error{QStringLiteral("changing %1 here would change other settings too; change "
                                    "it by hand")
                         .arg(segs.join(QLatin1Char('.'))),
                     path, 0};
    return std::nullopt;
}

} // namespace

Expected<std::optional<QString>> ConfigEditor::value(const QByteArray &data, const QString &path,
                                                     const QString &keyPath)
{
    auto doc = yaml::parse(data, path);
    if (!doc)
        return doc.error();
    YAML::Node node = *doc;
    for (const QString &seg : keyPath.split(QLatin1Char('.'))) {
        if (!node.IsMap())
            return std::optional<QString>();
        auto e = find(node, seg, path);
        if (!e)
            return e.error();
        if (!*e)
            return std::optional<QString>();
        node = (*e)->value;
    }
    if (!node.IsScalar())
        return std::optional<QString>();
    return std::optional<QString>(yaml::str(node));
}

Expected<QByteArray> ConfigEditor::removeKey(const QByteArray &data, const QString &path,
                                             const QString &keyPath)
{
    auto doc = yaml::parse(data, path);
    if (!doc)
        return doc.error();
    YAML::Node map = *doc;
    const QStringList segs = keyPath.split(QLatin1Char('.'));
    for (int i = 0; i < segs.size(); ++i) {
        if (!map.IsMap())
            return data; // absent already
        auto found = find(map, segs[i], path);
        if (!found)
            return found.error();
        if (!*found)
            return data;
        const std::optional<Entry> &e = *found;
        if (i < segs.size() - 1) {
            map = e->value;
            continue;
        }
        if (isFlow(data, map))
            return yaml::errorAt(path, e->key,
                                 QStringLiteral("cannot remove %1 from a flow-style (JSON) "
                                                "mapping; remove it by hand")
                                     .arg(keyPath));
        const qsizetype keyPos = e->key.Mark().pos;
        const qsizetype ls = text::lineStart(data, keyPos);
        const int indent = indentOf(data, keyPos);
        // The key must start its line ("  key: v"), not follow a dash ("- key: v").
        if (data.mid(ls, keyPos - ls).trimmed().size() > 0)
            return yaml::errorAt(
                path, e->key,
                QStringLiteral("cannot remove %1 here; remove it by hand").arg(keyPath));
        const qsizetype end = subtreeEnd(data, e->key, e->value, indent);
        auto out = applyTextEdits(data, {TextEdit{ls, end - ls, QByteArray()}});
        if (!out)
            return Error{out.error().message, path, 0};
        auto check = ConfigEditor::value(*out, path, keyPath);
        if (!check)
            return Error{
                QStringLiteral("the edited file would not parse: %1").arg(check.error().message),
                path, check.error().line};
        if (check->has_value())
            return Error{QStringLiteral("internal: %1 is still set").arg(keyPath), path, 0};
        if (auto changed = checkOthersKept(data, *out, path, segs))
            return *changed;
        return *out;
    }
    return data;
}

Expected<QByteArray> ConfigEditor::setKey(const QByteArray &data, const QString &path,
                                          const QString &keyPath, const QString &value)
{
    auto doc = yaml::parse(data, path);
    if (!doc)
        return doc.error();
    const QStringList segs = keyPath.split(QLatin1Char('.'));
    const QByteArray eol = text::lineBreak(data);
    TextEdit edit;
    YAML::Node map = *doc;
    if (!map.IsMap() && !map.IsNull())
        return Error{QStringLiteral("the file is not a mapping of settings"), path, 1};
    int depth = 0;
    bool done = false;
    if (map.IsMap()) {
        for (; depth < segs.size(); ++depth) {
            auto found = find(map, segs[depth], path);
            if (!found)
                return found.error();
            if (!*found)
                break;
            const std::optional<Entry> &e = *found;
            if (depth == segs.size() - 1) {
                if (!e->value.IsScalar())
                    return yaml::errorAt(path, e->key,
                                         QStringLiteral("%1 is not a single value; change it by "
                                                        "hand")
                                             .arg(keyPath));
                if (yaml::str(e->value) == value)
                    return data; // already so
                const qsizetype pos = e->value.Mark().pos;
                const char c0 = pos < data.size() ? data[pos] : 0;
                const char quote = (c0 == '"' || c0 == '\'') ? c0 : 0;
                const bool flow = isFlow(data, map);
                const qsizetype len = yamltext::scalarLength(data, pos, quote, flow);
                const auto decoded =
                    len > 0 ? yamltext::decodeScalar(data.mid(pos, len), quote) : std::nullopt;
                if (!decoded || *decoded != yaml::str(e->value))
                    return yaml::errorAt(path, e->value,
                                         QStringLiteral("the value of %1 is written in a form "
                                                        "Kinspect does not rewrite; change it by "
                                                        "hand")
                                             .arg(keyPath));
                // A boolean or a number is written plain (typed), whatever quoting the old
                // value had: the kubelet refuses "true" as a string for a boolean field.
                const char style = yamltext::looksTyped(value) ? 0 : quote;
                edit = TextEdit{pos, len, yamltext::encodeScalar(value, style, flow, true)};
                done = true;
                break;
            }
            if (!e->value.IsMap())
                return yaml::errorAt(path, e->key,
                                     QStringLiteral("%1 is not a mapping")
                                         .arg(segs.mid(0, depth + 1).join(QLatin1Char('.'))));
            map = e->value;
        }
    }
    if (!done) {
        // Insert segs[depth..] into `map`.
        int indent = 0;
        int step = 2;
        qsizetype at = data.size();
        QList<Entry> children;
        if (map.IsMap()) {
            if (isFlow(data, map))
                return yaml::errorAt(path, map,
                                     QStringLiteral("cannot add %1 to a flow-style (JSON) "
                                                    "mapping; add it by hand")
                                         .arg(keyPath));
            for (auto it = map.begin(); it != map.end(); ++it)
                children << Entry{it->first, it->second};
        }
        if (!children.isEmpty()) {
            indent = indentOf(data, children.first().key.Mark().pos);
            for (const Entry &c : children) {
                if (c.value.IsMap() && c.value.size() > 0 && !isFlow(data, c.value)) {
                    const int inner = indentOf(data, c.value.begin()->first.Mark().pos);
                    if (inner > indent) {
                        step = inner - indent;
                        break;
                    }
                }
            }
            bool sorted = true;
            for (int i = 1; i < children.size(); ++i)
                sorted = sorted && yaml::str(children[i - 1].key) < yaml::str(children[i].key);
            const Entry *before = nullptr;
            if (sorted)
                for (const Entry &c : children)
                    if (yaml::str(c.key) > segs[depth]) {
                        before = &c;
                        break;
                    }
            if (before) {
                at = text::lineStart(data, before->key.Mark().pos);
                // Comments right above a key belong to it: insert above them.
                while (at > 0) {
                    const qsizetype prev = text::lineStart(data, at - 1);
                    const LineInfo li = lineInfo(data, prev);
                    if (!li.comment || li.indent != indent)
                        break;
                    at = prev;
                }
            } else {
                // After the last child's subtree.
                at = subtreeEnd(data, children.last().key, children.last().value, indent);
            }
        } else if (depth > 0) {
            return Error{
                QStringLiteral("cannot add %1 to an empty mapping; add it by hand").arg(keyPath),
                path, yaml::line(map)};
        }
        QByteArray lines;
        for (int i = depth; i < segs.size(); ++i) {
            lines += QByteArray(indent + step * (i - depth), ' ');
            lines += yamltext::encodeScalar(segs[i], 0, false) + ':';
            if (i == segs.size() - 1)
                lines += ' ' + yamltext::encodeScalar(value, 0, false, true);
            lines += eol;
        }
        if (at > 0 && data[at - 1] != '\n')
            lines = eol + lines;
        edit = TextEdit{at, 0, lines};
    }
    auto out = applyTextEdits(data, {edit});
    if (!out)
        return Error{out.error().message, path, 0};
    auto check = ConfigEditor::value(*out, path, keyPath);
    if (!check)
        return Error{
            QStringLiteral("the edited file would not parse: %1").arg(check.error().message), path,
            check.error().line};
    if (!check->has_value() || **check != value)
        return Error{QStringLiteral("internal: %1 did not read back as '%2'").arg(keyPath, value),
                     path, 0};
    if (auto changed = checkOthersKept(data, *out, path, segs))
        return *changed;
    return *out;
}

} // namespace kinspect
