package samlsp

import (
	"bytes"
	"compress/flate"
	"crypto"
	"crypto/rand"
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

	"github.com/star-dk/sagsbehandleradgang/internal/samlredirect"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestLogoutRedirect_SignedLogoutRequestForTheSession(t *testing.T) {
	f := newFixture(t)
	dest, err := f.sp.LogoutRedirect(jobnet.Identity{
		NameID: bertiNameID, NameIDFormat: oiosaml.NameIDPersistent, SessionIndex: testSessionIdx,
	})
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
	if q.Get("SigAlg") != dsig.RSASHA256SignatureMethod {
		t.Errorf("SigAlg = %q", q.Get("SigAlg"))
	}
	sig, _ := base64.StdEncoding.DecodeString(q.Get("Signature"))
	digest := sha256.Sum256([]byte("SAMLRequest=" + raw["SAMLRequest"] + "&SigAlg=" + raw["SigAlg"]))
	if err := rsa.VerifyPKCS1v15(&f.spKey.key.PublicKey, crypto.SHA256, digest[:], sig); err != nil {
		t.Errorf("LogoutRequest signature does not verify with RSA-SHA256 and the SP key: %v", err)
	}

	xmlBytes, err := samlredirect.Decode(q.Get("SAMLRequest"))
	if err != nil {
		t.Fatal(err)
	}
	var req saml.LogoutRequest
	if err := xml.Unmarshal(xmlBytes, &req); err != nil {
		t.Fatal(err)
	}
	switch {
	case req.Destination != idpSLO:
		t.Errorf("Destination %q", req.Destination)
	case req.Issuer == nil || req.Issuer.Value != testEntityID:
		t.Errorf("Issuer %+v", req.Issuer)
	case req.NameID == nil || req.NameID.Value != bertiNameID || req.NameID.Format != oiosaml.NameIDPersistent:
		t.Errorf("NameID %+v, want the one the IdP asserted, with its format", req.NameID)
	case req.SessionIndex == nil || req.SessionIndex.Value != testSessionIdx:
		t.Errorf("SessionIndex %+v, want %s", req.SessionIndex, testSessionIdx)
	}
}

func TestLogoutRedirect_NeedsANameID(t *testing.T) {
	f := newFixture(t)
	if _, err := f.sp.LogoutRedirect(jobnet.Identity{}); err == nil {
		t.Error("LogoutRedirect without NameID succeeded")
	}
}

// logoutResponse is the test IdP's LogoutResponse.
type logoutResponse struct {
	issuer, destination, status string
	signWith                    *keyPair // nil: unsigned
	sigAlg                      string
}

func (f *fixture) goodLogoutResponse() logoutResponse {
	return logoutResponse{
		issuer: idpEntityID, destination: testRoot + SLOPath, status: saml.StatusSuccess,
		signWith: &f.idpKey, sigAlg: dsig.RSASHA256SignatureMethod,
	}
}

func (l logoutResponse) element() *etree.Element {
	r := saml.LogoutResponse{
		ID: "_lr1", InResponseTo: "id-1", Version: "2.0", Destination: l.destination,
		Issuer: &saml.Issuer{Value: l.issuer},
		Status: saml.Status{StatusCode: saml.StatusCode{Value: l.status}},
	}
	return r.Element()
}

// redirect is the browser's GET to /saml/slo in the HTTP-Redirect binding.
func (l logoutResponse) redirect(t *testing.T) *http.Request {
	t.Helper()
	return sloRedirect(t, "SAMLResponse", l.element(), "x", l.signWith, l.sigAlg)
}

// post is the browser's POST to /saml/slo in the HTTP-POST binding, with an
// XML signature.
func (l logoutResponse) post(t *testing.T) *http.Request {
	t.Helper()
	return sloPost(t, "SAMLResponse", l.element(), "", l.signWith, l.sigAlg)
}

// sloRedirect is the browser's GET to /saml/slo carrying msg as param in the
// HTTP-Redirect binding, the query signed by signWith unless it is nil.
func sloRedirect(t *testing.T, param string, msg *etree.Element, relayState string, signWith *keyPair, sigAlg string) *http.Request {
	t.Helper()
	doc := etree.NewDocument()
	doc.SetRoot(msg)
	xmlBytes, _ := doc.WriteToBytes()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(xmlBytes)
	fw.Close()
	q := param + "=" + url.QueryEscape(base64.StdEncoding.EncodeToString(buf.Bytes()))
	if relayState != "" {
		q += "&RelayState=" + url.QueryEscape(relayState)
	}
	if signWith != nil {
		q += "&SigAlg=" + url.QueryEscape(sigAlg)
		hash := crypto.SHA256
		if sigAlg == dsig.RSASHA1SignatureMethod {
			hash = crypto.SHA1
		}
		h := hash.New()
		h.Write([]byte(q))
		sig, err := rsa.SignPKCS1v15(rand.Reader, signWith.key, hash, h.Sum(nil))
		if err != nil {
			t.Fatal(err)
		}
		q += "&Signature=" + url.QueryEscape(base64.StdEncoding.EncodeToString(sig))
	}
	return httptest.NewRequest(http.MethodGet, testRoot+SLOPath+"?"+q, nil)
}

// sloPost is the browser's POST to /saml/slo carrying msg as param in the
// HTTP-POST binding, with an enveloped XML signature by signWith unless it
// is nil.
func sloPost(t *testing.T, param string, msg *etree.Element, relayState string, signWith *keyPair, sigAlg string) *http.Request {
	t.Helper()
	if signWith != nil {
		sig := sign(t, msg, *signWith, sigAlg, false)
		msg.InsertChildAt(msg.SelectElement("Issuer").Index()+1, sig)
	}
	doc := etree.NewDocument()
	doc.SetRoot(msg)
	xmlBytes, _ := doc.WriteToBytes()
	form := url.Values{param: {base64.StdEncoding.EncodeToString(xmlBytes)}}
	if relayState != "" {
		form.Set("RelayState", relayState)
	}
	r := httptest.NewRequest(http.MethodPost, testRoot+SLOPath, strings.NewReader(form.Encode()))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return r
}

func TestFinishLogout(t *testing.T) {
	tests := []struct {
		name    string
		spoil   func(f *fixture, l *logoutResponse)
		binding string // "redirect" or "post"
		want    string // "" for accepted
	}{
		{name: "signed, HTTP-Redirect", binding: "redirect"},
		{name: "signed, HTTP-POST", binding: "post"},
		{name: "unsigned", binding: "redirect", spoil: func(_ *fixture, l *logoutResponse) { l.signWith = nil }},
		{
			name: "signed by a key not in the IdP metadata", binding: "redirect",
			spoil: func(f *fixture, l *logoutResponse) { l.signWith = &f.otherKey },
			want:  "query signature does not verify",
		},
		{
			name: "signed by a key not in the IdP metadata, HTTP-POST", binding: "post",
			spoil: func(f *fixture, l *logoutResponse) { l.signWith = &f.otherKey },
			want:  "LogoutResponse signature",
		},
		{
			name: "SHA-1 query signature", binding: "redirect",
			spoil: func(_ *fixture, l *logoutResponse) { l.sigAlg = dsig.RSASHA1SignatureMethod },
			want:  "is not accepted",
		},
		{
			name: "wrong issuer", binding: "redirect",
			spoil: func(_ *fixture, l *logoutResponse) { l.issuer = "https://evil.example/idp" },
			want:  "Issuer is not the IdP's entity ID",
		},
		{
			name: "wrong destination", binding: "redirect",
			spoil: func(_ *fixture, l *logoutResponse) { l.destination = "https://evil.example/slo" },
			want:  "Destination",
		},
		{
			name: "status not Success", binding: "redirect",
			spoil: func(_ *fixture, l *logoutResponse) { l.status = "urn:oasis:names:tc:SAML:2.0:status:Responder" },
			want:  "status is not Success",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			l := f.goodLogoutResponse()
			if tt.spoil != nil {
				tt.spoil(f, &l)
			}
			r := l.redirect(t)
			if tt.binding == "post" {
				r = l.post(t)
			}
			err := f.sp.FinishLogout(r)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			case tt.want != "" && !errors.Is(err, ErrRefused):
				t.Errorf("error %v is not ErrRefused", err)
			}
		})
	}
}

func TestFinishLogout_LeavesLogoutRequestsToReadLogoutRequest(t *testing.T) {
	f := newFixture(t)
	err := f.sp.FinishLogout(httptest.NewRequest(http.MethodGet, testRoot+SLOPath+"?SAMLRequest=abc", nil))
	if err == nil || !strings.Contains(err.Error(), "is a LogoutRequest") {
		t.Errorf("error = %v", err)
	}
}
