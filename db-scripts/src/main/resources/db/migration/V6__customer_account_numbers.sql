-- Account numbers for customers created at the desk (quick-create when no customer matched a
-- caller): "Q" followed by the site's next sequence value, eight digits (Q00000001, ...).
-- One row per site, incremented under a row lock, so numbers are unique per site even with
-- several desks creating at once; numbers an import already used are skipped.
CREATE TABLE customer_account_sequence (
    site_id     VARCHAR(32) NOT NULL,
    next_value  BIGINT      NOT NULL,
    PRIMARY KEY (site_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
