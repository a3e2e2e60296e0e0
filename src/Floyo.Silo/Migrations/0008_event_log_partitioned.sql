-- The event log built for volume (docs/ARCHITECTURE.md, "Event log storage"): partitioned by month, one compact row
-- per event, each user's strings stored once. The rows of the old layout move over in migration 0009.
ALTER TABLE floyo_event_log RENAME TO floyo_event_log_legacy;
ALTER INDEX floyo_event_log_pkey RENAME TO floyo_event_log_legacy_pkey;
ALTER INDEX floyo_event_log_user_time RENAME TO floyo_event_log_legacy_user_time;

-- One row per user: a small int key for the event rows, and the head of the user's log. The writer advances last_seq
-- only where an append continues it (last_seq = first - 1), holding the row locked until commit: that is what refuses
-- a sequence number twice across partitions and serialises a user's appends (and string interning) across silos.
-- latest_at/latest_seq point at the event with the greatest time (ReadLastAsync). Updated in place (HOT): fillfactor.
CREATE TABLE floyo_event_log_users (
    user_key       integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id        uuid        NOT NULL UNIQUE,
    last_seq       bigint      NOT NULL DEFAULT 0,
    last_string_id integer     NOT NULL DEFAULT 0,
    latest_at      timestamptz,
    latest_seq     bigint
) WITH (fillfactor = 70);

-- Each user's dictionary: paths, languages, event contexts (JSON arrays of project, editor, branch, category, type,
-- plugin, os, machine), dependency names, ... Ids are dense per user (1..last_string_id), so they stay small varints.
-- A value stored twice would only cost space; the writer's row lock on the user keeps that from happening.
CREATE TABLE floyo_event_log_strings (
    user_key integer NOT NULL,
    id       integer NOT NULL,
    value    text    NOT NULL,
    PRIMARY KEY (user_key, id)
);

-- One row per event: 24 bytes of tuple header, 16 of fixed columns and a body of ~20-35 bytes (EventBody.cs); rows
-- are placed at 8-byte boundaries, so the layout aims at 64 bytes for agent events and 72 for editor heartbeats.
-- seq is an integer: 2,147,483,647 events per user; the writer refuses more.
CREATE TABLE floyo_event_log (
    occurred_at timestamptz NOT NULL,
    user_key    integer     NOT NULL,
    seq         integer     NOT NULL,
    body        bytea       NOT NULL
) PARTITION BY RANGE (occurred_at);

-- The only B-tree: replay by sequence (ReadAsync, ReadHeadAsync) and a user's rows within a partition (ReadRangeAsync).
-- Appends are in sequence order per user, so leaves fill completely (fillfactor 100).
CREATE INDEX floyo_event_log_user_seq ON floyo_event_log (user_key, seq) WITH (fillfactor = 100);

-- Rows arrive roughly in time order, so a BRIN index (a few pages per month) narrows a short time range to the blocks
-- that hold it; the planner ANDs it with the user's entries above (BitmapAnd): a one-day read touches ~100 pages
-- instead of all the user's pages of the month. A B-tree on (user_key, occurred_at) would cost ~40 bytes per event.
CREATE INDEX floyo_event_log_time ON floyo_event_log USING brin (occurred_at);

-- Safety net: a row whose month has no partition lands here instead of failing the append.
CREATE TABLE floyo_event_log_default PARTITION OF floyo_event_log DEFAULT;

-- Creates the partition of the month containing the given day (UTC months) unless it exists. Safe to call from
-- several sessions at once, and moves the rows the default partition holds for that month, so the
-- attach cannot fail on them. Attaching takes a SHARE UPDATE EXCLUSIVE lock on floyo_event_log: reads and appends
-- go on meanwhile. Returns whether it created the partition.
CREATE FUNCTION floyo_event_log_add_month(day date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    first_day      date        := date_trunc('month', day)::date;
    lower_bound    timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
    upper_bound    timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
    partition_name text        := 'floyo_event_log_p' || to_char(first_day, 'YYYYMM');
BEGIN
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
    END IF;

    -- Serialises creators: this mode conflicts with itself (and attaching needs it anyway), not with appends or reads.
    -- A relation lock, unlike an advisory one, also refreshes this session's catalog cache, so the check below sees a
    -- partition that another session created meanwhile.
    LOCK TABLE ONLY floyo_event_log IN SHARE UPDATE EXCLUSIVE MODE;
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN false;
    END IF;

    -- Built detached with its range as a constraint, so attaching needs no scan of it.
    EXECUTE format('CREATE TABLE %I (LIKE floyo_event_log INCLUDING DEFAULTS, CONSTRAINT %I CHECK (occurred_at >= %L AND occurred_at < %L))',
        partition_name, partition_name || '_range', lower_bound, upper_bound);
    EXECUTE format('WITH moved AS (DELETE FROM floyo_event_log_default WHERE occurred_at >= %L AND occurred_at < %L RETURNING occurred_at, user_key, seq, body) '
        || 'INSERT INTO %I (occurred_at, user_key, seq, body) SELECT occurred_at, user_key, seq, body FROM moved',
        lower_bound, upper_bound, partition_name);
    EXECUTE format('ALTER TABLE floyo_event_log ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', partition_name, lower_bound, upper_bound);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', partition_name, partition_name || '_range');
    RETURN true;
END
$$;

-- This month and the next exist ahead of need; the writer creates later (and earlier) ones on demand.
SELECT floyo_event_log_add_month((now() AT TIME ZONE 'UTC')::date);
SELECT floyo_event_log_add_month(((now() AT TIME ZONE 'UTC') + interval '1 month')::date);
