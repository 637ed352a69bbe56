-- The history trigger finds a citizen's newest entry (ORDER BY id DESC
-- LIMIT 1) to chain the next one to; without this index it read every
-- entry of the citizen, so a look-up grew slower with the citizen's history.

-- +goose Up
CREATE INDEX citizen_history_chain ON citizen_history (citizen_id, id DESC);

-- +goose Down
DROP INDEX citizen_history_chain;
