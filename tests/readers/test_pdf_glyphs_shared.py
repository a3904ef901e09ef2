"""A page's characters that read as decoded are its glyphs, with no second tuple made.

`pdf_page._glyphs` hands a page's own `Char`s to the layout when `char_text` would give each
of them its own text back (`pdf_boxes.reads_as_decoded`); a page holding a symbol font, a
box glyph or a private-use code has every character mapped as before."""

from __future__ import annotations

from parsers.readers.pdf_boxes import char_text
from parsers.readers.pdf_page import _glyphs
from parsers.readers.pdf_primitives import Char, PagePrimitives


def _page(*chars: Char) -> PagePrimitives:
    return PagePrimitives(number=1, height=800.0, chars=list(chars))


def _mapped(page: PagePrimitives) -> list[tuple[str, float, float]]:
    return [(t, c.x0, c.x1) for c in page.chars if (t := char_text(c.text, c.fontname))]


def test_plain_characters_are_their_own_glyphs() -> None:
    page = _page(Char("项", 50.0, 60.0, 100.0, 110.0, 10.0, fontname="SimSun"),
                 Char("a", 60.0, 65.0, 100.0, 110.0, 10.0, fontname="Helvetica"))
    glyphs = _glyphs(page)
    assert glyphs == page.chars and glyphs is not page.chars  # the caller may add to its list
    assert all(g is c for g, c in zip(glyphs, page.chars, strict=True))


def test_a_page_with_symbol_fonts_or_box_glyphs_is_mapped_a_character_at_a_time() -> None:
    pages = [
        _page(Char("a", 50.0, 55.0, 100.0, 110.0, 10.0, fontname="Helvetica"),
              Char("R", 60.0, 70.0, 100.0, 110.0, 10.0, fontname="ABCDEF+Wingdings2-Regular")),
        _page(Char("□", 50.0, 60.0, 100.0, 110.0, 10.0, fontname="SimSun"), Char("是", 60.0, 70.0, 100.0, 110.0, 10.0)),
        _page(Char("\ue001", 50.0, 60.0, 100.0, 110.0, 10.0), Char("否", 60.0, 70.0, 100.0, 110.0, 10.0)),
        _page(Char("(cid:12)", 50.0, 60.0, 100.0, 110.0, 10.0), Char("b", 60.0, 70.0, 100.0, 110.0, 10.0)),
    ]
    for page in pages:
        glyphs = _glyphs(page)
        assert [(g.text, g.x0, g.x1) for g in glyphs] == _mapped(page)
        assert [g.text for g in glyphs] != [c.text for c in page.chars]


def test_a_mapped_page_keeps_the_characters_the_mapping_leaves_alone() -> None:
    plain = [Char(c, 50.0 + 10 * i, 60.0 + 10 * i, 100.0, 110.0, 10.0, fontname="SimSun") for i, c in enumerate("项目名称")]
    box = Char("□", 90.0, 100.0, 100.0, 110.0, 10.0, 0.5, fontname="SimSun")
    noise = Char("\uf0fe", 100.0, 110.0, 100.0, 110.0, 10.0, fontname="ABCDEF+Wingdings-Regular")
    page = _page(plain[0], box, *plain[1:], noise, Char("", 110.0, 110.0, 100.0, 110.0, 10.0))
    glyphs = _glyphs(page)
    assert [(g.text, g.x0, g.x1) for g in glyphs] == _mapped(page)
    assert glyphs[0] is plain[0] and all(g is c for g, c in zip(glyphs[2:5], plain[1:], strict=True))
    assert glyphs[1] == Char(char_text("□", "SimSun"), 90.0, 100.0, 100.0, 110.0, 10.0, 0.5, fontname="SimSun")
    assert len(glyphs) == 5 + (char_text("\uf0fe", "ABCDEF+Wingdings-Regular") != "")


def test_only_the_suspects_are_asked_and_the_glyphs_are_those_of_asking_every_character() -> None:
    """`_glyphs` asks `char_text` only for characters in a symbol font, box glyphs and
    private-use codes; on random pages of every kind it gives what asking each character
    gives (the reference), the characters it leaves alone being the page's own tuples."""
    import random

    from parsers.readers.checkbox_glyphs import CHECKED_GLYPHS, UNCHECKED_GLYPHS

    rng = random.Random(15)
    texts = [*"项目名称是否aR0 ", *sorted(CHECKED_GLYPHS | UNCHECKED_GLYPHS), "\ue001", "\uf0fe", "\uf0a8",
             "(cid:12)", "(cid:0)", "ﬁ", "ab", ""]
    fonts = ["SimSun", "Helvetica", None, "ABCDEF+Wingdings2-Regular", "Wingdings-Regular", "Symbol", "Webdings"]
    for _ in range(400):
        n = rng.randint(1, 30)
        single = rng.random() < 0.5  # pages whose characters are each one character
        pool = [t for t in texts if len(t) == 1] if single else texts
        page = _page(*(Char(rng.choice(pool), 10.0 * i, 10.0 * i + 8, 100.0, 110.0, 10.0,
                            fontname=rng.choice(fonts if rng.random() < 0.7 else fonts[:3])) for i in range(n)))
        glyphs = _glyphs(page)
        assert [(g.text, g.x0, g.x1, g.fontname) for g in glyphs] == [
            (t, c.x0, c.x1, c.fontname) for c in page.chars if (t := char_text(c.text, c.fontname))]
        kept = {id(c) for c in page.chars if c.text and char_text(c.text, c.fontname) == c.text}
        assert sum(id(g) in kept for g in glyphs) == len(kept)
