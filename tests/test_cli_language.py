"""The errors and lines of the commands in the user's language (issue 18): plans, pseudonymisation, earlier
actions, views, the options that exclude each other, diff, export, info and the match scores of an import.

Each message is checked through the command line in Dutch and French: exit status 2 for an error, exact text
for some, and no English line (the shared detector, tests/english.py, on the message without its data). Click's
own framing of a usage error (``Usage:``, ``Try ... for help.``, ``Error:``) is click's and stays English.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from english import ENGLISH, without_data

from collabnet.cli import cli
from collabnet.errors import english
from collabnet.words import Vocabulary

BRUSSELS = Path(__file__).parents[1] / "datasets" / "brussels"
INTAKE = Path(__file__).parent / "data" / "intake"
AT = "2024-06-30"
CLICK_FRAME = ("Usage: ", "Try '")


def run(*args) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def message(output: str) -> str:
    """What the command says, without click's framing of a usage error."""
    lines = [line for line in output.splitlines() if line and not line.startswith(CLICK_FRAME)]
    return "\n".join(line.removeprefix("Error: ") for line in lines)


def english_lines(output: str) -> list[str]:
    return [line for line in message(output).splitlines() if ENGLISH.search(without_data(line))]


def fails_in(lang: str, *args) -> str:
    """The message of a command that stops (status 2) in ``lang``; it has no English line."""
    status, output = run(*args, "--lang", lang)
    assert status == 2, output
    assert english_lines(output) == [], output
    return message(output)


# ----- every error below, in Dutch and French: status 2 and no English line

@pytest.fixture
def key_files(tmp_path) -> dict[str, Path]:
    short, big = tmp_path / "short.key", tmp_path / "big.key"
    short.write_text("short\n", encoding="utf-8")
    big.write_text("k" * 5000, encoding="utf-8")
    actions = tmp_path / "actions.csv"
    actions.write_text("zone,priority\nsouth,1\n", encoding="utf-8")
    return {"short": short, "big": big, "device": Path("/dev/null"), "actions": actions}


def error_cases(tmp_path: Path, keys: dict[str, Path]) -> dict[str, list]:
    out, actions = tmp_path / "out", keys["actions"]
    return {
        "seats": ["plan", "invite", BRUSSELS, "--zone", "south", "--seats", "0"],
        "count": ["plan", "introduce", BRUSSELS, "--zone", "south", "--count", "0"],
        "zone without actors": ["plan", "invite", BRUSSELS, "--zone", "north", "-q"],
        "unknown actor": ["plan", "leave", BRUSSELS, "--actor", "brusan", "-q"],
        "short key": ["analyze", BRUSSELS, "--pseudonymise", "--key-file", keys["short"], "--out", out, "-q"],
        "big key": ["analyze", BRUSSELS, "--pseudonymise", "--key-file", keys["big"], "--out", out, "-q"],
        "device key": ["analyze", BRUSSELS, "--pseudonymise", "--key-file", keys["device"], "--out", out, "-q"],
        "never kept": ["analyze", BRUSSELS, "--pseudonymise", "--key-file", tmp_path / "k.key",
                       "--keep-column", "name", "--out", out, "-q"],
        "no such column": ["analyze", BRUSSELS, "--pseudonymise", "--key-file", tmp_path / "k.key",
                           "--keep-column", "colour", "--out", out, "-q"],
        "keep without pseudonymise": ["analyze", BRUSSELS, "--keep-column", "notes", "--out", out, "-q"],
        "contacts and pseudonyms": ["export", BRUSSELS, "-f", "gexf", "--pseudonymise", "--include-contacts",
                                    "--out", out / "x.gexf", "-q"],
        "actions folder": ["report", BRUSSELS, "--at", AT, "--since", "2024-01-01", "--actions", tmp_path,
                           "--out", out, "-q"],
        "actions column": ["report", BRUSSELS, "--at", AT, "--since", "2024-01-01", "--actions", actions,
                           "--out", out, "-q"],
        "actions without since": ["report", BRUSSELS, "--actions", actions, "--out", out, "-q"],
        "since after at": ["report", BRUSSELS, "--at", AT, "--since", "2024-12-01", "--out", out, "-q"],
        "view zone without actors": ["view", BRUSSELS, "--zone", "Nord", "--out", out, "-q"],
        "view since sectors": ["view", BRUSSELS, "--since", "2024-01-01", "--aggregate", "sectors", "-q"],
        "diff three datasets": ["diff", BRUSSELS, BRUSSELS, BRUSSELS],
        "diff without from": ["diff", BRUSSELS],
        "diff at with one dataset": ["diff", BRUSSELS, "--from", "2024-01-01", "--at", AT],
        "diff from after to": ["diff", BRUSSELS, "--from", "2024-06-01", "--to", "2024-01-01"],
    }


