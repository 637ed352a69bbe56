-- The dagpenge counters (SPEC §5.3, seed 001 §5.6): what the a-kasse reports
-- to DFDG of a member's dagpenge period — its consumption, the extension
-- earned by work (forlængelse), the karens window in progress, the work
-- towards a new period (genoptjening) — with the month-by-month history the
-- counts are made of, and the counter of supplerende dagpenge. Counted under
-- the rules in force on 1 January 2026 (internal/dagpenge). Part of the DFDG
-- copy: the application only reads it.

-- +goose Up
CREATE TABLE dagpenge_counters (
    citizen_id         bigint PRIMARY KEY REFERENCES citizens,
    as_of              date NOT NULL,                 -- counted up to and including this day
    rules_as_of        date NOT NULL,                 -- the day of the rules counted under
    part_time          boolean NOT NULL,              -- deltidsforsikret
    dimittend          boolean NOT NULL,              -- dimittend placed from 1 May 2023
    -- The period: 3,848 hours (part time 3,120; dimittend 1,924 or 1,560)
    -- to be used from period_start to period_end (36 months; dimittend 24).
    period_start       date NOT NULL,
    period_end         date NOT NULL,
    period_used        numeric(7,2) NOT NULL CHECK (period_used >= 0 AND period_used <= 3848),
    -- Forlængelse: 2 hours per hour worked, at most 1,924 within 18 months.
    extension_from     date NOT NULL,
    extension_to       date NOT NULL,
    extension_earned   numeric(7,2) NOT NULL CHECK (extension_earned >= 0 AND extension_earned <= 1924),
    extension_used     numeric(7,2) NOT NULL DEFAULT 0 CHECK (extension_used >= 0),
    -- Genoptjening: hours of work within 3 years not yet used for a period.
    reearn_worked      numeric(7,2) NOT NULL CHECK (reearn_worked >= 0),
    -- Karens: the 4-month window in progress.
    karens_from        date NOT NULL,
    karens_to          date NOT NULL,
    karens_worked      numeric(7,2) NOT NULL CHECK (karens_worked >= 0),
    karens_deductions  integer NOT NULL CHECK (karens_deductions >= 0),
    CHECK (period_end > period_start AND period_end <= period_start + interval '36 months'),
    CHECK (NOT dimittend OR period_end <= period_start + interval '24 months'),
    CHECK (NOT dimittend OR period_used <= 1924),
    CHECK (NOT part_time OR period_used <= 3120),
    CHECK (extension_to > extension_from AND extension_to < extension_from + interval '18 months'),
    CHECK (extension_used <= extension_earned),
    CHECK (karens_to > karens_from AND karens_to < karens_from + interval '4 months'),
    CHECK (as_of >= period_start - 1)
);

-- Month by month: hours worked and hours of dagpenge consumed.
CREATE TABLE dagpenge_months (
    citizen_id      bigint NOT NULL REFERENCES dagpenge_counters,
    month           date NOT NULL CHECK (extract(day FROM month) = 1),
    hours_worked    numeric(6,2) NOT NULL CHECK (hours_worked >= 0 AND hours_worked <= 744),   -- 31 × 24
    hours_consumed  numeric(6,2) NOT NULL CHECK (hours_consumed >= 0 AND hours_consumed <= 160.33),
    PRIMARY KEY (citizen_id, month)
);

-- Supplerende dagpenge: weeks used of 30 within a window of 104 weeks.
CREATE TABLE supplerende_dagpenge_counters (
    citizen_id   bigint PRIMARY KEY REFERENCES citizens,
    as_of        date NOT NULL,
    window_from  date NOT NULL,
    window_to    date NOT NULL,
    weeks_used   integer NOT NULL CHECK (weeks_used BETWEEN 0 AND 30),
    CHECK (window_to = window_from + 104 * 7 - 1)
);

GRANT SELECT ON dagpenge_counters, dagpenge_months, supplerende_dagpenge_counters TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON dagpenge_counters, dagpenge_months, supplerende_dagpenge_counters FROM sagsbehandleradgang_app;
DROP TABLE supplerende_dagpenge_counters;
DROP TABLE dagpenge_months;
DROP TABLE dagpenge_counters;
