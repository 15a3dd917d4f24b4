"""Comment threads and link lists seen as runs, on 2008-style text dumps written for these tests; each page
is read by the rules alone and by the rules with the line model."""

from pathlib import Path

import pytest

from whowhom.io import RawDoc, read_inputs
from whowhom.page import extract
from whowhom.page.threads import group, signature, signature_runs

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(params=["rules", "model"])
def read(request, monkeypatch):
    if request.param == "rules":
        monkeypatch.setenv("WHOWHOM_PAGE_MODEL", "off")

    def run(name):
        [raw] = read_inputs([str(PAGES / name)])
        return extract(raw)
    return run


def labelled(article, label):
    return [p.text for p in article.parts if p.label == label]


def assert_not_in_body(article, *snippets):
    for s in snippets:
        assert s not in article.body, s


def test_thread_signed_below_without_a_heading(read):
    a = read("letters-thread.txt")  # "Name, Town, Country" under each comment, no "Comments" heading
    assert a.title == "Ferry Operators Agree To Share Harbour Berths In Tallinn"
    assert a.date == "2008-01-14"
    assert len(a.body.split("\n\n")) == 5 and a.body.endswith("by the spring.")
    assert_not_in_body(a, "morning boat", "Marta Kivi", "sounds sensible", "passengers who pay", "Have your say")
    assert [c.author for c in a.comments] == ["Marta Kivi", "Jukka Laine", "Peter Holm", "anne berg"]
    assert a.comments[0].text.startswith("I sailed on the morning boat")
    assert a.comments[3].text.startswith("It is always the passengers")


def test_numbered_thread_with_dates_over_lines_and_posted_by(read):
    a = read("numbered-thread.txt")
    assert a.title == "The Long Queue At The Passport Office"
    assert len(a.body.split("\n\n")) == 3
    assert_not_in_body(a, "queued for four hours", "Posted by", "driving licence", "daughter", "comments so far")
    assert [(c.author, c.time) for c in a.comments] == [("Harold, Leeds", "5:01 pm"), ("Jenny K", "6:30 pm"),
                                                        ("Sam", "8:15 am")]
    assert "E-mail this" in labelled(a, "social")


def test_thread_signed_above_by_name_and_time(read):
    a = read("byname-thread.txt")
    assert a.title == "Harbor Seals Return To The Old Cannery Pier"
    assert (a.author, a.date) == ("LINDA MORROW", "2008-01-03")
    assert len(a.body.split("\n\n")) == 4
    assert_not_in_body(a, "diesel", "Keep the dogs", "grandfather", "Link to this")
    assert [(c.author, c.time) for c in a.comments] == [
        ("SEAFAN", "Jan 4, 2008 9:12 AM"), ("harborwatcher", "Jan 4, 2008 8:40 AM"), ("Old Timer", "Jan 3, 2008 10:05 PM")]


def test_related_runs_and_a_dateline_under_the_headline(read):
    a = read("related-run.txt")
    assert a.title == "Court Backs Plan For New Water Reservoir"  # not the "Thu Jan 10, 2008 6:41pm EST" line
    assert a.date == "2008-01-10"
    assert len(a.body.split("\n\n")) == 4
    assert_not_in_body(a, "More on this story", "Farmers vow", "Most e-mailed", "rename main square", "Reuters",
                       "Reporting by", "wire services")  # the credit lines are no article
    assert {"Farmers vow to fight reservoir plan", "Snow closes schools for third day"} <= set(labelled(a, "related"))


def test_html_checks_and_comments():
    [raw] = read_inputs([str(PAGES / "bridge-html.html")])
    a = extract(raw)
    assert a.title == "Two Towns Reopen The Old River Bridge"
    assert len(a.body.split("\n\n")) == 4
    assert_not_in_body(a, "Newsletter", "inbox", "Related:", "Finally", "Leave a Reply")
    assert labelled(a, "newsletter") and labelled(a, "related")
    assert [(c.author, c.time) for c in a.comments] == [("Greta Holm", "November 18, 2019 at 10:15 am"),
                                                        ("Ivo Brandt", "November 18, 2019 at 11:40 am")]


# --- the pieces -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("By SEAFAN", ("SEAFAN", None)),
    ("? Posted by Jenny K", ("Jenny K", None)),
    ("Posted by: Ana | January 14, 2008 07:05 PM", ("Ana", "January 14, 2008 07:05 PM")),
    ("Marta Kivi, Tartu, Estonia", ("Marta Kivi", None)),
    ("Story Published: Jan 18, 2008 at 8:29 AM PST", None),  # a dateline, not a commenter
    ("The talks, which began in May, ended.", None),
    ("Harbour Seals Return", None),
])
def test_signature(line, expected):
    assert signature(line) == expected


def _units(lines):
    from whowhom.page.lines import classify, make_units
    units = make_units("\n".join(lines))
    classify(units)
    return units


def test_alternation_needs_three_signatures():
    prose = "Prices at the market rose again this week, and traders said they expect more of the same soon."
    two = _units([prose, prose + " A", "Ann Lee, Leeds", prose + " B", "Bo Chan, York"])
    assert signature_runs(two) == []
    three = _units([prose, prose + " A", "Ann Lee, Leeds", prose + " B", "Bo Chan, York", prose + " C",
                    "Cy Dale, Hull", "Have your say"])
    assert signature_runs(three) == [(1, 7)]  # signed below: the thread starts at the first comment's text


def test_group_signed_above_merges_name_and_time_lines():
    units = _units(["By Ann", "Jan 4, 2008 9:12 AM | Link to this", "First comment here, quite short.",
                    "Reply", "By Bo", "Jan 5, 2008 8:00 AM", "Second comment, also short."])
    comments = group(units, list(range(len(units))))
    assert [(c.author, c.time, c.texts) for c, _, _ in comments] == [
        ("Ann", "Jan 4, 2008 9:12 AM", ["First comment here, quite short."]),
        ("Bo", "Jan 5, 2008 8:00 AM", ["Second comment, also short."])]
    assert [signs for _, _, signs in comments] == [[0, 1], [4, 5]]


def test_page_model_switch(monkeypatch):
    from whowhom.page.linemodel import line_model
    monkeypatch.setenv("WHOWHOM_PAGE_MODEL", "off")
    assert line_model() is None
    monkeypatch.delenv("WHOWHOM_PAGE_MODEL")
    model = line_model()
    assert model is not None and model.meta.get("pages", 0) > 100


def test_line_model_classes_on_a_page():
    from whowhom.page.linemodel import BODY, COMMENT, line_model
    from whowhom.page.lines import make_units
    from whowhom.page.textdump import rules
    text = (PAGES / "byname-thread.txt").read_text(encoding="utf-8")
    units = make_units(text)
    start, end, head = rules(units)
    p = line_model().probs(units, (start, end), head)
    assert p.shape == (len(units), 5) and abs(p.sum(1) - 1).max() < 1e-6
    cls = p.argmax(1)
    body = [u.text for u, c in zip(units, cls) if c == BODY]
    assert any("cleaner than it has been" in t for t in body)
    assert any("diesel" in u.text for u, c in zip(units, cls) if c == COMMENT)


def test_a_page_of_one_line_and_of_blank_lines(read):
    one = extract(RawDoc(id="a", content="Just one line of text here", kind="text"))
    assert [one.title, one.body].count("Just one line of text here") == 1  # headline or body, not both
    assert extract(RawDoc(id="b", content="\n\n \n", kind="text")).body == ""
