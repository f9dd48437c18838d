#pragma once
// A form over a model's architecture (core/workload/model_keys.hpp): every key a field with its label, unit and
// range, its meaning on hover; the parameters it makes, or why it is no model, below them. OK gives the model,
// which the design takes as its own.
#include <QDialog>
#include <map>
#include <string>

#include "core/workload/model.hpp"

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace scoville {

class ModelEditor : public QDialog {
    Q_OBJECT
public:
    explicit ModelEditor(const ModelSpec& start, QWidget* parent = nullptr);

    // The model the fields describe (valid or not: check() says).
    [[nodiscard]] ModelSpec model() const;
    // Whether the fields make a model, and the text under them: its parameters, or what is wrong.
    [[nodiscard]] bool isValid() const { return valid_; }
    [[nodiscard]] QString statusText() const;

private:
    void update();

    ModelSpec start_;
    QLineEdit* id_ = nullptr;
    QLineEdit* name_ = nullptr;
    QLineEdit* pattern_ = nullptr;  // the layer pattern (ModelSpec::layer_pattern)
    std::map<std::string, QWidget*> fields_;  // by model key
    QLabel* status_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
    bool valid_ = true;
};

}  // namespace scoville
