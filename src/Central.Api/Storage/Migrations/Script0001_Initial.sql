-- Schema version 1: the klantcontacten register, the follow-up queue and the edge sync bookkeeping.
-- Every table carries the tenant (gemeente) and every unique key starts with it, so the PostgreSQL
-- schema can distribute on gemeente (Citus) and every hot query routes to one shard.
-- Times are integers: *_ns in Unix nanoseconds (exact for protobuf Timestamps), *_ms in Unix milliseconds.

CREATE TABLE klantcontacten (
    -- Server-assigned arrival sequence; the list cursor compares it strictly (case S7).
    -- Limitation: SQLite's AUTOINCREMENT needs a single-column key; PostgreSQL uses (gemeente, seq).
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    gemeente             TEXT    NOT NULL,
    uuid                 TEXT    NOT NULL,
    kanaal               INTEGER NOT NULL,
    dienstverleningstype INTEGER NOT NULL,
    journey_id           TEXT    NULL,
    plaatsgevonden_op_ns INTEGER NOT NULL,
    source               TEXT    NOT NULL,
    received_at_ms       INTEGER NOT NULL,
    payload              BLOB    NOT NULL,
    UNIQUE (gemeente, uuid)
);

CREATE INDEX ix_klantcontacten_seq ON klantcontacten (gemeente, seq);
CREATE INDEX ix_klantcontacten_kanaal ON klantcontacten (gemeente, kanaal, seq);
CREATE INDEX ix_klantcontacten_journey ON klantcontacten (gemeente, journey_id, seq) WHERE journey_id IS NOT NULL;
CREATE INDEX ix_klantcontacten_plaatsgevonden ON klantcontacten (gemeente, plaatsgevonden_op_ns);

-- The follow-up queue: interne taken (terugbelverzoeken, wachtrij-taken) waiting for an employee.
CREATE TABLE interne_taken (
    seq                  INTEGER PRIMARY KEY AUTOINCREMENT,
    gemeente             TEXT    NOT NULL,
    uuid                 TEXT    NOT NULL,
    soort                INTEGER NOT NULL,
    klantcontact_uuid    TEXT    NOT NULL,
    dienstverleningstype INTEGER NOT NULL,
    wachtrij             TEXT    NOT NULL,
    status               TEXT    NOT NULL DEFAULT 'open',
    aangemaakt_op_ns     INTEGER NOT NULL,
    received_at_ms       INTEGER NOT NULL,
    payload              BLOB    NOT NULL,
    UNIQUE (gemeente, uuid)
);

CREATE INDEX ix_interne_taken_wachtrij ON interne_taken (gemeente, wachtrij, status, seq);

-- Every record id an edge delivered; a record id found here is a duplicate, whatever batch it came in.
CREATE TABLE sync_records (
    gemeente       TEXT    NOT NULL,
    record_id      TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    device_id      TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    PRIMARY KEY (gemeente, record_id)
) WITHOUT ROWID;

-- Records refused for good (the edge dead-letters them); the reason names fields, never values.
CREATE TABLE sync_rejections (
    gemeente       TEXT    NOT NULL,
    device_id      TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    sequence       INTEGER NOT NULL,
    record_id      TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    received_at_ms INTEGER NOT NULL,
    PRIMARY KEY (gemeente, device_id, stream_id, sequence)
) WITHOUT ROWID;

-- The highest sequence handled per outbox stream.
CREATE TABLE sync_streams (
    gemeente            TEXT    NOT NULL,
    device_id           TEXT    NOT NULL,
    stream_id           TEXT    NOT NULL,
    high_water_sequence INTEGER NOT NULL,
    updated_at_ms       INTEGER NOT NULL,
    PRIMARY KEY (gemeente, device_id, stream_id)
) WITHOUT ROWID;
