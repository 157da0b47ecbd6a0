#!/usr/bin/env bash
# End-to-end checks of the built `tamis` binary: exit codes, output formats, damaged trees and bad
# configurations. Usage: cli_test.sh <path-to-tamis-binary> <source-dir>
set -u

TAMIS=${1:?usage: cli_test.sh <path-to-tamis-binary> <source-dir>}
# The second argument (the source tree) is accepted for symmetry; every input is generated here.
[[ -x $TAMIS ]] || { echo "not an executable: $TAMIS" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to check JSON output" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/tamis_cli_test.XXXXXX")
cleanup() {
  chmod -R u+rwx "$WORK" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok   $1"; }
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  [[ -n ${2:-} ]] && printf '     %s\n' "$2"
}

# Runs tamis with the given arguments; leaves stdout, stderr and the exit code in OUT, ERR, CODE.
run() {
  "$TAMIS" "$@" >"$WORK/out" 2>"$WORK/err"
  CODE=$?
  OUT=$(cat "$WORK/out")
  ERR=$(cat "$WORK/err")
}

expect_code() {  # name expected
  if [[ $CODE -eq $2 ]]; then pass "$1"; else fail "$1" "exit code $CODE, expected $2; stderr: $ERR"; fi
}
expect_contains() {  # name haystack needle
  if [[ $2 == *"$3"* ]]; then pass "$1"; else fail "$1" "no '$3' in: ${2:0:400}"; fi
}
expect_not_contains() {  # name haystack needle
  if [[ $2 != *"$3"* ]]; then pass "$1"; else fail "$1" "unexpected '$3' in: ${2:0:400}"; fi
}

# A fresh random secret each run, so nothing can be tuned to one value.
random_key() {
  python3 -c 'import secrets, string; a = string.ascii_letters + string.digits + "/+"; print("".join(secrets.choice(a) for _ in range(40)))'
}

# ---------------------------------------------------------------------------- test data
mkdir -p "$WORK/clean" "$WORK/dirty" "$WORK/tree/sub/deeper"
printf 'Meeting notes\nNothing sensitive in here at all.\n' >"$WORK/clean/notes.txt"
printf 'Lunch menu: soup, bread, apples.\n' >"$WORK/clean/menu.txt"

AWS_KEY=$(random_key)
printf '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = %s\n' \
  "$AWS_KEY" >"$WORK/dirty/credentials"
printf 'Employee: Jane Doe\nSSN: 536-22-4871\n' >"$WORK/dirty/employee.txt"

# A tree where some objects cannot be read: the rest must still be scanned.
printf 'SSN: 536-22-4871\n' >"$WORK/tree/a_record.txt"
printf 'aws_secret_access_key = %s\n' "$(random_key)" >"$WORK/tree/sub/deeper/z_secret.cfg"
head -c 8192 /dev/urandom >"$WORK/tree/sub/blob.bin"
ln -s "$WORK/tree/vanished-target" "$WORK/tree/sub/vanished.txt"  # points at nothing
printf 'SSN: 536-22-4871\n' >"$WORK/tree/sub/locked.txt"
chmod 000 "$WORK/tree/sub/locked.txt"
mkfifo "$WORK/tree/sub/pipe"
ln -s "$WORK/clean" "$WORK/tree/sub/link-to-dir"  # not followed inside a tree
TREE_FILES=7  # every entry above except directories: each gets exactly one result

# ---------------------------------------------------------------------------- basics
run --version
expect_code "--version exits 0" 0
expect_contains "--version prints the name" "$OUT" "tamis "

run --help
expect_code "--help exits 0" 0
expect_contains "--help lists scan" "$OUT" "scan"

run scan --help
expect_code "scan --help exits 0" 0
expect_contains "scan --help lists --format" "$OUT" "--format"

run
expect_code "no command is a usage error" 2

run frobnicate
expect_code "unknown command is a usage error" 2
expect_contains "unknown command is named" "$ERR" "frobnicate"

run scan --bogus "$WORK/clean"
expect_code "unknown scan option is a usage error" 2
expect_contains "unknown option is named" "$ERR" "--bogus"

run scan
expect_code "scan without PATH is a usage error" 2

run scan --format xml "$WORK/clean"
expect_code "unknown format is a usage error" 2

run scan --threads 0 "$WORK/clean"
expect_code "zero threads is a usage error" 2

# ---------------------------------------------------------------------------- exit codes
run scan "$WORK/clean"
expect_code "clean files exit 0" 0
expect_contains "clean report says nothing found" "$OUT" "No sensitive data found"
if [[ -z $ERR ]]; then pass "no progress output when stderr is not a terminal"; else
  fail "no progress output when stderr is not a terminal" "stderr: $ERR"; fi

