"""The one exception type the CLI turns into a one-line error and exit code 2."""


class InputError(Exception):
    """Bad input: unreadable file, unknown format, malformed record."""
