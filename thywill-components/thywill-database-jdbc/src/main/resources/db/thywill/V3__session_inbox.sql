-- Session inboxes: messages sent to a session and not yet acknowledged by its client library, kept so that they
-- are replayed after a reconnection or a restart. Runs unchanged on H2 (MODE=MySQL), MySQL and MariaDB. The
-- primary key serves loading one session's inbox in seq order and removing its acknowledged head; the index serves
-- expiring old messages for every session. No foreign key: the inbox is written behind the sends, and an entry of a
-- session removed meanwhile simply expires.
-- created_at_ms is milliseconds since the epoch: MySQL Connector/J drops the milliseconds of a TIMESTAMP bound on
-- a MariaDB server (which it sees as MySQL 5.5), and expiry needs them.
CREATE TABLE thywill_inbox (
    session_id     VARCHAR(64)  NOT NULL,
    application_id VARCHAR(64)  NOT NULL,
    seq            BIGINT       NOT NULL,
    envelope       LONGTEXT     NOT NULL,
    created_at_ms  BIGINT       NOT NULL,
    PRIMARY KEY (session_id, application_id, seq)
);

CREATE INDEX thywill_inbox_created_at ON thywill_inbox (created_at_ms);
