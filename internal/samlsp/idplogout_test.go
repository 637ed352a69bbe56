package samlsp

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"
)

// logoutRequest is the test IdP's LogoutRequest to the SP.
type logoutRequest struct {
	issuer, destination, nameID string
	sessionIndexes              []string
	issueInstant                time.Time
	notOnOrAfter                string
	relayState                  string
	signWith                    *keyPair // nil: unsigned
	sigAlg                      string
	mutateSigned                func(el *etree.Element) // after the XML signature (HTTP-POST)
}

func (f *fixture) goodLogoutRequest() logoutRequest {
	return logoutRequest{
		issuer: idpEntityID, destination: testRoot + SLOPath, nameID: bertiNameID,
		sessionIndexes: []string{testSessionIdx}, issueInstant: f.now, relayState: "rs-1",
		signWith: &f.idpKey, sigAlg: dsig.RSASHA256SignatureMethod,
	}
}

func (l logoutRequest) element() *etree.Element {
	el := etree.NewElement("samlp:LogoutRequest")
	el.CreateAttr("xmlns:samlp", nsProtocol)
	el.CreateAttr("xmlns:saml", nsAssertion)
	el.CreateAttr("ID", "_logout1")
	el.CreateAttr("Version", "2.0")
	el.CreateAttr("IssueInstant", l.issueInstant.UTC().Format(time.RFC3339Nano))
	if l.destination != "" {
		el.CreateAttr("Destination", l.destination)
	}
	if l.notOnOrAfter != "" {
		el.CreateAttr("NotOnOrAfter", l.notOnOrAfter)
	}
	el.CreateElement("saml:Issuer").SetText(l.issuer)
	if l.nameID != "" {
		n := el.CreateElement("saml:NameID")
		n.CreateAttr("Format", string(saml.PersistentNameIDFormat))
		n.SetText(l.nameID)
	}
	for _, si := range l.sessionIndexes {
		el.CreateElement("samlp:SessionIndex").SetText(si)
	}
	return el
}

func (l logoutRequest) redirect(t *testing.T) *http.Request {
	t.Helper()
	return sloRedirect(t, "SAMLRequest", l.element(), l.relayState, l.signWith, l.sigAlg)
}

func (l logoutRequest) post(t *testing.T) *http.Request {
	t.Helper()
	if l.mutateSigned == nil {
		return sloPost(t, "SAMLRequest", l.element(), l.relayState, l.signWith, l.sigAlg)
	}
	// Sign, then change what was signed, as an attacker would.
	el := l.element()
	el.InsertChildAt(el.SelectElement("Issuer").Index()+1, sign(t, el, *l.signWith, l.sigAlg, false))
	l.mutateSigned(el)
	return sloPost(t, "SAMLRequest", el, l.relayState, nil, "")
}

func TestReadLogoutRequest(t *testing.T) {
	skew := 2 * time.Minute // the default
	tests := []struct {
		name    string
		binding string // "redirect" or "post"
		spoil   func(f *fixture, l *logoutRequest)
		want    string // "" for accepted
	}{
		{name: "signed, HTTP-Redirect", binding: "redirect"},
		{name: "signed, HTTP-POST", binding: "post"},
		{
			name: "two SessionIndexes", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.sessionIndexes = []string{"_a", "_b"} },
		},
		{
			name: "no SessionIndex: every session of the subject", binding: "post",
			spoil: func(_ *fixture, l *logoutRequest) { l.sessionIndexes = nil },
		},
		{
			name: "unsigned, HTTP-Redirect", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.signWith = nil },
			want:  "not signed",
		},
		{
			name: "unsigned, HTTP-POST", binding: "post",
			spoil: func(_ *fixture, l *logoutRequest) { l.signWith = nil },
			want:  "not signed",
		},
		{
			name: "signed by a key not in the IdP metadata, HTTP-Redirect", binding: "redirect",
			spoil: func(f *fixture, l *logoutRequest) { l.signWith = &f.otherKey },
			want:  "query signature does not verify",
		},
		{
			name: "signed by a key not in the IdP metadata, HTTP-POST", binding: "post",
			spoil: func(f *fixture, l *logoutRequest) { l.signWith = &f.otherKey },
			want:  "LogoutRequest signature",
		},
		{
			name: "SHA-1 query signature", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.sigAlg = dsig.RSASHA1SignatureMethod },
			want:  "is not accepted",
		},
		{
			name: "SHA-1 XML signature", binding: "post",
			spoil: func(_ *fixture, l *logoutRequest) { l.sigAlg = dsig.RSASHA1SignatureMethod },
			want:  "is not accepted",
		},
		{
			name: "NameID changed after signing", binding: "post",
			spoil: func(_ *fixture, l *logoutRequest) {
				l.mutateSigned = func(el *etree.Element) { el.SelectElement("NameID").SetText(jensNameID) }
			},
			want: "LogoutRequest signature",
		},
		{
			name: "wrong issuer", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.issuer = "https://evil.example/idp" },
			want:  "Issuer is not the IdP's entity ID",
		},
		{
			name: "meant for another SP", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.destination = "https://other-sp.example/slo" },
			want:  "Destination",
		},
		{
			name: "no Destination", binding: "post",
			spoil: func(_ *fixture, l *logoutRequest) { l.destination = "" },
			want:  "Destination",
		},
		{
			name: "issued longer ago than the clock skew", binding: "redirect",
			spoil: func(f *fixture, l *logoutRequest) { l.issueInstant = f.now.Add(-skew - time.Second) },
			want:  "more than 2m0s from our clock",
		},
		{
			name: "issued in the future", binding: "redirect",
			spoil: func(f *fixture, l *logoutRequest) { l.issueInstant = f.now.Add(skew + time.Second) },
			want:  "more than 2m0s from our clock",
		},
		{
			name: "expired", binding: "post",
			spoil: func(f *fixture, l *logoutRequest) {
				l.notOnOrAfter = f.now.Add(-skew).UTC().Format(time.RFC3339)
			},
			want: "has expired",
		},
		{
			name: "no NameID", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.nameID = "" },
			want:  "exactly one NameID",
		},
		{
			name: "RelayState longer than 80 bytes", binding: "redirect",
			spoil: func(_ *fixture, l *logoutRequest) { l.relayState = strings.Repeat("r", 81) },
			want:  "RelayState",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l := f.goodLogoutRequest()
			if tt.spoil != nil {
				tt.spoil(f, &l)
			}
			r := l.redirect(t)
			if tt.binding == "post" {
				r = l.post(t)
			}
			w := httptest.NewRecorder()
			if !f.sp.IsLogoutRequest(w, r) {
				t.Fatal("IsLogoutRequest = false")
			}
			got, err := f.sp.ReadLogoutRequest(w, r)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want == "":
				want := LogoutRequest{ID: "_logout1", NameID: l.nameID, SessionIndexes: l.sessionIndexes, RelayState: l.relayState}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("LogoutRequest (-want +got):\n%s", diff)
				}
			case err == nil || !strings.Contains(err.Error(), tt.want):
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			case !errors.Is(err, ErrRefused):
				t.Errorf("error %v is not ErrRefused", err)
			}
		})
	}
}

