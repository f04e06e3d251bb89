"""A dataset uploaded as one file: an .xlsx workbook or a .zip of the dataset folder.

:func:`read_upload` checks the bytes in a temporary folder with the one validating
loader (engine.dataset, engine.dataset.workbook) and returns the dataset with an opaque,
URL-safe id, or raises :class:`DatasetError` whose problems name the uploaded file,
sheet or member, row and column, in Swedish. Nothing outside the temporary folder is
touched, so a bad upload cannot damage the data already in use. The bytes are what the
dashboard stores: reading them again gives the same dataset and the same id.
"""

from __future__ import annotations

import hashlib
import io
import logging
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from engine.core.problems import DatasetError, Problem
from engine.dataset.load import load_dataset
from engine.dataset.schema import TABLES
from engine.dataset.text import forbidden_char, shown
from engine.dataset.value import Dataset
from engine.dataset.workbook import read_workbook, write_workbook

MAX_UPLOAD_MB = 20  # a municipality of a million inhabitants is a few MB of CSV
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
MAX_UNPACKED_BYTES = 10 * MAX_UPLOAD_BYTES  # what a zip (an .xlsx is one too) may expand to
DATASET_FILES = frozenset({*TABLES, "municipality.toml", "scenarios.toml", "alternatives.toml", "areas.geojson"})
UPLOAD_ROOT = Path("uppladdad")
UNREADABLE = (
    "filen kunde inte läsas; kontrollera att den är en dataset-arbetsbok eller en zip med datamappens filer "
    "och följer mallen (felet är loggat på servern)"
)
log = logging.getLogger(__name__)  # Dataset.path of an upload: names it (pages key caches on it), never read


@dataclass(frozen=True)
class Upload:
    """An uploaded file that passed every check."""

    id: str
    filename: str
    content: bytes
    dataset: Dataset


def dataset_id(code: str, content: bytes) -> str:
    """The municipality code and a short content hash: the same file always gets the same id."""
    return f"{code}-{hashlib.sha256(content).hexdigest()[:12]}"


def read_upload(filename: str, content: bytes) -> Upload:
    """Check an uploaded workbook or zip and load it; raise DatasetError with every problem.

    Nothing else leaves: an exception no check foresaw is logged and becomes one problem in Swedish.
    """
    try:
        return _read_upload(filename, content)
    except DatasetError:
        raise
    except Exception:
        shown_name = shown(PurePosixPath(filename.replace("\\", "/")).name) or "uppladdad fil"
        log.exception("upload %s could not be read", shown_name)
        raise _refused(shown_name, UNREADABLE) from None


