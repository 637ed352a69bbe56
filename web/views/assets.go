package views

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"sync"

	"github.com/star-dk/sagsbehandleradgang/web"
)

// assetVersions maps a file under web/static to a short hash of its content, so that the
// pages can link to /static/<path>?v=<hash> and the files can be cached for a long time.
var assetVersions = sync.OnceValue(func() map[string]string {
	versions := make(map[string]string)
	_ = fs.WalkDir(web.Static, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web.Static, path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		versions[path[len("static/"):]] = hex.EncodeToString(sum[:6])
		return nil
	})
	return versions
})

// asset is the URL of the static file at path (relative to web/static), with its version.
func asset(path string) string {
	if v, ok := assetVersions()[path]; ok {
		return "/static/" + path + "?v=" + v
	}
	return "/static/" + path
}

// iconHref is the URL of a DKFDS icon in the vendored SVG sprite, e.g. "chevron-right".
func iconHref(name string) string {
	return asset("dkfds/img/all-svg-icons.svg") + "#" + name
}
