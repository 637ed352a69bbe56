package samlsp

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/crewjam/saml"
	"github.com/google/go-cmp/cmp"
	dsig "github.com/russellhaering/goxmldsig"

	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
	"github.com/star-dk/sagsbehandleradgang/internal/oiosaml"
)

func TestFinishLogin_AcceptsOIOSAML3(t *testing.T) {
	want := jobnet.Identity{
		Name:         "Berit Hansen",
		CVR:          "11223344",
		UUID:         bertiUUID,
		Profile:      oiosaml.Profile3,
		LoA:          "Substantial",
		NameID:       bertiNameID,
		NameIDFormat: oiosaml.NameIDPersistent,
		SessionIndex: testSessionIdx,
	}
	tests := []struct {
		name   string
		spoil  func(*respSpec)
		change func(*jobnet.Identity)
	}{
		{name: "as NemLog-in sends it"},
		{
			name: "LoA High in both places",
			spoil: func(s *respSpec) {
				s.setAttr(oiosaml.AttrLoA, "High")
				s.ClassRef = oiosaml.LoAHigh
			},
			change: func(id *jobnet.Identity) { id.LoA = "High" },
		},
		{
			// The identity gets the lower level.
			name:  "loa attribute High, AuthnContextClassRef Substantial",
			spoil: func(s *respSpec) { s.setAttr(oiosaml.AttrLoA, "High") },
		},
		{
			name:  "loa attribute Substantial, AuthnContextClassRef High",
			spoil: func(s *respSpec) { s.ClassRef = oiosaml.LoAHigh },
		},
		{
			name:  "LoA as URI",
			spoil: func(s *respSpec) { s.setAttr(oiosaml.AttrLoA, oiosaml.LoASubstantial) },
		},
		{
			name:   "legacy RID too",
			spoil:  func(s *respSpec) { s.setAttr(oiosaml.AttrRID, "80123456") },
			change: func(id *jobnet.Identity) { id.RID = "80123456" },
		},
		{
			name:  "UUID only in the persistent NameID",
			spoil: func(s *respSpec) { s.setAttr(oiosaml.AttrUUID) },
		},
		{
			name:  "Response signed as well",
			spoil: func(s *respSpec) { s.SignResponse = true },
		},
		{
			name:  "AES-256-GCM with XML Encryption 1.1 RSA-OAEP",
			spoil: func(s *respSpec) { s.Cipher = "aes256-gcm" },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			requestID, cookies := f.login(t, "/sagsbehandleradgang/cpr")
			s := f.goodOIOSAML3(requestID)
			if tt.spoil != nil {
				tt.spoil(&s)
			}
			rec := httptest.NewRecorder()
			got, returnTo, err := f.sp.FinishLogin(rec, post(f.build(t, s), cookies))
			if err != nil {
				t.Fatalf("FinishLogin: %v", err)
			}
			w := want
			if tt.change != nil {
				tt.change(&w)
			}
			if diff := cmp.Diff(w, got); diff != "" {
				t.Errorf("identity (-want +got):\n%s", diff)
			}
			if returnTo != "/sagsbehandleradgang/cpr" {
				t.Errorf("returnTo = %q, want /sagsbehandleradgang/cpr", returnTo)
			}
			assertTrackingCleared(t, rec, requestID)
		})
	}
}

func TestFinishLogin_AcceptsOIOSAML2(t *testing.T) {
	f := newFixture(t)
	requestID, cookies := f.login(t, "/sagsbehandleradgang")
	rec := httptest.NewRecorder()
	got, returnTo, err := f.sp.FinishLogin(rec, post(f.build(t, f.goodOIOSAML2(requestID)), cookies))
	if err != nil {
		t.Fatalf("FinishLogin: %v", err)
	}
	want := jobnet.Identity{
		Name:         "Jens Jensen",
		CVR:          "11223344",
		RID:          "80123456",
		Profile:      oiosaml.Profile2,
		LoA:          "3",
		NameID:       jensNameID,
		NameIDFormat: oiosaml.NameIDX509Subject,
		SessionIndex: testSessionIdx,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("identity (-want +got):\n%s", diff)
	}
	if returnTo != "/sagsbehandleradgang" {
		t.Errorf("returnTo = %q", returnTo)
	}
	assertTrackingCleared(t, rec, requestID)
}

