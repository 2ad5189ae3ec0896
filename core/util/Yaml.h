#pragma once

// yaml-cpp helpers shared by the loaders. Only .cpp files of kinspect_core include this
// (yaml-cpp is a private dependency of the core).

#include "util/Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

#include <yaml-cpp/yaml.h>

namespace kinspect::yaml {

// Parses a whole document. Errors carry the file name and the 1-based line of the problem.
// Refuses inputs over `maxBytes` and documents using aliases more than `maxAliases` times
// (alias bombs: yaml-cpp shares aliased nodes, but a consumer walking them would not).
Expected<YAML::Node> parse(const QByteArray &data, const QString &fileName,
                           qint64 maxBytes = 8 * 1024 * 1024, int maxAliases = 64);

// 1-based line where a quoted scalar opens that is never closed; 0 when all are closed.
int unterminatedQuoteLine(const QByteArray &data);

inline int line(const YAML::Node &node)
{
    const YAML::Mark m = node.Mark();
    return m.is_null() ? 0 : m.line + 1;
}

inline QString str(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

// A scalar, or a sequence of scalars, as a list of strings.
QStringList strList(const YAML::Node &node);

// Error for `node` in `fileName`.
inline Error errorAt(const QString &fileName, const YAML::Node &node, const QString &message)
{
    return Error{message, fileName, line(node)};
}

// `key` is written at most once in map `node` (yaml-cpp keeps every copy and its lookups see
// the first; Kubernetes' readers take the last or refuse the file). An edit of one copy would
// leave another in force, so editors refuse such a file, naming both lines.
std::optional<Error> checkOnce(const YAML::Node &node, const QString &fileName, const QString &key);

// Every key of map `node` must be in `allowed`; returns an error naming the first stranger.
std::optional<Error> checkKeys(const YAML::Node &node, const QString &fileName,
                               std::initializer_list<const char *> allowed, const QString &what);

} // namespace kinspect::yaml
