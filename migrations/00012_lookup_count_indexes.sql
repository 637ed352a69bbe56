-- The rate limit counts a caseworker's look-ups in the window (granted ones
-- in citizen_history, refused ones in refused_lookups) on every look-up,
-- while the caseworker's other look-ups wait for it. Without these indexes
-- the count read the whole history: 125 ms per look-up at 2 million history
-- rows, 0.2 ms with them.

-- +goose Up
CREATE INDEX citizen_history_logins ON citizen_history (user_id, occurred_at) WHERE category = 'Login';
CREATE INDEX refused_lookups_user ON refused_lookups (user_id, occurred_at);

-- +goose Down
DROP INDEX refused_lookups_user;
DROP INDEX citizen_history_logins;
