"""The HTML reader: a page to its article's text (:mod:`cleaner.html.reader`), beside the
text path."""
