package server

import (
	"context"
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/star-dk/sagsbehandleradgang/internal/cpr"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/web/views"
)

// findJobStore is what Find Job needs of the store.
type findJobStore interface {
	SearchJobs(ctx context.Context, citizenID int64, q jobnet.JobQuery, today time.Time) (jobnet.JobSearch, error)
}

// Messages at Find Job's fields.
const (
	TextFindJobTextTooLong = "Skriv højst 200 tegn"
	TextFindJobCPR         = cpr.TextSearchRefused
	TextFindJobOccupation  = "Vælg en stillingsbetegnelse fra listen"
	TextFindJobArea        = "Vælg et område fra listen"
)

// findJobMaxText is the longest free text Find Job searches for.
const findJobMaxText = 200

// findJobPageError says that the page asked for does not exist.
func findJobPageError(last int) string {
	return fmt.Sprintf("Siden findes ikke. Vælg en side fra 1 til %d", last)
}

var findJobAreaPattern = regexp.MustCompile(`^(kommune-[0-9]{3}|region-108[1-5]|opland-[0-9]{1,3})$`)

// findJobPage is Find Job (SPEC §5.2): searching the postings is reading,
// so it is a GET form. A bad field is reported at the field with status
// 400, and the hits are those of the other fields.
func (s *Server) findJobPage(w http.ResponseWriter, r *http.Request) error {
	q := parseFindJobQuery(r.URL.Query())
	res, err := s.pageData.SearchJobs(r.Context(), visitFrom(r.Context()).citizen.Citizen.ID, q.query, jobnet.Day(s.now()))
	if err != nil {
		return err
	}
	if q.badProfile || (q.query.ProfileID != 0 && !slices.ContainsFunc(res.Profiles, func(p jobnet.SearchProfile) bool { return p.ID == q.query.ProfileID })) {
		// Not one of the citizen's search profiles: as if there were none.
		return jobnet.ErrNotFound
	}
	v := findJobView(&q, res)
	status := http.StatusOK
	if v.Form.TextError != "" || v.Form.OccupationError != "" || v.Form.AreaError != "" || v.Paging.Error != "" {
		status = http.StatusBadRequest
	}
	c := s.pageChrome(r, pages.FindJob)
	s.renderPage(w, r, status, views.FindJobPage(c, v))
	return nil
}

// findJobQuery is the search read from the URL: the valid part as a query,
// and the form as typed, with the messages of the invalid fields.
type findJobQuery struct {
	query      jobnet.JobQuery
	form       views.FindJobForm
	text       string // the free text searched for, "" if none or invalid
	badPage    bool
	badProfile bool // soegeprofil is not a profile id
}

func parseFindJobQuery(v url.Values) findJobQuery {
	var q findJobQuery
	text := strings.TrimSpace(v.Get("fritekst"))
	switch {
	case utf8.RuneCountInString(text) > findJobMaxText:
		q.form.Text, q.form.TextError = text, TextFindJobTextTooLong
	case cpr.Contains(text):
		q.form.TextError = TextFindJobCPR // and not shown again
	case text != "":
		q.form.Text, q.text = text, text
		q.query.Words = strings.Fields(text)
	}

	if occ := v.Get("stilling"); occ != "" {
		q.form.Occupation = occ
		if id, err := strconv.Atoi(occ); err == nil && id > 0 && id < 1<<31-1 {
			q.query.OccupationID = id
		} else {
			q.form.OccupationError = TextFindJobOccupation
		}
	}

	if area := v.Get("omraade"); area != "" {
		q.form.Area = area
		if findJobAreaPattern.MatchString(area) {
			kind, code, _ := strings.Cut(area, "-")
			q.query.Area = jobnet.AreaRef{Kind: jobnet.AreaKind(kind), Code: code}
		} else {
			q.form.AreaError = TextFindJobArea
		}
	}

	if p := v.Get("soegeprofil"); p != "" {
		if id, err := strconv.ParseInt(p, 10, 64); err == nil && id > 0 {
			q.query.ProfileID = id
		} else {
			q.badProfile = true
		}
	}

	q.query.Page = 1
	if side := v.Get("side"); side != "" {
		if n, err := strconv.Atoi(side); err == nil && n >= 1 && n <= jobnet.MaxPage {
			q.query.Page = n
		} else {
			q.badPage = true
		}
	}
	return q
}

