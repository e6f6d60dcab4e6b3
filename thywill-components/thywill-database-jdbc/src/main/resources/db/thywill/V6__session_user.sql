-- A session's user: who its latest authenticated connection's credentials named (documentation/authentication.md),
-- so that a send to a user reaches each of their sessions, also those offline now. Runs unchanged on H2
-- (MODE=MySQL), MySQL and MariaDB. The index serves finding a user's sessions, most recently active first; it ends
-- with the session, as the scavenger deletes the row.
ALTER TABLE thywill_session ADD COLUMN user_id VARCHAR(255) NULL;

CREATE INDEX thywill_session_user ON thywill_session (user_id, last_active_ms);
