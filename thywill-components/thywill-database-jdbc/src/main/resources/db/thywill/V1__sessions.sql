-- Browser sessions. Runs unchanged on H2 (MODE=MySQL), MySQL and MariaDB.
-- The explicit DEFAULTs stop MySQL 5.7 and MariaDB before 10.10 (explicit_defaults_for_timestamp off) from adding
-- ON UPDATE CURRENT_TIMESTAMP to created_at, which would move it on every find.
CREATE TABLE thywill_session (
    id           VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    last_seen_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
);

CREATE INDEX thywill_session_last_seen_at ON thywill_session (last_seen_at);
