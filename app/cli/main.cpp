#include "CliCommon.h"
#include "util/SecureMemory.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>
#include <memory>

namespace {

// The PDF writer needs fonts, hence a QGuiApplication; the other commands stay headless and
// never touch a display. Looked up in argv before Qt parses it: "--format pdf", "-f pdf",
// "--format=pdf", "-f=pdf".
bool wantsPdf(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if ((!std::strcmp(a, "--format") || !std::strcmp(a, "-f") || !std::strcmp(a, "-format")) &&
            i + 1 < argc && !std::strcmp(argv[i + 1], "pdf"))
            return true;
        if (!std::strcmp(a, "--format=pdf") || !std::strcmp(a, "-f=pdf"))
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char **argv)
{
    kinspect::disableCoreDumps(); // secrets may be held from here on (util/SecureMemory.h)
    std::unique_ptr<QCoreApplication> app;
    if (wantsPdf(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // no display needed for a PDF
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("kinspect-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KINSPECT_VERSION));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return kinspect::cli::run(args);
}
