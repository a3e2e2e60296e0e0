-- Moves the rows of the old layout (migrations 0005-0007, renamed floyo_event_log_legacy by 0008) into the new one,
-- encoding each body exactly as EventBody.cs does, then drops the old table. The helper functions exist only for
-- the duration of this migration.

-- Unsigned LEB128 varint (BodyWriter.WriteVarUInt).
CREATE FUNCTION floyo_0009_varint(value numeric) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    result bytea := ''::bytea;
    rest   numeric := value;
BEGIN
    WHILE rest >= 128 LOOP
        result := result || set_byte('\x00'::bytea, 0, (mod(rest, 128) + 128)::integer);
        rest := div(rest, 128);
    END LOOP;
    RETURN result || set_byte('\x00'::bytea, 0, rest::integer);
END
$$;

-- Zigzag varint of a signed value (BodyWriter.WriteVarInt); '' when null (the field is absent).
CREATE FUNCTION floyo_0009_signed(value numeric) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN ''::bytea
                WHEN value >= 0 THEN floyo_0009_varint(2 * value)
                ELSE floyo_0009_varint(-2 * value - 1) END
$$;

-- A count: varint of its 64-bit two's complement (EventBody.WriteCount); '' when null.
CREATE FUNCTION floyo_0009_count(value numeric) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL THEN ''::bytea
                WHEN value >= 0 THEN floyo_0009_varint(value)
                ELSE floyo_0009_varint(value + 18446744073709551616) END
$$;

-- ClientEventIdCodec.Write: 0 + 16 bytes for a lowercase UUID, 1 + 18 bytes for a WakaTime id, else 2 + length, UTF-8.
CREATE FUNCTION floyo_0009_client_id(id text) RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE
        WHEN id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN '\x00'::bytea || decode(replace(id, '-', ''), 'hex')
        WHEN id ~ '^wt:[A-Za-z0-9+/]{24}$' THEN '\x01'::bytea || decode(substr(id, 4), 'base64')
        ELSE floyo_0009_varint(octet_length(convert_to(id, 'UTF8')) + 2) || convert_to(id, 'UTF8')
    END
$$;

-- The id of one of the user's strings ('' for null).
CREATE FUNCTION floyo_0009_string(user_key integer, value text) RETURNS bytea
LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN value IS NULL THEN ''::bytea
                ELSE floyo_0009_varint((SELECT s.id FROM floyo_event_log_strings AS s WHERE s.user_key = $1 AND s.value = $2)) END
$$;

-- A string's id as text, 'null' for null (the elements of a context).
CREATE FUNCTION floyo_0009_id(user_key integer, value text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT s.id::text FROM floyo_event_log_strings AS s WHERE s.user_key = $1 AND s.value = $2), 'null')
$$;

-- EventBody.Encode (bits as in EventBodyFields.cs); entity, context, language and previous entity come as ids, the
-- rarer strings are looked up.
CREATE FUNCTION floyo_0009_body(
    user_key integer, kind smallint, entity_id integer, context_id integer, client_id text, language_id integer,
    previous_id integer, details jsonb)
RETURNS bytea
LANGUAGE plpgsql STABLE AS $$
DECLARE
    fields  bigint := least(kind, 15);
    payload bytea := CASE WHEN kind >= 15 THEN floyo_0009_varint(kind) ELSE ''::bytea END || floyo_0009_varint(entity_id);
    d       jsonb := details;
