-- Core schema of the CTI server: users and skills, queues, reason codes, sessions, call detail
-- records and the agent state log. Runs unchanged on MySQL 8, MariaDB 10.6+ and H2 2.x in
-- MySQL mode, so it sticks to their common subset: no ENUM, no JSON, no generated columns,
-- DATETIME(3) holding UTC. Every row carries site_id because several sites will share one
-- database. Immutable once merged: change the schema with a new V<n>__<what>.sql.

CREATE TABLE teams (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)  NOT NULL,
    team_id     VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_teams_site_team UNIQUE (site_id, team_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE skills (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)  NOT NULL,
    skill_id    VARCHAR(64)  NOT NULL,
    name        VARCHAR(128) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_skills_site_skill UNIQUE (site_id, skill_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Agents, team leads, administrators and wallboard accounts. team_id and the skill ids of
-- agent_skills name rows of teams and skills of the same site (kept by the application: a
-- foreign key would need site_id in every child table).
CREATE TABLE users (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    site_id         VARCHAR(32)  NOT NULL,
    agent_id        VARCHAR(64)  NOT NULL,
    name            VARCHAR(128) NOT NULL,
    role            VARCHAR(16)  NOT NULL,
    extension       VARCHAR(32)  NOT NULL,
    team_id         VARCHAR(64)  NOT NULL,
    password_hash   VARCHAR(128) NOT NULL,
    failed_logins   INT          NOT NULL,
    locked          BOOLEAN      NOT NULL,
    version         BIGINT       NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_site_agent UNIQUE (site_id, agent_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE agent_skills (
    user_id      BIGINT      NOT NULL,
    skill_id     VARCHAR(64) NOT NULL,
    skill_level  INT         NOT NULL,
    PRIMARY KEY (user_id, skill_id),
    CONSTRAINT fk_agent_skills_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_agent_skills_level CHECK (skill_level BETWEEN 1 AND 10)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE queues (
    id                      BIGINT       NOT NULL AUTO_INCREMENT,
    site_id                 VARCHAR(32)  NOT NULL,
    queue_id                VARCHAR(64)  NOT NULL,
    name                    VARCHAR(128) NOT NULL,
    priority                INT          NOT NULL,
    overflow_after_seconds  INT          NOT NULL,
    service_level_seconds   INT          NOT NULL,
    time_zone               VARCHAR(64)  NOT NULL,
    version                 BIGINT       NOT NULL,
    created_at              DATETIME(3)  NOT NULL,
    updated_at              DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_queues_site_queue UNIQUE (site_id, queue_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE queue_required_skills (
    queue_pk   BIGINT      NOT NULL,
    skill_id   VARCHAR(64) NOT NULL,
    min_level  INT         NOT NULL,
    PRIMARY KEY (queue_pk, skill_id),
    CONSTRAINT fk_queue_required_skills_queue FOREIGN KEY (queue_pk) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT ck_queue_required_skills_level CHECK (min_level BETWEEN 1 AND 10)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE queue_overflow_skills (
    queue_pk   BIGINT      NOT NULL,
    skill_id   VARCHAR(64) NOT NULL,
    min_level  INT         NOT NULL,
    PRIMARY KEY (queue_pk, skill_id),
    CONSTRAINT fk_queue_overflow_skills_queue FOREIGN KEY (queue_pk) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT ck_queue_overflow_skills_level CHECK (min_level BETWEEN 1 AND 10)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per open weekday (1 = Monday .. 7 = Sunday); closes_at 00:00 means end of day.
CREATE TABLE queue_hours (
    queue_pk     BIGINT  NOT NULL,
    day_of_week  INT     NOT NULL,
    opens_at     TIME    NOT NULL,
    closes_at    TIME    NOT NULL,
    PRIMARY KEY (queue_pk, day_of_week),
    CONSTRAINT fk_queue_hours_queue FOREIGN KEY (queue_pk) REFERENCES queues (id) ON DELETE CASCADE,
    CONSTRAINT ck_queue_hours_day CHECK (day_of_week BETWEEN 1 AND 7)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Numbers and IVR choices that lead to a queue.
CREATE TABLE queue_numbers (
    queue_pk        BIGINT      NOT NULL,
    dialled_number  VARCHAR(64) NOT NULL,
    PRIMARY KEY (queue_pk, dialled_number),
    CONSTRAINT fk_queue_numbers_queue FOREIGN KEY (queue_pk) REFERENCES queues (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE reason_codes (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    site_id      VARCHAR(32)  NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    label        VARCHAR(128) NOT NULL,
    system_code  BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_reason_codes_site_code UNIQUE (site_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Open desk sessions; only a hash of the token is stored.
CREATE TABLE sessions (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    site_id     VARCHAR(32)  NOT NULL,
    token_hash  VARCHAR(128) NOT NULL,
    agent_id    VARCHAR(64)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    extension   VARCHAR(32)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    last_seen   DATETIME(3)  NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_sessions_token UNIQUE (token_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_sessions_site_agent ON sessions (site_id, agent_id);

-- Append-only records written in batches from the durable outbox. record_id is chosen before
-- the record is journalled, so replaying the journal after a crash inserts nothing twice.
CREATE TABLE call_detail_records (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    record_id        VARCHAR(64)   NOT NULL,
    site_id          VARCHAR(32)   NOT NULL,
    call_id          VARCHAR(64)   NOT NULL,
    direction        VARCHAR(16)   NOT NULL,
    caller_number    VARCHAR(64),
    dialled_number   VARCHAR(64),
    queue_id         VARCHAR(64),
    agent_id         VARCHAR(64),
    started_at       DATETIME(3)   NOT NULL,
    answered_at      DATETIME(3),
    ended_at         DATETIME(3),
    queue_wait_ms    BIGINT        NOT NULL,
    outcome          VARCHAR(32)   NOT NULL,
    recording_path   VARCHAR(512),
    PRIMARY KEY (id),
    CONSTRAINT uk_cdr_record UNIQUE (record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_cdr_site_started ON call_detail_records (site_id, started_at);
CREATE INDEX ix_cdr_site_queue_started ON call_detail_records (site_id, queue_id, started_at);
CREATE INDEX ix_cdr_site_agent_started ON call_detail_records (site_id, agent_id, started_at);
CREATE INDEX ix_cdr_call ON call_detail_records (call_id);

-- Attached call data (IVR choice, account number, ...) of a call detail record.
CREATE TABLE call_detail_data (
    cdr_record_id  VARCHAR(64)   NOT NULL,
    data_key       VARCHAR(64)   NOT NULL,
    data_value     VARCHAR(1024) NOT NULL,
    PRIMARY KEY (cdr_record_id, data_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE call_segments (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    record_id   VARCHAR(64)  NOT NULL,
    site_id     VARCHAR(32)  NOT NULL,
    call_id     VARCHAR(64)  NOT NULL,
    seq_no      INT          NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    agent_id    VARCHAR(64),
    device      VARCHAR(128),
    queue_id    VARCHAR(64),
    started_at  DATETIME(3)  NOT NULL,
    ended_at    DATETIME(3),
    outcome     VARCHAR(32),
    PRIMARY KEY (id),
    CONSTRAINT uk_segments_record UNIQUE (record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_segments_call ON call_segments (call_id, seq_no);
CREATE INDEX ix_segments_site_agent_started ON call_segments (site_id, agent_id, started_at);

CREATE TABLE agent_state_log (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    record_id            VARCHAR(64)  NOT NULL,
    site_id              VARCHAR(32)  NOT NULL,
    agent_id             VARCHAR(64)  NOT NULL,
    from_state           VARCHAR(24)  NOT NULL,
    to_state             VARCHAR(24)  NOT NULL,
    reason_code          VARCHAR(64),
    changed_at           DATETIME(3)  NOT NULL,
    millis_in_previous   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_state_log_record UNIQUE (record_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
CREATE INDEX ix_state_log_site_agent_changed ON agent_state_log (site_id, agent_id, changed_at);
CREATE INDEX ix_state_log_site_changed ON agent_state_log (site_id, changed_at);
