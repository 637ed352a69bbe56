package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// joblogKortStore is what the Joblog's "Vis på kort" needs of the store.
type joblogKortStore interface {
	JoblogMap(ctx context.Context, citizenID int64, f jobnet.JoblogFilter) ([]jobnet.JoblogEntry, error)
}

// joblogKortPage is the Joblog's "Vis på kort" (issue 9, point 4). The
// citizen is told first that Jobnet continues to Google Maps with the
// workplaces' places (seed 002 §2.6); the caseworker's access opens no map
// service, so the places the map would show are listed, each with its logs,
// for the logs the Joblog's filter selects. A bad filter field is ignored
// here: the Joblog itself reports it.
func (s *Server) joblogKortPage(w http.ResponseWriter, r *http.Request) error {
	q := parseJoblogQuery(r.URL.Query(), jobnet.Day(s.now()))
	entries, err := s.pageData.JoblogMap(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, q.Filter)
	if err != nil {
		return err
	}
	v := views.JoblogKortView{Back: joblogURL(q.Filter, joblogStatusSlugs[q.Filter.Status], 1)}
	for _, e := range entries {
		if e.PostalCode == "" {
			v.Unplaced++
			continue
		}
		place := e.PostalCode + " " + e.Town
		if n := len(v.Places); n == 0 || v.Places[n-1].Name != place {
			v.Places = append(v.Places, views.JoblogKortPlace{Name: place})
		}
		pl := &v.Places[len(v.Places)-1]
		pl.Logs = append(pl.Logs, views.JoblogKortLog{Title: e.Title, Employer: e.Employer, Status: string(e.Status), Closed: e.Closed})
	}
	c := s.pageChrome(r, pages.JoblogKort)
	c.Breadcrumb[len(c.Breadcrumb)-2].Href = v.Back // the Joblog with its filter
	s.renderPage(w, r, http.StatusOK, views.JoblogKortPage(c, v))
	return nil
}