BEGIN
    IF context_id IS NOT NULL THEN
        fields := fields | (1 << 4);
        payload := payload || floyo_0009_varint(context_id);
    END IF;
    IF client_id IS NOT NULL THEN
        fields := fields | (1 << 5);
        payload := payload || floyo_0009_client_id(client_id);
    END IF;
    IF language_id IS NOT NULL THEN
        fields := fields | (1 << 6);
        payload := payload || floyo_0009_varint(language_id);
    END IF;
    IF previous_id IS NOT NULL THEN
        fields := fields | (1 << 13);
        payload := payload || floyo_0009_varint(previous_id);
    END IF;
    IF d IS NOT NULL THEN
        fields := fields | (1 << 7)
            | CASE WHEN d ? 'isWrite' AND d->'isWrite' <> 'null' THEN 1 << 8 ELSE 0 END
            | CASE WHEN d->'isWrite' = 'true' THEN 1 << 9 ELSE 0 END
            | CASE WHEN d->>'lines' IS NOT NULL THEN 1 << 10 ELSE 0 END
            | CASE WHEN d->>'lineNumber' IS NOT NULL THEN 1 << 11 ELSE 0 END
            | CASE WHEN d->>'cursorPosition' IS NOT NULL THEN 1 << 12 ELSE 0 END
            | CASE WHEN d->>'lineAdditions' IS NOT NULL THEN 1 << 14 ELSE 0 END
            | CASE WHEN d->>'lineDeletions' IS NOT NULL THEN 1 << 15 ELSE 0 END
            | CASE WHEN d->>'aiLineChanges' IS NOT NULL THEN 1 << 16 ELSE 0 END
            | CASE WHEN d->>'humanLineChanges' IS NOT NULL THEN 1 << 17 ELSE 0 END
            | CASE WHEN d->>'aiInputTokens' IS NOT NULL THEN 1 << 18 ELSE 0 END
            | CASE WHEN d->>'aiOutputTokens' IS NOT NULL THEN 1 << 19 ELSE 0 END
            | CASE WHEN d->>'aiSession' IS NOT NULL THEN 1 << 20 ELSE 0 END
            | CASE WHEN jsonb_typeof(d->'dependencies') = 'array' THEN 1 << 21 ELSE 0 END
            | CASE WHEN d->>'extension' IS NOT NULL THEN 1 << 22 ELSE 0 END;
        payload := payload
            || floyo_0009_count((d->>'lines')::numeric)
            || floyo_0009_count((d->>'lineNumber')::numeric)
            || floyo_0009_count((d->>'cursorPosition')::numeric)
            || floyo_0009_count((d->>'lineAdditions')::numeric)
            || floyo_0009_count((d->>'lineDeletions')::numeric)
            || floyo_0009_signed((d->>'aiLineChanges')::numeric)
            || floyo_0009_signed((d->>'humanLineChanges')::numeric)
            || floyo_0009_count((d->>'aiInputTokens')::numeric)
            || floyo_0009_count((d->>'aiOutputTokens')::numeric)
            || floyo_0009_string(user_key, d->>'aiSession');
        IF jsonb_typeof(d->'dependencies') = 'array' THEN
            payload := payload || floyo_0009_varint(jsonb_array_length(d->'dependencies'))
                || coalesce((SELECT string_agg(floyo_0009_string(user_key, dep), ''::bytea ORDER BY n)
                             FROM jsonb_array_elements_text(d->'dependencies') WITH ORDINALITY AS x (dep, n)), ''::bytea);
        END IF;
        payload := payload || floyo_0009_string(user_key, d->>'extension');
    END IF;
    RETURN floyo_0009_varint(fields) || payload;
END
$$;

-- Users, with their heads: the last sequence number and the latest event by time.
INSERT INTO floyo_event_log_users (user_id, last_seq, latest_at, latest_seq)
SELECT h.user_id, h.last_seq, l.occurred_at, l.seq
FROM (SELECT user_id, max(seq) AS last_seq FROM floyo_event_log_legacy GROUP BY user_id) AS h
JOIN (SELECT DISTINCT ON (user_id) user_id, occurred_at, seq FROM floyo_event_log_legacy ORDER BY user_id, occurred_at DESC, seq DESC) AS l
    USING (user_id)
ORDER BY h.user_id;

-- The old rows with their user key and their context's descriptors as one comparable key (null when there are none).
CREATE TEMPORARY TABLE floyo_0009_rows ON COMMIT DROP AS
SELECT u.user_key, l.seq, l.occurred_at, l.kind, l.entity, l.previous_entity, l.client_event_id, l.project, l.language,
       l.editor, l.branch, l.details,
       CASE WHEN l.project IS NULL AND l.editor IS NULL AND l.branch IS NULL AND l.details->>'category' IS NULL
                 AND coalesce((l.details->>'type')::smallint, 0) = 0 AND l.details->>'plugin' IS NULL
                 AND l.details->>'operatingSystem' IS NULL AND l.details->>'machine' IS NULL
            THEN NULL
            ELSE ROW(l.project, l.editor, l.branch, l.details->>'category', coalesce((l.details->>'type')::smallint, 0),
                     l.details->>'plugin', l.details->>'operatingSystem', l.details->>'machine')::text
       END AS descriptors
FROM floyo_event_log_legacy AS l
JOIN floyo_event_log_users AS u USING (user_id);

