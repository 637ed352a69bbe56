package devidp

import (
	"crypto/subtle"
	"net/http"
	"strings"
	"time"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// serveLogin checks the login form. A wrong username or password shows the
// form again with a Danish error and the username kept; a right one starts
// an IdP session and answers the pending AuthnRequest.
func (p *IdP) serveLogin(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return refuse(http.StatusBadRequest, "Ugyldig formular", "Test-IdP'en kunne ikke læse formularen.", err)
	}
	now := time.Now()
	requestID := r.PostForm.Get("request")
	req, ok := p.store.peekPending(requestID, now)
	if !ok {
		return loginExpired()
	}
	username := r.PostForm.Get("username")
	password := r.PostForm.Get("password")
	u, known := p.users.user(strings.ToLower(strings.TrimSpace(username)))
	if !known || subtle.ConstantTimeCompare([]byte(password), []byte(demo.Password)) != 1 {
		p.log.Info("devidp: wrong username or password", "username", username)
		p.render(w, http.StatusOK, loginPage, p.loginView(requestID, req, username, "Forkert brugernavn eller adgangskode."))
		return nil
	}
	if req, ok = p.store.takePending(requestID, now); !ok {
		return loginExpired() // answered already, e.g. by a double click
	}
	format, nameID := subjectNameID(u)
	s := p.store.newSession(u.Username, format, nameID, now)
	http.SetCookie(w, &http.Cookie{
		Name: sessionCookie, Value: s.ID, Path: "/", Expires: s.Expires,
		HttpOnly: true, Secure: p.secure, SameSite: http.SameSiteLaxMode,
	})
	return p.respond(w, r, req, s)
}

func loginExpired() error {
	return refuse(http.StatusBadRequest, "Login-forespørgslen er udløbet",
		"Gå tilbage til tjenesten, og start login forfra.", nil)
}

// serveHome is the IdP's front page: who is logged in, and the demo users.
func (p *IdP) serveHome(w http.ResponseWriter, r *http.Request) error {
	v := homeView{Title: "Test-IdP", EntityID: p.entityID, Users: p.users.listed}
	if s, ok := p.currentSession(r, time.Now()); ok {
		if u, ok := p.users.user(s.Username); ok {
			v.LoggedInAs = u.Name + " (" + u.Username + ")"
		}
	}
	p.render(w, http.StatusOK, homePage, v)
	return nil
}
