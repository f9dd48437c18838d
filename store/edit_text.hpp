#pragma once
// How an edit reads in the user's language, made from (kind, key, old, new) when it is shown and
// never stored: the Edit menu's "Undo …", the History list and its tooltips.
#include <QString>

#include "core/design/edit.hpp"

namespace scoville {

// "Clock 1.8 → 2 GHz", "Model llama-3.1-70b → mixtral-8x7b", "Baseline b200 → h100-sxm".
QString describeEdit(const Edit& edit);
// One line for a step: its one edit, or the first with a count of the others.
QString describeStep(const EditStep& step);
// Every edit of the step, one per line (tooltips).
QString describeStepInFull(const EditStep& step);

}  // namespace scoville
