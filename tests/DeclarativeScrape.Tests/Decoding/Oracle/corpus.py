"""The decoding corpus: pages whose encoding a browser must work out, served to Chromium with their header.

Each case is (id, Content-Type header or None, body bytes). generate() records, for each, what Chromium's DOM holds:
document.characterSet and document.body.textContent. The C# test (PageDecodingOracleTests) decodes the same bytes
with the same header and compares. Bodies are deterministic (seeded), so a re-recording changes the data only when
Chromium changes.
"""
import base64
import json
import random

import indexes

# Every encoding by its name in the Encoding Standard, and every label (§ 4.2), as the standard lists them.
ENCODINGS = {
    "UTF-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "IBM866": "866 cp866 csibm866 ibm866",
    "ISO-8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "ISO-8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "ISO-8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "ISO-8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "ISO-8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "ISO-8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "ISO-8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual",
    "ISO-8859-8-I": "csiso88598i iso-8859-8-i logical",
    "ISO-8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "ISO-8859-13": "iso-8859-13 iso8859-13 iso885913",
    "ISO-8859-14": "iso-8859-14 iso8859-14 iso885914",
    "ISO-8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "ISO-8859-16": "iso-8859-16",
    "KOI8-R": "cskoi8r koi koi8 koi8-r koi8_r",
    "KOI8-U": "koi8-ru koi8-u",
    "macintosh": "csmacintosh mac macintosh x-mac-roman",
    "windows-874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "windows-1250": "cp1250 windows-1250 x-cp1250",
    "windows-1251": "cp1251 windows-1251 x-cp1251",
    "windows-1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "windows-1253": "cp1253 windows-1253 x-cp1253",
    "windows-1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "windows-1255": "cp1255 windows-1255 x-cp1255",
    "windows-1256": "cp1256 windows-1256 x-cp1256",
    "windows-1257": "cp1257 windows-1257 x-cp1257",
    "windows-1258": "cp1258 windows-1258 x-cp1258",
    "x-mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "GBK": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    "gb18030": "gb18030",
    "Big5": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "EUC-JP": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "ISO-2022-JP": "csiso2022jp iso-2022-jp",
    "Shift_JIS": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "EUC-KR": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    "replacement": "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement",
    "UTF-16BE": "unicodefffe utf-16be",
    "UTF-16LE": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
}

# Bytes that read differently in nearly every encoding: a label's page shows which one was used.
PROBE = b"\xa4\xa2 \xc1\x40 \x93q\x94 \x85 \xe6\x97\xa5\xe6\x9c\xac \x81\x30\x81\x30 \x8e\xb1 \x1b$B0!\x1b(B"

ASCII_SAFE = [b for b in range(0x20, 0x7F) if b not in b"<&"] + [0x0A, 0x09]


def html(body, head=b""):
    page = b"<!doctype html><html><head>" + head + b"</head><body>" + body + b"</body></html>"
    # An even length, so a page read as UTF-16 has no odd last byte (that case has cases of its own).
    return page if len(page) % 2 == 0 else page + b"\n"


def soup(seed, length, extra=()):
    """Seeded random bytes: ASCII (no markup) and high bytes, to walk every decoder's error paths."""
    rng = random.Random(seed)
    alphabet = ASCII_SAFE + list(range(0x80, 0x100)) * 2 + list(extra)
    return bytes(rng.choice(alphabet) for _ in range(length))


def euc_jp_soup(seed, length):
    """soup(), without the sequences where Chromium departs from the standard (0x8F and a lead byte followed by a
    byte that does not complete them: see the case invalid/euc-jp-0212-then-ascii)."""
    out = bytearray(soup(seed, length, extra=b"\x30\x31\x39"))
    for i in range(2, len(out)):
        if out[i - 2] == 0x8F and 0xA1 <= out[i - 1] <= 0xFE and not 0xA1 <= out[i] <= 0xFE:
            out[i] = 0xA1
    return bytes(out)


