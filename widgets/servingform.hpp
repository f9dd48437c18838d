#pragma once
// The serving engine's settings: token budget, batch limit, KV allocation, host time, speculative
// decoding, mixture-of-experts balance, communication overlap, prefill/decode disaggregation, and the
// measured request lengths (the workload bar holds the other request keys).
// One row per workload key of those groups (core/workload/scenario_keys), so a new key shows here
// without code; every change is an undoable edit of the document.
#include <QWidget>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
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
        QLineEdit* line = nullptr;    // a text key with a form of its own (length quantiles)
        QLabel* problem = nullptr;    // under it: why the typed text was refused
        QWidget* field = nullptr;     // the one of those the row holds
        QWidget* label = nullptr;     // its label in the form
        QString tip;                  // what the key means, its key
    };
    void sync();
    // Greys out the rows whose keys change nothing for the workload (WorkloadKey::applies), unless
    // they hold a value of their own, which stays editable to be set back.
    void showRelevance();
    void commit(const Row& row);

    DesignDocument* doc_;
    std::vector<Row> rows_;
};

}  // namespace scoville
