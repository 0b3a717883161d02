-- Sync bookkeeping for the sync client (schema version 2). Still nothing in clear: ids, revisions,
-- cursors and envelopes only.

-- The last version of each record that this device and the server agreed on (the "base" of a three-way
-- merge): the server's envelope at that revision, or NULL when it was a tombstone. Its revision is also
-- the highest revision of the record this device has seen from the server (rollback check).
CREATE TABLE sync_base (
    vault_id   BLOB    NOT NULL,
    record_id  BLOB    NOT NULL,
    revision   INTEGER NOT NULL,
    envelope   BLOB,
    PRIMARY KEY (vault_id, record_id)
);

-- The account this folder is linked to on a sync server (at most one row). No secret is stored here:
-- tokens live in memory only, the service share is in account.wrapped_share.
CREATE TABLE sync_link (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    server_url   TEXT    NOT NULL,
    fingerprint  TEXT    NOT NULL,   -- SHA-256 of the server certificate this device pins
    email        TEXT    NOT NULL,
    account_id   TEXT    NOT NULL,
    linked_at    INTEGER NOT NULL
);
