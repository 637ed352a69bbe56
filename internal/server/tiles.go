package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// jobsoegningPage is the Jobsøgning tab's overview (seed 001 billede 4).
func (s *Server) jobsoegningPage(w http.ResponseWriter, r *http.Request) error {
	c := s.pageChrome(r, pages.Jobsoegning)
	s.renderPage(w, r, http.StatusOK, views.TilesPage(c, "Jobsøgning", views.JobsoegningTiles))
	return nil
}

// planerPage is the Planer og aftaler tab's overview (seed 001 billede 12).
func (s *Server) planerPage(w http.ResponseWriter, r *http.Request) error {
	c := s.pageChrome(r, pages.Planer)
	s.renderPage(w, r, http.StatusOK, views.TilesPage(c, "Planer og aftaler", views.PlanerTiles))
	return nil
}
