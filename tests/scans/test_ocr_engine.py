"""The OCR engine as jixiao sets it up: both models loaded with the engine, onnxruntime's
thread pools sleeping when idle, RapidOCR's own session options left alone elsewhere."""

from __future__ import annotations

import pytest

from parsers.ocr import engine, sessions

if not engine.available():
    pytest.skip("needs the OCR extra", allow_module_level=True)


def test_the_engine_comes_with_both_models_loaded_and_tuned_sessions() -> None:
    loaded = engine.engine()
    assert engine.loads() == 1
    assert engine.preload() is True
    assert engine.engine() is loaded and engine.loads() == 1
    for model in (loaded.text_det, loaded.text_rec):
        options = model.session.session.get_session_options()
        for key, value in sessions.SESSION_CONFIG.items():
            assert options.get_session_config_entry(key) == value
        assert options.enable_cpu_mem_arena is False
    assert loaded.text_rec.rec_batch_num == engine.REC_BATCH
    assert loaded.text_cls is None  # no 0/180 classifier


def test_tuned_sessions_touch_rapidocr_only_inside() -> None:
    from rapidocr.inference_engine.onnxruntime.main import OrtInferSession

    before = OrtInferSession.__dict__["_init_sess_opts"]
    with sessions.tuned_sessions():
        assert OrtInferSession.__dict__["_init_sess_opts"] is not before
    assert OrtInferSession.__dict__["_init_sess_opts"] is before