func TestIsLogoutRequest_TellsRequestsFromResponses(t *testing.T) {
	f := newFixture(t)
	l := f.goodLogoutResponse()
	for name, r := range map[string]*http.Request{"HTTP-Redirect": l.redirect(t), "HTTP-POST": l.post(t)} {
		if f.sp.IsLogoutRequest(httptest.NewRecorder(), r) {
			t.Errorf("%s: a LogoutResponse is taken for a LogoutRequest", name)
		}
		if err := f.sp.FinishLogout(r); err != nil {
			t.Errorf("%s: FinishLogout after IsLogoutRequest: %v", name, err)
		}
	}
}

func TestLogoutResponseURL_SignedAnswerToTheIdP(t *testing.T) {
	for _, ended := range []bool{true, false} {
		f := newFixture(t)
		dest, err := f.sp.LogoutResponseURL(LogoutRequest{ID: "_logout1", NameID: bertiNameID, RelayState: "rs-1"}, ended)
		if err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(dest)
		if err != nil {
			t.Fatal(err)
		}
		if got := u.Scheme + "://" + u.Host + u.Path; got != idpSLO {
			t.Errorf("goes to %s, want the IdP's SLO %s", got, idpSLO)
		}
		raw, _ := samlredirect.RawParams(u.RawQuery)
		q := u.Query()
		if q.Get("RelayState") != "rs-1" {
			t.Errorf("RelayState %q, want the request's", q.Get("RelayState"))
		}
		sig, _ := base64.StdEncoding.DecodeString(q.Get("Signature"))
		digest := sha256.Sum256([]byte("SAMLResponse=" + raw["SAMLResponse"] + "&RelayState=" + raw["RelayState"] + "&SigAlg=" + raw["SigAlg"]))
		if q.Get("SigAlg") != dsig.RSASHA256SignatureMethod || rsa.VerifyPKCS1v15(&f.spKey.key.PublicKey, crypto.SHA256, digest[:], sig) != nil {
			t.Errorf("the LogoutResponse is not signed with RSA-SHA256 by the SP key")
		}
		xmlBytes, err := samlredirect.Decode(q.Get("SAMLResponse"))
		if err != nil {
			t.Fatal(err)
		}
		var resp saml.LogoutResponse
		if err := xml.Unmarshal(xmlBytes, &resp); err != nil {
			t.Fatal(err)
		}
		want := saml.StatusSuccess
		if !ended {
			want = saml.StatusResponder
		}
		switch {
		case resp.InResponseTo != "_logout1":
			t.Errorf("InResponseTo %q", resp.InResponseTo)
		case resp.Destination != idpSLO:
			t.Errorf("Destination %q", resp.Destination)
		case resp.Issuer == nil || resp.Issuer.Value != testEntityID:
			t.Errorf("Issuer %+v", resp.Issuer)
		case resp.Status.StatusCode.Value != want:
			t.Errorf("ended=%v: status %q, want %q", ended, resp.Status.StatusCode.Value, want)
		}
	}
}
