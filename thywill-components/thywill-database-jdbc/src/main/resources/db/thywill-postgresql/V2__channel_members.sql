-- Channel membership, in PostgreSQL's dialect; see db/thywill/V2__channel_members.sql for the design.
CREATE TABLE thywill_channel_member (
    application_id VARCHAR(64)    NOT NULL,
    channel        VARCHAR(64)    NOT NULL,
    session_id     VARCHAR(64)    NOT NULL,
    joined_at      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (application_id, session_id, channel),
    CONSTRAINT thywill_channel_member_session FOREIGN KEY (session_id) REFERENCES thywill_session (id)
        ON DELETE CASCADE
);

CREATE INDEX thywill_channel_member_channel ON thywill_channel_member (application_id, channel);
