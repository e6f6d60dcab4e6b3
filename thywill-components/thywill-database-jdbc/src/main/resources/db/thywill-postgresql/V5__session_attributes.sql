-- Session data, in PostgreSQL's dialect (TEXT for MySQL's LONGTEXT); see db/thywill/V5__session_attributes.sql.
CREATE TABLE thywill_session_attribute (
    session_id     VARCHAR(64) NOT NULL,
    application_id VARCHAR(64) NOT NULL,
    name           VARCHAR(64) NOT NULL,
    value_json     TEXT        NOT NULL,
    revision       BIGINT      NOT NULL,
    PRIMARY KEY (session_id, application_id, name),
    CONSTRAINT thywill_session_attribute_session FOREIGN KEY (session_id) REFERENCES thywill_session (id)
        ON DELETE CASCADE
);
