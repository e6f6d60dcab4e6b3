-- Channel membership by user, in PostgreSQL's dialect; see db/thywill/V7__user_members.sql.
CREATE TABLE thywill_user_member (
    application_id VARCHAR(64)    NOT NULL,
    channel        VARCHAR(64)    NOT NULL,
    user_id        VARCHAR(255)   NOT NULL,
    joined_at      TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (application_id, user_id, channel)
);
