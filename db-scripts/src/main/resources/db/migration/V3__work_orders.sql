-- Work orders: types with administrator-defined forms, the organisation tree they are dispatched
-- to, SLA policies with business calendars, the orders with their history, fields, attachments
-- and follow-up calls, notifications to assignees, permissions granted to roles, and the audit
-- log of sensitive actions. Same rules as V1: the common subset of MySQL 8, MariaDB 10.6+ and H2
-- (MySQL mode), DATETIME(3) in UTC, site_id on every top-level row. Immutable once merged.

-- Departments and teams; parent_unit_id names another unit of the same site (NULL at the top).
-- lead_agent_id is who receives escalations for the unit.
CREATE TABLE org_units (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    site_id         VARCHAR(32)  NOT NULL,
    unit_id         VARCHAR(64)  NOT NULL,
    parent_unit_id  VARCHAR(64),
    kind            VARCHAR(16)  NOT NULL,
    name            VARCHAR(128) NOT NULL,
    lead_agent_id   VARCHAR(64),
    version         BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_org_units_site_unit UNIQUE (site_id, unit_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE work_order_types (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    site_id       VARCHAR(32)  NOT NULL,
    type_code     VARCHAR(64)  NOT NULL,
    name          VARCHAR(128) NOT NULL,
    confidential  BOOLEAN      NOT NULL,
    version       BIGINT       NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_work_order_types_site_code UNIQUE (site_id, type_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The form of a type. kind: TEXT, NUMBER, DATE, CHOICE, ADDRESS, YES_NO; choices holds the
-- options of a CHOICE field separated by '|'.
CREATE TABLE work_order_type_fields (
    type_pk    BIGINT        NOT NULL,
    field_key  VARCHAR(64)   NOT NULL,
    field_order INT          NOT NULL,
    label      VARCHAR(128)  NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    required   BOOLEAN       NOT NULL,
    choices    VARCHAR(2000),
    PRIMARY KEY (type_pk, field_key),
    CONSTRAINT fk_work_order_type_fields_type FOREIGN KEY (type_pk) REFERENCES work_order_types (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE business_calendars (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    site_id      VARCHAR(32)  NOT NULL,
    calendar_id  VARCHAR(64)  NOT NULL,
    time_zone    VARCHAR(64)  NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_business_calendars_site_calendar UNIQUE (site_id, calendar_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per working weekday (1 = Monday .. 7 = Sunday); closes_at 00:00 means end of day.
CREATE TABLE business_calendar_hours (
    calendar_pk  BIGINT  NOT NULL,
    day_of_week  INT     NOT NULL,
    opens_at     TIME    NOT NULL,
    closes_at    TIME    NOT NULL,
    PRIMARY KEY (calendar_pk, day_of_week),
    CONSTRAINT fk_business_calendar_hours_calendar FOREIGN KEY (calendar_pk) REFERENCES business_calendars (id) ON DELETE CASCADE,
    CONSTRAINT ck_business_calendar_hours_day CHECK (day_of_week BETWEEN 1 AND 7)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE business_calendar_holidays (
    calendar_pk  BIGINT  NOT NULL,
    holiday      DATE    NOT NULL,
    PRIMARY KEY (calendar_pk, holiday),
    CONSTRAINT fk_business_calendar_holidays_calendar FOREIGN KEY (calendar_pk) REFERENCES business_calendars (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Time limits per type and priority, counted in business time of calendar_id (NULL: around the
-- clock). The warning comes when warning_percent of the resolve time is used up; an overdue
-- order escalates one level up the organisation tree every escalate_every_minutes.
CREATE TABLE sla_policies (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    site_id                 VARCHAR(32)  NOT NULL,
    type_code               VARCHAR(64)  NOT NULL,
    priority                VARCHAR(16)  NOT NULL,
    respond_minutes         INT          NOT NULL,
    resolve_minutes         INT          NOT NULL,
    warning_percent         INT          NOT NULL,
    escalate_every_minutes  INT          NOT NULL,
    calendar_id             VARCHAR(64),
    version                 BIGINT       NOT NULL,
    created_at              DATETIME(3)  NOT NULL,
    updated_at              DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_sla_policies_site_type_priority UNIQUE (site_id, type_code, priority),
    CONSTRAINT ck_sla_policies_warning CHECK (warning_percent BETWEEN 1 AND 100)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- next_timer_at is when the SLA scheduler must look at the order again (warning, overdue, next
-- escalation); NULL when no timer runs. The scheduler rescans it, so timers survive restarts.
CREATE TABLE work_orders (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    site_id           VARCHAR(32)   NOT NULL,
    order_no          VARCHAR(32)   NOT NULL,
    type_code         VARCHAR(64)   NOT NULL,
    priority          VARCHAR(16)   NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    title             VARCHAR(256)  NOT NULL,
    description       VARCHAR(4000) NOT NULL,
    confidential      BOOLEAN       NOT NULL,
    customer_id       VARCHAR(64),
    source_call_id    VARCHAR(64),
    caller_number     VARCHAR(64),
    area              VARCHAR(64),
    address           VARCHAR(256),
    creator_id        VARCHAR(64)   NOT NULL,
    department_id     VARCHAR(64),
    team_id           VARCHAR(64),
    assignee_id       VARCHAR(64),
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    responded_at      DATETIME(3),
    resolved_at       DATETIME(3),
    closed_at         DATETIME(3),
    respond_by        DATETIME(3)   NOT NULL,
    resolve_by        DATETIME(3)   NOT NULL,
    warn_at           DATETIME(3)   NOT NULL,
    sla_state         VARCHAR(16)   NOT NULL,
    escalation_level  INT           NOT NULL,
    escalated_at      DATETIME(3),
    next_timer_at     DATETIME(3),
    resolution        VARCHAR(2000),
    return_reason     VARCHAR(1000),
    version           BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_work_orders_site_no UNIQUE (site_id, order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_work_orders_status_area_created ON work_orders (site_id, status, area, created_at);
CREATE INDEX ix_work_orders_created ON work_orders (site_id, created_at);
CREATE INDEX ix_work_orders_customer ON work_orders (site_id, customer_id, created_at);
CREATE INDEX ix_work_orders_caller ON work_orders (site_id, caller_number, created_at);
CREATE INDEX ix_work_orders_department ON work_orders (site_id, department_id, status, created_at);
CREATE INDEX ix_work_orders_team ON work_orders (site_id, team_id, status, created_at);
CREATE INDEX ix_work_orders_creator ON work_orders (site_id, creator_id, created_at);
CREATE INDEX ix_work_orders_type ON work_orders (site_id, type_code, created_at);
CREATE INDEX ix_work_orders_timer ON work_orders (site_id, next_timer_at);

CREATE TABLE work_order_fields (
    work_order_id  BIGINT        NOT NULL,
    field_key      VARCHAR(64)   NOT NULL,
    field_value    VARCHAR(2000) NOT NULL,
    PRIMARY KEY (work_order_id, field_key),
    CONSTRAINT fk_work_order_fields_order FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The history: append-only, one row per change (who, when, what, why).
CREATE TABLE work_order_events (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT        NOT NULL,
    occurred_at DATETIME(3)   NOT NULL,
    actor_id       VARCHAR(64)   NOT NULL,
    action         VARCHAR(32)   NOT NULL,
    from_status    VARCHAR(16),
    to_status      VARCHAR(16),
    detail         VARCHAR(2000),
    reason         VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT fk_work_order_events_order FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_work_order_events_order ON work_order_events (work_order_id, id);

-- stored_path is relative to the server's data folder.
CREATE TABLE work_order_attachments (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    work_order_id  BIGINT        NOT NULL,
    file_name      VARCHAR(256)  NOT NULL,
    content_type   VARCHAR(128)  NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         VARCHAR(64)   NOT NULL,
    stored_path    VARCHAR(512)  NOT NULL,
    uploaded_by    VARCHAR(64)   NOT NULL,
    uploaded_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_work_order_attachments_order FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_work_order_attachments_order ON work_order_attachments (work_order_id);

-- The callback to the customer after resolution. status: PENDING, DONE; satisfaction:
-- SATISFIED, DISSATISFIED, NO_ANSWER (updatable: a later call replaces the result).
CREATE TABLE follow_ups (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    site_id        VARCHAR(32)   NOT NULL,
    work_order_id  BIGINT        NOT NULL,
    due_at         DATETIME(3)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    satisfaction   VARCHAR(16),
    note           VARCHAR(1000),
    called_by      VARCHAR(64),
    called_at      DATETIME(3),
    due_notified   BOOLEAN       NOT NULL,
    version        BIGINT        NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_follow_ups_order UNIQUE (work_order_id),
    CONSTRAINT fk_follow_ups_order FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_follow_ups_due ON follow_ups (site_id, status, due_notified, due_at);

CREATE TABLE notifications (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    site_id        VARCHAR(32)   NOT NULL,
    recipient_id   VARCHAR(64)   NOT NULL,
    work_order_id  BIGINT,
    kind           VARCHAR(32)   NOT NULL,
    message        VARCHAR(1000) NOT NULL,
    created_at     DATETIME(3)   NOT NULL,
    read_at        DATETIME(3),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_notifications_recipient ON notifications (site_id, recipient_id, id);

-- Permissions granted to roles as data (e.g. COMPLAINT_ACCESS to TEAM_LEAD).
CREATE TABLE role_permissions (
    site_id     VARCHAR(32)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    permission  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (site_id, role, permission)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Sensitive actions (complaint views, exports, monitoring ...), allowed or denied. Append-only.
CREATE TABLE audit_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)   NOT NULL,
    occurred_at DATETIME(3)   NOT NULL,
    actor_id    VARCHAR(64)   NOT NULL,
    actor_role  VARCHAR(16)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(128)  NOT NULL,
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1000),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_audit_log_at ON audit_log (site_id, occurred_at);
CREATE INDEX ix_audit_log_target ON audit_log (site_id, target, occurred_at);
