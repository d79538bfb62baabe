-- Customers, their phone numbers, the contact history timeline and the blacklist. Same common
-- subset as V1 (MySQL 8, MariaDB 10.6+, H2 in MySQL mode): no ENUM, no JSON, DATETIME(3) in UTC,
-- site_id on every row. Sized for the benchmark: a million customers, ten million contacts,
-- screen pop by phone number in a few index lookups.

CREATE TABLE customers (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    site_id          VARCHAR(32)   NOT NULL,
    account_no       VARCHAR(32)   NOT NULL,
    name             VARCHAR(128)  NOT NULL,
    address          VARCHAR(255)  NOT NULL,
    district         VARCHAR(64)   NOT NULL,
    grid_area        VARCHAR(64)   NOT NULL,
    meter_id         VARCHAR(32)   NOT NULL,
    customer_type    VARCHAR(16)   NOT NULL,
    balance          DECIMAL(14,2) NOT NULL,
    arrears          DECIMAL(14,2) NOT NULL,
    last_reading     DECIMAL(14,2) NOT NULL,
    last_reading_at  DATETIME(3)   NULL,
    service_status   VARCHAR(16)   NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_customers_site_account UNIQUE (site_id, account_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Name prefix search uses this; fragments inside names and addresses scan (bounded by LIMIT).
CREATE INDEX ix_customers_site_name ON customers (site_id, name);

-- A customer has several numbers and a number may belong to several customers (a family, a
-- landlord): the screen pop looks the caller's number up here first.
CREATE TABLE customer_phones (
    site_id      VARCHAR(32) NOT NULL,
    phone        VARCHAR(32) NOT NULL,
    customer_id  BIGINT      NOT NULL,
    seq_no       INT         NOT NULL,
    PRIMARY KEY (site_id, phone, customer_id),
    CONSTRAINT fk_customer_phones_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_customer_phones_customer ON customer_phones (customer_id, seq_no);

-- The customer's timeline, append-only. call_id / record_id / recording_ref / work_order_no
-- link to the call record, its recording and the work order (a plain number: the work-order
-- table lives in its own migration).
CREATE TABLE contact_history (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    site_id        VARCHAR(32)   NOT NULL,
    customer_id    BIGINT        NOT NULL,
    kind           VARCHAR(24)   NOT NULL,
    occurred_at    DATETIME(3)   NOT NULL,
    agent_id       VARCHAR(64)   NOT NULL,
    phone          VARCHAR(32)   NOT NULL,
    call_id        VARCHAR(64)   NOT NULL,
    record_id      VARCHAR(64)   NOT NULL,
    recording_ref  VARCHAR(255)  NOT NULL,
    work_order_no  VARCHAR(32)   NOT NULL,
    summary        VARCHAR(500)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Newest first per customer: a backward range scan that stops after the tenth row.
CREATE INDEX ix_contact_history_customer_time ON contact_history (customer_id, occurred_at, id);
CREATE INDEX ix_contact_history_call ON contact_history (call_id);

CREATE TABLE blacklist (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)   NOT NULL,
    phone       VARCHAR(32)   NOT NULL,
    reason      VARCHAR(255)  NOT NULL,
    added_by    VARCHAR(64)   NOT NULL,
    added_at    DATETIME(3)   NOT NULL,
    expires_at  DATETIME(3)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_blacklist_site_phone UNIQUE (site_id, phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Planned supply interruptions, as the billing gateway on our own tables reports them.
CREATE TABLE planned_outages (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)   NOT NULL,
    district    VARCHAR(64)   NOT NULL,
    grid_area   VARCHAR(64)   NOT NULL,
    starts_at   DATETIME(3)   NOT NULL,
    ends_at     DATETIME(3)   NOT NULL,
    reason      VARCHAR(255)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_planned_outages_site_district ON planned_outages (site_id, district, ends_at);
