// The GUI's secret dialog wipes the line edit's text before the widget frees it (issue #8).

#include "prompts/SecretDialog.h"

#include <QLineEdit>
#include <QTest>

#include "FreeWatch.h" // replaces free()/realloc() of this test process

using namespace kinspect::ui;

class TestSecretDialogWipe : public QObject
{
    Q_OBJECT

private slots:
    void dialogLeavesNoCopy()
    {
        if (kSanitized)
            QSKIP("the sanitizer owns malloc/free");
        // The secret is built outside the watch and set in one go (typing it key by key would
        // leave prefixes in the buffers QLineEdit outgrows, which no widget code can wipe).
        QString secret = QStringLiteral("dialog-secret-");
        secret += QStringLiteral("31337");
        const QByteArray needle = QByteArray::fromRawData(
            reinterpret_cast<const char *>(secret.constData()), secret.size() * 2);
        char pattern[64];
        memcpy(pattern, needle.constData(), size_t(needle.size()));
        pattern[needle.size()] = 0;
        {
            auto *dialog = new SecretDialog(
                QStringLiteral("cp-1"), QStringLiteral("sudo password for kadmin on cp-1"), false);
            auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("secretEdit"));
            QVERIFY(edit);
            edit->setText(secret);
            secret.fill(QLatin1Char('x')); // ours: only the line edit holds it now
            QByteArray got = dialog->secret();
            QVERIFY(got == "dialog-secret-31337");
            got.fill('\0');
            // UTF-16 needle: bytes with zeros; the watch compares a length, not a C string.
            g_secretLen = size_t(needle.size());
            memcpy(g_secret, pattern, g_secretLen);
            g_hits = 0;
            g_watching = true;
            delete dialog;
            g_watching = false;
        }
        QCOMPARE(g_hits.load(), 0);
    }
};

QTEST_MAIN(TestSecretDialogWipe)
#include "TestSecretDialogWipe.moc"
