"""A scan's ruling pieces made into the table's rules: gaps bridged, ends met, short rules kept.

Owns the repair of the ruling pieces `marks.rulings` finds in the pixels, in points, before
the PDF reader's grid code sees them. On a scan a rule comes in pieces: a red seal (read
through on the red channel) or a blurred, JPEG-compressed thin line leaves gaps in it, and a
rule's end may stop short of the rule it meets. Here collinear pieces with a small gap are
one rule (a gap between two crossing rules is a cell the rule does not bound, not a flaw); a rule's end that stops within `REACH_PT` of a crossing rule (one
whose span covers it) is carried to it; and a vertical stroke shorter than the long rulings
(the separator between two header cells of a low row) is a rule only when both its ends
meet horizontal rules — a character's stroke does not run from one rule to the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.readers.pdf_primitives import Shape

# Collinear pieces this close across (points) are on one rule.
SAME_POS_PT = 1.6
# A gap along a rule up to `TINY_GAP_PT` is a flaw of the scan; up to `GAP_PT` (a seal's
# star or ring over the rule) too, unless both sides of it stop at crossing rules.
TINY_GAP_PT = 3.0
GAP_PT = 40.0
# A rule's end stopping this short of a crossing rule (points) is carried to it.
REACH_PT = 20.0
# A short vertical rule meets a horizontal rule when its end is this near it (points).
MEET_PT = 3.0


@dataclass
class Rule:
    """One rule: across position `pos`, from `a` to `b` along, its thickness."""

    horizontal: bool
    pos: float
    a: float
    b: float
    thick: float
    long: bool = True  # holds a piece as long as a ruling (else only a rule from rule to rule)

    def shape(self) -> Shape:
        half = self.thick / 2
        if self.horizontal:
            return Shape(self.a, self.pos - half, self.b, self.pos + half)
        return Shape(self.pos - half, self.a, self.pos + half, self.b)


def from_box(x0: float, top: float, x1: float, bottom: float, horizontal: bool) -> Rule:
    """A rule from a piece's bounding box."""
    if horizontal:
        return Rule(True, (top + bottom) / 2, x0, x1, bottom - top)
    return Rule(False, (x0 + x1) / 2, top, bottom, x1 - x0)


def _meets(across: list[Rule], pos: float, at: float) -> bool:
    """Whether a crossing rule passes through the point `at` along a rule at `pos`."""
    return any(abs(c.pos - at) <= MEET_PT and c.a - MEET_PT <= pos <= c.b + MEET_PT for c in across)


def _bridged(rules: list[Rule], across: list[Rule] | None = None) -> list[Rule]:
    """Collinear pieces of one orientation joined across their gaps: gaps up to `TINY_GAP_PT`
    always, with the crossing rules `across` known gaps up to `GAP_PT` unless both sides of
    the gap stop at a crossing rule (then the gap is a cell the rule does not bound)."""
    out: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.pos, r.a)):
        for other in out:
            if abs(other.pos - rule.pos) > SAME_POS_PT:
                continue
            first, second = (other, rule) if other.a <= rule.a else (rule, other)
            gap = second.a - first.b
            if gap > TINY_GAP_PT and (across is None or gap > GAP_PT or (
                    _meets(across, first.pos, first.b) and _meets(across, second.pos, second.a))):
                continue
            length, own = other.b - other.a, rule.b - rule.a
            other.pos = (other.pos * length + rule.pos * own) / max(1e-6, length + own)
            other.a, other.b = min(other.a, rule.a), max(other.b, rule.b)
            other.thick = max(other.thick, rule.thick)
            other.long = other.long or rule.long
            break
        else:
            out.append(Rule(rule.horizontal, rule.pos, rule.a, rule.b, rule.thick, rule.long))
    return out


def _reach(rules: list[Rule], across: list[Rule]) -> None:
    """Carry a rule's end to the crossing rule it stops short of (the nearest within
    REACH_PT) when its other end meets a crossing rule: a stroke of text meets none."""
    for rule in rules:
        spanning = [c.pos for c in across if c.a - MEET_PT <= rule.pos <= c.b + MEET_PT]
        meets_a = any(abs(p - rule.a) <= MEET_PT for p in spanning)
        meets_b = any(abs(p - rule.b) <= MEET_PT for p in spanning)
        if meets_a == meets_b:
            continue  # both ends met already, or neither: nothing to carry, or not a rule of the table
        if meets_b:
            before = [p for p in spanning if rule.a - REACH_PT <= p < rule.a]
            rule.a = max(before) if before else rule.a
        else:
            after = [p for p in spanning if rule.b < p <= rule.b + REACH_PT]
            rule.b = min(after) if after else rule.b


def _meets_both(short: Rule, horizontal: list[Rule]) -> bool:
    spanning = [h.pos for h in horizontal if h.a - MEET_PT <= short.pos <= h.b + MEET_PT]
    return any(abs(p - short.a) <= MEET_PT for p in spanning) and any(abs(p - short.b) <= MEET_PT for p in spanning)


def _extends(short: Rule, vertical: list[Rule], horizontal: list[Rule]) -> bool:
    """Carry a long vertical rule over a short piece just past its end (a gap the seal or
    the blur left), when the piece's far end meets a horizontal rule; True if it did."""
    for rule in vertical:
        if abs(rule.pos - short.pos) > SAME_POS_PT:
            continue
        if 0 <= rule.a - short.b <= TINY_GAP_PT and _meets(horizontal, short.pos, short.a):
            rule.a = short.a
            return True
        if 0 <= short.a - rule.b <= TINY_GAP_PT and _meets(horizontal, short.pos, short.b):
            rule.b = short.b
            return True
    return False


def join(long_pieces: list[Rule], short_vertical: list[Rule]) -> list[Shape]:
    """The page's rules from the long pieces and the short vertical candidates."""
    horizontal = _bridged([r for r in long_pieces if r.horizontal])
    vertical = _bridged([r for r in long_pieces if not r.horizontal])
    for short in _bridged([Rule(False, r.pos, r.a, r.b, r.thick, long=False) for r in short_vertical]):
        if _extends(short, vertical, horizontal):
            continue
        if _meets_both(short, horizontal) and not any(
                abs(v.pos - short.pos) <= SAME_POS_PT and v.a <= short.b and short.a <= v.b for v in vertical):
            vertical.append(short)
    horizontal = _bridged(horizontal, vertical)
    vertical = _bridged(vertical, horizontal)
    _reach([r for r in vertical if r.long], horizontal)
    _reach(horizontal, vertical)
    return [r.shape() for r in horizontal + vertical]
