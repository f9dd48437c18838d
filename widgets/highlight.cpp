#include "widgets/highlight.hpp"

#include <QEvent>
#include <algorithm>
#include <QPainter>
#include <QTimer>
#include <QWidget>

#include "widgets/plotstyle.hpp"

namespace scoville {
namespace {

class HighlightFrame : public QWidget {
public:
    explicit HighlightFrame(QWidget* target) : QWidget(target) {
        setObjectName(QStringLiteral("highlightFrame"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setAttribute(Qt::WA_NoSystemBackground);
        setFocusPolicy(Qt::NoFocus);
        timer_.setSingleShot(true);
        connect(&timer_, &QTimer::timeout, this, &QObject::deleteLater);
        target->installEventFilter(this);
        setGeometry(target->rect());
    }
    void restart(int ms) {
        setGeometry(parentWidget()->rect());
        raise();
        show();
        timer_.start(ms);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == parentWidget() && event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
        return false;
    }
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const int w = std::max(3, fontMetrics().height() / 5);
        p.setPen(QPen(designColor(), w));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(w / 2, w / 2, -(w + 1) / 2, -(w + 1) / 2));
    }

private:
    QTimer timer_;
};

}  // namespace

void flashHighlight(QWidget* target, int ms) {
    if (!target) return;
    auto* frame = dynamic_cast<HighlightFrame*>(
        target->findChild<QWidget*>(QStringLiteral("highlightFrame"), Qt::FindDirectChildrenOnly));
    if (!frame) frame = new HighlightFrame(target);
    frame->restart(ms);
}

}  // namespace scoville