-- Strings get ids in three rounds, the most used first within each (one-byte varints up to 127): the strings that
-- contexts are made of, and languages; then contexts, which refer to those (EventContext.Parse relies on a
-- context's strings having smaller ids than the context); then every other string. A value is stored once.
INSERT INTO floyo_event_log_strings (user_key, id, value)
SELECT user_key, row_number() OVER (PARTITION BY user_key ORDER BY count(*) DESC, value COLLATE "C"), value
FROM floyo_0009_rows AS r,
     LATERAL (VALUES (r.project), (r.editor), (r.branch), (r.details->>'category'), (r.details->>'plugin'),
                     (r.details->>'operatingSystem'), (r.details->>'machine'), (r.language)) AS v (value)
WHERE v.value IS NOT NULL
GROUP BY user_key, value;

CREATE INDEX floyo_0009_strings_value ON floyo_event_log_strings USING hash (value);
ANALYZE floyo_event_log_strings;

-- EventContext.Format: [project,editor,branch,category,type,plugin,os,machine] as string ids.
CREATE TEMPORARY TABLE floyo_0009_contexts ON COMMIT DROP AS
SELECT user_key, descriptors, min(project) AS project, min(editor) AS editor, min(branch) AS branch,
       min(details->>'category') AS category, min(coalesce((details->>'type')::smallint, 0)) AS type,
       min(details->>'plugin') AS plugin, min(details->>'operatingSystem') AS os, min(details->>'machine') AS machine,
       count(*) AS uses, NULL::text AS value, NULL::integer AS id
FROM floyo_0009_rows
WHERE descriptors IS NOT NULL
GROUP BY user_key, descriptors;

UPDATE floyo_0009_contexts AS c
SET value = '[' || concat_ws(',', floyo_0009_id(c.user_key, c.project), floyo_0009_id(c.user_key, c.editor),
                             floyo_0009_id(c.user_key, c.branch), floyo_0009_id(c.user_key, c.category), c.type::text,
                             floyo_0009_id(c.user_key, c.plugin), floyo_0009_id(c.user_key, c.os),
                             floyo_0009_id(c.user_key, c.machine)) || ']';

INSERT INTO floyo_event_log_strings (user_key, id, value)
SELECT c.user_key, coalesce(m.last_id, 0) + row_number() OVER (PARTITION BY c.user_key ORDER BY c.uses DESC, c.value COLLATE "C"), c.value
FROM floyo_0009_contexts AS c
LEFT JOIN (SELECT user_key, max(id) AS last_id FROM floyo_event_log_strings GROUP BY user_key) AS m USING (user_key)
WHERE NOT EXISTS (SELECT 1 FROM floyo_event_log_strings AS s WHERE s.user_key = c.user_key AND s.value = c.value);

UPDATE floyo_0009_contexts AS c SET id = s.id
FROM floyo_event_log_strings AS s
WHERE s.user_key = c.user_key AND s.value = c.value;

INSERT INTO floyo_event_log_strings (user_key, id, value)
SELECT u.user_key, coalesce(m.last_id, 0) + row_number() OVER (PARTITION BY u.user_key ORDER BY count(*) DESC, u.value COLLATE "C"), u.value
FROM (
    SELECT r.user_key, v.value
    FROM floyo_0009_rows AS r,
         LATERAL (VALUES (r.entity), (r.previous_entity), (r.details->>'aiSession'), (r.details->>'extension')) AS v (value)
    WHERE v.value IS NOT NULL
    UNION ALL
    SELECT r.user_key, jsonb_array_elements_text(r.details->'dependencies')
    FROM floyo_0009_rows AS r
    WHERE jsonb_typeof(r.details->'dependencies') = 'array'
) AS u
LEFT JOIN (SELECT user_key, max(id) AS last_id FROM floyo_event_log_strings GROUP BY user_key) AS m USING (user_key)
WHERE NOT EXISTS (SELECT 1 FROM floyo_event_log_strings AS s WHERE s.user_key = u.user_key AND s.value = u.value)
GROUP BY u.user_key, u.value, m.last_id;

UPDATE floyo_event_log_users AS u SET last_string_id = s.count
FROM (SELECT user_key, count(*) AS count FROM floyo_event_log_strings GROUP BY user_key) AS s
WHERE u.user_key = s.user_key;
ANALYZE floyo_event_log_strings;

-- The months the old rows fall in (0008 made this month and the next).
SELECT floyo_event_log_add_month(month)
FROM (SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month FROM floyo_0009_rows) AS months;

INSERT INTO floyo_event_log (occurred_at, user_key, seq, body)
SELECT r.occurred_at, r.user_key, r.seq,
       floyo_0009_body(r.user_key, r.kind, e.id, c.id, r.client_event_id, g.id, p.id, r.details)
FROM floyo_0009_rows AS r
JOIN floyo_event_log_strings AS e ON e.user_key = r.user_key AND e.value = r.entity
LEFT JOIN floyo_0009_contexts AS c ON c.user_key = r.user_key AND c.descriptors = r.descriptors
LEFT JOIN floyo_event_log_strings AS g ON g.user_key = r.user_key AND g.value = r.language
LEFT JOIN floyo_event_log_strings AS p ON p.user_key = r.user_key AND p.value = r.previous_entity
-- In (user, seq) order: each partition's index is filled left to right (full leaves) and a user's history is stored
-- together, so reading it touches few pages.
ORDER BY r.user_key, r.seq;

DROP INDEX floyo_0009_strings_value;
DROP TABLE floyo_event_log_legacy;
DROP FUNCTION floyo_0009_body, floyo_0009_id, floyo_0009_string, floyo_0009_client_id, floyo_0009_count, floyo_0009_signed, floyo_0009_varint;
