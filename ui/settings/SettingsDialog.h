#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace kinspect::ui {

// Application settings (stored with QSettings by the main window): language, parallel jobs and
// SSH timeouts.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void setLanguage(const QString &language); // "" = system
    QString language() const;
    void setPalette(const QString &palette); // system | light | dark
    QString paletteName() const;
    void setJobs(int jobs);
    int jobs() const;
    void setConnectTimeout(int seconds);
    int connectTimeout() const;

private:
    QComboBox *m_language;
    QComboBox *m_palette;
    QSpinBox *m_jobs;
    QSpinBox *m_timeout;
};

} // namespace kinspect::ui
