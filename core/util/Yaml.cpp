#include "util/Yaml.h"

#include <algorithm>
#include <optional>

#include <yaml-cpp/depthguard.h>

namespace kinspect::yaml {

namespace {
// Count '*alias' tokens outside quotes and comments cheaply; precise enough for a cap.
int countAliases(const QByteArray &data)
{
    int n = 0;
    bool inSingle = false, inDouble = false, inComment = false;
    char prev = '\n';
    for (char c : data) {
        if (c == '\n') {
            inComment = false;
            inSingle = inDouble = false; // flow scalars rarely span lines in configs
        } else if (!inComment && !inSingle && !inDouble) {
            if (c == '#' && (prev == ' ' || prev == '\t' || prev == '\n'))
                inComment = true;
            else if (c == '\'')
                inSingle = true;
            else if (c == '"')
                inDouble = true;
            else if (c == '*' && (prev == ' ' || prev == '\t' || prev == '[' || prev == ',' ||
                                  prev == '\n' || prev == ':'))
                ++n;
        } else if (inSingle && c == '\'') {
            inSingle = false;
        } else if (inDouble && c == '"' && prev != '\\') {
            inDouble = false;
        }
        prev = c;
    }
    return n;
}
// yaml-cpp shares an aliased node instead of copying it, so the tree a consumer walks can be
// much larger than the text (a chain of aliases of aliases doubles at each step, within any
// alias count cap) or endless (an alias of its own ancestor: `&x {c: *x}`). Walks the tree as a
// consumer would; false when it goes deeper than `depth` or visits more than `*budget` nodes.
bool walkBounded(const YAML::Node &node, int depth, qint64 *budget)
{
    if (depth < 0 || --*budget < 0)
        return false;
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            if (!walkBounded(it->first, depth - 1, budget) ||
                !walkBounded(it->second, depth - 1, budget))
                return false;
    } else if (node.IsSequence()) {
        for (const auto &item : node)
            if (!walkBounded(item, depth - 1, budget))
                return false;
    }
    return true;
}
} // namespace

int unterminatedQuoteLine(const QByteArray &data)
{
    // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input (it swallows every
    // following line into the value), where the YAML spec and Kubernetes' own parser refuse it.
    // This pass finds such a quote so a broken config is an error, not a silently wrong value.
    // It understands comments, flow/block indicators and block scalars (|, >), which is all it
    // needs to tell where a quoted scalar may start.
    const QList<QByteArray> lines = data.split('\n');
    char quote = 0;
    int quoteLine = 0;
    int blockIndent = -1; // >= 0: inside a block scalar whose parent line had this indentation
    for (int ln = 0; ln < lines.size(); ++ln) {
        const QByteArray &line = lines[ln];
        int indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        if (blockIndent >= 0) {
            if (indent >= line.size() || line.trimmed().isEmpty() || indent > blockIndent)
                continue;
            blockIndent = -1;
        }
        char prev = ' ';       // previous character
        char lastToken = '\n'; // previous non-space character on this line ('\n': none)
        for (int i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (quote) {
                if (quote == '"' && c == '\\') {
                    ++i;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'')
                        ++i;
                    else
                        quote = 0;
                }
                prev = c;
                continue;
            }
            const bool afterSpace = prev == ' ' || prev == '\t' || i == 0;
            if (c == '#' && afterSpace)
                break;
            const bool scalarStart = lastToken == '\n' || lastToken == ':' || lastToken == '-' ||
                                     lastToken == '[' || lastToken == '{' || lastToken == ',' ||
                                     lastToken == '?';
            if ((c == '"' || c == '\'') && scalarStart &&
                (afterSpace || lastToken == '[' || lastToken == '{' || lastToken == ',')) {
                quote = c;
                quoteLine = ln + 1;
            } else if ((c == '|' || c == '>') && scalarStart && afterSpace) {
                int j = i + 1;
                while (j < line.size() &&
                       (line[j] == '+' || line[j] == '-' || (line[j] >= '1' && line[j] <= '9')))
                    ++j;
                const QByteArray rest = line.mid(j).trimmed();
                if (rest.isEmpty() || rest.startsWith('#')) {
                    blockIndent = indent;
                    break;
                }
            }
            if (c != ' ' && c != '\t' && c != '\r')
                lastToken = (c == ':' || c == '-' || c == '[' || c == '{' || c == ',' || c == '?')
                                ? c
                                : 'x';
            // "key:value" is one plain scalar; only ": " (or ":" at the end) is an indicator.
            if (c == ':' && i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t' &&
                line[i + 1] != '\r')
                lastToken = 'x';
            if (c == '-' && i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t')
                lastToken = 'x';
            prev = c;
        }
    }
    return quote ? quoteLine : 0;
}

