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
