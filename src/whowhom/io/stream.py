"""A binary input read as a stream with bounded reads: what the readers use so that no page is read past
its size limit, gzip is decompressed as it is read, and format sniffing can look ahead."""

from __future__ import annotations

import gzip
import zlib

from whowhom.errors import InputError


class BrokenInput(InputError):
    """A stream that cannot be read on: truncated or corrupt gzip data, an I/O error. `detail` is the
    message without the file name."""
    def __init__(self, name: str, detail: str):
        super().__init__(f"{name}: {detail}")
        self.detail = detail


class Stream:
    """A binary stream read through a buffer: bounded reads and lines, a look ahead (peek), and bytes put
    back (unread), which format sniffing and finding the next WARC record after a bad one need."""

    CHUNK, BIG = 1 << 16, 1 << 20  # the least read at a time; the most, where a line or record is long

    def __init__(self, raw, name: str, broken: str):
        # read1 gives what there is before an error (a truncated gzip stream), where read would lose it
        self._read = getattr(raw, "read1", raw.read)
        self._name, self._broken = name, broken
        self._buf = bytearray()
        self._eof = False
        self._error: BrokenInput | None = None

    def _more(self, n: int = CHUNK) -> bool:
        """Read more into the buffer; False at the end of the stream."""
        if self._eof:
            return False
        try:
            chunk = self._read(max(n, self.CHUNK))
        except (OSError, EOFError, zlib.error) as e:
            self._error = BrokenInput(self._name, f"{self._broken} ({e})")
            chunk = b""
        if not chunk:
            self._eof = True
            return False
        self._buf += chunk
        return True

    def _end(self) -> None:
        # A read came up short: fine at the end of the data, an error if the stream broke off there.
        if self._error is not None:
            raise self._error

    def _take(self, n: int) -> bytes:
        out = bytes(self._buf[:n])
        del self._buf[:n]
        return out

    def _fill(self, n: int) -> bool:
        """Whether the buffer holds n bytes, after reading what it takes."""
        while len(self._buf) < n and self._more(n - len(self._buf)):
            pass
        return len(self._buf) >= n

    def peek(self, n: int) -> bytes:
        """Up to n bytes ahead, left to be read (a look ahead never raises: the read will)."""
        self._fill(n)
        return bytes(self._buf[:n])

    def read(self, n: int) -> bytes:
        if not self._fill(n):
            self._end()
        return self._take(n)

    def readline(self, n: int) -> bytes:
        """One line with its newline, or its first n bytes if it is longer; b"" at the end."""
        seen = 0
        while True:
            end = self._buf.find(b"\n", seen, n)
            if end >= 0:
                return self._take(end + 1)
            if len(self._buf) >= n:
                return self._take(n)
            seen = len(self._buf)
            if not self._more(min(n - seen, self.BIG)):
                self._end()
                return self._take(len(self._buf))

    def discard_line(self, most: int) -> bool:
        """Pass over the rest of a line, if it ends within `most` bytes; whether it did."""
        while most > 0 and (part := self.readline(min(most, self.BIG))):
            if part.endswith(b"\n"):
                return True
            most -= len(part)
        return most > 0  # the end of the data ends a line too

    def discard(self, n: int) -> int:
        """Pass over n bytes without keeping them; how many there were."""
        done = 0
        while done < n and (self._buf or self._more(min(n - done, self.BIG))):
            k = min(len(self._buf), n - done)
            del self._buf[:k]
            done += k
        if done < n:
            self._end()
        return done

    def unread(self, data: bytes) -> None:
        self._buf[:0] = data


def open_stream(raw, name: str) -> Stream:
    """A Stream of the bytes of `raw` (a binary file object), decompressed if they are gzip."""
    src = Stream(raw, name, "cannot read")
    if src.peek(2) == b"\x1f\x8b":
        # Decompressed as it is read, never more than asked for: a gzip bomb costs no more than the limit.
        src = Stream(gzip.GzipFile(fileobj=src, mode="rb"), name, "broken gzip data")
    return src
