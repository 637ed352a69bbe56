package views

// pageTitle is the text of <title>: the page's own title, then the product name.
func pageTitle(title string) string {
	if title == "" {
		return ProductName
	}
	return title + " – " + ProductName
}

// titled gives c the page's own title when the handler left Title empty.
func titled(c Chrome, title string) Chrome {
	if c.Title == "" {
		c.Title = title
	}
	return c
}
