package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/star-dk/sagsbehandleradgang/internal/jobnet"
)

// Load writes the demo data set into an empty, migrated database, as its
// owner, with dates relative to today. It is deterministic: the same day
// gives the same rows.
func Load(ctx context.Context, pool *pgxpool.Pool, today time.Time) error {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx)
	orgIDs := map[jobnet.Organisation]int64{}
	for _, o := range Organisations {
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO organisations (kind, number, name, cvr) VALUES ($1, $2, $3, $4) RETURNING id`,
			string(o.Kind), o.Number, o.Name, o.CVR).Scan(&id); err != nil {
			return fmt.Errorf("demo: organisation %s: %w", o.Name, err)
		}
		orgIDs[o] = id
		if c, ok := Contacts[o]; ok {
			if _, err := tx.Exec(ctx, `INSERT INTO organisation_contacts (organisation_id, phone, email, address, opening_hours, website) VALUES ($1, $2, $3, $4, $5, $6)`,
				id, c.Phone, c.Email, c.Address, c.OpeningHours, c.Website); err != nil {
				return fmt.Errorf("demo: contact of %s: %w", o.Name, err)
			}
		}
	}
	for _, c := range Caseworkers {
		if !c.InUserCopy {
			continue
		}
		if err := insertCaseworker(ctx, tx, c, orgIDs); err != nil {
			return err
		}
	}
	today = jobnet.Day(today)
	st := &loadState{today: today, orgIDs: orgIDs, citizenIDs: map[string]int64{}}
	for _, c := range Citizens {
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO citizens (cpr, name, kommune_number, jobcenter_id) VALUES ($1, $2, $3, $4) RETURNING id`,
			c.CPR, c.Name, c.Jobcenter.Number, orgIDs[c.Jobcenter]).Scan(&id); err != nil {
			return fmt.Errorf("demo: citizen %s: %w", c.Key, err)
		}
		st.citizenIDs[c.Key] = id
		b := &pgx.Batch{}
		for _, m := range c.Memberships {
			b.Queue(`INSERT INTO akasse_memberships (citizen_id, akasse_id, valid_from, valid_to) VALUES ($1, $2, $3, $4)`,
				id, orgIDs[m.Akasse], On(today, m.FromDays), day(today, m.ToDays))
		}
		for _, r := range c.Registrations {
			b.Queue(`INSERT INTO kontaktgruppe_registrations (citizen_id, kontaktgruppe, tilmeldekategori, registered, jobcenter_id, valid_from, valid_to)
				VALUES ($1, $2, nullif($3, 0), $4, $5, $6, $7)`,
				id, r.Kontaktgruppe, r.Tilmeldekategori, r.Registered, orgIDs[c.Jobcenter], On(today, r.FromDays), day(today, r.ToDays))
		}
		if err := tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("demo: facts of %s: %w", c.Key, err)
		}
	}
	for _, l := range areaLoaders {
		if err := l.load(ctx, tx, st); err != nil {
			return fmt.Errorf("demo: %s: %w", l.name, err)
		}
	}
	return tx.Commit(ctx)
}

// insertCaseworker writes c and its roles to the user copy.
func insertCaseworker(ctx context.Context, tx pgx.Tx, c Caseworker, orgIDs map[jobnet.Organisation]int64) error {
	var id int64
	if err := tx.QueryRow(ctx, `INSERT INTO amp_users (cvr, rid, uuid, name, email, active) VALUES ($1, nullif($2, ''), nullif($3, '')::uuid, $4, $5, $6) RETURNING id`,
		c.CVR, c.RID, c.UUID, c.Name, c.Email, c.Active).Scan(&id); err != nil {
		return fmt.Errorf("demo: user %s: %w", c.Username, err)
	}
	for _, or := range c.Orgs {
		for _, r := range or.Roles {
			if _, err := tx.Exec(ctx, `INSERT INTO amp_user_roles (user_id, organisation_id, role) VALUES ($1, $2, $3)`,
				id, orgIDs[or.Org], string(r)); err != nil {
				return fmt.Errorf("demo: role of %s: %w", c.Username, err)
			}
		}
	}
	return nil
}

// loadState is what the area loaders need of what was loaded before them.
type loadState struct {
	today      time.Time
	orgIDs     map[jobnet.Organisation]int64
	citizenIDs map[string]int64 // by Citizen.Key
}

// areaLoader loads one area's demo data (job postings, CV, joblog …) after
// the organisations, users and citizens.
type areaLoader struct {
	name string
	load func(ctx context.Context, tx pgx.Tx, st *loadState) error
}

func day(today time.Time, offset *int) *time.Time {
	if offset == nil {
		return nil
	}
	d := On(today, *offset)
	return &d
}
