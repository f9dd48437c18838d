#pragma once
// Session file format: SQLite with an application_id, a schema version in PRAGMA user_version and
// numbered migrations, each applied in its own transaction (Mixxx style).
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include "core/util/result.hpp"

namespace scoville::store {

// 'SCOV' as a big-endian 32-bit integer: tells a session apart from any other SQLite file.
inline constexpr int kApplicationId = 0x53434F56;
// Newest schema this build writes; files with a larger user_version are refused.
inline constexpr int kSchemaVersion = 9;
// Oldest schema version able to read files written at kSchemaVersion (recorded in the file so a
// future reader can tell whether an older build could still read it).
inline constexpr int kMinReaderVersion = 8;


// One numbered migration: from version - 1 to version.
struct Migration {
    int version;
    const char* description;
    Status (*apply)(QSqlDatabase& db);
};

// All migrations, ascending, 1..kSchemaVersion.
const Migration* migrations(int* count);

// Brings `db` from its current user_version up to `target` (<= kSchemaVersion), one transaction
// per step; each step also sets user_version, so a failed step leaves the previous version intact.
// Sets the application_id on a fresh (version 0) database.
Status migrate(QSqlDatabase& db, int target = kSchemaVersion);

// What an existing file is, found without writing to it.
enum class FileKind { missing, empty, session, notSqlite, foreign, newer, corrupt, locked, unreadable };

struct FileCheck {
    FileKind kind = FileKind::missing;
    int version = 0;  // user_version when kind is session or newer
    QString message;  // one line naming the file and what is wrong (empty when usable)
    Message text{};   // the same, translatable (the GUI shows it in the user's language)
};

// Inspects `path` read-only: SQLite magic, application_id, user_version, PRAGMA quick_check.
// Never modifies the file. Waits up to `busyTimeoutMs` for another program's lock.
FileCheck checkFile(const QString& path, int busyTimeoutMs = 2000);

// Unique connection names, so several sessions (and threads) can hold the same file open.
QString uniqueConnectionName(const char* purpose);

// A message of the store the GUI translates (context "Store", patterns marked with SCV_TR) and the
// command line prints in English: `args` fill %1.., then each of `inner`, translated on its own.
Message storeMessage(std::string_view pattern, const QStringList& args, std::vector<Message> inner = {});
inline Error storeError(std::string_view pattern, const QStringList& args, std::vector<Message> inner = {}) {
    return Error::of(storeMessage(pattern, args, std::move(inner)));
}

// "FILE: <action>: <what> (<sqlite message>)" from a failed query, mapping busy/full/read-only to
// plain words; translatable where the action is.
Message sqlErrorMessage(const QString& file, const Message& action, const class QSqlError& error);
QString describeSqlError(const QString& file, const QString& action, const class QSqlError& error);

}  // namespace scoville::store
