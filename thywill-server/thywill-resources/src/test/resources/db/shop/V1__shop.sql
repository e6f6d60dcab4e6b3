-- The test application's tables: every column kind the library maps, a unique column and a foreign key.
CREATE TABLE shop_customer (
    id         BIGINT       AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(40)  NOT NULL,
    email      VARCHAR(100) NOT NULL,
    vip        BOOLEAN      NOT NULL DEFAULT FALSE,
    born       DATE         NULL,
    created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT shop_customer_email UNIQUE (email)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE shop_order (
    id          BIGINT        AUTO_INCREMENT PRIMARY KEY,
    customer_id BIGINT        NOT NULL,
    amount      DECIMAL(10,2) NOT NULL,
    quantity    INT           NOT NULL DEFAULT 1,
    note        TEXT          NULL,
    CONSTRAINT shop_order_customer FOREIGN KEY (customer_id) REFERENCES shop_customer (id)
) DEFAULT CHARSET=utf8mb4;
