"""html-like-counter takes a like button and its count, never a box of text named with a
like-button modifier (rules/html.yaml)."""
from __future__ import annotations

from cleaner.html.reader import html_to_text

PARA = ("The storm reached the coast on Monday night, and officials said that the damage was "
        "the worst they had seen in a decade, with roads closed and power lines down. ")


def _page(body: str, og: str = "article") -> str:
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>T</title>"
            f"<meta property='og:type' content='{og}'></head><body>{body}</body></html>")


def test_a_story_box_named_with_a_like_modifier_keeps_its_text(packset):
    story = "".join(f"<p>{n}. {PARA}</p>" for n in range(1, 5))
    thread = "".join(f"<div class='comment'><p>Comment {n}: {PARA}</p></div>" for n in range(12))
    html = _page("<article><h1>Storm hits the coast</h1>"
                 f"<div class='entry-content has-like-button'>{story}</div>"
                 f"<span class='like-count'>41</span><section class='comments'>{thread}</section>"
                 "</article>")
    result = html_to_text(html, packset=packset)
    assert "1. The storm reached the coast" in result.text
    assert not any(r.rule_id == "html-like-counter" and any("storm" in l for l in r.lines)
                   for r in result.dropped)
    assert any(r.rule_id == "html-like-counter" for r in result.dropped)  # the counter goes


def test_a_forum_post_named_with_a_like_modifier_keeps_its_text(packset):
    posts = "".join(f"<div class='post'><div class='post-body{' show-like-count' if n == 1 else ''}'>"
                    f"<p>{n}: I live on Harbour Road. {PARA}</p></div>"
                    f"<span class='post-likes'>{n} Likes</span></div>" for n in range(4))
    result = html_to_text(_page(f"<main><h1>Power cut on Harbour Road</h1>{posts}</main>",
                                og="website"), packset=packset)
    assert "1: I live on Harbour Road" in result.text
    assert "1 Likes" not in result.text
