#include "widgets/viewgrid.hpp"

#include <QResizeEvent>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scoville {

ViewGrid::ViewGrid(const std::array<View, 4>& views, QSize cell, QWidget* parent)
    : QWidget(parent), views_(views), cell_(cell) {
    setObjectName(QStringLiteral("viewGrid"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const View& v : views_) v.widget->setParent(this);
    // The smallest arrangement's needs: one cell and a tab bar; the grid is used only when it fits.
    setMinimumSize(cell_.width(), cell_.height() / 2);
    arrange(2, 2);
}

std::pair<int, int> ViewGrid::arrangementFor(QSize size) const {
    return {size.width() >= 2 * cell_.width() ? 2 : 1, size.height() >= 2 * cell_.height() ? 2 : 1};
}

void ViewGrid::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    const auto [c, r] = arrangementFor(event->size());
    if (c != columns_ || r != rows_) arrange(c, r);
}

void ViewGrid::reveal(QWidget* view) {
    for (QWidget* w = view; w && w != this; w = w->parentWidget()) {
        auto* page = w->parentWidget();
        // A tab's page sits in the tab widget's stack, whose parent is the tab widget.
        if (auto* tabs = page ? qobject_cast<QTabWidget*>(page->parentWidget()) : nullptr) {
            tabs->setCurrentWidget(w);
            return;
        }
    }
}

void ViewGrid::arrange(int columns, int rows) {
    columns_ = columns;
    rows_ = rows;
    // Take the views out of the old containers (kept alive, shown again below).
    for (const View& v : views_) {
        v.widget->hide();
        v.widget->setParent(this);
    }
    delete container_;
    container_ = nullptr;

    auto tabsOf = [this](std::initializer_list<int> which, QWidget* parent) {
        auto* tabs = new QTabWidget(parent);
        tabs->setObjectName(QStringLiteral("viewGridTabs"));
        tabs->setDocumentMode(true);
        for (int i : which) tabs->addTab(views_[static_cast<size_t>(i)].widget, views_[static_cast<size_t>(i)].title);
        return tabs;
    };
    if (columns == 2 && rows == 2) {
        auto* grid = new QSplitter(Qt::Vertical, this);
        grid->setObjectName(QStringLiteral("viewSplitter"));
        auto* top = new QSplitter(Qt::Horizontal, grid);
        auto* bottom = new QSplitter(Qt::Horizontal, grid);
        top->addWidget(views_[0].widget);
        top->addWidget(views_[1].widget);
        bottom->addWidget(views_[2].widget);
        bottom->addWidget(views_[3].widget);
        for (QSplitter* s : {grid, top, bottom}) {
            s->setChildrenCollapsible(false);
            s->setSizes({1000, 1000});  // equal shares
        }
        container_ = grid;
    } else if (columns == 2 || rows == 2) {
        // Two panes: the performance views (roofline, layers) and the cost views.
        auto* pair = new QSplitter(columns == 2 ? Qt::Horizontal : Qt::Vertical, this);
        pair->setObjectName(QStringLiteral("viewSplitter"));
        pair->addWidget(tabsOf({0, 1}, pair));
        pair->addWidget(tabsOf({2, 3}, pair));
        pair->setChildrenCollapsible(false);
        pair->setSizes({1000, 1000});
        container_ = pair;
    } else {
        container_ = tabsOf({0, 1, 2, 3}, this);
    }
    layout()->addWidget(container_);
    container_->show();  // shown with the grid (a child added to a shown widget is not)
    // Splitters show what they hold only when asked; tab widgets show their current page.
    if (columns == 2 && rows == 2)
        for (const View& v : views_) v.widget->show();
}

}  // namespace scoville
