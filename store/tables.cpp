#include "store/tables.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <limits>

#include "core/library/library.hpp"
#include "core/workload/scenario_keys.hpp"
#include "store/qtext.hpp"
#include "store/schema.hpp"
#include "store/session.hpp"

namespace scoville::store {

namespace {

QString nn(const QString& s) { return s.isNull() ? QStringLiteral("") : s; }
qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }
QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

Status run(QSqlQuery& q, const QString& file, const QString& action) {
    if (q.exec()) return Ok{};
    return Error{stext(describeSqlError(file, action, q.lastError()))};
}

// A JSON array of numbers; NaN (a result that does not apply) as null.
QString joinNumbers(const std::vector<double>& values) {
    QStringList parts;
    parts.reserve(static_cast<qsizetype>(values.size()));
    for (double v : values)
        parts << (std::isnan(v) ? QStringLiteral("null") : QString::number(v, 'g', 17));  // 17 digits: exact
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

Result<std::vector<double>> splitNumbers(const QString& text, bool nulls) {
    const QString inner = text.mid(1, text.size() - 2).trimmed();
    std::vector<double> out;
    if (!text.startsWith(QLatin1Char('[')) || !text.endsWith(QLatin1Char(']')))
        return Error{"sweep row '" + stext(text.left(40)) + "' is not a JSON array"};
    if (inner.isEmpty()) return out;
    for (const QString& part : inner.split(QLatin1Char(','))) {
        if (nulls && part.trimmed() == QLatin1String("null")) {
            out.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        bool ok = false;
        const double v = part.trimmed().toDouble(&ok);
        if (!ok) return Error{"sweep row value '" + stext(part) + "' is not a number"};
        out.push_back(v);
    }
    return out;
}

QString joinStrings(const QStringList& list) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QStringList splitStrings(const QString& text) {
    QStringList out;
    for (const auto& v : QJsonDocument::fromJson(text.toUtf8()).array()) out << v.toString();
    return out;
}

}  // namespace

// --- Workloads ------------------------------------------------------------------------------------------

namespace {
QStringList tableNames(const QSqlDatabase& d, const QString& table) {
    QStringList out;
    QSqlQuery q(d);
    if (q.exec(QStringLiteral("SELECT name FROM %1 ORDER BY name").arg(table)))
        while (q.next()) out << q.value(0).toString();
    return out;
}
QVariant optionalReal(const std::optional<double>& v) {
    return v ? QVariant(*v) : QVariant(QMetaType(QMetaType::Double));
}
}  // namespace

QStringList Workloads::names() const {
    return tableNames(s_.db(), QStringLiteral("workloads"));
}

Result<WorkloadRecord> Workloads::get(const QString& name) const {
    return rows::readWorkload(s_.db(), s_.path_, name);
}

Result<WorkloadRecord> rows::readWorkload(const QSqlDatabase& db, const QString& path, const QString& name) {
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT model_id, model_json, batch, input_len, output_len, weight_precision,"
                       " activation_precision, kv_precision, chips, tp, pp, ep, ttft_slo_s, tpot_slo_s,"
                       " input_len_cv, output_len_cv, id FROM workloads WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error{stext(describeSqlError(path, QStringLiteral("reading workload"), q.lastError()))};
    if (!q.next()) return storeError(SCV_TR("Store", "%1: no workload '%2'"), {path, name});
    WorkloadRecord w;
    w.name = name;
    w.modelId = q.value(0).toString();
    w.modelJson = q.value(1).toString();
    Scenario& s = w.scenario;
    s.batch = q.value(2).toInt();
    s.input_len = q.value(3).toInt();
    s.output_len = q.value(4).toInt();
    const auto precision = [&](int column, Precision& out) -> Status {
        auto p = parse_precision(stext(q.value(column).toString()));
        if (!p)
            return Error{stext(QStringLiteral("%1: workload '%2': unknown precision '%3'")
                                .arg(path, name, q.value(column).toString()))};
        out = *p;
        return Ok{};
    };
    if (auto st = precision(5, s.weight_precision); !st) return st.error();
    if (auto st = precision(6, s.activation_precision); !st) return st.error();
    if (auto st = precision(7, s.kv_precision); !st) return st.error();
    s.chips = q.value(8).toInt();
    s.tp = q.value(9).toInt();
    s.pp = q.value(10).toInt();
    s.ep = q.value(11).toInt();
    if (!q.value(12).isNull()) s.ttft_slo_s = q.value(12).toDouble();
    if (!q.value(13).isNull()) s.tpot_slo_s = q.value(13).toDouble();
    s.input_len_cv = q.value(14).toDouble();
    s.output_len_cv = q.value(15).toDouble();
    // Key by key (schema 6): every scenario key the file holds; a key this build does not know is
    // left alone, one it knows with a bad value is refused with the key named.
    QSqlQuery kv(db);
    kv.prepare(QStringLiteral("SELECT key, value FROM workload_params WHERE workload_id = ?"));
    kv.addBindValue(q.value(16));
    if (!kv.exec())
        return Error{stext(describeSqlError(path, QStringLiteral("reading workload"), kv.lastError()))};
    while (kv.next()) {
        const std::string key = stext(kv.value(0).toString());
        if (!find_workload_key(key)) continue;
        if (auto st = set_workload_text(s, key, stext(kv.value(1).toString())); !st)
            return Error{stext(path) + ": workload '" + stext(name) + "': " + st.error().message};
    }
    return w;
}

Status Workloads::save(const WorkloadRecord& w) {
    if (w.name.trimmed().isEmpty()) return s_.fail(stext(s_.path_) + ": a workload needs a name");
    if (w.modelId.isEmpty() == w.modelJson.isEmpty())
        return s_.fail(stext(
            QStringLiteral("%1: workload '%2': give either a model id or a model JSON").arg(s_.path_, w.name)));
    const Scenario& s = w.scenario;
    // The model must resolve (a library id, or JSON that parses) and the scenario fit it, so a
    // stored workload always evaluates; messages name the bad key.
    auto model =
        w.modelJson.isEmpty()
            ? load_model(stext(w.modelId))
            : model_from_json(stext(w.modelJson), stext(QStringLiteral("workload '%1' model").arg(w.name)));
    if (!model) return s_.fail(stext(s_.path_) + ": workload '" + stext(w.name) + "': " + model.error().message);
    if (auto st = validate_scenario(s, *model); !st)
        return s_.fail(stext(s_.path_) + ": workload '" + stext(w.name) + "': " + st.error().message);
    const QString action = QStringLiteral("saving workload '%1'").arg(w.name);
    auto st = s_.write(action, [&]() -> Status { return rows::writeWorkload(s_.db(), s_.path_, w, action); });
    if (st) emit s_.workloadsChanged();
    return st;
}

Status rows::writeWorkload(const QSqlDatabase& db, const QString& path, const WorkloadRecord& w,
                           const QString& action) {
    const Scenario& s = w.scenario;
    QSqlQuery q(db);
    // The row keeps its id (the key/value rows hang off it): update in place, insert when new.
    q.prepare(QStringLiteral("SELECT id FROM workloads WHERE name = ?"));
    q.addBindValue(nn(w.name));
    if (auto r = run(q, path, action); !r) return r;
    const QVariant id = q.next() ? q.value(0) : QVariant();
    q.prepare(id.isValid()
                  ? QStringLiteral("UPDATE workloads SET name = ?, model_id = ?, model_json = ?, batch = ?,"
                                   " input_len = ?, output_len = ?, weight_precision = ?, activation_precision = ?,"
                                   " kv_precision = ?, chips = ?, tp = ?, pp = ?, ep = ?, ttft_slo_s = ?,"
                                   " tpot_slo_s = ?, input_len_cv = ?, output_len_cv = ? WHERE id = ?")
                  : QStringLiteral("INSERT INTO workloads (name, model_id, model_json, batch, input_len, output_len,"
                                   " weight_precision, activation_precision, kv_precision, chips, tp, pp, ep,"
                                   " ttft_slo_s, tpot_slo_s, input_len_cv, output_len_cv)"
                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         {QVariant(nn(w.name)), QVariant(nn(w.modelId)), QVariant(nn(w.modelJson)), QVariant(s.batch),
          QVariant(s.input_len), QVariant(s.output_len), QVariant(qtext(to_string(s.weight_precision))),
          QVariant(qtext(to_string(s.activation_precision))), QVariant(qtext(to_string(s.kv_precision))),
          QVariant(s.chips), QVariant(s.tp), QVariant(s.pp), QVariant(s.ep), optionalReal(s.ttft_slo_s),
          optionalReal(s.tpot_slo_s), QVariant(s.input_len_cv), QVariant(s.output_len_cv)})
        q.addBindValue(v);
    if (id.isValid()) q.addBindValue(id);
    if (auto r = run(q, path, action); !r) return r;
    const QVariant rowId = id.isValid() ? id : q.lastInsertId();
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO workload_params (workload_id, key, value) VALUES (?, ?, ?)"));
    for (const auto& k : workload_keys()) {
        q.addBindValue(rowId);
        q.addBindValue(qtext(k.key));
        q.addBindValue(QString::fromStdString(k.get(s)));
        if (auto r = run(q, path, action); !r) return r;
    }
    return Ok{};
}

Status Workloads::remove(const QString& name) {
    const QString action = QStringLiteral("removing workload '%1'").arg(name);
    auto st = s_.write(action, [&]() -> Status { return rows::deleteWorkload(s_.db(), s_.path_, name, action); });
    if (st) emit s_.workloadsChanged();
    return st;
}

Status rows::deleteWorkload(const QSqlDatabase& db, const QString& path, const QString& name, const QString& action) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM workload_params WHERE workload_id IN (SELECT id FROM workloads WHERE name = ?)"));
    q.addBindValue(name);
    if (auto r = run(q, path, action); !r) return r;
    q.prepare(QStringLiteral("DELETE FROM workloads WHERE name = ?"));
    q.addBindValue(name);
    return run(q, path, action);
}

// --- Comparisons -------------------------------------------------------------------------------------------

QStringList Comparisons::names() const {
    return tableNames(s_.db(), QStringLiteral("comparisons"));
}

Result<Comparison> Comparisons::get(const QString& name) const {
    return rows::readComparison(s_.db(), s_.path_, name);
}

Result<Comparison> rows::readComparison(const QSqlDatabase& db, const QString& path, const QString& name) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, workload, baseline, created_ms FROM comparisons WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return Error{stext(describeSqlError(path, QStringLiteral("reading comparison"), q.lastError()))};
    if (!q.next()) return storeError(SCV_TR("Store", "%1: no comparison '%2'"), {path, name});
    Comparison c;
    c.name = name;
    const qint64 id = q.value(0).toLongLong();
    c.workload = q.value(1).toString();
    c.baseline = q.value(2).toString();
    c.created = fromMs(q.value(3).toLongLong());
    q.finish();
    q.prepare(QStringLiteral("SELECT ref FROM comparison_members WHERE comparison_id = ? ORDER BY position"));
    q.addBindValue(id);
    if (!q.exec())
        return Error{stext(describeSqlError(path, QStringLiteral("reading comparison"), q.lastError()))};
    while (q.next()) c.members << q.value(0).toString();
    return c;
}

Status Comparisons::save(const Comparison& c) {
    if (c.name.trimmed().isEmpty()) return s_.fail(stext(s_.path_) + ": a comparison needs a name");
    const QString action = QStringLiteral("saving comparison '%1'").arg(c.name);
    auto st = s_.write(action, [&]() -> Status { return rows::writeComparison(s_.db(), s_.path_, c, action); });
    if (st) emit s_.comparisonsChanged();
    return st;
}

Status rows::writeComparison(const QSqlDatabase& db, const QString& path, const Comparison& c,
                             const QString& action) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, created_ms FROM comparisons WHERE name = ?"));
    q.addBindValue(c.name);
    if (auto r = run(q, path, action); !r) return r;
    qint64 created = nowMs();
    if (q.next()) {
        created = q.value(1).toLongLong();
        const qint64 old = q.value(0).toLongLong();
        q.finish();
        for (const char* sql : {"DELETE FROM comparison_members WHERE comparison_id = ?",
                                "DELETE FROM comparisons WHERE id = ?"}) {
            q.prepare(QLatin1String(sql));
            q.addBindValue(old);
            if (auto r = run(q, path, action); !r) return r;
        }
    }
    q.finish();
    q.prepare(QStringLiteral(
        "INSERT INTO comparisons (name, workload, baseline, created_ms) VALUES (?, ?, ?, ?)"));
    q.addBindValue(nn(c.name));
    q.addBindValue(nn(c.workload));
    q.addBindValue(nn(c.baseline));
    q.addBindValue(created);
    if (auto r = run(q, path, action); !r) return r;
    const qint64 id = q.lastInsertId().toLongLong();
    q.prepare(
        QStringLiteral("INSERT INTO comparison_members (comparison_id, position, ref) VALUES (?, ?, ?)"));
    for (qsizetype i = 0; i < c.members.size(); ++i) {
        q.addBindValue(id);
        q.addBindValue(static_cast<int>(i));
        q.addBindValue(nn(c.members[i]));
        if (auto r = run(q, path, action); !r) return r;
    }
    return Ok{};
}

