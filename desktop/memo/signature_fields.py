"""Empty signature fields made before signing, each in the structure tree: a Form element with
an object reference (OBJR) to the widget, the widget's /StructParent in the parent tree, and an
alternate description (/TU on the field, /Alt on the element) for screen readers.

The signer (services.signing, pyHanko) then fills the field it finds by name, so the signature
adds no annotation of its own outside the tree, and the tree is complete before any byte is
signed (a later change to it would be a change after signing)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

OFFICER_FIELD = "OfficerSignature"
REVIEWER_FIELD = "ReviewerSignature"
PRINT_AND_LOCKED = 4 | 128  # annotation flags: printed (PDF/A), not movable (as pyHanko makes)


@dataclass(frozen=True)
class SignatureField:
    """A signature field to make: its name and what a screen reader says for it."""

    name: str
    description: str


OFFICER = SignatureField(OFFICER_FIELD, "Digital signature of the finalizing officer")
REVIEWER = SignatureField(REVIEWER_FIELD, "Digital counter-signature of the reviewer")


BY_NAME = {one.name: one for one in (OFFICER, REVIEWER)}


def _fields(document: pikepdf.Pdf) -> list[Any]:
    form = document.Root.get("/AcroForm")
    return list(form.get("/Fields") or []) if form is not None else []


def field_names(document: pikepdf.Pdf) -> set[str]:
    return {str(field.get("/T")) for field in _fields(document)}


def add_signature_fields(document: pikepdf.Pdf, fields: Sequence[SignatureField]) -> None:
    """Add each field not already there as an invisible widget on the last page (where the
    memo's Signatures section ends), tagged as a Form element at the end of the document."""
    tree = document.Root.get("/StructTreeRoot")
    if tree is None:
        raise ValueError("signature fields are tagged: the document needs a structure tree")
    page = document.pages[-1].obj
    existing = field_names(document)
    for wanted in fields:
        if wanted.name in existing:
            continue
        key = int(tree.ParentTreeNextKey)
        widget = document.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Widget, FT=Name.Sig, T=String(wanted.name),
            TU=String(wanted.description), F=PRINT_AND_LOCKED, Rect=Array([0, 0, 0, 0]),
            P=page, StructParent=key))
        element = document.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Form, P=tree.K, Pg=page,
            Alt=String(wanted.description),
            K=Dictionary(Type=Name.OBJR, Obj=widget, Pg=page)))
        tree.K.K.append(element)
        tree.ParentTree.Nums.append(key)
        tree.ParentTree.Nums.append(element)
        tree.ParentTreeNextKey = key + 1
        if "/Annots" not in page:
            page.Annots = Array()
        page.Annots.append(widget)
        if "/AcroForm" not in document.Root:
            document.Root.AcroForm = document.make_indirect(Dictionary(Fields=Array()))
        document.Root.AcroForm.Fields.append(widget)


def with_signature_field(pdf: bytes, field: SignatureField) -> bytes:
    """The tagged, not yet signed PDF with this field added: for a memo rendered without its
    signature fields. Unchanged when the field is there, the PDF is not tagged, or it is
    signed already (rewriting it would break that signature)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if "/StructTreeRoot" not in document.Root or field.name in field_names(document) \
                or any("/V" in one for one in _fields(document)):
            return pdf
        add_signature_fields(document, [field])
        out = io.BytesIO()
        document.save(out, deterministic_id=True, min_version="1.7")
    return out.getvalue()
