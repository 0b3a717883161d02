-- Second factors that gate the release of the service share. One row per account and kind; a row becomes
-- active only when the person confirms it with a first valid answer.
--   secret:  kind-specific; for totp the TOTP secret wrapped by the master key (context termvault:totp:<account>)
--   counter: the replay guard; for totp the last accepted time step (an answer must name a later one)
CREATE TABLE second_factors (
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    kind         TEXT NOT NULL,
    secret       ${bytes} NOT NULL,
    counter      ${bigint} NOT NULL,
    active       INTEGER NOT NULL,
    created_at   ${bigint} NOT NULL,
    confirmed_at ${bigint},
    PRIMARY KEY (account_id, kind)
);

-- One-time recovery codes, stored as hashes only; a used code keeps its row with used_at set.
CREATE TABLE recovery_codes (
    account_id TEXT NOT NULL REFERENCES accounts (id),
    code_hash  ${bytes} NOT NULL,
    created_at ${bigint} NOT NULL,
    used_at    ${bigint},
    PRIMARY KEY (account_id, code_hash)
);
