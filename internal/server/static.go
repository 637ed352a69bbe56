package server

import (
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// staticFiles serves the embedded CSS, fonts and icons. They change only
// with a release, so browsers may keep them for a day. Only files are
// served: a folder, like a missing file, gets the Danish 404 page, so that
// no folder is listed.
func (s *Server) staticFiles(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if info, err := fs.Stat(fsys, name); err != nil || info.IsDir() {
			s.renderError(w, r, http.StatusNotFound)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=86400")
		files.ServeHTTP(w, r)
	})
}
