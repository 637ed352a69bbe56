-- The first slice: organisations and the Arbejdsmarkedsportalen user copy,
-- the DFDG facts the access rule reads, the citizen's history, refused
-- look-ups, sessions and the SAML replay cache.

-- +goose Up
CREATE TABLE organisations (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind    text NOT NULL CHECK (kind IN ('A-kasse', 'Jobcenter', 'Kommune', 'Anden aktør')),
    number  text NOT NULL DEFAULT '',   -- a-kasse number, or kommune number
    name    text NOT NULL,
    cvr     text NOT NULL CHECK (cvr ~ '^[0-9]{8}$'),
    UNIQUE (kind, number, cvr)
);

-- The Arbejdsmarkedsportalen user copy (SPEC §2.2).
CREATE TABLE amp_users (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cvr     text NOT NULL CHECK (cvr ~ '^[0-9]{8}$'),
    rid     text,
    uuid    uuid UNIQUE,
    name    text NOT NULL,
    email   text NOT NULL DEFAULT '',
    active  boolean NOT NULL DEFAULT true,
    UNIQUE (cvr, rid),
    CHECK (rid IS NOT NULL OR uuid IS NOT NULL)
);

CREATE TABLE amp_user_roles (
    user_id          bigint NOT NULL REFERENCES amp_users,
    organisation_id  bigint NOT NULL REFERENCES organisations,
    role             text NOT NULL CHECK (role IN ('Sagsbehandler', 'LBA', 'Revi', 'ReviApprover',
                         'Indkalder', 'Planner administrator', 'Jobnet jobordrer', 'Webservice', 'LSS')),
    PRIMARY KEY (user_id, organisation_id, role)
);

-- The DFDG copy.
CREATE TABLE citizens (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cpr             char(10) NOT NULL UNIQUE CHECK (cpr ~ '^[0-9]{10}$'),
    name            text NOT NULL,
    kommune_number  text NOT NULL,
    jobcenter_id    bigint REFERENCES organisations   -- jobcentertilhørsforhold
);

CREATE TABLE akasse_memberships (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id  bigint NOT NULL REFERENCES citizens,
    akasse_id   bigint NOT NULL REFERENCES organisations,
    valid_from  date NOT NULL,
    valid_to    date,               -- inclusive; NULL while the membership lasts
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX akasse_memberships_citizen ON akasse_memberships (citizen_id);

CREATE TABLE kontaktgruppe_registrations (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id        bigint NOT NULL REFERENCES citizens,
    kontaktgruppe     smallint NOT NULL CHECK (kontaktgruppe BETWEEN 1 AND 99),
    tilmeldekategori  smallint,     -- e.g. 5 = dimittend in kontaktgruppe 8
    registered        boolean NOT NULL,   -- tilmeldt (true) or afmeldt (false)
    jobcenter_id      bigint NOT NULL REFERENCES organisations,
    valid_from        date NOT NULL,
    valid_to          date,
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX kontaktgruppe_registrations_citizen ON kontaktgruppe_registrations (citizen_id);

-- The citizen's history as Jobnet shows it (Historik). Append-only and
-- chained: each row carries the SHA-256 of its content and of the citizen's
-- previous row, so that a changed or removed row is evident.
CREATE TABLE citizen_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id    bigint NOT NULL REFERENCES citizens,
    category      text NOT NULL CHECK (category IN ('Planer', 'Møder', 'Login', 'Ledighedsstatusser',
                      'Sygdomsregistreringer', 'Ferieregistreringer', 'Midlertidigt arbejde', 'CV-søgbarhed')),
    occurred_at   timestamptz NOT NULL,
    text          text NOT NULL,
    -- Login entries: who looked, for which organisation, and through what.
    caseworker_name    text,
    organisation_name  text,
    user_id            bigint REFERENCES amp_users,
    organisation_id    bigint REFERENCES organisations,
    via                text,
    prev_hash     bytea,
    hash          bytea NOT NULL
);
CREATE INDEX citizen_history_citizen ON citizen_history (citizen_id, occurred_at DESC);

-- +goose StatementBegin
CREATE FUNCTION citizen_history_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Serialise writers per citizen so the chain has no forks.
    PERFORM pg_advisory_xact_lock(hashtext('citizen_history'), NEW.citizen_id::int);
    SELECT hash INTO NEW.prev_hash FROM citizen_history
        WHERE citizen_id = NEW.citizen_id ORDER BY id DESC LIMIT 1;
    NEW.hash := sha256(
        coalesce(NEW.prev_hash, ''::bytea) ||
        convert_to(concat_ws(E'\x1f', NEW.citizen_id, NEW.category, to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
            NEW.text, NEW.caseworker_name, NEW.organisation_name, NEW.user_id, NEW.organisation_id, NEW.via), 'UTF8'));
    RETURN NEW;
END $$;
-- +goose StatementEnd
CREATE TRIGGER citizen_history_chain BEFORE INSERT ON citizen_history
    FOR EACH ROW EXECUTE FUNCTION citizen_history_chain();

-- Refused look-ups, for the organisation's own control (SPEC §6). Not part
-- of the citizen's history: the citizen may not even exist.
CREATE TABLE refused_lookups (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    user_id          bigint NOT NULL REFERENCES amp_users,
    organisation_id  bigint NOT NULL REFERENCES organisations,
    caseworker_name  text NOT NULL,
    cpr              char(10) NOT NULL,
    reason           text NOT NULL
);
CREATE INDEX refused_lookups_org ON refused_lookups (organisation_id, occurred_at DESC);

-- +goose StatementBegin
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
-- +goose StatementEnd
CREATE TRIGGER citizen_history_append_only BEFORE UPDATE OR DELETE ON citizen_history
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER citizen_history_no_truncate BEFORE TRUNCATE ON citizen_history
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER refused_lookups_append_only BEFORE UPDATE OR DELETE ON refused_lookups
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER refused_lookups_no_truncate BEFORE TRUNCATE ON refused_lookups
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE sessions (
    id          text PRIMARY KEY,
    data        bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE saml_used_assertions (
    id          text PRIMARY KEY,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX saml_used_assertions_expires ON saml_used_assertions (expires_at);

-- The application's role: it reads the DFDG copy and the user copy, appends
-- to the history and the refused look-ups, and owns only sessions and the
-- replay cache. The server switches to it on every connection (SET ROLE).
-- +goose StatementBegin
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sagsbehandleradgang_app') THEN
        CREATE ROLE sagsbehandleradgang_app NOLOGIN;
    END IF;
    IF NOT pg_has_role(current_user, 'sagsbehandleradgang_app', 'MEMBER') THEN
        EXECUTE format('GRANT sagsbehandleradgang_app TO %I', current_user);
    END IF;
END $$;
-- +goose StatementEnd
GRANT USAGE ON SCHEMA public TO sagsbehandleradgang_app;
GRANT SELECT ON organisations, amp_users, amp_user_roles, citizens, akasse_memberships,
    kontaktgruppe_registrations TO sagsbehandleradgang_app;
GRANT SELECT, INSERT ON citizen_history, refused_lookups TO sagsbehandleradgang_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, saml_used_assertions TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM sagsbehandleradgang_app;
DROP TABLE saml_used_assertions;
DROP TABLE sessions;
DROP TABLE refused_lookups;
DROP TABLE citizen_history;
DROP FUNCTION refuse_change();
DROP FUNCTION citizen_history_chain();
DROP TABLE kontaktgruppe_registrations;
DROP TABLE akasse_memberships;
DROP TABLE citizens;
DROP TABLE amp_user_roles;
DROP TABLE amp_users;
DROP TABLE organisations;
