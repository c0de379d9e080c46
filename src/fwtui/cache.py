"""A cache of loaded catalogs, derived from the data files' contents.

A loaded catalog is saved under a key that hashes every data file's bytes and
name, the load's settings, fwtui's version and the model's shape. A start
whose files hash to a saved key reads the catalog back instead of parsing
and checking the TOML again; an edited file hashes to a new key, so it is
never shown stale. The files are read and hashed on every start: that is the
check.

The file is read lazily. Its head holds what the list, the filter and the
sort need (each framework's names, category, summary, tags and links to
others, plus the attributes and sources), as a pickle; each framework's pros,
cons, facts, history and links are a separate ``marshal`` block
(``fwtui.cacheblock``), decoded when first used (see
``fwtui.model.deferred_framework``). At 10,000 frameworks the head is a few
MB and the blocks stay on disk, mapped, until a row is shown.

The cache is an optimisation only: a file that cannot be read, written or
trusted is ignored (and replaced on the next load), never reported. The one
exception is a block that fails its checksum after the start, when the
catalog is already in use: :class:`DamagedCache` says so in one line.
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import sys
import threading
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache, partial
from pathlib import Path
from types import MappingProxyType

from fwtui import __version__, cacheblock
from fwtui.gcpause import no_gc
from fwtui.model import (
    EAGER_FIELDS,
    Attribute,
    Catalog,
    Fact,
    FactValue,
    Framework,
    HistoryEvent,
    Link,
    PartialDate,
    Point,
    Source,
    deferred_framework,
)
from fwtui.problems import Problem

#: Bumped whenever the layout below changes.
FORMAT = 2
MAGIC = b"fwtui-catalog-cache\n"
SUFFIX = ".cache"
#: Caches kept per folder, most recently used first: one per set of files a
#: user starts fwtui with, and an edit makes a new one.
KEEP = 4
STALE_TEMP_SECONDS = 3600
_HEAD_SIZE = 8  # the head's length, little-endian, after MAGIC
_PROTOCOL = 5


class DamagedCache(Exception):
    """A cache block did not match its checksum (the disk changed under it)."""


@lru_cache(maxsize=1)  # fixed for the process; keys are made twice on a miss
def _model_shape() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The model's classes and fields: a cache from another shape is not read."""
    classes: tuple[type, ...] = (Catalog, Framework, Attribute, Source, Fact, FactValue)
    classes += (PartialDate, Point, HistoryEvent, Link, Problem)
    return tuple((cls.__name__, tuple(f.name for f in fields(cls))) for cls in classes)


def key(contents: Sequence[tuple[str, bytes]], settings: Sequence[object]) -> str:
    """The cache key of these files (name and bytes, in overlay order) and settings."""
    return combine([(name, hashlib.sha256(data).digest()) for name, data in contents], settings)


def combine(digests: Sequence[tuple[str, bytes]], settings: Sequence[object]) -> str:
    """The cache key from each file's name and the SHA-256 of its bytes."""
    digest = hashlib.sha256()
    meta = (FORMAT, __version__, sys.version_info[:2], _model_shape(), tuple(settings))
    digest.update(repr(meta).encode())
    for name, file_digest in digests:
        encoded = name.encode("utf-8", "surrogateescape")
        # The name's length first, so no two different lists of files hash alike.
        digest.update(len(encoded).to_bytes(8, "little") + encoded + file_digest)
    return digest.hexdigest()


def path_for(folder: Path, cache_key: str) -> Path:
    """Where the catalog of ``cache_key`` is saved."""
    return folder / f"catalog-{cache_key[:40]}{SUFFIX}"


# ---------------------------------------------------------------------------
# Reading


@dataclass(frozen=True)
class _Head:
    key: str
    catalog: tuple[object, ...]  # attributes, sources, title, date, base_source, files
    problems: tuple[Problem, ...]
    rows: list[tuple[object, ...]]  # each framework's EAGER_FIELDS
    ends: list[int]  # where each block ends, from the start of the blocks
    checksums: list[int]


class _Blocks:
    """The mapped blocks of one cache file, each decoded on request."""

    def __init__(self, mapped: mmap.mmap, start: int, head: _Head, path: Path) -> None:
        self._mapped = mapped
        self._start = start
        self._ends = head.ends
        self._checksums = head.checksums
        self._path = path

    def rest(self, i: int) -> Mapping[str, object]:
        """The deferred fields of framework ``i``."""
        begin = self._start + (self._ends[i - 1] if i else 0)
        block = self._mapped[begin : self._start + self._ends[i]]
        if zlib.crc32(block) != self._checksums[i]:
            with contextlib.suppress(OSError):
                self._path.unlink()
            raise DamagedCache(
                f"the cache file {self._path} was damaged; it was removed, start fwtui again"
            )
        return cacheblock.decode(block)


def _trusted(info: os.stat_result) -> bool:
    """Only a file of ours that nobody else may write is unpickled.

    Unpickling runs code a crafted file names: a cache someone else could
    have written is ignored (and left alone), as if there were none.
    """
    getuid = getattr(os, "getuid", None)  # POSIX only
    if getuid is not None and info.st_uid != getuid():
        return False
    return not info.st_mode & 0o022


