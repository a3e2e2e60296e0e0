-- The append-only audit log of privacy-relevant actions (consent, pause, keys, exports, sign-ins, …).
-- id orders entries in time across the log and is the paging cursor; (user_id, id) serves a user's pages.
CREATE TABLE floyo_audit_log (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    action      text        NOT NULL,
    detail      text,
    origin      text
);

CREATE INDEX floyo_audit_log_user ON floyo_audit_log (user_id, id);

-- Append-only: UPDATE and TRUNCATE always fail; DELETE fails unless the transaction named the row's user in
-- floyo.erase_user (SET LOCAL / set_config(..., true)), which only account deletion does.
CREATE FUNCTION floyo_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.user_id::text = current_setting('floyo.erase_user', true) THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION 'floyo_audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER floyo_audit_log_append_only BEFORE UPDATE OR DELETE ON floyo_audit_log
    FOR EACH ROW EXECUTE FUNCTION floyo_audit_log_guard();

CREATE TRIGGER floyo_audit_log_no_truncate BEFORE TRUNCATE ON floyo_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION floyo_audit_log_guard();
