-- Job search (SPEC §5.1, §5.2, §7): the areas of Denmark, the occupation
-- catalogue, employers, job postings and temp agencies, and the citizen's
-- job goals ("Jeg søger job som"), employment conditions, saved search
-- profiles and job agents, and what the Forside shows them (notifications,
-- reminders and the banner of seed 002 §1.1). All of it is the DFDG copy:
-- the application's role only reads it.

-- +goose Up

-- Trigram indexes let free text find parts of Danish compound words
-- ("lager" finds "Lagermedarbejder"), which a stemmer does not.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The five regions, with their official codes (1081–1085).
CREATE TABLE regions (
    code  text PRIMARY KEY CHECK (code ~ '^108[1-5]$'),
    name  text NOT NULL UNIQUE
);

-- Labour-market areas (arbejdsmarkedsoplande): kommuner people commute
-- between. The Forside's cards look for jobs in the citizen's area.
CREATE TABLE labour_market_areas (
    id           smallint PRIMARY KEY,
    name         text NOT NULL UNIQUE,
    region_code  text NOT NULL REFERENCES regions
);

CREATE TABLE kommuner (
    number   text PRIMARY KEY CHECK (number ~ '^[0-9]{3}$'),
    name     text NOT NULL UNIQUE,
    area_id  smallint NOT NULL REFERENCES labour_market_areas
);
CREATE INDEX kommuner_area ON kommuner (area_id);

INSERT INTO regions (code, name) VALUES
    ('1081', 'Region Nordjylland'), ('1082', 'Region Midtjylland'), ('1083', 'Region Syddanmark'),
    ('1084', 'Region Hovedstaden'), ('1085', 'Region Sjælland');

INSERT INTO labour_market_areas (id, name, region_code) VALUES
    (1, 'Storkøbenhavn', '1084'), (2, 'Nordsjælland', '1084'), (3, 'Bornholm', '1084'),
    (4, 'Østsjælland', '1085'), (5, 'Vest- og Sydsjælland', '1085'),
    (6, 'Fyn', '1083'), (7, 'Trekantområdet', '1083'), (8, 'Syd- og Sønderjylland', '1083'),
    (9, 'Østjylland', '1082'), (10, 'Midt- og Vestjylland', '1082'),
    (11, 'Nordjylland', '1081');

-- The 98 kommuner with their kommune numbers.
INSERT INTO kommuner (number, name, area_id) VALUES
    ('101', 'København', 1), ('147', 'Frederiksberg', 1), ('151', 'Ballerup', 1), ('153', 'Brøndby', 1),
    ('155', 'Dragør', 1), ('157', 'Gentofte', 1), ('159', 'Gladsaxe', 1), ('161', 'Glostrup', 1),
    ('163', 'Herlev', 1), ('165', 'Albertslund', 1), ('167', 'Hvidovre', 1), ('169', 'Høje-Taastrup', 1),
    ('173', 'Lyngby-Taarbæk', 1), ('175', 'Rødovre', 1), ('183', 'Ishøj', 1), ('185', 'Tårnby', 1),
    ('187', 'Vallensbæk', 1), ('190', 'Furesø', 1), ('230', 'Rudersdal', 1), ('240', 'Egedal', 1),
    ('201', 'Allerød', 2), ('210', 'Fredensborg', 2), ('217', 'Helsingør', 2), ('219', 'Hillerød', 2),
    ('223', 'Hørsholm', 2), ('250', 'Frederikssund', 2), ('260', 'Halsnæs', 2), ('270', 'Gribskov', 2),
    ('400', 'Bornholm', 3),
    ('253', 'Greve', 4), ('259', 'Køge', 4), ('265', 'Roskilde', 4), ('269', 'Solrød', 4),
    ('320', 'Faxe', 4), ('336', 'Stevns', 4), ('350', 'Lejre', 4),
    ('306', 'Odsherred', 5), ('316', 'Holbæk', 5), ('326', 'Kalundborg', 5), ('329', 'Ringsted', 5),
    ('330', 'Slagelse', 5), ('340', 'Sorø', 5), ('360', 'Lolland', 5), ('370', 'Næstved', 5),
    ('376', 'Guldborgsund', 5), ('390', 'Vordingborg', 5),
    ('410', 'Middelfart', 6), ('420', 'Assens', 6), ('430', 'Faaborg-Midtfyn', 6), ('440', 'Kerteminde', 6),
    ('450', 'Nyborg', 6), ('461', 'Odense', 6), ('479', 'Svendborg', 6), ('480', 'Nordfyn', 6),
    ('482', 'Langeland', 6), ('492', 'Ærø', 6),
    ('530', 'Billund', 7), ('607', 'Fredericia', 7), ('621', 'Kolding', 7), ('630', 'Vejle', 7),
    ('510', 'Haderslev', 8), ('540', 'Sønderborg', 8), ('550', 'Tønder', 8), ('561', 'Esbjerg', 8),
    ('563', 'Fanø', 8), ('573', 'Varde', 8), ('575', 'Vejen', 8), ('580', 'Aabenraa', 8),
    ('615', 'Horsens', 9), ('706', 'Syddjurs', 9), ('707', 'Norddjurs', 9), ('710', 'Favrskov', 9),
    ('727', 'Odder', 9), ('730', 'Randers', 9), ('741', 'Samsø', 9), ('746', 'Skanderborg', 9),
    ('751', 'Aarhus', 9), ('766', 'Hedensted', 9),
    ('657', 'Herning', 10), ('661', 'Holstebro', 10), ('665', 'Lemvig', 10), ('671', 'Struer', 10),
    ('740', 'Silkeborg', 10), ('756', 'Ikast-Brande', 10), ('760', 'Ringkøbing-Skjern', 10),
    ('779', 'Skive', 10), ('791', 'Viborg', 10),
    ('773', 'Morsø', 11), ('787', 'Thisted', 11), ('810', 'Brønderslev', 11), ('813', 'Frederikshavn', 11),
    ('820', 'Vesthimmerland', 11), ('825', 'Læsø', 11), ('840', 'Rebild', 11), ('846', 'Mariagerfjord', 11),
    ('849', 'Jammerbugt', 11), ('851', 'Aalborg', 11), ('860', 'Hjørring', 11);

