-- The job market's indexes at national scale (issue 10): 40,000 open
-- postings among the postings of two years, which the generator
-- (dfdgseed -citizens N) now makes. The citizens' own pages read by
-- citizen and have their indexes; these are the queries that read the
-- whole job market.
--
-- Find Job reads the postings open today: a deadline today or later, or
-- none ("Snarest"). Without an index on the deadline it read every posting
-- of the two years (a sequential scan of 52,000 rows at 100,000 citizens,
-- 48 ms); with it, a bitmap of the open ones (4,185 rows, 3 ms). By
-- kommune, the same with the kommune first, and-ed with the trigram index
-- when the search has words.
--
-- The Forside's "Uopfordret" card counts each employer's postings of the
-- goals' trade in two years: with the employer in the occupation index it
-- is an index-only scan (6,556 rows in 0.4 ms instead of 28 ms). The old
-- occupation index is the same without it, and goes.

-- +goose Up
CREATE INDEX job_postings_open ON job_postings (deadline);
CREATE INDEX job_postings_kommune_open ON job_postings (kommune_number, deadline);
CREATE INDEX job_postings_trade ON job_postings (occupation_id, posted_on DESC) INCLUDE (employer_id);
DROP INDEX job_postings_occupation;

-- +goose Down
CREATE INDEX job_postings_occupation ON job_postings (occupation_id, posted_on DESC);
DROP INDEX job_postings_trade;
DROP INDEX job_postings_kommune_open;
DROP INDEX job_postings_open;
