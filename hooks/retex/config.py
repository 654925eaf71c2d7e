"""The plugin's options in mkdocs.yml (``plugins: - retex: …``), typed here, read nowhere
else (``build.Settings.read`` hands them to the build): ``search`` (the Pagefind index;
``!ENV [RETEX_SEARCH, true]``), ``csp`` (the policy of every page, one directive each),
``publisher`` (legal pages, open data, feeds) and ``license`` (of the content).
"""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

OFF = frozenset({"0", "non", "no", "off", "false", "faux"})
ON = frozenset({"1", "oui", "yes", "on", "true", "vrai"})


class Switch(c.BaseConfigOption[bool]):
    """On or off, also as an environment variable says it (``0``, ``non``, ``off``…)."""

    def __init__(self, default: bool):
        super().__init__()
        self.default = default

    def run_validation(self, value: object) -> bool:
        text = str(value).strip().lower()
        if text in ON | OFF:
            return text in ON
        raise ValidationError(f"« {value} » : écrivez true ou false (ou 1 et 0)")


class Directives(c.ListOfItems[str]):
    """Policy directives, each a quoted text."""

    def __init__(self):
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(d, str) for d in value):
            raise ValidationError(
                "chaque directive doit être un texte entre guillemets (une valeur qui finit "
                "par « : » devient sinon un dictionnaire)"
            )
        return value


class PublisherConfig(Config):
    name = c.Optional(c.Type(str))  # site_name when not given
    url = c.Optional(c.Type(str))  # site_url when not given
    email = c.Optional(c.Type(str))
    address = c.Optional(c.Type(str))
    director = c.Optional(c.Type(str))
    host = c.Optional(c.Type(str))


class LicenseConfig(Config):
    name = c.Type(str, default="Licence Ouverte 2.0")
    url = c.Type(str, default="")


class RetexConfig(Config):
    search = Switch(default=True)
    csp = Directives()
    publisher = c.SubConfig(PublisherConfig)
    license = c.SubConfig(LicenseConfig)
