-- IVR usage: one row per caller's visit to the IVR, as the switch reports it (SwitchEvent.IvrFinished)
-- and the live model settles it: the keys pressed (menu_path, one key per menu level joined by '>',
-- '' when none), the queue the visit led to ('' for a caller who hung up in the IVR) and the outcome
-- (ROUTED, NO_INPUT, HUNG_UP, CLOSED, BLOCKED). Written by the durable outbox like the call records,
-- append-only, idempotent on record_id.
-- The rollups hold the same per site, 15-minute interval (UTC grid) of the visit's start and menu
-- path, and per local day and month of the report zone; the outbox adds to them in the
-- transaction that inserts the visits (ADR 0011), so they never disagree with ivr_visits.
-- Same dialect subset as V1: MySQL 8, MariaDB 10.6+, H2 in MySQL mode.

CREATE TABLE ivr_visits (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    record_id        VARCHAR(64)   NOT NULL,
    site_id          VARCHAR(32)   NOT NULL,
    call_id          VARCHAR(64)   NOT NULL,
    caller_number    VARCHAR(64),
    dialled_number   VARCHAR(64),
    started_at       DATETIME(3)   NOT NULL,
    ended_at         DATETIME(3)   NOT NULL,
    menu_path        VARCHAR(64)   NOT NULL,
    queue_id         VARCHAR(64)   NOT NULL,
    outcome          VARCHAR(16)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_ivr_visit_record UNIQUE (record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_ivr_visits_site_started ON ivr_visits (site_id, started_at);
CREATE INDEX ix_ivr_visits_call ON ivr_visits (call_id);

CREATE TABLE report_ivr_interval (
    site_id          VARCHAR(32)  NOT NULL,
    interval_start   DATETIME     NOT NULL,
    menu_path        VARCHAR(64)  NOT NULL,
    visits           BIGINT       NOT NULL,
    routed           BIGINT       NOT NULL,
    no_input         BIGINT       NOT NULL,
    hung_up          BIGINT       NOT NULL,
    closed           BIGINT       NOT NULL,
    blocked          BIGINT       NOT NULL,
    ivr_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, interval_start, menu_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_ivr_daily (
    site_id          VARCHAR(32)  NOT NULL,
    report_day       DATE         NOT NULL,
    menu_path        VARCHAR(64)  NOT NULL,
    visits           BIGINT       NOT NULL,
    routed           BIGINT       NOT NULL,
    no_input         BIGINT       NOT NULL,
    hung_up          BIGINT       NOT NULL,
    closed           BIGINT       NOT NULL,
    blocked          BIGINT       NOT NULL,
    ivr_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_day, menu_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_ivr_monthly (
    site_id          VARCHAR(32)  NOT NULL,
    report_month     DATE         NOT NULL,
    menu_path        VARCHAR(64)  NOT NULL,
    visits           BIGINT       NOT NULL,
    routed           BIGINT       NOT NULL,
    no_input         BIGINT       NOT NULL,
    hung_up          BIGINT       NOT NULL,
    closed           BIGINT       NOT NULL,
    blocked          BIGINT       NOT NULL,
    ivr_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_month, menu_path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
