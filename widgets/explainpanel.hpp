#pragma once
#include <QTextBrowser>
#include <QTimer>

namespace scoville {

class DesignDocument;

// For the selected layer (or, with none selected, the slowest decode layer): each op's formula
// with the numbers plugged in, why it is compute-, memory- or network-bound and what would move it.
class ExplainPanel : public QTextBrowser {
    Q_OBJECT
public:
    explicit ExplainPanel(DesignDocument* doc, QWidget* parent = nullptr);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refresh();
    DesignDocument* doc_;
    bool dirty_ = true;
    QTimer throttle_;
    QString shown_;
};

}  // namespace scoville
