#pragma once
// Guided lessons (Help > Lessons): choose a lesson, step through it. Each step sets the design and
// the workload as one undoable edit, names the view to watch (viewRequested), asks a question and
// shows the answer on request, with what the model says of the answer's checks in the design as
// it stands. Lessons come from the binary (resources/lessons/) and from a folder of the user's
// (a teacher's own); a file that does not read is listed with its problem, and the rest load.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "core/design/edit.hpp"
#include "core/learn/lesson.hpp"

class QComboBox;
class QLabel;
class QPushButton;

namespace scoville {

class DesignDocument;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(DesignDocument* doc, QWidget* parent = nullptr);

    // Reads every *.json of `folder` (missing: nothing); the lessons join the list after the
    // built-in ones. Returns the problems ("FILE: what is wrong"), also shown in the panel.
    QStringList loadFolder(const QString& folder);
    // Reads one lesson file and selects it; false (and the problem shown) when it does not read.
    bool openLessonFile(const QString& path);

    [[nodiscard]] const std::vector<Lesson>& lessons() const { return lessons_; }
    [[nodiscard]] int currentLesson() const { return lesson_; }
    // -1: the lesson's introduction, before its first step.
    [[nodiscard]] int currentStep() const { return step_; }
    [[nodiscard]] QStringList problems() const { return problems_; }

    void selectLesson(int index);
    // Applies the next step (from the introduction: the first); false when it is refused.
    bool nextStep();
    // Back to the previous step, undoing the step's edit when it is still the last one made.
    void previousStep();
    void revealAnswer();
    // Raises the current step's view again.
    void showView();

signals:
    void viewRequested(const QString& view);

private:
    void addLesson(Lesson lesson);
    void showStep();
    void showProblems();
    void fillChooser();

    DesignDocument* doc_;
    std::vector<Lesson> lessons_;
    QStringList problems_;
    int lesson_ = -1;
    int step_ = -1;
    // Per step shown: the design before it and the undo index just after its edit.
    std::vector<DesignValues> before_;
    std::vector<int> undoIndex_;

    QComboBox* chooser_ = nullptr;
    QLabel* title_ = nullptr;
    QLabel* text_ = nullptr;
    QLabel* question_ = nullptr;
    QPushButton* reveal_ = nullptr;
    QLabel* answer_ = nullptr;
    QLabel* verdict_ = nullptr;
    QPushButton* watch_ = nullptr;
    QPushButton* back_ = nullptr;
    QPushButton* next_ = nullptr;
    QLabel* status_ = nullptr;
    QLabel* problemsLabel_ = nullptr;
};

}  // namespace scoville
