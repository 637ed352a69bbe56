// Package accesslog is the shape of the access log as people read it (SPEC
// §6): one row per look-up — a Login entry in the citizen's history, or a
// refused look-up — and its CSV form, which the operator's export (cmd/
// accesslog) and the LBA's Loginaktivitet download share, so that the two
// files have the same columns. It reads nothing itself: the store fills the
// rows.
package accesslog

import (
	"encoding/csv"
	"io"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/access"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Types of a row, as the CSV's "type" column and the Loginaktivitet page
// name them.
const (
	TypeLogin   = "Login"
	TypeRefused = "Afvist"
)

// Header is the CSV header; the fifth column is "cpr" in place of
// "borger-id" when the citizen is named by (masked) CPR number.
var Header = []string{"tidspunkt", "type", "sagsbehandler", "organisation", "borger-id", "begrundelse"}

// Row is one look-up.
type Row struct {
	At           time.Time
	Granted      bool // a Login entry; else a refused look-up
	Caseworker   string
	Organisation string
	// Citizen names the citizen as the reader may see them: the internal
	// citizen id, the CPR number, or the masked CPR number ("041091-XXXX").
	Citizen string
	// CitizenName is the citizen's name, for granted look-ups only: a
	// refused look-up tells nobody whom the number belongs to.
	CitizenName string
	Reason      access.Reason // why a look-up was refused; "" when granted
}

// Type is "Login" or "Afvist".
func (r Row) Type() string {
	if r.Granted {
		return TypeLogin
	}
	return TypeRefused
}

// Writer writes rows as CSV: times in Danish time with their offset, names
// guarded against spreadsheet formulas.
type Writer struct {
	cw         *csv.Writer
	reasonText func(access.Reason) string
	withName   bool
}

// Columns chooses what a Writer writes beyond the shared columns.
type Columns struct {
	CitizenHeader string                     // "borger-id" or "cpr"
	ReasonText    func(access.Reason) string // how to write the reason; nil: its code
	WithName      bool                       // add the column "navn" (granted look-ups' citizen name)
}

// NewWriter writes the header and returns the writer of the rows.
func NewWriter(w io.Writer, c Columns) (*Writer, error) {
	header := append([]string(nil), Header...)
	if c.CitizenHeader != "" {
		header[4] = c.CitizenHeader
	}
	if c.WithName {
		header = append(header, "navn")
	}
	out := &Writer{cw: csv.NewWriter(w), reasonText: c.ReasonText, withName: c.WithName}
	if out.reasonText == nil {
		out.reasonText = func(r access.Reason) string { return string(r) }
	}
	return out, out.cw.Write(header)
}

// Write writes one row.
func (w *Writer) Write(r Row) error {
	rec := []string{r.At.In(jobnet.Copenhagen).Format(time.RFC3339), r.Type(), csvText(r.Caseworker), csvText(r.Organisation), r.Citizen, ""}
	if !r.Granted {
		rec[5] = w.reasonText(r.Reason)
	}
	if w.withName {
		rec = append(rec, csvText(r.CitizenName))
	}
	return w.cw.Write(rec)
}

// Flush writes what is buffered and reports any error of the writing.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}

// csvText keeps a spreadsheet from reading a name as a formula: a cell that
// starts with =, +, - or @ gets a leading apostrophe (OWASP's CSV
// injection advice). Names are typed into the user administration by
// people, so the export must not trust them.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ReasonText is why a look-up was refused, in Danish, for the organisation's
// own control (the caseworker was told only "Du har ikke rettigheder til den
// valgte borger", SPEC §3).
func ReasonText(r access.Reason) string {
	switch r {
	case access.ReasonUnknownCitizen:
		return "CPR-nummeret tilhører ingen borger i Jobnet"
	case access.ReasonNotAkasseMember:
		return "Borgeren er ikke medlem af a-kassen"
	case access.ReasonWrongKontaktgruppe:
		return "Borgeren er ikke dagpengemodtager eller tilmeldt dimittend"
	case access.ReasonOtherJobcenter:
		return "Borgeren hører til et andet jobcenter"
	case access.ReasonNoRegistration:
		return "Borgeren har ikke et forløb i jobcentret"
	case access.ReasonOrgKind:
		return "Organisationen har ikke adgang til borgere"
	default:
		return "Afvist (" + string(r) + ")"
	}
}

// Outcome chooses the look-ups by their outcome.
type Outcome string

// Outcomes.
const (
	OutcomeAll     Outcome = "all"
	OutcomeGranted Outcome = "granted"
	OutcomeRefused Outcome = "refused"
)

// Filter chooses one organisation's look-ups for Loginaktivitet.
type Filter struct {
	From, To     time.Time // Danish calendar days, both included; zero: no limit
	CaseworkerID int64     // 0: every caseworker
	Outcome      Outcome   // "" is OutcomeAll
	Page         int       // from 1
	PerPage      int
}

// Caseworker is one the filter can choose: a Sagsbehandler of the
// organisation, or someone who looked up citizens for it in the period.
type Caseworker struct {
	ID   int64
	Name string
}

// Page is one page of an organisation's look-ups, newest first.
type Page struct {
	Rows        []Row
	Total       int64 // the look-ups the filter matches, on every page
	Page        int   // the page shown: the first when the filter's page is past the last
	Caseworkers []Caseworker
}

// Pages is the number of pages, at least 1.
func (p Page) Pages(perPage int) int {
	if p.Total == 0 || perPage <= 0 {
		return 1
	}
	return int((p.Total + int64(perPage) - 1) / int64(perPage))
}