Expected<YAML::Node> parse(const QByteArray &data, const QString &fileName, qint64 maxBytes,
                           int maxAliases)
{
    if (data.size() > maxBytes)
        return Error{
            QStringLiteral("file is too large (%1 bytes, limit %2)").arg(data.size()).arg(maxBytes),
            fileName, 0};
    if (data.contains('\0'))
        return Error{QStringLiteral("file contains NUL bytes; not a text file"), fileName, 0};
    // YAML is Unicode text. yaml-cpp decodes bytes that are not UTF-8 lossily and reads on, while
    // Kubernetes (go-yaml) refuses such a file: say so, at the first bad line. A UTF-16/32 file
    // announces itself with a byte order mark and is left to yaml-cpp.
    const bool utf16or32 = data.startsWith("\xff\xfe") || data.startsWith("\xfe\xff") ||
                           data.startsWith(QByteArray("\0\0\xfe\xff", 4));
    if (!utf16or32 && !QByteArrayView(data).isValidUtf8()) {
        int line = 1;
        for (const QByteArray &l : data.split('\n')) {
            if (!QByteArrayView(l).isValidUtf8())
                break;
            ++line;
        }
        return Error{QStringLiteral("not valid UTF-8 text (YAML must be Unicode)"), fileName, line};
    }
    const int aliases = countAliases(data);
    if (aliases > maxAliases)
        return Error{
            QStringLiteral("too many YAML aliases (more than %1); refusing a possible alias bomb")
                .arg(maxAliases),
            fileName, 0};
    if (const int ql = unterminatedQuoteLine(data))
        return Error{QStringLiteral("quoted value opened here is never closed"), fileName, ql};
    YAML::Node doc;
    try {
        doc = YAML::Load(data.toStdString());
    } catch (const YAML::DeepRecursion &e) {
        // yaml-cpp's recursion guard says only "bad file": name the real problem.
        return Error{
            QStringLiteral("YAML nesting is too deep (%1 levels); refusing it").arg(e.depth()),
            fileName, e.mark.is_null() ? 0 : e.mark.line + 1};
    } catch (const YAML::Exception &e) {
        return Error{QString::fromStdString(e.msg), fileName,
                     e.mark.is_null() ? 0 : e.mark.line + 1};
    }
    qint64 budget = 100000 + 2 * data.size();
    if (aliases > 0 && !walkBounded(doc, 1000, &budget))
        return Error{QStringLiteral("YAML aliases make this document cyclic or far larger than "
                                    "its text; refusing it"),
                     fileName, 0};
    return doc;
}

QStringList strList(const YAML::Node &node)
{
    QStringList out;
    if (!node.IsDefined())
        return out;
    if (node.IsSequence()) {
        for (const auto &item : node)
            if (item.IsScalar())
                out << str(item);
    } else if (node.IsScalar()) {
        out << str(node);
    }
    return out;
}

std::optional<Error> checkKeys(const YAML::Node &node, const QString &fileName,
                               std::initializer_list<const char *> allowed, const QString &what)
{
    if (!node.IsMap())
        return errorAt(fileName, node, QStringLiteral("%1 must be a mapping").arg(what));
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        bool known = false;
        for (const char *a : allowed)
            if (key == a) {
                known = true;
                break;
            }
        if (!known)
            return errorAt(
                fileName, it->first,
                QStringLiteral("unknown key '%1' in %2").arg(QString::fromStdString(key), what));
    }
    return std::nullopt;
}

std::optional<Error> checkOnce(const YAML::Node &node, const QString &fileName, const QString &key)
{
    if (!node.IsDefined() || !node.IsMap()) // an absent key's node throws on IsMap()
        return std::nullopt;
    const std::string k = key.toStdString();
    int first = 0;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar() || it->first.Scalar() != k)
            continue;
        if (first == 0) {
            first = std::max(1, line(it->first));
            continue;
        }
        return errorAt(fileName, it->first,
                       QStringLiteral("%1 is written twice in this mapping (first on line %2); "
                                      "which one applies is unclear: fix the file by hand")
                           .arg(key)
                           .arg(first));
    }
    return std::nullopt;
}

} // namespace kinspect::yaml
