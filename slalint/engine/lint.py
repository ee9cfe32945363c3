"""Lint agreements: files in, findings out.

`collect_files` expands the paths a user gives (files, folders, globs); `lint_document` runs
the analysis aspects the selected rules need and then the rules; `lint_file` adds reading,
caching and error containment (a file that cannot be read becomes `DocumentResult.error`,
never an exception); `lint_paths` lints many files, in a process pool for ``jobs > 1``,
returning results in input order. The CLI, the TUI and the report/annotate commands call these.
"""

from __future__ import annotations

import hashlib
import os
import signal
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from slalint.analysis.facts import FACT_KEYS, TOPIC_IDS, Coverage
from slalint.config import Config, config_for, default_cache_dir
from slalint.document import Document
from slalint.engine import builtin_rules
from slalint.engine.cache import ResultCache, cache_key
from slalint.engine.context import DocIndex
from slalint.engine.findings import DocumentResult, RunResult
from slalint.engine.loader import RuleSet, load_ruleset
from slalint.engine.runner import run_rules
from slalint.engine.selection import select_rules
from slalint.engine.spec import RuleSpec
from slalint.errors import ConfigError, DocumentReadError, SlalintError
from slalint.readers.discover import NOT_AGREEMENTS, SUPPORTED_SUFFIXES, collect_files  # noqa: F401 (re-exported)

ProgressFn = Callable[[int, int, str], None]
"""progress(done, total, path) after each file."""


# -- files: see slalint.readers.discover ---------------------------------------------


# -- one document ----------------------------------------------------------------------
_EXTERNAL: dict[str, frozenset[str]] = {}


def external_terms(config: Config) -> frozenset[str]:
    """Terms defined in the configured external glossaries (an MSA an SOW relies on)."""
    if not config.external_glossaries:
        return frozenset()
    key = config.digest()
    if key in _EXTERNAL:
        return _EXTERNAL[key]
    from slalint.config import TERM_LIST_SUFFIXES, read_term_list
    from slalint.readers import read_document

    terms: set[str] = set()
    for g in config.external_glossaries:
        for f in (collect_files([g]) if g.is_dir() else [g]):
            if f.suffix.lower() in TERM_LIST_SUFFIXES or f.name.endswith(".terms.txt"):
                terms.update(read_term_list(f))
                continue
            try:
                doc = read_document(f)
            except DocumentReadError as exc:
                raise ConfigError(f"external glossary {exc}") from None
            analysis = _analyze(doc, {"terms"}, config, frozenset())
            terms.update(analysis.glossary.keys())
            for d in analysis.glossary.values():
                terms.update(d.alternates)
    _EXTERNAL[key] = frozenset(terms)
    return _EXTERNAL[key]


def _analyze(document: Document, aspects: set[str], config: Config, external: frozenset[str]) -> Any:
    try:
        from slalint.analysis.analyze import analyze
    except ModuleNotFoundError as exc:
        if exc.name == "slalint.analysis.analyze":
            raise SlalintError("the analysis layer (slalint.analysis.analyze) is not installed") from None
        raise
    return analyze(document, aspects=set(aspects), vocabulary=frozenset(config.vocabulary),
                   external_terms=external, party_hints=dict(config.party_hints))


def _triage_module() -> Any:
    try:
        import slalint.triage as triage
    except ModuleNotFoundError as exc:
        if exc.name == "slalint.triage":
            return None
        raise
    return triage


def apply_triage(result: DocumentResult, config: Config | None = None) -> None:
    """Set each finding's status from the review file beside the agreement, if any
    (slalint.triage; skipped while that module does not exist)."""
    triage = _triage_module()
    if triage is None or not hasattr(triage, "apply_review"):
        return
    import inspect

    if config is not None and "config" in inspect.signature(triage.apply_review).parameters:
        triage.apply_review(result, config=config)
    else:
        triage.apply_review(result)


def _triaged(result: DocumentResult, config: Config) -> DocumentResult:
    """Apply triage; a corrupt review file makes the file an error (one line), not a crash."""
    try:
        apply_triage(result, config)
    except SlalintError as exc:
        return _error_result(result.path, str(exc), result.sha256)
    return result


_RULES: dict[tuple[Any, ...], tuple[RuleSet, list[RuleSpec]]] = {}


def rules_for(config: Config, path: str | None = None) -> tuple[RuleSet, list[RuleSpec]]:
    """The loaded rule set and the rules enabled for ``path`` under ``config``."""
    ruleset = load_ruleset(config.rule_folders, config.builtin_rules)
    ignored = tuple(config.ignored_for(path)) if path else ()
    key = (id(config), config.digest(), ruleset.digest, ignored)
    if key not in _RULES:
        _RULES[key] = (ruleset, select_rules(ruleset, config, path))
    return _RULES[key]


def lint_document(document: Document, config: Config | None = None, *, triage: bool = True,
                  rules: list[RuleSpec] | None = None, document_kind: str | None = None,
                  external: Iterable[str] | None = None, ruleset: RuleSet | None = None) -> DocumentResult:
    """Analyse one document (only the aspects its rules need) and run the rules.

    ``rules`` (with ``ruleset`` for its clause library) overrides the config's selection
    (tests); ``document_kind`` overrides the kind
    the analysis found (test cases for kind-specific rules); ``external`` adds terms
    defined elsewhere to those of the configured external glossaries.
    """
    cfg = config or config_for(document.path)
    if rules is not None:
        selected = rules
        ruleset = ruleset or load_ruleset(cfg.rule_folders, cfg.builtin_rules)
    else:
        ruleset, selected = rules_for(cfg, document.path)
    aspects = {"topics"}
    for r in selected:
        aspects |= set(r.requires)
    analysis = _analyze(document, aspects, cfg, external_terms(cfg) | frozenset(external or ()))
    if document_kind:
        analysis.kind = document_kind
    engine_codes = [r.code for r in selected if r.kind == "engine"]
    findings = run_rules(document, analysis, selected, ruleset, index=DocIndex(document), report_engine=engine_codes)
    coverage = {t: analysis.coverage.get(t) or Coverage("unknown") for t in TOPIC_IDS}
    facts = {k: analysis.facts.get(k) for k in FACT_KEYS}
    facts.update({k: v for k, v in analysis.facts.items() if k not in facts})
    result = DocumentResult(
        path=document.path, sha256=document.metadata.sha256, format=document.format, kind=analysis.kind,
        facts=facts, coverage=coverage, findings=findings, document=document, analysis=analysis,
    )
    if triage:
        apply_triage(result, cfg)
    return result


