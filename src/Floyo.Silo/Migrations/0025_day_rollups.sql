-- Daily rollups of active time (see IDayRollupStore): one row per user, accounting rules and local day.
-- breakdown is {"<ReportDimension number>": {"<name>": ticks, ...}, ...}; hour_ticks has 24 entries.
CREATE TABLE floyo_day_rollups (
    user_id       uuid     NOT NULL,
    time_zone     text     NOT NULL,
    timeout_s     integer  NOT NULL,
    day           date     NOT NULL,
    through_seq   bigint   NOT NULL,
    total_ticks   bigint   NOT NULL,
    hour_ticks    bigint[] NOT NULL,
    breakdown     jsonb    NOT NULL,
    PRIMARY KEY (user_id, time_zone, timeout_s, day)
);
