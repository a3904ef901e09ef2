"""`parsers.frozen_init`: a frozen dataclass built in one step behaves as `dataclasses` made it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from parsers.frozen_init import frozen_init


@dataclass(frozen=True)
class _Plain:
    name: str
    width: float
    note: str | None = None
    count: int = 0


@frozen_init
@dataclass(frozen=True)
class _Quick:
    name: str
    width: float
    note: str | None = None
    count: int = 0


def _fields(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


@pytest.mark.parametrize(("args", "kwargs"), [
    (("a", 1.5), {}),
    (("a", 1.5, "n"), {"count": 3}),
    ((), {"width": 2.0, "name": "b", "count": 1}),
])
def test_the_same_fields_as_the_dataclass_init(args: tuple, kwargs: dict) -> None:
    quick, plain = _Quick(*args, **kwargs), _Plain(*args, **kwargs)
    assert _fields(quick) == _fields(plain)
    assert repr(quick) == repr(plain).replace("_Plain", "_Quick")
    assert quick == _Quick(*args, **kwargs) and hash(quick) == hash(_Quick(*args, **kwargs))
    assert dataclasses.replace(quick, count=9).count == 9


def test_still_frozen_and_strict_about_its_arguments() -> None:
    quick = _Quick("a", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del quick.width  # type: ignore[misc]
    for args, kwargs in [(("a",), {}), (("a", 1.0, None, 0, "extra"), {}), (("a", 1.0), {"colour": "red"})]:
        with pytest.raises(TypeError):
            _Quick(*args, **kwargs)


def test_classes_it_cannot_build_alike_are_refused() -> None:
    @dataclass
    class Unfrozen:
        name: str

    @dataclass(frozen=True)
    class Factory:
        items: list[int] = field(default_factory=list)

    @dataclass(frozen=True)
    class PostInit:
        name: str

        def __post_init__(self) -> None:
            pass

    @dataclass(frozen=True, slots=True)
    class Slotted:
        name: str

    for cls in (Unfrozen, Factory, PostInit, Slotted):
        with pytest.raises(TypeError):
            frozen_init(cls)
