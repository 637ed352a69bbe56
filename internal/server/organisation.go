package server

import (
	"net/http"
	"strconv"

	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// organisationPage lets a caseworker with several organisations pick the
// one they work for now ("Org.: ▼" in Arbejdsmarkedsportalen).
func (s *Server) organisationPage(w http.ResponseWriter, r *http.Request) error {
	s.renderOrganisations(w, r, http.StatusOK)
	return nil
}

func (s *Server) renderOrganisations(w http.ResponseWriter, r *http.Request, status int) {
	v := visitFrom(r.Context())
	choices := make([]views.OrgChoice, 0, len(v.orgs))
	for _, o := range v.orgs {
		choices = append(choices, views.OrgChoice{ID: o.ID, Name: o.Name, Kind: string(o.Kind), Current: o.ID == v.org.ID})
	}
	s.renderPage(w, r, status, views.OrgPickerPage(s.chrome(r, "Vælg organisation", nil), choices))
}

// chooseOrganisation switches organisation and returns to the CPR page; the
// citizen chosen for the old organisation is dropped.
func (s *Server) chooseOrganisation(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	r.Body = http.MaxBytesReader(w, r.Body, 1<<10)
	orgID, err := strconv.ParseInt(r.PostFormValue("org"), 10, 64)
	if err != nil {
		s.renderOrganisations(w, r, http.StatusBadRequest)
		return nil
	}
	if !v.choose(orgID) {
		s.renderOrganisations(w, r, http.StatusBadRequest)
		return nil
	}
	v.sess.Values[keyOrg] = v.org.ID
	delete(v.sess.Values, keyCitizen)
	if err := s.save(w, r, v.sess); err != nil {
		return err
	}
	// The CPR page, or for an LBA who is not a caseworker there, the
	// organisation's Loginaktivitet (withOrganisation).
	http.Redirect(w, r, "/sagsbehandleradgang", http.StatusSeeOther)
	return nil
}
