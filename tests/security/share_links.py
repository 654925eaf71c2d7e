"""The attack corpus of « Ma sélection »'s share link (/ma-selection/?methodes=a,b&cas=c):
its query is hostile input, written by whoever sends the link.

Each payload is opened in Chromium, on /ma-selection/ and on its print-ready document
(tests/browser/test_selection.py): only published sheets are shown, named by the build's
catalogue; nothing of the query reaches the page as markup or as an address; no script
runs; no request leaves the site. Keep adding to it.
"""

from __future__ import annotations

# name -> (query string, the published sheets it still names, as "kind/slug")
SHARE_LINK_ATTACKS: dict[str, tuple[str, list[str]]] = {
    "markup-as-a-slug": ("methodes=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", []),
    "script-as-a-case": ("cas=%3C%2Fscript%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E", []),
    "attribute-breakout-after-a-real-slug": (
        "methodes=debat-mouvant%22%20onmouseover%3D%22alert(1),tour-de-table",
        ["methodes/tour-de-table"],
    ),
    "selector-injection": ('methodes=a"],[data-rx-kind],["&cas=*', []),
    "path-traversal": ("methodes=..%2F..%2Fdonnees%2Fcas.json,../../flux&cas=.", []),
    "other-hosts": ("cas=https://evil.example/x,//evil.example/y&methodes=javascript:alert(1)", []),
    "object-keys": ("methodes=__proto__,constructor,toString&cas=hasOwnProperty", []),
    "look-alikes": ("methodes=d%C3%A9bat-mouvant,DEBAT-MOUVANT,debat%E2%80%90mouvant", []),
    # Spaces and line ends around a slug are dropped (a mail client may add them).
    "control-characters": ("methodes=debat-mouvant%00x,%0Abarcamp%0D", ["methodes/barcamp"]),
    "a-slug-under-the-other-kind": ("cas=debat-mouvant&methodes=pau-lean-startup-directeurs", []),
    "unknown-parameters": ("scripts=debat-mouvant&methodes%5B%5D=barcamp&Methodes=barcamp", []),
    "repeated-thousands-of-times": (
        "methodes=" + ",".join(["world-cafe"] * 5000),
        ["methodes/world-cafe"],
    ),
    "one-huge-value": ("methodes=" + "a" * 30000, []),
    "many-parameters": ("&".join(f"cas=x{i}" for i in range(2000)) + "&cas=barcamp", []),
}