CASES = sorted(error_cases(Path("/x"), {k: Path("/x") for k in ("short", "big", "device", "actions")}))


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_error_stops_in_the_user_s_language(case, lang, tmp_path, key_files):
    assert fails_in(lang, *error_cases(tmp_path, key_files)[case])


@pytest.mark.parametrize("case", CASES)
def test_the_english_detector_finds_each_english_error(case, tmp_path, key_files):
    status, output = run(*error_cases(tmp_path, key_files)[case])
    assert status == 2 and english_lines(output) == message(output).splitlines(), output


# ----- exact texts, English included

def test_a_plan_that_cannot_be_made(tmp_path, key_files):
    assert fails_in("nl", "plan", "invite", BRUSSELS, "--zone", "north", "-q") == (
        "Fout: geen enkele actor in zone 'north' (zones met actoren: centre-west, north-east, south, region)")
    assert fails_in("fr", "plan", "leave", BRUSSELS, "--actor", "brusan", "-q") == (
        "Erreur : acteur inconnu 'brusan' (vouliez-vous dire 'brusano' ?) ; indiquez l'identifiant ou le nom "
        "complet, comme dans isolated.csv ou `collabnet info`")
    assert fails_in("fr", "plan", "invite", BRUSSELS, "--seats", "0") == (
        "Invalid value for '--seats': le nombre de places doit être d'au moins 1, et non 0")
    assert run("plan", "leave", BRUSSELS, "--actor", "brusan", "-q") == (2, (
        "Error: unknown actor 'brusan' (did you mean 'brusano'?); `collabnet info` and isolated.csv list the "
        "actors\n"))
    assert "Error: Invalid value for '--count': count must be at least 1, not 0" in run(
        "plan", "introduce", BRUSSELS, "--count", "0")[1]


def test_a_zone_misspelt_gets_a_hint_in_french():
    import networkx as nx

    from collabnet.planning.scope import PlanError, scope_actors

    G = nx.Graph()
    G.add_node("a", zone="south")
    with pytest.raises(PlanError) as caught:
        scope_actors(G, "suth")
    assert Vocabulary("fr").say(caught.value.message) == (
        "aucun acteur dans le bassin 'suth' (vouliez-vous dire 'south' ? bassins avec des acteurs : south, region)")
    assert str(caught.value) == "no actor in zone 'suth' (did you mean 'south'? zones with actors: south, region)"


def test_a_person_who_belongs_to_no_organisation():
    import networkx as nx

    from collabnet.organisations import organisation_graph
    from collabnet.planning.leave import plan_person_leave
    from collabnet.planning.scope import PlanError

    G = nx.Graph([("cpas", "gp")])
    for v in G:
        G.nodes[v].update(kind="organisation", zone="south")
    with pytest.raises(PlanError) as caught:
        plan_person_leave(organisation_graph(G), "nobody")
    said = {lang: Vocabulary(lang).say(caught.value.message) for lang in ("nl", "fr", "en")}
    assert said == {"nl": "'nobody' is geen persoon van een organisatie in dit netwerk",
                    "fr": "'nobody' n'est pas une personne rattachée à une organisation de ce réseau",
                    "en": "'nobody' is no person of an organisation in this graph"}


