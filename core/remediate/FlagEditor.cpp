#include "remediate/FlagEditor.h"

#include "evaluate/ArgvParser.h"
#include "remediate/TextEdits.h"
#include "util/Yaml.h"

#include <QRegularExpression>

#include <optional>

namespace kinspect {

QString FlagChange::describe() const
{
    switch (op) {
    case Op::Set:
        return QStringLiteral("set %1=%2").arg(flag, value);
    case Op::Remove:
        return QStringLiteral("remove %1").arg(flag);
    case Op::AddItem:
        return QStringLiteral("add %1 to %2").arg(item, flag);
    case Op::RemoveItem:
        return QStringLiteral("remove %1 from %2").arg(item, flag);
    case Op::SetKey:
        return QStringLiteral("set %1 in %2 to %3").arg(key, flag, value);
    }
    return QString();
}

namespace yamltext {

bool looksTyped(const QString &v)
{
    // Plain scalars YAML 1.1/1.2 resolvers read as something other than a string.
    static const QRegularExpression typed(QStringLiteral(
        "^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|"
        "off|Off|OFF|y|Y|n|N|[-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|"
        "[-+]?\\.[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"));
    return typed.match(v).hasMatch();
}

namespace {
bool plainSafe(const QString &v, bool flow)
{
    if (v.isEmpty() || v.front().isSpace() || v.back().isSpace())
        return false;
    static const QString indicators = QStringLiteral("-?:,[]{}#&*!|>'\"%@`");
    const QChar c0 = v.front();
    if (indicators.contains(c0)) {
        const bool dashLike =
            c0 == QLatin1Char('-') || c0 == QLatin1Char('?') || c0 == QLatin1Char(':');
        if (!dashLike || v.size() < 2 || v[1].isSpace())
            return false;
    }
    if (v.contains(QLatin1String(": ")) || v.contains(QLatin1String(" #")) ||
        v.endsWith(QLatin1Char(':')))
        return false;
    for (QChar c : v) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
        // yaml-cpp (our own read-back) refuses `?` inside a plain flow scalar ([a?b]).
        if (flow && QStringLiteral(",[]{}?").contains(c))
            return false;
    }
    return true;
}
} // namespace

QByteArray encodeScalar(const QString &value, char quote, bool flow, bool allowTyped)
{
    if (quote == 0 && plainSafe(value, flow) && (allowTyped || !looksTyped(value))) {
        // yaml::parse's unterminated-quote check reads a quote after `- `, `[`, `{` or `,` as
        // the start of a quoted scalar: a plain value it would misread (-n{", a- 'b) is quoted,
        // or the edit would fail our own read-back.
        const QByteArray plain = value.toUtf8();
        if (yaml::unterminatedQuoteLine(flow ? "[" + plain + "]\n" : "k: " + plain + "\n") == 0)
            return plain;
    }
    if (quote == '\'') {
        QString s = value;
        s.replace(QLatin1Char('\''), QLatin1String("''"));
        return '\'' + s.toUtf8() + '\'';
    }
    QByteArray out = "\"";
    for (char c : value.toUtf8()) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + '"';
}

qsizetype scalarLength(const QByteArray &data, qsizetype pos, char quote, bool flow)
{
    const qsizetype n = data.size();
    if (quote == '"') {
        for (qsizetype i = pos + 1; i < n; ++i) {
            if (data[i] == '\\')
                ++i;
            else if (data[i] == '"')
                return i + 1 - pos;
        }
        return -1;
    }
    if (quote == '\'') {
        for (qsizetype i = pos + 1; i < n; ++i) {
            if (data[i] == '\'') {
                if (i + 1 < n && data[i + 1] == '\'')
                    ++i;
                else
                    return i + 1 - pos;
            }
        }
        return -1;
    }
    qsizetype i = pos;
    for (; i < n; ++i) {
        const char c = data[i];
        if (c == '\n' || c == '\r')
            break;
        if (c == '#' && i > pos && (data[i - 1] == ' ' || data[i - 1] == '\t'))
            break;
        if (flow && (c == ',' || c == ']' || c == '}'))
            break;
        if (c == ':' && (i + 1 >= n || data[i + 1] == ' ' || data[i + 1] == '\t' ||
                         data[i + 1] == '\n' || data[i + 1] == '\r'))
            break;
    }
    while (i > pos && (data[i - 1] == ' ' || data[i - 1] == '\t'))
        --i;
    return i - pos;
}

std::optional<QString> decodeScalar(const QByteArray &source, char quote)
{
    if (quote == 0)
        return QString::fromUtf8(source);
    if (source.size() < 2)
        return std::nullopt;
    const QByteArray inner = source.mid(1, source.size() - 2);
    if (inner.contains('\n'))
        return std::nullopt;
    if (quote == '\'') {
        QByteArray s = inner;
        s.replace("''", "'");
        return QString::fromUtf8(s);
    }
    QByteArray out;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner[i] != '\\') {
            out += inner[i];
            continue;
        }
        if (++i >= inner.size())
            return std::nullopt;
        switch (inner[i]) {
        case '\\':
        case '"':
        case '/':
            out += inner[i];
            break;
        case 't':
            out += '\t';
            break;
        default:
            return std::nullopt; // rare escapes: leave such items alone
        }
    }
    return QString::fromUtf8(out);
}

} // namespace yamltext

