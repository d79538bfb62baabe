-- Administration: an administrator can disable a user (a leaver, a long absence) without deleting
-- the row that call records, state logs and work orders name. A disabled user cannot log in.
-- Locking stays what failed logins do. Same rules as V1: the common subset of MySQL 8,
-- MariaDB 10.6+ and H2 (MySQL mode). Immutable once merged.

ALTER TABLE users ADD COLUMN enabled BOOLEAN NOT NULL DEFAULT TRUE;
