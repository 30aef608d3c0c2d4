"""Extracts international cooperation agreements from French, English and Arabic news.

Every result is the JSON object of one line of the batch tool (``accords --offsets
chars``) without ``id`` and ``path``; evidence offsets are Python string indices.
"""

import datetime
import os
from typing import Any, Iterable, Optional, Sequence, Union

__version__: str

Date = Union[str, datetime.date]
"""``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"`` or a ``datetime.date``."""

Result = dict[str, Any]
"""``{"language": str, "published": str | None, "agreements": list[dict]}``; from
``extract_many``, ``{"error": str}`` for a text the extractor failed on."""

class Extractor:
    """The extractor: compiled gazetteers and rules. Build it once and share it, between
    threads too: extraction releases the GIL.

    ``gazetteers`` is a folder laid out as the crate's ``gazetteers/`` whose files add to
    the embedded ones (``replace=True``: replace them). Raises ``OSError`` if the folder
    cannot be read, ``ValueError`` for a bad gazetteer line.
    """

    def __init__(
        self,
        gazetteers: Optional[Union[str, os.PathLike[str]]] = None,
        *,
        replace: bool = False,
    ) -> None: ...
    def extract(self, text: str, published: Optional[Date] = None) -> Result:
        """Extracts the agreements that one article reports.

        ``text`` may begin with the date line `` date YYYY-MM[-DD]``; ``published``
        overrides it. Raises ``ValueError`` for a bad date."""
        ...
    def extract_many(
        self,
        texts: Sequence[str],
        published: Optional[Union[Date, Iterable[Optional[Date]]]] = None,
        jobs: Optional[int] = None,
    ) -> list[Result]:
        """Extracts from many articles on ``jobs`` threads (all cores by default), in
        order. ``published``: one date for all, or one per text."""
        ...

def extract(text: str, published: Optional[Date] = None) -> Result:
    """``Extractor().extract(text, published)`` with the shared default extractor."""
    ...

def extract_many(
    texts: Sequence[str],
    published: Optional[Union[Date, Iterable[Optional[Date]]]] = None,
    jobs: Optional[int] = None,
) -> list[Result]:
    """``Extractor().extract_many(...)`` with the shared default extractor."""
    ...
