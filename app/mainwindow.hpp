#pragma once
#include <QMainWindow>

class QUndoStack;
class QDockWidget;

namespace scoville {

class RooflineView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    [[nodiscard]] QUndoStack* undoStack() const { return undoStack_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void restoreSettings();
    void saveSettings() const;
    void showAbout();

    QUndoStack* undoStack_ = nullptr;
    QDockWidget* parameterDock_ = nullptr;
    RooflineView* roofline_ = nullptr;
};

}  // namespace scoville
