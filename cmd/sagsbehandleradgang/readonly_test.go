package main

import (
	"context"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/star-dk/sagsbehandleradgang/internal/demo"
	"github.com/star-dk/sagsbehandleradgang/internal/server"
)

// tableChecksums returns, for every table, its row count and a checksum of
// its rows. Sessions are left out: they are the one thing a caseworker's
// browsing writes besides the access log (SPEC §5.4).
func (s *stack) tableChecksums(t *testing.T) map[string]string {
	t.Helper()
	ctx := context.Background()
	rows, err := s.Owner.Query(ctx, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'sessions' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	for _, table := range tables {
		var sum string
		if err := s.Owner.QueryRow(ctx, `SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')
			FROM `+table+` t`).Scan(&sum); err != nil {
			t.Fatal(err)
		}
		sums[table] = sum
	}
	return sums
}

// crawl visits every page under /borger reachable from start and submits
// every form it finds, as a caseworker clicking everything would. It returns
// the status of every request, keyed by method and path with query.
func (c *client) crawl(start string, limit int) map[string]int {
	c.t.Helper()
	seen := map[string]int{}
	queue := []string{start}
	for len(queue) > 0 && len(seen) < limit {
		target := queue[0]
		queue = queue[1:]
		if _, ok := seen["GET "+target]; ok {
			continue
		}
		p := c.get(target)
		seen["GET "+target] = p.Status
		if p.Doc == nil {
			continue
		}
		base, _ := url.Parse(p.URL)
		p.Doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if u, ok := internalCitizenURL(base, attr(a, "href")); ok {
				queue = append(queue, u)
			}
		})
		p.Doc.Find("form").Each(func(i int, form *goquery.Selection) {
			method := strings.ToUpper(attr(form, "method"))
			action, ok := internalCitizenURL(base, attr(form, "action"))
			if attr(form, "action") == "" {
				action, ok = base.RequestURI(), strings.HasPrefix(base.Path, "/borger")
			}
			if !ok {
				return
			}
			values := formValues(form)
			if method == http.MethodPost {
				key := "POST " + action
				if _, done := seen[key]; done {
					return
				}
				seen[key] = c.post(action, values).Status
				return
			}
			// A GET form (a search or filter) with its default values.
			u, _ := url.Parse(action)
			u.RawQuery = values.Encode()
			queue = append(queue, u.RequestURI())
		})
	}
	return seen
}

// internalCitizenURL resolves href against base and keeps it if it is a page
// of the citizen's Jobnet on this server.
func internalCitizenURL(base *url.URL, href string) (string, bool) {
	if href == "" || strings.HasPrefix(href, "#") {
		return "", false
	}
	u, err := base.Parse(href)
	if err != nil || u.Host != base.Host || !strings.HasPrefix(u.Path, "/borger") {
		return "", false
	}
	u.Fragment = ""
	return u.RequestURI(), true
}

func formValues(form *goquery.Selection) url.Values {
	values := url.Values{}
	form.Find("input, select, textarea").Each(func(_ int, in *goquery.Selection) {
		name := attr(in, "name")
		if name == "" {
			return
		}
		switch typ := strings.ToLower(attr(in, "type")); {
		case goquery.NodeName(in) == "select":
			if v := attr(in.Find("option[selected]").First(), "value"); v != "" {
				values.Add(name, v)
			}
		case typ == "checkbox" || typ == "radio":
			if _, checked := in.Attr("checked"); checked {
				values.Add(name, attr(in, "value"))
			}
		case typ == "submit" || typ == "button":
		default:
			values.Add(name, attr(in, "value"))
		}
	})
	return values
}

// Reading the citizen's Jobnet never writes (SPEC §5.4): a caseworker who
// opens every page and submits every form leaves every table as it was,
// and every submitted change is refused.
func TestEveryPageAndForm_LeavesTheCitizensDataUnchanged(t *testing.T) {
	for _, tc := range []struct{ username, citizen string }{
		{"berit", "anna"},
		{"berit", "camilla"},
		{"nina", "lars"},
	} {
		t.Run(tc.username+"/"+tc.citizen, func(t *testing.T) {
			s := startStack(t)
			c := s.newClient(t)
			c.login(tc.username)
			if p := c.lookUp(demo.CitizenByKey(tc.citizen).CPR); p.Status != http.StatusOK {
				t.Fatalf("look-up: %d", p.Status)
			}
			before := s.tableChecksums(t)
			statuses := c.crawl("/borger/forside", 400)
			after := s.tableChecksums(t)

			for table, sum := range before {
				if after[table] != sum {
					t.Errorf("table %s changed while reading: %s → %s", table, sum, after[table])
				}
			}
			var requests []string
			posts := 0
			for req, status := range statuses {
				requests = append(requests, req)
				if status >= 500 {
					t.Errorf("%s answered %d", req, status)
				}
				if strings.HasPrefix(req, "POST ") {
					posts++
					if status != http.StatusForbidden {
						t.Errorf("%s answered %d, want 403 %q", req, status, server.TextActionRefused)
					}
				}
			}
			sort.Strings(requests)
			t.Logf("%d requests, %d form submissions: %v", len(requests), posts, requests)
			if len(requests) < 5 {
				t.Errorf("the crawl reached only %d pages", len(requests))
			}
		})
	}
}
