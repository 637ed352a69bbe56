package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// gemteJobStore is what "Se gemte job" needs of the store.
type gemteJobStore interface {
	SavedJobs(ctx context.Context, citizenID int64, today time.Time) ([]jobnet.SavedJob, error)
}

// gemteJobPage lists the postings the citizen saved on Find Job (issue 9,
// point 4): reading only. A posting that can still be applied for links to
// its page; one whose deadline has passed says so.
func (s *Server) gemteJobPage(w http.ResponseWriter, r *http.Request) error {
	saved, err := s.pageData.SavedJobs(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, jobnet.Day(s.now()))
	if err != nil {
		return err
	}
	var v views.GemteJobView
	for _, j := range saved {
		p := j.Posting
		item := views.GemteJobItem{
			Title: p.Title, Workplace: p.Workplace, Place: p.PostalCode + " " + p.Town,
			Deadline: jobsDeadline(p.Deadline), Saved: views.ShortDate(j.SavedAt.In(jobnet.Copenhagen)), Expired: !j.Open,
		}
		if j.Open {
			item.Href = jobannonceHref(p.ID)
		}
		v.Jobs = append(v.Jobs, item)
	}
	c := s.pageChrome(r, pages.GemteJob)
	s.renderPage(w, r, http.StatusOK, views.GemteJobPage(c, v))
	return nil
}
