#pragma once
// The store holds message bodies, reports and account names: only its owner may read it. Before
// SQLite opens a store file, preparePrivateFile() makes sure that
//  - a folder it has to create is made 0700, and the default store folder
//    (MessageStore::defaultPath()) is tightened to 0700 when it already exists;
//  - the file exists with mode 0600 (created so, or tightened when it was looser);
//  - existing -wal, -shm and -journal files are 0600 too. New ones need nothing: SQLite's unix
//    VFS creates them with the mode of the database file.
// A folder the user named that already exists (e.g. /tmp for --memory /tmp/m.sqlite) is left
// as it is: it is not ours.

#include "Expected.h"

#include <QString>

namespace sealcheck {

/// @p defaultFolder: the folder whose mode is tightened even when it exists (empty = none).
verifier::Expected<bool> preparePrivateFile(const QString &path, const QString &defaultFolder = {});

} // namespace sealcheck