-- The occupation catalogue ("stillingsbetegnelser") in groups.
CREATE TABLE occupation_groups (
    id    smallint PRIMARY KEY,
    name  text NOT NULL UNIQUE
);

CREATE TABLE occupations (
    id        integer PRIMARY KEY,
    title     text NOT NULL UNIQUE CHECK (title <> ''),
    group_id  smallint NOT NULL REFERENCES occupation_groups
);
CREATE INDEX occupations_group ON occupations (group_id);

CREATE TABLE employers (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cvr             text NOT NULL UNIQUE CHECK (cvr ~ '^[0-9]{8}$'),
    name            text NOT NULL CHECK (name <> ''),
    town            text NOT NULL,
    kommune_number  text NOT NULL REFERENCES kommuner
);
CREATE INDEX employers_kommune ON employers (kommune_number);

-- Job postings. workplace is the name the posting shows, which need not be
-- the employer's legal name. deadline NULL means "Snarest".
CREATE TABLE job_postings (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title           text NOT NULL CHECK (title <> ''),
    occupation_id   integer NOT NULL REFERENCES occupations,
    employer_id     bigint NOT NULL REFERENCES employers,
    workplace       text NOT NULL CHECK (workplace <> ''),
    address         text NOT NULL,
    postal_code     text NOT NULL CHECK (postal_code ~ '^[0-9]{4}$'),
    town            text NOT NULL,
    kommune_number  text NOT NULL REFERENCES kommuner,
    working_hours   text NOT NULL CHECK (working_hours IN ('Fuldtid', 'Deltid')),
    posted_on       date NOT NULL,
    deadline        date CHECK (deadline IS NULL OR deadline >= posted_on),
    description     text NOT NULL,
    -- How many job seekers have registered the posting as applied for
    -- ("Søgt") in their Joblog: an aggregate, never who.
    applicants      integer NOT NULL DEFAULT 0 CHECK (applicants >= 0),
    search_text     text GENERATED ALWAYS AS (title || ' ' || workplace || ' ' || town || ' ' || description) STORED
);
CREATE INDEX job_postings_newest ON job_postings (posted_on DESC, id DESC);
CREATE INDEX job_postings_occupation ON job_postings (occupation_id, posted_on DESC);
CREATE INDEX job_postings_kommune ON job_postings (kommune_number, posted_on DESC);
CREATE INDEX job_postings_employer ON job_postings (employer_id);
CREATE INDEX job_postings_search ON job_postings USING gin (search_text gin_trgm_ops);

