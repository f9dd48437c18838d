#pragma once
#include <QTextBrowser>
#include <QTimer>

#include "widgets/documentview.hpp"

namespace scoville {

// For the selected layer (or, with none selected, the slowest decode layer): each op's formula
// with the numbers plugged in, why it is compute-, memory- or network-bound and what would move it.
class ExplainPanel : public DocumentView<QTextBrowser> {
    Q_OBJECT
public:
    explicit ExplainPanel(DesignDocument* doc, QWidget* parent = nullptr);

private:
    void refresh() override;
    QTimer throttle_;
    QString shown_;
};

}  // namespace scoville