def test_the_key_file_in_dutch_and_french(tmp_path, key_files):
    args = ["analyze", BRUSSELS, "--pseudonymise", "--out", tmp_path / "out", "-q", "--key-file"]
    assert fails_in("nl", *args, key_files["big"]) == (
        f"Fout: {key_files['big']}: 5000 bytes is te groot voor een sleutelbestand (hoogstens 4096 bytes)")
    assert fails_in("fr", *args, key_files["device"]) == (
        "Erreur : /dev/null : pas un fichier ordinaire ; un fichier de clé est un petit fichier texte")
    assert fails_in("fr", *args, key_files["short"]).startswith(
        f"Erreur : {key_files['short']} : la clé de pseudonymisation est longue de 5 octets ; il faut au moins 32 "
        "octets")
    assert run(*args, key_files["big"]) == (2, f"Error: {key_files['big']}: 5000 bytes is not a key file (at most "
                                              "4096 bytes)\n")


def test_a_key_file_that_is_a_folder_or_empty(tmp_path):
    from collabnet.privacy import PrivacyError, check_key, load_key

    with pytest.raises(PrivacyError) as caught:
        load_key(tmp_path)
    assert Vocabulary("nl").say(caught.value.message) == f"{tmp_path}: dit is een map; geef een sleutelbestand"
    assert str(caught.value) == f"{tmp_path}: is a folder, expected a key file"
    with pytest.raises(PrivacyError) as caught:
        check_key(b"", "k.key")
    assert Vocabulary("fr").say(caught.value.message).startswith("k.key : la clé de pseudonymisation est vide ;")
    assert str(caught.value).startswith("k.key: the pseudonymisation key is empty; at least 32 are needed")


def test_two_persons_on_one_pseudonym():
    from collabnet.privacy import PrivacyError, pseudonym, pseudonyms

    key = b"k" * 32
    with pytest.raises(PrivacyError) as caught:
        pseudonyms(["p1"], key, taken=[pseudonym("p1", key)], where={"p1": "actors.csv:5"})
    name = pseudonym("p1", key)
    assert Vocabulary("fr").say(caught.value.message) == (
        f"collision de pseudonymes : '{name}' et 'p1' (actors.csv:5) deviendraient tous deux {name} ; deux acteurs ne "
        "peuvent pas partager un pseudonyme, rien n'a donc été écrit (utilisez un autre --key-file)")
    assert str(caught.value) == (
        f"pseudonym collision: '{name}' and 'p1' (actors.csv:5) would both become {name}; no two actors may share "
        "one, so nothing was written (use another --key-file)")
    assert ENGLISH.search(without_data(Vocabulary("nl").say(caught.value.message))) is None


def test_keep_column_in_dutch(tmp_path):
    args = ["analyze", BRUSSELS, "--pseudonymise", "--key-file", tmp_path / "k.key", "--out", tmp_path, "-q"]
    assert fails_in("nl", *args, "--keep-column", "email") == (
        "Fout: --keep-column email: id's, namen, e-mailadressen en telefoonnummers worden met --pseudonymise nooit "
        "bewaard")
    assert fails_in("fr", "analyze", BRUSSELS, "--keep-column", "notes", "-q") == (
        "--keep-column choisit ce que --pseudonymise conserve : utilisez-le avec --pseudonymise")
    assert message(run("analyze", BRUSSELS, "--keep-column", "notes", "-q")[1]) == (
        "--keep-column chooses what --pseudonymise keeps: use it with --pseudonymise")


