"""Plain frozen models built from values already of their fields' types, without validation.

Owns `maker` and `trusted_copy`, for the models a reader makes by the hundred a document
from values it made itself (a PDF's cells and paragraphs, every document's lines and check
boxes). Validating such a model costs about 20,000 machine instructions (a six-field `Cell`;
some 7,000 for a model of one field); pydantic's own `model_construct`, which skips the
validation, walks every field's aliases in Python and costs twice as much again, and
`model_copy` about 20,000 too. `maker(Cell, "row", "col", "text")` returns a function of
those keyword arguments that builds the instance validation would give for values of the
fields' exact types: the same `__dict__` (every field in the order the model declares them,
the defaults of those not given), the same fields set (the names given), no extra and no
private values, for about 8,500 (counting its freeing, as the figures above do);
`trusted_copy` is `model_copy(update=...)` (which validates nothing either) for some 11,000.

Nothing is converted: an int given for a float field stays an int (validation would make it
1.0), so callers pass only values of the declared types (ints, str, tuples of models); values
read from outside (an OCR box, a score) go through validation. The names given are checked
when the maker is made (every required field, no unknown one), as validation would check
each call. Only plain models qualify: no aliases, validators, default factories, private
attributes, `model_post_init` nor extra values, every default immutable (hashable) so that
all instances may share it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)

_new = object.__new__
_REQUIRED = object()  # a required field's place among the defaults
_SLOTS = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")


@lru_cache(maxsize=64)
def _setters(cls: type[BaseModel]) -> tuple[Callable[[Any, Any], None], ...]:
    """The `__set__` of the descriptors of an instance's dict, fields set, extra and private
    values: called directly, each costs some 600 machine instructions less than
    `object.__setattr__`, which looks the descriptor up by name first."""
    return tuple(next(klass.__dict__[name] for klass in cls.__mro__ if name in klass.__dict__).__set__
                 for name in _SLOTS)


@lru_cache(maxsize=64)
def _defaults(cls: type[BaseModel]) -> dict[str, Any]:
    """The fields of `cls` in their order, each with its default (required ones: a marker);
    TypeError for a model that needs more than its values."""
    decorators = cls.__pydantic_decorators__
    if (cls.__pydantic_root_model__ or cls.__private_attributes__ or cls.__pydantic_post_init__
            or cls.model_config.get("extra") == "allow"
            or any((decorators.validators, decorators.field_validators, decorators.root_validators,
                    decorators.model_validators))):
        raise TypeError(f"{cls.__name__} is not a plain model: build it with validation")
    defaults: dict[str, Any] = {}
    for name, field in cls.model_fields.items():
        if field.alias not in (None, name) or field.validation_alias is not None or field.default_factory:
            raise TypeError(f"{cls.__name__}.{name} is not a plain field: build it with validation")
        if field.is_required():
            defaults[name] = _REQUIRED
            continue
        hash(field.default)  # a mutable default would be shared between instances: refused
        defaults[name] = field.default
    return defaults


def maker(cls: type[M], *given: str) -> Callable[..., M]:
    """A function of the keyword arguments `given` that builds `cls` from them, unvalidated."""
    defaults = _defaults(cls)
    missing = [name for name, value in defaults.items() if value is _REQUIRED and name not in given]
    unknown = [name for name in given if name not in defaults]
    if missing or unknown or len(set(given)) != len(given):
        raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}, or a name twice")
    # The defaults' dict copied (one C copy of its table) and the given values stored over
    # theirs keep the fields' order and cost less than a dict display of every field.
    set_dict, set_fields_set, set_extra, set_private = _setters(cls)
    namespace: dict[str, Any] = {"_cls": cls, "_new": _new, "_given": frozenset(given), "_defaults": dict(defaults),
                                 "_set_dict": set_dict, "_set_fields_set": set_fields_set,
                                 "_set_extra": set_extra, "_set_private": set_private}
    stores = "".join(f"    fields[{name!r}] = {name}\n" for name in given)
    source = (f"def make(*, {', '.join(given)}):\n"
              f"    fields = _defaults.copy()\n"
              f"{stores}"
              f"    model = _new(_cls)\n"
              f"    _set_dict(model, fields)\n"
              f"    _set_fields_set(model, set(_given))\n"
              f"    _set_extra(model, None)\n"
              f"    _set_private(model, None)\n"
              f"    return model\n")
    exec(source, namespace)  # noqa: S102 - our own source, from the model's field names
    make: Callable[..., M] = namespace["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__}"
    return make


def trusted_copy(model: M, /, **update: Any) -> M:
    """`model.model_copy(update=update)` (no validation either) for updates of known fields."""
    cls = type(model)
    fields = model.__dict__.copy()
    fields.update(update)
    if len(fields) != len(_defaults(cls)):  # an unknown name grew the dict
        raise TypeError(f"{cls.__name__}: unknown {sorted(update.keys() - _defaults(cls).keys())}")
    set_dict, set_fields_set, set_extra, set_private = _setters(cls)
    copied = _new(cls)
    set_dict(copied, fields)
    set_fields_set(copied, model.__pydantic_fields_set__ | update.keys())
    set_extra(copied, None)
    set_private(copied, None)
    return copied
