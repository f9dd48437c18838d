// The interface in Simplified Chinese: menus, parameter names, warnings and lessons translated;
// log axes read 10³, never 1E+04; numbers in the GUI follow the locale while the command line's CSV
// and JSON do not; Edit ▸ Preferences stores the language.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlError>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QFile>
#include <QStandardPaths>
#include <QSpinBox>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTimer>
#include <qcustomplot.h>
#include <sstream>

#include "app/cli/cli.hpp"
#include "app/mainwindow.hpp"
#include "app/preferencesdialog.hpp"
#include "core/learn/lesson.hpp"
#include "core/perf/evaluation.hpp"
#include "core/perf/result_keys.hpp"
#include "store/qtext.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/format.hpp"
#include "widgets/language.hpp"
#include "widgets/modeleditor.hpp"
#include "widgets/plotstyle.hpp"
#include "widgets/workloadbar.hpp"

using namespace scoville;

namespace {

bool hasChinese(const QString& text) {
    static const QRegularExpression cjk(QStringLiteral("[\\x{4E00}-\\x{9FFF}]"));
    return cjk.match(text).hasMatch();
}

// `scoville ARGS...` in-process: its standard output.
std::string runCli(std::vector<const char*> args) {
    args.insert(args.begin(), "scoville");
    std::ostringstream out, err;
    const auto outcome = cli::run(static_cast<int>(args.size()), args.data(), out, err);
    if (outcome.exit_code != 0) return "error: " + err.str();
    return out.str();
}

}  // namespace

