-- Failed-login back-off, shared by every key service instance on this store. throttle_key is an HMAC (under a
-- service secret) of "pair|<email>|<address block>" or "address|<address block>": no email or address in clear.
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_at      ${bigint} NOT NULL
);

CREATE INDEX login_throttle_last ON login_throttle (last_at);

-- Sign-up codes: those sent by email (kind 'email') and operators' invites (kind 'invite'). Only an HMAC of
-- the code is stored; a code is deleted when an account is created with it, and is worthless once expired.
CREATE TABLE signup_codes (
    code_hash  ${bytes} PRIMARY KEY,
    email      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    created_at ${bigint} NOT NULL,
    expires_at ${bigint} NOT NULL
);

CREATE INDEX signup_codes_email ON signup_codes (email);