namespace {

// One argv item in the file: its value and where its source text is.
struct ArgToken
{
    QString value;
    qsizetype pos = 0;
    qsizetype len = 0;
    char quote = 0;
    bool editable = true; // false: a form we do not rewrite (multi-line, odd escapes)
    qsizetype end() const { return pos + len; }
};

// A run of argv items: a YAML sequence (block or flow) or the words of one assignment.
struct ArgList
{
    enum class Kind
    {
        YamlBlock,
        YamlFlow,
        Words
    };
    Kind kind = Kind::Words;
    QString name; // command | args | NAME of the variable | ExecStart
    QList<ArgToken> items;
    int firstArg = 0;       // 1 when items[0] is the program (argv[0])
    qsizetype emptyAt = -1; // where an item goes when the list is empty
};

bool looksLikeFlag(const QString &item)
{
    if (item.size() < 2 || item[0] != QLatin1Char('-'))
        return false;
    bool isNumber = false;
    item.toDouble(&isNumber);
    return !isNumber;
}

Expected<QList<ArgList>> manifestLists(const QByteArray &data, const QString &path)
{
    auto doc = yaml::parse(data, path);
    if (!doc)
        return doc.error();
    const YAML::Node root = *doc;
    if (!root.IsMap())
        return Error{QStringLiteral("not a static-pod manifest (no mapping at the top)"), path, 1};
    if (auto twice = yaml::checkOnce(root, path, QStringLiteral("spec")))
        return *twice;
    const YAML::Node spec = root["spec"];
    if (auto twice = yaml::checkOnce(spec, path, QStringLiteral("containers")))
        return *twice;
    const YAML::Node containers = spec && spec.IsMap() ? spec["containers"] : YAML::Node();
    if (!containers || !containers.IsSequence() || containers.size() == 0 || !containers[0].IsMap())
        return Error{QStringLiteral("no spec.containers in the manifest"), path,
                     spec ? yaml::line(spec) : 1};
    const YAML::Node c = containers[0];
    QList<ArgList> lists;
    for (const char *key : {"command", "args"}) {
        if (auto twice = yaml::checkOnce(c, path, QLatin1String(key)))
            return *twice;
        const YAML::Node seq = c[key];
        if (!seq || seq.IsNull())
            continue;
        if (!seq.IsSequence())
            return yaml::errorAt(
                path, seq,
                QStringLiteral("%1 of the first container is not a list").arg(QLatin1String(key)));
        ArgList l;
        l.name = QLatin1String(key);
        const qsizetype seqPos = seq.Mark().pos;
        l.kind = (seqPos >= 0 && seqPos < data.size() && data[seqPos] == '[')
                     ? ArgList::Kind::YamlFlow
                     : ArgList::Kind::YamlBlock;
        if (l.kind == ArgList::Kind::YamlFlow)
            l.emptyAt = seqPos + 1;
        l.firstArg = QLatin1String(key) == QLatin1String("command") ? 1 : 0;
        const bool flow = l.kind == ArgList::Kind::YamlFlow;
        for (const auto &item : seq) {
            if (!item.IsScalar())
                return yaml::errorAt(path, item, QStringLiteral("an argv item is not a string"));
            ArgToken t;
            t.value = yaml::str(item);
            t.pos = item.Mark().pos;
            const char c0 = t.pos < data.size() ? data[t.pos] : 0;
            t.quote = (c0 == '"' || c0 == '\'') ? c0 : 0;
            t.len = yamltext::scalarLength(data, t.pos, t.quote, flow);
            if (t.len <= 0) {
                t.len = 0;
                t.editable = false;
            } else {
                const auto decoded = yamltext::decodeScalar(data.mid(t.pos, t.len), t.quote);
                t.editable = decoded && *decoded == t.value;
            }
            if (!flow && t.editable) {
                // Block items we rewrite as lines must stand alone on their line: "  - item  # c"
                const qsizetype ls = text::lineStart(data, t.pos);
                static const QRegularExpression before(QStringLiteral("^[ \\t]*-[ \\t]+$"));
                static const QRegularExpression after(QStringLiteral("^[ \\t]*(#.*)?\\r?\\n?$"));
                const QString pre = QString::fromUtf8(data.mid(ls, t.pos - ls));
                const QString post =
                    QString::fromUtf8(data.mid(t.end(), text::lineEnd(data, t.pos) - t.end()));
                t.editable = before.match(pre).hasMatch() && after.match(post).hasMatch();
            }
            l.items << t;
        }
        lists << l;
    }
    if (lists.isEmpty())
        return Error{QStringLiteral("the first container has neither command nor args"), path,
                     yaml::line(c)};
    return lists;
}

// Splits [from, to) into whitespace-separated words.
void addWords(const QByteArray &data, qsizetype from, qsizetype to, ArgList *l)
{
    qsizetype i = from;
    while (i < to) {
        while (i < to && (data[i] == ' ' || data[i] == '\t'))
            ++i;
        if (i >= to)
            break;
        const qsizetype s = i;
        while (i < to && data[i] != ' ' && data[i] != '\t')
            ++i;
        ArgToken t;
        t.pos = s;
        t.len = i - s;
        t.value = QString::fromUtf8(data.mid(s, i - s));
        t.editable = !t.value.contains(QLatin1Char('\\'));
        l->items << t;
    }
}

// The end of a quoted section starting at `pos` (the quote), or -1.
qsizetype closingQuote(const QByteArray &data, qsizetype pos, qsizetype lineEnd)
{
    const char q = data[pos];
    for (qsizetype i = pos + 1; i < lineEnd; ++i) {
        if (q == '"' && data[i] == '\\')
            ++i;
        else if (data[i] == q)
            return i;
    }
    return -1;
}

QList<ArgList> wordLists(const QByteArray &data, FlagFileKind kind)
{
    QList<ArgList> lists;
    static const QRegularExpression envLine(
        QStringLiteral("^[ \\t]*(?:export[ \\t]+)?([A-Za-z_][A-Za-z0-9_]*)="));
    static const QRegularExpression unitLine(
        QStringLiteral("^[ \\t]*(Environment|ExecStart)[ \\t]*=[ \\t]*"));
    qsizetype ls = 0;
    while (ls < data.size()) {
        const qsizetype le = text::lineEnd(data, ls);
        qsizetype contentEnd = le;
        while (contentEnd > ls && (data[contentEnd - 1] == '\n' || data[contentEnd - 1] == '\r'))
            --contentEnd;
        const QString line = QString::fromUtf8(data.mid(ls, contentEnd - ls));
        const auto addValue = [&](const QString &name, qsizetype vs) {
            // vs: first byte of the value (maybe a quote) within [ls, contentEnd)
            ArgList l;
            l.kind = ArgList::Kind::Words;
            l.name = name;
            qsizetype ve = contentEnd;
            if (vs < contentEnd && (data[vs] == '"' || data[vs] == '\'')) {
                const qsizetype q = closingQuote(data, vs, contentEnd);
                if (q < 0)
                    return contentEnd;
                ++vs;
                ve = q;
                l.emptyAt = vs;
                addWords(data, vs, ve, &l);
                lists << l;
                return q + 1;
            }
            qsizetype e = vs;
            while (e < contentEnd && data[e] != ' ' && data[e] != '\t')
                ++e;
            ve = kind == FlagFileKind::EnvironmentFile ? contentEnd : e;
            l.emptyAt = vs;
            addWords(data, vs, ve, &l);
            lists << l;
            return ve;
        };
        const QString trimmed = line.trimmed();
        if (!trimmed.startsWith(QLatin1Char('#')) && !trimmed.startsWith(QLatin1Char(';'))) {
            if (kind == FlagFileKind::EnvironmentFile) {
                const auto m = envLine.match(line);
                if (m.hasMatch())
                    addValue(m.captured(1),
                             ls + qsizetype(line.left(m.capturedEnd(0)).toUtf8().size()));
            } else {
                const auto m = unitLine.match(line);
                if (m.hasMatch()) {
                    qsizetype i = ls + qsizetype(line.left(m.capturedEnd(0)).toUtf8().size());
                    if (m.captured(1) == QLatin1String("ExecStart")) {
                        while (i < contentEnd && QByteArray("-@:+!").contains(data[i]))
                            ++i;
                        ArgList l;
                        l.name = QStringLiteral("ExecStart");
                        l.firstArg = 1;
                        l.emptyAt = i;
                        addWords(data, i, contentEnd, &l);
                        if (!l.items.isEmpty())
                            lists << l;
                    } else {
                        // Environment=A=1 "B=2 3" ...: each assignment's value is a list.
                        while (i < contentEnd) {
                            while (i < contentEnd && (data[i] == ' ' || data[i] == '\t'))
                                ++i;
                            if (i >= contentEnd)
                                break;
                            const bool quoted = data[i] == '"' || data[i] == '\'';
                            qsizetype close = quoted ? closingQuote(data, i, contentEnd) : -1;
                            if (quoted && close < 0)
                                break;
                            const qsizetype s = quoted ? i + 1 : i;
                            const qsizetype eq = data.indexOf('=', s);
                            qsizetype itemEnd = close;
                            if (!quoted) {
                                itemEnd = s;
                                while (itemEnd < contentEnd && data[itemEnd] != ' ' &&
                                       data[itemEnd] != '\t')
                                    ++itemEnd;
                            }
                            if (eq < 0 || eq >= itemEnd) {
                                i = quoted ? close + 1 : itemEnd;
                                continue;
                            }
                            ArgList l;
                            l.name = QString::fromUtf8(data.mid(s, eq - s));
                            l.emptyAt = eq + 1;
                            addWords(data, eq + 1, itemEnd, &l);
                            lists << l;
                            i = quoted ? close + 1 : itemEnd;
                        }
                    }
                }
            }
        }
        ls = le;
    }
    return lists;
}

Expected<QList<ArgList>> listsOf(const QByteArray &data, const QString &path, FlagFileKind kind)
{
    if (kind == FlagFileKind::Manifest)
        return manifestLists(data, path);
    return wordLists(data, kind);
}

struct Occurrence
{
    int list = 0;
    int item = 0;
    int valueItem = -1; // `--flag value` form: index of the value item in the same list
    bool inlineValue = false;
    QString value;
};

QList<Occurrence> occurrences(const QList<ArgList> &lists, const QString &flag,
                              const QSet<QString> &booleanFlags)
{
    QList<Occurrence> out;
    for (int li = 0; li < lists.size(); ++li) {
        const ArgList &l = lists[li];
        for (int i = l.firstArg; i < l.items.size(); ++i) {
            const QString &v = l.items[i].value;
            if (v == QLatin1String("--"))
                break;
            if (!looksLikeFlag(v))
                continue;
            QString name = v;
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            Occurrence o{li, i, -1, false, QString()};
            if (eq >= 0) {
                name = v.left(eq);
                o.inlineValue = true;
                o.value = v.mid(eq + 1);
            } else if (!booleanFlags.contains(v) && i + 1 < l.items.size() &&
                       !looksLikeFlag(l.items[i + 1].value)) {
                o.valueItem = i + 1;
                o.value = l.items[i + 1].value;
            } else if (booleanFlags.contains(v)) {
                o.value = QStringLiteral("true");
            }
            if (name == flag)
                out << o;
            if (o.valueItem >= 0)
                ++i;
        }
    }
    return out;
}

Error notEditable(const QByteArray &data, const QString &path, const ArgToken &t)
{
    return Error{QStringLiteral("the item '%1' is written in a form Kinspect does not rewrite "
                                "(multi-line, unusual escapes or several items on one line); "
                                "edit it by hand")
                     .arg(t.value),
                 path, text::lineNumber(data, t.pos)};
}

QByteArray encodeItem(const ArgList &l, const QString &value, char quote)
{
    if (l.kind == ArgList::Kind::Words)
        return value.toUtf8();
    return yamltext::encodeScalar(value, quote, l.kind == ArgList::Kind::YamlFlow);
}

Expected<TextEdit> replaceItem(const QByteArray &data, const QString &path, const ArgList &l,
                               int index, const QString &value)
{
    const ArgToken &t = l.items[index];
    if (!t.editable)
        return notEditable(data, path, t);
    return TextEdit{t.pos, t.len, encodeItem(l, value, t.quote)};
}

// Removes items [from, to] of a list.
Expected<QList<TextEdit>> removeItems(const QByteArray &data, const QString &path, const ArgList &l,
                                      int from, int to)
{
    for (int i = from; i <= to; ++i)
        if (!l.items[i].editable)
            return notEditable(data, path, l.items[i]);
    QList<TextEdit> out;
    if (l.kind == ArgList::Kind::YamlBlock) {
        qsizetype lastLine = -1;
        for (int i = from; i <= to; ++i) {
            const qsizetype ls = text::lineStart(data, l.items[i].pos);
            if (ls == lastLine)
                continue;
            lastLine = ls;
            out << TextEdit{ls, text::lineEnd(data, ls) - ls, QByteArray()};
        }
        return out;
    }
    qsizetype s, e;
    if (from > l.firstArg || (from > 0 && l.kind == ArgList::Kind::Words)) {
        s = l.items[from - 1].end();
        e = l.items[to].end();
    } else if (to + 1 < l.items.size()) {
        s = l.items[from].pos;
        e = l.items[to + 1].pos;
    } else if (from > 0) {
        s = l.items[from - 1].end();
        e = l.items[to].end();
    } else {
        s = l.items[from].pos;
        e = l.items[to].end();
    }
    out << TextEdit{s, e - s, QByteArray()};
    return out;
}

Expected<TextEdit> insertItem(const QByteArray &data, const QString &path, const ArgList &l,
                              const QString &value)
{
    if (l.kind == ArgList::Kind::Words) {
        static const QRegularExpression safe(QStringLiteral("^[^\\s\"'\\\\$`%;#]+$"));
        if (!safe.match(value).hasMatch())
            return Error{QStringLiteral("'%1' cannot be written into a systemd or environment "
                                        "file value safely")
                             .arg(value),
                         path, 0};
        if (l.items.isEmpty())
            return TextEdit{l.emptyAt, 0, value.toUtf8()};
        return TextEdit{l.items.last().end(), 0, ' ' + value.toUtf8()};
    }
    if (l.kind == ArgList::Kind::YamlFlow) {
        if (l.items.isEmpty())
            return TextEdit{l.emptyAt, 0, yamltext::encodeScalar(value, 0, true)};
        return TextEdit{l.items.last().end(), 0, ", " + yamltext::encodeScalar(value, 0, true)};
    }
    const ArgToken &last = l.items.last();
    const qsizetype ls = text::lineStart(data, last.pos);
    const qsizetype le = text::lineEnd(data, last.pos);
    QByteArray prefix = data.mid(ls, last.pos - ls); // "        - "
    static const QRegularExpression shape(QStringLiteral("^[ \\t]*-[ \\t]+$"));
    if (!shape.match(QString::fromUtf8(prefix)).hasMatch())
        return Error{QStringLiteral("cannot tell how the list items are indented"), path,
                     text::lineNumber(data, last.pos)};
    QByteArray eol = data.mid(ls, le - ls).endsWith("\r\n") ? QByteArrayLiteral("\r\n")
                                                            : QByteArrayLiteral("\n");
    QByteArray line = prefix + yamltext::encodeScalar(value, 0, false);
    if (le == data.size() && !data.endsWith('\n'))
        return TextEdit{le, 0, text::lineBreak(data) + line};
    return TextEdit{le, 0, line + eol};
}

// Sets an occurrence's value.
Expected<QList<TextEdit>> setOccurrence(const QByteArray &data, const QString &path,
                                        const QList<ArgList> &lists, const Occurrence &o,
                                        const QString &flag, const QString &value)
{
    const ArgList &l = lists[o.list];
    if (o.valueItem >= 0) {
        auto e = replaceItem(data, path, l, o.valueItem, value);
        if (!e)
            return e.error();
        return QList<TextEdit>{*e};
    }
    auto e = replaceItem(data, path, l, o.item, flag + QLatin1Char('=') + value);
    if (!e)
        return e.error();
    return QList<TextEdit>{*e};
}

} // namespace

