"""Badge tokens: signed per event, unguessable, nothing personal (onsite.checkin.tokens)."""

from hypothesis import given
from hypothesis import strategies as st

from clustermeet.onsite.checkin import tokens


def test_a_token_maps_back_to_its_nonce_at_its_event_only():
    nonce = tokens.new_nonce()
    token = tokens.make_token(7, nonce)
    assert tokens.nonce_of(7, token) == nonce
    assert tokens.nonce_of(8, token) is None


def test_nonces_are_long_random_and_distinct():
    nonces = {tokens.new_nonce() for _ in range(1000)}
    assert len(nonces) == 1000
    assert {len(n) for n in nonces} == {26}


def test_a_tampered_token_is_refused():
    nonce = tokens.new_nonce()
    token = tokens.make_token(1, nonce)
    other = tokens.new_nonce()
    assert tokens.nonce_of(1, other + token[len(nonce) :]) is None
    assert tokens.nonce_of(1, token[:-1]) is None
    assert tokens.nonce_of(1, nonce) is None
    assert tokens.nonce_of(1, "") is None
    assert tokens.nonce_of(1, token + "x" * 100) is None


def test_surrounding_whitespace_of_a_scanner_is_ignored():
    nonce = tokens.new_nonce()
    assert tokens.nonce_of(3, f"  {tokens.make_token(3, nonce)}\n") == nonce


@given(st.text(max_size=200))
def test_arbitrary_text_is_never_accepted(text):
    assert tokens.nonce_of(5, text) is None
