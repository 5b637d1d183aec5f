"""A question-and-answer page's comments on its posts.

On a Q&A thread (Stack Exchange and the sites built like it) the posts are the question and
its answers; under each post, readers leave short comments ("Works in Windows 10 too",
"Commented Mar 17, 2016"), asking for a detail or thanking the poster. The page says which is
which in its microdata: a schema.org ``Comment`` item inside a ``Question`` or an ``Answer``
item is a comment on that post, not an answer. A thread keeps its posts (a forum's "comment"
boxes are its posts), and these go, as a story's comment thread does; ``keep={"comments"}``
keeps them.

Only the page's own declaration counts: a forum whose replies carry no ``Comment`` item, or
whose ``Comment`` items are not inside a post, is read as before.
"""
from __future__ import annotations

RULE_ID = "html-post-comments"
# a Comment item inside a Question or an Answer item (http or https, any case)
POST_COMMENTS = ", ".join(f'[itemtype$="schema.org/{post}" i] [itemtype$="schema.org/Comment" i]'
                          for post in ("Question", "Answer"))
MARKS = ("schema.org/Comment", "schema.org/comment")  # looked for first: most pages have none


def post_comments(document: str, body) -> list:
    """The outermost elements of ``body`` that are comments on a Q&A page's posts (see the
    module doc), in document order; none when ``document`` (the page's text) names no
    schema.org Comment item."""
    if not any(mark in document for mark in MARKS):
        return []
    found = body.css(POST_COMMENTS)
    ids = {node.mem_id for node in found}
    out = []
    for node in found:
        at = node.parent
        while at is not None and at.mem_id not in ids:
            at = at.parent
        if at is None:  # not inside another comment of the list
            out.append(node)
    return out
