package server

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// joblogStore is what the Joblog needs of the store.
type joblogStore interface {
	Joblog(ctx context.Context, citizenID int64, f jobnet.JoblogFilter) (jobnet.JoblogPage, error)
}

// Messages at the Joblog's search fields.
const (
	TextJoblogBadDate      = "Indtast en gyldig dato (dd-mm-åååå)"
	TextJoblogToBeforeFrom = "Til dato skal være efter Fra dato"
	TextJoblogBadStatus    = "Vælg en af statusserne på listen"
	TextJoblogTextTooLong  = "Skriv højst 200 tegn"
	TextJoblogBadText      = "Søgeteksten indeholder tegn, som ikke kan bruges"
)

// maxJoblogPage is the highest page number the search takes at all: far
// beyond any joblog, low enough to keep the offset sane.
const maxJoblogPage = 10000

// joblogStatusSlugs name the statuses in the query string (?status=soegt).
var joblogStatusSlugs = map[jobnet.JoblogStatus]string{
	jobnet.JoblogIkkeSoegt: "ikke-soegt",
	jobnet.JoblogSoegt:     "soegt",
	jobnet.JoblogSamtale:   "samtale",
	jobnet.JoblogAnsat:     "ansat",
	jobnet.JoblogAfslag:    "afslag",
}

// joblogPage is the citizen's Joblog (SPEC §5.2, seed 001 §4.4). The search
// is a GET form; a bad field is reported at the field with status 400, and
// the logs are shown as if that field were empty.
func (s *Server) joblogPage(w http.ResponseWriter, r *http.Request) error {
	q := parseJoblogQuery(r.URL.Query(), jobnet.Day(s.now()))
	p, err := s.store.Joblog(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, q.Filter)
	if err != nil {
		return err
	}
	pages := p.Pages(q.Filter.Status)
	var pageError string
	if q.BadPage || p.Page != q.Filter.Page {
		// The store showed the first page instead.
		pageError = joblogPageError(pages)
		q.Filter.Page = p.Page
	}
	status := http.StatusOK
	if q.Form.FromError != "" || q.Form.ToError != "" || q.Form.TextError != "" || q.Form.StatusError != "" || pageError != "" {
		status = http.StatusBadRequest
	}
	c := s.pageChrome(r, pageJoblog)
	s.renderPage(w, r, status, views.JoblogPage(c, joblogView(q, p, pages, pageError)))
	return nil
}

func joblogPageError(pages int) string {
	if pages == 1 {
		return "Siden findes ikke. Der er kun én side."
	}
	return fmt.Sprintf("Siden findes ikke. Vælg en side fra 1 til %d.", pages)
}

// joblogQuery is the Joblog search as the caseworker gave it: the filter
// made of its valid fields, and the form to show again, with a message at
// each bad field.
type joblogQuery struct {
	Filter  jobnet.JoblogFilter
	Form    views.JoblogForm
	BadPage bool // not a page number; the first page is shown
}

// parseJoblogQuery reads the search: fra and til (yyyy-mm-dd from a date
// field, or dd-mm-yyyy), tekst, status, afsluttede and side. A Joblog opened
// without a period has the one Jobnet fills in (billede 8): from a month
// before today to today. Dates left empty have no limit, so that emptying
// both fields searches the citizen's whole joblog.
func parseJoblogQuery(q url.Values, today time.Time) joblogQuery {
	var out joblogQuery
	f, form := &out.Filter, &out.Form
	if !q.Has("fra") && !q.Has("til") {
		q = maps.Clone(q)
		q.Set("fra", today.AddDate(0, -1, 0).Format(time.DateOnly))
		q.Set("til", today.Format(time.DateOnly))
	}

	form.From, _ = cleanInput(q.Get("fra"))
	form.To, _ = cleanInput(q.Get("til"))
	if form.From != "" {
		if d, ok := parseDanishDate(form.From); ok {
			f.From, form.From = d, d.Format(time.DateOnly)
		} else {
			form.FromError = TextJoblogBadDate
		}
	}
	if form.To != "" {
		if d, ok := parseDanishDate(form.To); ok {
			if !f.From.IsZero() && d.Before(f.From) {
				form.ToError = TextJoblogToBeforeFrom
			} else {
				f.To, form.To = d, d.Format(time.DateOnly)
			}
		} else {
			form.ToError = TextJoblogBadDate
		}
	}

	text, clean := cleanInput(q.Get("tekst"))
	form.Text = text
	switch {
	case !clean:
		form.TextError = TextJoblogBadText
	case cpr.Contains(text):
		// A CPR number has no place in a search; it is not shown again.
		form.Text, form.TextError = "", cpr.TextSearchRefused
	case utf8.RuneCountInString(text) > jobnet.JoblogMaxText:
		form.TextError = TextJoblogTextTooLong
	default:
		f.Text = form.Text
	}

	if slug := q.Get("status"); slug != "" && slug != "alle" {
		if st, ok := joblogStatusBySlug(slug); ok {
			f.Status, form.Status = st, slug
		} else {
			form.StatusError = TextJoblogBadStatus
		}
	}

	f.ShowClosed = q.Get("afsluttede") != ""
	form.ShowClosed = f.ShowClosed

	f.Page = 1
	if side := strings.TrimSpace(q.Get("side")); side != "" {
		n, err := strconv.Atoi(side)
		if err != nil || n < 1 || n > maxJoblogPage {
			out.BadPage = true
		} else {
			f.Page = n
		}
	}
	return out
}

func joblogStatusBySlug(slug string) (jobnet.JoblogStatus, bool) {
	for st, s := range joblogStatusSlugs {
		if s == slug {
			return st, true
		}
	}
	return "", false
}

// joblogURL is the Joblog with a filter, a status slug and a page.
func joblogURL(f jobnet.JoblogFilter, slug string, page int) string {
	return pageJoblog.Path + "?" + joblogValues(f, slug, page).Encode()
}

// joblogValues is the filter in the query string. The period is always
// there, empty for no limit, since a Joblog without one gets Jobnet's.
func joblogValues(f jobnet.JoblogFilter, slug string, page int) url.Values {
	v := url.Values{"fra": {""}, "til": {""}}
	if !f.From.IsZero() {
		v.Set("fra", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		v.Set("til", f.To.Format(time.DateOnly))
	}
	if f.Text != "" {
		v.Set("tekst", f.Text)
	}
	if slug != "" {
		v.Set("status", slug)
	}
	if f.ShowClosed {
		v.Set("afsluttede", "1")
	}
	if page > 1 {
		v.Set("side", strconv.Itoa(page))
	}
	return v
}

// joblogView turns the store's page into the view model; the links keep the
// filter in force (the valid fields only).
func joblogView(q joblogQuery, p jobnet.JoblogPage, pages int, pageError string) views.JoblogView {
	f := q.Filter
	v := views.JoblogView{Form: q.Form, SavedHref: pageGemteJob.Path,
		MapHref: pageJoblogKort.Path + "?" + joblogValues(f, joblogStatusSlugs[f.Status], 0).Encode()}
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
	v.Paging = views.JoblogPaging{Page: p.Page, Pages: pages, Error: pageError}
	if p.Page > 1 {
		v.Paging.Prev = joblogURL(f, slug, p.Page-1)
	}
	if p.Page < pages {
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