def read(folder: Path, cache_key: str) -> tuple[Catalog, tuple[Problem, ...]] | None:
    """The catalog saved under ``cache_key``, or None when there is none to trust."""
    flush()  # a reload in the same process finds what its first load saved
    path = path_for(folder, cache_key)
    try:
        with path.open("rb") as stream:
            if not _trusted(os.fstat(stream.fileno())):
                return None
            mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    try:
        start = len(MAGIC) + _HEAD_SIZE
        if mapped[: len(MAGIC)] != MAGIC:
            raise ValueError("not a cache file")
        size = int.from_bytes(mapped[len(MAGIC) : start], "little")
        with no_gc():
            head = pickle.loads(mapped[start : start + size])
        if not isinstance(head, _Head) or head.key != cache_key:
            raise ValueError("another catalog")
        if len(mapped) != start + size + (head.ends[-1] if head.ends else 0):
            raise ValueError("truncated or extended")
        blocks = _Blocks(mapped, start + size, head, path)
        frameworks = tuple(
            deferred_framework(zip(EAGER_FIELDS, row, strict=True), partial(blocks.rest, i))
            for i, row in enumerate(head.rows)
        )
        attributes, sources, title, date, base_source, files = head.catalog
        catalog = Catalog(
            frameworks,
            attributes,  # type: ignore[arg-type]
            MappingProxyType(sources),  # type: ignore[arg-type]
            title,  # type: ignore[arg-type]
            date,  # type: ignore[arg-type]
            base_source,  # type: ignore[arg-type]
            files,  # type: ignore[arg-type]
        )
    except Exception:
        # A cache from an older fwtui, a truncated file, another format: it is
        # only a copy, so it is dropped and the data files are read instead.
        mapped.close()
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # most recently used: pruned last
    return catalog, head.problems


# ---------------------------------------------------------------------------
# Writing

_pending: list[threading.Thread] = []
_pending_lock = threading.Lock()


def write_later(
    folder: Path, cache_key: str, catalog: Catalog, problems: Sequence[Problem]
) -> None:
    """:func:`write` in a background thread: the caller has its catalog at once.

    Writing 10,000 frameworks takes about 0.2 s, which a cold start need not
    wait for before it shows the list. The thread is not a daemon, so Python
    finishes the write before it exits; :func:`flush` waits for it sooner.
    """

    def save() -> None:
        # Nothing in an optional copy may reach the terminal as a traceback.
        with contextlib.suppress(Exception):
            write(folder, cache_key, catalog, problems)

    thread = threading.Thread(target=save, name="fwtui-cache-write")
    with _pending_lock:
        _pending[:] = [t for t in _pending if t.is_alive()]
        _pending.append(thread)
    thread.start()


def flush() -> None:
    """Wait until every write :func:`write_later` started is done."""
    with _pending_lock:
        waiting = list(_pending)
        _pending.clear()
    for thread in waiting:
        thread.join()


def write(
    folder: Path, cache_key: str, catalog: Catalog, problems: Sequence[Problem]
) -> Path | None:
    """Save ``catalog`` under ``cache_key``, atomically; None when it could not be."""
    rows: list[tuple[object, ...]] = []
    blocks: list[bytes] = []
    for fw in catalog.frameworks:
        rows.append(tuple(getattr(fw, name) for name in EAGER_FIELDS))
        blocks.append(cacheblock.encode(fw))
    ends: list[int] = []
    total = 0
    for block in blocks:
        total += len(block)
        ends.append(total)
    head = _Head(
        cache_key,
        (
            catalog.attributes,
            dict(catalog.sources),
            catalog.title,
            catalog.date,
            catalog.base_source,
            catalog.files,
        ),
        tuple(problems),
        rows,
        ends,
        [zlib.crc32(b) for b in blocks],
    )
    import tempfile  # only a load that missed writes

    encoded = pickle.dumps(head, _PROTOCOL)
    path = path_for(folder, cache_key)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, name = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=folder)
        temp = Path(name)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(MAGIC + len(encoded).to_bytes(_HEAD_SIZE, "little"))
                out.write(encoded)
                for block in blocks:
                    out.write(block)
            # Readers see the old file or the whole new one, never half of it.
            temp.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                temp.unlink()
            raise
    except OSError:
        return None
    prune(folder, keep=path)
    return path


def prune(folder: Path, keep: Path | None = None) -> None:
    """Remove all but the ``KEEP`` most recently used caches in ``folder``, and
    what writes killed halfway left behind."""
    import time

    try:
        entries = list(folder.iterdir())
        found = [p for p in entries if p.name.startswith("catalog-") and p.suffix == SUFFIX]
        found.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return
    for old in found[KEEP:]:
        if old != keep:
            with contextlib.suppress(OSError):
                old.unlink()
    # A temporary file is renamed within a second of being made: one an hour
    # old belongs to a process that was killed while writing.
    for temp in entries:
        if temp.name.startswith(".catalog-") and temp.suffix == ".tmp":
            with contextlib.suppress(OSError):
                if time.time() - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                    temp.unlink()
