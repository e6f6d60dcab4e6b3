-- A column of each type whose range the library checks, all nullable so each can be written alone.
CREATE TABLE shop_sample (
    id       BIGINT        AUTO_INCREMENT PRIMARY KEY,
    tiny     TINYINT       NULL,
    small    SMALLINT      NULL,
    medium   MEDIUMINT     NULL,
    whole    INT           NULL,
    big      BIGINT        NULL,
    price    DECIMAL(5,2)  NULL,
    ratio    FLOAT         NULL,
    code     CHAR(3)       NULL,
    note     TEXT          NULL,
    at_time  TIMESTAMP(3)  NULL,
    at_local DATETIME(3)   NULL,
    on_day   DATE          NULL
) DEFAULT CHARSET=utf8mb4;
