"""The programme tests' shared ECC 2020 programme (see frab_support.build_ecc_2020)."""

import pytest

from tests.programme.frab_support import build_ecc_2020


@pytest.fixture
def ecc(db):
    return build_ecc_2020()
