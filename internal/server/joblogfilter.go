package server

import (
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"maps"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// The Joblog's search, which the Joblog and "Vis på kort" share: its query
// string, read and written.

// Messages at the Joblog's search fields.
const (
	TextJoblogBadDate      = TextBadDate
	TextJoblogToBeforeFrom = TextToBeforeFrom
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

	period := readPeriod(q)
	f.From, f.To = period.From, period.To
	form.From, form.To, form.FromError, form.ToError = period.FromText, period.ToText, period.FromError, period.ToError

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

	f.Page, out.BadPage = readPage(q, maxJoblogPage)
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
	return pages.Joblog.Path + "?" + joblogValues(f, slug, page).Encode()
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
