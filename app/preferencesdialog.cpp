#include "app/preferencesdialog.hpp"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/language.hpp"

namespace scoville {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    language_ = new QComboBox(this);
    language_->setObjectName(QStringLiteral("preferences:language"));
    const QString system = languageName(resolveLanguage(QString()));
    language_->addItem(tr("System (%1)").arg(system), QString());
    for (const QString& code : availableLanguages()) language_->addItem(languageName(code), code);
    language_->setCurrentIndex(std::max(0, language_->findData(languageSetting())));
    form->addRow(tr("&Language:"), language_);
    layout->addLayout(form);

    restartNote_ = new QLabel(this);
    restartNote_->setObjectName(QStringLiteral("preferences:restartNote"));
    restartNote_->setWordWrap(true);
    layout->addWidget(restartNote_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("preferences:buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    layout->addWidget(buttons);

    connect(language_, &QComboBox::currentIndexChanged, this, &PreferencesDialog::languageChosen);
    languageChosen();
}

void PreferencesDialog::languageChosen() {
    const QString chosen = resolveLanguage(language_->currentData().toString());
    restartNote_->setText(chosen == currentLanguage()
                              ? QString()
                              : tr("The interface changes to %1 when Scoville starts again.").arg(languageName(chosen)));
    restartNote_->setVisible(!restartNote_->text().isEmpty());
}

void PreferencesDialog::accept() {
    setLanguageSetting(language_->currentData().toString());
    QDialog::accept();
}

}  // namespace scoville
