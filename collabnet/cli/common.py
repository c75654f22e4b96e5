"""What several commands share: the dataset argument, common options, error handling.

Every command turns collabnet's own errors into a one-line message on
stderr and exit status 2 (never a traceback), via :func:`load_or_exit` and
:func:`handle_errors`.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from collabnet.codes import LANGS, LEVELS
from collabnet.errors import CollabnetError, reason

__all__ = ["privacy_options", "dataset_argument", "at_option", "lang_option", "zone_option", "quiet_option", "out_option",
           "default_dataset", "load_or_exit", "handle_errors", "EXIT_UNUSABLE", "echo_err", "default_out", "date_value",
           "code_choice", "at_least_one",
           "since_option", "actions_option", "level_option", "check_since", "analysis_since", "changes_since",
           "earlier_actions", "contacts_option", "check_out_folder", "cli_lang", "say", "words", "problem_line", "zone_label"]

EXIT_UNUSABLE = 2
BUNDLED = "brussels"
# ctx.meta keys: the --keep-column names, and the key of a pseudonymised run (for an earlier actions file).
_KEEP = "collabnet.keep_columns"
_KEY = "collabnet.pseudonym_key"


def default_dataset() -> Path:
    """The bundled Brussels dataset: ``./datasets/brussels``, else next to the installed source tree."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base / "datasets" / BUNDLED
        if candidate.is_dir():
            return candidate
    raise click.ClickException(say("cli.no_dataset"))


def default_out(dataset_name: str) -> Path:
    """Default output folder: ``reports/<dataset name>/``."""
    return Path("reports") / dataset_name


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def cli_lang() -> str:
    """The running command's ``--lang`` (English for a command without one): the language of its messages."""
    ctx = click.get_current_context(silent=True)
    return (ctx.params.get("lang") if ctx is not None else None) or "en"


def words():
    """The vocabulary of the running command's ``--lang`` (no dataset's names: for its messages)."""
    from collabnet.words import plain

    return plain(cli_lang())


def say(key: str, n: int | None = None, **fields: object) -> str:
    """Message ``key`` of :mod:`collabnet.words` in the running command's ``--lang``; ``n`` counts (plural)."""
    vocabulary = words()
    return vocabulary.word(key, **fields) if n is None else vocabulary.count(key, n, **fields)


def zone_label(words, code: str) -> str:
    """A zone in a table of the terminal: its name in Dutch and French (``Zuid``, ``Sud``), its code in English
    (as the English tables always showed it)."""
    return str(code) if words.lang == "en" else words.zone_name(code)


def problem_line(problem) -> str:
    """A problem of the input as a command prints it, in ``--lang``: ``FILE:ROW: COLUMN: reason``, the reason
    of a warning (the row is used) after ``warning:``."""
    vocabulary = words()
    warning = "" if problem.left_out else vocabulary.word("cli.warning")
    return f"{problem.file}:{problem.row}: {problem.column}: {warning}{vocabulary.say(problem.message)}"


def fail_with(exc: CollabnetError) -> None:
    """Print ``Error: <the error's message>`` (in ``--lang``) on stderr and exit with status 2."""
    echo_err(say("cli.error", message=words().say(exc.message)))
    sys.exit(EXIT_UNUSABLE)


def fail(key: str, **fields: object) -> None:
    """Print ``Error: <message>`` (in ``--lang``) on stderr and exit with status 2."""
    echo_err(say("cli.error", message=say(key, **fields)))
    sys.exit(EXIT_UNUSABLE)


def check_out_folder(out: Path | None) -> None:
    """``--out`` of a command that writes several files must be a folder (or not exist yet)."""
    if out is None:
        return
    blocking = next((p for p in (out, *out.parents) if p.exists()), None)
    if blocking is not None and not blocking.is_dir():
        free = blocking.with_suffix("") if blocking.suffix else blocking.with_name(blocking.name + "-out")
        fail("cli.out_is_file", path=blocking, folder=free / out.relative_to(blocking))


def dataset_argument(func: Callable) -> Callable:
    """Optional DATASET argument (default: the bundled Brussels dataset)."""
    return click.argument("dataset", required=False, type=click.Path(path_type=Path))(func)


def at_option(func: Callable) -> Callable:
    return click.option(
        "--at", "at", metavar="DATE", default=None,
        help="Analysis date, DD/MM/YYYY or YYYY-MM-DD: only memberships and ties active on that day count "
             "(default: today).",
    )(func)


