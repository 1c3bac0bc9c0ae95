#!/usr/bin/python3
"""docs_report_schema: real `sealcheck-cli verify --json` output against docs/report.schema.json.

    validate_reports.py SOURCE_DIR SEALCHECK_CLI

Checks, each a PASS or FAIL line:
  1. the schema is a valid JSON Schema (draft 2020-12);
  2. every report of the demo mailbox (with the demo's trust settings, keys and roots) and of every
     message under tests/data (answered from the demo DNS zone, so nothing leaves the machine)
     validates: a key the program prints but the schema does not list fails here;
  3. every verdict, and report_version 2, is seen at least once;
  4. the finding codes in verifier/core/Report.cpp (findingCodeName), in the schema and in
     docs/cli.md are the same set;
  5. docs/cli.md names every key of the schema.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("FAIL: python3-jsonschema is not installed (scripts/setup.sh installs it)")
    sys.exit(1)

src, cli = sys.argv[1], sys.argv[2]
failures = 0


def check(ok, what):
    global failures
    print(("PASS: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1


with open(os.path.join(src, "docs/report.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
try:
    jsonschema.Draft202012Validator.check_schema(schema)
    check(True, "docs/report.schema.json is a valid draft 2020-12 schema")
except jsonschema.SchemaError as e:
    check(False, "docs/report.schema.json is not a valid schema: %s" % e.message)
    sys.exit(1)
validator = jsonschema.Draft202012Validator(schema)

demo = os.path.join(src, "resources/demo")
with open(os.path.join(demo, "NOW"), encoding="ascii") as f:
    now = f.read().strip()
zone = ["--dns-zone", os.path.join(demo, "demo.zone"), "--now", now]


def verify(args, what):
    """Runs sealcheck-cli verify --json ARGS; returns the parsed reports (one a line)."""
    run = subprocess.run([cli, "verify", "--json"] + args, capture_output=True, timeout=240)
    lines = [l for l in run.stdout.decode("utf-8").splitlines() if l.strip()]
    check(run.returncode in (0, 2) and lines, "%s: %d reports, exit status %d" % (what, len(lines), run.returncode))
    reports = []
    for line in lines:
        try:
            reports.append(json.loads(line))
        except json.JSONDecodeError as e:
            check(False, "%s: a line is not JSON (%s): %s" % (what, e, line[:200]))
    return reports


gnupg = tempfile.mkdtemp(prefix="sealcheck-schema-gpg-")
try:
    subprocess.run(["gpg", "--homedir", gnupg, "--batch", "--import", os.path.join(demo, "pgp/friend.asc")],
                   capture_output=True)
    colons = subprocess.run(["gpg", "--homedir", gnupg, "--with-colons", "--list-keys"],
                            capture_output=True, text=True).stdout
    fpr = next((l.split(":")[9] for l in colons.splitlines() if l.startswith("fpr:")), "")
    if fpr:
        subprocess.run(["gpg", "--homedir", gnupg, "--batch", "--import-ownertrust"],
                       input=fpr + ":6:\n", text=True, capture_output=True)
    reports = verify(zone + ["--trust-authserv-id", "mx.sealcheck-demo.example",
                             "--trusted-relay", "mx.sealcheck-demo.example", "--known-domain", "mybank.example",
                             "--ca-file", os.path.join(demo, "smime/ca.pem"), "--gnupg-home", gnupg]
                     + sorted(glob.glob(os.path.join(demo, "messages/*.eml"))), "demo mailbox")
finally:
    subprocess.run(["gpgconf", "--homedir", gnupg, "--kill", "all"], capture_output=True)
    shutil.rmtree(gnupg, ignore_errors=True)

data = sorted(glob.glob(os.path.join(src, "tests/data/**/*.eml"), recursive=True))
reports += verify(zone + ["--trust-authserv-id", "mx.sealcheck-demo.example"] + data, "tests/data (%d files)" % len(data))

invalid = 0
for r in reports:
    for error in validator.iter_errors(r):
        invalid += 1
        if invalid <= 20:
            where = "/".join(str(p) for p in error.absolute_path) or "(top)"
            print("  %s: at %s: %s" % (r.get("source", "?"), where, error.message[:300]))
check(invalid == 0, "%d reports validate against docs/report.schema.json (%d errors)" % (len(reports), invalid))

verdicts = {r.get("verdict") for r in reports}
for v in schema["properties"]["verdict"]["enum"]:
    if v == "not-checked" and v not in verdicts:
        # Given only where a temporary DNS failure could change the verdict: none of these
        # messages, whose DNS answers all come from a zone file.
        print("NOTE: no not-checked report among these messages")
        continue
    check(v in verdicts, "verdict %s seen" % v)
check(all(r.get("report_version") == 2 for r in reports), "every report says report_version 2")

# The finding codes: the program's, the schema's and the documentation's lists agree.
with open(os.path.join(src, "verifier/core/Report.cpp"), encoding="utf-8") as f:
    code = f.read()
body = code[code.index("findingCodeName(FindingCode code)"):]
body = body[:body.index("\n}\n")]
program = set(re.findall(r'return "([a-z0-9-]+)";', body))
in_schema = set(schema["$defs"]["finding_code"]["enum"])
with open(os.path.join(src, "docs/cli.md"), encoding="utf-8") as f:
    doc = f.read()
section = doc[doc.index("## Finding codes"):]
section = section[:section.find("\n## ", 4)] if "\n## " in section[4:] else section
documented = set(re.findall(r"^\| `([a-z0-9-]+)` \|", section, re.M))
check(program == in_schema, "finding codes: Report.cpp and the schema agree"
      + ("" if program == in_schema else " (only in Report.cpp: %s; only in the schema: %s)"
         % (sorted(program - in_schema), sorted(in_schema - program))))
check(program == documented, "finding codes: Report.cpp and docs/cli.md agree"
      + ("" if program == documented else " (only in Report.cpp: %s; only in docs/cli.md: %s)"
         % (sorted(program - documented), sorted(documented - program))))


def keys(node, out):
    """The property names of a schema node and of every schema below it."""
    if not isinstance(node, dict):
        return out
    for k, v in node.get("properties", {}).items():
        out.add(k)
        keys(v, out)
    for v in node.get("$defs", {}).values():
        keys(v, out)
    if isinstance(node.get("items"), dict):
        keys(node["items"], out)
    return out


missing = sorted(k for k in keys(schema, set()) if "`%s`" % k not in doc)
check(not missing, "docs/cli.md names every key of the schema" + (": missing %s" % missing if missing else ""))

print("docs_report_schema: %d failure(s)" % failures)
sys.exit(1 if failures else 0)
