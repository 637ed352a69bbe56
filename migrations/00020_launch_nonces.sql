-- Launch from the case system (issue 11, point 3; SPEC §1 step 1): the
-- nonce of every launch token accepted, kept until the token expires, so
-- that a token is used once on every instance. Like the SAML replay cache,
-- the primary key decides between two instances receiving the same token.
-- The nonce is the token's "jti"; it holds nothing about the citizen.

-- +goose Up
CREATE TABLE launch_nonces (
    case_system text NOT NULL,
    nonce       text NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (case_system, nonce)
);
CREATE INDEX launch_nonces_expires ON launch_nonces (expires_at);

GRANT SELECT, INSERT, DELETE ON launch_nonces TO sagsbehandleradgang_app;

-- +goose Down
REVOKE ALL ON launch_nonces FROM sagsbehandleradgang_app;
DROP TABLE launch_nonces;
