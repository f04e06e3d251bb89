"""Data — which dataset every page computes from, and the analyst's upload (DESIGN.md §8).

An upload is checked by the engine in a temporary folder (engine.dataset.upload) and kept in
this session until the analyst chooses to use it; only then is it stored (DuckDB) and
the view switched to it (ui.session.use_dataset). A rejected file changes nothing.
"""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from engine import Dataset, DatasetError, Problem
from engine.core import formatting as fmt
from engine.dataset.upload import MAX_UPLOAD_MB, Upload, check_upload, table_counts
from engine.measures.population import inhabitants
from engine.model.placement import capped_grades
from ui import data, frame, numbers, roles, safe, session, starting
from ui.i18n import t

frame.open_page()

CHECKED = "data.checked"  # (uploader file id, Upload or the problems): checked once per file
FLASH = "data.flash"  # (kind, text) shown once on the next run, after a callback
UPLOADER = "data.uploader"  # a counter in the uploader's key: a new key empties it after use
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

view = session.view()
session.commit(view)
ds = data.dataset()
admin = roles.is_admin()
# Uploads are the administrator's: a visitor sees only the one its link names.
uploads = {row[0]: row for row in data.uploads() if admin or row[0] == view.dataset}


def origin(dataset_id: str, shown: Callable[[str], str] = safe.md) -> str:
    """Where a dataset came from, in words (an upload's name and code as stored: nothing is loaded);
    the stored texts through ``shown`` (markdown by default; ``str`` for a selectbox's plain text)."""
    if dataset_id in uploads:
        _, name, code, filename, when = uploads[dataset_id]
        file = safe.code(filename) if shown is safe.md else filename
        return t("data.from_upload", name=shown(name), code=shown(code), file=file, when=f"{when:%Y-%m-%d %H:%M}")
    if dataset_id in data.BUILT_IN:
        built = data.load(dataset_id)
        folder = data.BUILT_IN[dataset_id].relative_to(data.ROOT)
        return t("data.from_built_in", name=shown(built.name), code=shown(built.code), folder=folder)
    server = data.load("")
    folder = data.DATASET_DIR.relative_to(data.ROOT) if data.DATASET_DIR.is_relative_to(data.ROOT) else data.DATASET_DIR
    return t("data.from_server", name=shown(server.name), code=shown(server.code), folder=folder)


def summary(shown: Dataset, expanded: bool) -> None:
    """What a dataset holds: base year and inhabitants, then rows per table, scenarios and alternatives."""
    st.markdown(
        t(
            "data.summary",
            year=shown.base_year,
            inhabitants=fmt.number(inhabitants(shown.population)),
            areas=len(shown.areas),
        )
    )
    with st.expander(t("data.contents"), expanded=expanded):
        counts = pd.DataFrame(
            [(t(f"data.table.{table}"), rows) for table, rows in table_counts(shown)],
            columns=[t("data.col.table"), t("data.col.rows")],
        )
        numbers.table(counts)
        st.markdown(t("data.scenarios", names=", ".join(safe.md(s.name) for s in shown.scenarios.values())))
        st.markdown(t("data.alternatives", names=", ".join(safe.md(a.name) for a in shown.alternatives.values())))


def problem_table(problems: list[Problem]) -> None:
    """Every problem by file (sheet), row and column, as the validator reports it."""
    table = pd.DataFrame(
        [(p.file, "" if p.row is None else str(p.row), p.column or "", p.message) for p in problems],
        columns=[t("data.col.file"), t("data.col.row"), t("data.col.column"), t("data.col.problem")],
    )  # text, so a problem with no row shows an empty cell rather than "None"
    st.dataframe(table, hide_index=True, width="stretch")