func assertTrackingCleared(t *testing.T, rec *httptest.ResponseRecorder, requestID string) {
	t.Helper()
	for _, c := range rec.Result().Cookies() {
		if c.Name == TrackingCookiePrefix+requestID && c.MaxAge < 0 {
			return
		}
	}
	t.Errorf("FinishLogin did not clear the request-tracking cookie")
}

// TestFinishLogin_Refuses spoils a good response one way per row. Each row
// names the refusal it expects, so that it fails if that check is removed
// even when a later check (or crewjam/saml) would refuse too.
func TestFinishLogin_Refuses(t *testing.T) {
	skew := 2 * time.Minute // the default
	tests := []struct {
		name    string
		legacy  bool // start from the OIOSAML 2 response
		spoil   func(f *fixture, s *respSpec)
		cookies func(f *fixture, c []*http.Cookie) []*http.Cookie // what the browser sends instead
		replay  bool                                              // post the response twice
		want    string
	}{
		{
			name:  "unsigned",
			spoil: func(f *fixture, s *respSpec) { s.SignAssertion = false },
			want:  "the assertion itself is not signed",
		},
		{
			name:  "signed by a key not in the IdP metadata",
			spoil: func(f *fixture, s *respSpec) { s.SignWith = f.otherKey },
			want:  "assertion signature: signature does not verify with a key from the IdP metadata",
		},
		{
			name: "signed by a key not in the metadata, without KeyInfo",
			spoil: func(f *fixture, s *respSpec) {
				s.SignWith = f.otherKey
				s.MutateSigned = func(el *etree.Element) *etree.Element {
					sig := el.SelectElement("Signature")
					sig.RemoveChild(sig.SelectElement("KeyInfo"))
					return el
				}
			},
			want: "assertion signature: signature does not verify with any key in the IdP metadata",
		},
		{
			name:  "plaintext assertion",
			spoil: func(f *fixture, s *respSpec) { s.Encrypt = false },
			want:  "plaintext assertion",
		},
		{
			name:  "plaintext assertion in a signed response",
			spoil: func(f *fixture, s *respSpec) { s.Encrypt, s.SignResponse = false, true },
			want:  "plaintext assertion",
		},
		{
			name:  "signed response around an unsigned assertion",
			spoil: func(f *fixture, s *respSpec) { s.SignAssertion, s.SignResponse = false, true },
			want:  "the assertion itself is not signed",
		},
		{
			name:  "SHA-1 signature",
			spoil: func(f *fixture, s *respSpec) { s.SigAlg = dsig.RSASHA1SignatureMethod },
			want:  "signature method " + dsig.RSASHA1SignatureMethod + " is not accepted",
		},
		{
			name:  "SHA-1 digest under an RSA-SHA256 signature",
			spoil: func(f *fixture, s *respSpec) { s.SHA1Digest = true },
			want:  "digest method http://www.w3.org/2000/09/xmldsig#sha1 is not accepted",
		},
		{
			name:  "SHA-1 signature on the response",
			spoil: func(f *fixture, s *respSpec) { s.SignResponse, s.RespSigAlg = true, dsig.RSASHA1SignatureMethod },
			want:  "response signature: signature method " + dsig.RSASHA1SignatureMethod + " is not accepted",
		},
		{
			name: "signature wrapping: a forged assertion around the signed one",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateSigned = func(signed *etree.Element) *etree.Element {
					forged := signed.Copy()
					forged.CreateAttr("ID", "_forged")
					adv := forged.CreateElement("saml:Advice")
					adv.AddChild(signed)
					return forged
				}
			},
			want: "assertion signature: 2 signatures below <Assertion>",
		},
		{
			name:  "wrong audience",
			spoil: func(f *fixture, s *respSpec) { s.Audiences = []string{"https://other-sp.example/saml/metadata"} },
			want:  "AudienceRestriction does not name our entity ID",
		},
		{
			name: "a second AudienceRestriction for someone else",
			spoil: func(f *fixture, s *respSpec) {
				s.Audiences = append(s.Audiences, "https://other-sp.example/saml/metadata")
			},
			want: "AudienceRestriction does not name our entity ID",
		},
		{
			name:  "missing AudienceRestriction",
			spoil: func(f *fixture, s *respSpec) { s.Audiences = nil },
			want:  "has no AudienceRestriction",
		},
		{
			name: "expired",
			spoil: func(f *fixture, s *respSpec) {
				s.NotBefore = f.now.Add(-time.Hour)
				s.NotOnOrAfter = f.now.Add(-skew - time.Second)
			},
			want: "expired at",
		},
		{
			name:  "subject confirmation expired",
			spoil: func(f *fixture, s *respSpec) { s.SCNotOnOrAfter = f.now.Add(-skew - time.Second) },
			want:  "SubjectConfirmationData expired at",
		},
		{
			name:  "not yet valid",
			spoil: func(f *fixture, s *respSpec) { s.NotBefore = f.now.Add(skew + time.Minute) },
			want:  "is not valid before",
		},
		{
			name:   "replayed",
			replay: true,
			want:   "was replayed",
		},
		{
			name: "wrong InResponseTo",
			spoil: func(f *fixture, s *respSpec) {
				s.InResponseTo, s.SCInResponseTo = "id-someone-elses-request", "id-someone-elses-request"
			},
			want: "matches no login started in this browser",
		},
		{
			name:  "assertion answers another request",
			spoil: func(f *fixture, s *respSpec) { s.SCInResponseTo = "id-someone-elses-request" },
			want:  "InResponseTo does not match request",
		},
		{
			name:  "unsolicited: no InResponseTo",
			spoil: func(f *fixture, s *respSpec) { s.InResponseTo, s.SCInResponseTo = "", "" },
			want:  "unsolicited response",
		},
		{
			name:    "unsolicited: no tracking cookie",
			cookies: func(*fixture, []*http.Cookie) []*http.Cookie { return nil },
			want:    "no request-tracking cookie",
		},
		{
			name: "forged tracking cookie",
			cookies: func(_ *fixture, cs []*http.Cookie) []*http.Cookie {
				forged := *cs[0]
				forged.Value = "e30." + forged.Value[strings.Index(forged.Value, ".")+1:] // "{}" with the old MAC
				return []*http.Cookie{&forged}
			},
			want: "bad MAC",
		},
		{
			name: "expired tracking cookie",
			spoil: func(f *fixture, s *respSpec) {
				f.now = f.now.Add(trackingTTL) // the IdP took too long
				s.NotBefore, s.NotOnOrAfter, s.SCNotOnOrAfter = f.now, f.now.Add(time.Minute), f.now.Add(time.Minute)
			},
			want: "request-tracking cookie has expired",
		},
		{
			name:  "wrong destination",
			spoil: func(f *fixture, s *respSpec) { s.Destination = "https://evil.example/saml/acs" },
			want:  "response Destination",
		},
		{
			name:  "wrong recipient",
			spoil: func(f *fixture, s *respSpec) { s.Recipient = "https://evil.example/saml/acs" },
			want:  "SubjectConfirmationData Recipient",
		},
		{
			name:  "wrong issuer of the assertion",
			spoil: func(f *fixture, s *respSpec) { s.Issuer = "https://evil.example/idp" },
			want:  "Issuer is not the IdP's entity ID",
		},
		{
			name:  "wrong issuer of the response",
			spoil: func(f *fixture, s *respSpec) { s.RespIssuer = "https://evil.example/idp" },
			want:  "response Issuer is not the IdP's entity ID",
		},
		{
			name:  "LoA Low (OIOSAML 3)",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrLoA, "Low") },
			want:  "LoA is below Substantial",
		},
		{
			name:  "LoA missing (OIOSAML 3)",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrLoA) },
			want:  "lacks attribute " + oiosaml.AttrLoA,
		},
		{
			name:  "AuthnContextClassRef LoA Low (OIOSAML 3)",
			spoil: func(f *fixture, s *respSpec) { s.ClassRef = oiosaml.LoALow },
			want:  "AuthnContextClassRef is not LoA Substantial or High",
		},
		{
			name: "AuthnContextClassRef LoA Low, loa attribute High",
			spoil: func(f *fixture, s *respSpec) {
				s.setAttr(oiosaml.AttrLoA, "High")
				s.ClassRef = oiosaml.LoALow
			},
			want: "AuthnContextClassRef is not LoA Substantial or High",
		},
		{
			name:  "no AuthnContextClassRef (OIOSAML 3)",
			spoil: func(f *fixture, s *respSpec) { s.ClassRef = "" },
			want:  "AuthnContextClassRef is not LoA Substantial or High",
		},
		{
			name:  "AuthnContextClassRef of the legacy profile (OIOSAML 3)",
			spoil: func(f *fixture, s *respSpec) { s.ClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509" },
			want:  "AuthnContextClassRef is not LoA Substantial or High",
		},
		{
			name:   "AuthnContextClassRef LoA Low (OIOSAML 2)",
			legacy: true,
			spoil:  func(f *fixture, s *respSpec) { s.ClassRef = oiosaml.LoALow },
			want:   "AuthnContextClassRef is below LoA Substantial",
		},
		{
			name: "a second AuthnStatement at LoA Low",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateAssertion = func(el *etree.Element) {
					st := el.SelectElement("AuthnStatement")
					low := st.Copy()
					low.FindElement("./AuthnContext/AuthnContextClassRef").SetText(oiosaml.LoALow)
					el.InsertChildAt(st.Index()+1, low)
				}
			},
			want: "has 2 AuthnStatement elements, want 1",
		},
		{
			// encoding/xml would keep the last, Substantial.
			name: "a second AuthnContextClassRef at LoA Low",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateAssertion = func(el *etree.Element) {
					ctx := el.FindElement("./AuthnStatement/AuthnContext")
					low := ctx.SelectElement("AuthnContextClassRef").Copy()
					low.SetText(oiosaml.LoALow)
					ctx.InsertChildAt(0, low)
				}
			},
			want: "AuthnContext has 2 AuthnContextClassRef elements",
		},
		{
			name:  "two loa values",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrLoA, "Substantial", "Low") },
			want:  "attribute " + oiosaml.AttrLoA + " has 2 values",
		},
		{
			name:  "two loa attributes",
			spoil: func(f *fixture, s *respSpec) { s.Attrs = append(s.Attrs, attr(oiosaml.AttrLoA, "Low")) },
			want:  "attribute " + oiosaml.AttrLoA + " appears twice",
		},
		{
			name:  "an OIOSAML 2 AssuranceLevel beside the loa attribute",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrAssuranceLevel, "2") },
			want:  "carries both " + oiosaml.AttrLoA + " and " + oiosaml.AttrAssuranceLevel,
		},
		{
			name:   "AssuranceLevel 2 (OIOSAML 2)",
			legacy: true,
			spoil:  func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrAssuranceLevel, "2") },
			want:   "AssuranceLevel is below 3",
		},
		{
			name:  "CVR of 7 digits",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR, "1122334") },
			want:  "CVR is not 8 digits",
		},
		{
			name:  "CVR with letters",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR, "1122334A") },
			want:  "CVR is not 8 digits",
		},
		{
			name:   "CVR of 9 digits (OIOSAML 2)",
			legacy: true,
			spoil:  func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR2, "112233445") },
			want:   "CVR is not 8 digits",
		},
		{
			name:  "two CVR values",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR, "11223344", "55667788") },
			want:  "has 2 values",
		},
		{
			name:  "two CVR attributes",
			spoil: func(f *fixture, s *respSpec) { s.Attrs = append(s.Attrs, attr(oiosaml.AttrCVR, "99999999")) },
			want:  "attribute " + oiosaml.AttrCVR + " appears twice",
		},
		{
			name:  "a second CVR attribute in a second AttributeStatement",
			spoil: func(f *fixture, s *respSpec) { s.MoreAttrs = []saml.Attribute{attr(oiosaml.AttrCVR, "77889900")} },
			want:  "attribute " + oiosaml.AttrCVR + " appears twice",
		},
		{
			name:  "an OIOSAML 2 CVR attribute beside the OIOSAML 3 one",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR2, "77889900") },
			want:  "carries both " + oiosaml.AttrCVR + " and " + oiosaml.AttrCVR2,
		},
		{
			name:   "an OIOSAML 3 CVR attribute beside the OIOSAML 2 one",
			legacy: true,
			spoil:  func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrCVR, "77889900") },
			want:   "carries both " + oiosaml.AttrCVR + " and " + oiosaml.AttrCVR2,
		},
		{
			name: "an OIOSAML 2 RID attribute beside the OIOSAML 3 one",
			spoil: func(f *fixture, s *respSpec) {
				s.setAttr(oiosaml.AttrRID, "80123456")
				s.setAttr(oiosaml.AttrRID2, "40112233")
			},
			want: "carries both " + oiosaml.AttrRID + " and " + oiosaml.AttrRID2,
		},
		{
			name:  "both profiles' specVersion",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrSpecVer2, oiosaml.Profile2) },
			want:  "carries both " + oiosaml.AttrSpecVer3 + " and " + oiosaml.AttrSpecVer2,
		},
		{
			name:  "wrong specVersion",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrSpecVer3, "OIO-SAML-2.0") },
			want:  "specVersion is not OIO-SAML-3.0",
		},
		{
			name:   "wrong SpecVer (OIOSAML 2)",
			legacy: true,
			spoil:  func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrSpecVer2, "DK-SAML-1.0") },
			want:   "SpecVer is not DK-SAML-2.0",
		},
		{
			name:  "no specVersion",
			spoil: func(f *fixture, s *respSpec) { s.setAttr(oiosaml.AttrSpecVer3) },
			want:  "has no specVersion attribute",
		},
		{
			name: "status not Success",
			spoil: func(f *fixture, s *respSpec) {
				s.Status, s.SubStatus = "urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"
			},
			want: "status is not Success",
		},
		{
			name: "two encrypted assertions",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateResponse = func(resp *etree.Element) {
					resp.AddChild(resp.SelectElement("EncryptedAssertion").Copy())
				}
			},
			want: "exactly one EncryptedAssertion, it has 2",
		},
		{
			name:  "DOCTYPE with an unused internal entity before the Response",
			spoil: func(f *fixture, s *respSpec) { s.Doctype = `DOCTYPE samlp:Response [<!ENTITY unused "x">]` },
			want:  "SAMLResponse: XML holds a <!DOCTYPE",
		},
		{
			name: "DOCTYPE inside the Response",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateResponse = func(resp *etree.Element) { resp.CreateDirective("DOCTYPE x") }
			},
			want: "SAMLResponse: XML holds a <!DOCTYPE",
		},
		{
			name:  "DOCTYPE with an unused internal entity before the decrypted assertion",
			spoil: func(f *fixture, s *respSpec) { s.AssertionDoctype = `DOCTYPE saml:Assertion [<!ENTITY unused "x">]` },
			want:  "cannot decrypt the assertion: XML holds a <!DOCTYPE",
		},
		{
			name: "DOCTYPE inside the decrypted assertion",
			spoil: func(f *fixture, s *respSpec) {
				s.MutateAssertion = func(el *etree.Element) { el.InsertChildAt(0, etree.NewDirective("DOCTYPE x")) }
			},
			want: "cannot decrypt the assertion: XML holds a <!DOCTYPE",
		},
		{
			name:  "key encrypted with RSA PKCS#1 v1.5",
			spoil: func(f *fixture, s *respSpec) { s.Cipher = "rsa-1_5" },
			want:  "key transport \"http://www.w3.org/2001/04/xmlenc#rsa-1_5\" is not accepted",
		},
		{
			// Not one of our checks: our clock (Config.Now) is ten minutes
			// behind the real one, which crewjam/saml reads, and the response
			// is good by ours. It shows that its second check runs.
			name: "good by our clock, old by the real one (crewjam/saml's check)",
			spoil: func(f *fixture, s *respSpec) {
				f.now = f.now.Add(-10 * time.Minute)
				s.IssueInstant, s.NotBefore = f.now, f.now.Add(-time.Minute)
				s.NotOnOrAfter, s.SCNotOnOrAfter = f.now.Add(5*time.Minute), f.now.Add(5*time.Minute)
			},
			want: "crewjam/saml refused the response",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			requestID, cookies := f.login(t, "/sagsbehandleradgang")
			s := f.goodOIOSAML3(requestID)
			if tt.legacy {
				s = f.goodOIOSAML2(requestID)
			}
			if tt.spoil != nil {
				tt.spoil(f, &s)
			}
			if tt.cookies != nil {
				cookies = tt.cookies(f, cookies)
			}
			samlResponse := f.build(t, s)
			if tt.replay {
				if _, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(samlResponse, cookies)); err != nil {
					t.Fatalf("first use refused: %v", err)
				}
			}
			rec := httptest.NewRecorder()
			id, returnTo, err := f.sp.FinishLogin(rec, post(samlResponse, cookies))
			if err == nil {
				t.Fatalf("FinishLogin accepted it: %+v, %q", id, returnTo)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %q\nwant it to contain %q", err, tt.want)
			}
			if !errors.Is(err, ErrRefused) || !errors.Is(err, jobnet.ErrForbidden) {
				t.Errorf("error %v is not ErrRefused and jobnet.ErrForbidden", err)
			}
			if id != (jobnet.Identity{}) || returnTo != "" {
				t.Errorf("refusal returned identity %+v, returnTo %q", id, returnTo)
			}
			for _, c := range rec.Result().Cookies() {
				if strings.HasPrefix(c.Name, TrackingCookiePrefix) && c.MaxAge < 0 && !tt.replay {
					t.Errorf("a refused response cleared the tracking cookie")
				}
			}
		})
	}
}

