-- Schema version 3: the outbox is searched by record when the server acknowledges a pushed change or a
-- server version replaces a record; without this index each of those deletes scans the whole outbox.
CREATE INDEX outbox_by_record ON outbox (vault_id, record_id);