def _read_upload(filename: str, content: bytes) -> Upload:
    raw = PurePosixPath(filename.replace("\\", "/")).name
    suffix = PurePosixPath(raw).suffix.lower()
    # The name as messages and the store show it: a hostile one kept short and printable.
    name = (raw if len(raw) <= 120 and forbidden_char(raw) is None else shown(raw)) or "uppladdad fil"

    def fail(message: str) -> DatasetError:
        return _refused(name, message)

    if not content:
        raise fail("filen är tom")
    if len(content) > MAX_UPLOAD_BYTES:
        raise fail(f"filen är {len(content) / 1024 / 1024:.0f} MB; den får vara högst {MAX_UPLOAD_MB} MB")
    if suffix not in (".xlsx", ".zip"):
        raise fail(
            "bara en Excel-arbetsbok (.xlsx) eller en zip-fil med datamappens CSV- och TOML-filer kan laddas upp"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        archive = None
    not_a_workbook = "filen är ingen Excel-arbetsbok (.xlsx); spara den i Excel som 'Excel-arbetsbok (*.xlsx)'"
    if archive is None:
        if suffix == ".xlsx":
            raise fail(not_a_workbook)
        raise fail("filen är ingen giltig zip-fil (skadad, eller en annan sorts fil med ändelsen .zip)")
    if suffix == ".xlsx" and "[Content_Types].xml" not in archive.namelist():
        raise fail(not_a_workbook)  # e.g. a zip renamed to .xlsx
    with archive, tempfile.TemporaryDirectory(prefix="vagval-upload-") as tmp:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise fail(f"filen packas upp till mer än {MAX_UNPACKED_BYTES // 1024 // 1024} MB; det är för mycket")
        try:
            if suffix == ".xlsx":
                target = Path(tmp) / name
                target.write_bytes(content)
                dataset = read_workbook(target)
            else:
                dataset = _load_zip(archive, name, Path(tmp))
        except DatasetError:
            raise
        except Exception:  # csv, openpyxl and zipfile raise many kinds on malformed input: never a traceback
            log.exception("upload %s could not be read", name)  # the details for the server's log, not the page
            raise fail(UNREADABLE) from None
    ident = dataset_id(dataset.code, content)
    return Upload(ident, name, content, replace(dataset, path=UPLOAD_ROOT / ident))


def check_upload(filename: str, size: int, content: Callable[[], bytes]) -> Upload | list[Problem]:
    """What the Data page shows for an uploaded file: the Upload, or every problem. Never raises.

    ``size`` is checked before ``content()`` is read, so a file over the limit (should the
    server's own limit be set higher) is refused without its bytes being touched.
    """
    shown_name = shown(PurePosixPath(filename.replace("\\", "/")).name) or "uppladdad fil"
    try:
        if size > MAX_UPLOAD_BYTES:
            raise _refused(shown_name, f"filen är {size / 1024 / 1024:.0f} MB; den får vara högst {MAX_UPLOAD_MB} MB")
        return read_upload(filename, content())
    except DatasetError as exc:
        return exc.problems
    except Exception:  # read_upload lets nothing else out; should it, the page still shows a message
        log.exception("upload %s could not be checked", shown_name)
        return [Problem(shown_name, None, None, UNREADABLE)]


def _refused(file: str, message: str) -> DatasetError:
    """A problem with the uploaded file as a whole (no row, no column)."""
    return DatasetError([Problem(file, None, None, message)])


def _load_zip(archive: zipfile.ZipFile, name: str, folder: Path) -> Dataset:
    """Unpack the dataset files of the one folder in the zip that holds municipality.toml, and load it."""
    members = [
        info
        for info in archive.infolist()
        if not info.is_dir()
        and "__MACOSX" not in info.filename
        and not PurePosixPath(info.filename).name.startswith(".")
    ]  # macOS adds __MACOSX/ and ._ files to the zips it makes
    homes = sorted(
        {
            str(PurePosixPath(i.filename).parent)
            for i in members
            if PurePosixPath(i.filename).name == "municipality.toml"
        }
    )
    if not homes:
        found = ", ".join(shown(i.filename) for i in members[:8]) or "inga filer"
        raise _refused(name, f"municipality.toml saknas i zip-filen (den innehåller: {found}); packa datamappens filer")
    if len(homes) > 1:
        raise _refused(
            name,
            f"zip-filen innehåller flera datamappar ({', '.join(shown(h) for h in homes[:8])}); packa en kommun per fil",
        )
    home = homes[0]
    inside: dict[str, str] = {}  # file name → its path in the zip, for the messages
    for info in members:
        path = PurePosixPath(info.filename)
        if str(path.parent) == home and path.name in DATASET_FILES:
            try:
                (folder / path.name).write_bytes(archive.read(info))  # by its bare name: nothing escapes the folder
            except (RuntimeError, NotImplementedError, zlib.error, zipfile.BadZipFile, EOFError):
                raise _refused(
                    f"{name}/{shown(info.filename)}", "kan inte packas upp: lösenordsskyddad eller skadad"
                ) from None
            inside[path.name] = info.filename
    prefix = "" if home == "." else home + "/"
    try:
        return load_dataset(folder)
    except DatasetError as exc:
        raise DatasetError(
            [
                replace(
                    p,
                    file=_in_zip(name, p.file, inside, prefix),
                    message=p.message.replace(f"filen saknas i {folder}", "filen saknas i zip-filen"),
                )
                for p in exc.problems
            ]
        ) from None


def _in_zip(name: str, file: str, inside: dict[str, str], prefix: str) -> str:
    """Where a problem's file lies in the zip; a problem of the whole (temporary) folder names the zip alone."""
    if file in inside:
        return f"{name}/{shown(inside[file], 200)}"
    if file in DATASET_FILES:
        return f"{name}/{shown(prefix, 200)}{file}"
    return name


def table_counts(dataset: Dataset) -> list[tuple[str, int]]:
    """(table, rows) for what a dataset holds, in the order of the import template."""
    optional = {
        "enrollment": dataset.enrollment,
        "distances": dataset.distances,
        "facility_usage": dataset.facility_usage,
        "investments": dataset.investments,
    }
    return [
        ("areas", len(dataset.areas)),
        ("population", int((dataset.population > 0).sum())),  # non-empty area × age rows
        ("demography", len(dataset.demography)),
        ("units", len(dataset.units)),
        *[(table, 0 if frame is None else len(frame)) for table, frame in optional.items()],
        ("scenarios", len(dataset.scenarios)),
        ("alternatives", len(dataset.alternatives)),
    ]


def template_workbook(folder: str | Path) -> bytes:
    """A dataset folder as the workbook an analyst starts from (see engine.dataset.workbook)."""
    with tempfile.TemporaryDirectory(prefix="vagval-template-") as tmp:
        return write_workbook(folder, Path(tmp) / "mall.xlsx").read_bytes()
