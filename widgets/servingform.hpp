#pragma once
// The serving engine's settings: token budget, batch limit, KV allocation, host time, speculative
// decoding, mixture-of-experts balance, communication overlap and prefill/decode disaggregation.
// One row per workload key of those groups (core/workload/scenario_keys), so a new key shows here
// without code; every change is an undoable edit of the document.
#include <QWidget>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace scoville {

class DesignDocument;
struct WorkloadKey;

class ServingForm : public QWidget {
    Q_OBJECT
public:
    explicit ServingForm(DesignDocument* doc, QWidget* parent = nullptr);

private:
    struct Row {
        const WorkloadKey* key = nullptr;
        QSpinBox* integer = nullptr;
        QDoubleSpinBox* real = nullptr;
        QComboBox* choice = nullptr;  // choices, and the ids a text key may name
    };
    void sync();
    void commit(const Row& row);

    DesignDocument* doc_;
    std::vector<Row> rows_;
};

}  // namespace scoville
