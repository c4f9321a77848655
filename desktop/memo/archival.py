"""PDF/A-3b for what ReportLab renders: XMP identification, an sRGB output intent, the
document language, and associated files (the case file and the decision receipt) embedded.

ReportLab writes neither XMP nor output intents nor associated files, so the rendered bytes are
post-processed here with pikepdf, before any signature (a signature is an incremental update
over these bytes). The same input gives the same output bytes (a deterministic file ID).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from desktop.memo.signature_fields import SignatureField, add_signature_fields
from desktop.memo.tagging import tag_document
from desktop.resources import resource_path

PDFA_PART, PDFA_CONFORMANCE = "3", "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
JSON_MIME = "application/json"
CASE_FILE_NAME = "case.waypoint.json"
RECEIPT_FILE_NAME = "decision-receipt.json"
RECEIPT_FORMAT = "waypoint-decision-receipt/1"
RELATIONSHIPS = ("Source", "Data")


@dataclass(frozen=True)
class Attachment:
    """A file to embed as an associated file of the whole document (/AF on the catalog)."""

    file_name: str
    data: bytes
    description: str
    relationship: str  # "Source" (what the memo was made from) or "Data"
    mime_type: str = JSON_MIME


def case_file_bytes(case_data: dict[str, Any]) -> bytes:
    """The case as `waypoint-case/1` JSON, byte for byte as the app exports it."""
    return (json.dumps(case_data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def decision_receipt(determination: dict[str, Any], *, decision_date: str | None,
                     waypoint_version: str,
                     officer_determination: dict[str, Any] | None = None) -> dict[str, Any]:
    """What re-checking the memo needs: the pack, the engine, the facts digest, the date, the
    findings (rule and outcome) and the officer's own conclusions, when there are any."""
    return {
        "format": RECEIPT_FORMAT,
        "waypoint_version": waypoint_version,
        "engine_version": determination.get("engine_version"),
        "rules_version": determination.get("rules_version"),
        "rules_hash": determination.get("rules_hash"),
        "facts_digest": determination.get("facts_digest"),
        "decision_date": decision_date or determination.get("decision_date"),
        "findings": [{"rule": finding.get("rule"), "outcome": finding.get("outcome")}
                     for finding in determination.get("findings") or []],
        "officer_determination": officer_determination,
    }


def receipt_bytes(receipt: dict[str, Any]) -> bytes:
    return (json.dumps(receipt, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile shipped in resources/color (its README says where it came from)."""
    return resource_path("color", "sRGB.icc").read_bytes()


def make_archival(pdf: bytes, attachments: Sequence[Attachment] = (), *,
                  tag: bool = True, signature_fields: Sequence[SignatureField] = ()) -> bytes:
    """The PDF as PDF/A-3b: XMP with the PDF/A identification mirroring the Info dictionary,
    an sRGB output intent, /Lang kept (en-US when missing), and the attachments embedded;
    with `tag`, a structure tree over every page (memo.tagging) and the empty, tagged
    `signature_fields` the memo will be signed in (memo.signature_fields)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        if document.is_encrypted:
            raise ValueError("an encrypted PDF cannot be PDF/A")
        root = document.Root
        if "/Lang" not in root:
            root.Lang = String("en-US")
        # viewers show the document title (set by ReportLab), not the file name
        root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        for forbidden in ("/OpenAction", "/AA"):  # no actions or JavaScript at open
            if forbidden in root:
                del root[forbidden]
        if "/Names" in root and "/JavaScript" in root.Names:
            del root.Names["/JavaScript"]
        _write_xmp(document, str(root.Lang))
        _add_output_intent(document)
        _embed(document, attachments, str(document.docinfo.get("/ModDate", "")))
        if tag:
            tag_document(document)
            add_signature_fields(document, signature_fields)
        out = io.BytesIO()
        document.save(out, deterministic_id=True, min_version="1.7")
    return out.getvalue()


def _write_xmp(document: pikepdf.Pdf, lang: str) -> None:
    """XMP from the Info dictionary (title, author, subject, keywords, dates, tools) plus the
    PDF/A part and conformance and the document language."""
    if "/Trapped" in document.docinfo:  # no XMP twin in pikepdf's mapping; optional anyway
        del document.docinfo["/Trapped"]
    with document.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(document.docinfo, delete_missing=False, raise_failure=True)
        meta["dc:language"] = [lang]
        meta["pdfaid:part"] = PDFA_PART
        meta["pdfaid:conformance"] = PDFA_CONFORMANCE


def _add_output_intent(document: pikepdf.Pdf) -> None:
    profile = document.make_stream(srgb_profile())
    profile.N = 3
    intent = Dictionary(
        Type=Name.OutputIntent, S=Name.GTS_PDFA1,
        OutputConditionIdentifier=String(OUTPUT_CONDITION), Info=String(OUTPUT_CONDITION),
        RegistryName=String("http://www.color.org"), DestOutputProfile=profile)
    document.Root.OutputIntents = Array([document.make_indirect(intent)])


def _embed(document: pikepdf.Pdf, attachments: Sequence[Attachment], mod_date: str) -> None:
    """Each attachment as an embedded file stream, a file specification with its
    relationship, listed in the catalog's /AF and its /EmbeddedFiles name tree."""
    if not attachments:
        return
    specs = []
    names: list[Any] = []
    for attachment in sorted(attachments, key=lambda one: one.file_name):
        if attachment.relationship not in RELATIONSHIPS:
            raise ValueError(f"unknown relationship {attachment.relationship!r}")
        stream = document.make_stream(attachment.data)
        stream.Type = Name.EmbeddedFile
        stream.Subtype = Name("/" + attachment.mime_type)
        params = Dictionary(Size=len(attachment.data),
                            CheckSum=String(hashlib.md5(attachment.data,  # PDF's own checksum
                                                        usedforsecurity=False).digest()))
        if mod_date:
            params.ModDate = String(mod_date)
        stream.Params = params
        spec = document.make_indirect(Dictionary(
            Type=Name.Filespec, F=String(attachment.file_name), UF=String(attachment.file_name),
            Desc=String(attachment.description),
            AFRelationship=Name("/" + attachment.relationship),
            EF=Dictionary(F=stream, UF=stream)))
        specs.append(spec)
        names += [String(attachment.file_name), spec]
    if "/Names" not in document.Root:
        document.Root.Names = Dictionary()
    document.Root.Names.EmbeddedFiles = Dictionary(Names=Array(names))
    document.Root.AF = Array(specs)


def associated_files(pdf: bytes) -> dict[str, tuple[str, bytes]]:
    """The document's associated files: file name -> (relationship, bytes); {} when none.
    ValueError when the file cannot be read as a PDF."""
    try:
        document = pikepdf.open(io.BytesIO(pdf))
    except pikepdf.PdfError as problem:
        raise ValueError(f"the file cannot be read as a PDF ({problem})") from problem
    found: dict[str, tuple[str, bytes]] = {}
    with document:
        for spec in document.Root.get("/AF") or []:
            try:
                name = str(spec.get("/UF") or spec.get("/F"))
                relationship = str(spec.get("/AFRelationship") or "/Unspecified").lstrip("/")
                found[name] = (relationship, bytes(spec.EF.F.read_bytes()))
            except (AttributeError, KeyError, TypeError, pikepdf.PdfError):
                continue
    return found
