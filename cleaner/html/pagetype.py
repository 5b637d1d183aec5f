"""What kind of page the HTML reader holds: article, forum, documentation, product, collection,
listing or service, with the evidence for the decision.

A crawl is not only news. A forum thread's posts, a documentation page's code and a listing's
items are those pages' content, so the reader has to know which page it reads before it decides
what is chrome (a "comment" box is a news page's comment thread and a forum's post). The page
says what it is in several ways, read here in order of trust:

1. the software that made it (``<meta name=generator>``: Discourse, phpBB, Sphinx, MkDocs...),
   which knows what it makes better than a theme's markup (the Read the Docs theme marks every
   manual page a schema.org Article);
2. schema.org types it declares (JSON-LD ``@type``, microdata ``itemtype``):
   ``DiscussionForumPosting`` / ``QAPage`` are a forum, ``Product`` a product page,
   ``CollectionPage`` / ``ItemList`` a collection, ``TechArticle`` documentation,
   ``NewsArticle`` / ``BlogPosting`` / ``Article`` an article;
3. ``og:type`` (``article``, ``product``, ``product.group``);
4. the URL's path (``/t/``, ``/threads/``, ``viewtopic.php``; ``/docs/``, ``/api/``...).

Without any of these the page is ``unknown`` and the reader treats it as an article, as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from .lookups import GENERATOR, MICRODATA, OG_TYPE, PageLookups

PAGE_TYPES = ("article", "forum", "documentation", "product", "collection", "listing",
              "service", "unknown")

# schema.org types, by the page type they declare. A type that also names parts of other pages
# (a ListItem in every breadcrumb, a Question in every FAQ box, an Organization everywhere)
# is not here.
SCHEMA_TYPES = {
    "discussionforumposting": "forum", "qapage": "forum", "socialmediaposting": "forum",
    "product": "product", "productgroup": "product",
    "collectionpage": "collection", "itemlist": "collection", "searchresultspage": "listing",
    "someproducts": "collection", "offercatalog": "collection",
    "techarticle": "documentation", "apireference": "documentation",
    "newsarticle": "article", "blogposting": "article", "article": "article",
    "reportagenewsarticle": "article", "analysisnewsarticle": "article",
    "opinionnewsarticle": "article", "reviewnewsarticle": "article", "liveblogposting": "article",
    "scholarlyarticle": "article", "recipe": "article",
}
# Types that say less: a page "devoted to a single item" (blogs mark every post an ItemPage),
# a Review (a review article's, or the customer reviews a shop lists beside its product).
# They count only where no other type does and og:type does not name the page.
WEAK_SCHEMA_TYPES = {"itempage": "product", "review": "article"}
# When a page declares several, the more specific wins: a forum thread is also an Article to
# some plugins, and a product page carries an ItemList of related products.
PRIORITY = ("forum", "product", "documentation", "collection", "listing", "article")
OG_TYPES = {"article": "article", "product": "product", "product.item": "product",
            "og:product": "product", "product.group": "collection", "book": "documentation"}
GENERATORS = (
    (re.compile(r"discourse|phpbb|vbulletin|xenforo|invision|mybb|smf|flarum|nodebb|vanilla|"
                r"discuz|simple machines", re.I), "forum"),
    (re.compile(r"sphinx|docutils|mkdocs|docusaurus|gitbook|docfx|hugo-book|vitepress|starlight|"
                r"readthedocs|doxygen|javadoc|antora|jekyll-docs", re.I), "documentation"),
)
URL_PATHS = (
    (re.compile(r"/t/[^/]+/\d+|/threads?/|/forums?/|/questions/\d+|viewtopic\.php|"
                r"showthread\.php|/discussions?/|/community/", re.I), "forum"),
    (re.compile(r"/docs?/|/documentation/|/api/|/reference/|/manual/|/man/|/sdk/", re.I),
     "documentation"),
)
# The paths of one thread, not of a forum's sections or a site's "community" pages: strong
# enough to overrule og:type article, which forum software sets on every page.
THREAD_PATH = re.compile(r"/t/[^/]+/\d+|/threads/[^/]+|/questions/\d+|viewtopic\.php|showthread\.php",
                         re.I)
URL_HOSTS = ((re.compile(r"^(?:docs|developer|developers|devdocs|api)\.|\.readthedocs\.io$", re.I),
              "documentation"),
             (re.compile(r"^(?:forum|forums|community|discuss|discussions?)\.", re.I), "forum"))


# What each type changes in the reading (one place: html.py asks the PageType).
# One story, thread, manual page or product: its content is in one container, and text spread
# over the rest of the page is chrome around it.
SINGLE_ITEM = frozenset({"article", "forum", "documentation", "product"})
# Pictures whose captions are the content: a product's, a listing's, a manual's.
CAPTIONS_ARE_CONTENT = frozenset({"product", "collection", "listing", "documentation"})
# Pages of items: an item's linked title is no link list.
ITEMS = frozenset({"collection", "listing"})


# What a page type was read from: declared by the page (its generator, schema.org types,
# og:type), its address, or what the reader found in it (a list of items, sections, a thread).
SOURCES = ("generator", "schema.org", "og:type", "url", "structure", "none")


@dataclass(frozen=True)
class PageType:
    """The reader's decision: ``kind`` (one of PAGE_TYPES), the evidence in words
    (``reason``, for people) and the kind of that evidence (``source``, one of SOURCES, for the
    code), and what that kind changes in the reading."""

    kind: str
    reason: str
    source: str

    @property
    def story(self) -> bool:
        """One story: rails of teaser cards around it are other stories."""
        return self.kind == "article"

    @property
    def single_item(self) -> bool:
        return self.kind in SINGLE_ITEM

    @property
    def items(self) -> bool:
        return self.kind in ITEMS

    @property
    def article_by_og_type(self) -> bool:
        """An article only by ``og:type``, which many themes give every page (a blog's
        category, a topic page, a shop's category): it may turn out to be a page of items."""
        return self.kind == "article" and self.source == "og:type"

    @property
    def product_by_og_type(self) -> bool:
        """A product only by ``og:type``, which some shops' themes give every page, their
        categories too: it may turn out to be a grid of products."""
        return self.kind == "product" and self.source == "og:type"

    @property
    def captions_are_content(self) -> bool:
        return self.kind in CAPTIONS_ARE_CONTENT

    @property
    def reviews_are_chrome(self) -> bool:
        """A product's customer reviews are to it what comments are to a story."""
        return self.kind == "product"

    @property
    def repeats_are_content(self) -> bool:
        """A manual says a line again where its content does: the same step in two
        procedures, the same field in two objects, the same line in two code examples. Its
        menus and tables of contents are the reader's to cut (furniture, ``#anchors``), so a
        repeated line left in a documentation page's text is the manual's own."""
        return self.kind == "documentation"

    @property
    def keeps(self) -> frozenset:
        """Categories this kind of page keeps: a forum thread's posts are its comments."""
        return frozenset({"comments"}) if self.kind == "forum" else frozenset()

    def to_dict(self) -> dict:
        return {"kind": self.kind, "reason": self.reason}


def _schema_types(lookups: PageLookups) -> list[str]:
    """The schema.org types the page declares, lowercased, without their vocabulary prefix."""
    found: list[str] = []
    for item in lookups.json_ld():
        kind = item.get("@type")
        for value in (kind if isinstance(kind, list) else [kind]):
            if isinstance(value, str):
                found.append(value.rsplit("/", 1)[-1].lower())
    for node in lookups.all(MICRODATA):
        for value in (node.attributes.get("itemtype") or "").split():
            found.append(value.rstrip("/").rsplit("/", 1)[-1].lower())
    return found


def _meta(lookups: PageLookups, selector: str) -> str:
    node = lookups.first(selector)
    return ((node.attributes.get("content") or "") if node is not None else "").strip()


def page_type(tree, url: Optional[str] = None, lookups: Optional[PageLookups] = None) -> PageType:
    """Decide what kind of page ``tree`` (a parsed page, before anything is stripped) is.
    ``lookups``: the page's :class:`~cleaner.html.lookups.PageLookups`, if read already."""
    lookups = lookups or PageLookups(tree)
    generator = _meta(lookups, GENERATOR)
    for pattern, kind in GENERATORS:
        if generator and pattern.search(generator):
            return PageType(kind, f"generator {generator[:40]}", "generator")
    types = _schema_types(lookups)
    declared = {SCHEMA_TYPES[t] for t in types if t in SCHEMA_TYPES}
    og = _meta(lookups, OG_TYPE).lower()
    named = OG_TYPES.get(og)
    # A story about products (a review, a buying guide) declares them beside its article; a
    # shop's category declares its products: og:type, one kind for the page, settles which.
    # (Not by itself: shops' themes give every product page og:type article.)
    if (named in declared and declared & {"article", "product", "collection"} - {named}) or \
            (named == "collection" and "product" in declared):
        return PageType(named, f"schema.org type, og:type {og}", "schema.org")
    for kind in PRIORITY:
        if kind in declared:
            return PageType(kind, "schema.org type", "schema.org")
    if named == "article" and _thread_url(url):
        # forum software (XenForo, vBulletin) gives every thread og:type article, the default
        # of its sharing tags; a thread's own address says what it is
        return PageType("forum", f"thread url, over og:type {og}", "url")
    if named:
        return PageType(named, f"og:type {og}", "og:type")
    weak = {WEAK_SCHEMA_TYPES[t] for t in types if t in WEAK_SCHEMA_TYPES}
    for kind in PRIORITY:
        if kind in weak:
            return PageType(kind, "schema.org type", "schema.org")
    if url:
        try:
            parts = urlsplit(url)
        except ValueError:
            parts = None
        if parts is not None:
            for pattern, kind in URL_PATHS:
                if pattern.search(parts.path or ""):
                    return PageType(kind, "url path", "url")
            for pattern, kind in URL_HOSTS:
                if pattern.search(parts.hostname or ""):
                    return PageType(kind, "url host", "url")
    return PageType("unknown", "no signal", "none")


def _thread_url(url: Optional[str]) -> bool:
    """Does the url's path name one thread (THREAD_PATH), not a forum's section?"""
    if not url:
        return False
    try:
        return bool(THREAD_PATH.search(urlsplit(url).path or ""))
    except ValueError:
        return False