def capped_warning(shown: Dataset) -> None:
    """The grades whose enrollment exceeds the children of their age, capped by the model (said, not silent)."""
    capped = capped_grades(shown)
    if not capped:
        return
    lines = [
        t(
            "check.capped.grade",
            grade=t("check.grade.0") if c.grade == 0 else t("check.grade", grade=c.grade),
            pupils=fmt.number(c.pupils),
            children=fmt.number(c.children),
            age=c.age,
            left_out=fmt.number(c.left_out),
        )
        for c in capped
    ]
    st.warning(
        t("check.capped", count=len(capped))
        + "\n\n"
        + "\n".join(f"- {line}" for line in lines)
        + "\n\n"
        + t("check.capped.fix")
    )


def use_upload(upload: Upload) -> None:
    """Callback: store the upload, optionally as everyone's default, and switch this session to it."""
    if not roles.is_admin():  # only the administrator's session draws these; a forged event does nothing
        return
    data.accept(upload, make_default=bool(st.session_state.get("w.data.make_default")))
    session.use_dataset(upload.id)
    st.session_state[FLASH] = ("success", t("data.now_used", name=safe.md(upload.dataset.name)))
    st.session_state[UPLOADER] = st.session_state.get(UPLOADER, 0) + 1
    st.session_state.pop(CHECKED, None)


def switch(dataset_id: str) -> None:
    """Callback: use another stored dataset (or the server's own) in this session."""
    try:
        session.use_dataset(dataset_id)
    except (LookupError, DatasetError):  # stored under an engine version that checked less
        st.session_state[FLASH] = ("error", t("data.switch.failed"))
        return
    st.session_state[FLASH] = ("success", t("data.now_used", name=safe.md(data.load(dataset_id).name)))


def make_default(dataset_id: str) -> None:
    """Callback: new visitors get this dataset."""
    if not roles.is_admin():  # only the administrator's session draws these; a forged event does nothing
        return
    data.set_default(dataset_id)
    session.use_dataset(dataset_id)  # same data, so the view stays; only how the link names it may change
    st.session_state[FLASH] = ("success", t("data.default_set", name=safe.md(data.load(dataset_id).name)))


st.title(t("data.title"))
st.caption(t("data.intro"))
flash = st.session_state.pop(FLASH, None)
if flash:
    (st.success if flash[0] == "success" else st.error)(flash[1])

# --- the data in use -------------------------------------------------------------------
broken = data.broken_default() if admin else None
if broken:  # everyone gets the built-in data instead: the administrator is told what to fix
    refused_id, refused_problems = broken
    _, refused_name, _, refused_file, refused_when = next(row for row in data.uploads() if row[0] == refused_id)
    st.error(
        t(
            "check.default_broken.admin",
            upload=safe.md(refused_name),
            file=safe.code(refused_file),
            when=f"{refused_when:%Y-%m-%d %H:%M}",
            name=safe.md(data.load("").name),
        )
    )
    problem_table(refused_problems)
st.subheader(t("data.in_use"))
st.markdown(origin(view.dataset))
# With a refused default, what is shown stands in for it: the administrator may choose it for good.
is_default = not broken and data.default_id() == ("" if view.dataset in ("", data.SERVER) else view.dataset)
if is_default:
    st.caption(t("data.is_default"))
elif admin:
    st.button(
        t("data.make_default"),
        key="data.default_now",
        on_click=make_default,
        args=(view.dataset,),
        help=t("data.make_default.help"),
    )
summary(ds, expanded=False)

choices = ["", *data.built_in(), *uploads]
current = "" if view.dataset in ("", data.SERVER) else view.dataset
if len(choices) > 1:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    picked = left.selectbox(
        t("data.switch"),
        choices,
        index=choices.index(current) if current in choices else 0,
        key="w.data.switch",
        format_func=lambda d: origin(d, str).replace("**", "").replace("`", ""),  # markdown shows as plain text here
    )
    right.button(
        t("data.switch.button"), key="data.switch.go", on_click=switch, args=(picked,), disabled=picked == current
    )


def delete(dataset_id: str) -> None:
    """Callback: remove an upload for everyone; this session moves to the default if it showed it."""
    if not roles.is_admin():  # only the administrator's session draws these; a forged event does nothing
        return
    name = uploads[dataset_id][1]
    data.delete(dataset_id)
    if view.dataset == dataset_id:
        session.use_dataset(data.default_id())
    st.session_state.pop("w.data.delete_sure", None)
    st.session_state[FLASH] = (
        "success",
        t("data.deleted", name=safe.md(name), default=safe.md(data.load(data.default_id()).name)),
    )


