"""Stories of sport and show business give no political events (page/genre.py), on texts written for these tests."""

from whowhom.page import Article
from whowhom.page.genre import genre
from whowhom.pipeline import code_article

SPORT = ("Spanish champions Real Madrid are prepared to pay a record fee for the Portuguese winger, the club's "
         "president said on Monday. The striker has scored 20 goals this season and the league leaders want "
         "him before the transfer window closes. His current club rejected a first offer in the summer, and "
         "the coach said the squad would fight for the championship and the cup.")
NEWS = ("Spain's foreign minister criticised Morocco on Monday for detaining two Spanish fishermen, and said "
        "Madrid would recall its ambassador. The minister spoke after a football match in Rabat was called "
        "off. Morocco's government said the fishermen had entered its waters illegally.")


def article(body: str) -> Article:
    return Article(id="g", title=None, date="2024-01-15", author=None, body=body)


def test_a_story_of_sport_is_told_apart_from_news_that_mentions_a_match():
    assert genre(SPORT) == "sport"
    assert genre(NEWS) is None
    assert genre("") is None


def test_a_story_of_sport_gives_no_events_unless_uncoded_ones_are_asked_for():
    assert not code_article(article(SPORT))
    assert code_article(article(SPORT), uncoded=True)
    assert any(e.source.startswith("ESP") and e.cameo_root == "11" for e in code_article(article(NEWS)))


def test_a_cricket_row_told_by_its_umpires_and_players_is_sport():
    body = ("India threatened to abandon the tour of Australia after the umpires banned their spinner for three "
            "Tests. The players were incensed by the umpiring in the second Test, and the captain accused the "
            "hosts of gamesmanship. The batting coach said his teammates would stay for the one-day series.")
    assert genre(body) == "sport"


def test_a_basketball_night_told_in_rebounds_and_layups_is_sport():
    body = ("Houston beat Dallas 101-92 on Friday night. The center grabbed 14 rebounds and added six assists, and "
            "the guard hit a three-pointer and two free-throws in a fourth-quarter run. After a driving layup cut "
            "the lead to five, the visitors held on through overtime. The home side were held to 12 points in "
            "the second half after halftime adjustments by the visitors.")
    assert genre(body) == "sport"


def test_a_reality_show_told_by_its_comedian_host_is_show_business():
    body = ("The comedian who hosted the talent show last night told the contestants she had chosen three of them "
            "for the public vote. The celebrity panel sat beside her, and two comedians who had left the house on "
            "Sunday joined the housemates on stage. The comedian thanked the housemates and wished them well.")
    assert genre(body) == "show"
    assert not code_article(article(body))


def test_a_short_brief_dense_with_sport_words_is_sport_and_a_short_political_one_is_not():
    brief = ("Arsenal hope to complete the signing of the French forward before Sunday's clash with Everton. "
             "Lyon have rejected a first bid, and two of the club's strikers are injured.")
    assert genre(brief) == "sport"
    treaty = ("Kenya and Uganda ended their border dispute on Monday with the signing of a final agreement, "
              "the two governments said. The transfer of the island to Uganda will follow within a month.")
    assert genre(treaty) is None


def test_a_brief_that_names_a_leagues_teams_is_sport():
    brief = ("Raptors guard T.J. Ford was cleared to resume workouts on Wednesday after visiting a spine specialist. "
             "It is not clear when he will appear in a game for the Raptors again. \"The prognosis is looking good,\" "
             "Raptors director of media relations Jim LaBumbard said after Toronto beat Philadelphia on Wednesday night.")
    assert genre(brief) == "sport"
