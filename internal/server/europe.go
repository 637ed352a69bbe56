package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// europePage is "Job i Europa": whether the CV is visible to employers in
// all of Europe, with the citizen's form to change it (refused).
func (s *Server) europePage(w http.ResponseWriter, r *http.Request) error {
	cv, err := s.pageData.CVStanding(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID)
	if err != nil {
		return err
	}
	c := s.pageChrome(r, pages.Europe)
	s.renderPage(w, r, http.StatusOK, views.EuropePage(c, views.EuropeView{
		HasCV: cv.Exists, Searchable: cv.Searchable, EuropeVisible: cv.EuropeVisible}))
	return nil
}
