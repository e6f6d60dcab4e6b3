-- The todo list. Runs unchanged on H2 (MODE=MySQL), MySQL and MariaDB; H2 ignores the character set.
-- The explicit DEFAULT keeps MySQL 5.7 and older MariaDB (explicit_defaults_for_timestamp off) from adding
-- ON UPDATE CURRENT_TIMESTAMP to created_at.
CREATE TABLE todo_item (
    id         BIGINT       AUTO_INCREMENT PRIMARY KEY,
    text       VARCHAR(500) NOT NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) DEFAULT CHARSET=utf8mb4;
