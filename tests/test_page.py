"""Page anatomy: headline, date, body and the chrome around it, on pages written for these tests."""

import gzip
import json
from pathlib import Path

import pytest

from whowhom.io import RawDoc, read_inputs
from whowhom.page import extract
from whowhom.page.dates import to_iso
from whowhom.page.threads import comment_meta

PAGES = Path(__file__).parent / "pages"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def page(name):
    [raw] = read_inputs([str(PAGES / name)])
    return extract(raw)


def labelled(article, label):
    return [p.text for p in article.parts if p.label == label]


def assert_not_in_body(article, *snippets):
    for s in snippets:
        assert s not in article.body, s


# --- text dumps ---------------------------------------------------------------------------------

def test_blog_page_with_comments_and_chrome():
    a = page("baltic-pipeline.txt")
    assert a.title == "Poland And Lithuania Agree To Guard Undersea Cable Jointly"
    assert a.date == "2023-04-12" and a.author == "Anna Kowalski"
    assert labelled(a, "section") == ["World News"]
    paras = a.body.split("\n\n")
    assert len(paras) == 4
    assert paras[0].startswith("Poland and Lithuania signed an agreement")
    assert paras[-1].startswith("The European Commission welcomed")
    assert_not_in_body(a, "Advertisement", "Share on", "Tags:", "Posted in", "Estonia Expels", "Margit",
                       "About time", "minesweepers will be enough", "cookies", "All rights reserved", "Photo:")
    assert labelled(a, "image_credit") and labelled(a, "social")
    assert "Estonia Expels Two Diplomats Over Spying Claims" in labelled(a, "related")
    assert [(c.author, c.time) for c in a.comments] == [("Margit Saar", "April 12, 2023 at 3:14 pm"),
                                                        ("Peter Novak", "April 12, 2023 at 5:40 pm")]
    assert a.comments[0].text.startswith("About time the two governments")
    assert "Reply" not in " ".join(c.text for c in a.comments)


def test_one_line_per_block_page():
    a = page("sahel-talks.txt")  # no blank lines at all
    assert a.title.startswith("Ghana Hosts Talks")
    assert a.date == "2023-05-02"
    assert len(a.body.split("\n\n")) == 4 and "Niger accused Mali" in a.body
    assert_not_in_body(a, "Home", "Advertisement", "Read more", "Donate", "newsletter", "Follow us",
                       "Talking is better", "Kofi")
    assert labelled(a, "donation") and labelled(a, "newsletter") and labelled(a, "social")
    assert labelled(a, "related") == ["Read more: ECOWAS Leaders To Meet In Abuja Next Month"]
    assert [(c.author, c.time) for c in a.comments] == [("Kofi Mensah", "2 hours ago"), ("Aminata Diallo", "1 hour ago")]
    assert "Home" in labelled(a, "navigation")


def test_comment_counter_in_byline_does_not_open_comments():
    a = page("korea-summit.txt")  # "| 4 Comments" sits in the byline, above the article
    assert a.title == "Seoul And Tokyo Resume Shuttle Diplomacy After Long Freeze"
    assert (a.date, a.author) == ("2021-03-03", "Min-jun Lee")
    assert labelled(a, "section") == ["Asia Pacific"]
    assert labelled(a, "image_credit") == ["Image by Kim Seo-yeon from Pixabay"]
    assert len(a.body.split("\n\n")) == 3 and "China criticised the meeting" in a.body
    assert_not_in_body(a, "Share this", "Like this", "Pixabay", "Leave a Comment", "Pacific Desk")
    assert a.comments == []


def test_menu_heading_above_headline_and_wire_comments():
    a = page("venezuela-talks.txt")  # "Latest News" at the top is a menu, not the end of the article
    assert a.title.startswith("Venezuela Frees Six Oil Executives")
    assert a.date == "2022-06-09"
    assert a.body.startswith("Caracas released six American oil executives")
    assert "Washington said it would ease some sanctions" in a.body
    assert_not_in_body(a, "Advertisement", "advertisement", "Most Read", "Storm Cuts Power", "SantiagoR", "real vote")
    assert [c.time for c in a.comments] == ["3 hours ago", "2 hours ago"]
    assert a.comments[1].author.startswith("Lucia P.")


def test_record_date_wins_and_text_record():
    text = (PAGES / "korea-summit.txt").read_text(encoding="utf-8")
    a = extract(RawDoc(id="r1", content=text, kind="text", date="2021-03-05"))
    assert (a.id, a.date) == ("r1", "2021-03-05")


def test_empty_and_chrome_only_pages():
    assert extract(RawDoc(id="x", content="", kind="text")).body == ""
    a = extract(RawDoc(id="y", content="Home\n\nNews\n\nSubscribe to our newsletter\n\n© 2020 Site", kind="text"))
    assert a.body == "" and "newsletter" not in a.body


