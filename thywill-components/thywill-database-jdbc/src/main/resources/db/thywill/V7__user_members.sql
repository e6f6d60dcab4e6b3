-- Channel membership by user: an application's channels a user joined as a person, so that each session of theirs
-- is a member, also sessions they sign in from later. Runs unchanged on H2 (MODE=MySQL), MySQL and MariaDB. The
-- primary key serves reading a user's channels in one application when one of their sessions connects.
CREATE TABLE thywill_user_member (
    application_id VARCHAR(64)  NOT NULL,
    channel        VARCHAR(64)  NOT NULL,
    user_id        VARCHAR(255) NOT NULL,
    joined_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (application_id, user_id, channel)
);