run scan --no-progress "$WORK/dirty"
expect_code "sensitive files exit 1" 1
expect_contains "text report names the AWS secret" "$OUT" "AWS_CREDENTIALS"
expect_contains "text report names the SSN" "$OUT" "USA_SOCIAL_SECURITY_NUMBER"
expect_contains "text report has the path" "$OUT" "$WORK/dirty/employee.txt"
expect_contains "text report has a summary" "$OUT" "Summary"
expect_not_contains "text report masks the secret by default" "$OUT" "$AWS_KEY"
expect_not_contains "no escape codes when stdout is not a terminal" "$OUT" $'\x1b'

run scan --no-progress --reveal "$WORK/dirty"
expect_code "--reveal keeps exit 1" 1
expect_contains "--reveal shows the secret in full" "$OUT" "$AWS_KEY"

run scan --no-progress "$WORK/clean/notes.txt" "$WORK/dirty/employee.txt"
expect_code "a file argument with findings exits 1" 1

# ---------------------------------------------------------------------------- formats
run scan --no-progress --format json "$WORK/dirty" "$WORK/clean"
expect_code "json run exits 1" 1
if printf '%s' "$OUT" | python3 -c '
import json, sys
results = json.load(sys.stdin)
assert isinstance(results, list), "not an array"
assert len(results) == 4, "expected 4 results, got %d" % len(results)
'; then pass "--format json is one array with a result per file"; else fail "--format json parses"; fi
expect_contains "json names the SSN" "$OUT" "USA_SOCIAL_SECURITY_NUMBER"

# Discovery order: the dirty directory's entries sorted by name, then the clean one's.
order=$(printf '%s' "$OUT" | grep -o "$WORK/[a-z]*/[a-z_.]*" | awk '!seen[$0]++' | tr '\n' ' ')
want="$WORK/dirty/credentials $WORK/dirty/employee.txt $WORK/clean/menu.txt $WORK/clean/notes.txt "
if [[ $order == "$want" ]]; then pass "json results come in discovery order"; else
  fail "json results come in discovery order" "got: $order"; fi

run scan --no-progress -fjson -j3 "$WORK/dirty" "$WORK/clean"
order3=$(printf '%s' "$OUT" | grep -o "$WORK/[a-z]*/[a-z_.]*" | awk '!seen[$0]++' | tr '\n' ' ')
if [[ $order3 == "$want" ]]; then pass "json order does not depend on threads"; else
  fail "json order does not depend on threads" "got: $order3"; fi

run scan --no-progress --format json "$WORK/clean" "$WORK/clean"
expect_code "json with nothing found exits 0" 0

run scan --no-progress --format jsonl --threads 2 "$WORK/dirty" "$WORK/clean"
expect_code "jsonl run exits 1" 1
lines=$(printf '%s\n' "$OUT" | grep -c .)
if [[ $lines -eq 4 ]]; then pass "jsonl has one line per file"; else fail "jsonl has one line per file" "$lines lines"; fi
if printf '%s\n' "$OUT" | python3 -c '
import json, sys
for line in sys.stdin:
    json.loads(line)
'; then pass "every jsonl line is JSON"; else fail "every jsonl line is JSON"; fi

# ---------------------------------------------------------------------------- damaged tree
run scan --no-progress --format jsonl "$WORK/tree"
expect_code "damaged tree still reports findings (exit 1)" 1
lines=$(printf '%s\n' "$OUT" | grep -c .)
if [[ $lines -eq $TREE_FILES ]]; then pass "damaged tree: one result per entry"; else
  fail "damaged tree: one result per entry" "$lines lines, expected $TREE_FILES"; fi
if printf '%s\n' "$OUT" | python3 -c '
import json, sys
by_path = {}
for line in sys.stdin:
    json.loads(line)
    text = line
    for path in ("a_record.txt", "z_secret.cfg", "blob.bin", "vanished.txt", "locked.txt", "pipe", "link-to-dir"):
        if path in text:
            by_path[path] = text
missing = {"a_record.txt", "z_secret.cfg", "blob.bin", "vanished.txt", "locked.txt", "pipe", "link-to-dir"} - by_path.keys()
assert not missing, "no result for %s" % sorted(missing)
assert "USA_SOCIAL_SECURITY_NUMBER" in by_path["a_record.txt"], "SSN not found in a_record.txt"
assert "AWS_CREDENTIALS" in by_path["z_secret.cfg"], "key not found beyond the broken entries"
assert "SOURCE_OBJECT_NO_LONGER_AVAILABLE" in by_path["vanished.txt"], "vanished file status"
assert "UNSUPPORTED_FILE_TYPE" in by_path["pipe"], "FIFO status"
assert "UNSUPPORTED_FILE_TYPE" in by_path["link-to-dir"], "directory link status"
'; then pass "damaged tree: findings beside the unreadable entries"; else
  fail "damaged tree: findings beside the unreadable entries"; fi
