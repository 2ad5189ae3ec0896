#include "prompts/ErrorAdvice.h"

#include <QCoreApplication>

namespace kinspect::ui {

ErrorAdvice ErrorAdvice::forKind(const QString &kind)
{
    if (kind == QLatin1String("unreachable"))
        return {QCoreApplication::translate("ErrorAdvice", "The node could not be reached."),
                QCoreApplication::translate("ErrorAdvice",
                                            "Check the host name and port in the inventory, that "
                                            "the node is up and that sshd listens on that port.")};
    if (kind == QLatin1String("timeout"))
        return {QCoreApplication::translate("ErrorAdvice", "The node did not answer in time."),
                QCoreApplication::translate("ErrorAdvice",
                                            "Check firewalls and the jump host, or raise the "
                                            "timeouts in the settings, then scan again.")};
    if (kind == QLatin1String("host-key"))
        return {QCoreApplication::translate("ErrorAdvice", "The node's host key was not trusted."),
                QCoreApplication::translate(
                    "ErrorAdvice",
                    "An unknown key was refused, or the key changed since it was saved. Compare "
                    "the fingerprint with the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub); "
                    "if a changed key is expected, remove the old line from known_hosts.")};
    if (kind == QLatin1String("auth"))
        return {QCoreApplication::translate("ErrorAdvice", "Authentication failed."),
                QCoreApplication::translate("ErrorAdvice",
                                            "Check the user and identity file of the node (or the "
                                            "defaults), that the key is in authorized_keys, or "
                                            "load the key into your ssh-agent.")};
    if (kind == QLatin1String("sudo"))
        return {QCoreApplication::translate("ErrorAdvice", "sudo refused to run the collector."),
                QCoreApplication::translate("ErrorAdvice",
                                            "Check the node's sudo mode (none, nopasswd, password) "
                                            "and the password, and that the user may run sh "
                                            "through sudo.")};
    if (kind == QLatin1String("collect"))
        return {QCoreApplication::translate("ErrorAdvice", "The collector failed on the node."),
                QCoreApplication::translate("ErrorAdvice",
                                            "The node needs a POSIX sh and read access to the "
                                            "Kubernetes files (root or sudo). The message names "
                                            "what failed.")};
    if (kind == QLatin1String("parse"))
        return {
            QCoreApplication::translate("ErrorAdvice", "The collector's output could not be read."),
            QCoreApplication::translate("ErrorAdvice",
                                        "A login script may print text into the session; "
                                        "export the report and file an issue with it.")};
    if (kind == QLatin1String("cancelled"))
        return {QCoreApplication::translate("ErrorAdvice", "The scan was cancelled."),
                QCoreApplication::translate("ErrorAdvice", "Scan again to audit this node.")};
    return {QCoreApplication::translate("ErrorAdvice", "The node could not be audited."),
            QCoreApplication::translate("ErrorAdvice",
                                        "Scan again; if it keeps failing, export the report "
                                        "and file an issue with it.")};
}

} // namespace kinspect::ui
