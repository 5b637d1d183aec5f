"""Contact details on a line: an e-mail address, a web address, a telephone number.

A lead-in below a story ("For information on training and certification, contact:") says
that the lines after it are the passage's own; what it introduces is an organisation's
address with its telephone, e-mail or home page ("American Boarding Kennels Association,
4575 Galley Rd., Colorado Springs, CO 80915. Homepage: http://www.abka.com"), which ends in
no full stop and reads as no sentence. The classifier's edge walk keeps such lines when a
lead-in stands over them (see :meth:`cleaner.engine.kinds.classify.ClassifyRule.edges`).
A form's field ("Email address", "Your e-mail") names a detail and holds none.
"""
from __future__ import annotations

import re

# the left edge is anchored: unanchored, a long run of word characters with no "@" was tried
# from each of its positions (quadratic: 65 s on a 100,000-character line)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")
_WEB = re.compile(r"\bhttps?://\S|\bwww\.[\w-]+\.\w", re.IGNORECASE)
# a telephone number: an area code in brackets or a group of digits, then two groups of 3-4
# ("(514) 278-8666", "01691 672976", "925.846.7768", "+44 20 7946 0958"); a year's range
# ("1991-2004") or a date ("2006-12-18") has no third group of that size; a sum written in
# groups ("12 345 678 euros") reads as one, so a line it marks is kept, never taken
_PHONE = re.compile(r"(?<![\d/.])(\+?\d{1,3}[\s.-]?)?(\(\d{2,5}\)\s?|\d{2,5}[\s.-])"
                    r"\d{3,4}[\s.-]?\d{3,4}(?![\d/])")


# A telephone number as a way to reach someone: none opens right after a function's bracket,
# as a colour's channels do in a style sheet printed one declaration a line
# ("  border: 2px solid rgb(96 139 168);"), braces on other lines.
_CALLABLE = re.compile(r"(?<!\w\()" + _PHONE.pattern)


def contact_details(text: str) -> bool:
    """``text`` holds an e-mail address, a web address or a telephone number."""
    return bool(("@" in text and _EMAIL.search(text)) or _WEB.search(text) or _PHONE.search(text))


def reachable(text: str) -> bool:
    """``text`` holds a way to reach someone: a telephone number or an e-mail address. A web
    address alone is not one (an embed's ``<iframe src=...>`` or a teaser card's link is on
    every record of a feed), so a directory is told by these two. A line with braces is a
    style sheet's or data's, whose colours read as telephone numbers ("rgb(96 139 168)"), and
    a number right after a function's bracket is a colour's too."""
    if "{" in text or "}" in text:
        return False
    return bool(("@" in text and _EMAIL.search(text)) or _CALLABLE.search(text))