def lang_option(func: Callable) -> Callable:
    # eager: the other options' checks (a date, a code) answer in this language wherever it is on the line
    return click.option(
        "--lang", type=code_choice(LANGS), default="en", show_default=True, is_eager=True,
        help="Language of labels, rationales, reports and messages.",
    )(func)


def zone_option(func: Callable) -> Callable:
    return click.option("--zone", "zone", default=None, metavar="ZONE",
                        help="Only this care zone (code or name in NL/FR/EN, e.g. south, Zuid, Sud).")(func)


def level_option(func: Callable) -> Callable:
    """``--level``: the graph every output is computed on (the organisation graph by default)."""
    return click.option(
        "--level", type=code_choice(LEVELS), default="organisations", show_default=True,
        help="organisations: persons are folded into their organisation, whose links are its own and its "
             "staff's (the default); actors: every person and organisation on its own.",
    )(func)


def quiet_option(func: Callable) -> Callable:
    return click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")(func)


def code_choice(choices) -> click.Choice:
    """An option's choice of codes, matched case-insensitively; the program gets the code as listed.

    >>> code_choice(("nl", "fr", "en")).convert("NL", None, None)
    'nl'
    """
    return click.Choice(list(choices), case_sensitive=False)


def date_value(ctx: click.Context, param: click.Parameter, value: str | None):
    """A click callback: an option's date (day first, or ISO: :func:`collabnet.dataset.dates.parse_date`)
    as a date; a clean usage error otherwise.

    >>> date_value(None, None, "1/2/2024")
    datetime.date(2024, 2, 1)
    """
    from collabnet.dataset.dates import parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(words().say(exc.message)) from None


