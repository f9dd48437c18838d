#include "widgets/layoutboundary.hpp"

#include <QEvent>
#include <QResizeEvent>

namespace scoville {

LayoutBoundary::LayoutBoundary(QWidget* parent) : QWidget(parent) {}

void LayoutBoundary::setContent(QWidget* content) {
    content_ = content;
    content_->setParent(this);
    content_->setGeometry(rect());
    content_->show();
    hints_ = current();
    updateGeometry();
}

QSize LayoutBoundary::sizeHint() const { return content_ ? content_->sizeHint() : QWidget::sizeHint(); }

QSize LayoutBoundary::minimumSizeHint() const {
    if (!content_) return QWidget::minimumSizeHint();
    return content_->minimumSizeHint().expandedTo(content_->minimumSize());
}

bool LayoutBoundary::hasHeightForWidth() const {
    return content_ && minimumHeight() != maximumHeight() && content_->hasHeightForWidth();
}

int LayoutBoundary::heightForWidth(int width) const {
    return hasHeightForWidth() ? content_->heightForWidth(width) : QWidget::heightForWidth(width);
}

// What the parent's layout reads: a direction whose size is fixed or whose policy ignores the hints
// reads none (a card's width follows the row, not its value's text).
LayoutBoundary::Hints LayoutBoundary::current() const {
    if (!content_) return {};
    Hints h{sizeHint(), minimumSizeHint()};
    if (sizePolicy().horizontalPolicy() == QSizePolicy::Ignored || minimumWidth() == maximumWidth()) {
        h.hint.setWidth(0);
        h.minimum.setWidth(0);
    }
    if (sizePolicy().verticalPolicy() == QSizePolicy::Ignored || minimumHeight() == maximumHeight()) {
        h.hint.setHeight(0);
        h.minimum.setHeight(0);
    }
    if (hasHeightForWidth()) {
        h.width = width();
        h.heightForWidth = heightForWidth(width());
    }
    return h;
}

bool LayoutBoundary::event(QEvent* event) {
    // The content's layout has been activated (or a child without one changed): the parent's layout
    // is asked again only when what it reads from this widget differs.
    if (event->type() == QEvent::LayoutRequest) {
        const Hints now = current();
        if (!(now == hints_)) {
            hints_ = now;
            ++passed_;
            updateGeometry();
        }
        return true;
    }
    return QWidget::event(event);
}

void LayoutBoundary::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (content_) content_->setGeometry(rect());
    hints_ = current();
}

}  // namespace scoville
