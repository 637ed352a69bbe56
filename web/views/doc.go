// Package views holds the HTML of every page as templ components with typed props.
//
// Layout, top bar, tabs and breadcrumb are shared components (layout.templ); each page has
// its own file named after it. Views only render what they are given: what a caseworker may
// see is decided before a view model reaches this package. Every user-visible text is Danish,
// in the wording of the seeds. No inline script or style anywhere: the Content-Security-Policy
// forbids both, and every page works without JavaScript.
//
// Regenerate the *_templ.go files with `go tool templ generate`.
package views
