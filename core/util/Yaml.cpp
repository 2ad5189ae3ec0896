#include "util/Yaml.h"

#include <optional>

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
} // namespace

Expected<YAML::Node> parse(const QByteArray &data, const QString &fileName, qint64 maxBytes,
                           int maxAliases)
{
    if (data.size() > maxBytes)
        return Error{
            QStringLiteral("file is too large (%1 bytes, limit %2)").arg(data.size()).arg(maxBytes),
            fileName, 0};
    if (data.contains('\0'))
        return Error{QStringLiteral("file contains NUL bytes; not a text file"), fileName, 0};
    if (countAliases(data) > maxAliases)
        return Error{
            QStringLiteral("too many YAML aliases (more than %1); refusing a possible alias bomb")
                .arg(maxAliases),
            fileName, 0};
    try {
        return YAML::Load(data.toStdString());
    } catch (const YAML::Exception &e) {
        return Error{QString::fromStdString(e.msg), fileName,
                     e.mark.is_null() ? 0 : e.mark.line + 1};
    }
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

} // namespace kinspect::yaml
