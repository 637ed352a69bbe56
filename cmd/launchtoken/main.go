// Command launchtoken mints a launch token as a case system (fagsystem)
// would, for trying out the launch (README, "Launch from a case
// system"): the token alone, or an HTML page whose form posts it to
// Sagsbehandleradgang at once. It is for development and tests: a case
// system mints its own tokens with any JWT library.
//
//	launchtoken -keys-file testdata/launch/demo-fagsystem.keys -caseworker berit -cpr 1203854417 -form http://localhost:8080 > launch.html
package main

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/launch"
)

func main() {
	if err := run(os.Args[1:], os.Getenv, os.Stdout, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "launchtoken:", err)
		os.Exit(2)
	}
}

func run(args []string, getenv func(string) string, out io.Writer, now time.Time) error {
	fs := flag.NewFlagSet("launchtoken", flag.ContinueOnError)
	keysFile := fs.String("keys-file", getenv("LAUNCH_KEYS_FILE"), "the case systems' keys (env LAUNCH_KEYS_FILE)")
	system := fs.String("system", "", "case-system id in the keys file (default: the file's only one)")
	number := fs.String("cpr", "", "the citizen's CPR number, 10 digits")
	caseworker := fs.String("caseworker", "", "a demo caseworker's login name (berit, nina, mads …): fills -cvr, -uuid and -rid")
	cvr := fs.String("cvr", "", "the caseworker's CVR")
	uuid := fs.String("uuid", "", "the caseworker's UUID (OIOSAML 3)")
	rid := fs.String("rid", "", "the caseworker's RID (OIOSAML 2)")
	orgCVR := fs.String("org-cvr", "", "the CVR of the organisation to act for (default: the caseworker's CVR)")
	ttl := fs.Duration("ttl", launch.MaxLifetime, "how long the token lives, at most 2m")
	form := fs.String("form", "", "Sagsbehandleradgang's base URL: print an HTML page that posts the token there, instead of the token")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *caseworker != "" {
		c, ok := demo.CaseworkerByUsername(*caseworker)
		if !ok {
			return fmt.Errorf("no demo caseworker %q", *caseworker)
		}
		*cvr, *uuid, *rid = c.CVR, c.UUID, c.RID
	}
	n, err := cpr.Parse(*number)
	if err != nil {
		return errors.New("-cpr must be a CPR number of 10 digits")
	}
	if *keysFile == "" {
		return errors.New("-keys-file (or LAUNCH_KEYS_FILE) is required, e.g. testdata/launch/demo-fagsystem.keys")
	}
	f, err := os.Open(*keysFile)
	if err != nil {
		return err
	}
	keys, err := launch.ParseKeys(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", *keysFile, err)
	}
	if *system == "" {
		if len(keys) != 1 {
			return fmt.Errorf("%s has %d case systems: choose one with -system", *keysFile, len(keys))
		}
		for id := range keys {
			*system = id
		}
	}
	key, ok := keys[*system]
	if !ok {
		ids := make([]string, 0, len(keys))
		for id := range keys {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		return fmt.Errorf("no case system %q in %s (it has %s)", *system, *keysFile, strings.Join(ids, ", "))
	}
	nonce := make([]byte, 16)
	rand.Read(nonce)
	token, err := launch.Mint(launch.Launch{
		System: *system, CPR: n, CVR: *cvr, UUID: *uuid, RID: *rid, OrgCVR: *orgCVR,
		Nonce: base64.RawURLEncoding.EncodeToString(nonce),
	}, key, now, *ttl)
	if err != nil {
		return err
	}
	if *form == "" {
		_, err = fmt.Fprintln(out, token)
		return err
	}
	base, err := url.Parse(*form)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return errors.New("-form must be an absolute http(s) URL, e.g. http://localhost:8080")
	}
	action := base.JoinPath(launchPath).String()
	return page.Execute(out, struct{ Action, Token string }{action, token})
}

// launchPath is the server's launch endpoint (internal/server).
const launchPath = "/sagsbehandleradgang/fagsystem"

// page is what a case system's link does: a form that posts the token in its
// body, submitted at once (or by the button, without JavaScript).
var page = template.Must(template.New("launch").Parse(`<!DOCTYPE html>
<html lang="da">
<head><meta charset="utf-8"><title>Åbner borgeren i Sagsbehandleradgang til Jobnet</title></head>
<body>
<form id="launch" method="post" action="{{.Action}}">
<input type="hidden" name="token" value="{{.Token}}">
<button type="submit">Åbn borgeren i Sagsbehandleradgang til Jobnet</button>
</form>
<script>document.getElementById("launch").submit();</script>
</body>
</html>
`))
