#pragma once
// Session file format version (SQLite PRAGMA user_version).
namespace scoville::store {
inline constexpr int kSchemaVersion = 0;
}
