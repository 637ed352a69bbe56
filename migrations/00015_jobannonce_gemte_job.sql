-- A job posting's own page, saved jobs and the Joblog's places (issue 9,
-- points 2 and 4; SPEC §5.2). Part of the DFDG copy: the application only
-- reads it.
--
-- apply_url is where the posting's "Søg jobbet" leads: the employer's own
-- application page. NULL: the posting gives no link, and none is shown.
--
-- saved_jobs are the postings the citizen saved on Find Job ("Gem job");
-- the Joblog's "Se gemte job" lists them.
--
-- A log's workplace may have a place (postal code and town), which the
-- Joblog's "Vis på kort" shows; a log without one is not on the map.

-- +goose Up
ALTER TABLE job_postings ADD COLUMN apply_url text CHECK (apply_url ~ '^https://[^[:space:]]+$');

CREATE TABLE saved_jobs (
    citizen_id  bigint NOT NULL REFERENCES citizens,
    posting_id  bigint NOT NULL REFERENCES job_postings,
    saved_at    timestamptz NOT NULL,
    PRIMARY KEY (citizen_id, posting_id)
);
CREATE INDEX saved_jobs_citizen ON saved_jobs (citizen_id, saved_at DESC);

ALTER TABLE joblog_entries
    ADD COLUMN postal_code text CHECK (postal_code ~ '^[0-9]{4}$'),
    ADD COLUMN town text NOT NULL DEFAULT '',
    ADD CHECK ((postal_code IS NULL) = (town = ''));

GRANT SELECT ON saved_jobs TO sagsbehandleradgang_app;

-- +goose Down
ALTER TABLE joblog_entries DROP COLUMN town, DROP COLUMN postal_code;
REVOKE ALL ON saved_jobs FROM sagsbehandleradgang_app;
DROP TABLE saved_jobs;
ALTER TABLE job_postings DROP COLUMN apply_url;
