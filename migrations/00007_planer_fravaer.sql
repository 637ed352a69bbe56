-- Fravær og fritagelser (SPEC §5.3, seed 001 §5.5, Appendix A): the
-- citizen's absences and exemptions as DFDG registers them, with the target
-- groups for which each is lawful. Part of the DFDG copy: the application
-- only reads it. "Aktuelt fravær", the info pages (Meld ferie, Meld
-- syg/rask), the Forside's status line and the Kalender read this table; the
-- citizen's registration as job seeker is kontaktgruppe_registrations.

-- +goose Up
CREATE TABLE absences (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id      bigint NOT NULL REFERENCES citizens,
    -- The DFDG types. "Modtager hjælp fra kommunen" is kept but never shown
    -- on Jobnet, not even to the citizen.
    type            text NOT NULL CHECK (type IN ('Uddannelse', 'Midlertidigt arbejde', 'Borgerligt ombud',
                        'Barsel (max 14 dage)', 'Barsel', 'Friperiode', 'Ferie', 'Sygdom',
                        'Fritaget for pligt til at selvbooke', 'Modtager hjælp fra kommunen')),
    valid_from      date NOT NULL,
    valid_to        date,               -- inclusive; NULL while it lasts (e.g. a sygemelding until raskmelding)
    comment         text NOT NULL DEFAULT '',
    -- Who registered it: the citizen on Jobnet, the jobcenter or the a-kasse.
    registered_by   text NOT NULL CHECK (registered_by IN ('Borger', 'Jobcenter', 'A-kasse')),
    registered_org  bigint REFERENCES organisations,
    registered_at   timestamptz NOT NULL,
    -- The target groups (jobnet.TargetGroup) for which the absence is
    -- lawful; the a-kasse sees only those lawful for dagpenge.
    lawful_for      text[] NOT NULL CHECK (lawful_for <@ ARRAY['dagpenge', 'jobparat kontanthjælp',
                        'aktivitetsparat kontanthjælp', 'uddannelseshjælp', 'sygedagpenge', 'jobafklaringsforløb',
                        'ressourceforløb', 'fleksjobvisiteret', 'revalidering', 'integration']::text[]),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((registered_by = 'Borger') = (registered_org IS NULL)),
    -- Barsel (max 14 dage) is at most 14 days; a holiday has an end.
    CHECK (type <> 'Barsel (max 14 dage)' OR (valid_to IS NOT NULL AND valid_to - valid_from < 14)),
    CHECK (type <> 'Ferie' OR valid_to IS NOT NULL),
    -- The citizen reports a holiday on Jobnet at least 14 days ahead.
    CHECK (type <> 'Ferie' OR registered_by <> 'Borger'
           OR valid_from >= (registered_at AT TIME ZONE 'Europe/Copenhagen')::date + 14)
);
-- Every page reads one citizen's current and coming absences.
CREATE INDEX absences_citizen ON absences (citizen_id, valid_from);

GRANT SELECT ON absences TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON absences FROM sagsbehandleradgang_app;
DROP TABLE absences;
