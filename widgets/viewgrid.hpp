#pragma once
// Four views in a 2 x 2 grid of splitters while each gets a readable share of the space; below
// that they become tabs: two tabbed panes side by side (or one above the other) when only one
// direction is short, one tab widget for all four when both are. The views never change; only
// their containers do, as the grid's own size changes.
#include <QString>
#include <QWidget>
#include <array>

class QTabWidget;

namespace scoville {

class ViewGrid : public QWidget {
    Q_OBJECT
public:
    struct View {
        QWidget* widget = nullptr;
        QString title;  // the tab's text when it is a tab
    };
    // Views in reading order: top left, top right, bottom left, bottom right. A cell is readable
    // from `cell` (a plot with its axes, legend and tick labels).
    ViewGrid(const std::array<View, 4>& views, QSize cell, QWidget* parent = nullptr);

    // Columns and rows shown: 2 x 2 is the grid; fewer means tabs.
    [[nodiscard]] int columns() const { return columns_; }
    [[nodiscard]] int rows() const { return rows_; }
    // Brings a view to the front of its tabs (a lesson frames it, a click asks for it).
    void reveal(QWidget* view);
    // The arrangement for a size: {columns, rows}.
    [[nodiscard]] std::pair<int, int> arrangementFor(QSize size) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void arrange(int columns, int rows);

    std::array<View, 4> views_;
    QSize cell_;
    QWidget* container_ = nullptr;
    int columns_ = 0;
    int rows_ = 0;
};

}  // namespace scoville
