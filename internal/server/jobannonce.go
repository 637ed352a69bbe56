package server

import (
	"context"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// jobannonceStore is what a job posting's page needs of the store.
type jobannonceStore interface {
	JobPosting(ctx context.Context, id int64, today time.Time) (jobnet.JobPosting, error)
}

// jobannonceHref is the page of posting id.
func jobannonceHref(id int64) string { return pages.Jobannonce.Path + "/" + strconv.FormatInt(id, 10) }

// jobannoncePage is a job posting as the citizen opens it from Find Job
// (issue 9): title, employer, place, deadline, text and the link to apply.
// A posting that does not exist or cannot be applied for today is the
// normal 404.
func (s *Server) jobannoncePage(w http.ResponseWriter, r *http.Request) error {
	id, err := strconv.ParseInt(chi.URLParam(r, "id"), 10, 64)
	if err != nil || id <= 0 {
		return jobnet.ErrNotFound
	}
	p, err := s.pageData.JobPosting(r.Context(), id, jobnet.Day(s.now()))
	if err != nil {
		return err
	}
	v := views.JobannonceView{
		ID: p.ID, Title: p.Title, Workplace: p.Workplace, Address: p.Address, Place: p.PostalCode + " " + p.Town,
		Kommune: p.Kommune + " Kommune", Occupation: p.Occupation, Hours: p.WorkingHours,
		Posted: views.ShortDate(p.Posted), Deadline: jobsDeadline(p.Deadline), ApplyURL: p.ApplyURL,
	}
	for _, para := range strings.Split(p.Description, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			v.Paragraphs = append(v.Paragraphs, para)
		}
	}
	c := s.belowPageChrome(r, p.Title, pages.FindJob, p.Title)
	s.renderPage(w, r, http.StatusOK, views.JobannoncePage(c, v))
	return nil
}
