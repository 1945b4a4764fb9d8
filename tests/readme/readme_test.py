#!/usr/bin/env python3
"""Every example of README.md gives the output written there, as rustdoc tests
a crate's examples. An example is a ```console block: lines starting with "$ "
are commands, the lines after one are what it prints (standard output and
error together). In the expected text, a line "..." stands for any lines, and
"..." inside a line for any text. The blocks run in order, in one scratch
folder holding a copy of policies/ and docs/, with the leeway under test first
on the PATH; each block is one shell, so `$?` is the previous command's status.

usage: readme_test.py BIN_DIR SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = "__leeway_readme_example_done__"


def examples(markdown):
    """[(line number, [(command, expected lines)])] for each console block."""
    blocks, lines, i = [], markdown.split("\n"), 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            start, i, block = i + 1, i + 1, []
            while i < len(lines) and lines[i].strip() != "```":
                if lines[i].startswith("$ "):
                    block.append((lines[i][2:], []))
                elif block:
                    block[-1][1].append(lines[i])
                else:
                    sys.exit(f"README.md:{i + 1}: a console block must start with a $ command")
                i += 1
            blocks.append((start, block))
        i += 1
    return blocks


def pattern(expected):
    parts = []
    for line in expected:
        if line == "...":
            parts.append(r"(?:[^\n]*\n)*?")
        else:
            parts.append(".*?".join(re.escape(p) for p in line.split("...")) + r"\n")
    return re.compile("".join(parts), re.S)


def main():
    bin_dir, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(source, "README.md"), encoding="utf-8") as f:
        blocks = examples(f.read())
    count = sum(len(b) for _, b in blocks)
    if count < 8:
        sys.exit(f"README.md has {count} console examples; expected the quick tour's (at least 8)")
    scratch = tempfile.mkdtemp(prefix="leeway-readme-")
    try:
        shutil.copytree(os.path.join(source, "policies"), os.path.join(scratch, "policies"))
        shutil.copytree(os.path.join(source, "docs"), os.path.join(scratch, "docs"))
        env = {"PATH": bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"), "HOME": scratch, "NO_COLOR": "1",
               "LANG": "C.UTF-8", "GIT_CONFIG_NOSYSTEM": "1"}
        failures = 0
        for start, block in blocks:
            script = "".join(f"{cmd}\n__s=$?; echo {MARK}; (exit $__s)\n" for cmd, _ in block)
            run = subprocess.run(["bash", "-c", script], cwd=scratch, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, timeout=600)
            outputs = run.stdout.decode("utf-8", "replace").split(MARK + "\n")
            for n, (cmd, expected) in enumerate(block):
                got = outputs[n] if n < len(outputs) else "<no output: the block stopped>"
                want = [l for l in expected]
                while want and want[-1] == "":
                    want.pop()
                if not pattern(want).fullmatch(got):
                    failures += 1
                    print(f"README.md:{start}: `$ {cmd}` printed:\n{got}--- but README.md says:\n" + "\n".join(want) + "\n")
        print(f"{count} README examples, {failures} differ")
        sys.exit(1 if failures else 0)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
