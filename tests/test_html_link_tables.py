"""Links that are content: a table of data whose cells are links, a manual's own lists of links."""
from cleaner import clean

INTRO = ("<p>The prize has been awarded every year since 1901, with a few years left out during "
         "the wars, and this table lists the laureates by year and by field of study.</p>")
NAMES = [("1901", "Wilhelm Röntgen", "Jacobus van 't Hoff"),
         ("1902", "Hendrik Lorentz", "Emil Fischer"),
         ("1903", "Henri Becquerel", "Svante Arrhenius"),
         ("1904", "Lord Rayleigh", "William Ramsay")]


def _table(header: bool) -> str:
    head = "<tr><th>Physics</th><th>Chemistry</th></tr>" if header else ""
    rows = "".join(f'<tr><td><a href="/wiki/{a}">{a}</a></td>'
                   f'<td><a href="/wiki/{b}">{b}</a></td></tr>' for _, a, b in NAMES)
    return f"<table>{head}{rows}</table>"


def _page(body: str) -> str:
    # an encyclopedia's list declares itself an Article, as Wikipedia's pages do
    return ("<html><head><title>Laureates</title><script type=\"application/ld+json\">"
            '{"@context": "https://schema.org", "@type": "Article", "name": "Laureates"}'
            "</script></head><body><main><h1>List of laureates</h1>"
            + INTRO + body + INTRO.replace("this table lists", "the notes below explain")
            + "</main></body></html>")


def test_a_table_of_data_keeps_its_linked_cells():
    # a table with a header row is data: each cell a link to a laureate's page is still its value
    out = clean(_page(_table(header=True)), html=True)
    for _, a, b in NAMES:
        assert a in out and b in out


def test_a_header_row_in_thead_makes_the_body_data_too():
    # the header row sits in <thead>, the linked cells in <tbody>: the table is data
    head = "<thead><tr><th>Physics</th><th>Chemistry</th></tr></thead>"
    table = _table(header=False).replace("<table>", f"<table>{head}<tbody>").replace(
        "</table>", "</tbody></table>")
    out = clean(_page(table), html=True)
    for _, a, b in NAMES:
        assert a in out and b in out


def test_a_layout_table_around_a_data_table_is_still_layout():
    # the header cells are the inner table's: the outer table's menu of links still goes
    menu = "".join(f'<td><a href="/{n}">{n} section of the site</a></td>'
                   for n in ("News", "Sport", "Weather", "Travel"))
    out = clean(_page(f"<table><tr>{menu}</tr><tr><td>{_table(header=True)}</td></tr></table>"),
                html=True)
    assert "Weather section of the site" not in out


def test_a_layout_table_s_linked_cells_still_go():
    # without header cells a table of links is a layout's menu: its link cells go as before
    out = clean(_page(_table(header=False)), html=True)
    assert "Wilhelm Röntgen" not in out


DOC_HEAD = ('<html><head><title>Data types</title>'
            '<meta name="generator" content="Sphinx 7.1"></head><body>')
SUBPAGES = ["Strings hold sequences of bytes", "Lists hold sequences of strings",
            "Sets hold unordered collections", "Hashes hold field and value pairs"]


def _doc(menu: str) -> str:
    # the manual's list of its sub-pages ends the page (no story paragraph after it), and a
    # table of contents (links to the page's own sections) opens it
    own = "".join(f'<li><a href="/docs/{n}">{n}</a></li>' for n in SUBPAGES)
    toc = "".join(f'<li><a href="#s{i}">Section number {i} of this page</a></li>'
                  for i in range(4))
    return (DOC_HEAD + f'<nav class="sidebar"><ul>{menu}</ul></nav><main><h1>Data types</h1>'
            f"<ul>{toc}</ul>"
            "<p>The server offers several data types, each with its own commands, and this page "
            "sums them up and links to the page of each one for its details and examples.</p>"
            "<p>Each type has its own page, with the commands it takes, their cost in time and "
            "memory, and examples written for the command line tool.</p>"
            f"<h2>Pages in this section</h2><ul>{own}</ul></main></body></html>")


def test_a_manual_keeps_its_own_list_of_links():
    menu = "".join(f'<li><a href="/m/{i}">Menu entry {i}</a></li>' for i in range(8))
    out = clean(_doc(menu), html=True)
    for n in SUBPAGES:
        assert n in out
    assert "Menu entry 3" not in out  # the sidebar's menu
    assert "Section number 2" not in out  # the table of contents


def _comparison() -> str:
    """A service's packages compared: each row a feature (its name a link to a tooltip) and a
    cell per package, most of them 'Yes'; rows of the same cells repeat."""
    features = ["Revisions", "Direct access to our experts", "Recruiter connection",
                "Our unwavering guarantee"]
    rows = "".join(f'<tr><td><a href="#tip-{n}">{name}</a></td>' + "<td>Yes</td>" * 4 + "</tr>"
                   for n, name in enumerate(features))
    return ("<html><head><title>Resume packages</title></head><body>"
            '<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/blog">Blog</a></nav>'
            "<main><h1>Resume writing packages</h1><p>Every package is written by a certified "
            "writer who talks to you first, and every one of them comes with the same promise "
            "that we keep working on it until you are happy with what you have.</p>"
            "<table><tr><td>Package</td><td>Basic</td><td>Plus</td><td>Pro</td><td>Executive</td>"
            f"</tr>{rows}</table></main></body></html>")


def test_a_table_s_rows_are_no_menu():
    # 'Revisions | Yes | Yes | Yes | Yes' has a menu's shape for the line rules (pipe-menu), and
    # its copies looked like a menu printed twice; the markup says it is a row of data
    out = clean(_comparison(), html=True)
    assert "Revisions | Yes | Yes | Yes | Yes" in out
    assert "Our unwavering guarantee | Yes | Yes | Yes | Yes" in out
    assert "Home" not in out
