package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/accesslog"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// Loginaktivitet (issue 11; Arbejdsmarkedsportalen's page of that name,
// seed 000): the organisation's look-ups for its LBA, who controls who
// looked up whom. It lives outside /borger: it shows no citizen's Jobnet,
// only the masked CPR number, and the name where the look-up was granted.

// Paths of Loginaktivitet.
const (
	pathLoginActivity    = "/sagsbehandleradgang/loginaktivitet"
	pathLoginActivityCSV = pathLoginActivity + "/csv"
)

// Texts of Loginaktivitet.
const (
	TextLoginActivityBlocked       = "Kun den lokale brugeransvarlige (LBA) i organisationen kan se Loginaktivitet."
	TextLoginActivityBadCaseworker = "Vælg en sagsbehandler på listen"
	TextLoginActivityBadOutcome    = "Vælg et udfald på listen"
)

// loginActivityPerPage is how many look-ups a page shows.
const loginActivityPerPage = 50

// maxLoginActivityPage keeps the offset sane.
const maxLoginActivityPage = 100000

// loginActivityOutcomes name the outcomes in the query string (?udfald=afvist).
var loginActivityOutcomes = []struct {
	slug    string
	outcome accesslog.Outcome
	label   string
}{
	{"alle", accesslog.OutcomeAll, "Alle opslag"},
	{"adgang", accesslog.OutcomeGranted, "Adgang givet"},
	{"afvist", accesslog.OutcomeRefused, "Afvist"},
}

// loginActivityStore is what Loginaktivitet needs of the store.
type loginActivityStore interface {
	LoginActivity(ctx context.Context, u jobnet.User, orgID int64, f accesslog.Filter, now time.Time) (accesslog.Page, error)
	LoginActivityCSV(ctx context.Context, w io.Writer, u jobnet.User, orgID int64, f accesslog.Filter, now time.Time) (int64, error)
}

// loginActivityQuery is the filter as the LBA gave it: the filter made of
// its valid fields, and the form to show again.
type loginActivityQuery struct {
	Filter  accesslog.Filter
	Form    views.LoginActivityForm
	BadPage bool
}

func (q loginActivityQuery) invalid() bool {
	f := q.Form
	return f.FromError != "" || f.ToError != "" || f.CaseworkerError != "" || f.OutcomeError != "" || q.BadPage
}

// parseLoginActivityQuery reads fra and til (as the Joblog's), sagsbehandler
// (a user id; "" for all), udfald and side. Opened without a period, the
// page shows the last month, as the Joblog does; emptied dates have no limit.
func parseLoginActivityQuery(q url.Values, today time.Time) loginActivityQuery {
	var out loginActivityQuery
	if !q.Has("fra") && !q.Has("til") {
		q = url.Values{"fra": {today.AddDate(0, -1, 0).Format(time.DateOnly)}, "til": {today.Format(time.DateOnly)},
			"sagsbehandler": q["sagsbehandler"], "udfald": q["udfald"], "side": q["side"]}
	}
	p := readPeriod(q)
	out.Filter.From, out.Filter.To = p.From, p.To
	out.Form = views.LoginActivityForm{From: p.FromText, To: p.ToText, FromError: p.FromError, ToError: p.ToError}

	if v := strings.TrimSpace(q.Get("sagsbehandler")); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id < 1 {
			out.Form.CaseworkerError = TextLoginActivityBadCaseworker
		} else {
			out.Filter.CaseworkerID = id
		}
	}
	out.Filter.Outcome = accesslog.OutcomeAll
	if v := q.Get("udfald"); v != "" {
		out.Form.OutcomeError = TextLoginActivityBadOutcome
		for _, o := range loginActivityOutcomes {
			if o.slug == v {
				out.Filter.Outcome, out.Form.OutcomeError = o.outcome, ""
			}
		}
	}
	out.Filter.Page, out.BadPage = readPage(q, maxLoginActivityPage)
	out.Filter.PerPage = loginActivityPerPage
	return out
}

// loginActivityValues is the filter in the query string; the period is
// always there, empty for no limit.
func loginActivityValues(f accesslog.Filter, page int) url.Values {
	v := url.Values{"fra": {""}, "til": {""}}
	if !f.From.IsZero() {
		v.Set("fra", f.From.Format(time.DateOnly))
	}
	if !f.To.IsZero() {
		v.Set("til", f.To.Format(time.DateOnly))
	}
	if f.CaseworkerID != 0 {
		v.Set("sagsbehandler", strconv.FormatInt(f.CaseworkerID, 10))
	}
	for _, o := range loginActivityOutcomes {
		if o.outcome == f.Outcome && o.outcome != accesslog.OutcomeAll {
			v.Set("udfald", o.slug)
		}
	}
	if page > 1 {
		v.Set("side", strconv.Itoa(page))
	}
	return v
}

// loginActivityOrg is the organisation whose login activity the visitor
// may see now, or false when the request has been answered: the picker for
// a user who has not chosen an organisation, "Ingen adgang" for one who is
// not its LBA.
func (s *Server) loginActivityOrg(w http.ResponseWriter, r *http.Request) (jobnet.Organisation, bool) {
	v := visitFrom(r.Context())
	if v.org.ID == 0 {
		http.Redirect(w, r, "/sagsbehandleradgang/organisation", http.StatusSeeOther)
		return jobnet.Organisation{}, false
	}
	// visit.choose decided it with access.MaySeeLoginActivity (the store
	// decides again before it reads).
	if !v.seesLoginActivity {
		s.log.Info("login activity refused", "user", v.user.ID, "org", v.org.ID, "reason", access.ReasonNoLBA)
		s.renderPage(w, r, http.StatusForbidden, views.BlockedPage(s.chrome(r, "", nil), "Ingen adgang", TextLoginActivityBlocked))
		return jobnet.Organisation{}, false
	}
	return v.org, true
}

