#!/usr/bin/env python3
"""Puts a generated section into a Markdown file between <!-- NAME:begin --> and <!-- NAME:end -->.

    scripts/replace-section.py NAME SECTION_FILE DOC

Text after the end marker (notes on the run) is kept; without markers the section is appended with them.
"""
import pathlib
import sys

name, section_file, doc = sys.argv[1:4]
section = pathlib.Path(section_file).read_text().rstrip() + "\n"
path = pathlib.Path(doc)
text = path.read_text() if path.exists() else "# Benchmarks\n"
begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->\n"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    text = head + begin + section + end + rest.split(end, 1)[1]
else:
    text = text.rstrip() + "\n\n" + begin + section + end
path.write_text(text)
