#include "store/history_model.hpp"

namespace scoville::store {

HistoryModel::HistoryModel(QObject* parent) : QAbstractListModel(parent) {}

void HistoryModel::setSession(Session* session) {
    if (session_) disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &Session::historyChanged, this, [this](const QString& name) {
            if (name == design_) reload();
        });
        connect(session_, &Session::designRenamed, this, [this](const QString& from, const QString& to) {
            if (from == design_) design_ = to;
        });
        connect(session_, &Session::designRemoved, this, [this](const QString& name) {
            if (name == design_) setDesign({});
        });
        connect(session_, &Session::designAdded, this, [this](const QString& name) {
            if (name == design_) reload();
        });
        connect(session_, &Session::pathChanged, this, &HistoryModel::reload);
    }
    reload();
}

void HistoryModel::setDesign(const QString& design) {
    design_ = design;
    reload();
}

void HistoryModel::reload() {
    beginResetModel();
    entries_.clear();
    position_ = 0;
    if (session_ && session_->hasDesign(design_)) {
        entries_ = session_->history(design_);
        position_ = session_->undoPosition(design_);
    }
    endResetModel();
}

int HistoryModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !session_ || !session_->hasDesign(design_)) return 0;
    return static_cast<int>(entries_.size()) + 1;
}

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const int row = index.row();
    if (row == 0) {
        switch (role) {
            case Qt::DisplayRole:
                return tr("Design as first saved");
            case KeyRole:
            case OldValueRole:
            case NewValueRole:
                return QString();
            case TimeRole:
                return QDateTime();
            case AppliedRole:
                return true;
            case CurrentRole:
                return position_ == 0;
            default:
                return {};
        }
    }
    const HistoryEntry& e = entries_[row - 1];
    switch (role) {
        case Qt::DisplayRole:
            return e.label;
        case Qt::ToolTipRole:
            if (e.key == QLatin1String("*"))
                return tr("%1: whole design replaced").arg(e.time.toLocalTime().toString(Qt::ISODate));
            return tr("%1: %2 %3 -> %4")
                .arg(e.time.toLocalTime().toString(Qt::ISODate), e.key, e.oldValue, e.newValue);
        case TimeRole:
            return e.time;
        case KeyRole:
            return e.key;
        case OldValueRole:
            return e.oldValue;
        case NewValueRole:
            return e.newValue;
        case AppliedRole:
            return row <= position_;
        case CurrentRole:
            return row == position_;
        default:
            return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(KeyRole, "key");
    names.insert(OldValueRole, "oldValue");
    names.insert(NewValueRole, "newValue");
    names.insert(AppliedRole, "applied");
    names.insert(CurrentRole, "current");
    return names;
}

}  // namespace scoville::store
