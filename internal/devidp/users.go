package devidp

import (
	"crypto/sha256"
	"fmt"

	"github.com/star-dk/sagsbehandleradgang/internal/demo"
)

// user is one login of the IdP: a demo caseworker, asserted with a
// professional identity, or a demo citizen, asserted with an OIOSAML 3
// person identity (MitID) as when citizens sign in to Jobnet themselves.
type user struct {
	Username    string
	Name        string
	Description string
	caseworker  *demo.Caseworker
	citizen     *demo.Citizen
}

// citizenDescription introduces a demo citizen in the users table.
const citizenDescription = "Borger (MitID, personlig): "

// demoUsers are the users the IdP lets log in: every demo caseworker, also
// those the product will turn away (inactive, unknown to the user copy),
// then every demo citizen under their key. The IdP asserts identity only.
func demoUsers() []user {
	out := make([]user, 0, len(demo.Caseworkers)+len(demo.Citizens))
	for i := range demo.Caseworkers {
		cw := &demo.Caseworkers[i]
		out = append(out, user{Username: cw.Username, Name: cw.Name, Description: cw.Description, caseworker: cw})
	}
	for i := range demo.Citizens {
		c := &demo.Citizens[i]
		out = append(out, user{Username: c.Key, Name: c.Name, Description: citizenDescription + c.Case, citizen: c})
	}
	return out
}

// directory is whom the IdP lets log in: the demo users, listed on its
// pages, and the bench caseworkers when it was started with them, who sign
// in by name only (a list of hundreds would hide the demo users).
type directory struct {
	listed []user
	byName map[string]user
}

func newDirectory(benchCaseworkers int) *directory {
	d := &directory{listed: demoUsers(), byName: map[string]user{}}
	bench := demo.BenchCaseworkers(benchCaseworkers)
	for _, u := range d.listed {
		d.byName[u.Username] = u
	}
	for i := range bench {
		cw := &bench[i]
		d.byName[cw.Username] = user{Username: cw.Username, Name: cw.Name, Description: cw.Description, caseworker: cw}
	}
	return d
}

// user finds a user by login name.
func (d *directory) user(username string) (user, bool) {
	u, ok := d.byName[username]
	return u, ok
}

// personUUID is a demo citizen's made-up persistent person UUID, derived
// from their key so that it stays the same between runs. The NameID is
// never the CPR number: the SP stores NameIDs for Single Logout.
func personUUID(c demo.Citizen) string {
	h := sha256.Sum256([]byte("devidp person " + c.Key))
	h[6] = h[6]&0x0f | 0x40 // version 4 in shape; the value is test data
	h[8] = h[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}
