"""The Content-Security-Policy: the build checks that every inline script of every page
is allowed by a hash of the policy written in mkdocs.yml.

Material's templates carry small inline scripts; their hashes change only when Material
is upgraded (its version is pinned). When they do, the build says which hash to review.
"""

from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT_RE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")


def inline_scripts(html: str) -> list[str]:
    """The code of every inline script (data blocks such as JSON excluded)."""
    found = []
    for match in _SCRIPT_RE.finditer(html):
        attrs = match.group("attrs").lower()
        if "src=" in attrs or any(t in attrs for t in _DATA_TYPES):
            continue
        found.append(match.group("body"))
    return found


def script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def policy_hashes(policy: str) -> set[str]:
    """The script hashes a policy allows."""
    for directive in policy.split(";"):
        name, _, values = directive.strip().partition(" ")
        if name == "script-src":
            return {v.strip("'") for v in values.split() if v.strip("'").startswith("sha256-")}
    return set()


def unknown_scripts(html: str, allowed: set[str]) -> list[str]:
    """Hashes of inline scripts of a page that the policy does not allow."""
    return [h for h in (script_hash(s) for s in inline_scripts(html)) if h not in allowed]