# --- comment meta lines and dates -----------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("Wayne Doe March 6, 2021 at 10:08 am", ("Wayne Doe", "March 6, 2021 at 10:08 am")),
    ("Jo Bloggs says:", ("Jo Bloggs", None)),
    ("Kofi Mensah | 2 hours ago", ("Kofi Mensah", "2 hours ago")),
    ("The talks in Geneva ended on March 6, 2021 without any agreement on the border.", None),
])
def test_comment_meta(line, expected):
    assert comment_meta(line) == expected


@pytest.mark.parametrize("text, iso", [
    ("March 6, 2021", "2021-03-06"), ("Published 6 March 2021", "2021-03-06"), ("2021-03-06", "2021-03-06"),
    ("Sept. 14th, 2023 at noon", "2023-09-14"), ("no date here", None), ("February 30, 2021", None),
    ("Article Launched: 12/30/2007 01:50:35 AM PST", "2007-12-30"), ("15/01/2008", "2008-01-15"),
    ("01/08/2008", None),  # January in America, August in Europe: no date
])
def test_dates(text, iso):
    assert to_iso(text) == iso


# --- HTML -----------------------------------------------------------------------------------------

def check_html_article(a):
    assert a.title == "EU Envoy Urges Serbia And Kosovo To Resume Talks"
    assert a.date == "2023-09-14" and a.author == "Elena Petrova"
    assert a.body.startswith("The European Union's special envoy")
    assert len(a.body.split("\n\n")) == 4
    assert_not_in_body(a, "Share on", "Brussels has been saying", "Leave a Reply", "newsletter", "Home")
    assert [(c.author, c.time) for c in a.comments] == [("Marko Ilic", "September 14, 2023 at 10:02 am"),
                                                        ("Arta Berisha", "September 14, 2023 at 12:45 pm")]
    assert a.comments[1].text.startswith("Both governments need to stop")


def test_html_page():
    check_html_article(page("serbia-kosovo.html"))


def test_html_gz_with_misleading_name(tmp_path):
    f = tmp_path / "dump.txt"
    f.write_bytes(gzip.compress((PAGES / "serbia-kosovo.html").read_bytes()))
    [raw] = read_inputs([str(f)])
    check_html_article(extract(raw))


def test_jsonl_html_record_date_wins(tmp_path):
    f = tmp_path / "in.jsonl"
    html = (PAGES / "serbia-kosovo.html").read_text(encoding="utf-8")
    f.write_text(json.dumps({"id": "k1", "html": html, "date": "2023-09-15", "url": "https://example.org/k1"}))
    [raw] = read_inputs([str(f)])
    a = extract(raw)
    assert (a.id, a.date, a.url) == ("k1", "2023-09-15", "https://example.org/k1")


# --- the canonical example (shared data, beside the checkout) -----------------------------------

@pytest.mark.skipif(not (SHARED / "examples").is_dir(), reason="../shared/examples is not beside the checkout")
def test_canonical_example():
    [raw] = read_inputs([str(SHARED / "examples" / "china-russia-alliance.txt")])
    a = extract(raw)
    assert a.title == "China Says No Publicly To Military Alliance With Russia"
    assert a.date is None  # the only date on the page belongs to the reader comment
    assert labelled(a, "section") == ["Eastern Europe"]
    assert labelled(a, "image_credit") and labelled(a, "social") and labelled(a, "donation")
    assert labelled(a, "newsletter") and len(labelled(a, "related")) >= 4
    assert len(a.body.split("\n\n")) == 7 and a.body.endswith("with the PLA.")
    assert a.body.startswith("The Russian Federation")
    assert_not_in_body(a, "Image by", "Follow us", "Donate", "Related articles", "Tsarizm", "Wayne", "Leave a",
                       "newsletter", "I would say")
    [c] = a.comments
    assert (c.author, c.time) == ("Wayne Mickel", "March 6, 2021 at 10:08 am")
    assert c.text.startswith("I would say")


@pytest.mark.skipif(not (SHARED / "extract" / "aeb-dev").is_dir(), reason="../shared/extract/aeb-dev is absent")
def test_dev_set_text_mode_smoke():
    from whowhom.eval.extract import shingle_prf
    rows = [json.loads(l) for l in (SHARED / "extract/aeb-dev/gold.jsonl").read_text().splitlines()[:20]]
    pairs = [(extract(RawDoc(id=r["id"], content=r["page_text"], kind="text")).body, r["article_body"]) for r in rows]
    assert shingle_prf(pairs)["f1"] > 0.75


def test_shingle_prf():
    from whowhom.eval.extract import shingle_prf
    s = shingle_prf([("a b c d e", "a b c d e"), ("", "x y z w v"), ("p q r s", "")])
    assert s["recall"] == pytest.approx(0.5) and s["precision"] == pytest.approx(0.5) and s["pages"] == 3
    assert shingle_prf([("one two", "one two")])["f1"] == 1.0


