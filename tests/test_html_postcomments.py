"""A Q&A page's comments on its posts (cleaner.html.postcomments): the question and the answers
stay, the schema.org Comment items inside them go; keep={"comments"} keeps them; a forum whose
Comment items are not inside a post is read as before."""
from __future__ import annotations

from cleaner import clean, clean_document

URL = "https://qa.example/questions/4242/how-do-i-keep-a-sourdough-starter-alive"
QUESTION = ("My sourdough starter goes flat and grey after a week in the fridge, even though I "
            "feed it every Sunday with equal weights of flour and water. What am I doing wrong, "
            "and how can I keep it lively between bakes without feeding it every single day?")
ANSWERS = [
    "A starter kept in the fridge needs a warm feed before it is used: take it out the evening "
    "before, discard all but a spoonful, and feed it twice at room temperature. The grey liquid "
    "on top is alcohol from hungry yeast, and it is harmless; pour it off or stir it back in.",
    "Use a stiffer starter for storage. At half as much water as flour it ferments more slowly, "
    "so a weekly feed is plenty, and it keeps its strength in the cold far better than a runny "
    "one does. Loosen it again with water the day before you bake.",
]
COMMENTS = ["Thanks, the warm feed fixed it for me.",
            "Does this work with rye flour as well?",
            "Commented Mar 17, 2016 at 13:23"]


def comments(post: int, item: bool = True) -> str:
    scope = ' itemscope itemtype="https://schema.org/Comment"' if item else ""
    return ('<div class="comments"><ul class="comments-list">' + "".join(
        f'<li class="comment"{scope}><span class="comment-copy">{c} ({post})</span></li>'
        for c in COMMENTS) + "</ul></div>")


def qa_page(item: bool = True, inside: bool = True) -> str:
    """A Stack Exchange-like thread: a question and two answers, each with its comments."""
    def post(kind: str, prop: str, text: str, n: int) -> str:
        body = f'<div class="s-prose" itemprop="text"><p>{text}</p></div>'
        own = comments(n, item) if inside else ""
        return (f'<div class="{kind.lower()}" itemprop="{prop}" itemscope '
                f'itemtype="https://schema.org/{kind}">{body}{own}</div>')
    answers = "".join(post("Answer", "suggestedAnswer", a, k + 1) for k, a in enumerate(ANSWERS))
    outside = "" if inside else "".join(comments(k) for k in range(3))
    return ("<!doctype html><html><head><title>How do I keep a sourdough starter alive?</title>"
            "</head><body>"
            '<header><nav><a href="/">Questions</a> <a href="/tags">Tags</a></nav></header>'
            '<main itemscope itemtype="https://schema.org/QAPage"><div id="question-header">'
            "<h1>How do I keep a sourdough starter alive?</h1></div>"
            f'{post("Question", "mainEntity", QUESTION, 0)}'
            f'<div id="answers">{answers}</div>{outside}</main>'
            '<footer><a href="/legal">Legal</a></footer></body></html>')


def test_a_qa_thread_keeps_its_posts_without_their_comments():
    out = clean(qa_page(), url=URL, html=True)
    assert "sourdough starter goes flat and grey" in out
    assert "Use a stiffer starter for storage." in out
    assert "take it out the evening before" in out
    assert "the warm feed fixed it" not in out
    assert "rye flour" not in out and "Commented Mar 17" not in out


def test_the_comments_are_reported_and_kept_on_request():
    result = clean_document(qa_page(), url=URL, html=True)
    assert result.page_type == "forum"
    assert any(r.rule_id == "html-post-comments" and "rye flour" in " ".join(r.lines)
               for r in result.html.dropped)
    kept = clean(qa_page(), url=URL, html=True, keep={"comments"})
    assert "Thanks, the warm feed fixed it for me. (1)" in kept
    assert "Use a stiffer starter for storage." in kept


def test_comments_the_page_does_not_declare_inside_a_post_stay():
    # no Comment items: the page says nothing of what these boxes are, and a thread's
    # "comment" boxes are its posts
    out = clean(qa_page(item=False), url=URL, html=True)
    assert "Does this work with rye flour as well? (1)" in out
    # Comment items, but none inside a Question or an Answer: read as if they were not marked
    assert clean(qa_page(inside=False), url=URL, html=True) == \
        clean(qa_page(item=False, inside=False), url=URL, html=True)
