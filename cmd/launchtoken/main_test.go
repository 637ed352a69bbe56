package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
)

const demoKeys = "../../testdata/launch/demo-fagsystem.keys"

// The demo token names the demo caseworker and the citizen, and the server
// would accept it with the demo key.
func TestRun_MintsATokenTheServerAccepts(t *testing.T) {
	now := time.Now()
	var out bytes.Buffer
	err := run([]string{"-keys-file", demoKeys, "-caseworker", "nina", "-cpr", "1203854417", "-org-cvr", "55667788"}, os.Getenv, &out, now)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(demoKeys)
	keys, err := launch.ParseKeys(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	l, err := launch.Verify(strings.TrimSpace(out.String()), keys, now.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if l.System != "demo-fagsystem" || l.CPR.Digits() != "1203854417" || l.CVR != "55667788" || l.RID != "40112233" || l.UUID != "" || l.OrgCVR != "55667788" {
		t.Errorf("token says %+v", l)
	}
	if got := l.Expires.Sub(now.Truncate(time.Second)); got != launch.MaxLifetime {
		t.Errorf("token lives %s, want %s", got, launch.MaxLifetime)
	}
}

// -form prints a page whose form posts the token to the launch endpoint.
func TestRun_FormPostsTheTokenToTheLaunchEndpoint(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-keys-file", demoKeys, "-caseworker", "berit", "-cpr", "1203854417", "-form", "http://localhost:8080"}, os.Getenv, &out, time.Now()); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	form := doc.Find("form")
	if a, _ := form.Attr("action"); a != "http://localhost:8080/sagsbehandleradgang/fagsystem" {
		t.Errorf("form action %q", a)
	}
	if m, _ := form.Attr("method"); m != "post" {
		t.Errorf("form method %q, want post: the token goes in the body, never the URL", m)
	}
	if tok, _ := form.Find(`input[name="token"]`).Attr("value"); strings.Count(tok, ".") != 2 {
		t.Errorf("token field %q is not a JWS", tok)
	}
}

func TestRun_RefusesBadInput(t *testing.T) {
	for name, args := range map[string][]string{
		"malformed CPR":      {"-keys-file", demoKeys, "-caseworker", "berit", "-cpr", "12038544"},
		"no keys file":       {"-caseworker", "berit", "-cpr", "1203854417"},
		"unknown system":     {"-keys-file", demoKeys, "-system", "andet", "-caseworker", "berit", "-cpr", "1203854417"},
		"unknown caseworker": {"-keys-file", demoKeys, "-caseworker", "ukendt", "-cpr", "1203854417"},
		"too long a life":    {"-keys-file", demoKeys, "-caseworker", "berit", "-cpr", "1203854417", "-ttl", "3m"},
	} {
		if err := run(args, func(string) string { return "" }, &bytes.Buffer{}, time.Now()); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
