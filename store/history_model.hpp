#pragma once
// The edit history of one design as a list model for a History panel: row 0 is the design as
// first saved, row n is the state after step n, so a row number is a step position
// (Session::goToStep(design, row), QUndoStack::setIndex(row)). Rows past the undo position are
// undone steps (the redo branch). Each row describes itself in the user's language.
#include <QAbstractListModel>
#include <QPointer>

#include "store/records.hpp"
#include "store/session.hpp"

namespace scoville::store {

class HistoryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        TimeRole = Qt::UserRole + 1,  // QDateTime (UTC); invalid for row 0
        KindRole,                     // the first edit's kind: "chip", "design", "workload", ...; "" for row 0
        KeyRole,                      // the first edit's key ("*" for a whole-chip replacement); "" for row 0
        OldValueRole,                 // the first edit's old and new values
        NewValueRole,
        EditCountRole,                // edits in the step
        AppliedRole,  // bool: row <= undo position
        CurrentRole,  // bool: row == undo position
    };

    explicit HistoryModel(QObject* parent = nullptr);

    void setSession(Session* session);
    void setDesign(const QString& design);
    [[nodiscard]] QString design() const { return design_; }
    [[nodiscard]] int undoPosition() const { return position_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void reload();

    QPointer<Session> session_;
    QString design_;
    QList<HistoryStep> steps_;
    QStringList text_;  // each step's description, made once per reload
    int position_ = 0;
};

}  // namespace scoville::store
