package samlsp

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// hostileBody is the ACS form of a SAMLResponse made of n empty elements:
// XML that costs a parser dearly and proves nothing. With n = 150,000 it is
// just under 1 MiB, the ACS's old limit, so it used to be parsed in full.
func hostileBody(n int) []byte {
	xmlDoc := "<r>" + strings.Repeat("<a/>", n) + "</r>"
	return []byte(url.Values{"SAMLResponse": {base64.StdEncoding.EncodeToString([]byte(xmlDoc))}}.Encode())
}

// hostilePost is a POST of body to the ACS, with the given cookies; with
// chunked the length is not announced, as a streaming client would send it.
func hostilePost(body []byte, cookies []*http.Cookie, chunked bool) *http.Request {
	var rd io.Reader = bytes.NewReader(body)
	if chunked {
		rd = io.MultiReader(rd) // hides the length from httptest.NewRequest
	}
	r := httptest.NewRequest(http.MethodPost, testACS, rd)
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for _, c := range cookies {
		r.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	return r
}

// A request that cannot be an answer to a login of this browser is refused
// before any XML is read, so that a client without cookies cannot make the
// server parse a megabyte of elements (issue 8, point 4: 1.2 s of CPU each
// before; eight of them starved the pages).
func TestFinishLogin_HostileBodyIsRefusedCheaply(t *testing.T) {
	f := newFixture(t)
	body := hostileBody(150_000)
	if len(body) < 800<<10 || len(body) >= maxResponseBytes {
		t.Fatalf("hostile body is %d bytes; want about 1 MB, under the old limit of %d", len(body), maxResponseBytes)
	}
	_, validCookies := f.login(t, "")
	small := hostileBody(40_000) // under 256 KiB: only the element count refuses it
	if len(small) >= 256<<10 {
		t.Fatalf("small hostile body is %d bytes, want under 256 KiB", len(small))
	}
	tests := []struct {
		name    string
		body    []byte
		cookies []*http.Cookie
		chunked bool
		want    string
	}{
		{name: "no cookies", body: body, want: "no request-tracking cookie"},
		{name: "no cookies, length not announced", body: body, chunked: true, want: "no request-tracking cookie"},
		{name: "forged cookie", body: body, cookies: []*http.Cookie{{Name: TrackingCookiePrefix + "id-x", Value: "e30.AAAA"}}, want: "bad MAC"},
		{name: "valid cookie, 1 MB", body: body, cookies: validCookies, want: "larger than"},
		{name: "valid cookie, 1 MB, length not announced", body: body, cookies: validCookies, chunked: true, want: "cannot read the ACS form"},
		{name: "valid cookie, 240 kB of elements", body: small, cookies: validCookies, want: "elements"},
		{name: "valid cookie, not base64", body: []byte("SAMLResponse=%3Cr%2F%3E"), cookies: validCookies, want: "no base64 SAMLResponse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The median of five: generous against a busy machine, and
			// still far below the 1.2 s the parse took.
			var took []time.Duration
			for range 5 {
				r := hostilePost(tt.body, tt.cookies, tt.chunked)
				start := time.Now()
				_, _, err := f.sp.FinishLogin(httptest.NewRecorder(), r)
				took = append(took, time.Since(start))
				if err == nil || !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("error = %v, want a refusal containing %q", err, tt.want)
					break
				}
			}
			slices.Sort(took)
			if median := took[len(took)/2]; median > 50*time.Millisecond {
				t.Errorf("refusing it took %v (median of 5), want well under 20 ms", median)
			}
		})
	}
}

// BenchmarkFinishLogin_HostileBody is the server's cost of refusing the
// 1 MB body of 150,000 empty elements: under 20 ms of CPU is the bound
// (issue 8); before the cheap checks it was about 1.2 s.
func BenchmarkFinishLogin_HostileBody(b *testing.B) {
	f := newFixture(b)
	body := hostileBody(150_000)
	rec := httptest.NewRecorder()
	_, cookies := f.login(b, "")
	for _, bc := range []struct {
		name    string
		cookies []*http.Cookie
	}{
		{"NoCookies", nil},
		{"ValidCookie", cookies},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := f.sp.FinishLogin(rec, hostilePost(body, bc.cookies, false)); err == nil {
					b.Fatal("accepted")
				}
			}
		})
	}
}
