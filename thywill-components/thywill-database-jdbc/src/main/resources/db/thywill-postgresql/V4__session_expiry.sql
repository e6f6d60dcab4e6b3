-- Session expiry, in PostgreSQL's dialect; see db/thywill/V4__session_expiry.sql. last_active_ms is milliseconds
-- since the epoch, taken from the instant each session was last seen.
ALTER TABLE thywill_session ADD COLUMN last_active_ms BIGINT NOT NULL DEFAULT 0;

UPDATE thywill_session SET last_active_ms = CAST(EXTRACT(EPOCH FROM last_seen_at) * 1000 AS BIGINT);

CREATE INDEX thywill_session_last_active_ms ON thywill_session (last_active_ms);

DROP INDEX thywill_session_last_seen_at;

ALTER TABLE thywill_session DROP COLUMN last_seen_at;
