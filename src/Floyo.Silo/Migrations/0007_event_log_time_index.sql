-- Time reports read a user's events by time range, ordered by time then sequence (IEventLog.ReadRangeAsync), and the
-- latest event by time (ReadLastAsync). seq completes the key, so the latest event is one backward index step (no
-- top-N sort over a user's ties) and a long range can be read in index order when the planner prefers that to a sort.
-- Built inside the migration's transaction (CONCURRENTLY is not allowed there): it blocks appends while it builds,
-- which is brief at today's table sizes.
CREATE INDEX floyo_event_log_user_time ON floyo_event_log (user_id, occurred_at, seq);
