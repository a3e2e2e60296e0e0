-- What stays of a deleted account: a random receipt (derived from nothing about the user) and the time.
CREATE TABLE floyo_account_deletions (
    receipt    uuid        PRIMARY KEY,
    deleted_at timestamptz NOT NULL
);

-- Like the audit log, the record of deletions is append-only.
CREATE FUNCTION floyo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER floyo_account_deletions_append_only BEFORE UPDATE OR DELETE ON floyo_account_deletions
    FOR EACH ROW EXECUTE FUNCTION floyo_append_only();

CREATE TRIGGER floyo_account_deletions_no_truncate BEFORE TRUNCATE ON floyo_account_deletions
    FOR EACH STATEMENT EXECUTE FUNCTION floyo_append_only();
