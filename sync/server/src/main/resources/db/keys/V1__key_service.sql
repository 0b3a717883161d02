-- Key service store. Nothing here is usable without the master key: the service share S and the token
-- signing key are stored only wrapped by it (the wrapped form names the master-key version).

CREATE TABLE accounts (
    id                TEXT PRIMARY KEY,
    email             TEXT NOT NULL UNIQUE,
    salt              ${bytes} NOT NULL,
    kdf_algorithm     TEXT NOT NULL,
    kdf_memory_kib    INTEGER NOT NULL,
    kdf_iterations    INTEGER NOT NULL,
    kdf_parallelism   INTEGER NOT NULL,
    verifier          ${bytes} NOT NULL,
    wrapped_share     ${bytes} NOT NULL,
    share_key_version INTEGER NOT NULL,
    created_at        ${bigint} NOT NULL,
    audit_seq         ${bigint} NOT NULL,
    audit_head        ${bytes} NOT NULL
);

CREATE INDEX accounts_share_version ON accounts (share_key_version);

-- Device ids are unique across accounts (the blob service tracks revocations by device id).
CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    name         TEXT NOT NULL,
    created_at   ${bigint} NOT NULL,
    last_seen_at ${bigint} NOT NULL,
    revoked_at   ${bigint}
);

CREATE INDEX devices_account ON devices (account_id);

-- Refresh tokens are stored as SHA-256 hashes only.
CREATE TABLE refresh_tokens (
    token_hash ${bytes} PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    device_id  TEXT NOT NULL REFERENCES devices (id),
    created_at ${bigint} NOT NULL,
    expires_at ${bigint} NOT NULL
);

CREATE INDEX refresh_tokens_device ON refresh_tokens (device_id);

-- Append-only, hash-chained per account; accounts.audit_seq/audit_head hold the newest link.
CREATE TABLE audit_log (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    seq        ${bigint} NOT NULL,
    at         ${bigint} NOT NULL,
    device_id  TEXT NOT NULL,
    address    TEXT NOT NULL,
    event      TEXT NOT NULL,
    detail     TEXT NOT NULL,
    prev_hash  ${bytes} NOT NULL,
    hash       ${bytes} NOT NULL,
    PRIMARY KEY (account_id, seq)
);

-- Service-wide secrets (the token signing key, the key that disguises unknown emails), wrapped by the master key.
CREATE TABLE service_secrets (
    name        TEXT PRIMARY KEY,
    wrapped     ${bytes} NOT NULL,
    public_part TEXT NOT NULL,
    created_at  ${bigint} NOT NULL
);
