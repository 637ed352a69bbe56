package views

// pageTitle is the text of <title>: the page's own title, then the product name; "Fejl: "
// first when the page shows validation errors, so a screen reader hears it at once.
func pageTitle(c Chrome) string {
	t := ProductName
	if c.Title != "" {
		t = c.Title + " – " + ProductName
	}
	if len(c.Errors) > 0 {
		t = "Fejl: " + t
	}
	return t
}

// titled gives c the page's own title when the handler left Title empty.
func titled(c Chrome, title string) Chrome {
	if c.Title == "" {
		c.Title = title
	}
	return c
}

// subtitled puts part of a page (a step, a month) before the page's title: "Trin 2 af 4:
// Jeg vil gerne have et møde med – Møder". An empty part leaves the title.
func subtitled(c Chrome, part string) Chrome {
	if part != "" {
		c.Title = part + " – " + c.Title
	}
	return c
}

// retitled gives c the title whatever the handler set: a blocked page is titled by its
// heading ("Ingen adgang"), not by the page it replaces.
func retitled(c Chrome, title string) Chrome {
	c.Title = title
	return c
}

// withErrors adds the page's validation errors to c, leaving out the empty ones.
func withErrors(c Chrome, errs ...FieldError) Chrome {
	for _, e := range errs {
		if e.Text != "" {
			c.Errors = append(c.Errors, e)
		}
	}
	return c
}
