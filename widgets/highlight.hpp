#pragma once
// A frame drawn around a widget for a moment, to say "watch this" (a lesson step's view). It lies
// over the widget, lets the mouse through and removes itself.
class QWidget;

namespace scoville {

// Shows the frame (objectName "highlightFrame") over `target` for `ms` milliseconds; a frame
// already there starts again.
void flashHighlight(QWidget* target, int ms = 3000);

}  // namespace scoville
