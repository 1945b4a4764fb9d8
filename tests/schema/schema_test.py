#!/usr/bin/python3
"""The JSON Schemas of `leeway schema` against real files, with Debian's
python3-jsonschema (draft 2020-12) on the TOML read by tomllib:

  - every TOML file of the bundled repository, of the fixture repositories
    and of `leeway init` is accepted;
  - every fixture case whose files `leeway check` finds structurally sound
    (no LW0xx-LW2xx) is accepted: the schema is never stricter than leeway;
  - structural mistakes the schema can express are rejected, each for the
    reason expected.

Usage: schema_test.py LEEWAY SOURCE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile
import tomllib

import jsonschema

leeway, root = sys.argv[1], sys.argv[2]
failures = []


def schema(which):
    out = subprocess.run([leeway, "schema", which], check=True, capture_output=True, text=True).stdout
    s = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


manifest, policy = schema("manifest"), schema("policy")


def validator_for(name):
    return manifest if os.path.basename(name) == "leeway.toml" else policy


def errors(name, text):
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None  # not TOML: no schema can say anything
    return [e.message for e in validator_for(name).iter_errors(doc)]


def tomls(folder):
    for dirpath, _, files in os.walk(folder):
        for f in sorted(files):
            if f.endswith(".toml") and f != ".taplo.toml":
                yield os.path.join(dirpath, f)


# 1. Repositories that check clean of structural mistakes.
accepted = 0
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([leeway, "init", os.path.join(tmp, "init")], check=True, capture_output=True)
    for repo in [os.path.join(root, "policies"), os.path.join(tmp, "init")] + [
            os.path.join(root, "tests", "fixtures", f) for f in ("base", "docs", "conflicted", "hostile")]:
        for path in tomls(repo):
            with open(path, encoding="utf-8") as f:
                errs = errors(path, f.read())
            if errs:
                failures.append(f"{path}: rejected: {errs[:3]}")
            accepted += 1

# 2. Fixture cases: structurally sound for leeway means accepted by the schema.
cases_dir = os.path.join(root, "tests", "fixtures", "cases")
base_manifest = open(os.path.join(root, "tests", "fixtures", "base", "leeway.toml"), encoding="utf-8").read()
sound = 0
for case in sorted(os.listdir(cases_dir)):
    if not case.endswith(".case"):
        continue
    files, current = {}, None
    for line in open(os.path.join(cases_dir, case), encoding="utf-8").read().split("\n"):
        if line.startswith("--- "):
            current = line[4:]
            if current != "expect":
                files[current] = ""
            continue
        if current and current != "expect":
            files[current] += line + "\n"
    files.setdefault("leeway.toml", base_manifest)
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, name)), exist_ok=True)
            with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
                f.write(text)
        r = subprocess.run([leeway, "check", tmp, "--format", "json"], capture_output=True, text=True)
        try:
            diags = json.loads(r.stdout)["diagnostics"]
        except (json.JSONDecodeError, KeyError):
            continue  # a repository leeway cannot read at all
        # LW0xx-LW2xx: the file's form and values (what a schema can know);
        # LW3xx and on need the rest of the repository.
        structural = {d["file"] for d in diags if d["code"][:3] in ("LW0", "LW1", "LW2")}
        for name, text in files.items():
            if not name.endswith(".toml") or name in structural:
                continue
            errs = errors(name, text)
            if errs:
                failures.append(f"{case}: {name} is sound for leeway check but the schema rejects it: {errs[:3]}")
            sound += 1

# 3. Mistakes the schema expresses, each rejected.
POLICY = '[policy]\nid = "p"\nover = ["days"]\noutcomes = ["yes", "no"]\n'
RULE = '[[rule]]\nid = "r"\nthen = "yes"\n'
EXC = '[[exception]]\nid = "e"\nbends = "r"\nthen = "no"\ngranted_by = "associate"\n'
MANIFEST = '[repository]\nname = "T"\n[dimensions.days]\ntype = "integer"\nmin = 0\nmax = 10\n'
mistakes = [
    ("p.toml", POLICY + RULE.replace('then = "yes"', 'then = "yes"\nthan = "no"'), "unknown key in a rule"),
    ("p.toml", POLICY + RULE.replace('"yes"', "1"), "`then` not text"),
    ("p.toml", POLICY + RULE.replace('id = "r"\n', ""), "rule without id"),
    ("p.toml", POLICY + RULE.replace('id = "r"', 'id = "r s"'), "id with a space"),
    ("p.toml", POLICY.replace('over = ["days"]\n', "") + RULE, "policy without over"),
    ("p.toml", POLICY.replace('["yes", "no"]', "[]") + RULE, "no outcomes"),
    ("p.toml", POLICY + RULE + EXC.replace('granted_by = "associate"\n', ""), "exception without granted_by"),
    ("p.toml", POLICY + RULE + EXC + 'max_cost = "ten"\n', "max_cost not a number"),
    ("p.toml", POLICY + RULE + EXC + "[exception.why]\ncared = \"x\"\n", "unknown key in why"),
    ("p.toml", POLICY + RULE + '[[line]]\nid = "l"\nthen = "no"\nforbids = ["yes"]\n', "line with then and forbids"),
    ("p.toml", POLICY + RULE + '[[line]]\nid = "l"\n', "line with neither then nor forbids"),
    ("p.toml", POLICY + RULE + '[[waive]]\ncode = "LW509"\nitem = "r"\n', "waiver without reason"),
    ("p.toml", POLICY + RULE + '[[exeption]]\nid = "e"\n', "misspelt item header"),
    ("p.toml", POLICY + RULE.replace('then = "yes"', 'then = "yes"\nwhen = { days = {} }'), "a condition that is a table"),
    ("leeway.toml", MANIFEST.replace('type = "integer"', 'type = "float"'), "unknown dimension type"),
    ("leeway.toml", MANIFEST.replace("min = 0\n", ""), "integer without min"),
    ("leeway.toml", MANIFEST + '[dimensions.tier]\ntype = "enum"\n', "enum without values"),
    ("leeway.toml", MANIFEST + '[dimensions.tier]\ntype = "enum"\nvalues = ["a", "a"]\n', "repeated enum value"),
    ("leeway.toml", MANIFEST + '[roles.clerk]\nmax_cost = -5\n', "negative ceiling"),
    ("leeway.toml", MANIFEST + '[roles.clerk]\nreport_to = "boss"\n', "unknown key in a role"),
    ("leeway.toml", MANIFEST.replace('name = "T"\n', ""), "repository without name"),
]
for name, text, what in mistakes:
    errs = errors(name, text)
    if not errs:
        failures.append(f"not rejected: {what}")

print(f"schema: {accepted} repository files accepted, {sound} sound case files accepted, {len(mistakes)} mistakes checked")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
