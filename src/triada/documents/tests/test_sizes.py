import pytest

from triada.documents.sizes import czech_file_size


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (865 * 1024, "865 kB"),
        (1004 * 1024, "1\u00a0004 kB"),
        (2 * 1024 * 1024 + 100, "2 MB"),
        (1024 * 1024, "1 MB"),
        (300, "1 kB"),
    ],
)
def test_sizes_as_on_the_seed_page(size, text):
    assert czech_file_size(size) == text