CREATE TABLE temp_agencies (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            text NOT NULL CHECK (name <> ''),
    town            text NOT NULL,
    kommune_number  text NOT NULL REFERENCES kommuner,
    phone           text NOT NULL CHECK (phone ~ '^[0-9]{8}$'),
    email           text NOT NULL CHECK (email ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
CREATE INDEX temp_agencies_kommune ON temp_agencies (kommune_number);

-- The occupation groups a temp agency places people in.
CREATE TABLE temp_agency_groups (
    agency_id  bigint NOT NULL REFERENCES temp_agencies,
    group_id   smallint NOT NULL REFERENCES occupation_groups,
    PRIMARY KEY (agency_id, group_id)
);
CREATE INDEX temp_agency_groups_group ON temp_agency_groups (group_id);

-- "Jeg søger job som": the citizen's job goals, in the citizen's order.
CREATE TABLE job_goals (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id         bigint NOT NULL REFERENCES citizens,
    occupation_id      integer NOT NULL REFERENCES occupations,
    position           smallint NOT NULL CHECK (position > 0),
    educated           boolean NOT NULL,                          -- "Uddannet"
    experience_months  integer NOT NULL CHECK (experience_months BETWEEN 0 AND 900),   -- "Erfaring"
    last_worked_year   smallint CHECK (last_worked_year BETWEEN 1940 AND 2100),        -- "Sidst arbejdet i faget"
    UNIQUE (citizen_id, occupation_id),
    UNIQUE (citizen_id, position)
);

-- "Ansættelsesbetingelser": weekly working time and when the citizen can start.
CREATE TABLE employment_conditions (
    citizen_id    bigint PRIMARY KEY REFERENCES citizens,
    weekly_hours  text CHECK (weekly_hours IN ('Fuldtid', 'Deltid', 'Fuldtid eller deltid')),
    starts        text[] NOT NULL DEFAULT '{}'
        CHECK (starts <@ ARRAY['Hurtigst muligt', 'Efter aftale', 'Inden for 1 måned', 'Inden for 3 måneder']::text[])
);

-- Saved searches on Find Job; a job agent is a saved search that e-mails
-- new postings.
CREATE TABLE search_profiles (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id       bigint NOT NULL REFERENCES citizens,
    name             text NOT NULL CHECK (name <> ''),
    free_text        text NOT NULL DEFAULT '' CHECK (length(free_text) <= 200),
    agent_frequency  text CHECK (agent_frequency IN ('Dagligt', 'Ugentligt')),   -- NULL: no job agent
    created_at       timestamptz NOT NULL
);
CREATE INDEX search_profiles_citizen ON search_profiles (citizen_id, created_at DESC);

CREATE TABLE search_profile_occupations (
    profile_id     bigint NOT NULL REFERENCES search_profiles,
    occupation_id  integer NOT NULL REFERENCES occupations,
    PRIMARY KEY (profile_id, occupation_id)
);

-- An area of a search profile: a kommune or a whole region.
CREATE TABLE search_profile_areas (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    profile_id      bigint NOT NULL REFERENCES search_profiles,
    kommune_number  text REFERENCES kommuner,
    region_code     text REFERENCES regions,
    CHECK ((kommune_number IS NULL) <> (region_code IS NULL))
);
CREATE INDEX search_profile_areas_profile ON search_profile_areas (profile_id);

-- Notifications under the Forside's cards (seed 001 §4.1).
CREATE TABLE frontpage_notifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id   bigint NOT NULL REFERENCES citizens,
    kind         text NOT NULL CHECK (kind IN ('selvbooking', 'min_plan', 'besked')),
    title        text NOT NULL CHECK (title <> ''),
    occurred_at  timestamptz NOT NULL,
    link         text NOT NULL CHECK (link ~ '^/borger/[a-z0-9/-]*$')
);
CREATE INDEX frontpage_notifications_citizen ON frontpage_notifications (citizen_id, occurred_at DESC);

-- Reminders in the Forside's information box that the citizen answers,
-- e.g. "Husk: Du skal sende din ledighedserklæring og dit dagpengekort til
-- a-kassen" (seed 001 billede 22). The Joblog reminder follows from the
-- registration and is not stored.
CREATE TABLE frontpage_reminders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id  bigint NOT NULL REFERENCES citizens,
    kind        text NOT NULL CHECK (kind IN ('ledighedserklaering')),
    created_on  date NOT NULL,
    done_on     date,   -- "Jeg har sendt dem"
    UNIQUE (citizen_id, kind, created_on)
);

-- The banner "Tjek dine stillingsbetegnelser i 'Jeg søger job som'" (seed
-- 002 §1.1): the citizens it was raised for, and whether they dismissed it
-- ("Vis ikke denne besked igen").
CREATE TABLE job_goal_banners (
    citizen_id    bigint PRIMARY KEY REFERENCES citizens,
    raised_on     date NOT NULL,
    dismissed_at  timestamptz
);

GRANT SELECT ON regions, labour_market_areas, kommuner, occupation_groups, occupations, employers,
    job_postings, temp_agencies, temp_agency_groups, job_goals, employment_conditions, search_profiles,
    search_profile_occupations, search_profile_areas, frontpage_notifications, frontpage_reminders,
    job_goal_banners TO sagsbehandleradgang_app;

-- +goose Down
DROP TABLE job_goal_banners;
DROP TABLE frontpage_reminders;
DROP TABLE frontpage_notifications;
DROP TABLE search_profile_areas;
DROP TABLE search_profile_occupations;
DROP TABLE search_profiles;
DROP TABLE employment_conditions;
DROP TABLE job_goals;
DROP TABLE temp_agency_groups;
DROP TABLE temp_agencies;
DROP TABLE job_postings;
DROP TABLE employers;
DROP TABLE occupations;
DROP TABLE occupation_groups;
DROP TABLE kommuner;
DROP TABLE labour_market_areas;
DROP TABLE regions;
-- pg_trgm stays: other migrations may use it.
