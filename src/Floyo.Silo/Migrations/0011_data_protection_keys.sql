-- ASP.NET Core Data Protection key ring shared by every web pod, so each accepts the others' cookies and antiforgery
-- tokens. One row per key (or revocation) element, as XML.
CREATE TABLE floyo_data_protection_keys (
    friendly_name text        PRIMARY KEY,
    xml           text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