def at_least_one(key: str) -> Callable:
    """A click callback: a whole number of at least 1, else a usage error in ``--lang`` (the message
    ``problem.<key>`` with the number as ``n``)."""

    def check(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
        if value is not None and value < 1:
            raise click.BadParameter(words().say(reason(key, n=value)))
        return value
    return check


def since_option(help_text: str) -> Callable:
    def decorate(func: Callable) -> Callable:
        return click.option("--since", "since", metavar="DATE", callback=date_value, default=None,
                            help=help_text)(func)
    return decorate


def actions_option(func: Callable) -> Callable:
    return click.option("--actions", "actions", type=click.Path(path_type=Path), default=None, metavar="ACTIONS.csv",
                        help="With --since: the actions.csv of that time; the report says which were realised.")(func)


def check_since(dataset, since) -> None:
    """``--since`` must not come after the analysis date."""
    if since is not None and since > dataset.at:
        raise click.UsageError(say("cli.since_after_at", since=since, at=dataset.at))


def analysis_since(dataset, since, actions: Path | None = None, *, level: str = "organisations", exact: bool = False,
                   progress=None):
    """The analysis of ``dataset`` on the date ``since`` (``--since``), or None without it.

    ``actions`` (``--actions``, an earlier actions.csv) needs ``since``; both are checked here,
    before any analysis runs.
    """
    if since is None:
        if actions is not None:
            raise click.UsageError(say("cli.actions_needs_since"))
        return None
    check_since(dataset, since)
    from collabnet.analyses import analyse
    from collabnet.progress import NO_PROGRESS

    return analyse(dataset.on(since), level=level, exact=exact, progress=progress or NO_PROGRESS)


def changes_since(old, new, actions: Path | None = None):
    """What changed from the analysis ``old`` (of ``--since``, or None) to ``new`` (a :class:`collabnet.diff.Diff`),
    with the follow-up of the earlier ``actions`` file; None without ``old``."""
    if old is None:
        return None
    from collabnet.diff import compare

    earlier = earlier_actions(actions, old.dataset, new.dataset) if actions is not None else None
    return compare(old, new, actions=earlier)


def earlier_actions(path: Path, *datasets) -> list[dict[str, str]]:
    """The rows of an earlier actions file (``--actions``); under ``--pseudonymise`` its ids become the
    pseudonyms of ``datasets`` and its sentences are dropped (:func:`collabnet.privacy.pseudonymise_actions`)."""
    from collabnet.diff import read_actions

    rows = read_actions(path)
    ctx = click.get_current_context(silent=True)
    key = ctx.meta.get(_KEY) if ctx is not None else None
    if key is None:
        return rows
    from collabnet.privacy import pseudonymise_actions

    return pseudonymise_actions(rows, key, datasets)


def out_option(help_text: str) -> Callable:
    def decorate(func: Callable) -> Callable:
        return click.option("--out", "out", type=click.Path(path_type=Path), default=None, help=help_text)(func)
    return decorate


def contacts_option(func: Callable) -> Callable:
    """``--include-contacts``: only on the command whose files can hold e-mail and phone (``export``)."""
    return click.option("--include-contacts", is_flag=True,
                        help="Also export persons' e-mail and phone (personal data: only when you must).")(func)


def privacy_options(func: Callable) -> Callable:
    """``--pseudonymise`` / ``--key-file``, shared by every command that writes outputs."""
    func = click.option("--key-file", type=click.Path(dir_okay=False, path_type=Path), default=None,
                        help="Secret key for --pseudonymise (default ~/.config/collabnet/pseudonym.key, created "
                             "on first use). Keep it: the same key gives the same pseudonyms.")(func)
    func = click.option("--pseudonymise", "--pseudonymize", "pseudonymise", is_flag=True,
                        help="Replace persons' ids and names with stable pseudonyms in every output, and leave "
                             "out free text (neighbourhood, notes, extra columns) that may name them.")(func)
    func = click.option("--keep-column", "keep_columns", multiple=True, metavar="NAME", expose_value=False,
                        callback=_remember_kept,
                        help="With --pseudonymise: keep this free-text or extra column (organisations, groups, "
                             "links only; persons' values are always left out). Repeatable.")(func)
    return func


def _remember_kept(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    ctx.meta[_KEEP] = value
    return value


def handle_errors(func: Callable) -> Callable:
    """Turn collabnet errors and file-system errors (unreadable input, unwritable output) into a clean
    message with exit status 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except CollabnetError as exc:
            fail_with(exc)
        except IsADirectoryError as exc:
            fail("cli.is_folder", path=exc.filename)
        except (FileExistsError, NotADirectoryError) as exc:  # a file where a folder of outputs should go
            fail("cli.not_a_folder", path=exc.filename)
        except PermissionError as exc:
            fail("cli.no_permission", path=exc.filename)
        except OSError as exc:  # full disk, unreadable file
            echo_err(say("cli.error", message=f"{exc.filename or 'output'}: {exc.strerror or exc}"))
            sys.exit(EXIT_UNUSABLE)

    return wrapper


def resolve_zone(dataset, zone: str | None) -> str | None:
    """The zone code named by ``--zone`` (any alias), or a clean error."""
    if zone is None:
        return None
    from collabnet.dataset.validation import ZoneTable

    table = ZoneTable(dataset.zones)
    code = table.match_zone(zone)
    if code is None:
        raise click.UsageError(words().say(reason("option", option="--zone", reason=table.zone_codes.unknown_message(zone))))
    return code


def load_or_exit(dataset: Path | None, at: str | None = None, quiet: bool = False, *, pseudonymise: bool = False,
                 key_file: Path | None = None, include_contacts: bool = False):
    """Load a dataset for a command; unusable datasets exit with status 2.

    Rows left out are counted on stderr (unless ``quiet``), so every
    command states how many rows it left out, and files or sheets not read are named. Personal data are handled
    here, once for every output: contacts are removed unless
    ``include_contacts``; ``pseudonymise`` replaces persons' ids and names and
    leaves out free text but the ``--keep-column`` ones, and the key is kept for
    :func:`earlier_actions`.
    """
    from collabnet.dataset import load_dataset
    from collabnet.privacy import load_key, without_contacts
    from collabnet.privacy import pseudonymise as make_pseudonymous
    from collabnet.progress import Progress

    path = dataset if dataset is not None else default_dataset()
    ctx = click.get_current_context(silent=True)
    keep = ctx.meta.get(_KEEP, ()) if ctx is not None else ()
    if keep and not pseudonymise:
        raise click.UsageError(say("cli.keep_needs_pseudonymise"))
    if pseudonymise and include_contacts:
        raise click.UsageError(say("cli.contacts_or_pseudonymise"))
    try:
        with Progress(enabled=not quiet, lang=cli_lang()).step("reading the dataset"):
            ds = load_dataset(path, at=at)
        if pseudonymise:
            key = load_key(key_file)
            ds = make_pseudonymous(ds, key, keep=keep)
            if ctx is not None:
                ctx.meta[_KEY] = key
        elif not include_contacts:
            ds = without_contacts(ds)
    except CollabnetError as exc:
        fail_with(exc)
    except OSError as exc:
        echo_err(say("cli.error", message=f"{exc.filename or path}: {exc.strerror}"))
        sys.exit(EXIT_UNUSABLE)
    left_out = ds.rows_left_out
    if not quiet:
        for problem in ds.files_not_read:  # a file or sheet that is no table of the dataset: never ignored silently
            echo_err(problem_line(problem))
    if left_out and not quiet:
        echo_err(say("cli.left_out", left_out, path=path))
    return ds
