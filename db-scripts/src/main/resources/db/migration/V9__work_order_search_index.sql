-- The supervisor's search (status + area + a creation-time range, newest first, confidential
-- orders left out for roles without complaint access) finds its page of ids in this index alone:
-- id and confidential are in it, so orders the search skips cost no row reads (EXPLAIN: "Using
-- index" for the page, then one primary-key read per order shown). Listing id before
-- confidential keeps the index in (created_at, id) order, so the newest page needs no sort.
-- It covers every query the index it replaces served.
CREATE INDEX ix_work_orders_status_area_created_id ON work_orders (site_id, status, area, created_at, id, confidential);
DROP INDEX ix_work_orders_status_area_created ON work_orders;
