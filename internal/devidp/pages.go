package devidp

import (
	"bytes"
	"embed"
	"html/template"
	"net/http"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Pages, each the layout around one content template.
var (
	loginPage   = parsePage("login.html")
	postPage    = parsePage("post.html")
	messagePage = parsePage("message.html")
	homePage    = parsePage("home.html")
)

func parsePage(name string) *template.Template {
	return template.Must(template.ParseFS(templateFS, "templates/layout.html", "templates/users.html", "templates/"+name))
}

// loginView is the login form, shown again with Error after a wrong password.
type loginView struct {
	Title     string
	RequestID string
	SP        string
	Username  string
	Error     string
	Users     []user
}

// postView is the page that carries a SAML message to the SP in the
// HTTP-POST binding: the SAMLResponse to its ACS, or a LogoutRequest
// (SAMLRequest) to its Single Logout service.
type postView struct {
	Title      string
	URL        string
	Param      string // SAMLResponse or SAMLRequest
	Message    string // base64
	RelayState string
}

// messageView is a page with a heading and a message: logged out, refused.
type messageView struct {
	Title   string
	Message string
	Detail  string
}

// homeView is the IdP's front page.
type homeView struct {
	Title      string
	LoggedInAs string
	EntityID   string
	Users      []user
}

// securityHeaders go on every page: no inline script or style, no framing.
// form-action is left open because the SAMLResponse form posts to the SP.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
}

func (p *IdP) render(w http.ResponseWriter, status int, t *template.Template, data any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		p.log.Error("devidp: render page", "err", err)
		http.Error(w, "Der opstod en fejl i test-IdP'en", http.StatusInternalServerError)
		return
	}
	securityHeaders(w.Header())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}
