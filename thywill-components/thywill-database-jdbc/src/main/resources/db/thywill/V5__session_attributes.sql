-- Session data: each session's attributes per application, as JSON text, shared by every node. Runs unchanged on
-- H2 (MODE=MySQL), MySQL and MariaDB. The primary key serves reading and writing one attribute and counting a
-- session's attributes in one application; revision is the optimistic lock of an atomic update (a write that finds
-- another revision than the one it read writes nothing, and the updater reads again). Ending a session ends its
-- attributes (the foreign key's cascade, when the scavenger deletes it).
CREATE TABLE thywill_session_attribute (
    session_id     VARCHAR(64) NOT NULL,
    application_id VARCHAR(64) NOT NULL,
    name           VARCHAR(64) NOT NULL,
    value_json     LONGTEXT    NOT NULL,
    revision       BIGINT      NOT NULL,
    PRIMARY KEY (session_id, application_id, name),
    CONSTRAINT thywill_session_attribute_session FOREIGN KEY (session_id) REFERENCES thywill_session (id)
        ON DELETE CASCADE
);
