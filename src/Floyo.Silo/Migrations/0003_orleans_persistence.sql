-- Orleans grain storage for Floyo, written against the contract of Orleans.Persistence.AdoNet 10.4.2.
-- A grain's identity is seven values; the unique index makes a second row for the same identity impossible.
-- version is the ETag: every write presents the version it read and gets version + 1, or changes nothing.
CREATE TABLE orleans_storage (
    grain_id_hash      integer     NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    grain_type_hash    integer     NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_extension text,
    service_id         text        NOT NULL,
    payload            bytea,
    version            integer,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX orleans_storage_identity ON orleans_storage
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, service_id, coalesce(grain_id_extension, ''));

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS payloadbinary, now() AS readat, version AS version
FROM orleans_storage
WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_type = @GrainTypeString AND service_id = @ServiceId
  AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
$q$),
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type = @GrainTypeString AND service_id = @ServiceId
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version),
created AS (
    INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type, grain_id_extension, service_id, payload, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version)
SELECT version AS newgrainstateversion FROM updated
UNION ALL
SELECT version FROM created
$q$),
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_storage SET payload = NULL, version = version + 1, modified_at = now()
    WHERE version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type = @GrainTypeString AND service_id = @ServiceId
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version)
SELECT coalesce((SELECT version FROM cleared), @GrainStateVersion) AS newgrainstateversion
$q$),
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleans_storage
    WHERE version = @GrainStateVersion
      AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type = @GrainTypeString AND service_id = @ServiceId
      AND coalesce(grain_id_extension, '') = coalesce(@GrainIdExtensionString, '')
    RETURNING version + 1 AS next_version)
SELECT coalesce((SELECT next_version FROM deleted), @GrainStateVersion) AS newgrainstateversion
$q$);
