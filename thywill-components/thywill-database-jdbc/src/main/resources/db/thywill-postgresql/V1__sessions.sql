-- Browser sessions, in PostgreSQL's dialect; the same versions and tables as db/thywill (H2, MySQL, MariaDB).
-- TIMESTAMPTZ: an instant, whatever the server's or the session's time zone.
CREATE TABLE thywill_session (
    id           VARCHAR(64)    NOT NULL,
    created_at   TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_seen_at TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
);

CREATE INDEX thywill_session_last_seen_at ON thywill_session (last_seen_at);
