"""``cleaner rules new DOMAIN``: a commented site pack that lints clean, and a samples folder."""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import CleanerError

_DOMAIN = re.compile(r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")

TEMPLATE = """\
# Site pack for {domain}. Chosen when the page's URL is on {domain} (cleaner clean --url ...),
# or, with no URL, when a signature below matches the text. Check it with:
#   cleaner rules lint {pack_file}
#   cleaner rules test {pack_file}
pack: {domain}
match:
  domains: [{domain}]
  # signatures: a regex found in this site's pages and nowhere else (its footer line):
  # signatures: ['{site} is published by .{{0,40}} Ltd']
rules:
  # One rule per recurring piece of this site's chrome. The key that holds the pattern
  # names the kind: line (drop a line), trim (cut a span at a line's start or end),
  # section (a heading and the teasers after it), rest (a heading and all after it),
  # sponsored, bio, density (see CONTRIBUTING.md). Categories: ad, boilerplate, bio, byline,
  # comments, cookie, credit, cta, dateline, footer, label, legal, nav, newsletter, paywall,
  # recent, related, share, tags, title.
  - id: {prefix}-follow-promo
    category: cta
    description: The "follow us" promo under every story.
    line: '^(follow|read) {site_re} on (google news|apple news|flipboard)$'
    max_words: 12
    examples:
      # drop: lines this rule alone must remove. keep: article text it must leave alone.
      drop: ["Follow {site} on Google News"]
      keep: ["{site} said on Monday that it would follow Google News in dropping the feature."]
"""

SAMPLES_README = """\
Corpus samples for the {domain} site pack.

Add one or more real pages of {domain}, each as three files:
  NAME.txt            the scraped text as your scraper gives it (leftovers and all)
  NAME.expected.txt   the article alone, exactly as written: what cleaner must output
  NAME.meta.yaml      source, site, language, url (the page's URL), licence

All three are needed: a NAME.txt without the other two, or a meta file without its url or
licence, fails the test. `cleaner rules test {pack_file}` cleans each NAME.txt with this
pack and compares the result with NAME.expected.txt: a difference is shown as a unified
diff, each line with the input line it came from and the rule that removed it.
"""


def scaffold(domain: str, rules_dir: Path) -> tuple[Path, Path]:
    """Write ``rules_dir/DOMAIN.yaml`` and a samples folder; refuse to overwrite."""
    domain = domain.lower().strip().removeprefix("www.")
    if not _DOMAIN.match(domain):
        raise CleanerError(f"{domain!r} is not a domain name; give one like example.org")
    rules_dir.mkdir(parents=True, exist_ok=True)
    pack_file = rules_dir / f"{domain}.yaml"
    if pack_file.exists():
        raise CleanerError(f"{pack_file} already exists; edit it, or remove it first")
    samples = _samples_dir(rules_dir, domain)
    name = domain.split(".")[-2] if domain.count(".") >= 1 else domain
    site = name.capitalize()
    pack_file.write_text(TEMPLATE.format(
        domain=domain, pack_file=pack_file, site=site, site_re=re.escape(site),
        prefix=re.sub(r"[^a-z0-9]+", "-", name)), encoding="utf-8")
    samples.mkdir(parents=True, exist_ok=True)
    (samples / "README.txt").write_text(SAMPLES_README.format(domain=domain, pack_file=pack_file),
                                        encoding="utf-8")
    return pack_file, samples


def _samples_dir(rules_dir: Path, domain: str) -> Path:
    """The project's corpus_samples/DOMAIN for shipped packs (rules/sites/), else one beside
    the pack folder's own files: DIR/corpus_samples/DOMAIN."""
    if rules_dir.name == "sites" and rules_dir.parent.name == "rules":
        return rules_dir.parent.parent / "corpus_samples" / domain
    return rules_dir / "corpus_samples" / domain
