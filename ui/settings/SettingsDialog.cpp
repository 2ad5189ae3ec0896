#include "settings/SettingsDialog.h"

#include "settings/Translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace kinspect::ui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout(this);
    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(Translations::nativeName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString &l : Translations::available())
        m_language->addItem(Translations::nativeName(l), l);
    form->addRow(tr("&Language:"), m_language);
    m_palette = new QComboBox(this);
    m_palette->setObjectName(QStringLiteral("paletteCombo"));
    m_palette->addItem(tr("System colours"), QStringLiteral("system"));
    m_palette->addItem(tr("Light"), QStringLiteral("light"));
    m_palette->addItem(tr("Dark"), QStringLiteral("dark"));
    form->addRow(tr("&Colours:"), m_palette);
    m_jobs = new QSpinBox(this);
    m_jobs->setRange(1, 256);
    form->addRow(tr("Nodes scanned at &once:"), m_jobs);
    m_timeout = new QSpinBox(this);
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    form->addRow(tr("SSH &timeout:"), m_timeout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::setLanguage(const QString &language)
{
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setPalette(const QString &palette)
{
    m_palette->setCurrentIndex(qMax(0, m_palette->findData(palette)));
}

QString SettingsDialog::paletteName() const
{
    return m_palette->currentData().toString();
}

void SettingsDialog::setJobs(int jobs)
{
    m_jobs->setValue(jobs);
}

int SettingsDialog::jobs() const
{
    return m_jobs->value();
}

void SettingsDialog::setConnectTimeout(int seconds)
{
    m_timeout->setValue(seconds);
}

int SettingsDialog::connectTimeout() const
{
    return m_timeout->value();
}

} // namespace kinspect::ui