def test_an_earlier_actions_file(tmp_path):
    actions = tmp_path / "actions.csv"
    actions.write_text("zone,priority\nsouth,1\n", encoding="utf-8")
    args = ["report", BRUSSELS, "--at", AT, "--since", "2024-01-01", "--out", tmp_path / "out", "-q", "--actions"]
    assert fails_in("fr", *args, actions) == (
        "Erreur : actions.csv:1: action: colonne obligatoire manquante (un fichier d'actions a les colonnes zone, "
        "action, actors, ...)")
    assert fails_in("nl", *args, tmp_path) == f"Fout: {tmp_path}: dit is een map; geef een actiebestand (.csv)"
    assert run(*args, actions) == (2, "Error: actions.csv:1: action: required column missing (an actions file has "
                                      "the columns zone, action, actors, ...)\n")
    assert fails_in("nl", "report", BRUSSELS, "--at", AT, "--since", "2024-12-01", "-q") == (
        "--since 2024-12-01 valt na de analysedatum 2024-06-30 (--at)")


def test_a_view_of_a_zone_without_actors():
    assert fails_in("fr", "view", BRUSSELS, "--zone", "Nord", "-q") == (
        "Erreur : aucun acteur dans le bassin 'north' ; bassins de ce réseau : centre-west, north-east, region, south")


def test_diff_s_usage_errors():
    assert fails_in("nl", "diff", BRUSSELS, "--from", "2024-06-01", "--to", "2024-01-01") == (
        "--from 2024-06-01 valt na --to 2024-01-01")
    assert fails_in("fr", "diff", BRUSSELS) == (
        "indiquez --from pour comparer un jeu de données à deux dates (ou indiquez deux jeux de données : OLD NEW)")
    assert message(run("diff", BRUSSELS, BRUSSELS, BRUSSELS)[1]) == (
        "give one DATASET (with --from and --to) or two datasets OLD NEW, not 3")


# ----- lines of a command that works

@pytest.mark.parametrize(("lang", "expected"), [("nl", "Veranderingen van brussels op 2024-01-01 tot brussels op "
                                                       "2024-06-30"),
                                                ("fr", "Changements de brussels au 2024-01-01 à brussels au "
                                                       "2024-06-30")])
def test_diff_speaks_the_user_s_language(lang, expected, tmp_path):
    status, output = run("diff", BRUSSELS, "--from", "2024-01-01", "--to", AT, "--lang", lang, "--out", tmp_path)
    assert status == 0 and output.splitlines()[0] == expected
    assert english_lines(output) == []
    zones = {"nl": ("Zuid", "Gewest", "0,21"), "fr": ("Sud", "Région", "0,21")}[lang]
    assert all(word in output for word in zones)
    wrote = {"nl": f"Bestanden opgeslagen in {tmp_path}: diff_ties.csv", "fr": f"Fichiers enregistrés dans {tmp_path} "
             ": diff_ties.csv"}[lang]
    assert wrote in output


@pytest.mark.parametrize(("lang", "one", "many"), [
    ("nl", "(1 actor, 0 verbindingen)", "(21 actoren, 97 verbindingen)"),
    ("fr", "(1 acteur, 0 lien)", "(21 acteurs, 97 liens)"),
    ("en", "(1 actor, 0 links)", "(21 actors, 97 links)")])
def test_export_counts_with_their_plural(lang, one, many, tmp_path):
    lines = [run("export", BRUSSELS, "-f", "gexf", "--at", AT, "--zone", zone, "--lang", lang, "--out",
                 tmp_path / f"{zone}.gexf")[1].strip() for zone in ("centre-west", "south")]
    assert lines == [f"{tmp_path / 'centre-west.gexf'} {one}", f"{tmp_path / 'south.gexf'} {many}"]


def test_plan_says_what_it_wrote_in_dutch(tmp_path):
    status, output = run("plan", "invite", BRUSSELS, "--zone", "south", "--at", AT, "--lang", "nl", "--out",
                         tmp_path / "invite.csv")
    assert status == 0 and output.splitlines()[-1].endswith(f"actierijen opgeslagen in {tmp_path / 'invite.csv'}")


