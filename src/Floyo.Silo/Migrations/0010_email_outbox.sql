-- The email outbox: grains queue mail here; senders (one per silo) claim due rows with FOR UPDATE SKIP LOCKED, deliver
-- over SMTP and record the outcome. Sent rows stay as delivery records with their bodies emptied (they held one-time
-- links); user_id lets account deletion remove a user's mail.
CREATE TABLE floyo_email_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         uuid,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    html_body       text        NOT NULL,
    text_body       text        NOT NULL,
    template        text        NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);

CREATE INDEX floyo_email_outbox_due ON floyo_email_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX floyo_email_outbox_user ON floyo_email_outbox (user_id) WHERE user_id IS NOT NULL;
