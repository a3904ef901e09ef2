"""Named settings a user can override: reader limits and checker tolerances.

Defaults live here; `load_settings(path)` reads overrides from a TOML file
(`[limits]` and `[checks]` tables, keys as below) and rejects unknown keys.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from extract.errors import JixiaoError


class Limits(BaseModel):
    """Limits that keep one hostile or huge document from taking the run down."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_file_bytes: int = 100 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_zip_ratio: int = 200
    max_pages: int = 500
    max_line_chars: int = 1_000_000
    timeout_seconds: float = 60.0


class CheckSettings(BaseModel):
    """Tolerances and thresholds of the consistency rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rate_tolerance_points: Decimal = Decimal("0.5")
    amount_tolerance_yuan: Decimal = Decimal("1.00")
    normal_threshold_pct: Decimal = Decimal("75")
    narrative_rate_tolerance_points: Decimal = Decimal("0.5")
    severities: dict[str, str] = {}


class Settings(BaseModel):
    """All settings of a run."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    limits: Limits = Limits()
    checks: CheckSettings = CheckSettings()


DEFAULT_SETTINGS = Settings()


class SettingsError(JixiaoError):
    """A settings file is unreadable or names an unknown key."""


def load_settings(path: Path | None) -> Settings:
    """Settings from a TOML file, or the defaults when `path` is None."""
    if path is None:
        return DEFAULT_SETTINGS
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return Settings.model_validate(data)
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise SettingsError(f"配置文件 {path} 无效: {exc}") from exc
