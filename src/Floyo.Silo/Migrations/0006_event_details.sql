-- The richer, optional part of an event (heartbeat type, category, machine, line changes, AI fields, ...),
-- as compact JSON with nulls omitted. NULL when the event has no details, which costs one bit of the null bitmap.
ALTER TABLE floyo_event_log ADD COLUMN details jsonb;