def iso2022jp_soup(seed, length):
    """Escape sequences and bytes at random; the only failed escape is ESC z (Chromium departs from the standard when
    the two bytes after a failed ESC $ or ESC ( in JIS X 0208 mode are read again and are no character: see the case
    invalid/iso-2022-jp-failed-escape-in-jis; the other failed escapes are in invalid/iso-2022-jp-failed-escapes)."""
    rng = random.Random(seed)
    escapes = [b"\x1b(B", b"\x1b(J", b"\x1b(I", b"\x1b$@", b"\x1b$B", b"\x1bz", b"\x0e", b"\x0f"]
    out = bytearray()
    while len(out) < length:
        if rng.random() < 0.1:
            out += rng.choice(escapes)
        else:
            out.append(rng.choice(ASCII_SAFE + [0x80, 0xA4, 0xFF]))
    return bytes(out)


def cases():
    out = []

    def case(id, content_type, body):
        out.append((id, content_type, body))

    # 1. Every encoding, by its name in the header: all 128 high bytes (single-byte) or seeded byte soup.
    for name in ENCODINGS:
        label = name.lower()
        case(f"encoding/{name}/high-bytes", f"text/html; charset={label}", html(bytes(range(0x80, 0x100)).replace(b"<", b"").replace(b"&", b"")))
        case(f"encoding/{name}/soup", f"text/html; charset={label}",
             html(iso2022jp_soup(name, 1500) if name == "ISO-2022-JP" else euc_jp_soup(name, 1500) if name == "EUC-JP"
                  else soup(name, 1500, extra=b"\x30\x31\x39")))

    # 2. Every label, in the header and in a <meta charset>.
    for name, labels in ENCODINGS.items():
        for label in labels.split():
            case(f"label/header/{label}", f"text/html; charset={label}", html(PROBE))
            case(f"label/meta/{label}", "text/html", html(PROBE, head=f'<meta charset="{label}">'.encode()))

    # 3. Labels that are not the standard's, or spelled with case and whitespace.
    for label in ["utf-7", "unicode-1-1-utf-7", "utf-32", "utf-32le", "x-unknown", "bogus", "UTF-8", " utf-8 ", "Shift_JIS",
                  "KOI8-R", "latin-1", "iso-8859-11", "windows-1252x", "x-mac-ukrainian", "cp936", "gb2312", "euc-cn", "ucs-4"]:
        case(f"odd-label/header/{label.strip() or 'blank'}{'-spaced' if label != label.strip() else ''}", f"text/html; charset={label}", html(PROBE))
        case(f"odd-label/meta/{label.strip()}{'-spaced' if label != label.strip() else ''}", "text/html", html(PROBE, head=f'<meta charset="{label}">'.encode()))

    # 4. The Content-Type header's shapes.
    koi = "\u0430\u0431\u0432".encode("koi8_r")
    for id, header in [
        ("quoted", 'text/html; charset="koi8-r"'), ("single-quoted", "text/html; charset='koi8-r'"),
        ("no-space", "text/html;charset=koi8-r"), ("upper-case", "TEXT/HTML; CHARSET=KOI8-R"),
        ("spaces-around-equals", "text/html; charset = koi8-r"), ("trailing-parameter", "text/html; charset=koi8-r; q=1"),
        ("leading-parameter", "text/html; q=1; charset=koi8-r"), ("two-charsets", "text/html; charset=koi8-r; charset=utf-8"),
        ("empty-charset", "text/html; charset="), ("unknown-then-meta", "text/html; charset=utf-7"),
        ("no-header", None), ("no-charset", "text/html"), ("quoted-escape", 'text/html; charset="koi\\8-r"'),
        ("parameter-with-quoted-semicolon", 'text/html; a="x;charset=utf-8"; charset=koi8-r'),
    ]:
        case(f"header/{id}", header, html(koi + b" " + PROBE, head=b'<meta charset="windows-1251">'))

    # 5. Byte order marks against the header and the page.
    utf8 = "caf\u00e9 \u65e5\u672c \u201cq\u201d".encode()
    case("bom/utf-8-over-header", "text/html; charset=koi8-r", b"\xef\xbb\xbf" + html(utf8))
    case("bom/utf-8-over-meta", "text/html", b"\xef\xbb\xbf" + html(utf8, head=b"<meta charset=koi8-r>"))
    case("bom/utf-16le-over-header", "text/html; charset=utf-8", b"\xff\xfe" + html("caf\u00e9 \U0001F600".encode()).decode().encode("utf-16-le"))
    case("bom/utf-16be-over-meta", "text/html", b"\xfe\xff" + html("caf\u00e9".encode(), head=b"<meta charset=koi8-r>").decode().encode("utf-16-be"))
    case("bom/utf-8-twice", "text/html", b"\xef\xbb\xbf\xef\xbb\xbf" + html(utf8))
    case("bom/utf-16le-odd-byte", "text/html", b"\xff\xfe" + html(b"x").decode().encode("utf-16-le") + b"\x41")
    case("header/utf-16le-without-bom", "text/html; charset=utf-16le", html("caf\u00e9".encode()).decode().encode("utf-16-le"))
    case("header/utf-16-without-bom", "text/html; charset=utf-16", html("caf\u00e9".encode()).decode().encode("utf-16-le"))
    case("header/utf-16be-without-bom", "text/html; charset=utf-16be", html("caf\u00e9".encode()).decode().encode("utf-16-be"))
    case("header-over-meta", "text/html; charset=koi8-r", html(koi, head=b"<meta charset=windows-1251>"))
    case("meta-over-default", "text/html", html(koi, head=b"<meta charset=koi8-r>"))

    # 6. The prescan (pure ASCII bodies: the decision alone tells whether a <meta> was taken).
    a = b"<p>plain ascii text</p>"
    prescan = {
        "charset": b"<meta charset=koi8-r>",
        "charset-quoted": b"<meta charset='koi8-r'>",
        "charset-upper": b"<META CHARSET=KOI8-R>",
        "charset-spaces": b"<meta charset = koi8-r >",
        "charset-slash": b"<meta/charset=koi8-r>",
        "no-space-after-meta": b"<metacharset=koi8-r>",
        "pragma": b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
        "pragma-content-first": b'<meta content="text/html; charset=koi8-r" http-equiv="content-type">',
        "content-without-pragma": b'<meta content="text/html; charset=koi8-r">',
        "refresh-pragma": b'<meta http-equiv="refresh" content="3600; charset=koi8-r">',
        "data-charset": b'<meta data-charset="koi8-r" name="x">',
        "charset-in-other-attribute-value": b'<meta name="charset=koi8-r" content="x">',
        "charset-in-comment": b"<!-- <meta charset=koi8-r> -->",
        "charset-after-short-comment": b"<!--><meta charset=koi8-r>",
        "charset-after-odd-comment": b"<!---><meta charset=koi8-r>-->",
        "quoted-gt-in-attribute": b'<meta name="a>b" charset=koi8-r>',
        "quoted-gt-in-other-tag": b'<link title="a><meta charset=windows-1251>"><meta charset=koi8-r>',
        "unknown-then-valid": b"<meta charset=bogus><meta charset=koi8-r>",
        "duplicate-charset": b"<meta charset=koi8-r charset=windows-1251>",
        "charset-and-content": b'<meta charset=koi8-r http-equiv=content-type content="charset=windows-1251">',
        "content-then-charset": b'<meta http-equiv=content-type content="charset=windows-1251" charset=koi8-r>',
        "content-quoted-label": b'<meta http-equiv=content-type content="text/html; charset=\'koi8-r\'">',
        "content-charset-no-equals": b'<meta http-equiv=content-type content="charset koi8-r; charset=windows-1251">',
        "content-unterminated-quote": b'<meta http-equiv=content-type content="charset=\'koi8-r">',
        "utf-16-means-utf-8": b"<meta charset=utf-16>",
        "utf-16be-means-utf-8": b"<meta charset=utf-16be>",
        "x-user-defined-means-1252": b"<meta charset=x-user-defined>",
        "in-title": b"<title><meta charset=koi8-r></title>",
        "in-script": b"<script type=text/plain>'<meta charset=koi8-r>'</script>",
        "in-style": b"<style>/* <meta charset=koi8-r> */</style>",
        "in-noscript": b"<noscript><meta charset=koi8-r></noscript>",
        "in-textarea": b"</head><body><textarea><meta charset=koi8-r></textarea>",
        "after-body-start": b"</head><body><p>x</p><meta charset=koi8-r>",
        "processing-instruction": b"<?php echo '<meta charset=windows-1251>' ?><meta charset=koi8-r>",
        "bogus-comment": b"<!x <meta charset=windows-1251>><meta charset=koi8-r>",
        "end-tag-with-attribute": b"</p charset=windows-1251><meta charset=koi8-r>",
        "replacement-label": b"<meta charset=iso-2022-kr>",
        "content-replacement-label": b'<meta http-equiv=content-type content="charset=hz-gb-2312">',
    }
    for id, head in prescan.items():
        case(f"prescan/{id}", "text/html", b"<!doctype html><html><head>" + head + b"</head><body>" + a + b"</body></html>")
    case("prescan/xml-declaration", "text/html", b'<?xml version="1.0" encoding="koi8-r"?><html><body>' + a + b"</body></html>")
    case("prescan/xml-declaration-single-quotes", "text/html", b"<?xml version='1.0' encoding='koi8-r'?><html><body>" + a + b"</body></html>")
    case("prescan/xml-declaration-utf-16", "text/html", b'<?xml version="1.0" encoding="utf-16"?><html><body>' + a + b"</body></html>")
    case("prescan/xml-declaration-not-first", "text/html", b' <?xml version="1.0" encoding="koi8-r"?><html><body>' + a + b"</body></html>")
    case("prescan/xml-declaration-then-meta", "text/html", b'<?xml version="1.0" encoding="koi8-r"?><html><head><meta charset=windows-1251></head><body>' + a + b"</body></html>")
    filler = b"<link rel=x href=y>" * 60   # 1,140 bytes of head
    case("prescan/past-1024-in-head", "text/html", b"<!doctype html><html><head>" + filler + b"<meta charset=koi8-r></head><body>" + a + b"</body></html>")
    case("prescan/past-1024-in-head-after-title", "text/html", b"<!doctype html><html><head><title>" + b"t" * 1100 + b"</title><meta charset=koi8-r></head><body>" + a + b"</body></html>")
    case("prescan/past-1024-in-body", "text/html", b"<!doctype html><html><head></head><body><p>" + b"x" * 1100 + b"</p><meta charset=koi8-r>" + a + b"</body></html>")
    case("prescan/past-1024-after-comment", "text/html", b"<!doctype html><html><head><!--" + b"c" * 1100 + b"--><meta charset=koi8-r></head><body>" + a + b"</body></html>")
    case("prescan/cut-at-1024", "text/html", b"<!doctype html><html><head>" + b"<link rel=x>" * 84 + b"<meta charset=koi8-r></head><body>" + a + b"</body></html>")
    case("prescan/straddles-1024", "text/html", b"<!doctype html><html><head>" + b" " * 990 + b"<meta name=x charset=koi8-r></head><body>" + a + b"</body></html>")
    case("prescan/past-1024-after-div", "text/html", b"<!doctype html><html><head></head><body><div>" + b"y" * 1100 + b"</div></body></html><meta charset=koi8-r>")

    # 7. Invalid bytes.
    case("invalid/utf-8", "text/html; charset=utf-8", html(b"a\x80b\xc0\xafc\xe0\x80\x80d\xed\xa0\x80e\xf4\x90\x80\x80f\xe6\x97g\xf0\x9f\x98h\xfei\xc3"))
    case("invalid/utf-8-truncated-at-end", "text/html; charset=utf-8", b"<!doctype html><body>x\xe6\x97")
    case("invalid/euc-kr-lead-before-lt", "text/html; charset=euc-kr", html(b"<p>\xb0</p><p>\xc9\xa1</p><p>\xfe\xfe</p>"))
    case("invalid/shift_jis-lead-before-lt", "text/html; charset=shift_jis", html(b"<p>\x88</p><p>\xa0\xfd\xfe\xff</p><p>\xf0\x40</p>"))
    case("invalid/big5-lead-before-lt", "text/html; charset=big5", html(b"<p>\xa4</p><p>\x88\x62\x88\x64\x88\xa3\x88\xa5</p><p>\x80\xff</p>"))
    case("invalid/gb18030-sequences", "text/html; charset=gb18030", html(b"<p>\x81</p><p>\x81\x30</p><p>\x81\x30\x81</p><p>\x81\x30\x81\x30\x84\x31\xa4\x39\xe3\x32\x9a\x35\x80\xff\xa3\xa0</p>"))
    case("invalid/euc-jp-sequences", "text/html; charset=euc-jp", html(b"<p>\x8e</p><p>\x8f\xa2</p><p>\x8f\xa2\xb7\x8e\xe0\xa1</p>"))
    case("invalid/utf-16le-lone-surrogates", "text/html; charset=utf-16le", html(b"x").decode().encode("utf-16-le")[:-14] + b"\x00\xd8A\x00\x00\xdc" + "</body>".encode("utf-16-le"))
    case("invalid/euc-jp-0212-then-ascii", "text/html; charset=euc-jp", html(b"\x8f\xd8*\xdf\xf6"))
    case("invalid/iso-2022-jp-failed-escape-in-jis", "text/html; charset=iso-2022-jp", html(b"\x1b$B\x1b(F9M\x1b(B"))
    case("invalid/iso-2022-jp-failed-escapes", "text/html; charset=iso-2022-jp", html(b"\x1b$B\x1b$F9M\x1b(B\x1b(Fab\x1b(J\x1b(Fab\x1bzq\x1b(B"))
    case("invalid/utf-16be-odd-byte", "text/html; charset=utf-16be", html(b"x").decode().encode("utf-16-be") + b"\x41")
    case("invalid/iso-2022-jp-escapes", "text/html; charset=iso-2022-jp", html(b"\x1b$B\x1b(B\x1b$Bx\x1b(J\\~\x1b(I!_\x1b(Bok\x1b$A!"))

    # 8. Mislabelled and unlabelled pages.
    case("mislabelled/utf-8-as-windows-1252", "text/html; charset=windows-1252", html(utf8))
    case("mislabelled/windows-1251-as-utf-8", "text/html; charset=utf-8", html("\u041f\u0440\u0438\u0432\u0435\u0442".encode("cp1251")))
    case("mislabelled/utf-8-meta-says-latin1", "text/html", html(utf8, head=b"<meta charset=iso-8859-1>"))
    case("unlabelled/ascii", "text/html", html(b"plain"))
    case("unlabelled/utf-8", "text/html", html(utf8))
    case("unlabelled/windows-1252", "text/html", html("caf\u00e9 \u201cquoted\u201d \u2026".encode("cp1252")))
    case("unlabelled/windows-1251", "text/html", html("\u042d\u0442\u043e \u0442\u0435\u0441\u0442\u043e\u0432\u0430\u044f \u0441\u0442\u0440\u0430\u043d\u0438\u0446\u0430 \u043d\u0430 \u0440\u0443\u0441\u0441\u043a\u043e\u043c \u044f\u0437\u044b\u043a\u0435 \u0434\u043b\u044f \u043f\u0440\u043e\u0432\u0435\u0440\u043a\u0438.".encode("cp1251")))
    case("unlabelled/shift_jis", "text/html", html("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3067\u3059\u3002\u6771\u4eac\u90fd\u306e\u5929\u6c17\u306f\u6674\u308c\u3067\u3059\u3002".encode("shift_jis")))
    case("unlabelled/no-content-type-utf-8", None, html(utf8))
    return out


def generate(site, browser, path, report):
    records = []
    for id, content_type, body in cases():
        site.pages["/case/" + id] = (content_type, body)
        charset, text = browser.load(site.url("/case/" + id))
        record = {"id": id, "contentType": content_type, "body": base64.b64encode(body).decode(), "charset": charset}
        if text is not None and any("\ud800" <= c <= "\udfff" for c in text):
            # A lone surrogate (JSON readers refuse it in a string): the text as UTF-16LE bytes instead.
            record["textUtf16"] = base64.b64encode(text.encode("utf-16-le", "surrogatepass")).decode()
        else:
            record["text"] = text
        records.append(record)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump({"chromium": browser.version, "cases": records}, f, indent=0)
        f.write("\n")
    report(f"{len(records)} cases recorded into {path}")
