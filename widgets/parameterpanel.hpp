#pragma once
// Every chip parameter of the registry (core/hw/params.hpp), grouped, each a slider and a spin
// box (or a combo box for choices) with its unit, range and basis; filterable; reset per
// parameter to the chip the design started from.
#include <QTimer>
#include <QWidget>
#include <vector>

#include "core/hw/params.hpp"

class QAbstractSlider;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;
class QToolButton;

namespace scoville {

class DesignDocument;

class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    explicit ParameterPanel(DesignDocument* doc, QWidget* parent = nullptr);

    // Slider position <-> value (log-scaled where the registry says so), exposed for tests.
    [[nodiscard]] static int sliderSteps(const ParamInfo& info);
    [[nodiscard]] static int toSlider(const ParamInfo& info, double value);
    [[nodiscard]] static double fromSlider(const ParamInfo& info, int position);
    [[nodiscard]] static int decimalsFor(const ParamInfo& info);
    // What a slider sets: `value` (from fromSlider) rounded to a round number. Linear keys: a
    // multiple of a 1-2-5 step of about a 50th of the slider's span (a 500th when `fine`: Shift held);
    // whole numbers for counts. Log keys: the ISO 497 R''10 series 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8
    // per decade (fine: two significant digits, or whole numbers for counts). Typed values stay exact.
    [[nodiscard]] static double snapSliderValue(const ParamInfo& info, double value, bool fine);
    // Slider positions for one arrow-key press: one snapping step.
    [[nodiscard]] static int sliderSingleStep(const ParamInfo& info);

    void setFilter(const QString& text);
    // Shows only the parameters matching `text`, with the text in the filter box (to clear it).
    void showMatching(const QString& text);

private:
    struct Row {
        const ParamInfo* info = nullptr;
        QWidget* container = nullptr;
        QGroupBox* group = nullptr;
        QLabel* label = nullptr;
        QSlider* slider = nullptr;
        QDoubleSpinBox* realSpin = nullptr;
        QSpinBox* intSpin = nullptr;
        QComboBox* combo = nullptr;
        QToolButton* reset = nullptr;
        double shown = 0;       // value the controls show
        double preset = 0;      // reset target the tooltip names
        bool initialised = false;
        QString zeroText;       // what the spin box reads at 0 where 0 stands for another value ("" elsewhere)
    };

    void buildRow(Row& row, QWidget* parent);
    void syncFromDocument();
    void syncRow(Row& row, bool force);
    void syncZeroText(Row& row, double value);
    void syncPresets();
    void edit(const Row& row, double value, bool continuing);

    DesignDocument* doc_;
    QComboBox* presetCombo_ = nullptr;
    QLineEdit* search_ = nullptr;
    std::vector<Row> rows_;
    std::vector<QGroupBox*> groups_;
    // Ends a run of key, wheel or spin-arrow steps: one undo step per run, as a drag is one.
    QTimer keyRunIdle_;
};

}  // namespace scoville
