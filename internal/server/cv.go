package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// cvStore is what the CV pages need of the store. There is deliberately no
// method that returns the presentation CV: no page may show it.
type cvStore interface {
	CV(ctx context.Context, citizenID int64) (jobnet.CV, bool, error)
	CVStanding(ctx context.Context, citizenID int64) (jobnet.CVStanding, error)
	PreparationReceipt(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) (jobnet.PreparationForm, []jobnet.PreparationAnswer, bool, error)
}

// cvPage is "Mit CV" as the citizen sees it (SPEC §5.2). A citizen without
// a CV sees Jobnet's invitation to make one; nothing is created.
func (s *Server) cvPage(w http.ResponseWriter, r *http.Request) error {
	cv, found, err := s.pageData.CV(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID)
	if err != nil {
		return err
	}
	c := s.pageChrome(r, pages.CV)
	s.renderPage(w, r, http.StatusOK, views.CVPage(c, cvView(cv, found)))
	return nil
}

// cvPrintPage is "Vis, udskriv eller eksporter mit CV", linked from Mit CV:
// the whole CV as one document to read or print. Showing it is reading;
// its export form posts, and the read-only middleware refuses it.
func (s *Server) cvPrintPage(w http.ResponseWriter, r *http.Request) error {
	v := visitFrom(r.Context())
	cv, found, err := s.pageData.CV(r.Context(), v.citizen.Citizen.ID)
	if err != nil {
		return err
	}
	c := s.pageChrome(r, pages.CVPrint)
	s.renderPage(w, r, http.StatusOK, views.CVPrintPage(c, v.citizen.Citizen.Name, cvView(cv, found)))
	return nil
}

// cvView turns the store's CV into the page's view model.
func cvView(cv jobnet.CV, found bool) views.CVView {
	if !found {
		return views.CVView{}
	}
	v := views.CVView{
		Exists:         true,
		Searchable:     cv.Searchable,
		Profile:        cv.Profile,
		Email:          cv.Contact.Email,
		Phones:         cv.Contact.Phones,
		Address:        cv.Contact.Address,
		Qualifications: cv.Qualifications,
	}
	for _, e := range cv.Experiences {
		v.Experiences = append(v.Experiences, views.CVExperience{Title: e.Title, Employer: e.Employer, From: e.From, To: e.To, Responsibilities: e.Responsibilities})
	}
	for _, e := range cv.Educations {
		v.Educations = append(v.Educations, views.CVEducation{Kind: string(e.Kind), Title: e.Title, Institution: e.Institution, Completed: e.Completed})
	}
	for _, l := range cv.Languages {
		v.Languages = append(v.Languages, views.CVLanguage{Language: l.Language, Level: l.Level})
	}
	for _, d := range cv.DrivingLicences {
		v.DrivingLicences = append(v.DrivingLicences, views.CVDrivingLicence{Category: d.Category, Description: d.Description})
	}
	return v
}

// presentationCVBlocked is what a caseworker sees of Præsentations-CV:
// blocked with "Ingen adgang" (SPEC §5.2, seed 001 billede 10;
// access.MaySeePresentationCV, applied by the route's middleware). Its
// content is never loaded.
func (s *Server) presentationCVBlocked(w http.ResponseWriter, r *http.Request) {
	c := s.pageChrome(r, pages.PresentationCV)
	s.renderPage(w, r, http.StatusForbidden, views.BlockedPage(c, "Ingen adgang", ""))
}

// presentationCVPage is reached only if access.MaySeePresentationCV were
// ever to allow it: there is still no view of the presentation CV, and the
// database role cannot read its content.
func (s *Server) presentationCVPage(http.ResponseWriter, *http.Request) error {
	return jobnet.ErrForbidden
}
