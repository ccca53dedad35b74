"""The analyzer's median idf is np.median's, to the bit (thresholds depend on it)."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from indexer.query import _median


@given(st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=60))
def test_median_equals_numpy(values: list[float]) -> None:
    array = np.array(values)
    assert _median(array) == float(np.median(array))
