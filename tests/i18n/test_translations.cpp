// The Chinese translation is complete and current, and the GUI's sources leave no text unmarked:
//  - every entry of translations/scoville_zh_CN.ts is finished, keeps the source's placeholders
//    (%1, %n) and its HTML tags;
//  - lupdate run on the sources (as `update_translations` runs it) finds exactly the entries of the
//    committed .ts: a string added or changed in the sources and not yet in the .ts fails here;
//  - no literal in widgets/ and app/ (the GUI; app/cli/ stays English) that reads as prose escapes
//    tr(): QT_NO_CAST_FROM_ASCII makes every literal explicit, and QStringLiteral/QLatin1String
//    literals with words in them must be on tests/i18n/untranslated_allowlist.txt with a reason;
//  - every built-in lesson has its Chinese text (title_zh_CN, ...; core/learn/lesson.hpp).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kSourceDir = QStringLiteral(SCOVILLE_SOURCE_DIR);
const QString kTsFile = kSourceDir + QStringLiteral("/translations/scoville_zh_CN.ts");

struct Entry {
    QString context, source, comment;
    bool numerus = false;
    bool unfinished = false;
    QStringList translations;  // one, or the numerus forms
};

QList<Entry> readTs(const QString& path, QString* error) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot be read");
        return {};
    }
    QList<Entry> entries;
    QXmlStreamReader xml(&f);
    QString context;
    Entry current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Entry{context, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
            } else if (inMessage && name == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (inMessage && name == QLatin1String("comment")) {
                current.comment = xml.readElementText();
            } else if (inMessage && name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                current.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                                     type == QLatin1String("obsolete");
                if (!current.numerus) current.translations << xml.readElementText();
            } else if (inMessage && name == QLatin1String("numerusform")) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            entries << current;
            inMessage = false;
        }
    }
    if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
    return entries;
}

QString key(const Entry& e) { return e.context + QStringLiteral(" | ") + e.source + QStringLiteral(" | ") + e.comment; }

QStringList sorted(QStringList list) {
    list.sort();
    return list;
}

QStringList placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList out;
    for (const auto& m : re.globalMatch(text)) out << m.captured(0);
    out.removeDuplicates();
    return sorted(out);
}

QStringList tags(const QString& text) {
    static const QRegularExpression re(QStringLiteral("</?[a-zA-Z0-9]+"));
    QStringList out;
    for (const auto& m : re.globalMatch(text)) out << m.captured(0).toLower();
    return sorted(out);
}

QStringList readLines(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString& l : lines) l = l.trimmed();
    lines.removeAll(QString());
    return lines;
}

