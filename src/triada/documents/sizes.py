"""File sizes as Czech town websites write them: "pdf, 865 kB", "pdf, 1 004 kB", "pdf, 2 MB"."""

KB = 1024


def czech_file_size(size: int) -> str:
    kilobytes = round(size / KB)
    if kilobytes < KB:
        return f"{max(kilobytes, 1):,} kB".replace(",", "\u00a0")
    return f"{round(size / KB / KB):,} MB".replace(",", "\u00a0")