def _error_result(path: str, message: str, sha: str = "") -> DocumentResult:
    suffix = Path(path).suffix.lower()
    fmt = {".docx": "docx", ".md": "markdown", ".markdown": "markdown", ".txt": "text"}.get(suffix, "")
    return DocumentResult(path=path, sha256=sha, format=fmt, error=message)


Overrides = tuple[tuple[str, tuple[str, ...]], ...]
_MERGED: dict[tuple[int, Overrides], Config] = {}


def effective_config(path: str, config: Config | None, overrides: Overrides = ()) -> Config:
    """``config``, or the one discovered for ``path``, with command-line selection applied
    (``overrides``: (("select", (...)), ("ignore", (...)), ("extend_select", (...))))."""
    base = config or config_for(path)
    if not overrides:
        return base
    key = (id(base), overrides)
    if key not in _MERGED:
        from slalint.config import merged

        o = dict(overrides)
        _MERGED[key] = merged(base, o.get("select"), o.get("ignore"), o.get("extend_select"))
    return _MERGED[key]


def lint_file(path: str | os.PathLike[str], config: Config | None = None, *, keep_documents: bool = True,
              use_cache: bool = False, overrides: Overrides = ()) -> DocumentResult:
    """Read and lint one file. Read errors become ``DocumentResult.error`` (one line
    "<path>: <cause>"); configuration and rule errors (SlalintError) propagate.
    ``overrides`` applies command-line selection on top of each file's config."""
    name = os.fspath(path)
    cfg = effective_config(name, config, overrides)
    cache = None
    key = ""
    sha = ""
    if use_cache and cfg.cache:
        try:
            data = Path(name).read_bytes()
        except OSError:
            data = None
        if data is not None:
            sha = hashlib.sha256(data).hexdigest()
            ruleset, _ = rules_for(cfg, name)
            cache = ResultCache(default_cache_dir(cfg))
            key = cache_key(sha, name, cfg.digest(), ruleset.digest)
            hit = cache.get(key)
            if isinstance(hit, DocumentResult):
                hit = replace(hit, findings=[replace(f) for f in hit.findings])
                return _triaged(hit, cfg)
    from slalint.readers import read_document

    try:
        document = read_document(name)
    except DocumentReadError as exc:
        return _error_result(name, f"{exc.path}: {exc.reason}", sha)
    except (KeyboardInterrupt, SlalintError):
        raise
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return _error_result(name, f"{name}: cannot read ({type(exc).__name__}: {exc})", sha)
    try:
        result = lint_document(document, cfg, triage=False)
    except (KeyboardInterrupt, SlalintError):
        raise
    except Exception as exc:  # noqa: BLE001 - an analysis bug must not stop the batch
        return _error_result(name, f"{name}: analysis failed ({type(exc).__name__}: {exc})", sha)
    result.path = name
    if cache is not None:
        cache.put(key, replace(result, document=None, analysis=None))
    if not keep_documents:
        result.document = None
        result.analysis = None
    return _triaged(result, cfg)


def _worker_init() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _worker(args: tuple[str, Config | None, bool, bool, Overrides]) -> DocumentResult:
    path, config, keep, use_cache, overrides = args
    return lint_file(path, config, keep_documents=keep, use_cache=use_cache, overrides=overrides)


def lint_paths(paths: Sequence[str | os.PathLike[str]], config: Config | None = None, jobs: int = 1,
               progress: ProgressFn | None = None, *, keep_documents: bool = True, use_cache: bool = False,
               overrides: Overrides = ()) -> RunResult:
    """Lint every file under ``paths``; ``jobs > 1`` uses a process pool. Results keep the
    input order; unreadable files go to ``RunResult.errors`` as {"path", "error"}."""
    files = [str(f) for f in collect_files(paths)]
    results: list[DocumentResult | None] = [None] * len(files)
    total = len(files)
    if jobs > 1 and total > 1:
        # Load rules (and configs) before forking so workers inherit them.
        for f in files:
            rules_for(effective_config(f, config, overrides), f)
        import multiprocessing

        ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        pool = ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=ctx, initializer=_worker_init)
        try:
            futures = {pool.submit(_worker, (f, config, keep_documents, use_cache, overrides)): i for i, f in enumerate(files)}
            done = 0
            for fut in as_completed(futures):
                i = futures[fut]
                results[i] = fut.result()
                done += 1
                if progress:
                    progress(done, total, files[i])
        except BaseException:
            # Ctrl-C (or a failure): stop at once rather than finish the documents in flight.
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    else:
        for i, f in enumerate(files):
            results[i] = lint_file(f, config, keep_documents=keep_documents, use_cache=use_cache, overrides=overrides)
            if progress:
                progress(i + 1, total, f)
    run = RunResult()
    for r in results:
        assert r is not None
        if r.error:
            run.errors.append({"path": r.path, "error": r.error})
        else:
            run.documents.append(r)
    return run