if admin and uploads:
    with st.expander(t("data.delete")):
        doomed = st.selectbox(
            t("data.delete.pick"),
            list(uploads),
            key="w.data.delete",
            format_func=lambda d: origin(d, str).replace("**", "").replace("`", ""),
        )
        sure = st.checkbox(t("data.delete.sure", name=safe.md(uploads[doomed][1])), key="w.data.delete_sure")
        st.button(
            t("data.delete.button"),
            key="data.delete.go",
            on_click=delete,
            args=(doomed,),
            disabled=not sure,
            help=t("data.delete.help"),
        )

# --- any municipality from public statistics (engine start) ------------------------------
st.subheader(t("src.title"))
st.markdown(t("src.howto"))
municipalities = starting.municipalities()
start_code = st.selectbox(
    t("src.pick"),
    list(municipalities),
    key="w.data.start",
    format_func=lambda c: f"{municipalities[c]} ({c})",  # a selectbox shows plain text
)
st.download_button(
    t("src.download", name=safe.md(municipalities[start_code])),
    lambda code=start_code: starting.prefilled_workbook(code),  # made on the click, not on every run
    starting.file_name(start_code),
    XLSX,
    key="data.start.download",
    help=t("src.download.help"),
)
st.caption(t("src.cli", code=start_code, folder=f"kommun-{start_code}"))

# --- uploading -------------------------------------------------------------------------
st.subheader(t("data.upload"))
st.markdown(t("data.upload.howto"))
st.download_button(t("data.template"), data.template(), "vagval-mall.xlsx", XLSX, key="data.template")
# No type= filter: the browser would refuse other files with an English message; we explain in Swedish.
if not admin:
    st.caption(t("admin.data"))
    roles.login_form("data")
else:
    st.html(numbers.uploader_words(MAX_UPLOAD_MB))
    uploaded = st.file_uploader(
        t("data.upload.label"),
        key=f"data.upload.{st.session_state.get(UPLOADER, 0)}",
        help=t("data.upload.help", mb=MAX_UPLOAD_MB),
        max_upload_size=MAX_UPLOAD_MB,  # the browser refuses bigger files before sending them
    )
    if uploaded is None:
        st.session_state.pop(CHECKED, None)  # the file is gone from the uploader: free its bytes
    else:
        checked = st.session_state.get(CHECKED)
        if checked is None or checked[0] != uploaded.file_id:
            with st.spinner(t("data.checking")):
                # The size first, before the bytes are read; every problem, never an exception (engine.dataset.upload).
                outcome: Upload | list[Problem] = check_upload(uploaded.name, uploaded.size, uploaded.getvalue)
            checked = (uploaded.file_id, outcome)
            st.session_state[CHECKED] = checked
        outcome = checked[1]
        if isinstance(outcome, Upload):
            if outcome.id == view.dataset:
                st.info(t("data.already", file=safe.code(outcome.filename)))
            else:
                st.success(
                    t(
                        "data.accepted",
                        file=safe.code(outcome.filename),
                        name=safe.md(outcome.dataset.name),
                        code=safe.md(outcome.dataset.code),
                    )
                )
                capped_warning(outcome.dataset)
                summary(outcome.dataset, expanded=True)  # what was read, before it is used
                st.checkbox(t("data.make_default"), key="w.data.make_default", help=t("data.make_default.help"))
                st.button(
                    t("data.use"),
                    key="data.use",
                    type="primary",
                    on_click=use_upload,
                    args=(outcome,),
                    help=t("data.use.help"),
                )
        else:
            st.error(t("data.rejected", file=safe.code(uploaded.name), count=len(outcome), name=safe.md(ds.name)))
            st.markdown(t("data.rejected.fix"))
            problem_table(outcome)
    roles.login_form("data")  # the way out
frame.close_page()
