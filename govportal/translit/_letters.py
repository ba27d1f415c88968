"""Latin letters and digraphs -> Cyrillic over a whole text, at C speed.

The last step of the whole-text Latin -> Cyrillic path (``_convert``): by the
time it runs, the context rules have been applied and every token that needs
the per-word path has been replaced by a placeholder, so what is left is
plain letters, digraphs (sh ch ya oʻ ...) and everything that is not a letter.

One ``str.replace`` per letter and digraph (about 70 passes for Uzbek) used
to be the dearest part of the conversion. Here the text is instead turned
into bytes, one byte per character, and then:

1. every digraph is found and replaced at once by :class:`Pairs` (a few
   ``bytes.translate`` calls and big-integer bit operations, see there);
2. one ``codecs.charmap_decode`` with a 256-character table maps each byte
   to its Cyrillic letter (or to itself).

For that the text must fit one byte per character: Latin-1 plus a few
*slots*, the C1 control characters U+0080-U+009F, which real text does not
contain (the caller replaces any that it does contain by a placeholder, as
it does with every other character above U+00FF). Slots stand for the
letters above U+00FF that the language keeps in running text (Uzbek ʻ ʼ,
Karakalpak ǵ ı ń), for the Cyrillic that the context rules write, and for
the results of the digraphs.
"""

import codecs
from collections.abc import Iterable

HOLE = "\x80"  # placeholder for a token converted on its own (see _convert)
_FIRST_SLOT, _LAST_SLOT = 0x81, 0x9F
DELETED = 0xFF  # marks the second letter of a digraph; ÿ is never left here


class NoSlot(Exception):
    """The text needs a character that has no byte here; use another path."""


class Pairs:
    """Replace every listed two-character sequence of a byte string at once.

    ``pairs`` maps two bytes to one. Where two listed pairs overlap (``y o ʻ``:
    both ``yo`` and ``oʻ`` are listed) the right-hand one wins, provided the
    overlap is of one kind (checked here), and the left-hand letter stays.

    How: three translations give, for each position i, a class of the byte
    at i (high four bits), of the byte at i + 1 (next three bits) and whether
    the byte at i + 2 can complete an overlapping pair (lowest bit). OR-ed
    together as big integers, with one byte per position, they form a pair
    code; translating the codes gives, at each position where a pair starts,
    the XOR that turns its first byte into the result, and a mask that marks
    its second byte as ``DELETED``; ``bytes.translate`` then drops those.
    Each step is one C-level pass over the text.
    """

    def __init__(self, pairs: dict[bytes, int]) -> None:
        firsts = sorted({p[0] for p in pairs})
        seconds = sorted({p[1] for p in pairs})
        if len(firsts) > 15 or len(seconds) > 7:  # pragma: no cover - data check
            raise ValueError("too many digraph letters for a byte-sized pair code")
        first, second, third = bytearray(256), bytearray(256), bytearray(256)
        for i, byte in enumerate(firsts, 1):
            first[byte] = i << 4
        for i, byte in enumerate(seconds, 1):
            second[byte] = i << 1
        # A pair (a, b) gives way to a pair (b, c) on its right.
        overlapping = {p[1]: {q[1] for q in pairs if q[0] == p[1]} for p in pairs}
        overlapping = {b: cs for b, cs in overlapping.items() if cs}
        blockers = set().union(*overlapping.values()) if overlapping else set()
        for cs in overlapping.values():
            if cs != blockers:  # pragma: no cover - data check
                raise ValueError("digraph overlaps of more than one kind")
        if blockers & set(firsts):  # pragma: no cover - data check
            raise ValueError("digraph overlaps of more than two pairs")
        for byte in blockers:
            third[byte] = 1
        xor, mask = bytearray(256), bytearray(256)
        for pair, out in pairs.items():
            for blocked in (0, 1):
                if blocked and pair[1] in overlapping:
                    continue
                code = first[pair[0]] | second[pair[1]] | blocked
                xor[code] = pair[0] ^ out
                mask[code] = DELETED
        self._first, self._second, self._third = (
            bytes(first),
            bytes(second),
            bytes(third) if blockers else None,
        )
        self._xor, self._mask = bytes(xor), bytes(mask)

    def __call__(self, data: bytes) -> bytes:
        n = len(data)
        if n < 2:
            return data
        codes = int.from_bytes(data.translate(self._first), "little") | int.from_bytes(
            data[1:].translate(self._second), "little"
        )
        if self._third is not None:
            codes |= int.from_bytes(data[2:].translate(self._third), "little")
        code_bytes = codes.to_bytes(n, "little")
        xor = int.from_bytes(code_bytes.translate(self._xor), "little")
        if not xor:
            return data
        # The second letter of a pair is the byte after its code: shift by one.
        deleted = int.from_bytes(code_bytes.translate(self._mask), "little") << 8
        out = (int.from_bytes(data, "little") ^ xor) | deleted
        return out.to_bytes(n, "little").translate(None, bytes([DELETED]))


