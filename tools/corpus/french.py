"""French grammar for generated sentences: « de », « à » and capitals before names."""

from __future__ import annotations

_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüœæAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")
_H_ASPIRATE = ("haut", "hag", "ham", "han", "har", "has", "hall", "hiér", "hon")


def _elides(word: str) -> bool:
    if not word:
        return False
    if word[0] in _VOWELS:
        return True
    return word[0] in "hH" and not word.lower().startswith(_H_ASPIRATE)


def de(name: str) -> str:
    """« de » before a proper name: de Quimper, d’Angers, du Mans, des Abymes."""
    if name.startswith("Le "):
        return "du " + name[3:]
    if name.startswith("Les "):
        return "des " + name[4:]
    return ("d’" if _elides(name) else "de ") + name


def at(name: str) -> str:
    """« à » before a town: à Quimper, au Mans, aux Abymes."""
    if name.startswith("Le "):
        return "au " + name[3:]
    if name.startswith("Les "):
        return "aux " + name[4:]
    return "à " + name


def de_np(phrase: str) -> str:
    """« de » before a noun phrase: des familles, du service, de la régie, d’un guide."""
    for article, result in (
        ("les ", "des "),
        ("le ", "du "),
        ("la ", "de la "),
        ("l’", "de l’"),
        ("un ", "d’un "),
        ("une ", "d’une "),
        ("ses ", "de ses "),
    ):
        if phrase.startswith(article):
            return result + phrase[len(article) :]
    if phrase[:1].isupper():
        return de(phrase)
    return ("d’" if _elides(phrase) else "de ") + phrase


def de_word(text: str) -> str:
    """« de » before an infinitive or a bare noun: de tester, d’observer."""
    return ("d’" if _elides(text) else "de ") + text


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def uncap(text: str) -> str:
    """Lowercase the first letter, unless it starts an acronym (« DITP »)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
