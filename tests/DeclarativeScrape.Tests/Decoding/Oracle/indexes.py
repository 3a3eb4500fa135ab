"""Records Chromium's decoding of every pointer of every Encoding Standard index, as the runtime's tables.

For each legacy encoding, one page holds every byte sequence of the index (one per line) served with that
encoding's label in the Content-Type header; what Chromium's DOM holds for each line is the index entry (U+FFFD,
or U+FFFD then an ASCII byte, is "no entry"). The tables are written to src/DeclarativeScrape/Decoding/Indexes/
as little-endian UTF-16 code units, one per pointer, 0xFFFF for none (see IndexTables.cs). Python's own codecs
are compared with each table and their differences printed, as a check on the recording.
"""
import struct

SINGLE_BYTE = [
    # (Encoding Standard name, Python codec used for the cross-check)
    ("IBM866", "cp866"), ("ISO-8859-2", "iso8859_2"), ("ISO-8859-3", "iso8859_3"), ("ISO-8859-4", "iso8859_4"),
    ("ISO-8859-5", "iso8859_5"), ("ISO-8859-6", "iso8859_6"), ("ISO-8859-7", "iso8859_7"),
    ("ISO-8859-8", "iso8859_8"), ("ISO-8859-10", "iso8859_10"), ("ISO-8859-13", "iso8859_13"),
    ("ISO-8859-14", "iso8859_14"), ("ISO-8859-15", "iso8859_15"), ("ISO-8859-16", "iso8859_16"),
    ("KOI8-R", "koi8_r"), ("KOI8-U", "koi8_u"), ("macintosh", "mac_roman"), ("windows-874", "cp874"),
    ("windows-1250", "cp1250"), ("windows-1251", "cp1251"), ("windows-1252", "cp1252"),
    ("windows-1253", "cp1253"), ("windows-1254", "cp1254"), ("windows-1255", "cp1255"),
    ("windows-1256", "cp1256"), ("windows-1257", "cp1257"), ("windows-1258", "cp1258"),
    ("x-mac-cyrillic", "mac_cyrillic"),
]


def single_byte_sequences():
    return [bytes([0x80 + i]) for i in range(128)]


def gb18030_sequences():
    out = []
    for pointer in range(126 * 190):
        lead, trail = divmod(pointer, 190)
        out.append(bytes([0x81 + lead, trail + (0x40 if trail < 0x3F else 0x41)]))
    return out


def big5_sequences():
    out = []
    for pointer in range(126 * 157):
        lead, trail = divmod(pointer, 157)
        out.append(bytes([0x81 + lead, trail + (0x40 if trail < 0x3F else 0x62)]))
    return out


def euc_kr_sequences():
    out = []
    for pointer in range(126 * 190):
        lead, trail = divmod(pointer, 190)
        out.append(bytes([0x81 + lead, 0x41 + trail]))
    return out


def jis0208_sequences():
    # Through Shift_JIS, which reaches every pointer of index jis0208 (0 to 11103; 8836-10715 is its EUDC range).
    out = []
    for pointer in range(11104):
        lead, trail = divmod(pointer, 188)
        out.append(bytes([lead + (0x81 if lead < 0x1F else 0xC1), trail + (0x40 if trail < 0x3F else 0x41)]))
    return out


