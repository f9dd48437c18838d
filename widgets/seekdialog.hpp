#pragma once
// Goal seek (Tools > Goal Seek): the value of one key at which an objective reaches a target,
// absolute or relative to the design's value now (core seek()), within the key's slider range or a
// range given. Shows the value found or why none is; Apply puts it into the design as one undoable
// step. Not modal: the design can be edited while the dialog is open.
#include <QDialog>
#include <QThreadPool>
#include <optional>

#include "core/sweep/analysis.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace scoville {

class DesignDocument;
class KeyValueSpinBox;

class SeekDialog : public QDialog {
    Q_OBJECT
public:
    explicit SeekDialog(DesignDocument* doc, QWidget* parent = nullptr);
    ~SeekDialog() override;

    enum class TargetMode { absolute, relative };
    // The target the controls give, in the objective's units (relative: times the value now).
    [[nodiscard]] std::optional<double> target() const;
    [[nodiscard]] bool isSeeking() const { return seeking_; }
    // The last value found (cleared when the inputs change).
    [[nodiscard]] const std::optional<SeekResult>& result() const { return result_; }

    // The Seek button; false (with the reason shown) when the inputs do not make a search.
    bool seek();
    // The Apply button: the value found into the design, one undoable step.
    Status apply();

signals:
    void seekFinished(bool found);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void keyChosen();
    void updateNow();
    void inputsChanged();

    DesignDocument* doc_;
    QComboBox* key_ = nullptr;
    QComboBox* objective_ = nullptr;
    QComboBox* mode_ = nullptr;
    QDoubleSpinBox* target_ = nullptr;
    QLabel* now_ = nullptr;
    QCheckBox* useRange_ = nullptr;
    KeyValueSpinBox* low_ = nullptr;
    KeyValueSpinBox* high_ = nullptr;
    QLabel* result_label_ = nullptr;
    QPushButton* seek_ = nullptr;
    QPushButton* apply_ = nullptr;
    std::optional<SeekResult> result_;
    const SweepKey* resultKey_ = nullptr;
    const ResultKey* resultObjective_ = nullptr;
    double resultTarget_ = 0;
    bool seeking_ = false;
    int generation_ = 0;
    QThreadPool pool_;
};

}  // namespace scoville
