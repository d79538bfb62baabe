-- Knowledge base and bulletins. Same common subset as V1 (MySQL 8, MariaDB 10.6+, H2 in MySQL
-- mode): no FULLTEXT index, because H2 has none with the same behaviour; full-text search is a
-- Lucene index beside the database, rebuilt from these rows at start (see docs/decisions).
-- Immutable once merged.

-- An article: body text and the standard answer (規範用語) agents read out. Tags are a
-- separate table so filters by tag stay exact.
CREATE TABLE kb_articles (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    site_id          VARCHAR(32)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    category         VARCHAR(64)   NOT NULL,
    body             TEXT          NOT NULL,
    standard_answer  TEXT          NOT NULL,
    updated_by       VARCHAR(64)   NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_kb_articles_site_category ON kb_articles (site_id, category);

CREATE TABLE kb_article_tags (
    article_id  BIGINT       NOT NULL,
    tag         VARCHAR(64)  NOT NULL,
    PRIMARY KEY (article_id, tag),
    CONSTRAINT fk_kb_article_tags_article FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A bulletin (通知公告): shown to its audience between valid_from and valid_until.
-- audience is ALL, TEAM (team_id names the team) or WALLBOARD; team_id is '' otherwise.
CREATE TABLE kb_bulletins (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    site_id       VARCHAR(32)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    body          TEXT          NOT NULL,
    audience      VARCHAR(16)   NOT NULL,
    team_id       VARCHAR(64)   NOT NULL,
    valid_from    DATETIME(3)   NOT NULL,
    valid_until   DATETIME(3)   NOT NULL,
    published_by  VARCHAR(64)   NOT NULL,
    published_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_kb_bulletins_site_until ON kb_bulletins (site_id, valid_until);
