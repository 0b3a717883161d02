-- Blob service store: vaults, wrapped vault keys, the latest state of each record (envelope or tombstone)
-- with the per-vault sequence number at which it last changed, per-account usage, revoked devices.
-- Everything in here is opaque to the server: ids chosen by clients, and ciphertext.

CREATE TABLE blob_accounts (
    account_id   TEXT PRIMARY KEY,
    used_bytes   ${bigint} NOT NULL,
    used_records ${bigint} NOT NULL
);

CREATE TABLE vaults (
    vault_id   TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES blob_accounts (account_id),
    last_seq   ${bigint} NOT NULL,
    created_at ${bigint} NOT NULL
);

CREATE INDEX vaults_by_account ON vaults (account_id);

CREATE TABLE vault_keys (
    vault_id    TEXT NOT NULL REFERENCES vaults (vault_id),
    key_version INTEGER NOT NULL,
    wrapped_key ${bytes} NOT NULL,
    created_at  ${bigint} NOT NULL,
    PRIMARY KEY (vault_id, key_version)
);

CREATE TABLE records (
    vault_id   TEXT NOT NULL REFERENCES vaults (vault_id),
    record_id  TEXT NOT NULL,
    revision   ${bigint} NOT NULL,
    seq        ${bigint} NOT NULL,
    deleted    INTEGER NOT NULL,
    envelope   ${bytes},
    size       ${bigint} NOT NULL,
    updated_at ${bigint} NOT NULL,
    PRIMARY KEY (vault_id, record_id)
);

CREATE UNIQUE INDEX records_by_seq ON records (vault_id, seq);

CREATE TABLE revoked_devices (
    device_id  TEXT PRIMARY KEY,
    account_id TEXT NOT NULL,
    revoked_at ${bigint} NOT NULL
);
