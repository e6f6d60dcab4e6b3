-- A session's user, in PostgreSQL's dialect; see db/thywill/V6__session_user.sql.
ALTER TABLE thywill_session ADD COLUMN user_id VARCHAR(255) NULL;

CREATE INDEX thywill_session_user ON thywill_session (user_id, last_active_ms);
