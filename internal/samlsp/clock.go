package samlsp

import (
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
)

// crewjam/saml checks every response a second time (FinishLogin) with
// windows of its own, package variables that hold for the whole process:
// saml.MaxClockSkew (180 s) around the validity periods, and
// saml.MaxIssueDelay (90 s) after the IssueInstant. The IssueInstant window
// is Config.ClockSkew (checkIssueInstant); with the fixed 90 s, crewjam/saml
// would refuse first whenever the skew is larger, as the default of two
// minutes is. So its IssueInstant window is opened to the most ClockSkew may
// be (saml.MaxClockSkew, see Config.setDefaults), where it stays a second
// check that never decides alone.
func init() {
	saml.MaxIssueDelay = saml.MaxClockSkew
}

// checkIssueInstant refuses a message (the Response, the assertion) whose
// IssueInstant lies more than skew before or after now. A response takes
// seconds from the IdP through the browser to us: an older one was held
// back, and a later one comes from a clock further off than we allow.
func checkIssueInstant(el *etree.Element, what string, now time.Time, skew time.Duration) error {
	var t saml.RelaxedTime // parsed as crewjam/saml parses it
	if v := el.SelectAttrValue("IssueInstant", ""); v == "" || t.UnmarshalText([]byte(v)) != nil {
		return refuse("%s has no valid IssueInstant", what)
	}
	switch at := time.Time(t); {
	case at.Before(now.Add(-skew)):
		return refuse("%s was issued at %s, more than the clock skew %s ago", what, at.UTC().Format(time.RFC3339), skew)
	case at.After(now.Add(skew)):
		return refuse("%s is issued at %s, more than the clock skew %s ahead", what, at.UTC().Format(time.RFC3339), skew)
	}
	return nil
}
