-- The citizen's Joblog (SPEC §5.2, seed 001 §4.4): the jobs the citizen has
-- searched or means to search ("Log om jobsøgning") and other activities of
-- the job search ("Log om anden aktivitet"). Part of the DFDG copy: the
-- application only reads it.

-- +goose Up
CREATE TABLE joblog_entries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id      bigint NOT NULL REFERENCES citizens,
    kind            text NOT NULL CHECK (kind IN ('Jobsøgning', 'Anden aktivitet')),
    title           text NOT NULL CHECK (title <> ''),   -- job title, or the activity
    employer        text NOT NULL DEFAULT '',            -- employer, or who holds the activity
    contact_person  text NOT NULL DEFAULT '',
    contact_email   text NOT NULL DEFAULT '',
    contact_phone   text NOT NULL DEFAULT '',
    -- Jobnet's statuses; only a job search has one.
    status          text CHECK (status IN ('Ikke søgt', 'Søgt', 'Samtale', 'Ansat', 'Afslag')),
    how_applied     text CHECK (how_applied IN ('Skriftlig', 'Telefonisk', 'Personligt', 'Uopfordret')),
    applied_on      date,
    activity_on     date,          -- another activity's date
    deadline        date,          -- ansøgningsfrist
    closed          boolean NOT NULL DEFAULT false,   -- "markeret som afsluttet"
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    note            text NOT NULL DEFAULT '',
    CHECK ((kind = 'Jobsøgning') = (status IS NOT NULL)),
    CHECK (kind = 'Jobsøgning' OR (how_applied IS NULL AND applied_on IS NULL AND deadline IS NULL)),
    CHECK (kind = 'Anden aktivitet' OR activity_on IS NULL),
    CHECK (status IS DISTINCT FROM 'Ikke søgt' OR (how_applied IS NULL AND applied_on IS NULL)),
    CHECK (updated_at >= created_at)
);
-- The joblog page lists one citizen's logs by last change.
CREATE INDEX joblog_entries_citizen_updated ON joblog_entries (citizen_id, updated_at DESC);

GRANT SELECT ON joblog_entries TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON joblog_entries FROM sagsbehandleradgang_app;
DROP TABLE joblog_entries;
