#pragma once
// The session's tables besides designs and their history, one access object each
// (Session::workloads(), comparisons(), sweeps()). Each write is one transaction of the session;
// a refused write names the file, the record and the cause, and changes nothing.
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "core/util/result.hpp"
#include "store/records.hpp"

namespace scoville::store {

class Session;

// Named workloads: a model and a serving scenario, stored key by key.
class Workloads {
public:
    explicit Workloads(Session& session) : s_(session) {}
    [[nodiscard]] QStringList names() const;  // sorted
    [[nodiscard]] Result<WorkloadRecord> get(const QString& name) const;
    // Insert or replace by name. The model must resolve and the scenario fit it.
    Status save(const WorkloadRecord& workload);
    Status remove(const QString& name);

private:
    Session& s_;
};

// Pinned comparisons: members and baseline are references "design:NAME" or "chip:ID".
class Comparisons {
public:
    explicit Comparisons(Session& session) : s_(session) {}
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] Result<Comparison> get(const QString& name) const;
    Status save(const Comparison& comparison);  // insert or replace by name
    Status remove(const QString& name);

private:
    Session& s_;
};

// A sweep's keys and rows (values, statuses, notes) as a session stores them.
void setSweepRows(SweepResult& record, const SweepRows& rows);

// Sweep results, one row per design point.
class Sweeps {
public:
    explicit Sweeps(Session& session) : s_(session) {}
    [[nodiscard]] QStringList names() const;
    [[nodiscard]] Result<SweepResult> get(const QString& name) const;
    Status save(const SweepResult& sweep);  // insert or replace by name; values must be finite
    Status remove(const QString& name);

private:
    Session& s_;
};

// Row access inside a transaction the caller holds (the design journal writes a design's workload
// and comparison in the same transaction as its history).
namespace rows {
Result<WorkloadRecord> readWorkload(const QSqlDatabase& db, const QString& path, const QString& name);
Status writeWorkload(const QSqlDatabase& db, const QString& path, const WorkloadRecord& w, const QString& action);
Status deleteWorkload(const QSqlDatabase& db, const QString& path, const QString& name, const QString& action);
Result<Comparison> readComparison(const QSqlDatabase& db, const QString& path, const QString& name);
Status writeComparison(const QSqlDatabase& db, const QString& path, const Comparison& c, const QString& action);
Status deleteComparison(const QSqlDatabase& db, const QString& path, const QString& name, const QString& action);
}  // namespace rows

}  // namespace scoville::store
