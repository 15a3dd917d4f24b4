"""Readers turn paths (or stdin) into RawDoc records; writers turn events into files."""

from whowhom.io.readers import RawDoc, read_inputs

__all__ = ["RawDoc", "read_inputs"]
