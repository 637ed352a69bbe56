package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/star-dk/sagsbehandleradgang/internal/samlsp"
)

func configFrom(env map[string]string) (Config, error) {
	base := map[string]string{"DATABASE_URL": "postgres://localhost/x"}
	for k, v := range env {
		base[k] = v
	}
	return loadConfig(nil, func(k string) string { return base[k] })
}

// The SP metadata names an organisation and a technical contact (issue 8,
// point 6): placeholders in development, the configured ones otherwise.
func TestConfig_MetadataNames(t *testing.T) {
	c, err := configFrom(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := samlsp.Organization{Name: "Styrelsen for Arbejdsmarked og Rekruttering", DisplayName: "Sagsbehandleradgang til Jobnet", URL: "http://localhost:8080"}
	if diff := cmp.Diff(want, c.Organization); diff != "" {
		t.Errorf("development Organization (-want +got):\n%s", diff)
	}
	if c.Contact.Email == "" || c.Contact.Company != want.Name {
		t.Errorf("development Contact %+v, want a placeholder e-mail and the organisation", c.Contact)
	}

	c, err = configFrom(map[string]string{
		"SAML_ORG_NAME": "STAR", "SAML_ORG_DISPLAY_NAME": "Jobnet for sagsbehandlere", "SAML_ORG_URL": "https://star.dk",
		"SAML_CONTACT_COMPANY": "STAR IT", "SAML_CONTACT_NAME": "Driften", "SAML_CONTACT_EMAIL": "drift@star.dk", "SAML_CONTACT_PHONE": "72217400",
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(samlsp.Organization{Name: "STAR", DisplayName: "Jobnet for sagsbehandlere", URL: "https://star.dk"}, c.Organization); diff != "" {
		t.Errorf("Organization (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(samlsp.Contact{Company: "STAR IT", Name: "Driften", Email: "drift@star.dk", Phone: "72217400"}, c.Contact); diff != "" {
		t.Errorf("Contact (-want +got):\n%s", diff)
	}
}

func TestConfig_RefusesIncompleteSAMLSettings(t *testing.T) {
	https := map[string]string{
		"BASE_URL": "https://sba.example", "SAML_KEY_FILE": "k", "SAML_CERT_FILE": "c",
		"SESSION_KEY": strings.Repeat("ab", 32),
	}
	with := func(extra map[string]string) map[string]string {
		out := map[string]string{}
		for _, m := range []map[string]string{https, extra} {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}
	if _, err := configFrom(with(map[string]string{"SAML_CONTACT_EMAIL": "drift@star.dk"})); err != nil {
		t.Fatalf("complete https configuration refused: %v", err)
	}
	for name, tt := range map[string]struct {
		env  map[string]string
		want string
	}{
		"https without a contact":   {with(nil), "SAML_CONTACT_EMAIL is required"},
		"not an e-mail address":     {with(map[string]string{"SAML_CONTACT_EMAIL": "Drift <drift@star.dk>"}), "SAML_CONTACT_EMAIL must be"},
		"organisation URL relative": {map[string]string{"SAML_ORG_URL": "/om"}, "SAML_ORG_URL"},
		"next key without its cert": {map[string]string{"SAML_NEXT_KEY_FILE": "next-key.pem"}, "SAML_NEXT_KEY_FILE and SAML_NEXT_CERT_FILE"},
		"next cert without its key": {map[string]string{"SAML_NEXT_CERT_FILE": "next-cert.pem"}, "SAML_NEXT_KEY_FILE and SAML_NEXT_CERT_FILE"},
	} {
		if _, err := configFrom(tt.env); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want one containing %q", name, err, tt.want)
		}
	}
}

func TestConfig_SessionIdleTimeout(t *testing.T) {
	base := map[string]string{"DATABASE_URL": "postgres://x@y/z"}
	c, err := configFrom(base)
	if err != nil || c.IdleTimeout != 20*time.Minute {
		t.Fatalf("default idle timeout %v (%v), want 20m as Jobnet", c.IdleTimeout, err)
	}
	for _, v := range []string{"5s", "abc", "-20m"} {
		base["SESSION_IDLE_TIMEOUT"] = v
		if _, err := configFrom(base); err == nil || !strings.Contains(err.Error(), "SESSION_IDLE_TIMEOUT") {
			t.Errorf("SESSION_IDLE_TIMEOUT=%s: error %v", v, err)
		}
	}
}

// DATABASE_READ_URL is optional: without it the primary serves the pages; a
// malformed one is refused at start without being quoted (it may hold a
// password).
func TestConfig_DatabaseReadURL(t *testing.T) {
	c, err := configFrom(nil)
	if err != nil || c.DatabaseReadURL != "" {
		t.Fatalf("unset: %q (%v), want empty", c.DatabaseReadURL, err)
	}
	c, err = configFrom(map[string]string{"DATABASE_READ_URL": "postgres://app@replica/sba"})
	if err != nil || c.DatabaseReadURL != "postgres://app@replica/sba" {
		t.Errorf("set: %q (%v)", c.DatabaseReadURL, err)
	}
	_, err = configFrom(map[string]string{"DATABASE_READ_URL": "postgres://app:hemmelig@replica:port/sba"})
	if err == nil || !strings.Contains(err.Error(), "DATABASE_READ_URL") || strings.Contains(err.Error(), "hemmelig") {
		t.Errorf("malformed: error %v, want one naming DATABASE_READ_URL without the password", err)
	}
}

// The case systems' launch keys come from a file (issue 11, point 3); a
// short key or a malformed line stops the start, naming the line but not
// the key.
func TestConfig_LaunchKeys(t *testing.T) {
	c, err := configFrom(map[string]string{"LAUNCH_KEYS_FILE": "../../testdata/launch/demo-fagsystem.keys"})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.LaunchKeys["demo-fagsystem"]) < 32 || len(c.LaunchKeys) != 1 {
		t.Errorf("demo keys file gave %d keys, demo-fagsystem's of %d bytes", len(c.LaunchKeys), len(c.LaunchKeys["demo-fagsystem"]))
	}
	if c, err := configFrom(nil); err != nil || len(c.LaunchKeys) != 0 {
		t.Errorf("without LAUNCH_KEYS_FILE: %d keys, %v; want none", len(c.LaunchKeys), err)
	}
	dir := t.TempDir()
	short := strings.Repeat("cd", 31)
	for name, content := range map[string]string{"short key": "fagsystem " + short, "missing key": "fagsystem"} {
		path := dir + "/" + strings.ReplaceAll(name, " ", "-")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := configFrom(map[string]string{"LAUNCH_KEYS_FILE": path})
		if err == nil || !strings.Contains(err.Error(), "LAUNCH_KEYS_FILE: line 1") || strings.Contains(err.Error(), short) {
			t.Errorf("%s: error %v, want LAUNCH_KEYS_FILE: line 1 without the key", name, err)
		}
	}
	if _, err := configFrom(map[string]string{"LAUNCH_KEYS_FILE": dir + "/none"}); err == nil || !strings.Contains(err.Error(), "LAUNCH_KEYS_FILE") {
		t.Errorf("missing file: %v", err)
	}
}
