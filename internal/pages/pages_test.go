package pages

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestTrailRunsFromBelowTheForsideDownToThePage(t *testing.T) {
	titles := func(ps []*Page) (out []string) {
		for _, p := range ps {
			out = append(out, p.Title)
		}
		return out
	}
	for _, tc := range []struct {
		page *Page
		want []string
	}{
		{Forside, nil},
		{Planer, []string{"Planer og aftaler"}},
		{Kalender, []string{"Planer og aftaler", "Kalender"}},
		{Jobannonce, []string{"Jobsøgning", "Find Job", "Jobannonce"}},
		{GemteJob, []string{"Jobsøgning", "Joblog", "Gemte job"}},
	} {
		if got := titles(tc.page.Trail()); !slices.Equal(got, tc.want) {
			t.Errorf("%s: trail %q, want %q", tc.page.Title, got, tc.want)
		}
	}
}

func TestPathsBelowAPage(t *testing.T) {
	if got := Moeder.Below("book"); got != "/borger/planer/moeder/book" {
		t.Errorf("Moeder.Below(book) = %s", got)
	}
	if got := Joblog.Below("12", "slet"); got != "/borger/jobsoegning/joblog/12/slet" {
		t.Errorf("Joblog.Below(12, slet) = %s", got)
	}
	if got := Beskeder.Item(7); got != "/borger/planer/beskeder/7" {
		t.Errorf("Beskeder.Item(7) = %s", got)
	}
	if got := FindJob.Route(); got != "/jobsoegning/find-job" {
		t.Errorf("FindJob.Route() = %s", got)
	}
}

func TestEveryPageHasItsOwnPathAndTitle(t *testing.T) {
	paths, titles := map[string]bool{}, map[string]bool{}
	for _, p := range All {
		if paths[p.Path] || titles[p.Title] {
			t.Errorf("page %q (%s) is in the table twice", p.Title, p.Path)
		}
		paths[p.Path], titles[p.Title] = true, true
		if !strings.HasPrefix(p.Path, Root+"/") {
			t.Errorf("page %q: %s is not below %s", p.Title, p.Path, Root)
		}
	}
}

// TestNoPathOfTheCitizensJobnetIsWrittenOutsideTheTable reads the
// application's source: a "/borger…" string in a Go file (tests apart) or a
// templ file outside this package is a page's address written twice.
func TestNoPathOfTheCitizensJobnetIsWrittenOutsideTheTable(t *testing.T) {
	root := filepath.Join("..", "..")
	templPath := regexp.MustCompile(`"` + regexp.QuoteMeta(Root) + `[/"?#]`)
	var found []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == "node_modules" || name == "testdata" || strings.HasPrefix(name, ".") && path != root {
				return filepath.SkipDir
			}
			if filepath.Base(path) == "pages" && filepath.Base(filepath.Dir(path)) == "internal" {
				return filepath.SkipDir
			}
			return nil
		}
		switch {
		case strings.HasSuffix(path, ".templ"):
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range templPath.FindAllString(string(src), -1) {
				found = append(found, path+": "+m)
			}
		case strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") && !strings.HasSuffix(path, "_templ.go"):
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasPrefix(strings.Trim(lit.Value, "\"`"), Root) {
					found = append(found, path+": "+lit.Value)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("a path of the citizen's Jobnet outside internal/pages: %s", f)
	}
}
