"""A frozen dataclass whose instances are built in one step.

Owns `frozen_init`, for the frozen dataclasses the pipeline makes by the thousand a document
(a PDF's text lines and cells, the field parser's tokens, the narrative's figures). The
`__init__` that `dataclasses` writes for a frozen class sets each field with its own
`object.__setattr__` call (it must get past the class's own `__setattr__`, which refuses
every assignment), which costs more than building the rest of the object: about 15,800
machine instructions for seven fields, against 6,400 for a plain dataclass. The `__init__`
made here takes the same parameters, in the same order with the same defaults, and fills
the instance's `__dict__` in one update (about 9,200): the class stays frozen (assignment
and deletion still raise), and equality, hashing, `repr` and `dataclasses.replace` are the
ones `dataclasses` made.

Only plain fields are supported (a default value or none): a field with a default factory,
a keyword-only or non-init field, `__post_init__` or `slots=True` is refused when the class
is defined, so no class can lose behaviour silently.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

T = TypeVar("T")


def frozen_init(cls: type[T]) -> type[T]:
    """Give the frozen dataclass `cls` an `__init__` that sets every field in one step."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__qualname__} is not a frozen dataclass")
    if hasattr(cls, "__post_init__") or "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__qualname__}: __post_init__ and slots are not supported")
    names: list[str] = []
    signature: list[str] = []
    defaults: dict[str, object] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.default_factory is not dataclasses.MISSING or not field.init or field.kw_only:
            raise TypeError(f"{cls.__qualname__}.{field.name}: only plain fields are supported")
        names.append(field.name)
        if field.default is dataclasses.MISSING:
            signature.append(field.name)
        else:
            defaults[f"_default_{field.name}"] = field.default
            signature.append(f"{field.name}=_default_{field.name}")
    source = (f"def __init__(self, {', '.join(signature)}):\n"
              f"    self.__dict__.update({', '.join(f'{name}={name}' for name in names)})\n")
    namespace: dict[str, Any] = {}
    exec(source, defaults, namespace)  # noqa: S102 - our own source, from the field names
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses a method assigned
    return cls