def jis0212_sequences():
    # Through EUC-JP's 0x8F prefix.
    return [bytes([0x8F, 0xA1 + p // 94, 0xA1 + p % 94]) for p in range(94 * 94)]


MULTI_BYTE = [
    # (table file, encoding label, byte sequences by pointer, Python codec for the cross-check)
    ("gb18030", "gb18030", gb18030_sequences, "gb18030"),
    ("big5", "big5", big5_sequences, "big5hkscs"),
    ("euc-kr", "euc-kr", euc_kr_sequences, "cp949"),
    ("jis0208", "shift_jis", jis0208_sequences, "cp932"),
    ("jis0212", "euc-jp", jis0212_sequences, "euc_jp"),
]


def gb18030_four_byte(pointer):
    b1, rest = divmod(pointer, 12600)
    b2, rest = divmod(rest, 1260)
    b3, b4 = divmod(rest, 10)
    return bytes([0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4])


def gb18030_ranges(site, browser, report):
    """The four-byte ranges of gb18030, as (pointer, first code point) pairs: every pointer below 39420 is recorded
    and a range starts wherever code point minus pointer changes; pointers from 189000 are U+10000 onwards (checked
    on a sample). Pointer 7457 (U+E7C7) is the decoder's special case, not a range."""
    charset, values = record(site, browser, "gb18030", [gb18030_four_byte(p) for p in range(39420)])
    ranges = []
    for pointer, value in enumerate(values):
        if pointer == 7457:
            continue
        if value is None and ranges[-1][1] + pointer - ranges[-1][0] == 0xFFFD:
            continue  # the range's own U+FFFD (pointer 39417), which reads like "no entry"
        if len(value) != 1:
            raise ValueError(f"gb18030 four-byte pointer {pointer} has more than one code point")
        if not ranges or ord(value) - pointer != ranges[-1][1] - ranges[-1][0] or pointer - 1 == 7457 and ranges[-1][0] < 7457 and ord(value) != ord(values[pointer - 2]) + 2:
            ranges.append((pointer, ord(value)))
    sample = [189000, 189001, 200000, 500000, 1000000, 1237575]
    _, supplementary = record(site, browser, "gb18030", [gb18030_four_byte(p) for p in sample])
    for pointer, value in zip(sample, supplementary):
        if value is None or len(value) != 1 or ord(value) != 0x10000 + pointer - 189000:
            raise ValueError(f"gb18030 four-byte pointer {pointer} is not U+{0x10000 + pointer - 189000:X}")
    report(f"gb18030 four-byte ranges: {len(ranges)} below pointer 39420, then pointer 189000 = U+10000 ({charset}); pointer 7457 = U+{ord(values[7457]):04X}")
    return ranges


def page(sequences):
    return b"<!doctype html><body>" + b"".join(s + b"\n" for s in sequences) + b"</body>"


def entries(text, count):
    """The entry of each line: a string of one or two code points, or None."""
    lines = text.split("\n")
    if len(lines) != count + 1:
        raise ValueError(f"expected {count} lines, got {len(lines) - 1}")
    return [None if (not line or line[0] == "\ufffd") else line for line in lines[:count]]


def python_entry(sequence, codec):
    try:
        return sequence.decode(codec)
    except UnicodeDecodeError:
        return None


def record(site, browser, label, sequences):
    site.pages["/index/" + label] = (f"text/html; charset={label}", page(sequences))
    charset, text = browser.load(site.url("/index/" + label))
    return charset, entries(text, len(sequences))


def write_table(path, values):
    """values: one string (one or two code points) or None per pointer. Returns the pointers whose entry is outside the BMP."""
    units = []
    astral = []
    for pointer, value in enumerate(values):
        if value is None:
            units.append(0xFFFF)
            continue
        code = ord(value[0])
        if code > 0xFFFF:
            if code >> 16 != 2:
                raise ValueError(f"{path}: pointer {pointer} maps outside planes 0 and 2")
            astral.append(pointer)
            code &= 0xFFFF
        units.append(code)
    with open(path, "wb") as f:
        f.write(struct.pack(f"<{len(units)}H", *units))
    return astral


def generate(site, browser, out_dir, report):
    """Records every table into out_dir; report(str) gets the cross-check against Python's codecs."""
    single = []
    for name, codec in SINGLE_BYTE:
        charset, values = record(site, browser, name, single_byte_sequences())
        if charset.lower() != name.lower():
            raise ValueError(f"Chromium read {name} as {charset}")
        if any(v is not None and len(v) != 1 for v in values):
            raise ValueError(f"{name}: a byte decodes to more than one code unit")
        differences = [(0x80 + i, v, python_entry(bytes([0x80 + i]), codec)) for i, v in enumerate(values)
                       if v != python_entry(bytes([0x80 + i]), codec)]
        report(f"{name}: {len(differences)} difference(s) from Python's {codec}: " +
               ", ".join(f"{b:02X} Chromium {fmt(c)} Python {fmt(p)}" for b, c, p in differences))
        single.extend(values)
    write_table(f"{out_dir}/single-byte.bin", single)

    ranges = gb18030_ranges(site, browser, report)
    with open(f"{out_dir}/gb18030-ranges.bin", "wb") as f:
        for pointer, code_point in ranges:
            f.write(struct.pack("<II", pointer, code_point))

    for table, label, sequences_of, codec in MULTI_BYTE:
        sequences = sequences_of()
        charset, values = record(site, browser, label, sequences)
        if table == "big5":
            # Four pointers decode to two code points; the decoder has them as the standard's special cases.
            specials = {p: v for p, v in enumerate(values) if v is not None and len(v) == 2}
            report(f"big5: two-code-point entries at {sorted(specials)}")
            values = [None if p in specials else v for p, v in enumerate(values)]
        astral = write_table(f"{out_dir}/{table}.bin", values)
        if astral:
            with open(f"{out_dir}/{table}-plane2.bin", "wb") as f:
                bits = bytearray((len(values) + 7) // 8)
                for p in astral:
                    bits[p // 8] |= 1 << (p % 8)
                f.write(bits)
        mapped = sum(v is not None for v in values)
        differences = [(s, v, python_entry(s, codec)) for s, v in zip(sequences, values) if v != python_entry(s, codec)]
        report(f"{table} (as {charset}): {mapped} entries, {len(astral)} outside the BMP; {len(differences)} difference(s) from Python's {codec}" +
               (": " + ", ".join(f"{s.hex().upper()} Chromium {fmt(c)} Python {fmt(p)}" for s, c, p in differences[:12]) +
                (" ..." if len(differences) > 12 else "") if differences else ""))


def fmt(value):
    return "none" if value is None else "+".join(f"U+{ord(c):04X}" for c in value)