class TestI18n : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ScovilleTest"));
        QCoreApplication::setApplicationName(QStringLiteral("ScovilleI18nTest"));
        QSettings().clear();
    }

    void cleanup() { installLanguage(qApp, QStringLiteral("en")); }

    // The model editor's form, every key of the model file in its groups, fits a 1366 x 768 screen less a title
    // bar and a panel (720 px high) in English and in Chinese (whose lines are taller).
    void theModelEditorFitsA768Screen_data() {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en", "zh_CN"}) QTest::addRow("%s", language) << QString::fromLatin1(language);
    }
    void theModelEditorFitsA768Screen() {
        QFETCH(QString, language);
        QVERIFY(installLanguage(qApp, language));
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* bar = w.findChild<WorkloadBar*>(QStringLiteral("workloadBar"));
        QVERIFY(bar);
        ModelEditor* editor = bar->editModel();
        QVERIFY(editor && editor->isVisible());
        const QSize hint = editor->sizeHint();
        QVERIFY2(hint.height() <= 720 && hint.width() <= 1366,
                 qPrintable(QStringLiteral("%1 x %2").arg(hint.width()).arg(hint.height())));
        editor->reject();
    }

    // On a 1366 x 768 screen, maximised or in the 1280 px window it first opens with, every control
    // of the workload bar is on the bar, in English and in Chinese (whose labels are wider): none
    // is left to the toolbar's overflow menu.
    void theWorkloadBarFitsA1366Screen_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("window");
        for (const char* language : {"en", "zh_CN"})
            for (const QSize window : {QSize(1280, 730), QSize(1366, 768)})
                QTest::addRow("%s %dx%d", language, window.width(), window.height())
                    << QString::fromLatin1(language) << window;
    }
    void theWorkloadBarFitsA1366Screen() {
        QFETCH(QString, language);
        QFETCH(QSize, window);
        QVERIFY(installLanguage(qApp, language));
        MainWindow w;
        w.resize(window);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* bar = w.findChild<QToolBar*>(QStringLiteral("workloadBar"));
        QVERIFY(bar);
        QCOMPARE(bar->orientation(), Qt::Horizontal);
        int controls = 0;
        for (QAction* action : bar->actions()) {
            if (action->isSeparator()) continue;
            QWidget* widget = bar->widgetForAction(action);
            QVERIFY(widget);
            ++controls;
            const QString name = widget->objectName().isEmpty() ? widget->property("text").toString() : widget->objectName();
            QVERIFY2(widget->isVisible(), qPrintable(name + QStringLiteral(" is in the overflow menu")));
            QVERIFY2(bar->rect().contains(widget->geometry()), qPrintable(name));
        }
        QCOMPARE(controls, 24);  // model, batch, in, out, 3 precisions, chips, TP, DP, PP, EP: each with its label
        auto* more = bar->findChild<QToolButton*>(QStringLiteral("qt_toolbar_ext_button"));
        QVERIFY(!more || !more->isVisible());
    }

    // Chips = 1 with TP = 8 does not evaluate; the reason (core/workload/model.cpp) reads in Chinese,
    // pattern and all, with only the key name and the numbers in Latin script. The command line
    // keeps the English text, byte for byte.
    void aValidationErrorReadsInChinese() {
        QVERIFY(installLanguage(qApp, QStringLiteral("zh_CN")));
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto* chips = w.findChild<QSpinBox*>(QStringLiteral("workload:chips"));
        auto* tp = w.findChild<QSpinBox*>(QStringLiteral("workload:tp"));
        QVERIFY(chips && tp);
        chips->setValue(8);
        tp->setValue(8);
        chips->setValue(1);
        QVERIFY(!w.document()->evaluation().ok());
        const Error& error = w.document()->evaluation().error();
        QCOMPARE(QString::fromStdString(error.message),
                 QStringLiteral("scenario: tp = 8 exceeds chips (1): a degree of parallelism needs that many chips"));
        // 场景：tp = 8 超过芯片数 1（并行度需要同样多的芯片）
        const QString shown = errorText(error);
        QCOMPARE(shown, QStringLiteral("\u573A\u666F\uFF1Atp = 8 \u8D85\u8FC7\u82AF\u7247\u6570 1\uFF08\u5E76\u884C\u5EA6\u9700\u8981\u540C\u6837\u591A\u7684\u82AF\u7247\uFF09"));
        auto* warnings = w.findChild<QLabel*>(QStringLiteral("kpi:warnings"));
        QVERIFY(warnings);
        QVERIFY2(warnings->text().contains(shown), qPrintable(warnings->text()));
        // Apart from the key (tp) no Latin word is left in what the strip shows.
        QString text = warnings->text();
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));  // the label's markup
        text.remove(QStringLiteral("tp"));
        text.remove(QStringLiteral("B200 (HGX)"));  // the baseline chip's name
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}"))), qPrintable(text));
        // A wrapped error (a seek refused because the design does not evaluate) reads in Chinese
        // as a whole: 目标搜索：场景：tp = 8 超过芯片数 1（并行度需要同样多的芯片）
        const Error seek = Error::of({"Error", "seek: %1", {}, {error.as_message()}});
        QCOMPARE(errorText(seek), QStringLiteral("\u76EE\u6807\u641C\u7D22\uFF1A") + shown);
        // The command line's message is the English one.
        const std::string cli = runCli({"eval", "--chip", "h100-sxm", "--model", "llama-3.1-8b", "--chips", "1",
                                        "--tp", "8"});
        QVERIFY2(cli.find("scenario: tp = 8 exceeds chips (1): a degree of parallelism needs that many chips") !=
                     std::string::npos,
                 cli.c_str());
    }

    // Opening a file that is not a session: the store's message reads in Chinese behind its path,
    // in the status bar, while the message itself (and so the command line) stays English.
    void aStoreErrorReadsInChinese() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(200, 'x'));  // 200 bytes, no "SQLite format 3" header
        file.close();
        const auto opened = store::Session::open(path);
        QVERIFY(!opened);
        QCOMPARE(QString::fromStdString(opened.error().message),
                 path + QStringLiteral(": not a Scoville session (not an SQLite file)"));

        QVERIFY(installLanguage(qApp, QStringLiteral("zh_CN")));
        // %1：不是 Scoville 会话（不是 SQLite 文件）
        const QString shown = path + QStringLiteral("\uFF1A\u4E0D\u662F Scoville \u4F1A\u8BDD\uFF08\u4E0D\u662F SQLite \u6587\u4EF6\uFF09");
        QCOMPARE(errorText(opened.error()), shown);
        MainWindow w;
        QVERIFY(!w.openSessionFile(path, false));
        // 未打开：...
        QCOMPARE(w.statusBar()->currentMessage(), QStringLiteral("\u672A\u6253\u5F00\uFF1A") + shown);
        // Apart from the path and the names Scoville and SQLite, no Latin word is left.
        QString text = w.statusBar()->currentMessage();
        text.remove(path).remove(QStringLiteral("Scoville")).remove(QStringLiteral("SQLite"));
        QVERIFY2(!text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}"))), qPrintable(text));

        // An SQLite error behind an action: the action and the plain words translate, SQLite's
        // own text stays as SQLite wrote it: %1：打开：文件已损坏（file is not a database）
        const Message sql = store::sqlErrorMessage(path, store::storeMessage(SCV_TR("Store", "opening"), {}),
                                                   QSqlError(QString(), QStringLiteral("file is not a database"),
                                                             QSqlError::ConnectionError, QStringLiteral("26")));
        QCOMPARE(qtext(sql.text()), path + QStringLiteral(": opening: the file is corrupt (file is not a database)"));
        QCOMPARE(trMessage(sql), path + QStringLiteral("\uFF1A\u6253\u5F00\uFF1A\u6587\u4EF6\u5DF2\u635F\u574F\uFF08file is not a database\uFF09"));
    }

    void superscriptPowersOfTen() {
        QCOMPARE(powerOfTenLabel(0), QStringLiteral("10\u2070"));
        QCOMPARE(powerOfTenLabel(3), QStringLiteral("10\u00B3"));
        QCOMPARE(powerOfTenLabel(4), QStringLiteral("10\u2074"));
        QCOMPARE(powerOfTenLabel(12), QStringLiteral("10\u00B9\u00B2"));
        QCOMPARE(powerOfTenLabel(-2), QStringLiteral("10\u207B\u00B2"));
    }

    void chineseMenusParametersAndAxes() {
        QVERIFY(installLanguage(qApp, QStringLiteral("zh_CN")));
        QCOMPARE(currentLanguage(), QStringLiteral("zh_CN"));
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Menu titles: 文件 (File), 编辑 (Edit), 视图 (View), 帮助 (Help).
        auto* file = w.findChild<QMenu*>(QStringLiteral("fileMenu"));
        QVERIFY(file);
        QCOMPARE(file->title(), QStringLiteral("\u6587\u4EF6(&F)"));
        for (const char* name : {"editMenu", "viewMenu", "helpMenu"}) {
            auto* menu = w.findChild<QMenu*>(QLatin1String(name));
            QVERIFY2(menu && hasChinese(menu->title()), name);
        }
        QVERIFY(hasChinese(w.findChild<QAction*>(QStringLiteral("actionPreferences"))->text()));

        // A parameter's name (core/hw/params.cpp, marked with SCV_TR): Cores = 核心数.
        auto* cores = w.findChild<QLabel*>(QStringLiteral("param:compute.cores:label"));
        QVERIFY(cores);
        QCOMPARE(cores->text(), QStringLiteral("\u6838\u5FC3\u6570"));
        // With its unit's display name: Clock (GHz) = 时钟 (GHz).
        auto* clock = w.findChild<QLabel*>(QStringLiteral("param:compute.clock_ghz:label"));
        QVERIFY(clock);
        QCOMPARE(clock->text(), QStringLiteral("\u65F6\u949F (GHz)"));
        // A result label (core/perf/result_keys.cpp) and a unit.
        QCOMPARE(resultShortLabel(*find_result_key("die_area_mm2")), QStringLiteral("\u88F8\u7247\u9762\u79EF"));
        QCOMPARE(displayUnit("years"), QStringLiteral("\u5E74"));

        // The roofline's log axes: decades as 10ⁿ, whatever the locale's exponent character.
        auto* plot = w.findChild<QCustomPlot*>(QStringLiteral("rooflinePlot"));
        QVERIFY(plot);
        QCOMPARE(plot->xAxis->scaleType(), QCPAxis::stLogarithmic);
        QVERIFY(hasChinese(plot->xAxis->label()));
        plot->xAxis->setRange(1, 1e4);
        plot->replot();
        const QStringList labels = plot->xAxis->tickVectorLabels();
        QVERIFY2(labels.contains(QStringLiteral("10\u2074")), qPrintable(labels.join(QLatin1Char(' '))));
        QVERIFY2(labels.contains(QStringLiteral("10\u00B3")), qPrintable(labels.join(QLatin1Char(' '))));
        for (const QString& l : labels)
            QVERIFY2(!l.contains(QLatin1Char('E')) && !l.contains(QLatin1Char('e')), qPrintable(l));
    }

    void warningsAreTranslatedWithTheirNumbers() {
        QVERIFY(installLanguage(qApp, QStringLiteral("zh_CN")));
        // core/physical/area.cpp's reticle warning: the pattern translated, the numbers kept.
        const Message m{"Warning",
                        "reticle: die %1 mm2 exceeds the %2 mm2 reticle limit; split the package into at least %3 "
                        "dies (package.dies=%3) or shrink it",
                        {"912", "858", "2"}};
        QCOMPARE(QString::fromStdString(m.text()),
                 QStringLiteral("reticle: die 912 mm2 exceeds the 858 mm2 reticle limit; split the package into at "
                                "least 2 dies (package.dies=2) or shrink it"));
        const QString zh = trMessage(m);
        QVERIFY2(hasChinese(zh), qPrintable(zh));
        QVERIFY2(zh.contains(QStringLiteral("912")) && zh.contains(QStringLiteral("858")) &&
                     zh.contains(QStringLiteral("package.dies=2")),
                 qPrintable(zh));
        // An argument is never read as a placeholder.
        const Message odd{"Warning", "cost: %1", {"%2 stays"}};
        QVERIFY(trMessage(odd).endsWith(QStringLiteral("%2 stays")));
    }

    void lessonsReadInChinese() {
        auto en = builtin_lessons();
        auto zh = builtin_lessons("zh_CN");
        QVERIFY(en.ok() && zh.ok());
        QCOMPARE(zh->size(), en->size());
        QCOMPARE(QString::fromStdString(en->front().title), QStringLiteral("Why decode is memory-bound"));
        QVERIFY(hasChinese(QString::fromStdString(zh->front().title)));
        QVERIFY(hasChinese(QString::fromStdString(zh->front().steps.front().question)));
        // What the program reads is the same in both: the steps' views and settings.
        QCOMPARE(zh->front().steps.front().view, en->front().steps.front().view);
        QCOMPARE(zh->front().steps.front().set.size(), en->front().steps.front().set.size());
        // A teacher's lesson without translations reads in English under Chinese.
        auto own = parse_lesson(R"({"title": "Mine", "steps": [{"title": "One", "view": "summary",
                                    "question": "Q?", "answer": "A."}]})",
                                "mine.json", "zh_CN");
        QVERIFY(own.ok());
        QCOMPARE(QString::fromStdString(own->title), QStringLiteral("Mine"));
    }

    void guiNumbersFollowTheLocaleCliOutputDoesNot() {
        // The CLI's CSV and JSON under the default locale of a Chinese interface and of a locale with a
        // decimal comma (German) are byte for byte what they are in the C locale.
        const std::vector<const char*> json{"eval", "--chip", "h100-sxm", "--model", "llama-3.1-8b", "--chips", "1",
                                            "--batch", "8", "--format", "json"};
        const std::vector<const char*> csv{"eval", "--chip", "h100-sxm", "--model", "llama-3.1-8b", "--chips", "1",
                                           "--batch", "8", "--format", "csv"};
        QLocale::setDefault(QLocale::c());
        const std::string jsonC = runCli(json), csvC = runCli(csv);
        QVERIFY2(jsonC.find("\"ttft_s\"") != std::string::npos, jsonC.c_str());
        QVERIFY(installLanguage(qApp, QStringLiteral("zh_CN")));
        QCOMPARE(runCli(json), jsonC);
        QCOMPARE(runCli(csv), csvC);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(runCli(json), jsonC);
        QCOMPARE(runCli(csv), csvC);
        // The GUI's numbers: 1234.5 with one decimal is "1.234,5" in German, "1,234.5" in Chinese.
        QCOMPARE(formatNumber(1234.5, 1), QStringLiteral("1.234,5"));
        QCOMPARE(formatSeconds(0.0125), QStringLiteral("12,5 ms"));
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(formatNumber(1234.5, 1), QStringLiteral("1,234.5"));
        QCOMPARE(formatSeconds(0.0125), QStringLiteral("12.5 ms"));
    }

    void preferencesStoreTheLanguage() {
        QSettings().remove(QStringLiteral("ui/language"));
        QCOMPARE(languageSetting(), QString());
        {
            PreferencesDialog dialog;
            auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("preferences:language"));
            QVERIFY(combo);
            // System, English, 中文 (简体); the system's entry names the language it resolves to.
            QCOMPARE(combo->count(), 3);
            QCOMPARE(combo->currentIndex(), 0);
            QCOMPARE(combo->itemData(2).toString(), QStringLiteral("zh_CN"));
            QCOMPARE(combo->itemText(2), QStringLiteral("\u4E2D\u6587 (\u7B80\u4F53)"));
            combo->setCurrentIndex(2);
            auto* note = dialog.findChild<QLabel*>(QStringLiteral("preferences:restartNote"));
            QVERIFY(note && !note->text().isEmpty());  // English now: Chinese comes with the next start
            dialog.accept();
        }
        QCOMPARE(languageSetting(), QStringLiteral("zh_CN"));
        QCOMPARE(resolveLanguage(languageSetting()), QStringLiteral("zh_CN"));
        {
            PreferencesDialog dialog;
            auto* combo = dialog.findChild<QComboBox*>(QStringLiteral("preferences:language"));
            QCOMPARE(combo->currentData().toString(), QStringLiteral("zh_CN"));  // the stored choice shows
            combo->setCurrentIndex(0);
            dialog.reject();  // Cancel keeps the stored choice
        }
        QCOMPARE(languageSetting(), QStringLiteral("zh_CN"));
        {
            PreferencesDialog dialog;
            dialog.findChild<QComboBox*>(QStringLiteral("preferences:language"))->setCurrentIndex(0);
            dialog.accept();
        }
        QCOMPARE(languageSetting(), QString());  // System: nothing stored, the locale decides
        // The menu opens the dialog.
        MainWindow w;
        QAction* action = w.findChild<QAction*>(QStringLiteral("actionPreferences"));
        QVERIFY(action);
        QTimer::singleShot(0, [] {
            auto* d = qApp->findChild<PreferencesDialog*>();
            for (QWidget* top : QApplication::topLevelWidgets())
                if (!d) d = qobject_cast<PreferencesDialog*>(top);
            QVERIFY(d);
            d->reject();
        });
        action->trigger();
    }
};

QTEST_MAIN(TestI18n)
#include "test_i18n.moc"
