"""Named settings a user can override: reader limits and checker tolerances.

Defaults live here; `load_settings(path)` reads overrides from a TOML file
(`[limits]` and `[checks]` tables, keys as below) and rejects unknown keys. A rule's own
settings are a table under `[checks]` named by its id (`[checks.budget-score]
tolerance = 0.1`), validated against the options model the rule declares.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    PositiveFloat,
    PositiveInt,
    ValidationError,
    field_validator,
    model_validator,
)

from extract.defaults import DEFAULT_TIMEOUT_SECONDS
from extract.errors import JixiaoError
from schemas.discrepancy import Severity


class Limits(BaseModel):
    """Limits that keep one hostile or huge document from taking the run down."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_bytes: PositiveInt = 100 * 1024 * 1024
    """Bigger files are refused unread (too-large)."""
    max_unzipped_bytes: PositiveInt = 200 * 1024 * 1024
    """A .docx whose parts add up to more, declared or inflated, is refused (unsafe-content)."""
    max_zip_ratio: PositiveInt = 200
    """A zip member (over 1 MiB) expanding more than this many times is a bomb (unsafe-content)."""
    max_pages: PositiveInt = 500
    """PDFs with more pages are refused before a page is parsed (too-many-pages)."""
    max_line_chars: PositiveInt = 1_000_000
    """A text file with a longer line is refused (too-large)."""
    timeout_seconds: PositiveFloat = DEFAULT_TIMEOUT_SECONDS
    """Reading and checking one document takes at most this long (timeout)."""
    max_image_pixels: PositiveInt = 60_000_000
    """An image page with more pixels (A4 at 600 dpi is 35 M) is refused (image-too-large);
    one declaring over twice this is a decompression bomb (image-bomb)."""
    ocr: Literal["auto", "always", "never"] = "auto"
    """Pages read by OCR: those without a usable text layer (auto), every page (always), none."""


class CheckSettings(BaseModel):
    """Tolerances and thresholds of the consistency rules (`extract.checks`), by name.

    Amounts are compared in yuan, rates in percentage points. A figure written in the
    narrative is only as precise as it is printed (`58.1万元` stands for 580,500 to 581,500
    yuan), so narrative comparisons allow half a unit of its last printed digit on top of
    `amount_tolerance_yuan` while `narrative_allows_rounding` is on.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    rate_tolerance_points: Decimal = Decimal("0.5")
    """execution-rate: 预算执行进度 vs 执行数 ÷ 调整后预算数 × 100."""
    amount_tolerance_yuan: Decimal = Decimal("1.00")
    """budget-identity and every comparison of two amounts."""
    normal_threshold_pct: Decimal = Decimal(75)
    """conclusion-rate: 运行正常 needs at least this execution rate when the text names none."""
    basic_threshold_pct: Decimal = Decimal(60)
    """conclusion-rate: 运行基本正常 needs at least this execution rate when the text names none."""
    narrative_rate_tolerance_points: Decimal = Decimal("0.5")
    """text-arithmetic and narrative-mismatch: a rate stated in the narrative."""
    narrative_allows_rounding: bool = True
    """Allow half a unit of the last printed digit when comparing a narrative figure."""
    min_plausible_amount_yuan: Decimal = Decimal(1000)
    """unit-mismatch: breaks a tie between two unit readings the table's arithmetic allows
    equally, in favour of the one leaving fewer amounts under this; never evidence alone."""
    severities: dict[str, Severity] = {}
    """Severity overrides by rule id, e.g. {"missing-field": "info"}."""
    rule_options: dict[str, Any] = {}
    """Each rule's own settings by rule id (the TOML's `[checks.<rule-id>]` tables), as the
    rule's options model; a rule not named here runs with its model's defaults."""

    @model_validator(mode="before")
    @classmethod
    def _rule_tables(cls, data: Any) -> Any:
        """Move `[checks.<rule-id>]` tables (keys that are no setting) into `rule_options`."""
        if not isinstance(data, dict):
            return data
        tables = {k: v for k, v in data.items() if k not in cls.model_fields and isinstance(v, dict)}
        if not tables:
            return data
        rest = {k: v for k, v in data.items() if k not in tables}
        return {**rest, "rule_options": {**dict(rest.get("rule_options") or {}), **tables}}

    @field_validator("rule_options")
    @classmethod
    def _known_options(cls, value: dict[str, Any]) -> dict[str, Any]:
        from extract.checks import RULE_OPTIONS, RULES  # local: the registry imports these settings

        validated: dict[str, Any] = {}
        for rule_id, options in value.items():
            if rule_id not in RULES:
                raise ValueError(f"未知的规则: {rule_id}; 可用: {', '.join(sorted(RULES))}")
            model = RULE_OPTIONS.get(rule_id)
            if model is None:
                raise ValueError(f"规则 {rule_id} 没有可设置的选项")
            validated[rule_id] = options if isinstance(options, model) else model.model_validate(options)
        return validated

    def options_for(self, rule_id: str) -> Any:
        """The settings of rule `rule_id`: as configured, else its options model's defaults."""
        if rule_id in self.rule_options:
            return self.rule_options[rule_id]
        from extract.checks import RULE_OPTIONS  # local: the registry imports these settings

        return RULE_OPTIONS[rule_id]()

    @field_validator("severities")
    @classmethod
    def _known_rules(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        from extract.checks import RULES  # local: the registry imports these settings

        unknown = sorted(set(value) - set(RULES))
        if unknown:
            raise ValueError(f"未知的规则: {', '.join(unknown)}; 可用: {', '.join(sorted(RULES))}")
        return value


class Settings(BaseModel):
    """All settings of a run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits = Limits()
    checks: CheckSettings = CheckSettings()


DEFAULT_SETTINGS = Settings()


class SettingsError(JixiaoError):
    """A settings file is unreadable or names an unknown key."""


def with_ocr(settings: Settings, mode: str | None) -> Settings:
    """`settings` with the OCR mode of `--ocr` (auto, always, never); unchanged for None."""
    if mode is None:
        return settings
    try:
        limits = Limits.model_validate({**settings.limits.model_dump(), "ocr": mode})
    except ValidationError as exc:
        raise SettingsError(f"--ocr 只能是 auto、always 或 never（收到 {mode}）") from exc
    return settings.model_copy(update={"limits": limits})


def load_settings(path: Path | None) -> Settings:
    """Settings from a TOML file, or the defaults when `path` is None."""
    if path is None:
        return DEFAULT_SETTINGS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Settings.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise SettingsError(f"配置文件 {path} 无效: {exc}") from exc
