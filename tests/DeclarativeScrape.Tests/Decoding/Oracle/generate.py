#!/usr/bin/env python3
"""Records what Chromium shows for the decoding corpus, and the index tables the runtime decodes with.

    python3 tests/DeclarativeScrape.Tests/Decoding/Oracle/generate.py            # both
    python3 tests/DeclarativeScrape.Tests/Decoding/Oracle/generate.py corpus     # chromium-decoding.json only
    python3 tests/DeclarativeScrape.Tests/Decoding/Oracle/generate.py indexes    # the tables only

Needs Python 3.9+ and Debian's chromium (apt-get install chromium); nothing else, and no network but loopback.
See README.md beside this file.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
sys.path.insert(0, HERE)

from chromium import Browser, Site  # noqa: E402
import corpus  # noqa: E402
import indexes  # noqa: E402


def main(argv):
    what = argv[1:] or ["indexes", "corpus"]
    site = Site()
    browser = Browser()
    try:
        print(browser.version)
        if "indexes" in what:
            indexes.generate(site, browser, os.path.join(ROOT, "src", "DeclarativeScrape", "Decoding", "Indexes"), print)
        if "corpus" in what:
            corpus.generate(site, browser, os.path.join(HERE, "chromium-decoding.json"), print)
    finally:
        browser.close()
        site.close()


if __name__ == "__main__":
    main(sys.argv)