def test_comments_without_a_heading():
    prose = ("The prime minister of Armenia met the president of Azerbaijan in Prague on Monday and both sides "
             "said they would draft a peace treaty before the end of the year, with help from the European Union.")
    dump = "\n\n".join(["Armenia And Azerbaijan Agree To Draft A Treaty", prose, prose.replace("Monday", "Friday"),
                        "Nare Hakobyan says:", "May 2, 2023 at 9:15 am", "Peace at last, if they keep their word.",
                        "Ilham Aliyev Fan says:", "May 2, 2023 at 9:40 am", "We will see what happens in Karabakh."])
    a = extract(RawDoc(id="z", content=dump, kind="text"))
    assert a.title.startswith("Armenia And Azerbaijan") and len(a.body.split("\n\n")) == 2
    assert [(c.author, c.time, c.text) for c in a.comments] == [
        ("Nare Hakobyan", "May 2, 2023 at 9:15 am", "Peace at last, if they keep their word."),
        ("Ilham Aliyev Fan", "May 2, 2023 at 9:40 am", "We will see what happens in Karabakh.")]


def test_dense_news_lead_with_many_names_stays_in_body():
    from whowhom.io.readers import RawDoc
    from whowhom.page import extract
    text = ("Europe\n\nSerbia Warns Kosovo Over Border Police\n\n"
            "The Serbian Defence Ministry warned Pristina against deploying Kosovo Police units near Jarinje, "
            "Serbian broadcaster RTS reported. Belgrade placed its army on alert on Sunday.\n\n"
            "Officials in both capitals said that the talks, which the European Union has mediated for years, "
            "would resume after the local elections in the north of the country.\n\n"
            "Share this: Facebook, Twitter\n")
    art = extract(RawDoc(id="x", content=text, kind="text"))
    assert art.title == "Serbia Warns Kosovo Over Border Police"
    assert "Jarinje" in art.body and "would resume" in art.body and "Share this" not in art.body


def _prose(n):
    """Distinct article-like paragraphs (written for this test)."""
    places = ["Tbilisi", "Yerevan", "Baku", "Chisinau", "Minsk", "Astana", "Bishkek", "Dushanbe"]
    return [f"Officials in {p} said on Tuesday that the talks on the new border crossing, which have dragged on "
            f"for years, would resume next month after the regional elections, and that the {k + 1} sides had "
            f"agreed to keep their police units away from the river until then." for k, p in enumerate(places[:n])]


def test_the_footer_ends_the_article_and_a_second_copy_is_no_body():
    paras = _prose(4)
    teasers = [f"Readers also liked this story about a bridge number {k} in a mountain town, which the local "
               f"council of the valley opened last weekend after two years of work and many delays" for k in range(6)]
    dump = "\n\n".join(["Border Talks To Resume", *paras,
                        " ".join(paras),  # the dump's second copy of the article, run together
                        "© 2024 Example Media Inc. All Rights Reserved.", *teasers])
    a = extract(RawDoc(id="f", content=dump, kind="text"))
    assert a.body.split("\n\n") == paras


def test_a_sentence_an_advertisement_cuts_is_one_paragraph_again():
    from whowhom.page.lines import Unit
    from whowhom.page.textdump import body_text

    def unit(text, label):
        return Unit(text=text, words=len(text.split()), stop=0.4, titleish=False, namelike=False, cue=None,
                    label=label)

    units = [unit("Kenyan police said on Monday that the head of the regional mission, Peter", "body"),
             unit("Advertisement", "chrome"),
             unit("Ngugi, had left the country after the talks collapsed in Nairobi.", "body"),
             unit("The talks will resume in March, officials said.", "body"),
             unit("Opposition leaders meet in Mombasa next week", "body"),
             unit("The meeting was called by the governor of the coastal region.", "body")]
    paras = body_text(units).split("\n\n")
    assert paras[0].endswith("mission, Peter Ngugi, had left the country after the talks collapsed in Nairobi.")
    # two article lines in a row stay two: the first may be a subhead
    assert paras[2] == "Opposition leaders meet in Mombasa next week" and len(paras) == 4


def test_a_hover_card_inside_a_paragraph_is_not_body():
    para = ("The senator met the finance minister in Brussels on Tuesday to discuss the budget, officials said, "
            "and the two agreed to meet again next month.")
    card = ('<span class="rollover-people"><a href="/people/jane-roe">Jane Roe</a>'
            '<span class="rollover-block"><a class="name" href="/people/jane-roe">Jane Roe</a>'
            '<a href="/x">Budget talks stall as deadline nears | Senate votes on farm bill</a> MORE</span></span>')
    body = "".join(f"<p>{para} {i}</p>" for i in range(6))
    html = ("<html><head><title>Budget talks resume</title></head><body><article><h1>Budget talks resume</h1>"
            f"<p>Sen. {card} said on Tuesday that the talks would resume in Brussels next week.</p>{body}"
            "</article></body></html>")
    a = extract(RawDoc(id="h", content=html, kind="html"))
    assert "Sen. Jane Roe said on Tuesday" in a.body
    assert_not_in_body(a, "Budget talks stall", "MORE")
