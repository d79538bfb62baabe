-- Report rollups (ADR 0011): figures per site, 15-minute interval, queue and agent, kept up to
-- date by the durable outbox in the same transaction that inserts the call detail records and
-- state log rows they come from. The daily and monthly tables hold the same sums per local day
-- and month (report_month = its first day) of the server's report zone, so a month-by-agent
-- report over a year reads one row per month, queue and agent.
-- Durations are sums of milliseconds; averages are computed by the reports. Team is not a key:
-- reports join users.team_id at query time (an agent's current team).
-- Same dialect subset as V1: MySQL 8, MariaDB 10.6+, H2 in MySQL mode.

CREATE TABLE report_call_interval (
    site_id          VARCHAR(32)  NOT NULL,
    interval_start   DATETIME     NOT NULL,
    queue_id         VARCHAR(64)  NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    offered          BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    answered_in_sl   BIGINT       NOT NULL,
    abandoned        BIGINT       NOT NULL,
    short_abandoned  BIGINT       NOT NULL,
    answer_wait_ms   BIGINT       NOT NULL,
    abandon_wait_ms  BIGINT       NOT NULL,
    handled          BIGINT       NOT NULL,
    transferred      BIGINT       NOT NULL,
    held             BIGINT       NOT NULL,
    talk_ms          BIGINT       NOT NULL,
    hold_ms          BIGINT       NOT NULL,
    acw_count        BIGINT       NOT NULL,
    acw_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, interval_start, queue_id, agent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_call_daily (
    site_id          VARCHAR(32)  NOT NULL,
    report_day       DATE         NOT NULL,
    queue_id         VARCHAR(64)  NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    offered          BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    answered_in_sl   BIGINT       NOT NULL,
    abandoned        BIGINT       NOT NULL,
    short_abandoned  BIGINT       NOT NULL,
    answer_wait_ms   BIGINT       NOT NULL,
    abandon_wait_ms  BIGINT       NOT NULL,
    handled          BIGINT       NOT NULL,
    transferred      BIGINT       NOT NULL,
    held             BIGINT       NOT NULL,
    talk_ms          BIGINT       NOT NULL,
    hold_ms          BIGINT       NOT NULL,
    acw_count        BIGINT       NOT NULL,
    acw_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_day, queue_id, agent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_call_monthly (
    site_id          VARCHAR(32)  NOT NULL,
    report_month     DATE         NOT NULL,
    queue_id         VARCHAR(64)  NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    offered          BIGINT       NOT NULL,
    answered         BIGINT       NOT NULL,
    answered_in_sl   BIGINT       NOT NULL,
    abandoned        BIGINT       NOT NULL,
    short_abandoned  BIGINT       NOT NULL,
    answer_wait_ms   BIGINT       NOT NULL,
    abandon_wait_ms  BIGINT       NOT NULL,
    handled          BIGINT       NOT NULL,
    transferred      BIGINT       NOT NULL,
    held             BIGINT       NOT NULL,
    talk_ms          BIGINT       NOT NULL,
    hold_ms          BIGINT       NOT NULL,
    acw_count        BIGINT       NOT NULL,
    acw_ms           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_month, queue_id, agent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Time spent in each state (and NotReady reason) per agent; a state spanning intervals is split
-- at the interval boundaries. reason_code is '' except for NOT_READY.
CREATE TABLE report_state_interval (
    site_id          VARCHAR(32)  NOT NULL,
    interval_start   DATETIME     NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    state            VARCHAR(24)  NOT NULL,
    reason_code      VARCHAR(64)  NOT NULL,
    millis           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, interval_start, agent_id, state, reason_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_state_daily (
    site_id          VARCHAR(32)  NOT NULL,
    report_day       DATE         NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    state            VARCHAR(24)  NOT NULL,
    reason_code      VARCHAR(64)  NOT NULL,
    millis           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_day, agent_id, state, reason_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE report_state_monthly (
    site_id          VARCHAR(32)  NOT NULL,
    report_month     DATE         NOT NULL,
    agent_id         VARCHAR(64)  NOT NULL,
    state            VARCHAR(24)  NOT NULL,
    reason_code      VARCHAR(64)  NOT NULL,
    millis           BIGINT       NOT NULL,
    PRIMARY KEY (site_id, report_month, agent_id, state, reason_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
