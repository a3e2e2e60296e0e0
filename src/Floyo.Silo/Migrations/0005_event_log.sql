-- Floyo's durable event log: one row per stored event, contiguous seq per user.
-- The primary key both orders a user's log for replay and refuses a sequence number written twice.
CREATE TABLE floyo_event_log (
    user_id         uuid        NOT NULL,
    seq             bigint      NOT NULL,
    occurred_at     timestamptz NOT NULL,
    kind            smallint    NOT NULL,
    entity          text        NOT NULL,
    previous_entity text,
    project         text,
    language        text,
    editor          text,
    branch          text,
    client_event_id text,
    PRIMARY KEY (user_id, seq)
);
