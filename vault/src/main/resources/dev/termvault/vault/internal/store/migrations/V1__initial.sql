-- Termvault local cache, schema version 1.
-- Nothing in this schema holds a record's type, name, hostname or any other content in clear:
-- record content lives only inside the envelope bytes. See docs/security/local-storage.md.

-- The one account this folder belongs to (id is always 1).
CREATE TABLE account (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    account_id       BLOB    NOT NULL,   -- 16 random bytes; names the account, reveals nothing
    format_version   INTEGER NOT NULL,   -- key hierarchy version (1)
    kdf_salt         BLOB    NOT NULL,   -- Argon2id salt, 16 bytes
    kdf_memory_kib   INTEGER NOT NULL,
    kdf_iterations   INTEGER NOT NULL,
    kdf_parallelism  INTEGER NOT NULL,
    secret_key       BLOB    NOT NULL,   -- the 16-byte Secret Key, kept on the device (DESIGN.md)
    wrapped_share    BLOB    NOT NULL,   -- service share S wrapped under K_local (offline unlock)
    share_source     TEXT    NOT NULL,   -- 'local' for a local-only vault, 'service' once attached
    created_at       INTEGER NOT NULL    -- epoch milliseconds
);

-- This device (id is always 1).
CREATE TABLE device (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    device_id   BLOB    NOT NULL,        -- 16 random bytes
    created_at  INTEGER NOT NULL
);

-- The vaults of the account. current_key_version is the vault-key version new envelopes are sealed under.
CREATE TABLE vault (
    vault_id             BLOB    PRIMARY KEY,
    current_key_version  INTEGER NOT NULL,
    sync_cursor          INTEGER NOT NULL DEFAULT 0   -- last server sequence pulled (sync client)
);

-- Wrapped vault keys: VK(version) wrapped under K_acct, context = vault id and version.
CREATE TABLE vault_key (
    vault_id     BLOB    NOT NULL REFERENCES vault (vault_id),
    key_version  INTEGER NOT NULL,
    wrapped_key  BLOB    NOT NULL,
    PRIMARY KEY (vault_id, key_version)
);

-- One row per record: ids, revision, envelope (or tombstone) and sync bookkeeping only.
CREATE TABLE record (
    vault_id       BLOB    NOT NULL REFERENCES vault (vault_id),
    record_id      BLOB    NOT NULL,
    revision       INTEGER NOT NULL,
    envelope       BLOB,                      -- NULL for a tombstone
    deleted        INTEGER NOT NULL DEFAULT 0,
    key_version    INTEGER NOT NULL,          -- vault-key version of the envelope's key slot (also in its header)
    base_revision  INTEGER NOT NULL DEFAULT 0, -- last revision the server acknowledged (0: never synced)
    dirty          INTEGER NOT NULL DEFAULT 1, -- 1 while a local change has not been pushed
    updated_seq    INTEGER NOT NULL,          -- local change sequence
    PRIMARY KEY (vault_id, record_id),
    CHECK ((deleted = 0 AND envelope IS NOT NULL) OR (deleted = 1 AND envelope IS NULL))
);
CREATE INDEX record_by_key_version ON record (vault_id, key_version);
CREATE INDEX record_by_updated_seq ON record (updated_seq);

-- Local changes waiting for the sync client, written in the same transaction as the change itself.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    vault_id     BLOB    NOT NULL,
    record_id    BLOB    NOT NULL,
    revision     INTEGER NOT NULL,
    operation    TEXT    NOT NULL CHECK (operation IN ('PUT', 'DELETE', 'REWRAP')),
    created_seq  INTEGER NOT NULL
);

-- A vault-key rotation in progress (at most one per vault); removed when it completes.
CREATE TABLE key_rotation (
    vault_id      BLOB    PRIMARY KEY REFERENCES vault (vault_id),
    from_version  INTEGER NOT NULL,
    to_version    INTEGER NOT NULL,
    started_at    INTEGER NOT NULL
);
