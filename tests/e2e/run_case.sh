#!/usr/bin/env bash
# Runs one end-to-end case against the real binary and checks what a user would see.
#
#   run_case.sh [--update] TILMASH CASE_DIR
#
# CASE_DIR (tests/e2e/cases/<case>/) holds:
#   cmd              the arguments, one line, shell-quoted (no expansions are performed)
#   stdin            optional, fed to standard input (else /dev/null)
#   inputs           optional, paths under tests/ to copy in (e.g. malformed/nul.txt)
#   expected_exit    optional, default 0
#   expected_stdout  exact standard output; when absent, stdout_regex or else empty output
#   stdout_regex     optional extended regex that standard output must match
#   stderr_regex     extended regex that standard error must match; when absent, standard
#                    error must be empty. Exit 3, 4 and 70 must say why in exactly one line.
#   expected_files/  files the run must create in its folder (with -o), compared exactly
#   anything else    input files, copied into the scratch folder the command runs in
# Whatever the case, the scratch folder must afterwards hold exactly the inputs plus
# expected_files/: a failed run leaves no output and no temporary file behind.
#
# --update rewrites expected_stdout (when the case has one) and expected_files/ from this run
# instead of comparing them; scripts/update_golden.sh calls it for every case.
set -uo pipefail

update=0
if [[ ${1:-} == --update ]]; then
  update=1
  shift
fi
if [[ $# -ne 2 ]]; then
  echo "usage: run_case.sh [--update] TILMASH CASE_DIR" >&2
  exit 2
fi
tilmash=$(realpath "$1")
case_dir=$(realpath "$2")
tests_dir=$(realpath "$case_dir/../../..")
name=$(basename "$case_dir")
[[ -x $tilmash ]] || { echo "run_case: $tilmash is not an executable" >&2; exit 2; }
[[ -f $case_dir/cmd ]] || { echo "run_case: $case_dir/cmd is missing" >&2; exit 2; }

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tilmash-e2e-$name.XXXXXX")
trap 'chmod -R u+w "$scratch" 2>/dev/null; rm -rf "$scratch"' EXIT
work=$scratch/work
mkdir "$work"
# The glossary cache goes to the scratch folder, never the user's ~/.cache.
export XDG_CACHE_HOME=$scratch/cache

control=" cmd stdin inputs expected_exit expected_stdout stdout_regex stderr_regex expected_files "
shopt -s nullglob dotglob
for f in "$case_dir"/*; do
  [[ $control == *" $(basename "$f") "* ]] || cp -R "$f" "$work/"
done
if [[ -f $case_dir/inputs ]]; then
  while read -r rel; do
    [[ -n $rel ]] && cp "$tests_dir/$rel" "$work/"
  done < "$case_dir/inputs"
fi

listing() { (cd "$work" && find . -mindepth 1 | LC_ALL=C sort); }
before=$(listing)

# The argument line is data: split it like the shell would, but expand nothing.
args_line=$(<"$case_dir/cmd")
if ! readarray -t args < <(xargs -r -n1 printf '%s\n' <<<"$args_line"); then
  echo "run_case: cannot parse $case_dir/cmd" >&2
  exit 2
fi
stdin_file=/dev/null
[[ -f $case_dir/stdin ]] && stdin_file=$case_dir/stdin

(cd "$work" && exec "$tilmash" "${args[@]}") <"$stdin_file" >"$scratch/stdout" 2>"$scratch/stderr"
rc=$?

failures=0
fail() {
  echo "FAIL [$name]: $*" >&2
  failures=$((failures + 1))
}

expected_exit=0
[[ -f $case_dir/expected_exit ]] && expected_exit=$(tr -d '[:space:]' <"$case_dir/expected_exit")
[[ $rc == "$expected_exit" ]] || fail "exit status $rc, expected $expected_exit"

# Standard output.
if [[ -f $case_dir/expected_stdout ]]; then
  if ((update)); then
    cp "$scratch/stdout" "$case_dir/expected_stdout"
  elif ! cmp -s "$scratch/stdout" "$case_dir/expected_stdout"; then
    fail "standard output differs from expected_stdout:"
    diff -u "$case_dir/expected_stdout" "$scratch/stdout" | head -n 40 >&2
  fi
elif [[ -f $case_dir/stdout_regex ]]; then
  grep -Eq -- "$(<"$case_dir/stdout_regex")" "$scratch/stdout" \
    || fail "standard output does not match /$(<"$case_dir/stdout_regex")/"
elif [[ -s $scratch/stdout ]]; then
  fail "unexpected standard output: $(head -c 300 "$scratch/stdout")"
fi

# Standard error.
if [[ -f $case_dir/stderr_regex ]]; then
  grep -Eq -- "$(<"$case_dir/stderr_regex")" "$scratch/stderr" \
    || fail "standard error does not match /$(<"$case_dir/stderr_regex")/"
elif [[ -s $scratch/stderr ]]; then
  fail "unexpected standard error: $(head -c 300 "$scratch/stderr")"
fi
# Bad input, I/O and internal errors are one line each (usage errors may show the help).
if [[ $rc =~ ^(3|4|70)$ && $(wc -l <"$scratch/stderr") -ne 1 ]]; then
  fail "an error must be reported in exactly one line, got $(wc -l <"$scratch/stderr")"
fi

# Files: the inputs plus expected_files/, nothing more (no partial output, no temporary).
expected_listing=$before
if [[ -d $case_dir/expected_files ]]; then
  for f in "$case_dir"/expected_files/*; do
    base=$(basename "$f")
    expected_listing+=$'\n'"./$base"
    if ((update)); then
      [[ -f $work/$base ]] && cp "$work/$base" "$f"
    elif [[ ! -f $work/$base ]]; then
      fail "output file $base was not written"
    elif ! cmp -s "$f" "$work/$base"; then
      fail "output file $base differs from expected_files/$base:"
      diff -u "$f" "$work/$base" | head -n 40 >&2
    fi
  done
fi
expected_listing=$(LC_ALL=C sort <<<"$expected_listing" | sed '/^$/d')
after=$(listing)
if [[ $after != "$expected_listing" ]]; then
  fail "files left in the working folder differ (- expected, + actual):"
  diff -u <(echo "$expected_listing") <(echo "$after") | tail -n +3 >&2
fi

if ((failures > 0)); then
  echo "--- command: tilmash $args_line (in $work)" >&2
  echo "--- stderr:" >&2
  head -n 20 "$scratch/stderr" >&2
  exit 1
fi
((update)) && echo "updated $name" >&2
exit 0
