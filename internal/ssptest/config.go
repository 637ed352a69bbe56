package ssptest

import (
	"bytes"
	"crypto/rand"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

//go:embed php/*.php.tmpl
var phpFiles embed.FS

var templates = template.Must(template.New("").Funcs(template.FuncMap{"php": phpString}).ParseFS(phpFiles, "php/*.php.tmpl"))

// writeConfig writes config.php, authsources.php and the IdP's own
// metadata. SimpleSAMLphp reads them at every request.
func (idp *IdP) writeConfig(cfg Config) error {
	for _, u := range cfg.Users {
		if u.Username == "" || strings.Contains(u.Username+u.Password, ":") {
			return fmt.Errorf("ssptest: user %q: a username is required, and neither it nor the password may hold a colon", u.Username)
		}
	}
	data := struct {
		Config
		URL, EntityID, Dir, Secret string
	}{cfg, idp.URL, idp.EntityID, idp.dir, rand.Text()}
	if err := idp.render("config.php.tmpl", "config.php", data); err != nil {
		return err
	}
	if err := idp.render("authsources.php.tmpl", "authsources.php", data); err != nil {
		return err
	}
	return idp.render("saml20-idp-hosted.php.tmpl", filepath.Join("metadata", "saml20-idp-hosted.php"), data)
}

// trust writes the metadata of the SP the IdP trusts; with no MetadataURL,
// of none.
func (idp *IdP) trust(sp SP) error {
	return idp.render("saml20-sp-remote.php.tmpl", filepath.Join("metadata", "saml20-sp-remote.php"), sp)
}

// render writes a file into the configuration folder whole, by renaming,
// so that a request under way never reads half of it.
func (idp *IdP) render(tmpl, name string, data any) error {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, tmpl, data); err != nil {
		return fmt.Errorf("ssptest: %s: %w", tmpl, err)
	}
	path := filepath.Join(idp.dir, name)
	if err := os.WriteFile(path+".new", buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("ssptest: %w", err)
	}
	if err := os.Rename(path+".new", path); err != nil {
		return fmt.Errorf("ssptest: %w", err)
	}
	return nil
}

// phpString is s as a single-quoted PHP string literal.
func phpString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}
