from triada.documents.filenames import storable_name


def test_a_stored_name_fits_any_file_system():
    assert storable_name("Zápis 2019.pdf") == "Zápis_2019.pdf"
    long = storable_name("\U00020000" * 200 + ".pdf")  # four bytes a letter
    assert long.endswith(".pdf") and len(long.encode()) <= 130
    assert storable_name("ř" * 300).encode() == ("ř" * 60).encode()


def test_a_name_without_letters_gets_one():
    assert storable_name("\U0001f600.pdf") == "soubor.pdf"
    assert storable_name("..pdf") == "soubor.pdf"
    assert storable_name("") == "soubor"
    assert storable_name("zapis.p/d\\f") == "zapis.pdf"