Expected<bool> FlagEditor::hasFlag(const QByteArray &data, const QString &path, FlagFileKind kind,
                                   const QString &flag, const QSet<QString> &booleanFlags)
{
    auto lists = listsOf(data, path, kind);
    if (!lists)
        return lists.error();
    return !occurrences(*lists, flag, booleanFlags).isEmpty();
}

bool FlagEditor::hasVariable(const QByteArray &data, FlagFileKind kind, const QString &name)
{
    if (kind == FlagFileKind::Manifest)
        return false;
    for (const ArgList &l : wordLists(data, kind))
        if (l.name == name)
            return true;
    return false;
}

Expected<QStringList> FlagEditor::items(const QByteArray &data, const QString &path,
                                        FlagFileKind kind)
{
    auto lists = listsOf(data, path, kind);
    if (!lists)
        return lists.error();
    QStringList out;
    for (const ArgList &l : *lists)
        for (const ArgToken &t : l.items)
            out << t.value;
    return out;
}

Expected<QByteArray> FlagEditor::edit(const QByteArray &data, const QString &path,
                                      FlagFileKind kind, const FlagChange &change,
                                      const QSet<QString> &booleanFlags,
                                      const QString &insertVariable)
{
    auto listsOr = listsOf(data, path, kind);
    if (!listsOr)
        return listsOr.error();
    const QList<ArgList> lists = *listsOr;
    const QList<Occurrence> occ = occurrences(lists, change.flag, booleanFlags);
    QList<TextEdit> edits;

    // Where a new flag goes.
    const auto insert = [&](const QString &item) -> std::optional<Error> {
        if (kind == FlagFileKind::Manifest) {
            // args when the manifest has it (it follows command in argv), else command.
            const ArgList *target = &lists.last();
            auto e = insertItem(data, path, *target, item);
            if (!e)
                return e.error();
            edits << *e;
            return std::nullopt;
        }
        if (insertVariable.isEmpty())
            return Error{QStringLiteral("no place to add %1 in this file").arg(change.flag), path,
                         0};
        for (int i = int(lists.size()) - 1; i >= 0; --i) {
            if (lists[i].name != insertVariable)
                continue;
            auto e = insertItem(data, path, lists[i], item);
            if (!e)
                return e.error();
            edits << *e;
            return std::nullopt;
        }
        if (kind != FlagFileKind::EnvironmentFile)
            return Error{QStringLiteral("%1 is not set in this file").arg(insertVariable), path, 0};
        ArgList empty;
        auto check = insertItem(data, path, empty, item); // validates the word
        if (!check)
            return check.error();
        QByteArray line = insertVariable.toUtf8() + "=\"" + item.toUtf8() + '"';
        const QByteArray eol = text::lineBreak(data);
        if (!data.isEmpty() && !data.endsWith('\n'))
            line = eol + line;
        edits << TextEdit{data.size(), 0, line + eol};
        return std::nullopt;
    };

    switch (change.op) {
    case FlagChange::Op::Set:
        if (occ.isEmpty()) {
            if (auto err = insert(change.flag + QLatin1Char('=') + change.value))
                return *err;
        } else if (occ.last().value != change.value) {
            auto e = setOccurrence(data, path, lists, occ.last(), change.flag, change.value);
            if (!e)
                return e.error();
            edits += *e;
        }
        break;
    case FlagChange::Op::Remove:
        for (const Occurrence &o : occ) {
            auto e = removeItems(data, path, lists[o.list], o.item,
                                 o.valueItem >= 0 ? o.valueItem : o.item);
            if (!e)
                return e.error();
            edits += *e;
        }
        break;
    case FlagChange::Op::AddItem: {
        bool present = false;
        for (const Occurrence &o : occ)
            present = present || splitList(o.value).contains(change.item);
        if (present)
            break;
        if (occ.isEmpty()) {
            if (auto err = insert(change.flag + QLatin1Char('=') + change.item))
                return *err;
            break;
        }
        const QString v = occ.last().value.trimmed();
        auto e = setOccurrence(data, path, lists, occ.last(), change.flag,
                               v.isEmpty() ? change.item : v + QLatin1Char(',') + change.item);
        if (!e)
            return e.error();
        edits += *e;
        break;
    }
    case FlagChange::Op::RemoveItem:
        for (const Occurrence &o : occ) {
            const QStringList items = splitList(o.value);
            if (!items.contains(change.item))
                continue;
            QStringList rest = items;
            rest.removeAll(change.item);
            if (rest.isEmpty()) {
                auto e = removeItems(data, path, lists[o.list], o.item,
                                     o.valueItem >= 0 ? o.valueItem : o.item);
                if (!e)
                    return e.error();
                edits += *e;
            } else {
                auto e =
                    setOccurrence(data, path, lists, o, change.flag, rest.join(QLatin1Char(',')));
                if (!e)
                    return e.error();
                edits += *e;
            }
        }
        break;
    case FlagChange::Op::SetKey: {
        // A key or value that would split into other items (`A,B` or `A=B`) reads back as a
        // different map: the edit could not be checked, and a second run would add it again.
        static const QRegularExpression mapWord(QStringLiteral("^[^\\s,=]+$"));
        if (!mapWord.match(change.key).hasMatch() || change.value.contains(QLatin1Char(',')))
            return Error{QStringLiteral("'%1=%2' is not a single key=value item of %3")
                             .arg(change.key, change.value, change.flag),
                         path, 0};
        const QString kv = change.key + QLatin1Char('=') + change.value;
        if (occ.isEmpty()) {
            if (auto err = insert(change.flag + QLatin1Char('=') + kv))
                return *err;
            break;
        }
        QStringList parts = splitList(occ.last().value);
        bool found = false;
        for (QString &p : parts) {
            if (p.section(QLatin1Char('='), 0, 0).trimmed() == change.key) {
                if (p.section(QLatin1Char('='), 1).trimmed() == change.value)
                    found = true; // already so
                else
                    p = kv;
                found = true;
            }
        }
        if (!found)
            parts << kv;
        const QString nv = parts.join(QLatin1Char(','));
        if (nv == occ.last().value)
            break;
        auto e = setOccurrence(data, path, lists, occ.last(), change.flag, nv);
        if (!e)
            return e.error();
        edits += *e;
        break;
    }
    }
    if (edits.isEmpty())
        return data;
    auto out = applyTextEdits(data, edits);
    if (!out)
        return Error{out.error().message, path, out.error().line};
    // The edit must read back as the same structure with the intended flag state.
    auto again = listsOf(*out, path, kind);
    if (!again)
        return Error{
            QStringLiteral("the edited file would not parse: %1").arg(again.error().message), path,
            again.error().line};
    const QList<Occurrence> after = occurrences(*again, change.flag, booleanFlags);
    bool good = true;
    switch (change.op) {
    case FlagChange::Op::Set:
        good = !after.isEmpty() && after.last().value == change.value;
        break;
    case FlagChange::Op::Remove:
        good = after.isEmpty();
        break;
    case FlagChange::Op::AddItem: {
        bool has = false;
        for (const Occurrence &o : after)
            has = has || splitList(o.value).contains(change.item);
        good = has;
        break;
    }
    case FlagChange::Op::RemoveItem:
        for (const Occurrence &o : after)
            good = good && !splitList(o.value).contains(change.item);
        break;
    case FlagChange::Op::SetKey:
        good = !after.isEmpty() && splitMap(after.last().value).contains(change.key) &&
               splitMap(after.last().value).value(change.key) == change.value;
        break;
    }
    if (!good)
        return Error{QStringLiteral("internal: the edit did not read back as intended (%1)")
                         .arg(change.describe()),
                     path, 0};
    return *out;
}

} // namespace kinspect
