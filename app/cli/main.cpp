#include "CliCommon.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinspect-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KINSPECT_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return kinspect::cli::run(args);
}