// The Response's and the assertion's IssueInstant must lie within the
// configured clock skew of our clock, on either side: neither a fixed 90 s
// (crewjam/saml's) nor no limit at all.
func TestFinishLogin_IssueInstantWindowIsTheClockSkew(t *testing.T) {
	tests := []struct {
		name      string
		skew      time.Duration // 0: the default, 2 minutes
		response  time.Duration // the Response's IssueInstant, from now
		assertion time.Duration // the assertion's IssueInstant, from now
		want      string        // "" for accepted
	}{
		{name: "issued 100 s ago, within the default 2 minutes", response: -100 * time.Second, assertion: -100 * time.Second},
		{name: "issued 100 s ahead, within the default 2 minutes", response: 100 * time.Second, assertion: 100 * time.Second},
		{
			name:     "response issued more than 2 minutes ago",
			response: -2*time.Minute - time.Second, assertion: -time.Minute,
			want: "response was issued at",
		},
		{
			name:     "assertion issued more than 2 minutes ago",
			response: -time.Minute, assertion: -2*time.Minute - time.Second,
			want: "was issued at",
		},
		{
			name:     "response issued more than 2 minutes ahead",
			response: 2*time.Minute + time.Second,
			want:     "response is issued at",
		},
		{
			name:      "assertion issued more than 2 minutes ahead",
			assertion: 2*time.Minute + time.Second,
			want:      "is issued at",
		},
		{name: "skew 30 s: issued 20 s ago", skew: 30 * time.Second, response: -20 * time.Second, assertion: -20 * time.Second},
		{
			name: "skew 30 s: issued 60 s ago", skew: 30 * time.Second,
			response: -60 * time.Second, assertion: -60 * time.Second,
			want: "more than the clock skew 30s ago",
		},
		{
			name: "skew 30 s: assertion issued 31 s ahead", skew: 30 * time.Second,
			assertion: 31 * time.Second,
			want:      "more than the clock skew 30s ahead",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			if tt.skew != 0 {
				f.sp.cfg.ClockSkew = tt.skew
			}
			requestID, cookies := f.login(t, "")
			s := f.goodOIOSAML3(requestID)
			s.IssueInstant = f.now.Add(tt.response)
			s.AssertionIssue = f.now.Add(tt.assertion)
			id, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies))
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("FinishLogin refused it: %v", err)
			case tt.want == "" && id.UUID != bertiUUID:
				t.Errorf("identity %+v, want berit", id)
			case tt.want != "" && err == nil:
				t.Fatalf("FinishLogin accepted it: %+v", id)
			case tt.want != "" && (!strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrRefused)):
				t.Errorf("error = %q\nwant a refusal that contains %q", err, tt.want)
			}
		})
	}
}

