package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// TextHistoryBlocked is what a caseworker sees instead of the citizen's
// Historik (seed 001 billede 28).
const TextHistoryBlocked = "Du har ikke adgang til siden: /CV/Citizen/History."

// historikBlocked is what a caseworker sees of Historik: the page is blocked
// for every caseworker (SPEC §5.3, access.MaySeeHistory, applied by the
// route's middleware). The citizen's history is never loaded.
func (s *Server) historikBlocked(w http.ResponseWriter, r *http.Request) {
	s.renderPage(w, r, http.StatusForbidden, views.BlockedPage(s.pageChrome(r, pages.Historik), "Ingen adgang", TextHistoryBlocked))
}

// historikPage is reached only if access.MaySeeHistory were ever to allow
// it, and there is still no view of the history.
func (s *Server) historikPage(http.ResponseWriter, *http.Request) error {
	return jobnet.ErrForbidden
}
