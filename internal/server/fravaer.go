package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// fravaerStore is what Aktuelt fravær, the info pages and the Forside's
// status line need of the store. Absences applies access.Absences
// itself: no history, never "Modtager hjælp fra kommunen", and for an
// a-kasse only what is lawful for a dagpengemodtager or dimittend.
type fravaerStore interface {
	Absences(ctx context.Context, cw jobnet.Caseworker, citizenID int64, today time.Time) ([]jobnet.Absence, error)
	JobseekerStatus(ctx context.Context, citizenID int64, today time.Time) (jobnet.JobseekerStatus, error)
}

// fravaerAbsences loads what the caseworker may see of the citizen's
// current and coming absences.
func (s *Server) fravaerAbsences(r *http.Request, today time.Time) ([]jobnet.Absence, error) {
	v := visitFrom(r.Context())
	return s.pageData.Absences(r.Context(), v.cw, v.citizen.Citizen.ID, today)
}

// fravaerPage is "Aktuelt fravær" (SPEC §5.3, seed 001 §5.5 and billede
// 24): the current and coming absences the caseworker may see.
func (s *Server) fravaerPage(w http.ResponseWriter, r *http.Request) error {
	absences, err := s.fravaerAbsences(r, jobnet.Day(s.now()))
	if err != nil {
		return err
	}
	v := views.FravaerView{}
	for _, a := range absences {
		v.Absences = append(v.Absences, fravaerItem(a))
	}
	s.renderPage(w, r, http.StatusOK, views.FravaerPage(s.pageChrome(r, pages.Fravaer), v))
	return nil
}

// fravaerItem puts one absence into words, with the citizen's action on
// it: a sygemelding is ended with "Meld rask", a holiday changed with "Ret".
func fravaerItem(a jobnet.Absence) views.FravaerItem {
	to := views.FravaerDate(a.Period.To)
	if to == "" {
		to = "Indtil videre"
	}
	return views.FravaerItem{
		ID:         a.ID,
		Type:       a.Type,
		From:       views.FravaerDate(a.Period.From),
		To:         to,
		Comment:    a.Comment,
		ReportWell: a.Type == jobnet.AbsenceSygdom,
		Change:     a.Type == jobnet.AbsenceFerie,
	}
}

// meldFeriePage is "Meld ferie" (seed 001 billede 23): when a holiday may
// be reported, the form (refused), and the coming holidays.
func (s *Server) meldFeriePage(w http.ResponseWriter, r *http.Request) error {
	today := jobnet.Day(s.now())
	absences, err := s.fravaerAbsences(r, today)
	if err != nil {
		return err
	}
	earliest := jobnet.EarliestHoliday(today)
	v := views.MeldFerieView{Earliest: views.LongDate(earliest), EarliestISO: earliest.Format(time.DateOnly)}
	for _, a := range absences {
		if a.Type == jobnet.AbsenceFerie {
			v.Holidays = append(v.Holidays, fravaerItem(a))
		}
	}
	s.renderPage(w, r, http.StatusOK, views.MeldFeriePage(s.pageChrome(r, pages.MeldFerie), v))
	return nil
}

// meldSygRaskPage is "Meld syg/rask": whether the citizen is sick today,
// with the form to report sick or well (refused).
func (s *Server) meldSygRaskPage(w http.ResponseWriter, r *http.Request) error {
	today := jobnet.Day(s.now())
	absences, err := s.fravaerAbsences(r, today)
	if err != nil {
		return err
	}
	v := views.MeldSygRaskView{Today: views.LongDate(today), TodayISO: today.Format(time.DateOnly)}
	if sick, ok := jobnet.SickOn(absences, today); ok {
		v.Sick, v.SickID, v.SickSince = true, sick.ID, views.FravaerDate(sick.Period.From)
	}
	s.renderPage(w, r, http.StatusOK, views.MeldSygRaskPage(s.pageChrome(r, pages.MeldSygRask), v))
	return nil
}

// tilOgAfmeldingPage is "Til- og afmelding": whether the citizen is
// registered as job seeker today, with the form to unregister or register
// (refused).
func (s *Server) tilOgAfmeldingPage(w http.ResponseWriter, r *http.Request) error {
	today := jobnet.Day(s.now())
	st, err := s.pageData.JobseekerStatus(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, today)
	if err != nil {
		return err
	}
	v := views.TilOgAfmeldingView{Registered: st.Registered, Jobcenter: st.Jobcenter, TodayISO: today.Format(time.DateOnly)}
	if st.HasCourse {
		v.Since = views.ShortDate(st.Since)
	}
	s.renderPage(w, r, http.StatusOK, views.TilOgAfmeldingPage(s.pageChrome(r, pages.TilOgAfmelding), v))
	return nil
}
