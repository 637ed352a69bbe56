-- Loginaktivitet (issue 11): the LBA of an a-kasse or jobcenter reads the
-- organisation's look-ups, granted (citizen_history, category Login) and
-- refused (refused_lookups), newest first.
--
-- Reading who looked up whom is itself looked at: every opening of the page
-- and every CSV download is a row here, append-only like the access log —
-- who, for which organisation, when, what (page or CSV) with its filter, and
-- how many rows it showed. No CPR number: the filter holds none.

-- +goose Up
CREATE TABLE login_activity_views (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      timestamptz NOT NULL,
    user_id          bigint NOT NULL REFERENCES amp_users,
    organisation_id  bigint NOT NULL REFERENCES organisations,
    action           text NOT NULL CHECK (action IN ('page', 'csv')),
    period_from      date,          -- NULL: no lower limit
    period_to        date,          -- inclusive; NULL: no upper limit
    caseworker_id    bigint REFERENCES amp_users,  -- NULL: every caseworker
    outcome          text NOT NULL CHECK (outcome IN ('all', 'granted', 'refused')),
    page             integer CHECK (page >= 1),    -- the page shown; NULL for a download
    row_count        bigint NOT NULL CHECK (row_count >= 0)  -- rows matching the filter
);
CREATE INDEX login_activity_views_org ON login_activity_views (organisation_id, occurred_at DESC);

CREATE TRIGGER login_activity_views_append_only BEFORE UPDATE OR DELETE ON login_activity_views
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER login_activity_views_no_truncate BEFORE TRUNCATE ON login_activity_views
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

GRANT SELECT, INSERT ON login_activity_views TO sagsbehandleradgang_app;

-- The page reads one organisation's look-ups in a period, newest first;
-- refused_lookups has its index since 00001. "organisation_id IS NOT NULL"
-- keeps the rate limit's count (by user_id, migration 00012), which does not
-- imply it, on its own index.
CREATE INDEX citizen_history_org_logins ON citizen_history (organisation_id, occurred_at DESC)
    WHERE category = 'Login' AND organisation_id IS NOT NULL;

-- +goose Down
DROP INDEX citizen_history_org_logins;
REVOKE ALL ON login_activity_views FROM sagsbehandleradgang_app;
DROP TABLE login_activity_views;
