-- Session expiry: a session's last activity in milliseconds since the epoch, written by the server's clock (MySQL
-- Connector/J drops the milliseconds of a TIMESTAMP bound on a MariaDB server), and the index the scavenger reads
-- the longest inactive sessions through. Runs unchanged on H2 (MODE=MySQL), MySQL and MariaDB. Sessions there
-- already keep the time they were last seen; last_seen_at itself goes (it was updated on every page load).
-- UNIX_TIMESTAMP is an INT on H2: "* 1000.0" keeps the product from overflowing it.
ALTER TABLE thywill_session ADD COLUMN last_active_ms BIGINT NOT NULL DEFAULT 0;

UPDATE thywill_session SET last_active_ms = UNIX_TIMESTAMP(last_seen_at) * 1000.0;

CREATE INDEX thywill_session_last_active_ms ON thywill_session (last_active_ms);

DROP INDEX thywill_session_last_seen_at ON thywill_session;

ALTER TABLE thywill_session DROP COLUMN last_seen_at;
