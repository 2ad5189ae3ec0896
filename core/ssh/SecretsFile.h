#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace kinspect {

// What a SshOptions::secretPrompt asks for. The transport words every prompt so that its opening
// tells: "sudo password for ...", "Passphrase for key ...", "Password for ..." (and keyboard-
// interactive prompts, answered as passwords).
enum class SecretKind
{
    SudoPassword,
    Passphrase,
    Password
};
SecretKind secretKindOf(const QString &prompt);
QString secretKindName(SecretKind kind); // "sudo-password", "passphrase", "password"

// Secrets given ahead of time for scripts and CI (`--secrets-file`): lines KIND[@NODE]=SECRET,
// KIND one of sudo-password, password, passphrase; '#' comments and blank lines ignored.
// Values are wiped when the object is destroyed; nothing here is ever logged.
class SecretsFile
{
public:
    SecretsFile() = default;
    ~SecretsFile();
    SecretsFile(const SecretsFile &) = delete;
    SecretsFile &operator=(const SecretsFile &) = delete;

    // Reads `path`; on a bad line, returns false with "path:line: ..." in *error.
    bool load(const QString &path, QString *error);
    // The secret for `kind` on `node` (a node-specific entry first, then the general one).
    bool lookup(SecretKind kind, const QString &node, QByteArray *secret) const;
    bool isEmpty() const { return m_secrets.isEmpty(); }

private:
    QHash<QString, QByteArray> m_secrets; // "sudo-password@node" / "sudo-password"
};

} // namespace kinspect
