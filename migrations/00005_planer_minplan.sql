-- Min Plan (SPEC §5.3, §7, seed 001 §5.1): the citizen's target-group
-- periods, the plan's items — efforts (indsatser), requirements and the
-- agreements made at meetings — and the jobcenter's job goal ("Jobmål").
-- Part of the DFDG copy: the application only reads it. The Kalender shows
-- the same items.

-- +goose Up

-- The citizen's target groups over time (SPEC Appendix A). A plan item
-- belongs to the period of the course it was made in; the a-kasse sees only
-- items of dagpenge periods (internal/access).
CREATE TABLE target_group_periods (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens,
    target_group  text NOT NULL CHECK (target_group IN ('dagpenge', 'jobparat kontanthjælp',
                      'aktivitetsparat kontanthjælp', 'uddannelseshjælp', 'sygedagpenge', 'jobafklaringsforløb',
                      'ressourceforløb', 'fleksjobvisiteret', 'revalidering', 'integration')),
    valid_from    date NOT NULL,
    valid_to      date,               -- inclusive; NULL while it lasts
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    UNIQUE (id, citizen_id)           -- lets an item's period be the same citizen's
);
CREATE INDEX target_group_periods_citizen ON target_group_periods (citizen_id, valid_from);

-- The items of Min Plan. An agreement ("Aftale med jobcenter", "Aftale med
-- a-kasse") is an item of kind 'aftale': the newest per owner is "Seneste
-- aftale med …". A STAR item (e.g. "Krav til jobsøgning") has no
-- organisation and no one it was agreed with.
CREATE TABLE plan_items (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id              bigint NOT NULL REFERENCES citizens,
    target_group_period_id  bigint NOT NULL,
    kind                    text NOT NULL CHECK (kind IN ('jobsamtale', 'krav til jobsøgning', 'løntilskud',
                                'virksomhedspraktik', 'opkvalificering', 'hjælpemiddel', 'personlig assistance',
                                'mentor', 'social- og sundhedsindsats', 'sygeopfølgning', 'min sag til teamet',
                                'integrationskontrakt', 'aftale')),
    title                   text NOT NULL CHECK (title <> '' AND length(title) <= 200),
    owner                   text NOT NULL CHECK (owner IN ('a-kasse', 'jobcenter', 'STAR')),
    owner_org_id            bigint REFERENCES organisations,
    valid_from              date NOT NULL,
    valid_to                date,     -- inclusive; NULL: "Hele tiden"
    agreement               text NOT NULL DEFAULT '',   -- the agreement text
    agreed_by               text NOT NULL DEFAULT '',   -- who the citizen agreed it with
    agreed_on               date,
    FOREIGN KEY (target_group_period_id, citizen_id) REFERENCES target_group_periods (id, citizen_id),
    CHECK ((owner = 'STAR') = (owner_org_id IS NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from),
    CHECK ((agreed_by = '') = (agreed_on IS NULL)),
    CHECK (kind <> 'aftale' OR (owner <> 'STAR' AND agreement <> '' AND agreed_on IS NOT NULL))
);
-- Min Plan and the Kalender read one citizen's items by period.
CREATE INDEX plan_items_citizen ON plan_items (citizen_id, valid_from);

-- The job goal set by the jobcenter in dialogue with the citizen ("Jobmål",
-- seed 001 billede 13). Not the citizen's own "Jeg søger job som".
CREATE TABLE plan_job_goals (
    citizen_id              bigint PRIMARY KEY REFERENCES citizens,
    target_group_period_id  bigint NOT NULL,
    occupation_id           integer NOT NULL REFERENCES occupations,
    jobcenter_id            bigint NOT NULL REFERENCES organisations,
    agreed_by               text NOT NULL CHECK (agreed_by <> ''),
    agreed_on               date NOT NULL,
    FOREIGN KEY (target_group_period_id, citizen_id) REFERENCES target_group_periods (id, citizen_id)
);

GRANT SELECT ON target_group_periods, plan_items, plan_job_goals TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON target_group_periods, plan_items, plan_job_goals FROM sagsbehandleradgang_app;
DROP TABLE plan_job_goals;
DROP TABLE plan_items;
DROP TABLE target_group_periods;