// Words a person reads: after dropping markup, entities, placeholders and escapes, two letters or
// more in a row next to a space and another word ("per chip"), or a capitalised word ("Roofline").
bool readsAsProse(QString text) {
    static const QRegularExpression markup(QStringLiteral("<[^>]*>|&[a-z]+;|%\\d+|\\\\[nt]|\\\\u[0-9A-Fa-f]{4}"));
    text.replace(markup, QStringLiteral(" "));
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,}[^A-Za-z]* [^A-Za-z]*[A-Za-z]{2,}"));
    static const QRegularExpression capitalised(QStringLiteral("^\\s*[A-Z][a-z]{2,}"));
    return words.match(text).hasMatch() || capitalised.match(text).hasMatch();
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everyEntryIsTranslated() {
        QString error;
        const QList<Entry> entries = readTs(kTsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The GUI has hundreds of strings; an empty or truncated file must not pass.
        QVERIFY2(entries.size() > 500, qPrintable(QString::number(entries.size())));
        QStringList problems;
        for (const Entry& e : entries) {
            const bool empty = e.translations.isEmpty() ||
                               std::any_of(e.translations.begin(), e.translations.end(),
                                           [](const QString& t) { return t.trimmed().isEmpty(); });
            if (e.unfinished || empty) {
                problems << QStringLiteral("untranslated: ") + key(e);
                continue;
            }
            for (const QString& t : e.translations) {
                // %n may be left out of a numerus form; %1..%9 never.
                QStringList want = placeholders(e.source), have = placeholders(t);
                if (e.numerus) want.removeAll(QStringLiteral("%n")), have.removeAll(QStringLiteral("%n"));
                if (want != have) problems << QStringLiteral("placeholders differ: ") + key(e) + QStringLiteral(" -> ") + t;
                if (tags(e.source) != tags(t)) problems << QStringLiteral("markup differs: ") + key(e) + QStringLiteral(" -> ") + t;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 30).join(QLatin1Char('\n'))));
    }

    void tsMatchesTheSources() {
        const QStringList sources = readLines(QStringLiteral(SCOVILLE_TR_SOURCES_LIST));
        const QStringList options = readLines(QStringLiteral(SCOVILLE_LUPDATE_OPTIONS_LIST));
        QVERIFY(sources.size() > 20);
        QVERIFY(options.contains(QStringLiteral("-no-obsolete")));
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("scoville_zh_CN.ts"));
        QVERIFY(QFile::copy(kTsFile, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        const QString list = dir.filePath(QStringLiteral("sources.lst"));
        {
            QFile f(list);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Text));
            f.write(sources.join(QLatin1Char('\n')).toUtf8());
        }
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(SCOVILLE_LUPDATE),
                      QStringList(options) << QStringLiteral("-I") << kSourceDir << QStringLiteral("@") + list
                                           << QStringLiteral("-ts") << copy);
        QVERIFY(lupdate.waitForFinished(120000));
        const QString log = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

        QString error;
        const QList<Entry> committed = readTs(kTsFile, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Entry> updated = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QSet<QString> before, after;
        for (const Entry& e : committed) before.insert(key(e));
        for (const Entry& e : updated) after.insert(key(e));
        QStringList missing = (after - before).values(), gone = (before - after).values();
        missing.sort();
        gone.sort();
        QString message;
        if (!missing.isEmpty())
            message += QStringLiteral("Strings in the sources but not in the .ts (run the update_translations target, "
                                      "then translate them):\n  ") +
                       missing.mid(0, 30).join(QStringLiteral("\n  ")) + QLatin1Char('\n');
        if (!gone.isEmpty())
            message += QStringLiteral("Entries of the .ts no longer in the sources (run update_translations):\n  ") +
                       gone.mid(0, 30).join(QStringLiteral("\n  "));
        QVERIFY2(missing.isEmpty() && gone.isEmpty(), qPrintable(message));
    }

    void guiLiteralsAreMarked() {
        // path<TAB>literal<TAB>why it is not translated
        QSet<QString> allowed;
        for (const QString& line : readLines(kSourceDir + QStringLiteral("/tests/i18n/untranslated_allowlist.txt"))) {
            if (line.startsWith(QLatin1Char('#'))) continue;
            const QStringList parts = line.split(QLatin1Char('\t'));
            QVERIFY2(parts.size() == 3 && !parts[2].trimmed().isEmpty(),
                     qPrintable(QStringLiteral("allow-list lines are path, literal and reason, tab-separated: ") + line));
            allowed.insert(parts[0] + QLatin1Char('\t') + parts[1]);
        }
        static const QRegularExpression literal(
            QStringLiteral("\\b(QStringLiteral|QLatin1String|QLatin1StringView|QStringView|QString::fromUtf8|"
                           "QString::fromLatin1|QString::fromStdString|qtext)\\s*\\(\\s*u?\"((?:[^\"\\\\]|\\\\.)*)\""));
        QStringList unmarked;
        int scanned = 0;
        for (const QString& folder : {QStringLiteral("widgets"), QStringLiteral("app")}) {
            const QDir dir(kSourceDir + QLatin1Char('/') + folder);
            for (const QString& name : dir.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.hpp")}, QDir::Files)) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
                const QString path = folder + QLatin1Char('/') + name;
                ++scanned;
                for (int i = 0; i < lines.size(); ++i) {
                    const QString line = lines[i].trimmed();
                    if (line.startsWith(QLatin1String("//"))) continue;
                    for (const auto& m : literal.globalMatch(lines[i])) {
                        const QString text = m.captured(2);
                        if (!readsAsProse(text) || allowed.contains(path + QLatin1Char('\t') + text)) continue;
                        unmarked << QStringLiteral("%1:%2: \"%3\"").arg(path).arg(i + 1).arg(text);
                    }
                }
            }
        }
        QVERIFY(scanned > 30);
        QVERIFY2(unmarked.isEmpty(),
                 qPrintable(QStringLiteral("Text people read must go through tr() (or onto "
                                           "tests/i18n/untranslated_allowlist.txt with a reason):\n") +
                            unmarked.join(QLatin1Char('\n'))));
    }

    void theCheckFindsProse() {
        // The scan above is only as good as this rule: it must see prose and pass identifiers.
        QVERIFY(readsAsProse(QStringLiteral("Tokens per chip")));
        QVERIFY(readsAsProse(QStringLiteral("<b>%1</b> is memory-bound")));
        QVERIFY(readsAsProse(QStringLiteral("Roofline")));
        QVERIFY(!readsAsProse(QStringLiteral("kpi:warnings")));
        QVERIFY(!readsAsProse(QStringLiteral("<td>%1</td><td>%2</td>")));
        QVERIFY(!readsAsProse(QStringLiteral("%1 (%2)")));
        QVERIFY(!readsAsProse(QStringLiteral("param:compute.cores:label")));
    }

    void lessonsAreTranslated() {
        const QDir dir(kSourceDir + QStringLiteral("/resources/lessons"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() >= 6);
        QStringList missing;
        auto check = [&](const QJsonObject& o, const QString& where, const QStringList& fields) {
            for (const QString& field : fields) {
                if (!o.contains(field)) continue;
                const QString zh = o.value(field + QStringLiteral("_zh_CN")).toString();
                // Translated means present and in Chinese (at least one CJK character).
                static const QRegularExpression cjk(QStringLiteral("[\\x{4E00}-\\x{9FFF}]"));
                if (!cjk.match(zh).hasMatch()) missing << where + QLatin1Char('.') + field + QStringLiteral("_zh_CN");
            }
        };
        for (const QString& name : files) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
            QVERIFY2(!root.isEmpty(), qPrintable(name));
            check(root, name, {QStringLiteral("title"), QStringLiteral("summary")});
            const QJsonArray steps = root.value(QStringLiteral("steps")).toArray();
            for (qsizetype i = 0; i < steps.size(); ++i)
                check(steps[i].toObject(), QStringLiteral("%1: steps[%2]").arg(name).arg(i),
                      {QStringLiteral("title"), QStringLiteral("text"), QStringLiteral("question"),
                       QStringLiteral("answer")});
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