func TestNew_RefusesAClockSkewCrewjamWouldOverrule(t *testing.T) {
	f := newFixture(t)
	cfg := f.sp.cfg
	cfg.ClockSkew = 4 * time.Minute
	if _, err := New(t.Context(), cfg); err == nil || !strings.Contains(err.Error(), "ClockSkew") {
		t.Errorf("New with ClockSkew 4m: %v, want an error naming ClockSkew", err)
	}
}

func TestFinishLogin_StatusErrorKeepsTheIdPsCodes(t *testing.T) {
	f := newFixture(t)
	requestID, cookies := f.login(t, "")
	s := f.goodOIOSAML3(requestID)
	s.Status, s.SubStatus = "urn:oasis:names:tc:SAML:2.0:status:Responder", "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"
	_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies))
	var se *StatusError
	if !errors.As(err, &se) {
		t.Fatalf("error %v is not a StatusError", err)
	}
	want := &StatusError{Code: "urn:oasis:names:tc:SAML:2.0:status:Responder", SubCode: "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed"}
	if diff := cmp.Diff(want, se); diff != "" {
		t.Errorf("StatusError (-want +got):\n%s", diff)
	}
}

func TestFinishLogin_ErrorsNeverQuoteAttributeValues(t *testing.T) {
	f := newFixture(t)
	requestID, cookies := f.login(t, "")
	s := f.goodOIOSAML3(requestID)
	s.setAttr(oiosaml.AttrCVR, "9988776X")
	_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, s), cookies))
	if err == nil || strings.Contains(err.Error(), "9988776X") || strings.Contains(err.Error(), "Berit") {
		t.Errorf("error %v: want a refusal that quotes no attribute value", err)
	}
}

func TestFinishLogin_ReplayCacheFailureIsUnavailable(t *testing.T) {
	f := newFixture(t)
	f.sp.cfg.Replay = failingReplay{}
	requestID, cookies := f.login(t, "")
	_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), post(f.build(t, f.goodOIOSAML3(requestID)), cookies))
	if !errors.Is(err, jobnet.ErrUnavailable) || errors.Is(err, ErrRefused) {
		t.Errorf("error = %v, want jobnet.ErrUnavailable (fail closed, 503)", err)
	}
}

type failingReplay struct{}

func (failingReplay) Use(context.Context, string, time.Time) error {
	return errors.New("database is down")
}

func TestFinishLogin_RefusesGET(t *testing.T) {
	f := newFixture(t)
	_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, testACS, nil))
	if !errors.Is(err, ErrRefused) {
		t.Errorf("error = %v, want ErrRefused", err)
	}
}