if [[ $(id -u) -ne 0 ]]; then
  expect_contains "unreadable file is reported" "$(grep locked.txt <<<"$OUT")" "PERMISSION_DENIED"
fi

run scan --no-progress "$WORK/tree"
expect_code "damaged tree text report exits 1" 1
expect_contains "text report lists objects not fully scanned" "$OUT" "Not fully scanned"
expect_contains "text report lists the vanished file" "$OUT" "SOURCE_OBJECT_NO_LONGER_AVAILABLE"

run scan --no-progress "$WORK/does-not-exist"
expect_code "a missing path alone exits 0 (listed, no findings)" 0
expect_contains "the missing path is listed" "$OUT" "SOURCE_OBJECT_NO_LONGER_AVAILABLE"

# ---------------------------------------------------------------------------- configuration
printf '{"customDataIdentifiers": [{"name": "EMPLOYEE_BADGE", "regex": "BADGE-[0-9]{6}"}]}\n' \
  >"$WORK/custom.json"
printf 'Visitor log\nBADGE-123456 entered at 09:00\n' >"$WORK/badge.txt"
run scan --no-progress --config "$WORK/custom.json" "$WORK/badge.txt"
expect_code "custom identifier finding exits 1" 1
expect_contains "custom identifier is reported" "$OUT" "EMPLOYEE_BADGE"

printf '{"managedDataIdentifierSelector": "NONE", "customDataIdentifiers": [{"name": "EMPLOYEE_BADGE", "regex": "BADGE-[0-9]{6}", "severityLevels": [{"occurrencesThreshold": 5, "severity": "HIGH"}]}]}\n' \
  >"$WORK/threshold.json"
run scan --no-progress --config "$WORK/threshold.json" "$WORK/badge.txt"
expect_code "custom identifier below its threshold makes no finding (exit 0)" 0
expect_contains "custom identifier below its threshold is still listed" "$OUT" "EMPLOYEE_BADGE"

printf '{"managedDataIdentifierSelector": "NONE"}\n' >"$WORK/none.json"
run scan --no-progress --config "$WORK/none.json" "$WORK/dirty"
expect_code "no identifiers selected exits 0" 0

printf '{"customDataIdentifiers": [\n' >"$WORK/broken.json"
run scan --no-progress --config "$WORK/broken.json" "$WORK/clean"
expect_code "malformed config exits 2" 2
expect_contains "malformed config error names the file" "$ERR" "broken.json"

printf '{"managedDataIdentifierSelector": "SOMETIMES"}\n' >"$WORK/bad-selector.json"
run scan --no-progress --config "$WORK/bad-selector.json" "$WORK/clean"
expect_code "invalid selector exits 2" 2
expect_contains "invalid selector error names the field" "$ERR" "managedDataIdentifierSelector"

printf '{"customDataIdentifiers": [{"name": "BROKEN", "regex": "([0-9]"}]}\n' >"$WORK/bad-regex.json"
run scan --no-progress --config "$WORK/bad-regex.json" "$WORK/clean"
expect_code "uncompilable regex exits 2" 2
expect_contains "regex error names the identifier" "$ERR" "BROKEN"

run scan --no-progress --config "$WORK/no-such-config.json" "$WORK/clean"
expect_code "missing config file exits 2" 2
expect_contains "missing config error names the file" "$ERR" "no-such-config.json"

# ---------------------------------------------------------------------------- identifiers
run identifiers
expect_code "identifiers exits 0" 0
expect_contains "identifiers lists CREDIT_CARD_NUMBER" "$OUT" "CREDIT_CARD_NUMBER"
expect_contains "identifiers marks the recommended set" "$OUT" "RECOMMENDED"

run identifiers --all --format json
expect_code "identifiers --format json exits 0" 0
if printf '%s' "$OUT" | python3 -c '
import json, sys
rows = json.load(sys.stdin)
ids = {row["id"] for row in rows}
assert "CREDIT_CARD_NUMBER" in ids
assert all({"id", "category", "severity", "recommended"} <= row.keys() for row in rows)
'; then pass "identifiers json is an array of identifiers"; else fail "identifiers json parses"; fi

all_count=$("$TAMIS" identifiers --all --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
default_count=$("$TAMIS" identifiers --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
if [[ $all_count -gt $default_count && $default_count -gt 0 ]]; then
  pass "--all lists more than the default set"
else
  fail "--all lists more than the default set" "all=$all_count default=$default_count"
fi

run identifiers --format jsonl
expect_code "identifiers refuses jsonl" 2

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
