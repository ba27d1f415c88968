"""The byte-level letter pass of the whole-text Latin -> Cyrillic path."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govportal.translit import _kaa, _uz
from govportal.translit._letters import LetterMap, NoSlot, Pairs

SETTINGS = settings(
    max_examples=int(os.environ.get("TRANSLIT_EXAMPLES", "150")) * 2, deadline=None
)


def _one_by_one(data: bytes, pairs: dict[bytes, int]) -> bytes:
    """Reference: left to right, a pair wins unless the next one overlaps it."""
    out = bytearray()
    i = 0
    while i < len(data):
        pair = data[i : i + 2]
        if pair in pairs and data[i + 1 : i + 3] not in pairs:
            out.append(pairs[pair])
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


UZ_PAIRS = {b"yo": 0xA0, b"ya": 0xA1, b"o\x81": 0xA2, b"g\x81": 0xA3, b"sh": 0xA4}


@SETTINGS
@given(st.lists(st.sampled_from(list(b"yoagsh\x81 ")), max_size=40).map(bytes))
def test_pairs_match_one_by_one_replacement(data):
    assert Pairs(UZ_PAIRS)(data) == _one_by_one(data, UZ_PAIRS)


def test_pairs_overlap_right_hand_pair_wins():
    pairs = Pairs(UZ_PAIRS)
    assert pairs(b"yo\x81l") == b"y\xa2l"  # yoʻl -> й + ў + л
    assert pairs(b"yosh") == b"\xa0\xa4"


def test_pairs_reject_chains_of_overlaps():
    with pytest.raises(ValueError):
        Pairs({b"ab": 1, b"bc": 2, b"cd": 3})


@pytest.mark.parametrize("lang", [_uz.LANG, _kaa.LANG])
def test_every_context_output_has_bytes(lang):
    for out in lang.l2c_context_outputs:
        assert lang._l2c_bulk.convert(lang._l2c_bulk.context(out)) == out


def test_letter_map_refuses_what_it_cannot_hold():
    letters = LetterMap({"a": "а"}, {}, "", ())
    assert letters.convert("a ×") == "а ×"
    with pytest.raises(NoSlot):
        letters.convert("a —")
    with pytest.raises(NoSlot):
        letters.context("э")


def test_three_letter_digraph_must_be_two_pairs():
    with pytest.raises(ValueError):
        LetterMap({"y": "й"}, {"yoʻ": "йў", "yo": "ё"}, "ʻ", ())