def test_match_scores_take_a_decimal_comma_in_dutch_and_french(tmp_path):
    ds = shutil.copytree(INTAKE / "zone", tmp_path / "zone")
    args = ["import", "attendance", INTAKE / "signin-atelier-sud.csv", "--dataset", ds, "--group", "ws-south-2024-03"]
    french = run(*args, "--lang", "fr", "--out", tmp_path / "fr")[1]
    assert ("signin-atelier-sud.csv:13: associée : 'CPAS Forrest' -> cpas-forest (score 95,7) ; score 95,7 pour "
            "'CPAS de Forest'") in french
    assert "signin-atelier-sud.csv:9: à vérifier : 'CPAS' ; meilleur score 78,6 < 90" in french
    dutch = run(*args, "--lang", "nl", "--out", tmp_path / "nl")[1]
    assert "(score 95,7); score 95,7 voor 'CPAS de Forest'" in dutch
    assert "(score 95.7)" in run(*args, "--out", tmp_path / "en")[1]


# ----- collabnet info

@pytest.fixture(scope="module")
def info() -> dict[str, str]:
    found = {}
    for lang in ("nl", "fr", "en"):
        status, found[lang] = run("info", BRUSSELS, "--at", AT, "--lang", lang)
        assert status == 0, found[lang]
    return found


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_info_has_no_english_line(info, lang):
    words = Vocabulary(lang)
    lines = [line.replace(str(BRUSSELS), "") for line in info[lang].splitlines()]
    assert [line for line in lines if ENGLISH.search(without_data(line))] == []
    assert words.zone_name("south") in info[lang] and "south" not in info[lang] and "working_group" not in info[lang]


def test_info_counts_with_their_plural(info):
    assert "\n  andere                 1 groep,     3 actieve lidmaatschappen\n" in info["nl"]
    assert "\n  partnerschap           2 groepen,     5 actieve lidmaatschappen\n" in info["nl"]
    assert "\n  autre                    1 groupe,     3 affiliations actives\n" in info["fr"]
    assert "3 liens directs ; réseau : 50 nœuds, 116 liens au 2024-06-30" in info["fr"]
    assert "Zuid          welzijn              0    10     0     0     1     11" in info["nl"]
    assert [Vocabulary(lang).count("cli.info.n.active", 1) for lang in ("nl", "fr")] == [
        "    1 actief lidmaatschap", "    1 affiliation active"]
    assert Vocabulary("fr").count("cli.n.ties", 1) == "1 lien direct"


def test_info_in_english_is_as_before(info):
    assert info["en"].splitlines()[1:] == [
        "50 actors (35 organisations, 15 persons), 20 groups, 123 memberships, 3 ties; graph: 50 nodes, 116 edges "
        "on 2024-06-30",
        "Rows left out: 0", "",
        "Actors per zone, sector family and line (line '-' = not a care provider):",
        "zone          family         0     1     2     3     -  total",
        *info["en"].splitlines()[6:14], "",
        "Groups by type (active memberships on the analysis date):",
        "  other             1 group(s),     3 active membership(s)",
        *info["en"].splitlines()[17:]]
    assert info["en"].splitlines()[6] == "centre-west   other          0     0     0     0     1      1"
    assert info["en"].splitlines()[17] == "  partnership       2 group(s),     5 active membership(s)"


def test_the_english_detector_finds_the_english_info(info):
    lines = [line.replace(str(BRUSSELS), "") for line in info["en"].splitlines() if line]
    found = [line for line in lines if ENGLISH.search(without_data(line))]
    assert len(found) >= 4  # the headers and the counts; the table's rows are codes and numbers


def test_english_of_a_message_is_its_str():
    from collabnet.errors import reason

    assert english(reason("seats_at_least_one", n=0)) == "seats must be at least 1, not 0"


def test_no_bundled_dataset_in_french(monkeypatch):
    import collabnet.cli.common as common

    monkeypatch.setattr(common, "BUNDLED", "not-there")
    status, output = run("info", "--lang", "fr")
    assert (status, output) == (1, "Error: aucun DATASET indiqué et le jeu fourni datasets/brussels est introuvable ; "
                                   "lancez la commande depuis le dossier de collabnet ou indiquez un jeu de données (un "
                                   "dossier de fichiers CSV ou un classeur .xlsx)\n")
    assert english_lines(output) == []
    assert "no DATASET given" in run("info")[1]
