-- Channel membership: which sessions belong to which application channels. Runs unchanged on H2 (MODE=MySQL),
-- MySQL and MariaDB. The primary key serves the Push's lookup when a session connects (its channels in one
-- application); the index serves listing a channel's members. Ending a session ends its memberships.
CREATE TABLE thywill_channel_member (
    application_id VARCHAR(64)  NOT NULL,
    channel        VARCHAR(64)  NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    joined_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (application_id, session_id, channel),
    CONSTRAINT thywill_channel_member_session FOREIGN KEY (session_id) REFERENCES thywill_session (id)
        ON DELETE CASCADE
);

CREATE INDEX thywill_channel_member_channel ON thywill_channel_member (application_id, channel);
