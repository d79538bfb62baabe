-- "My call history" shows the work order raised from each call: find it by the call id.
CREATE INDEX ix_work_orders_source_call ON work_orders (site_id, source_call_id);
