#pragma once
// The workload toolbar (model, batch, lengths, precisions, parallelism) and the comparison
// toolbar (baseline chip, compared chips, phase shown). Every change is an undoable edit of the document.
#include <QToolBar>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QToolButton;

namespace scoville {

class DesignDocument;
class ModelEditor;

class WorkloadBar : public QToolBar {
    Q_OBJECT
public:
    explicit WorkloadBar(DesignDocument* doc, QWidget* parent = nullptr);

    // Makes the model in `path` (a model file of the library's form or a transformers config.json) the
    // design's own, as the model list's "Load Model File..." does after its file dialog; false, and the
    // refusal shown, where the file does not read as a model.
    bool loadModelFile(const QString& path);
    // Opens the form over the design's model, as the model list's "Edit Model..." does; on OK the edited model
    // becomes the design's own (one undoable step). Returns the open dialog.
    ModelEditor* editModel();

private:
    QSpinBox* addSpin(const QString& name, const QString& label, const QString& tip, int min, int max);
    QComboBox* addPrecision(const QString& name, const QString& label, const QString& tip);
    void sync();
    void commit();

    DesignDocument* doc_;
    QComboBox* model_ = nullptr;
    QSpinBox* batch_ = nullptr;
    QSpinBox* input_ = nullptr;
    QSpinBox* output_ = nullptr;
    QComboBox* weights_ = nullptr;
    QComboBox* activations_ = nullptr;
    QComboBox* kv_ = nullptr;
    QSpinBox* chips_ = nullptr;
    QSpinBox* tp_ = nullptr;
    QSpinBox* dp_ = nullptr;
    QSpinBox* pp_ = nullptr;
    QSpinBox* ep_ = nullptr;
};

// Latency limits of the workload: with batch "auto" the batch is the largest that meets them.
class LatencyBar : public QToolBar {
    Q_OBJECT
public:
    explicit LatencyBar(DesignDocument* doc, QWidget* parent = nullptr);

private:
    void sync();
    void commit();

    DesignDocument* doc_;
    QDoubleSpinBox* ttft_ = nullptr;  // s; 0 = no limit
    QDoubleSpinBox* tpot_ = nullptr;  // ms; 0 = no limit
    QDoubleSpinBox* inputCv_ = nullptr;   // spread of prompt lengths (std / mean)
    QDoubleSpinBox* outputCv_ = nullptr;  // spread of output lengths
    QString outputCvTip_;                   // its tooltip while no measured quantiles stand in its place
};

class CompareBar : public QToolBar {
    Q_OBJECT
public:
    explicit CompareBar(DesignDocument* doc, QWidget* parent = nullptr);

private:
    void sync();

    DesignDocument* doc_;
    QComboBox* baseline_ = nullptr;
    QToolButton* references_ = nullptr;
    QComboBox* phase_ = nullptr;
};

}  // namespace scoville
