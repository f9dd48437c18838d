#pragma once
// Edit ▸ Preferences: the interface language (the system's, English or Simplified Chinese),
// stored in QSettings and applied at the next start (widgets/language.hpp).
#include <QDialog>

class QComboBox;
class QLabel;

namespace scoville {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget* parent = nullptr);
    // Stores the choices (OK).
    void accept() override;

private:
    void languageChosen();

    QComboBox* language_ = nullptr;
    QLabel* restartNote_ = nullptr;
};

}  // namespace scoville
