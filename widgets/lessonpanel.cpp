#include "widgets/lessonpanel.hpp"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUndoStack>
#include <QVBoxLayout>

#include "store/qtext.hpp"
#include "widgets/designdocument.hpp"
#include "widgets/language.hpp"
#include "widgets/format.hpp"

namespace scoville {
namespace {

QString viewLabel(const std::string& view) {
    const struct {
        const char* id;
        const char* label;
    } labels[] = {
        {"summary", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the summary figures")},
        {"roofline", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Roofline")},
        {"layers", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Layers view")},
        {"physical", QT_TRANSLATE_NOOP("scoville::LessonPanel", "Area and Power")},
        {"compare", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the comparison with other chips")},
        {"explain", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Explain panel")},
        {"sweep", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Sweep tab")},
        {"pareto", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the sweep's Pareto front")},
        {"sensitivity", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Sensitivity tab")},
        {"frontier", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Frontier tab")},
        {"parameters", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the Parameters panel")},
        {"workload", QT_TRANSLATE_NOOP("scoville::LessonPanel", "the workload bar")},
    };
    for (const auto& l : labels)
        if (view == l.id) return LessonPanel::tr(l.label);
    return qtext(view);
}

QLabel* wrapped(const QString& name, QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

}  // namespace

LessonPanel::LessonPanel(DesignDocument* doc, QWidget* parent) : QWidget(parent), doc_(doc) {
    setObjectName(QStringLiteral("lessonPanel"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);
    chooser_ = new QComboBox(this);
    chooser_->setObjectName(QStringLiteral("lessonChooser"));
    chooser_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    chooser_->setMinimumContentsLength(12);
    outer->addWidget(chooser_);

    // The step's text can be long: it scrolls, the buttons stay in view.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* body = new QWidget(scroll);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    title_ = wrapped(QStringLiteral("lessonStepTitle"), body);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    text_ = wrapped(QStringLiteral("lessonText"), body);
    watch_ = new QPushButton(body);
    watch_->setObjectName(QStringLiteral("lessonWatch"));
    watch_->setToolTip(tr("Bring the view this step is about into sight again"));
    question_ = wrapped(QStringLiteral("lessonQuestion"), body);
    question_->setFont(bold);
    reveal_ = new QPushButton(tr("Show the &answer"), body);
    reveal_->setObjectName(QStringLiteral("lessonReveal"));
    answer_ = wrapped(QStringLiteral("lessonAnswer"), body);
    verdict_ = wrapped(QStringLiteral("lessonVerdict"), body);
    layout->addWidget(title_);
    layout->addWidget(text_);
    layout->addWidget(watch_, 0, Qt::AlignLeft);
    layout->addWidget(question_);
    layout->addWidget(reveal_, 0, Qt::AlignLeft);
    layout->addWidget(answer_);
    layout->addWidget(verdict_);
    layout->addStretch(1);
    scroll->setWidget(body);
    outer->addWidget(scroll, 1);

    auto* buttons = new QHBoxLayout;
    back_ = new QPushButton(tr("&Back"), this);
    back_->setObjectName(QStringLiteral("lessonBack"));
    next_ = new QPushButton(this);
    next_->setObjectName(QStringLiteral("lessonNext"));
    next_->setDefault(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("lessonProgress"));
    buttons->addWidget(back_);
    buttons->addWidget(status_, 1, Qt::AlignCenter);
    buttons->addWidget(next_);
    outer->addLayout(buttons);
    problemsLabel_ = wrapped(QStringLiteral("lessonProblems"), this);
    problemsLabel_->setStyleSheet(QStringLiteral("color: #c62828;"));
    outer->addWidget(problemsLabel_);

    connect(chooser_, &QComboBox::activated, this, &LessonPanel::selectLesson);
    connect(next_, &QPushButton::clicked, this, &LessonPanel::nextStep);
    connect(back_, &QPushButton::clicked, this, &LessonPanel::previousStep);
    connect(reveal_, &QPushButton::clicked, this, &LessonPanel::revealAnswer);
    connect(watch_, &QPushButton::clicked, this, &LessonPanel::showView);

    auto builtin = builtin_lessons(lessonLanguage());
    if (builtin)
        for (Lesson& l : *builtin) addLesson(std::move(l));
    else
        problems_ << errorText(builtin.error());
    fillChooser();
    selectLesson(lessons_.empty() ? -1 : 0);
    showProblems();
}

void LessonPanel::addLesson(Lesson lesson) {
    // A file of the same name as a lesson already listed replaces it (a teacher's edited copy).
    for (Lesson& l : lessons_) {
        if (l.id == lesson.id) {
            l = std::move(lesson);
            return;
        }
    }
    lessons_.push_back(std::move(lesson));
}

void LessonPanel::fillChooser() {
    chooser_->clear();
    for (const Lesson& l : lessons_) {
        chooser_->addItem(qtext(l.title));
        chooser_->setItemData(chooser_->count() - 1, qtext(l.origin), Qt::ToolTipRole);
    }
    if (lesson_ >= 0) chooser_->setCurrentIndex(lesson_);
}

QStringList LessonPanel::loadFolder(const QString& folder) {
    QStringList found;
    const QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString& name : files) {
        const QString path = dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
            continue;
        }
        const QByteArray bytes = file.readAll();
        auto lesson = parse_lesson(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
                                   QDir::toNativeSeparators(path).toStdString(), lessonLanguage());
        if (!lesson) {
            found << errorText(lesson.error());
            continue;
        }
        addLesson(std::move(*lesson));
    }
    problems_ << found;
    fillChooser();
    if (lesson_ < 0 && !lessons_.empty()) selectLesson(0);
    showProblems();
    return found;
}

bool LessonPanel::openLessonFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems_ << tr("%1: cannot be read (%2)").arg(QDir::toNativeSeparators(path), file.errorString());
        showProblems();
        return false;
    }
    const QByteArray bytes = file.readAll();
    auto lesson = parse_lesson(std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())),
                               QDir::toNativeSeparators(path).toStdString(), lessonLanguage());
    if (!lesson) {
        problems_ << errorText(lesson.error());
        showProblems();
        return false;
    }
    const std::string id = lesson->id;
    addLesson(std::move(*lesson));
    fillChooser();
    for (size_t i = 0; i < lessons_.size(); ++i)
        if (lessons_[i].id == id) selectLesson(static_cast<int>(i));
    return true;
}

void LessonPanel::showProblems() {
    problemsLabel_->setVisible(!problems_.isEmpty());
    if (problems_.isEmpty()) return;
    problemsLabel_->setText(tr("Not loaded:\n%1").arg(problems_.join(QLatin1Char('\n'))));
}

void LessonPanel::selectLesson(int index) {
    lesson_ = index >= 0 && index < static_cast<int>(lessons_.size()) ? index : -1;
    step_ = -1;
    before_.clear();
    undoIndex_.clear();
    if (lesson_ >= 0 && chooser_->currentIndex() != lesson_) chooser_->setCurrentIndex(lesson_);
    showStep();
}

bool LessonPanel::nextStep() {
    if (lesson_ < 0) return false;
    const Lesson& lesson = lessons_[static_cast<size_t>(lesson_)];
    if (step_ + 1 >= static_cast<int>(lesson.steps.size())) return false;
    const LessonStep& step = lesson.steps[static_cast<size_t>(step_ + 1)];
    const DesignValues before = doc_->values();
    const ModelLibrary& library = doc_->library();
    auto next = apply_lesson_step(before, step, [&library](std::string_view id) { return library.chip(id); });
    Status applied = next ? doc_->applyValues(*next) : Status(next.error());
    if (!applied) {
        verdict_->setText(tr("This step cannot be applied (%1, step %2): %3")
                              .arg(qtext(lesson.origin))
                              .arg(step_ + 2)
                              .arg(errorText(applied.error())));
        verdict_->setVisible(true);
        return false;
    }
    ++step_;
    before_.resize(static_cast<size_t>(step_));
    undoIndex_.resize(static_cast<size_t>(step_));
    before_.push_back(before);
    undoIndex_.push_back(doc_->undoStack()->index());
    showStep();
    showView();
    return true;
}

void LessonPanel::previousStep() {
    if (step_ < 0) return;
    // The step's edit is undone when nothing has been done since; otherwise the design stays as
    // the user left it.
    const auto i = static_cast<size_t>(step_);
    QUndoStack* stack = doc_->undoStack();
    if (i < undoIndex_.size() && stack->index() == undoIndex_[i] && stack->canUndo() && doc_->values() != before_[i])
        stack->undo();
    --step_;
    showStep();
    if (step_ >= 0) showView();
}

void LessonPanel::revealAnswer() {
    if (lesson_ < 0 || step_ < 0) return;
    const LessonStep& step = lessons_[static_cast<size_t>(lesson_)].steps[static_cast<size_t>(step_)];
    answer_->setText(qtext(step.answer));
    answer_->setVisible(true);
    reveal_->setEnabled(false);
    if (step.checks.empty()) {
        verdict_->setVisible(false);
        return;
    }
    // What the model says of the answer's claims for the design as it stands now.
    const ModelLibrary& library = doc_->library();
    auto outcomes = check_step(step, doc_->values(), before_[static_cast<size_t>(step_)],
                               [&library](std::string_view id) { return library.model(id); }, library.evaluate);
    QStringList failed;
    if (!outcomes) {
        failed << errorText(outcomes.error());
    } else {
        for (const CheckOutcome& o : *outcomes)
            if (!o.ok) failed << qtext(o.message);
    }
    verdict_->setText(failed.isEmpty()
                          ? tr("\u2713 The model agrees with this answer for the design as it is now.")
                          : tr("\u2717 For the design as it is now the model disagrees: %1").arg(failed.join(QStringLiteral("; "))));
    verdict_->setStyleSheet(failed.isEmpty() ? QStringLiteral("color: #2e7d32;") : QStringLiteral("color: #c62828;"));
    verdict_->setVisible(true);
}

void LessonPanel::showView() {
    if (lesson_ < 0 || step_ < 0) return;
    emit viewRequested(qtext(lessons_[static_cast<size_t>(lesson_)].steps[static_cast<size_t>(step_)].view));
}

void LessonPanel::showStep() {
    answer_->setVisible(false);
    verdict_->setVisible(false);
    verdict_->setStyleSheet(QString());
    reveal_->setEnabled(true);
    if (lesson_ < 0) {
        title_->setText(tr("No lessons"));
        text_->setText(QString());
        for (QWidget* w : {static_cast<QWidget*>(question_), static_cast<QWidget*>(reveal_), static_cast<QWidget*>(watch_)})
            w->setVisible(false);
        back_->setEnabled(false);
        next_->setEnabled(false);
        next_->setText(tr("S&tart"));
        status_->clear();
        return;
    }
    const Lesson& lesson = lessons_[static_cast<size_t>(lesson_)];
    const int steps = static_cast<int>(lesson.steps.size());
    back_->setEnabled(step_ >= 0);
    next_->setEnabled(step_ + 1 < steps);
    next_->setText(step_ < 0 ? tr("S&tart") : tr("Ne&xt step"));
    if (step_ < 0) {
        title_->setText(qtext(lesson.title));
        text_->setVisible(true);
        text_->setText(lesson.summary.empty() ? tr("%n step(s).", nullptr, steps)
                                              : qtext(lesson.summary) + QLatin1Char('\n') + tr("%n step(s).", nullptr, steps));
        for (QWidget* w : {static_cast<QWidget*>(question_), static_cast<QWidget*>(reveal_), static_cast<QWidget*>(watch_)})
            w->setVisible(false);
        status_->clear();
        return;
    }
    const LessonStep& step = lesson.steps[static_cast<size_t>(step_)];
    title_->setText(tr("Step %1 of %2: %3").arg(step_ + 1).arg(steps).arg(qtext(step.title)));
    text_->setText(qtext(step.text));
    text_->setVisible(!step.text.empty());
    watch_->setText(tr("Watch %1").arg(viewLabel(step.view)));
    question_->setText(qtext(step.question));
    for (QWidget* w : {static_cast<QWidget*>(question_), static_cast<QWidget*>(reveal_), static_cast<QWidget*>(watch_)})
        w->setVisible(true);
    status_->setText(tr("%1 / %2").arg(step_ + 1).arg(steps));
    if (step_ + 1 >= steps) next_->setText(tr("Finished"));
}

}  // namespace scoville