Status Comparisons::remove(const QString& name) {
    const QString action = QStringLiteral("removing comparison '%1'").arg(name);
    auto st = s_.write(action, [&]() -> Status { return rows::deleteComparison(s_.db(), s_.path_, name, action); });
    if (st) emit s_.comparisonsChanged();
    return st;
}

Status rows::deleteComparison(const QSqlDatabase& db, const QString& path, const QString& name,
                              const QString& action) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM comparison_members WHERE comparison_id IN"
                             " (SELECT id FROM comparisons WHERE name = ?)"));
    q.addBindValue(name);
    if (auto r = run(q, path, action); !r) return r;
    q.prepare(QStringLiteral("DELETE FROM comparisons WHERE name = ?"));
    q.addBindValue(name);
    return run(q, path, action);
}

// --- Sweeps
// --------------------------------------------------------------------------------------------------

void setSweepRows(SweepResult& record, const SweepRows& rows) {
    record.paramKeys.clear();
    record.objectiveKeys.clear();
    for (const auto& k : rows.axis_keys) record.paramKeys << qtext(k);
    for (const auto& k : rows.objective_keys) record.objectiveKeys << qtext(k);
    const size_t A = rows.axis_keys.size(), O = rows.objective_keys.size();
    record.rows.assign(rows.size(), {});
    for (size_t i = 0; i < rows.size(); ++i) {
        SweepRow& row = record.rows[i];
        for (size_t a = 0; a < A; ++a) row.params.push_back(rows.axis(i, a));
        for (size_t o = 0; o < O; ++o) row.objectives.push_back(rows.objective(i, o));  // NaN: stored as null
        row.status = rows.status[i];
        row.note = qtext(rows.note[i]);
    }
}

