-- Single Logout from the IdP (issue 8): a LogoutRequest names a SAML subject
-- (NameID) and perhaps the IdP session (SessionIndex), and every session of
-- it must end, whichever instance serves it. The session's values are gob,
-- which SQL cannot read, so the subject gets columns of its own.
--
-- Rows from before this migration keep their values and live on; their
-- subject is NULL ("not read yet") until the store reads it from the values
-- (session.Store.EndSubject does so before it ends anything), so they are
-- found too. '' means the session has no subject.

-- +goose Up
ALTER TABLE sessions ADD COLUMN name_id text, ADD COLUMN session_index text;
CREATE INDEX sessions_name_id ON sessions (name_id) WHERE name_id <> '';
CREATE INDEX sessions_subject_unread ON sessions (id) WHERE name_id IS NULL;

-- +goose Down
DROP INDEX sessions_subject_unread;
DROP INDEX sessions_name_id;
ALTER TABLE sessions DROP COLUMN session_index, DROP COLUMN name_id;
