"""Reading a family form's funds amounts in the unit their size shows (a step after parsing).

The family's funds blocks state one unit in a header (项目资金（万元）) and offices fill them
in another: a town's project of 145000000.00 under 万元 is 1.45万亿元 as labelled, beyond any
project, and 1.45亿元 in 元. The record's `unit` is the unit the value is really in, so
reading decides it here: the non-zero amounts that share the oversized ones' stated unit are
read in the one smaller unit in which every oversized amount is plausible (none is when two
smaller units would be: then the block stays as labelled and `unit-mismatch` only asks).
Zero amounts stay as labelled (0 is 0 in any unit). The rule (`extract.checks.funds`)
reports the decision from the amounts as labelled; it never changes a field.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from schemas.fields import UNIT_FACTORS, Amount
from schemas.record import Record


def read_funds_units(record: Record, ceiling_yuan: Decimal) -> Record:
    """`record` with its funds block's amounts in the unit their size shows (see the module)."""
    funds = getattr(record.fields, "funds", None)
    if not isinstance(funds, BaseModel):
        return record
    amounts = list(_amounts(funds))
    updates: dict[tuple[Any, ...], Amount] = {}
    for unit in {_unit(a) for _, a in amounts} - {"元"}:
        group = [(path, a) for path, a in amounts if _unit(a) == unit and a.number]
        huge = [a for _, a in group if _over(a, ceiling_yuan)]
        if not huge:
            continue
        smaller = [u for u, factor in UNIT_FACTORS.items() if factor < UNIT_FACTORS[unit]]
        fitting = [u for u in smaller if not any(_over(a.in_unit(u), ceiling_yuan) for a in huge)]
        if len(fitting) == 1:
            updates.update({path: a.in_unit(fitting[0]) for path, a in group})
    if not updates:
        return record
    fields = record.fields.model_copy(update={"funds": _replaced(funds, (), updates)})
    return record.model_copy(update={"fields": fields})


def _over(amount: Amount, ceiling_yuan: Decimal) -> bool:
    value = amount.yuan_value
    return value is not None and value > ceiling_yuan


def _unit(amount: Amount) -> str:
    return amount.unit or "元"


def _amounts(model: BaseModel, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Amount]]:
    """(path, amount) of every amount under `model`: rows, their columns, `extra` list items."""
    found: list[tuple[tuple[Any, ...], Amount]] = []
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, Amount):
            found.append(((*path, name), value))
        elif isinstance(value, BaseModel):
            found.extend(_amounts(value, (*path, name)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found.extend(_amounts(item, (*path, name, index)))
    return found


def _replaced(model: BaseModel, path: tuple[Any, ...], updates: dict[tuple[Any, ...], Amount]) -> BaseModel:
    """A copy of `model` with the amounts at `updates`' paths replaced."""
    changed: dict[str, Any] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        here = (*path, name)
        if here in updates:
            changed[name] = updates[here]
        elif isinstance(value, BaseModel) and any(p[: len(here)] == here for p in updates):
            changed[name] = _replaced(value, here, updates)
        elif isinstance(value, list) and any(p[: len(here)] == here for p in updates):
            changed[name] = [_replaced(item, (*here, i), updates) if isinstance(item, BaseModel) else item
                             for i, item in enumerate(value)]
    return model.model_copy(update=changed) if changed else model
