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


def test_the_recognizer_pads_lines_to_the_set_width_and_runs_in_the_ocr_threads() -> None:
    loaded = engine.engine()
    assert list(loaded.text_rec.rec_image_shape) == [3, 48, engine.REC_MIN_WIDTH]
    rec = loaded.text_rec.session.session.get_session_options()
    det = loaded.text_det.session.session.get_session_options()
    if engine.threads() > 1:
        assert rec.intra_op_num_threads == 1
        assert det.intra_op_num_threads == engine.threads()


def test_lines_read_in_several_threads_come_back_in_their_order(monkeypatch: pytest.MonkeyPatch) -> None:
    np = pytest.importorskip("numpy")
    seen: list[int] = []

    def fake(crops: list) -> list[tuple[str, float]]:
        seen.append(len(crops))
        return [(f"w{crop.shape[1]}", 0.9) for crop in crops]

    monkeypatch.setattr(engine, "_recognised", fake)
    monkeypatch.setattr(engine, "_threads", lambda: 2)
    crops = [np.zeros((40, width), dtype=np.uint8) for width in (900, 30, 400, 2000, 60, 700, 50)]
    assert engine.read_lines(crops) == [(f"w{c.shape[1]}", 0.9) for c in crops]
    assert sorted(seen) == [3, 4]  # two shares of about equal work, every crop in one


def test_shares_balance_the_work() -> None:
    np = pytest.importorskip("numpy")
    crops = [np.zeros((48, width), dtype=np.uint8) for width in (1000, 1000, 500, 500, 200, 200, 200, 200)]
    shares = engine._shares(crops, 2)
    assert sorted(i for share in shares for i in share) == list(range(len(crops)))
    work = [sum(max(engine.REC_MIN_WIDTH, crops[i].shape[1]) for i in share) for share in shares]
    assert max(work) - min(work) <= 200
