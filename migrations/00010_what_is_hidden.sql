-- What is hidden, said by the data (SPEC §5.3 and §5.5): every datum a
-- caseworker kind must not see has a place that says so.
--
-- Meetings may be of every kind a plan item may have (a meeting with a
-- mentor, about a hjælpemiddel, …), and lose their defaults: a meeting that
-- does not say what it is must not be taken for a dagpenge jobsamtale.
--
-- Self-booking offers carry the plan-item kind and the target group they
-- belong to. Offers from before this migration cannot say it: their columns
-- stay NULL, and an a-kasse is never shown them.
--
-- A Forside notification names what it is about: a plan item, a meeting, an
-- offer or a message, and is shown only on the terms of that thing. A
-- notification that names nothing is shown to no caseworker. Existing
-- notifications of a message or an offer are tied to the citizen's message
-- or offer of the same title where there is exactly one.

-- +goose Up
ALTER TABLE meetings DROP CONSTRAINT meetings_kind_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_kind_check CHECK (kind IN ('jobsamtale', 'krav til jobsøgning',
    'løntilskud', 'virksomhedspraktik', 'opkvalificering', 'hjælpemiddel', 'personlig assistance', 'mentor',
    'social- og sundhedsindsats', 'sygeopfølgning', 'min sag til teamet', 'integrationskontrakt', 'aftale'));
ALTER TABLE meetings ALTER COLUMN kind DROP DEFAULT, ALTER COLUMN target_group DROP DEFAULT;

ALTER TABLE meeting_offers
    ADD COLUMN kind text CHECK (kind IN ('jobsamtale', 'krav til jobsøgning', 'løntilskud', 'virksomhedspraktik',
        'opkvalificering', 'hjælpemiddel', 'personlig assistance', 'mentor', 'social- og sundhedsindsats',
        'sygeopfølgning', 'min sag til teamet', 'integrationskontrakt', 'aftale')),
    ADD COLUMN target_group text CHECK (target_group IN ('dagpenge', 'jobparat kontanthjælp',
        'aktivitetsparat kontanthjælp', 'uddannelseshjælp', 'sygedagpenge', 'jobafklaringsforløb', 'ressourceforløb',
        'fleksjobvisiteret', 'revalidering', 'integration'));

ALTER TABLE frontpage_notifications DROP CONSTRAINT frontpage_notifications_kind_check;
ALTER TABLE frontpage_notifications
    ADD CONSTRAINT frontpage_notifications_kind_check CHECK (kind IN ('selvbooking', 'min_plan', 'besked', 'moede')),
    ADD COLUMN plan_item_id bigint REFERENCES plan_items,
    ADD COLUMN meeting_id   bigint REFERENCES meetings,
    ADD COLUMN offer_id     bigint REFERENCES meeting_offers,
    ADD COLUMN message_id   bigint REFERENCES messages;

UPDATE frontpage_notifications n SET message_id = (
    SELECT m.id FROM messages m WHERE m.citizen_id = n.citizen_id AND m.title = n.title)
WHERE n.kind = 'besked'
  AND (SELECT count(*) FROM messages m WHERE m.citizen_id = n.citizen_id AND m.title = n.title) = 1;
UPDATE frontpage_notifications n SET offer_id = (
    SELECT o.id FROM meeting_offers o JOIN meeting_offer_citizens oc ON oc.offer_id = o.id
    WHERE oc.citizen_id = n.citizen_id AND o.title = n.title)
WHERE n.kind = 'selvbooking'
  AND (SELECT count(*) FROM meeting_offers o JOIN meeting_offer_citizens oc ON oc.offer_id = o.id
       WHERE oc.citizen_id = n.citizen_id AND o.title = n.title) = 1;

-- New notifications must name exactly the thing their kind is about; old
-- ones that could not be tied to anything are left as they are (NOT VALID)
-- and are never shown.
ALTER TABLE frontpage_notifications ADD CONSTRAINT frontpage_notifications_about CHECK (
    num_nonnulls(plan_item_id, meeting_id, offer_id, message_id) = 1
    AND (kind = 'min_plan') = (plan_item_id IS NOT NULL)
    AND (kind = 'moede') = (meeting_id IS NOT NULL)
    AND (kind = 'selvbooking') = (offer_id IS NOT NULL)
    AND (kind = 'besked') = (message_id IS NOT NULL)) NOT VALID;

-- +goose Down
ALTER TABLE frontpage_notifications DROP CONSTRAINT frontpage_notifications_about;
ALTER TABLE frontpage_notifications DROP COLUMN message_id, DROP COLUMN offer_id, DROP COLUMN meeting_id, DROP COLUMN plan_item_id;
DELETE FROM frontpage_notifications WHERE kind = 'moede';
ALTER TABLE frontpage_notifications DROP CONSTRAINT frontpage_notifications_kind_check;
ALTER TABLE frontpage_notifications ADD CONSTRAINT frontpage_notifications_kind_check CHECK (kind IN ('selvbooking', 'min_plan', 'besked'));
ALTER TABLE meeting_offers DROP COLUMN target_group, DROP COLUMN kind;
ALTER TABLE meetings ALTER COLUMN kind SET DEFAULT 'jobsamtale', ALTER COLUMN target_group SET DEFAULT 'dagpenge';
DELETE FROM meetings WHERE kind NOT IN ('jobsamtale', 'sygeopfølgning', 'min sag til teamet');
ALTER TABLE meetings DROP CONSTRAINT meetings_kind_check;
ALTER TABLE meetings ADD CONSTRAINT meetings_kind_check CHECK (kind IN ('jobsamtale', 'sygeopfølgning', 'min sag til teamet'));
