package samlsp

import (
	"bytes"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
)

// maxACSBodyBytes bounds the ACS form. A real response, its assertion
// encrypted and signed, is a few kilobytes; 256 KiB leaves room for long
// certificate chains and is too little to make parsing costly.
const maxACSBodyBytes = 256 << 10

// maxResponseElements bounds the elements of a SAMLResponse, counted as
// '<' before any parser sees it. A response with an encrypted, signed
// assertion has fewer than a hundred; 40,000 empty elements in 240 kB
// would cost a parser some 60 ms.
const maxResponseElements = 2000

// maxTrackingCookies bounds the request-tracking cookies the ACS looks at:
// one per login started in the last ten minutes, so a handful.
const maxTrackingCookies = 20

// precheckACS makes the ACS's cheap checks, before any XML is read: the
// browser holds a valid request-tracking cookie (a login was started here
// and not long ago), the form is small, and it holds base64 with a
// plausible number of elements. A client without our cookie is refused
// before its body is read at all, so a flood of large bodies costs the
// server next to nothing (issue 8). FinishLogin still checks that the
// response answers the very login its cookie names.
func (sp *SP) precheckACS(w http.ResponseWriter, r *http.Request) error {
	if err := sp.holdsTracking(r); err != nil {
		return refuseWith(err, "the browser started no login here")
	}
	if r.ContentLength > maxACSBodyBytes {
		return refuse("the ACS form is %d bytes, larger than %d", r.ContentLength, maxACSBodyBytes)
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxACSBodyBytes)
	if err := r.ParseForm(); err != nil {
		return refuseWith(err, "cannot read the ACS form")
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(r.PostForm.Get("SAMLResponse")))
	if err != nil || len(raw) == 0 {
		return refuse("the form holds no base64 SAMLResponse")
	}
	if n := bytes.Count(raw, []byte("<")); n > maxResponseElements {
		return refuse("SAMLResponse has %d or more elements, more than %d", n, maxResponseElements)
	}
	return nil
}

// holdsTracking succeeds if the request carries at least one good
// request-tracking cookie: made by us (its MAC) and not expired. It reads
// headers only.
func (sp *SP) holdsTracking(r *http.Request) error {
	var firstErr error
	seen := 0
	for _, c := range r.Cookies() {
		id, ok := strings.CutPrefix(c.Name, TrackingCookiePrefix)
		if !ok {
			continue
		}
		if seen++; seen > maxTrackingCookies {
			break
		}
		_, err := sp.checkTracking(c, id)
		if err == nil {
			return nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		return errors.New("no request-tracking cookie in this browser")
	}
	return firstErr
}
