#pragma once
// The "Designs and History" dock: the session's designs (switch, new, duplicate to branch,
// rename, delete), the current design's edit history (click an entry to go back to it, as a new
// undoable edit) and its notes. Everything goes through the SessionController.
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QListView;
class QPlainTextEdit;
class QToolButton;

namespace scoville {

class SessionController;

class SessionPanel : public QWidget {
    Q_OBJECT
public:
    explicit SessionPanel(SessionController* controller, QWidget* parent = nullptr);

private:
    void reloadDesigns();
    void reloadNotes();
    void askNewDesign();
    void askDuplicate();
    void askRename();
    void askRemove();
    void saveNotes();
    void report(const QString& action, const QString& message);

    SessionController* controller_;
    QLabel* file_ = nullptr;
    QComboBox* designs_ = nullptr;
    QToolButton* new_ = nullptr;
    QToolButton* duplicate_ = nullptr;
    QToolButton* rename_ = nullptr;
    QToolButton* remove_ = nullptr;
    QListView* history_ = nullptr;
    QPlainTextEdit* notes_ = nullptr;
    QTimer notesTimer_;
    bool reloading_ = false;
};

}  // namespace scoville
