"""Mutation fuzzing of the Word and PDF readers: they may only ever raise a ReadError.

Takes the corpus's .docx and .pdf files and mutates them (byte flips, byte runs overwritten,
truncations, inserted and deleted chunks; for .docx also zip-level mutations: a member
dropped, swapped with another member's bytes, duplicated, truncated, bit-flipped, or an XML
member with a DOCTYPE / stray bytes), then reads every mutant with
`parsers.readers.read_document` under the per-document time limit, for --seconds seconds.

Prints how many inputs it tried, how many gave which outcome (a read-error code, or "read"),
and every input that raised something other than a ReadError or took longer than the limit;
such inputs are saved to --save (default benchmarks/fuzz-findings/) with the traceback.

    python benchmarks/fuzz_readers.py --seconds 60 [--seed 1] [--timeout 5] [--save DIR]

Exit code: 0 when nothing but ReadErrors was seen, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import random
import sys
import time
import traceback
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.settings import Limits  # noqa: E402
from extract.timelimit import time_limit  # noqa: E402
from parsers.readers import read_document  # noqa: E402
from schemas.errors import ReadError  # noqa: E402


def corpus_files() -> list[Path]:
    return sorted(p for p in (ROOT / "corpus").rglob("*") if p.suffix.lower() in (".docx", ".pdf"))


# --------------------------------------------------------------------------- byte mutations


def flip_bits(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 16)):
        at = rnd.randrange(len(out))
        out[at] ^= 1 << rnd.randrange(8)
    return bytes(out)


def overwrite_run(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data))
    run = bytes(rnd.choice([0, 0xFF, rnd.randrange(256)]) for _ in range(rnd.randint(1, 64)))
    return data[:at] + run + data[at + len(run):]


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data))]


def insert_chunk(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data))
    source = rnd.randrange(len(data))
    return data[:at] + data[source: source + rnd.randint(1, 4096)] + data[at:]


def delete_chunk(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data))
    return data[:at] + data[at + rnd.randint(1, 4096):]


def pdf_tokens(data: bytes, rnd: random.Random) -> bytes:
    """Replace a PDF token with a hostile one (huge numbers, self references, bad lengths)."""
    tokens = [b"/Length", b"/Count", b"/Kids", b"/Filter", b"/Contents", b"startxref", b"obj", b"R"]
    token = rnd.choice(tokens)
    at = data.find(token, rnd.randrange(len(data)))
    if at < 0:
        return flip_bits(data, rnd)
    evil = rnd.choice([b"99999999999", b"-1", b"1 0 R", b"/FlateDecode", b"[3 0 R 3 0 R]", b"0", b"<<"])
    return data[: at + len(token)] + b" " + evil + b" " + data[at + len(token):]


BYTE_MUTATIONS = [flip_bits, overwrite_run, truncate, insert_chunk, delete_chunk]


# --------------------------------------------------------------------------- zip mutations


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(parts: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", method) as archive:
        for name, body in parts:
            archive.writestr(name, body)
    return stream.getvalue()


def zip_mutation(data: bytes, rnd: random.Random) -> bytes:
    parts = [(info.filename, body) for info, body in _members(data)]
    kind = rnd.choice(["drop", "swap", "duplicate", "truncate", "flip", "doctype", "garbage", "stored"])
    i = rnd.randrange(len(parts))
    name, body = parts[i]
    if kind == "drop":
        del parts[i]
    elif kind == "swap":
        j = rnd.randrange(len(parts))
        parts[i], parts[j] = (name, parts[j][1]), (parts[j][0], body)
    elif kind == "duplicate":
        parts.append((name, rnd.choice(parts)[1]))
    elif kind == "truncate":
        parts[i] = (name, body[: rnd.randrange(len(body) + 1)])
    elif kind == "flip" and body:
        parts[i] = (name, flip_bits(body, rnd))
    elif kind == "doctype":
        parts[i] = (name, body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/">]>', 1))
    elif kind == "garbage":
        at = rnd.randrange(len(body) + 1)
        parts[i] = (name, body[:at] + rnd.choice([b"<", b"&", b"]]>", b"\x00", b"<w:tbl>", b"</w:p>"]) + body[at:])
    return _zip(parts, zipfile.ZIP_STORED if kind == "stored" else zipfile.ZIP_DEFLATED)


def mutate(data: bytes, suffix: str, rnd: random.Random) -> tuple[str, bytes]:
    choices = list(BYTE_MUTATIONS)
    if suffix == ".docx":
        choices += [zip_mutation] * 4
    else:
        choices += [pdf_tokens] * 2
    mutation = rnd.choice(choices)
    try:
        out = mutation(data, rnd)
    except Exception:  # noqa: BLE001 - a zip mutation on an already broken zip: fall back
        mutation = flip_bits
        out = flip_bits(data, rnd)
    if rnd.random() < 0.3:  # stack a second mutation now and then
        second = rnd.choice(BYTE_MUTATIONS)
        if out:
            out = second(out, rnd)
        return f"{mutation.__name__}+{second.__name__}", out
    return mutation.__name__, out


# --------------------------------------------------------------------------- the loop


def run(seconds: float, seed: int, timeout: float, save: Path) -> int:
    rnd = random.Random(seed)
    seeds = [(p, p.read_bytes()) for p in corpus_files()]
    if not seeds:
        print("no .docx / .pdf files in corpus/", file=sys.stderr)
        return 2
    limits = Limits(timeout_seconds=timeout)
    outcomes: Counter[str] = Counter()
    by_reader: Counter[str] = Counter()
    findings: list[tuple[str, str, str]] = []
    tried = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        source, original = rnd.choice(seeds)
        suffix = source.suffix.lower()
        how, data = mutate(original, suffix, rnd)
        tried += 1
        by_reader[suffix] += 1
        started = time.monotonic()
        problem = None
        try:
            with time_limit(timeout):
                read_document(Path("fuzz" + suffix), data, limits)
            outcomes["read"] += 1
        except ReadError as exc:
            outcomes[exc.code] += 1
        except Exception:  # noqa: BLE001 - exactly what we are looking for
            problem = traceback.format_exc()
            outcomes["CRASH"] += 1
        elapsed = time.monotonic() - started
        if problem is None and elapsed > timeout + 1:
            problem = f"took {elapsed:.1f} s (limit {timeout:g} s)"
            outcomes["SLOW"] += 1
        if problem is not None:
            digest = hashlib.sha256(data).hexdigest()[:16]
            save.mkdir(parents=True, exist_ok=True)
            target = save / f"{digest}{suffix}"
            target.write_bytes(data)
            target.with_suffix(target.suffix + ".txt").write_text(
                f"from {source.name} by {how}\n\n{problem}", encoding="utf-8")
            findings.append((str(target), how, problem.strip().splitlines()[-1]))
    print(f"tried {tried} inputs in {seconds:g} s ({dict(by_reader)}), seed {seed}")
    for code, count in outcomes.most_common():
        print(f"  {code:20} {count}")
    if findings:
        print(f"{len(findings)} inputs raised something other than a ReadError or ran too long:")
        for target, how, last in findings:
            print(f"  {target}  ({how}): {last}")
    else:
        print("no input raised anything but a ReadError; none ran past the time limit")
    return 1 if findings else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to fuzz (default 60)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--timeout", type=float, default=5.0, help="time limit per input (default 5)")
    parser.add_argument("--save", type=Path, default=ROOT / "benchmarks" / "fuzz-findings",
                        help="folder for crashing or slow inputs")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time())
    return run(args.seconds, seed, args.timeout, args.save)


if __name__ == "__main__":
    sys.exit(main())
