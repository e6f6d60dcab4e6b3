-- The tables as the hand-written migration of earlier versions made them, before User and Post were records:
-- a database made then must still start, its rows kept.
CREATE TABLE twooter_user (
    id        BIGINT       AUTO_INCREMENT PRIMARY KEY,
    user_name VARCHAR(40)  NOT NULL,
    joined_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT twooter_user_name UNIQUE (user_name)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE twooter_post (
    id        BIGINT       AUTO_INCREMENT PRIMARY KEY,
    user_id   BIGINT       NOT NULL,
    content   VARCHAR(280) NOT NULL,
    posted_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT twooter_post_user FOREIGN KEY (user_id) REFERENCES twooter_user (id)
) DEFAULT CHARSET=utf8mb4;
