"""`schemas.trusted`: a model built unvalidated is the one validation gives, or is refused."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, field_validator

from schemas.discrepancy import location
from schemas.document import Cell, Checkbox, Document, Line, Paragraph, Table
from schemas.record import Source
from schemas.trusted import maker, trusted_copy

_BOX = Checkbox(state="checked", source="glyph", offset=0, label="是")
_CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Cell, {"row": 2, "col": 0, "row_span": 1, "col_span": 3, "text": "项目名称", "page": 4}),
    (Cell, {"text": "", "col": 1, "row": 0}),  # given out of order, defaults for the rest
    (Paragraph, {"page": 1, "text": "一、基本情况\n第二行"}),
    (Table, {"page": 2, "cells": (Cell(row=0, col=0, text="a"), Cell(row=0, col=1, text="☑是", boxes=(_BOX,)))}),
    (Line, {"text": "a\tb", "loc": location(3, 7), "block": 5, "row": 1, "cells": (0, 1)}),
    (Line, {"text": "a", "loc": location(1, 1), "block": 0, "row": None, "cells": ()}),
    (Checkbox, {"state": "unknown", "source": "drawn", "offset": 4, "label": "否", "label_side": "before",
                "confidence": None}),
    (Source, {"path": "a.pdf", "format": "pdf", "sha256": "ab" * 32}),  # not frozen, its own serializer
    (Document, {"source": Source(path="a.pdf", pages=2, format="pdf"),
                "blocks": (Paragraph(text="x"), Table(cells=(Cell(row=0, col=0, text="y"),))),
                "lines": (Line(text="x", loc=location(1, 1), block=0),)}),
]


def _state(model: BaseModel) -> tuple[object, ...]:
    return (model.__getstate__(), list(model.__dict__), model.model_dump_json(), repr(model))


def _hash(model: BaseModel) -> int | None:
    try:
        return hash(model)
    except TypeError:  # a document holds its unfrozen source
        return None


@pytest.mark.parametrize(("cls", "values"), _CASES)
def test_the_model_validation_gives(cls: type[BaseModel], values: dict[str, Any]) -> None:
    validated, made = cls(**values), maker(cls, *values)(**values)
    assert type(made) is cls and made == validated
    assert _state(made) == _state(validated)  # fields in the model's order, the same fields set
    assert made.model_fields_set == set(values) and made.model_dump(exclude_unset=True) == validated.model_dump(
        exclude_unset=True)
    assert _hash(made) == _hash(validated) and _state(pickle.loads(pickle.dumps(made))) == _state(validated)
    assert made.model_fields_set is not maker(cls, *values)(**values).model_fields_set  # its own set
    if cls.model_config.get("frozen"):
        with pytest.raises(ValueError):  # still frozen
            made.__setattr__(next(iter(values)), None)


@pytest.mark.parametrize(("cls", "values"), _CASES)
def test_a_copy_is_the_one_model_copy_gives(cls: type[BaseModel], values: dict[str, Any]) -> None:
    model = cls(**values)
    name = next(iter(values))
    update = {name: values[name]} | ({"page": 9} if "page" in cls.model_fields else {})
    assert _state(trusted_copy(model, **update)) == _state(model.model_copy(update=update))
    assert trusted_copy(model, **update).model_fields_set == model.model_copy(update=update).model_fields_set
    assert _state(model) == _state(cls(**values))  # the original untouched


def test_nothing_is_converted_so_callers_pass_exact_types() -> None:
    """Validation makes an int 1.0 in a float field; the maker keeps what it is given."""
    values = {"state": "checked", "source": "glyph", "offset": 0, "confidence": 1}
    assert Checkbox(**values).confidence == 1.0 and isinstance(Checkbox(**values).confidence, float)
    assert isinstance(maker(Checkbox, *values)(**values).confidence, int)


def test_names_checked_when_the_maker_is_made() -> None:
    for names in [("row", "col"), ("row", "col", "text", "colour"), ("row", "col", "text", "text")]:
        with pytest.raises(TypeError):
            maker(Cell, *names)
    make = maker(Cell, "row", "col", "text")
    with pytest.raises(TypeError):
        make(row=0, col=0)  # a name it takes, missing
    with pytest.raises(TypeError):
        make(row=0, col=0, text="", page=1)  # a name it does not take
    with pytest.raises(TypeError):
        trusted_copy(Cell(row=0, col=0, text=""), colour="red")


class _Checked(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str

    @field_validator("name")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class _Aliased(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)
    name: str = ""
    other: str = ""

    def model_post_init(self, context: Any) -> None:
        pass


class _SharedDefault(BaseModel):
    items: list[int] = []


def test_models_it_cannot_build_alike_are_refused() -> None:
    for cls in (_Checked, _Aliased, _SharedDefault):
        with pytest.raises(TypeError):
            maker(cls, "name" if cls is not _SharedDefault else "items")
