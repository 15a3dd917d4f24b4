"""Event dating: the date phrase of the event's own clause, resolved against the article's day at the
phrase's precision; background = dated more than a month before the article."""

import datetime as dt

import pytest

from whowhom.events import dating

TUESDAY = dt.date(2024, 1, 16)


@pytest.mark.parametrize("phrase, future, want", [
    ("yesterday", False, "2024-01-15"),
    ("Monday", False, "2024-01-15"),
    ("Tuesday", False, "2024-01-16"),          # the article's own weekday: that day, not a week before
    ("Wednesday", False, "2024-01-10"),
    ("Friday", True, "2024-01-19"),            # what will happen: the next one
    ("last month", False, "2023-12"),
    ("earlier this month", False, "2024-01"),
    ("last week", False, "2024-01"),
    ("some six years ago", False, "2018"),
    ("2014", False, "2014"),
    ("March 1999", False, "1999-03"),
    ("Nov. 11", False, "2023-11-11"),
    ("next year", True, "2025"),
    ("the day", False, None),
])
def test_phrases_resolve_at_their_precision(phrase, future, want):
    assert dating.resolve(phrase, TUESDAY, future) == want


def test_without_an_article_date_only_absolute_dates_resolve():
    assert dating.resolve("March 1999", None) == "1999-03"
    assert dating.resolve("2014", None) == "2014"
    assert dating.resolve("last month", None) is None
    assert dating.resolve("Monday", None) is None


def test_background_is_more_than_a_month_before_the_article():
    assert dating.last_day("2023") == dt.date(2023, 12, 31)
    assert dating.last_day("2024-02") == dt.date(2024, 2, 29)
    assert dating.first_day("2024-02") == dt.date(2024, 2, 1)
    assert dating.is_background("2023-12", "2024-02-01")       # ended 32 days before
    assert not dating.is_background("2023-12", "2024-01-31")   # 31 days: still news
    assert not dating.is_background("2024", "2024-06-01")      # a year that is not over
    assert dating.is_background("1979", "2024-06-01")
    assert not dating.is_background("2025-01-01", "2024-06-01")
    assert not dating.is_background(None, "2024-06-01") and not dating.is_background("1979", None)
    assert dating.count_date("2024", "2024-06-01") == "2024-06-01"
    assert dating.count_date("2023-12", "2024-06-01") == "2023-12"
    assert dating.count_date(None, "2024-06-01") == "2024-06-01"


@pytest.fixture(scope="module")
def parse():
    from whowhom import nlp
    return nlp.load()


@pytest.mark.parametrize("text, trigger, want", [
    ("Russia annexed Crimea in 2014.", "annexed", "2014"),
    ("Crowds recalled the 1979 siege of the embassy.", "siege", "1979"),
    ("Belarus expelled two diplomats last month.", "expelled", "2023-12"),
    ("The army launched an attack on the rebels yesterday.", "attack", "2024-01-15"),   # the governing verb's date
    ("Yesterday's raid on the convoy killed four soldiers.", "raid", "2024-01-15"),
    ("Two officers were killed during an operation in May 2007.", "killed", "2007-05"),
    ("Since 1989, when it crushed the protests, the party has feared unrest.", "crushed", "1989"),
    ("Tanks shelled the town on Monday, killing ten people.", "killing", "2024-01-15"),
    ("The premier will visit Vilnius on Friday.", "visit", "2024-01-19"),
    ("Greece accused Turkey earlier this month of violating its airspace.", "accused", "2024-01"),
    # a date of another clause is not this event's
    ("The minister said on Monday that Iran seized the tanker in June 2006.", "said", "2024-01-15"),
    ("The minister said on Monday that Iran seized the tanker in June 2006.", "seized", "2006-06"),
    ("The talks collapsed after the 2001 attacks.", "collapsed", "2024-01-16"),
    ("Serbia has rejected the plan for two weeks.", "rejected", "2024-01-16"),       # a stretch, not a date
    ("Poland signed the treaty.", "signed", "2024-01-16"),
])
def test_the_date_of_the_events_own_clause(parse, text, trigger, want):
    tok = next(t for t in parse(text) if t.text == trigger)
    assert dating.event_date(tok, "2024-01-16") == want


def test_the_pipeline_marks_background_events(code_sentence):
    events = code_sentence("Russia invaded Ukraine in 2014, and Poland condemned Russia on Monday.", "2024-01-16")
    by_trigger = {e.trigger: e for e in events}
    assert by_trigger["invaded"].event_date == "2014" and by_trigger["invaded"].background
    assert by_trigger["condemned"].event_date == "2024-01-15" and not by_trigger["condemned"].background

