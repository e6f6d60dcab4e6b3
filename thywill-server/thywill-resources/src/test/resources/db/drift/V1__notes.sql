-- The table as an older version of the record made it.
CREATE TABLE drift_note (
    id       BIGINT       AUTO_INCREMENT PRIMARY KEY,
    title    VARCHAR(80)  NOT NULL,
    body     VARCHAR(255) NOT NULL,
    archived BOOLEAN      NOT NULL DEFAULT FALSE
) DEFAULT CHARSET=utf8mb4;
