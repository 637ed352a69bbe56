// Package web holds the product's browser assets: the vendored Det Fælles Designsystem
// (static/dkfds, refreshed by vendor.mk), our few extra styles (static/app.css), and,
// in the views subpackage, the HTML of every page.
package web

import "embed"

// Static is the static folder, embedded. Serve it at /static/ (strip the prefix "/static/"
// and serve the "static" subfolder): the pages link to /static/dkfds/... and /static/app.css
// with a content-hash query, so long cache lifetimes are safe.
//
//go:embed static
var Static embed.FS
