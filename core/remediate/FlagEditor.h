#pragma once

#include "util/Expected.h"

#include <QByteArray>
#include <QSet>
#include <QString>
#include <QStringList>

namespace kinspect {

// One change to a component's command-line flags, as the catalog's `fix:` actions describe it.
struct FlagChange
{
    enum class Op
    {
        Set,        // --flag=value (replace the effective occurrence, or add the flag)
        Remove,     // every occurrence (with its value item in the `--flag value` form)
        AddItem,    // comma list: add `item` unless present
        RemoveItem, // comma list: drop `item` from every occurrence (the flag goes when empty)
        SetKey      // k=v map (feature gates): set `key` to `value`
    };
    Op op = Op::Set;
    QString flag; // "--profiling"
    QString value;
    QString item;
    QString key;

    QString describe() const; // "set --profiling=false", "add NodeRestriction to --enable-..."
};

// Where flags live in a file.
enum class FlagFileKind
{
    Manifest,       // static-pod manifest: first container's command + args
    SystemdUnit,    // unit or drop-in: Environment= assignments and ExecStart=
    EnvironmentFile // NAME=value lines (kubeadm-flags.env, /etc/default/kubelet)
};

// Surgical flag edits. The file is parsed (yaml-cpp for manifests, a line tokenizer for systemd
// and environment files) only to LOCATE the bytes of each argv item; the change is applied to the
// original text, so everything else stays byte for byte. The result is re-parsed and checked.
class FlagEditor
{
public:
    // Does `flag` occur in the file (as an argv item, not in a comment)?
    static Expected<bool> hasFlag(const QByteArray &data, const QString &path, FlagFileKind kind,
                                  const QString &flag, const QSet<QString> &booleanFlags);
    // Does an environment variable assignment for `name` exist in the file?
    static bool hasVariable(const QByteArray &data, FlagFileKind kind, const QString &name);

    // Applies `change`. For systemd and environment files a flag that is not there yet is added
    // to the value of `insertVariable` (a NAME=value line is appended to an environment file
    // that has none). Unchanged content (already compliant) is returned as is.
    static Expected<QByteArray> edit(const QByteArray &data, const QString &path, FlagFileKind kind,
                                     const FlagChange &change, const QSet<QString> &booleanFlags,
                                     const QString &insertVariable = QString());

    // The argv items the file contributes (manifest: command + args; other kinds: every word of
    // every assignment), for checks and tests.
    static Expected<QStringList> items(const QByteArray &data, const QString &path,
                                       FlagFileKind kind);
};

namespace yamltext {
// A scalar written for YAML: `quote` 0 keeps it plain when that reads back as the same string
// (else double-quoted), '"' or '\'' force that style. `flow`: inside [..] or {..}. `allowTyped`:
// a plain `true` or `0` may stay plain (config values), else it is quoted (argv items).
QByteArray encodeScalar(const QString &value, char quote, bool flow, bool allowTyped = false);
// Does a plain scalar with this text read as a boolean, number or null (not a string)?
bool looksTyped(const QString &value);
// Length of the scalar's source text starting at `pos` (quote: its opening quote char or 0).
qsizetype scalarLength(const QByteArray &data, qsizetype pos, char quote, bool flow);
// The value a scalar's source text denotes; nullopt when it cannot be decoded simply.
std::optional<QString> decodeScalar(const QByteArray &source, char quote);
} // namespace yamltext

} // namespace kinspect