// loginActivityPage is Loginaktivitet. Its reading is logged by the store
// (login_activity_views) and here, without the filter's values.
func (s *Server) loginActivityPage(w http.ResponseWriter, r *http.Request) error {
	org, ok := s.loginActivityOrg(w, r)
	if !ok {
		return nil
	}
	v := visitFrom(r.Context())
	q := parseLoginActivityQuery(r.URL.Query(), jobnet.Day(s.now()))
	p, err := s.store.LoginActivity(r.Context(), v.user, org.ID, q.Filter, s.now())
	if err != nil {
		return err
	}
	s.log.Info("login activity read", "user", v.user.ID, "org", org.ID, "action", "page", "rows", p.Total, "page", p.Page)
	pages := p.Pages(loginActivityPerPage)
	var pageError string
	if q.BadPage || p.Page != q.Filter.Page {
		pageError = joblogPageError(pages)
		q.Filter.Page = p.Page
	}
	if q.Filter.CaseworkerID != 0 && !hasCaseworker(p.Caseworkers, q.Filter.CaseworkerID) {
		// No look-ups matched: the caseworker is not the organisation's.
		q.Form.CaseworkerError = TextLoginActivityBadCaseworker
	}
	status := http.StatusOK
	if q.invalid() || pageError != "" {
		status = http.StatusBadRequest
	}
	c := s.chrome(r, "Loginaktivitet", []views.Crumb{{Label: "Loginaktivitet"}})
	s.renderPage(w, r, status, views.LoginActivityPage(c, loginActivityView(org, q, p, pages, pageError)))
	return nil
}

func hasCaseworker(cws []accesslog.Caseworker, id int64) bool {
	for _, c := range cws {
		if c.ID == id {
			return true
		}
	}
	return false
}

func loginActivityView(org jobnet.Organisation, q loginActivityQuery, p accesslog.Page, pages int, pageError string) views.LoginActivityView {
	f := q.Filter
	v := views.LoginActivityView{
		OrgName: org.Name,
		Form:    q.Form,
		Count:   lookUpCount(p.Total),
		CSVHref: pathLoginActivityCSV + "?" + loginActivityValues(f, 0).Encode(),
		Paging:  views.JoblogPaging{Page: p.Page, Pages: pages, Error: pageError},
	}
	v.Caseworkers = append(v.Caseworkers, views.Option{Value: "", Label: "Alle sagsbehandlere", Selected: f.CaseworkerID == 0})
	for _, c := range p.Caseworkers {
		v.Caseworkers = append(v.Caseworkers, views.Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name, Selected: c.ID == f.CaseworkerID})
	}
	for _, o := range loginActivityOutcomes {
		v.Outcomes = append(v.Outcomes, views.Option{Value: o.slug, Label: o.label, Selected: o.outcome == f.Outcome})
	}
	for _, r := range p.Rows {
		item := views.LoginActivityItem{When: loginActivityTime(r.At), Caseworker: r.Caseworker, Granted: r.Granted,
			Citizen: r.Citizen, CitizenName: r.CitizenName}
		if !r.Granted {
			item.Reason = accesslog.ReasonText(r.Reason)
		}
		v.Rows = append(v.Rows, item)
	}
	if len(p.Rows) == 0 {
		v.Empty = "Der er ingen opslag, som passer til filteret."
	}
	if p.Page > 1 {
		v.Paging.Prev = pathLoginActivity + "?" + loginActivityValues(f, p.Page-1).Encode()
	}
	if p.Page < pages {
		v.Paging.Next = pathLoginActivity + "?" + loginActivityValues(f, p.Page+1).Encode()
	}
	return v
}

// loginActivityTime is "2. dec. 2026 kl. 09.12.05" in Danish time: to the
// second, as the CSV has it.
func loginActivityTime(t time.Time) string {
	t = t.In(jobnet.Copenhagen)
	return views.ShortDate(t) + " kl. " + t.Format("15.04.05")
}

// lookUpCount is "1 opslag", "4 opslag".
func lookUpCount(n int64) string {
	return strconv.FormatInt(n, 10) + " opslag"
}

// loginActivityCSV is the download of every look-up the filter matches,
// with the columns of the operator's export (cmd/accesslog) and the
// citizen's name where the look-up was granted. A wrong filter goes back
// to the page, which says what is wrong.
func (s *Server) loginActivityCSV(w http.ResponseWriter, r *http.Request) error {
	org, ok := s.loginActivityOrg(w, r)
	if !ok {
		return nil
	}
	v := visitFrom(r.Context())
	now := s.now()
	q := parseLoginActivityQuery(r.URL.Query(), jobnet.Day(now))
	if q.invalid() {
		http.Redirect(w, r, pathLoginActivity+"?"+r.URL.RawQuery, http.StatusSeeOther)
		return nil
	}
	// Buffered, so that a failure halfway gives the error page, not half a file.
	var buf bytes.Buffer
	buf.WriteString("\uFEFF") // a spreadsheet reads æ, ø and å as UTF-8
	n, err := s.store.LoginActivityCSV(r.Context(), &buf, v.user, org.ID, q.Filter, now)
	if err != nil {
		return err
	}
	s.log.Info("login activity read", "user", v.user.ID, "org", org.ID, "action", "csv", "rows", n)
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="loginaktivitet-%s.csv"`, jobnet.Day(now).Format(time.DateOnly)))
	_, err = w.Write(buf.Bytes())
	return err
}
