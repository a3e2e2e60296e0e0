-- The Orleans ADO.NET providers load their SQL from this table at start-up
-- (SELECT QueryKey, QueryText FROM OrleansQuery). Unquoted names: PostgreSQL folds them to lower case.
CREATE TABLE orleansquery (
    querykey  varchar(64) PRIMARY KEY,
    querytext text        NOT NULL
);
