package server

import (
	"context"
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"strings"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// joblogStore is what the Joblog needs of the store.
type joblogStore interface {
	Joblog(ctx context.Context, citizenID int64, f jobnet.JoblogFilter) (jobnet.JoblogPage, error)
}

// joblogPage is the citizen's Joblog (SPEC §5.2, seed 001 §4.4). The search
// is a GET form; a bad field is reported at the field with status 400, and
// the logs are shown as if that field were empty.
func (s *Server) joblogPage(w http.ResponseWriter, r *http.Request) error {
	q := parseJoblogQuery(r.URL.Query(), jobnet.Day(s.now()))
	p, err := s.pageData.Joblog(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, q.Filter)
	if err != nil {
		return err
	}
	pageCount := p.Pages(q.Filter.Status)
	var pageError string
	if q.BadPage || p.Page != q.Filter.Page {
		// The store showed the first page instead.
		pageError = joblogPageError(pageCount)
		q.Filter.Page = p.Page
	}
	status := http.StatusOK
	if q.Form.FromError != "" || q.Form.ToError != "" || q.Form.TextError != "" || q.Form.StatusError != "" || pageError != "" {
		status = http.StatusBadRequest
	}
	c := s.pageChrome(r, pages.Joblog)
	s.renderPage(w, r, status, views.JoblogPage(c, joblogView(q, p, pageCount, pageError)))
	return nil
}

func joblogPageError(last int) string {
	if last == 1 {
		return "Siden findes ikke. Der er kun én side."
	}
	return fmt.Sprintf("Siden findes ikke. Vælg en side fra 1 til %d.", last)
}

// joblogView turns the store's page into the view model; the links keep the
// filter in force (the valid fields only).
func joblogView(q joblogQuery, p jobnet.JoblogPage, pageCount int, pageError string) views.JoblogView {
	f := q.Filter
	v := views.JoblogView{Form: q.Form, SavedHref: pages.GemteJob.Path,
		MapHref: pages.JoblogKort.Path + "?" + joblogValues(f, joblogStatusSlugs[f.Status], 0).Encode()}
	v.Statuses = append(v.Statuses, views.JoblogStatusLink{
		Label: "Alle Logs", Count: p.All, Href: joblogURL(f, "", 1), TestID: "joblog-filter-alle", Current: f.Status == "",
	})
	for _, st := range jobnet.JoblogStatuses {
		slug := joblogStatusSlugs[st]
		v.Statuses = append(v.Statuses, views.JoblogStatusLink{
			Label: string(st), Count: p.Counts[st], Href: joblogURL(f, slug, 1), TestID: "joblog-filter-" + slug, Current: f.Status == st,
		})
	}
	for _, e := range p.Entries {
		v.Entries = append(v.Entries, joblogItem(e))
	}
	switch {
	case p.Total == 0:
		v.Empty = "Du har ikke oprettet nogen logs endnu."
	case len(p.Entries) == 0:
		v.Empty = "Der er ingen logs, som passer til din søgning."
	}
	slug := joblogStatusSlugs[f.Status]
	v.Paging = views.JoblogPaging{Page: p.Page, Pages: pageCount, Error: pageError}
	if p.Page > 1 {
		v.Paging.Prev = joblogURL(f, slug, p.Page-1)
	}
	if p.Page < pageCount {
		v.Paging.Next = joblogURL(f, slug, p.Page+1)
	}
	return v
}

func joblogItem(e jobnet.JoblogEntry) views.JoblogItem {
	var contact []string
	for _, s := range []string{e.ContactPerson, e.ContactEmail, e.ContactPhone} {
		if s != "" {
			contact = append(contact, s)
		}
	}
	return views.JoblogItem{
		ID:         e.ID,
		Activity:   e.Kind == jobnet.JoblogAndenAktivitet,
		Title:      e.Title,
		Employer:   e.Employer,
		Contact:    strings.Join(contact, ", "),
		Status:     string(e.Status),
		HowApplied: e.HowApplied,
		AppliedOn:  views.ShortDate(e.AppliedOn),
		ActivityOn: views.ShortDate(e.ActivityOn),
		Deadline:   views.ShortDate(e.Deadline),
		Created:    views.ShortDate(e.CreatedAt.In(jobnet.Copenhagen)),
		Updated:    views.ShortDate(e.UpdatedAt.In(jobnet.Copenhagen)),
		Note:       e.Note,
		Closed:     e.Closed,
	}
}
