"""Small-cell suppression rules, on their own and through a setting."""

import pytest

from reports import selectors, suppression
from reports.permissions import scope_for
from reports.selectors import Filters
from reports.suppression import COMPLEMENTARY, HIDDEN, PRIMARY, SHOWN


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([10, 20, 30], [SHOWN, SHOWN, SHOWN]),
        ([0, 20, 30], [SHOWN, SHOWN, SHOWN]),  # a zero singles nobody out
        ([3, 20, 30], [PRIMARY, COMPLEMENTARY, SHOWN]),  # total - 20 - 30 would give the 3
        ([3, 4, 30], [PRIMARY, PRIMARY, SHOWN]),  # two hidden cells together count 7 >= 5
        ([1, 2, 30, 40], [PRIMARY, PRIMARY, COMPLEMENTARY, SHOWN]),  # 1 + 2 < 5: hide one more
        ([4, 0, 0], [PRIMARY, SHOWN, SHOWN]),  # nothing else to hide: the total is 4 and hidden too
        ([5, 6], [SHOWN, SHOWN]),
    ],
)
def test_column_states(values, expected):
    assert suppression.column_states(values) == expected


def test_no_hidden_cell_can_be_recovered_from_the_total():
    values = [2, 9, 14, 40]
    states = suppression.column_states(values)
    hidden = [v for v, s in zip(values, states, strict=True) if s != SHOWN]
    assert len(hidden) >= 2
    assert sum(hidden) >= 5


def test_rates_are_never_computed_from_hidden_cells():
    assert suppression.rate_cell(suppression.count_cell(3), suppression.count_cell(40)).value is None
    assert suppression.rate_cell(suppression.count_cell(10), suppression.count_cell(40)).display == "25.0%"
    assert suppression.pass_rate_cell(passed=9, attempts=10).value is None  # one fail would be exposed
    assert suppression.pass_rate_cell(passed=0, attempts=3).value is None
    assert suppression.pass_rate_cell(passed=5, attempts=10).display == "50.0%"
    assert suppression.mean_cell(80.0, 4).value is None
    assert suppression.mean_cell(80.0, 5).display == "+16.0"


def test_threshold_is_a_setting(world, settings):
    settings.REPORTS_MIN_CELL = 10
    board = selectors.dashboard(scope=scope_for(world["regional"]), filters=Filters())
    months = {row.key: row["enrolled"].display for row in board.months.rows}
    # 8, 9 and 5 are all under 10 now; the total (22) is still shown.
    assert months == {"2025-01": "<10", "2025-02": "<10", "2025-03": "<10"}
    assert board.months.total["enrolled"].display == "22"
    assert "<10" in suppression.count_cell(7).display


def test_a_small_total_hides_everything_that_depends_on_it(world):
    board = selectors.dashboard(scope=scope_for(world["laos"]), filters=Filters())
    assert board.headline["enrolled"].display == "<5"
    assert board.headline["completed"].display == "<5"
    assert board.headline["completion_rate"].display == HIDDEN
    assert board.headline["active"].display == "<5"
    assert [row["count"].display for row in board.funnel.rows] == ["<5"] * 5
