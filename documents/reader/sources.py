"""Read raw input files into text (placeholder, replaced below)."""
from __future__ import annotations
import os


class ReaderError(Exception):
    """A file that cannot be read as a document (empty, binary, truncated, unknown type)."""


def read_source(path):
    raw = open(path, "rb").read()
    return raw, raw.decode("utf-8")
