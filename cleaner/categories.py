"""The categories of boilerplate a rule names, and what a removal of each one shows.

Every rule has a category. Two questions are asked of it:

- *Furniture*: removals that say "this block of short lines is page furniture" (a byline
  next to a dateline, share buttons, a photo credit). The cluster kind takes the rest of a
  block that such removals mostly emptied.
- *Chrome*: removals that show the text came from a web page (a cookie banner, a menu, share
  buttons, a "Related articles" list, an ad label, a comment thread, a photo credit, a tag
  list). A document with none of them comes out unchanged: a README, a poem or a forum
  thread has bylines, dates, repeated lines and copyright notices of its own, which are its
  content. A byline, a dateline, a copyright line or a repeated line proves nothing by
  itself.
  A rule may say otherwise with ``evidence: true`` or ``false`` (a pattern that also meets
  documents' own lines, such as a line of punctuation: a Markdown code fence).
"""
from __future__ import annotations

CATEGORIES = (
    "ad", "boilerplate", "bio", "byline", "caption", "comments", "cookie", "credit", "cta", "dateline",
    "footer", "label", "legal", "nav", "newsletter", "paywall", "recent", "related", "share",
    "tags", "title",
)

FURNITURE = frozenset(
    {"dateline", "caption", "credit", "cta", "byline", "share", "nav", "tags", "label", "ad", "newsletter"}
)

# Categories whose removals show page chrome (see the module's docstring).
CHROME = frozenset(
    {"ad", "comments", "cookie", "credit", "cta", "nav", "newsletter", "paywall", "recent",
     "related", "share", "tags"}
)
