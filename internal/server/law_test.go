package server

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// accessImport is the package that holds the law of the product.
const accessImport = "github.com/star-dk/sagsbehandleradgang/internal/access"

// No page of the citizen's Jobnet applies a rule of the law itself (SPEC
// §5.5, STYLE "A page handler calls no access rule at all"): the store
// returns the data already redacted, and the look-up, read-only and blocked
// page rules are middleware. The test reads the source: it finds every
// handler routed under /borger, follows every function of this package that
// the handler may call, and fails on any use of internal/access there.
func TestNoPageHandlerAppliesAnAccessRule(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	funcs := map[string][]*ast.FuncDecl{} // name → declarations (methods of any receiver)
	accessName := map[*ast.FuncDecl]string{}
	var routes *ast.FuncDecl
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		local := ""
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); path == accessImport {
				local = "access"
				if imp.Name != nil {
					local = imp.Name.Name
				}
			}
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			funcs[fd.Name.Name] = append(funcs[fd.Name.Name], fd)
			accessName[fd] = local
			if fd.Name.Name == "routes" && fd.Recv != nil {
				routes = fd
			}
		}
	}
	if routes == nil {
		t.Fatal("no (*Server).routes in the package")
	}

	handlers := citizenPageHandlers(routes)
	if len(handlers) < 20 {
		t.Fatalf("found only %d page handlers under /borger: %v", len(handlers), handlers)
	}

	// Follow every name a handler mentions that is a function or method of
	// this package; any use of the access package on the way is a finding.
	var findings []string
	seen := map[*ast.FuncDecl]bool{}
	var visit func(fd *ast.FuncDecl, via string)
	visit = func(fd *ast.FuncDecl, via string) {
		if seen[fd] {
			return
		}
		seen[fd] = true
		local := accessName[fd]
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				if id, ok := x.X.(*ast.Ident); ok && local != "" && id.Name == local {
					findings = append(findings, fset.Position(x.Pos()).String()+": "+via+" uses "+local+"."+x.Sel.Name)
					return false
				}
				for _, next := range funcs[x.Sel.Name] {
					visit(next, via+" → "+x.Sel.Name)
				}
			case *ast.Ident:
				for _, next := range funcs[x.Name] {
					if next.Recv == nil {
						visit(next, via+" → "+x.Name)
					}
				}
			}
			return true
		})
	}
	for _, h := range handlers {
		for _, fd := range funcs[h] {
			visit(fd, h)
		}
	}
	sort.Strings(findings)
	for _, f := range findings {
		t.Error(f)
	}
}

// citizenPageHandlers names the handlers routed inside r.Route(pages.Root, …):
// the X of every s.handle(s.X) or s.X given to a route there.
func citizenPageHandlers(routes *ast.FuncDecl) []string {
	var out []string
	ast.Inspect(routes.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || len(call.Args) != 2 {
			return true
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Route" {
			return true
		}
		if root, ok := call.Args[0].(*ast.SelectorExpr); !ok || root.Sel.Name != "Root" || !isIdent(root.X, "pages") {
			return true
		}
		ast.Inspect(call.Args[1], func(n ast.Node) bool {
			route, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			rs, ok := route.Fun.(*ast.SelectorExpr)
			if !ok || (rs.Sel.Name != "Get" && rs.Sel.Name != "Post" && rs.Sel.Name != "Head") || len(route.Args) != 2 {
				return true
			}
			h := route.Args[1]
			if wrap, ok := h.(*ast.CallExpr); ok && len(wrap.Args) == 1 {
				h = wrap.Args[0] // s.handle(s.X)
			}
			if hs, ok := h.(*ast.SelectorExpr); ok {
				out = append(out, hs.Sel.Name)
			}
			return true
		})
		return false
	})
	return out
}

// isIdent reports whether e is the identifier name.
func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
