"""Reading aids a web page inserts into a form's text: pinyin after characters (`監(jiān)測`).

Owns the removal of ruby annotations: some document-sharing sites print the pinyin of a
character in brackets right after it (`項(xiàng)目`). That annotation is no text of the form;
left in, it breaks every label it falls in (項(xiàng)目名稱 is no 项目名称). An annotation is
a bracket (half- or full-width) right after a Han character holding only lower-case Latin
syllables of which at least one carries a tone mark, as pinyin does and a unit, a
column letter (A) or an abbreviation (kg) does not. Text without one comes back unchanged.
"""

from __future__ import annotations

import regex

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ"
_SYLLABLE = rf"[a-zü{_TONED}]{{1,6}}"
_RUBY = regex.compile(
    rf"(?<=\p{{Han}})[(（](?=[^()（）]*[{_TONED}])({_SYLLABLE}(?:[ '’]{_SYLLABLE}){{0,3}})[)）]")


def strip_ruby(text: str) -> str:
    """`text` without the pinyin annotations printed after its characters."""
    if not any(char in _TONED for char in text):
        return text
    return _RUBY.sub("", text)
