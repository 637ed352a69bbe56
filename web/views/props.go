package views

import "github.com/star-dk/sagsbehandleradgang/internal/pages"

// ProductName is the product's name, shown in the header and at the end of every <title>.
const ProductName = "Sagsbehandleradgang til Jobnet"

// Crumb is one step of the breadcrumb. The last crumb (the current page) has Href "".
type Crumb struct{ Label, Href string }

// Chrome is what the layout around every page needs: title, top bar, tabs and breadcrumb.
type Chrome struct {
	Title          string // <title>: Title + " – Sagsbehandleradgang til Jobnet"
	CaseworkerName string // "" when not signed in: then no user area
	OrgName        string // the organisation the caseworker works for now
	CanSwitchOrg   bool   // shows the link "Skift organisation" → /sagsbehandleradgang/organisation
	// LoginActivityHref, when set, is the link "Loginaktivitet": only for the organisation's LBA.
	LoginActivityHref string
	PersonName        string  // a citizen signed in as themself, on their own pages: their name and "Log ud"
	CitizenName       string  // "" on non-citizen pages; else "På vegne af borger: <name>", "Skift til anden borger" and the tabs
	Tab               string  // "" | "jobsoegning" | "planer": the active tab on citizen pages
	Breadcrumb        []Crumb // shown when non-empty, e.g. Forside > Jobsøgning
	Session           SessionDeadline
	// Errors are the page's validation errors: the title starts with "Fejl:" and an error
	// summary above the content links to each. Pages fill it from their props (withErrors).
	Errors []FieldError
}

// FieldError is one validation error of a page: its text, and the id of the field in error
// (or of the message, where no field holds the wrong value) that the summary links to.
type FieldError struct{ ID, Text string }

// SessionDeadline is when the signed-in caseworker's session ends (SPEC §4), for the top
// bar and the warning two minutes before (web/static/session.js). Zero: not signed in.
type SessionDeadline struct {
	Ends     string // "kl. 10.20"
	Seconds  int    // seconds left when the page was made
	Idle     bool   // the idle timeout ends it (activity or "Forlæng" moves it); else the absolute lifetime
	ReturnTo string // the page to come back to after "Forlæng" without JavaScript
}

// Tab values for Chrome.Tab.
const (
	TabJobsoegning = pages.TabJobsoegning
	TabPlaner      = pages.TabPlaner
)

// CPRForm is the state of the form on the CPR page.
type CPRForm struct {
	Value      string // what the caseworker typed, echoed only with a FieldError (format error)
	FieldError string // e.g. "Indtast et gyldigt CPR-nummer (10 cifre)", shown at the field
	Refused    bool   // shows "Du har ikke rettigheder til den valgte borger"; the field stays empty
	Notice     string // a general error (e.g. the access log could not be written), "" normally
}

// OrgChoice is one organisation the caseworker may work for.
type OrgChoice struct {
	ID      int64
	Name    string // e.g. "A-kasse 22 Det Faglige Hus"
	Kind    string // e.g. "A-kasse", "Jobcenter"
	Current bool   // the organisation chosen now; preselected
}

// Tile is one entry of an overview page (Jobsøgning, Planer og aftaler): a title link, a
// short text and ">". External marks a link out to Jobnet's information site
// (info.jobnet.dk): it opens in a new window and carries the note "Bemærk, at der åbnes på
// www.info.jobnet.dk", as in the guide's billede 4.
type Tile struct {
	Title, Text, Href, TestID string
	External                  bool
}

// ErrorInfo is an error page's content. An empty Heading or Message gets the Danish default
// text for Status (see DefaultError).
type ErrorInfo struct {
	Status           int
	Heading, Message string
	// Back, when set, is the link "Tilbage" to the page the refused form was on.
	Back string
}

// condition is what the top bar says after the time: only the idle timeout can be put off.
func (d SessionDeadline) condition() string {
	if d.Idle {
		return ", hvis du ikke er aktiv"
	}
	return ""
}
