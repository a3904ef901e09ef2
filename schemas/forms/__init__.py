"""The field models of every form of the family, keyed by `form.type` (forms-v1.md).

`schemas.fields.Fields` is the monitoring form's (record-v1.md); the other forms' models live
one module each beside this file. `FIELDS_MODELS` is the one table that maps a form type to
its model: the record, the JSON Schema and the outputs read it, nothing names a form twice.
"""

from __future__ import annotations

from pydantic import BaseModel

from schemas.fields import Fields
from schemas.forms.common import Target
from schemas.forms.execution_monitoring import ExecutionMonitoringFields
from schemas.forms.self_evaluation import SelfEvaluationFields
from schemas.forms.target_declaration import TargetDeclarationFields

FIELDS_MODELS: dict[str, type[BaseModel]] = {
    "monitoring": Fields,
    "self_evaluation": SelfEvaluationFields,
    "target_declaration": TargetDeclarationFields,
    "execution_monitoring": ExecutionMonitoringFields,
}
"""form.type -> the pydantic model of its `fields`."""

FORM_TYPES: tuple[str, ...] = tuple(FIELDS_MODELS)

AnyFields = Fields | SelfEvaluationFields | TargetDeclarationFields | ExecutionMonitoringFields

__all__ = [
    "FIELDS_MODELS",
    "FORM_TYPES",
    "AnyFields",
    "ExecutionMonitoringFields",
    "SelfEvaluationFields",
    "Target",
    "TargetDeclarationFields",
]
