package main

import (
	"fmt"
	"github.com/star-dk/sagsbehandleradgang/internal/pages"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// browser is a caseworker's browser without JavaScript, enough to sign in
// through the development IdP and look a citizen up.
type browser struct {
	http *http.Client
	jar  http.CookieJar
}

func newBrowser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{http: &http.Client{Jar: jar, Timeout: 30 * time.Second}, jar: jar}
}

type page struct {
	status int
	url    *url.URL
	doc    *goquery.Document
	body   []byte
}

func (b *browser) do(req *http.Request) (page, error) {
	resp, err := b.http.Do(req)
	if err != nil {
		return page{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return page{}, err
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(body)))
	if err != nil {
		return page{}, err
	}
	return page{status: resp.StatusCode, url: resp.Request.URL, doc: doc, body: body}, nil
}

func (b *browser) get(u string) (page, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return page{}, err
	}
	return b.do(req)
}

func (b *browser) post(u string, form url.Values) (page, error) {
	req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	if err != nil {
		return page{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// submit posts the form selector finds on p, with its inputs and fields.
func (b *browser) submit(p page, selector string, fields url.Values) (page, error) {
	form := p.doc.Find(selector)
	if form.Length() == 0 {
		return page{}, fmt.Errorf("no form %s on %s (status %d)", selector, p.url.Path, p.status)
	}
	values := url.Values{}
	form.Find("input").Each(func(_ int, in *goquery.Selection) {
		if name, _ := in.Attr("name"); name != "" {
			value, _ := in.Attr("value")
			values.Set(name, value)
		}
	})
	for k, v := range fields {
		values[k] = v
	}
	action, _ := form.Attr("action")
	target, err := p.url.Parse(action)
	if err != nil {
		return page{}, err
	}
	return b.post(target.String(), values)
}

// signIn signs in as a demo caseworker through the development IdP, looks
// up the citizen with CPR number digits, and returns the session cookie
// ("name=value") that the load generator sends.
func signIn(baseURL, username, digits string) (string, error) {
	b := newBrowser()
	p, err := b.get(baseURL + "/sagsbehandleradgang")
	if err != nil {
		return "", err
	}
	if p, err = b.submit(p, `form[data-testid="login-form"]`, url.Values{"username": {username}, "password": {demo.Password}}); err != nil {
		return "", err
	}
	if p, err = b.submit(p, `form[data-testid="saml-post-form"]`, nil); err != nil {
		return "", err
	}
	lookUp := func() (page, error) { return b.post(baseURL+"/sagsbehandleradgang", url.Values{"cpr": {digits}}) }
	if p.url.Path == "/sagsbehandleradgang/organisation" {
		// A caseworker of several organisations acts for the first one
		// that may see the citizen.
		var orgs []string
		p.doc.Find(`input[name="org"]`).Each(func(_ int, in *goquery.Selection) {
			if v, ok := in.Attr("value"); ok {
				orgs = append(orgs, v)
			}
		})
		for _, org := range orgs {
			if _, err := b.post(baseURL+"/sagsbehandleradgang/organisation", url.Values{"org": {org}}); err != nil {
				return "", err
			}
			if p, err = lookUp(); err != nil || p.url.Path == pages.Forside.Path {
				break
			}
		}
	} else {
		p, err = lookUp()
	}
	if err != nil {
		return "", err
	}
	if p.status != http.StatusOK || p.url.Path != pages.Forside.Path {
		return "", fmt.Errorf("sign in as %s: the look-up ended at %s with %d", username, p.url.Path, p.status)
	}
	base, _ := url.Parse(baseURL)
	for _, c := range b.jar.Cookies(base) {
		if c.Name == "sba_session" {
			return c.Name + "=" + c.Value, nil
		}
	}
	return "", fmt.Errorf("sign in as %s: no session cookie", username)
}
