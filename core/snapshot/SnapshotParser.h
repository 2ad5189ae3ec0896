#pragma once

#include "snapshot/NodeSnapshot.h"
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace kinspect {

// Limits of docs/snapshot-format.md: larger input is rejected, never silently cut.
namespace SnapshotLimits {
inline constexpr qint64 maxStream = 64 * 1024 * 1024;
inline constexpr qint64 maxLine = 16 * 1024 * 1024;
inline constexpr int maxRecords = 200000;
inline constexpr qint64 maxFileContent = 2 * 1024 * 1024;
inline constexpr qint64 maxArgv = 1024 * 1024;
inline constexpr int maxArgvItems = 100000;
inline constexpr qint64 maxHeaderSearch = 64 * 1024; // login-shell noise before the header
} // namespace SnapshotLimits

// The format version this parser reads ("kinspect-snapshot 1").
inline constexpr int snapshotFormatVersion = 1;

// Parses the collector's output (or a saved .snap file). Strict: every malformed record, a
// truncated stream (no END, wrong count, missing final newline) or bytes after END is an Error
// naming `sourceName` and the 1-based line. Records of unknown type are skipped with a warning
// (forward compatibility, see the doc); lines before the header are skipped with a warning.
Expected<NodeSnapshot> parseSnapshot(const QByteArray &data, const QString &sourceName);

// Reads a saved snapshot file (.snap) and parses it; errors name the file.
Expected<NodeSnapshot> loadSnapshotFile(const QString &path);

} // namespace kinspect
