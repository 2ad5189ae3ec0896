// kinspect: the desktop app. Thin: parse arguments, load settings and translations, show the
// main window (ui/mainwindow/MainWindow).

#include "mainwindow/MainWindow.h"
#include "scan/ScanController.h"
#include "settings/Palettes.h"
#include "settings/Translations.h"
#include "util/SecureMemory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

#include <cstdio>

using namespace kinspect;

int main(int argc, char **argv)
{
    kinspect::disableCoreDumps(); // secrets may be held from here on (util/SecureMemory.h)
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Kinspect"));
    QApplication::setOrganizationName(QStringLiteral("Kinspect"));
    QApplication::setApplicationVersion(QStringLiteral(KINSPECT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.kinspect.Kinspect"));

    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("main", "Audits Kubernetes nodes against the CIS benchmark."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption inventory(
        {QStringLiteral("i"), QStringLiteral("inventory")},
        QCoreApplication::translate("main", "Open this inventory file."), QStringLiteral("FILE"));
    const QCommandLineOption knownHosts(
        QStringLiteral("known-hosts"),
        QCoreApplication::translate("main", "known_hosts file (default ~/.ssh/known_hosts)."),
        QStringLiteral("FILE"));
    const QCommandLineOption sshConfig(
        QStringLiteral("ssh-config"),
        QCoreApplication::translate("main", "OpenSSH client config to read ('none' for none)."),
        QStringLiteral("FILE"));
    const QCommandLineOption secrets(
        QStringLiteral("secrets-file"),
        QCoreApplication::translate("main",
                                    "Answer password prompts from KIND[@NODE]=SECRET lines."),
        QStringLiteral("FILE"));
    const QCommandLineOption result(
        QStringLiteral("result"), QCoreApplication::translate("main", "Open a saved JSON result."),
        QStringLiteral("FILE"));
    const QCommandLineOption scan(QStringLiteral("scan"),
                                  QCoreApplication::translate("main", "Start scanning at once."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main",
                                    "Save a picture of the window to FILE once the scan (or the "
                                    "loaded result) is shown, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption select(
        QStringLiteral("select"),
        QCoreApplication::translate("main",
                                    "Select the matrix cell of control ID on node NODE once the "
                                    "result is shown."),
        QStringLiteral("ID@NODE"));
    const QCommandLineOption palette(
        QStringLiteral("palette"),
        QCoreApplication::translate("main", "Colour palette: system, light or dark."),
        QStringLiteral("NAME"));
    const QCommandLineOption language(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "User interface language (en, de, fr)."),
        QStringLiteral("LANG"));
    p.addOptions({inventory, knownHosts, sshConfig, secrets, result, scan, screenshot, select,
                  palette, language});
    p.process(app);

    QSettings settings;
    ui::Translations::install(p.isSet(language)
                                  ? p.value(language)
                                  : settings.value(QStringLiteral("ui/language")).toString());
    ui::Palettes::apply(
        p.isSet(palette)
            ? p.value(palette)
            : settings.value(QStringLiteral("ui/palette"), QStringLiteral("system")).toString());

    ui::MainWindow window;
    SshOptions ssh = window.scanController()->sshOptions();
    if (p.isSet(knownHosts))
        ssh.knownHostsFile = p.value(knownHosts);
    if (p.isSet(sshConfig))
        ssh.sshConfigFile = p.value(sshConfig);
    window.setSshOptions(ssh);
    if (p.isSet(secrets)) {
        QString error;
        if (!window.loadSecretsFile(p.value(secrets), &error)) {
            std::fprintf(stderr, "kinspect: %s\n", qPrintable(error));
            return 64;
        }
    }
    const bool quiet = p.isSet(screenshot);
    if (p.isSet(inventory) && !window.openInventory(p.value(inventory), quiet)) {
        if (quiet)
            return 64;
    }
    if (p.isSet(result) && !window.openResult(p.value(result), quiet))
        if (quiet)
            return 64;
    window.show();
    if (p.isSet(select)) {
        const QString control = p.value(select).section(QLatin1Char('@'), 0, 0);
        const QString node = p.value(select).section(QLatin1Char('@'), 1);
        const auto doSelect = [&window, control, node] { window.selectCell(control, node); };
        QObject::connect(&window, &ui::MainWindow::resultShown, &window, doSelect);
        doSelect();
    }

    if (p.isSet(screenshot)) {
        const QString file = p.value(screenshot);
        const auto grab = [&window, file] {
            // Let the views lay out and paint once before grabbing.
            QTimer::singleShot(400, &window, [&window, file] {
                const bool ok = window.grab().save(file);
                std::fprintf(stderr, "kinspect: screenshot %s %s\n", qPrintable(file),
                             ok ? "written" : "FAILED");
                QCoreApplication::exit(ok ? 0 : 1);
            });
        };
        if (p.isSet(scan))
            QObject::connect(&window, &ui::MainWindow::scanFinished, &window, grab);
        else
            grab();
    }
    if (p.isSet(scan))
        QTimer::singleShot(0, &window, &ui::MainWindow::startScan);
    return app.exec();
}