bool operator==(const SweepRow& a, const SweepRow& b) {
    auto same = [](const std::vector<double>& x, const std::vector<double>& y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < x.size(); ++i)
            if (!(x[i] == y[i] || (std::isnan(x[i]) && std::isnan(y[i])))) return false;
        return true;
    };
    return same(a.params, b.params) && same(a.objectives, b.objectives) && a.status == b.status && a.note == b.note;
}

QStringList Sweeps::names() const {
    return tableNames(s_.db(), QStringLiteral("sweeps"));
}

Result<SweepResult> Sweeps::get(const QString& name) const {
    QSqlQuery q(s_.db());
    q.prepare(
        QStringLiteral("SELECT id, design, workload, spec, param_keys, objective_keys, created_ms FROM sweeps"
                       " WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec()) return Error{stext(describeSqlError(s_.path_, QStringLiteral("reading sweep"), q.lastError()))};
    if (!q.next()) return storeError(SCV_TR("Store", "%1: no sweep '%2'"), {s_.path_, name});
    SweepResult r;
    r.name = name;
    const qint64 id = q.value(0).toLongLong();
    r.design = q.value(1).toString();
    r.workload = q.value(2).toString();
    r.spec = q.value(3).toString();
    r.paramKeys = splitStrings(q.value(4).toString());
    r.objectiveKeys = splitStrings(q.value(5).toString());
    r.created = fromMs(q.value(6).toLongLong());
    q.finish();
    q.prepare(QStringLiteral(
        "SELECT param_values, objective_values, status, note FROM sweep_rows WHERE sweep_id = ? ORDER BY row"));
    q.addBindValue(id);
    if (!q.exec()) return Error{stext(describeSqlError(s_.path_, QStringLiteral("reading sweep"), q.lastError()))};
    while (q.next()) {
        auto p = splitNumbers(q.value(0).toString(), false);
        auto o = splitNumbers(q.value(1).toString(), true);
        if (!p || !o) return Error{stext(s_.path_) + ": sweep '" + stext(name) + "': " + (!p ? p : o).error().message};
        const auto status = parse_point_status(stext(q.value(2).toString()));
        if (!status)
            return Error{stext(s_.path_) + ": sweep '" + stext(name) + "': status '" + stext(q.value(2).toString()) +
                         "' is not ok, violates or failed"};
        r.rows.push_back({std::move(*p), std::move(*o), *status, q.value(3).toString()});
    }
    return r;
}

Status Sweeps::save(const SweepResult& r) {
    if (r.name.trimmed().isEmpty()) return s_.fail(stext(s_.path_) + ": a sweep needs a name");
    for (size_t i = 0; i < r.rows.size(); ++i) {
        const SweepRow& row = r.rows[i];
        if (row.params.size() != static_cast<size_t>(r.paramKeys.size()) ||
            row.objectives.size() != static_cast<size_t>(r.objectiveKeys.size()))
            return s_.fail(
                stext(QStringLiteral(
                       "%1: sweep '%2': row %3 has %4 parameter and %5 objective values; expected %6 and %7")
                       .arg(s_.path_, r.name)
                       .arg(i)
                       .arg(row.params.size())
                       .arg(row.objectives.size())
                       .arg(r.paramKeys.size())
                       .arg(r.objectiveKeys.size())));
        for (double v : row.params)
            if (!std::isfinite(v))
                return s_.fail(stext(QStringLiteral("%1: sweep '%2': row %3 has a value that is not finite")
                                   .arg(s_.path_, r.name)
                                   .arg(i)));
        for (double v : row.objectives)  // NaN: does not apply (null); infinities are not results
            if (std::isinf(v))
                return s_.fail(stext(QStringLiteral("%1: sweep '%2': row %3 has an infinite objective")
                                   .arg(s_.path_, r.name)
                                   .arg(i)));
    }
    const QString action = QStringLiteral("saving sweep '%1'").arg(r.name);
    auto st = s_.write(action, [&]() -> Status {
        QSqlQuery q(s_.db());
        q.prepare(QStringLiteral("SELECT id, created_ms FROM sweeps WHERE name = ?"));
        q.addBindValue(r.name);
        if (auto s = run(q, s_.path_, action); !s) return s;
        qint64 created = nowMs();
        if (q.next()) {
            created = q.value(1).toLongLong();
            const qint64 old = q.value(0).toLongLong();
            q.finish();
            for (const char* sql :
                 {"DELETE FROM sweep_rows WHERE sweep_id = ?", "DELETE FROM sweeps WHERE id = ?"}) {
                q.prepare(QLatin1String(sql));
                q.addBindValue(old);
                if (auto s = run(q, s_.path_, action); !s) return s;
            }
        }
        q.finish();
        q.prepare(QStringLiteral(
            "INSERT INTO sweeps (name, design, workload, spec, param_keys, objective_keys, created_ms)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant& v :
             {QVariant(nn(r.name)), QVariant(nn(r.design)), QVariant(nn(r.workload)), QVariant(nn(r.spec)),
              QVariant(joinStrings(r.paramKeys)), QVariant(joinStrings(r.objectiveKeys)), QVariant(created)})
            q.addBindValue(v);
        if (auto s = run(q, s_.path_, action); !s) return s;
        const qint64 id = q.lastInsertId().toLongLong();
        q.prepare(QStringLiteral(
            "INSERT INTO sweep_rows (sweep_id, row, param_values, objective_values, status, note)"
            " VALUES (?, ?, ?, ?, ?, ?)"));
        for (size_t i = 0; i < r.rows.size(); ++i) {
            q.addBindValue(id);
            q.addBindValue(static_cast<qint64>(i));
            q.addBindValue(joinNumbers(r.rows[i].params));
            q.addBindValue(joinNumbers(r.rows[i].objectives));
            q.addBindValue(qtext(to_string(r.rows[i].status)));
            q.addBindValue(nn(r.rows[i].note));
            if (auto s = run(q, s_.path_, action); !s) return s;
        }
        return Ok{};
    });
    if (st) emit s_.sweepsChanged();
    return st;
}

Status Sweeps::remove(const QString& name) {
    const QString action = QStringLiteral("removing sweep '%1'").arg(name);
    auto st = s_.write(action, [&]() -> Status {
        QSqlQuery q(s_.db());
        q.prepare(QStringLiteral(
            "DELETE FROM sweep_rows WHERE sweep_id IN (SELECT id FROM sweeps WHERE name = ?)"));
        q.addBindValue(name);
        if (auto s = run(q, s_.path_, action); !s) return s;
        q.prepare(QStringLiteral("DELETE FROM sweeps WHERE name = ?"));
        q.addBindValue(name);
        return run(q, s_.path_, action);
    });
    if (st) emit s_.sweepsChanged();
    return st;
}


}  // namespace scoville::store
