#include "widgets/language.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace scoville {
namespace {

const QString kSettingKey = QStringLiteral("ui/language");
const QString kEnglish = QStringLiteral("en");
const QString kChinese = QStringLiteral("zh_CN");
QString gCurrent = kEnglish;

// Where an installed Scoville keeps its .qm files, relative to the GUI executable's folder
// (translations/CMakeLists.txt); the embedded copies are the fallback (a build tree, tests).
QStringList translationFolders() {
    QStringList folders;
#ifdef SCOVILLE_TRANSLATIONS_RELATIVE_DIR
    folders << QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(SCOVILLE_TRANSLATIONS_RELATIVE_DIR));
#endif
    folders << QStringLiteral(":/i18n");
    return folders;
}

QTranslator* ownTranslator = nullptr;
QTranslator* qtTranslator = nullptr;

}  // namespace

QStringList availableLanguages() { return {kEnglish, kChinese}; }

QString languageName(const QString& code) {
    if (code == kChinese) return QStringLiteral("\u4E2D\u6587 (\u7B80\u4F53)");  // 中文 (简体)
    return QStringLiteral("English");
}

QString languageSetting() {
    const QString v = QSettings().value(kSettingKey).toString();
    return availableLanguages().contains(v) ? v : QString();
}

void setLanguageSetting(const QString& code) {
    QSettings settings;
    if (code.isEmpty() || !availableLanguages().contains(code))
        settings.remove(kSettingKey);
    else
        settings.setValue(kSettingKey, code);
}

QString resolveLanguage(const QString& setting) {
    if (availableLanguages().contains(setting)) return setting;
    for (const QString& ui : QLocale::system().uiLanguages()) {
        // "zh-CN", "zh-Hans-CN", "zh": Simplified Chinese is the one Chinese translation.
        if (ui.startsWith(QLatin1String("zh"))) return kChinese;
        if (ui.startsWith(QLatin1String("en"))) return kEnglish;
    }
    return kEnglish;
}

bool installLanguage(QCoreApplication* app, const QString& language) {
    for (QTranslator** t : {&ownTranslator, &qtTranslator}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    gCurrent = kEnglish;
    if (language != kChinese) {
        // English text is the source text; numbers as the system writes them unless that is Chinese.
        QLocale::setDefault(QLocale::system().language() == QLocale::Chinese ? QLocale(QLocale::English, QLocale::UnitedStates)
                                                                             : QLocale::system());
        return true;
    }
    auto* own = new QTranslator(app);
    bool found = false;
    for (const QString& folder : translationFolders())
        if ((found = own->load(QStringLiteral("scoville_") + language, folder))) break;
    if (!found) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    ownTranslator = own;
    // Qt's own dialogs and buttons (OK, Cancel, file dialogs).
    auto* qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        qtTranslator = qt;
    } else {
        delete qt;
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China));
    gCurrent = language;
    return true;
}

QString currentLanguage() { return gCurrent; }

std::string lessonLanguage() { return gCurrent == kEnglish ? std::string() : gCurrent.toStdString(); }

}  // namespace scoville
