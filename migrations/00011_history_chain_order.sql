-- The history chain's order is its own column (issue 8). Until now a row's
-- place in the chain was its id, but the id is drawn when the row is formed,
-- before the trigger takes the citizen's lock: two look-ups at once could
-- take the lock in the other order than their ids, and the trigger chained
-- each new row to the row with the highest id, which need not be the last
-- one chained. Rows were chained out of id order, and a later row could chain
-- to a row that already had a successor: a fork. The verifier, walking by
-- id, reported tampering that never happened.
--
-- Now the trigger numbers each citizen's rows 1, 2, 3, … (seq) under the
-- citizen's lock and chains the new row to the row with the highest number.
-- A UNIQUE (citizen_id, seq) makes a fork impossible rather than unlikely: a
-- writer that does not see the last row (a REPEATABLE READ transaction that
-- began before it was written) fails instead of forking. seq is not hashed:
-- it only says in which order to walk the chain, and a changed seq breaks
-- the walk's links as surely as a changed hash.
--
-- Existing rows are numbered in the order they were chained, as far as the
-- links tell: the old trigger chained a row to the highest id it could see,
-- so ordering by the chained-to row's id (a first row by its own id), then
-- by id, follows every chain that did not fork. A fork stays a fork and the
-- verifier reports it as one.

-- +goose Up
ALTER TABLE citizen_history ADD COLUMN seq bigint;

ALTER TABLE citizen_history DISABLE TRIGGER citizen_history_append_only;
WITH chained_to AS (
    SELECT h.id, h.citizen_id, p.id AS parent
    FROM citizen_history h
    LEFT JOIN (SELECT citizen_id, hash, min(id) AS id FROM citizen_history GROUP BY citizen_id, hash) p
        ON p.citizen_id = h.citizen_id AND p.hash = h.prev_hash
), numbered AS (
    SELECT id, row_number() OVER (PARTITION BY citizen_id
        ORDER BY coalesce(parent, id), parent IS NOT NULL, id) AS seq
    FROM chained_to
)
UPDATE citizen_history h SET seq = n.seq FROM numbered n WHERE n.id = h.id;
ALTER TABLE citizen_history ENABLE TRIGGER citizen_history_append_only;

ALTER TABLE citizen_history ALTER COLUMN seq SET NOT NULL;
ALTER TABLE citizen_history ADD CONSTRAINT citizen_history_seq UNIQUE (citizen_id, seq);
-- The unique index finds a citizen's last row now.
DROP INDEX citizen_history_chain;

-- +goose StatementBegin
CREATE OR REPLACE FUNCTION citizen_history_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq bigint;
BEGIN
    -- Serialise writers per citizen, then read the citizen's last row: each
    -- statement here sees what was committed when it began, so it sees the
    -- row of whoever held the lock before.
    PERFORM pg_advisory_xact_lock(hashtext('citizen_history'), NEW.citizen_id::int);
    SELECT seq, hash INTO last_seq, NEW.prev_hash FROM citizen_history
        WHERE citizen_id = NEW.citizen_id ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(last_seq, 0) + 1;
    NEW.hash := sha256(
        coalesce(NEW.prev_hash, ''::bytea) ||
        convert_to(concat_ws(E'\x1f', NEW.citizen_id, NEW.category, to_char(NEW.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
            NEW.text, NEW.caseworker_name, NEW.organisation_name, NEW.user_id, NEW.organisation_id, NEW.via), 'UTF8'));
    RETURN NEW;
END $$;
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION citizen_history_chain() RETURNS trigger LANGUAGE plpgsql AS $$
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
CREATE INDEX citizen_history_chain ON citizen_history (citizen_id, id DESC);
ALTER TABLE citizen_history DROP COLUMN seq;
