"""`whowhom eval anatomy`: body F1, the comment and related-link leaks and headline accuracy, on gold
pages written for these tests."""

import json
import subprocess
import sys

import pytest

from whowhom.eval import anatomy
from whowhom.eval.runner import run

ARTICLE = ("The two ministers met in Vilnius on Tuesday and agreed to guard the undersea cable together, "
           "with patrol boats from both navies taking turns along the line every week of the year.")
COMMENT = "Better late than never, although the cable has been exposed for years and nobody cared at all."
RELATED = "Navy tests new patrol boat in the northern harbour"


def page(headline="Ministers Agree To Guard Cable", comments=COMMENT, related=RELATED):
    text = "\n".join(["Home", "News", headline, ARTICLE, "Related stories", related, "1 comment",
                      "Ana Lee, Riga", comments])
    return {"id": "p1", "page_text": text, "headline": headline, "article_body": ARTICLE,
            "supplemental": "", "related": related, "comments": comments}


class Art:
    def __init__(self, title, body):
        self.title, self.body = title, body


def test_leaks_count_the_blocks_shingles_that_reach_the_body():
    rec = page()
    clean = anatomy.score([rec], {"p1": Art("Ministers Agree To Guard Cable", ARTICLE)})
    assert clean["f1"] == 1.0 and clean["comment_leak"] == 0.0 and clean["related_leak"] == 0.0
    leaky = anatomy.score([rec], {"p1": Art("Ministers Agree To Guard Cable", ARTICLE + "\n\n" + COMMENT)})
    assert leaky["comment_leak"] == 1.0 and leaky["related_leak"] == 0.0 and leaky["precision"] < 1.0
    assert leaky["comment_pages_mostly_in_body"] == 1


def test_a_comment_quoting_the_article_leaks_only_its_own_words():
    quoting = "I agree that " + ARTICLE[:60] + " but who pays for it all in the end"
    r = anatomy.score([page(comments=quoting)], {"p1": Art(None, ARTICLE)})
    assert r["comment_leak"] == 0.0  # the shingles shared with the article are left out of the count


@pytest.mark.parametrize("title, gold, ok", [
    ("Ministers  agree to guard cable", "Ministers agree to guard cable", True),
    ("Ministers agree to guard the cable", "Ministers agree to guard cable", True),
    ("Ministers agree", "Ministers agree to guard cable today in Vilnius", False),
    ("Ministers agree to guard cable. " + ARTICLE, "Ministers agree to guard cable", False),
    ("Ministers agree to guard cable", "World News\nMinisters agree to guard cable\nA standfirst here.", True),
    ("World News", "World News Today And Tomorrow\nMinisters agree to guard cable", False),
    (None, "Ministers agree to guard cable", False),
])
def test_headline_match(title, gold, ok):
    assert anatomy.headline_ok(title, gold) is ok


def test_eval_anatomy_end_to_end(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(page()) + "\n", encoding="utf-8")
    head = run("anatomy", str(gold), worst=3)
    out = capsys.readouterr().out.strip().splitlines()
    assert json.loads(out[-1]) == head
    assert set(head) >= {"f1", "comment_leak", "related_leak", "headline_accuracy", "pages"}
    assert head["comment_leak"] == 0.0 and head["f1"] > 0.9


def test_eval_anatomy_reads_predictions(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(page()) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"id": "p1", "title": "Navy", "body": ARTICLE + "\n" + RELATED}) + "\n")
    head = run("anatomy", str(gold), str(pred), worst=0)
    assert head["related_leak"] == 1.0 and head["headline_accuracy"] == 0.0


def test_cli_rejects_gold_without_blocks(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "no page here"}) + "\n")
    p = subprocess.run([sys.executable, "-m", "whowhom.cli", "eval", "anatomy", str(gold)],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "Traceback" not in p.stderr and "anatomy" in p.stderr
