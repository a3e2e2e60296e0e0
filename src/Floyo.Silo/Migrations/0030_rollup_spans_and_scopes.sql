-- Span rollups (see IDayRollupStore, SpanRollupReader): the sum of a run of a user's daily rollups, at most one per
-- accounting rules and length (days), so a long range's breakdown is one row instead of one per day. used_at orders a
-- user's spans for pruning (a few are kept). Columns as in floyo_day_rollups; first_day..first_day + days - 1 covered.
CREATE TABLE floyo_span_rollups (
    user_id       uuid        NOT NULL,
    time_zone     text        NOT NULL,
    timeout_s     integer     NOT NULL,
    days          integer     NOT NULL,
    first_day     date        NOT NULL,
    through_seq   bigint      NOT NULL,
    total_ticks   bigint      NOT NULL,
    hour_ticks    bigint[]    NOT NULL,
    breakdown     jsonb       NOT NULL,
    used_at       timestamptz NOT NULL,
    PRIMARY KEY (user_id, time_zone, timeout_s, days)
);

-- Day rollups gain a scope (see RollupScope): '' for every event, 'p:<project>' or 'l:<language>' for one project's or
-- language's time. A day's all-events row is written with all its scoped rows, so a missing scoped row next to an
-- all-events row means no time in that scope. Rollups are derived data: the old rows, written without scopes, go and
-- are recomputed from the event log on the next read.
TRUNCATE floyo_day_rollups;
ALTER TABLE floyo_day_rollups ADD COLUMN scope text NOT NULL;
ALTER TABLE floyo_day_rollups DROP CONSTRAINT floyo_day_rollups_pkey;
ALTER TABLE floyo_day_rollups ADD PRIMARY KEY (user_id, time_zone, timeout_s, scope, day);
