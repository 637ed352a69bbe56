-- Planer og aftaler: Møder and Min beskedbakke (SPEC §5.3, seed 001 §5.2 and
-- §5.4, seed 002 §3). Part of the DFDG copy: the application only reads it.
--
-- Self-booking: the jobcenter sets up meeting offers (mødetilbud) with the
-- mødeformer registered on the booking course, the caseworkers or teams the
-- citizen may choose, and the free times for instant booking (straksbooking);
-- it opens an offer to the citizens who may book it. The citizen's planned
-- meetings, with the jobcenter or the a-kasse, are in meetings.
--
-- Messages: every message in the citizen's beskedbakke, with its sender and
-- the organisations that are parties to it (the brevhemmelighed: a
-- caseworker reads the content only where their organisation is a party).

-- +goose Up
CREATE TABLE meeting_offers (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    jobcenter_id      bigint NOT NULL REFERENCES organisations,
    title             text NOT NULL CHECK (title <> ''),        -- "Jeg vil gerne have et møde om …"
    description       text NOT NULL CHECK (description <> ''),  -- "Beskrivelse"
    duration_minutes  integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),  -- "Varighed"
    -- Trin 4 "Rettigheder og pligter" (seed 001 billede 17).
    attention_text    text NOT NULL CHECK (attention_text <> ''),  -- "Vær opmærksom på"
    questions_text    text NOT NULL CHECK (questions_text <> ''),  -- "Hvis du har spørgsmål"
    position          integer NOT NULL,   -- the order of the offers in Trin 1
    UNIQUE (jobcenter_id, position)
);

-- The mødeformer registered on the offer; Jobnet shows only these (seed 002 §3.1).
CREATE TABLE meeting_offer_forms (
    offer_id  bigint NOT NULL REFERENCES meeting_offers,
    form      text NOT NULL CHECK (form IN ('Personligt fremmøde', 'Telefonisk', 'Digitalt møde')),
    position  integer NOT NULL,
    PRIMARY KEY (offer_id, form),
    UNIQUE (offer_id, position)
);

-- Trin 2 "Jeg vil gerne have et møde med": a caseworker or a team.
CREATE TABLE meeting_offer_hosts (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id  bigint NOT NULL REFERENCES meeting_offers,
    name      text NOT NULL CHECK (name <> ''),   -- e.g. "Team Dagpenge", "Sagsbehandler 5882"
    position  integer NOT NULL,
    UNIQUE (offer_id, position),
    UNIQUE (id, offer_id)
);

-- Free times for instant booking: one row per time and mødeform, so a time
-- with three mødeformer is three choices (seed 002 §3.1).
CREATE TABLE meeting_slots (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id         bigint NOT NULL,
    host_id          bigint NOT NULL,
    starts_at        timestamptz NOT NULL,
    form             text NOT NULL,
    caseworker_name  text NOT NULL CHECK (caseworker_name <> ''),  -- who holds the meeting, as the list shows it
    FOREIGN KEY (host_id, offer_id) REFERENCES meeting_offer_hosts (id, offer_id),
    FOREIGN KEY (offer_id, form) REFERENCES meeting_offer_forms (offer_id, form),
    UNIQUE (host_id, starts_at, caseworker_name, form)
);
CREATE INDEX meeting_slots_host_start ON meeting_slots (host_id, starts_at);

-- The citizens an offer is open to, and since when (the Forside tells them
-- of a new self-booking possibility).
CREATE TABLE meeting_offer_citizens (
    offer_id    bigint NOT NULL REFERENCES meeting_offers,
    citizen_id  bigint NOT NULL REFERENCES citizens,
    offered_at  timestamptz NOT NULL,
    PRIMARY KEY (citizen_id, offer_id)
);

-- The citizen's planned and past meetings with the jobcenter or the a-kasse.
-- Kind and target group say which plan item the meeting is, so that the
-- a-kasse's omissions of Min Plan apply to meetings too (seed 001 §5.1).
CREATE TABLE meetings (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id       bigint NOT NULL REFERENCES citizens,
    title            text NOT NULL CHECK (title <> ''),
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    form             text NOT NULL CHECK (form IN ('Personligt fremmøde', 'Telefonisk', 'Digitalt møde')),
    place            text NOT NULL DEFAULT '',   -- the address when the citizen comes in person
    with_whom        text NOT NULL CHECK (with_whom <> ''),
    organisation_id  bigint NOT NULL REFERENCES organisations,   -- the jobcenter or the a-kasse
    kind             text NOT NULL DEFAULT 'jobsamtale'
                         CHECK (kind IN ('jobsamtale', 'sygeopfølgning', 'min sag til teamet')),
    target_group     text NOT NULL DEFAULT 'dagpenge'
                         CHECK (target_group IN ('dagpenge', 'jobparat kontanthjælp', 'aktivitetsparat kontanthjælp',
                             'uddannelseshjælp', 'sygedagpenge', 'jobafklaringsforløb', 'ressourceforløb',
                             'fleksjobvisiteret', 'revalidering', 'integration')),
    slot_id          bigint UNIQUE REFERENCES meeting_slots,   -- the time it was self-booked at, if it was
    CHECK (ends_at > starts_at),
    CHECK (form <> 'Personligt fremmøde' OR place <> '')
);
CREATE INDEX meetings_citizen_start ON meetings (citizen_id, starts_at);

-- Min beskedbakke (seed 001 §5.4).
CREATE TABLE messages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_id     bigint NOT NULL REFERENCES citizens,
    from_name      text NOT NULL CHECK (from_name <> ''),       -- "Fra: Sagsbehandler"
    from_org_name  text NOT NULL CHECK (from_org_name <> ''),   -- "Besked fra Styrelsen for arbejdsmarked og rekruttering"
    from_org_id    bigint REFERENCES organisations,             -- NULL for STAR and employers
    title          text NOT NULL CHECK (title <> ''),
    body           text NOT NULL CHECK (body <> ''),
    sent_at        timestamptz NOT NULL,
    read_at        timestamptz,                                 -- NULL while unread
    CHECK (read_at IS NULL OR read_at >= sent_at)
);
CREATE INDEX messages_citizen_sent ON messages (citizen_id, sent_at DESC);

-- The organisations that are parties to a message: its sender and the
-- recipients besides the citizen.
CREATE TABLE message_parties (
    message_id       bigint NOT NULL REFERENCES messages,
    organisation_id  bigint NOT NULL REFERENCES organisations,
    PRIMARY KEY (message_id, organisation_id)
);
CREATE INDEX message_parties_organisation ON message_parties (organisation_id);

GRANT SELECT ON meeting_offers, meeting_offer_forms, meeting_offer_hosts, meeting_slots, meeting_offer_citizens,
    meetings, messages, message_parties TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON meeting_offers, meeting_offer_forms, meeting_offer_hosts, meeting_slots, meeting_offer_citizens,
    meetings, messages, message_parties FROM sagsbehandleradgang_app;
DROP TABLE message_parties;
DROP TABLE messages;
DROP TABLE meetings;
DROP TABLE meeting_offer_citizens;
DROP TABLE meeting_slots;
DROP TABLE meeting_offer_hosts;
DROP TABLE meeting_offer_forms;
DROP TABLE meeting_offers;
