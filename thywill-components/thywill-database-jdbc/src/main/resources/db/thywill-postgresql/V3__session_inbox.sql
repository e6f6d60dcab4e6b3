-- Session inboxes, in PostgreSQL's dialect (TEXT for MySQL's LONGTEXT); see db/thywill/V3__session_inbox.sql.
CREATE TABLE thywill_inbox (
    session_id     VARCHAR(64) NOT NULL,
    application_id VARCHAR(64) NOT NULL,
    seq            BIGINT      NOT NULL,
    envelope       TEXT        NOT NULL,
    created_at_ms  BIGINT      NOT NULL,
    PRIMARY KEY (session_id, application_id, seq)
);

CREATE INDEX thywill_inbox_created_at ON thywill_inbox (created_at_ms);
