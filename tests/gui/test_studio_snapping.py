"""Snapping and resizing arithmetic of the studio, alone (plain Python, no Qt needed)."""

from __future__ import annotations

import pytest

from designer.views.studio.snapping import Snapper, handle_points, resize_box


@pytest.fixture
def snapper() -> Snapper:
    # one other element at (100, 40, 60 × 20) in a 300 × 200 engagement, 8 px grid
    return Snapper.around([(100, 40, 60, 20)], (0, 0, 300, 200), grid=8, threshold=6)


def test_an_edge_near_another_elements_edge_snaps_to_it(snapper):
    dx, dy, guides = snapper.snap_move((157, 83, 30, 30))  # left edge 157, near 160
    assert dx == 3 and ("x", 160) in guides


def test_centres_snap_too(snapper):
    dx, _, guides = snapper.snap_move((112, 120, 40, 10))  # centre 132 vs the other's 130
    assert dx == -2 and ("x", 130) in guides


def test_far_from_every_line_the_grid_wins(snapper):
    dx, dy, guides = snapper.snap_move((203, 123, 10, 10))
    assert (203 + dx, 123 + dy) == (200, 120) and guides == []


def test_without_a_grid_nothing_moves_far_from_lines():
    s = Snapper.around([], (0, 0, 300, 200), grid=0, threshold=6)
    assert s.snap_move((203, 123, 10, 10)) == (0.0, 0.0, [])


def test_resize_each_handle():
    box = (10, 10, 100, 50)
    assert resize_box(box, "se", 20, 10, False) == (10, 10, 120, 60)
    assert resize_box(box, "nw", 20, 10, False) == (30, 20, 80, 40)
    assert resize_box(box, "e", 20, 99, False) == (10, 10, 120, 50)
    assert resize_box(box, "n", 99, -10, False) == (10, 0, 100, 60)


def test_shift_keeps_proportions_and_a_box_never_turns_inside_out():
    x, y, w, h = resize_box((0, 0, 100, 50), "se", 100, 0, True)
    assert (w, h) == (200, 100)
    x, y, w, h = resize_box((0, 0, 100, 50), "e", -500, 0, False)
    assert w >= 1


def test_eight_handles_around_a_box():
    points = handle_points((0, 0, 10, 20))
    assert len(points) == 8 and points["se"] == (10, 20) and points["w"] == (0, 10)
