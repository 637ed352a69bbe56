package server

import (
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// TextHistoryBlocked is what a caseworker sees instead of the citizen's
// Historik (seed 001 billede 28).
const TextHistoryBlocked = "Du har ikke adgang til siden: /CV/Citizen/History."

// historikPage is Historik: blocked for every caseworker (SPEC §5.3). The
// citizen's history is never loaded.
func (s *Server) historikPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	if d := access.MaySeeHistory(v.cw); !d.Allowed {
		s.renderPage(w, r, http.StatusForbidden, views.BlockedPage(s.fravaerChrome(r, "Historik"), "Ingen adgang", TextHistoryBlocked))
		return nil
	}
	// Were the rule ever to allow it, there is still no view of the history.
	return jobnet.ErrForbidden
}