// findJobView turns the search's result into the page: the filters' lists
// with the choice marked, the messages for a choice that does not exist,
// the hits in Danish, the paging and the search profiles.
func findJobView(q *findJobQuery, res jobnet.JobSearch) views.FindJobView {
	v := views.FindJobView{Form: q.form, Total: res.Total}

	occFound := false
	for _, o := range res.Occupations {
		sel := o.ID == q.query.OccupationID
		occFound = occFound || sel
		v.Occupations = append(v.Occupations, views.FindJobOption{Value: strconv.Itoa(o.ID), Label: o.Title, Selected: sel})
	}
	if q.query.OccupationID != 0 && !occFound {
		v.Form.OccupationError = TextFindJobOccupation
		q.query.OccupationID = 0
	}

	areaFound := false
	option := func(ref jobnet.AreaRef, label string) views.FindJobOption {
		sel := ref == q.query.Area
		areaFound = areaFound || sel
		return views.FindJobOption{Value: ref.String(), Label: label, Selected: sel}
	}
	regions := views.FindJobOptionGroup{Label: "Regioner"}
	for _, g := range res.Regions {
		regions.Options = append(regions.Options, option(jobnet.AreaRef{Kind: jobnet.AreaRegion, Code: g.Code}, g.Name))
	}
	areas := views.FindJobOptionGroup{Label: "Arbejdsmarkedsoplande"}
	for _, a := range res.Areas {
		areas.Options = append(areas.Options, option(jobnet.AreaRef{Kind: jobnet.AreaLabour, Code: strconv.Itoa(a.ID)}, a.Name))
	}
	kommuner := views.FindJobOptionGroup{Label: "Kommuner"}
	for _, k := range res.Kommuner {
		kommuner.Options = append(kommuner.Options, option(jobnet.AreaRef{Kind: jobnet.AreaKommune, Code: k.Number}, k.Name+" Kommune"))
	}
	v.AreaGroups = []views.FindJobOptionGroup{regions, areas, kommuner}
	if q.query.Area.Kind != "" && !areaFound {
		v.Form.AreaError = TextFindJobArea
		q.query.Area = jobnet.AreaRef{}
	}

	for _, h := range res.Hits {
		v.Hits = append(v.Hits, views.FindJobHit{
			ID: h.ID, Title: h.Title, Workplace: h.Workplace, Place: h.PostalCode + " " + h.Town,
			Occupation: h.Occupation, Hours: h.WorkingHours,
			Posted: views.ShortDate(h.Posted), Deadline: jobsDeadline(h.Deadline), Description: h.Description,
			Href: jobannonceHref(h.ID),
		})
	}

	pageCount := max((res.Total+jobnet.PageSize-1)/jobnet.PageSize, 1)
	page := max(res.Page, 1)
	v.Paging = views.FindJobPaging{Page: page, Pages: pageCount}
	if q.badPage || page != q.query.Page {
		v.Paging.Error = findJobPageError(pageCount)
	}
	occ := ""
	if q.query.OccupationID != 0 {
		occ = strconv.Itoa(q.query.OccupationID)
	}
	if page > 1 {
		v.Paging.Prev = findJobHref(q.text, occ, q.query.Area.String(), q.query.ProfileID, page-1)
	}
	if page < pageCount {
		v.Paging.Next = findJobHref(q.text, occ, q.query.Area.String(), q.query.ProfileID, page+1)
	}

	for _, p := range res.Profiles {
		fp := views.FindJobProfile{
			Name: p.Name, FreeText: p.FreeText, JobAgent: p.JobAgent(),
			Occupations: strings.Join(p.Occupations, ", "), Areas: strings.Join(p.Areas, ", "),
			Created: views.ShortDate(p.Created.In(jobnet.Copenhagen)),
			Href:    findJobHref("", "", "", p.ID, 0),
		}
		if p.ID == q.query.ProfileID {
			v.Profile = p.Name
		}
		if fp.Occupations == "" {
			fp.Occupations = "Alle stillingsbetegnelser"
		}
		if fp.Areas == "" {
			fp.Areas = "Hele landet"
		}
		if p.JobAgent() {
			fp.AgentText = "Jobagent: " + p.AgentFrequency
		}
		v.Profiles = append(v.Profiles, fp)
	}
	return v
}

// findJobHref is Find Job with a search, or with a search profile run;
// empty parts and page 0 are left out.
func findJobHref(text, occupation, area string, profile int64, page int) string {
	q := url.Values{}
	if profile != 0 {
		q.Set("soegeprofil", strconv.FormatInt(profile, 10))
	}
	if text != "" {
		q.Set("fritekst", text)
	}
	if occupation != "" {
		q.Set("stilling", occupation)
	}
	if area != "" {
		q.Set("omraade", area)
	}
	if page > 0 {
		q.Set("side", strconv.Itoa(page))
	}
	if len(q) == 0 {
		return pages.FindJob.Path
	}
	return pages.FindJob.Path + "?" + q.Encode()
}
