"""Readers turn paths (or stdin) into RawDoc records (or Skips, saying why an input gives no page);
writers turn events into files."""

from whowhom.io.readers import MAX_PAGE_BYTES, RawDoc, Skip, iter_inputs, read_inputs

__all__ = ["MAX_PAGE_BYTES", "RawDoc", "Skip", "iter_inputs", "read_inputs"]
