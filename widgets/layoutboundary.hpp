#pragma once
// A widget holding one content widget that fills it, where the layout requests of the content
// stop unless its size hints change. Qt passes a layout request up to the window whenever a
// label's text changes, hints changed or not: the values of a slider step then re-lay out the
// whole window. Around a card whose size does not follow its text, a step re-lays out the card.
#include <QSize>
#include <QWidget>

namespace scoville {

class LayoutBoundary : public QWidget {
public:
    explicit LayoutBoundary(QWidget* parent = nullptr);

    // Takes `content` as its child, filling the boundary.
    void setContent(QWidget* content);
    [[nodiscard]] QWidget* content() const { return content_; }

    // The content's hints (its explicit minimum size included); no height-for-width where the
    // boundary's own height is fixed.
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] bool hasHeightForWidth() const override;
    [[nodiscard]] int heightForWidth(int width) const override;

    // Layout requests passed up to the parent since the content was set (its hints changed).
    [[nodiscard]] int passedRequests() const { return passed_; }

protected:
    bool event(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Hints {
        QSize hint, minimum;
        int width = -1, heightForWidth = -1;
        bool operator==(const Hints&) const = default;
    };
    [[nodiscard]] Hints current() const;

    QWidget* content_ = nullptr;
    Hints hints_;
    int passed_ = 0;
};

}  // namespace scoville
