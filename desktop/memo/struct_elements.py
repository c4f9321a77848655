"""Structure elements for the tagger: one of a role on a page, and one holding marked parts
(MCIDs) with a /Lang where a part is not in the document's language."""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

Parts = list[tuple[int, str | None, str]]


def element(document: pikepdf.Pdf, role: str, parent: Any, page: Any,
            kids: list[Any] | int) -> Any:
    """A structure element of this role on this page (kids: an MCID or a list)."""
    made = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + role),
                                             P=parent, Pg=page))
    made.K = Array(kids) if isinstance(kids, list) else kids
    return made


def content(document: pikepdf.Pdf, role: str, parent: Any, page: Any, parts: Parts,
            by_mcid: dict[int, Any]) -> Any:
    """An element holding these marked parts: the MCID itself when there is one part (with
    its /Lang), else the document-language parts as MCIDs and the others as Spans with /Lang."""
    if len(parts) == 1 and not parts[0][2]:
        mcid, language, _role_name = parts[0]
        made = by_mcid[mcid] = element(document, role, parent, page, mcid)
        if language:
            made.Lang = String(language)
        return made
    made = element(document, role, parent, page, [])
    for mcid, language, part_role in parts:
        if language is None and not part_role:
            made.K.append(mcid)
            by_mcid[mcid] = made
            continue
        kid = by_mcid[mcid] = element(document, part_role or "Span", made, page, mcid)
        if language:
            kid.Lang = String(language)
        made.K.append(kid)
    return made
