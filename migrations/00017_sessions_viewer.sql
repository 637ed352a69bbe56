-- One round trip for a signed-in request (issue 10): the session's row and
-- what the access rule needs (the caseworker's user copy entry, the selected
-- citizen's facts) are read together, by queries that find the user and the
-- citizen through the session's id. The values are gob, which SQL cannot
-- read, so the two ids get columns of their own, written with the values.
--
-- Rows from before this migration have NULL here; the server then loads the
-- caseworker in a round trip of its own, as before, until the row is saved.

-- +goose Up
ALTER TABLE sessions ADD COLUMN user_id bigint, ADD COLUMN citizen_id bigint;

-- +goose Down
ALTER TABLE sessions DROP COLUMN citizen_id, DROP COLUMN user_id;
