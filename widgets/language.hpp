#pragma once
// The language of the user interface: English or Simplified Chinese, by default the system's
// (QSettings "ui/language": "" = the system's, "en", "zh_CN"). The translations are Qt Linguist
// files (translations/), installed beside the program or, failing that, embedded (:/i18n).
#include <QString>
#include <QStringList>
#include <string>

class QCoreApplication;

namespace scoville {

// The languages the interface is translated into, by code: "en", "zh_CN".
QStringList availableLanguages();
// A language's name in itself ("English", "中文 (简体)"), for choosers.
QString languageName(const QString& code);

// The stored choice: "" (follow the system), or a code of availableLanguages().
QString languageSetting();
void setLanguageSetting(const QString& code);
// The language a choice means: "" follows the system's UI languages (Chinese → "zh_CN", else "en").
QString resolveLanguage(const QString& setting);

// Installs the translators of `language` (ours and Qt's own) and makes its locale the default
// (numbers in the GUI, plots); "en" installs none. False when the translation is not found.
bool installLanguage(QCoreApplication* app, const QString& language);
// The language installed last ("en" before any).
QString currentLanguage();
// The suffix of lesson fields in this language ("zh_CN"; "" for English): see core/learn/lesson.hpp.
std::string lessonLanguage();

}  // namespace scoville