class LetterMap:
    """Latin letters and digraphs -> Cyrillic for running text.

    ``letters``: one Latin character -> one Cyrillic character (both cases);
    ``digraphs``: two Latin characters -> one Cyrillic character (both
    cases), plus three-character entries that spell out an overlap (Uzbek
    ``yoʻ`` -> ``йў``: the ``oʻ`` wins over ``yo``); ``high``: letters above
    U+00FF that running text keeps (they get slots); ``context``: every string
    of Cyrillic that the context rules may write into the text.
    """

    def __init__(
        self,
        letters: dict[str, str],
        digraphs: dict[str, str],
        high: str,
        context: Iterable[str],
        kept: str = "",
    ) -> None:
        slots = iter(map(chr, range(_FIRST_SLOT, _LAST_SLOT + 1)))
        table = [chr(i) for i in range(256)]
        table[ord(HOLE)] = HOLE
        for lat, cyr in letters.items():
            if len(lat) != 1 or len(cyr) != 1:  # pragma: no cover - data check
                raise ValueError(f"not one letter to one: {lat!r} -> {cyr!r}")
        self.high: list[tuple[str, str]] = []
        for ch in high:
            slot = next(slots)
            self.high.append((ch, slot))
            table[ord(slot)] = letters.get(ch, ch)
        self._byte = {ch: ord(slot) for ch, slot in self.high}
        code = self.byte

        pairs: dict[bytes, int] = {}
        result_slot: dict[str, str] = {}
        for lat, cyr in digraphs.items():
            if len(lat) == 3:
                # An overlap spelt out: the right-hand pair wins (see Pairs).
                if lat[1:] not in digraphs or lat[:2] not in digraphs:
                    raise ValueError(f"three letters that are not two pairs: {lat!r}")
                if cyr != letters[lat[0]] + digraphs[lat[1:]]:
                    raise ValueError(f"{lat!r} is not {lat[0]!r} + {lat[1:]!r}")
                continue
            if len(lat) != 2 or len(cyr) != 1:  # pragma: no cover - data check
                raise ValueError(f"unsupported digraph {lat!r} -> {cyr!r}")
            if cyr not in result_slot:
                result_slot[cyr] = next(slots)
                table[ord(result_slot[cyr])] = cyr
            pairs[bytes([code(lat[0]), code(lat[1])])] = ord(result_slot[cyr])
        self._pairs = Pairs(pairs)

        # The context rules write Cyrillic; in the byte text a Cyrillic letter
        # is the Latin letter that maps to it, unless that letter could form
        # a digraph with its neighbours; then it gets a slot of its own.
        in_digraphs = {ch for lat in digraphs for ch in lat}
        back = {cyr: lat for lat, cyr in letters.items() if len(lat.encode()) == 1}
        self._context: dict[str, str] = {}
        extra: dict[str, str] = {}
        for out in context:
            encoded = []
            for cyr in out:
                lat = back.get(cyr)
                if lat is not None and lat not in in_digraphs:
                    encoded.append(lat)
                    continue
                if cyr not in extra:
                    extra[cyr] = result_slot.get(cyr) or next(slots)
                    table[ord(extra[cyr])] = cyr
                encoded.append(extra[cyr])
            self._context[out] = "".join(encoded)

        for lat, cyr in letters.items():
            if ord(lat) < 256:
                table[ord(lat)] = cyr
        # Characters above U+00FF that running text keeps as they are (dashes,
        # quotes) take the bytes of Latin-1 letters that the language does not
        # have: those letters never reach this pass (their words take the
        # per-word path).
        spare = (
            chr(b)
            for b in range(0xC0, DELETED)
            if chr(b) not in letters and chr(b) not in "\u00d7\u00f7"
        )
        self.kept = {ch: next(spare) for ch in kept}
        for ch, byte in self.kept.items():
            table[ord(byte)] = ch
        self._table = "".join(table)

    def byte(self, ch: str) -> int:
        """The byte that stands for ``ch`` (ValueError if there is none)."""
        b = self._byte.get(ch)
        if b is not None:
            return b
        if ord(ch) > 0xFF or "\x80" <= ch < "\xa0":
            raise ValueError(ch)
        return ord(ch)

    def image(self, text: str) -> bytes:
        """``text`` as one byte per character: the kept letters above U+00FF
        as their slots, any other character above U+00FF as ``?``."""
        for ch, slot in self.high:
            text = text.replace(ch, slot)
        return text.encode("latin-1", "replace")

    def context(self, cyrillic: str) -> str:
        """What the context rules write for ``cyrillic`` (which must be listed)."""
        try:
            return self._context[cyrillic]
        except KeyError:
            raise NoSlot(cyrillic) from None

    def convert(self, text: str, kept: Iterable[str] = ()) -> str:
        """Map the letters and digraphs of ``text``; raise NoSlot if it can't.

        ``text`` must not contain C1 control characters, nor Latin-1 letters
        that are not the language's; ``kept`` lists the characters of
        ``self.kept`` that it contains.
        """
        for ch, slot in self.high:
            text = text.replace(ch, slot)
        for ch in kept:
            text = text.replace(ch, self.kept[ch])
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:
            raise NoSlot(text) from None
        return codecs.charmap_decode(self._pairs(data), "strict", self._table)[0]
