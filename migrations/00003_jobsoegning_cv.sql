-- The citizen's CV as Jobnet keeps it (Mit CV, Job i Europa), the
-- presentation CV and the preparation forms (SPEC §5.2, §7). All of it is
-- the DFDG copy: the application's role only reads it, and it may not even
-- read the presentation CV's content.

-- +goose Up
CREATE TABLE cvs (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id      bigint NOT NULL UNIQUE REFERENCES citizens,
    searchable      boolean NOT NULL,                 -- employers can find the CV
    europe_visible  boolean NOT NULL DEFAULT false,   -- Job i Europa: visible to employers in Europe (EURES)
    profile         text NOT NULL DEFAULT '',         -- the short profile text
    email           text NOT NULL DEFAULT '' CHECK (email = '' OR email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    phones          text[] NOT NULL DEFAULT '{}' CHECK (array_position(phones, '') IS NULL),
    address         text NOT NULL DEFAULT '',
    changed_at      timestamptz NOT NULL,
    -- Mindst én kontaktoplysning er obligatorisk i CV'et (seed 002 §2.2).
    CHECK (email <> '' OR cardinality(phones) > 0 OR address <> '')
);

CREATE TABLE cv_experiences (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cv_id             bigint NOT NULL REFERENCES cvs,
    title             text NOT NULL CHECK (title <> ''),
    employer          text NOT NULL CHECK (employer <> ''),
    from_month        date NOT NULL CHECK (extract(day FROM from_month) = 1),
    to_month          date CHECK (extract(day FROM to_month) = 1),   -- NULL while the job lasts
    responsibilities  text NOT NULL DEFAULT '',   -- "Ansvar / arbejdsopgaver / resultater"
    CHECK (to_month IS NULL OR to_month >= from_month)
);
CREATE INDEX cv_experiences_cv ON cv_experiences (cv_id, from_month DESC);

-- Uddannelser, kurser og certificeringer.
CREATE TABLE cv_educations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cv_id        bigint NOT NULL REFERENCES cvs,
    kind         text NOT NULL CHECK (kind IN ('uddannelse', 'kursus', 'certificering')),
    title        text NOT NULL CHECK (title <> ''),
    institution  text NOT NULL DEFAULT '',
    completed    date NOT NULL CHECK (extract(day FROM completed) = 1)   -- the month it was completed
);
CREATE INDEX cv_educations_cv ON cv_educations (cv_id, completed DESC);

-- Kvalifikationer (kompetencer), in the citizen's order.
CREATE TABLE cv_qualifications (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cv_id     bigint NOT NULL REFERENCES cvs,
    position  smallint NOT NULL CHECK (position > 0),
    name      text NOT NULL CHECK (name <> ''),
    UNIQUE (cv_id, position)
);

CREATE TABLE cv_languages (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cv_id     bigint NOT NULL REFERENCES cvs,
    position  smallint NOT NULL CHECK (position > 0),
    language  text NOT NULL CHECK (language <> ''),
    level     text NOT NULL CHECK (level IN ('Begynder', 'Øvet', 'Flydende', 'Modersmål')),
    UNIQUE (cv_id, position),
    UNIQUE (cv_id, language)
);

CREATE TABLE cv_driving_licences (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cv_id        bigint NOT NULL REFERENCES cvs,
    category     text NOT NULL CHECK (category ~ '^[A-Z][A-Z0-9/+]{0,5}$'),   -- e.g. B, C1/E, BE
    description  text NOT NULL DEFAULT '',                                  -- e.g. "Almindelig bil"
    UNIQUE (cv_id, category)
);

-- The presentation CV: kept, never shown (SPEC §5.2). The application's
-- role is granted its existence and date only, so not even a mistaken query
-- can read the content.
CREATE TABLE presentation_cvs (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id  bigint NOT NULL UNIQUE REFERENCES citizens,
    content     text NOT NULL,
    changed_at  timestamptz NOT NULL
);

-- Forberedelsesskemaer with their numbered questions and answers (seed 001
-- billede 11). A question may have several answers (question 8).
CREATE TABLE preparation_forms (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens,
    variant       text NOT NULL CHECK (variant IN ('dagpenge', 'kontanthjælp', 'unge')),
    submitted_at  timestamptz NOT NULL
);
CREATE INDEX preparation_forms_citizen ON preparation_forms (citizen_id, submitted_at DESC);

CREATE TABLE preparation_form_answers (
    form_id   bigint NOT NULL REFERENCES preparation_forms,
    number    smallint NOT NULL CHECK (number > 0),
    question  text NOT NULL CHECK (question <> ''),
    answers   text[] NOT NULL CHECK (cardinality(answers) > 0 AND array_position(answers, '') IS NULL),
    PRIMARY KEY (form_id, number)
);

GRANT SELECT ON cvs, cv_experiences, cv_educations, cv_qualifications, cv_languages,
    cv_driving_licences, preparation_forms, preparation_form_answers TO sagsbehandleradgang_app;
GRANT SELECT (id, citizen_id, changed_at) ON presentation_cvs TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON presentation_cvs, preparation_form_answers, preparation_forms, cv_driving_licences,
    cv_languages, cv_qualifications, cv_educations, cv_experiences, cvs FROM sagsbehandleradgang_app;
DROP TABLE preparation_form_answers;
DROP TABLE preparation_forms;
DROP TABLE presentation_cvs;
DROP TABLE cv_driving_licences;
DROP TABLE cv_languages;
DROP TABLE cv_qualifications;
DROP TABLE cv_educations;
DROP TABLE cv_experiences;
DROP TABLE cvs;
