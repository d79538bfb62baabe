-- Work-order report rollups: how many orders created on a day (of the server's report zone) are,
-- right now, of each type, area, department, status and SLA state, whether they were ever
-- returned, and what their follow-up call found. The work-order service moves an order from its
-- old combination to its new one (-1 / +1) in the transaction that changes it, so the counts
-- never disagree with work_orders. The monthly table holds the same per month (report_month is
-- its first day). area, department_id and satisfaction are '' when not set; returned is 0 or 1.
-- Orders created before this migration are not counted (the tables start empty).
-- Same dialect subset as V1: MySQL 8, MariaDB 10.6+, H2 in MySQL mode.

CREATE TABLE report_work_order_daily (
    site_id        VARCHAR(32)  NOT NULL,
    report_day     DATE         NOT NULL,
    type_code      VARCHAR(64)  NOT NULL,
    area           VARCHAR(64)  NOT NULL,
    department_id  VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    sla_state      VARCHAR(16)  NOT NULL,
    returned       INT          NOT NULL,
    satisfaction   VARCHAR(16)  NOT NULL,
    orders         BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_day, type_code, area, department_id, status, sla_state, returned, satisfaction)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_work_order_monthly (
    site_id        VARCHAR(32)  NOT NULL,
    report_month   DATE         NOT NULL,
    type_code      VARCHAR(64)  NOT NULL,
    area           VARCHAR(64)  NOT NULL,
    department_id  VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    sla_state      VARCHAR(16)  NOT NULL,
    returned       INT          NOT NULL,
    satisfaction   VARCHAR(16)  NOT NULL,
    orders         BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_month, type_code, area, department_id, status, sla_state, returned, satisfaction)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
