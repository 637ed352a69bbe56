-- The contact panels of the citizen's Forside (issue 9, point 1; seed 002
-- §1.1 shows the right-hand column "Din status", "Kontakt din a-kasse",
-- "Kontakt dit jobcenter", "Kontakt supporten", "Digital post"): how the
-- citizen reaches their a-kasse and jobcenter. One row per organisation;
-- an organisation without a row has no panel.

-- +goose Up
CREATE TABLE organisation_contacts (
    organisation_id bigint PRIMARY KEY REFERENCES organisations ON DELETE CASCADE,
    phone           text NOT NULL DEFAULT '',   -- eight digits
    email           text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',   -- e.g. "Værkmestergade 9, 8000 Aarhus C"
    opening_hours   text NOT NULL DEFAULT '',   -- e.g. "Mandag-torsdag kl. 9.00-15.00, fredag kl. 9.00-13.00"
    website         text NOT NULL DEFAULT ''    -- https URL
);
GRANT SELECT ON organisation_contacts TO sagsbehandleradgang_app;

-- +goose Down
DROP TABLE organisation_contacts;
