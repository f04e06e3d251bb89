"""The store's interface: what the dashboard keeps, whichever database keeps it.

Rows are JSON documents keyed by dataset and id, so the schema never follows the
engine's types. Every backend gives the same guarantees: a call that returns has its
write durable; a write is one transaction; values are always parameters, never SQL;
concurrent callers (threads of one process, or several processes) never lose a write,
and a name is never saved over unless the caller says so.

``Store(location)`` opens the backend that handles ``location`` (as ``pathlib.Path``
picks its flavour): a ``postgresql://`` URL is PostgreSQL, anything else a DuckDB file.
"""

from __future__ import annotations

import abc
import datetime
from pathlib import Path
from typing import Any, ClassVar


class StoreBusy(RuntimeError):
    """The database stayed out of reach (another process held the file, the server did not
    answer) for longer than the store waits; nothing of the call was kept. The pages tell
    the user calmly to try again (label ``store.busy``); the cause is in the server's log."""

    def __init__(self) -> None:
        super().__init__("lagret är upptaget: försök igen om en stund")


class NameTaken(Exception):
    """A save under an id that is already kept, without ``replace=True``: nothing was written."""

    def __init__(self, dataset: str, item_id: str):
        super().__init__(f"{dataset}/{item_id}")
        self.dataset, self.item_id = dataset, item_id


class Store(abc.ABC):
    """Saved alternatives, workshop input, uploaded datasets, settings, decision documents,
    citizens' dialogues. ``Store(location)`` gives the backend for ``location``."""

    _backends: ClassVar[list[type[Store]]] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "handles" in cls.__dict__:  # a backend (a subclass of one, e.g. in a test, is not asked)
            Store._backends.insert(0, cls)  # later (more specific) backends are asked first

    def __new__(cls, location: str | Path, *args: Any, **kwargs: Any) -> Store:
        if cls is Store:
            cls = next(b for b in Store._backends if b.handles(location))
        return super().__new__(cls)

    @classmethod
    @abc.abstractmethod
    def handles(cls, location: str | Path) -> bool:
        """Whether this backend is the one for ``location``."""

    # --- saved alternatives ---

    @abc.abstractmethod
    def save_alternative(self, dataset: str, alternative_id: str, document: str, *, replace: bool = False) -> None:
        """Keep an alternative. If one with this id is kept already, :class:`NameTaken` is raised
        and nothing changes, unless ``replace``. Atomic: of two concurrent saves of a new id,
        exactly one is kept and the other raises."""

    @abc.abstractmethod
    def delete_alternative(self, dataset: str, alternative_id: str) -> None: ...

    @abc.abstractmethod
    def saved_alternatives(self, dataset: str) -> list[tuple[str, str]]:
        """(id, JSON document) in the order they were saved."""

    # --- workshops ---

    @abc.abstractmethod
    def save_workshop(self, dataset: str, workshop_id: str, document: str) -> None: ...

    @abc.abstractmethod
    def workshop(self, dataset: str, workshop_id: str) -> str | None:
        """The workshop's JSON document, or None if there is no such workshop."""

    @abc.abstractmethod
    def workshops(self, dataset: str) -> list[tuple[str, str]]:
        """(id, JSON document) of the dataset's workshops, the latest saved first."""

    @abc.abstractmethod
    def delete_workshop(self, dataset: str, workshop_id: str) -> None:
        """The workshop and all its input."""

    @abc.abstractmethod
    def save_workshop_input(self, dataset: str, workshop_id: str, participant: str, document: str) -> None:
        """A participant's input; it replaces what the same participant gave before."""

    @abc.abstractmethod
    def workshop_input(self, dataset: str, workshop_id: str) -> list[tuple[str, str, datetime.datetime]]:
        """(participant, JSON document, saved at) in the order they were last saved."""

    @abc.abstractmethod
    def clear_workshop_input(self, dataset: str, workshop_id: str) -> None: ...

    # --- uploaded datasets and settings ---

    @abc.abstractmethod
    def save_dataset(self, dataset_id: str, name: str, code: str, filename: str, content: bytes) -> None:
        """An accepted upload: the file as uploaded, so reading it again gives the same dataset."""

    @abc.abstractmethod
    def dataset_file(self, dataset_id: str) -> tuple[str, bytes] | None:
        """(file name, content) of an uploaded dataset, or None."""

    @abc.abstractmethod
    def delete_dataset(self, dataset_id: str, default_setting: str) -> None:
        """An uploaded dataset, and the setting ``default_setting`` if it named this one.
        Alternatives saved for the municipality stay."""

    @abc.abstractmethod
    def uploaded_datasets(self) -> list[tuple[str, str, str, str, datetime.datetime]]:
        """(id, name, code, file name, uploaded at) of every uploaded dataset, the latest first."""

    @abc.abstractmethod
    def setting(self, key: str) -> str | None: ...

    @abc.abstractmethod
    def set_setting(self, key: str, value: str | None) -> None:
        """Set a setting; None removes it."""

    # --- decision documents ---

    @abc.abstractmethod
    def save_document(self, dataset: str, kind: str, document_id: str, document: str) -> None:
        """A document of one kind ("child_impact": the assessment's own texts for an alternative)."""

    @abc.abstractmethod
    def document(self, dataset: str, kind: str, document_id: str) -> tuple[str, datetime.datetime] | None:
        """(JSON document, saved at) or None."""

    # --- citizens' dialogues ---

    @abc.abstractmethod
    def save_dialog(self, dataset: str, dialog_id: str, document: str) -> None: ...

    @abc.abstractmethod
    def dialog(self, dataset: str, dialog_id: str) -> str | None: ...

    @abc.abstractmethod
    def dialogs(self, dataset: str) -> list[tuple[str, str]]:
        """(id, document) of the dataset's dialogues, the latest first."""

    @abc.abstractmethod
    def save_dialog_answer(
        self, dataset: str, dialog_id: str, participant: str, document: str, comment: str, min_seconds: float
    ) -> bool:
        """A device's answer, replacing its earlier one; False (nothing kept) if it answered less than
        ``min_seconds`` ago. A changed comment waits for the administrator again; an unchanged one
        keeps its status."""

    @abc.abstractmethod
    def dialog_answers(self, dataset: str, dialog_id: str) -> list[tuple[str, str, str, datetime.datetime]]:
        """(participant, document, status, saved at) of every device's latest answer, oldest first."""

    @abc.abstractmethod
    def set_dialog_status(self, dataset: str, dialog_id: str, participant: str, status: str) -> None:
        """The administrator's verdict on an answer's comment: approved or rejected."""
