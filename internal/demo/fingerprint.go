package demo

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
)

// source is this package's own code, so that a copy of the demo data set can
// tell whether it was made by this version of it.
//
//go:embed *.go
var source embed.FS

// Fingerprint changes whenever the demo data's code does. Test templates
// are keyed on it, so an edited demo case is never served from a stale copy.
func Fingerprint() string {
	h := sha256.New()
	_ = fs.WalkDir(source, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := fs.ReadFile(source, path)
		h.Write([]byte(path))
		h.Write(b)
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)[:8])
}
