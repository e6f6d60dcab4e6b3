-- NUL for NULL: every engine rejects it, so the migration fails.
CREATE TABLE app_broken (id INT NOT NUL);
