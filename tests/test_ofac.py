"""The OFAC SDN importer: synthetic snapshots with the real format's quirks, the real
snapshots in ../shared (when present), the cross-check, the assets and the downloader."""

import http.server
import shutil
import socket
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline import sdn
from pipeline.fetch_sanctions import FetchError, fetch
from pipeline.project import Project
from schemas.sdn import SdnEntries
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ofac"
SHARED = ROOT.parent / "shared" / "data" / "ofac"
REAL = sorted(SHARED.glob("sdn-*.csv")) if SHARED.is_dir() else []
needs_real = pytest.mark.skipif(not REAL, reason="../shared/data/ofac/ is absent: the real "
                                "SDN snapshots are read in place there, never copied into the repo")


def install_fixtures(raw_dir: Path) -> Path:
    """Copy the synthetic snapshots under the names a user would give them."""
    folder = raw_dir / "ofac"
    folder.mkdir(parents=True, exist_ok=True)
    for path in FIXTURES.glob("synthetic-sdn-*.csv"):
        shutil.copyfile(path, folder / path.name.removeprefix("synthetic-"))
    return folder


@pytest.fixture
def fixture_dir(tmp_path):
    return install_fixtures(tmp_path)


def test_fixture_has_the_real_quirks():
    data = (FIXTURES / "synthetic-sdn-2024-01-15.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a") and b"-0- " in data and b"] [" in data
    assert b"\xe9" in data  # a Latin-1 byte


def test_parse_keeps_dprk_and_russia_programmes_with_identifiers(fixture_dir):
    frame = sdn.parse_snapshot(fixture_dir / "sdn-2024-01-15.csv")
    SdnEntries.validate(frame, lazy=True)
    assert set(frame["ent_num"]) == {100, 101, 102, 103}  # the CUBA entry is left out
    ship = frame.set_index("ent_num").loc[100]
    assert (ship["imo"], ship["mmsi"], ship["imo_check_digit_ok"]) == ("9179842", "273123456", True)
    assert ship["linked_to"] == "TEST OWNER LLC" and ship["sdn_type"] == "vessel"
    owner = frame.set_index("ent_num").loc[101]
    assert owner["programs"] == "RUSSIA-EO14024;DPRK3" and owner["sdn_type"] == "entity"
    assert owner["linked_to"] == "KOREA TEST TRADING;TEST SHIP ONE"
    assert frame.set_index("ent_num").loc[102, "mentions_dprk"]
    firm = frame.set_index("ent_num").loc[103]
    assert not firm["mentions_dprk"] and "Café" in firm["remarks"]


def test_history_finds_first_seen_and_delistings(fixture_dir):
    files = sdn.snapshot_files(fixture_dir)
    entries = pd.concat([sdn.parse_snapshot(f) for f in files])
    history = sdn.history(entries, [sdn.snapshot_date(f) for f in files]).set_index("ent_num")
    assert history.loc[102, "last_seen"] == pd.Timestamp("2024-01-15")
    assert history.loc[102, "delisted_after"] == pd.Timestamp("2024-06-30")
    assert not history.loc[102, "in_latest"]
    assert history.loc[104, "first_seen"] == pd.Timestamp("2024-06-30")
    assert history.loc[100, "in_latest"]


def test_bad_file_name_is_rejected(tmp_path):
    bad = tmp_path / "sdn_latest.csv"
    shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", bad)
    with pytest.raises(sdn.SdnFormatError, match="sdn-YYYY-MM-DD.csv"):
        sdn.parse_snapshot(bad)


def test_crosscheck_reports_listing_spelling_imo_and_date_mismatches(fixture_dir):
    files = sdn.snapshot_files(fixture_dir)
    dates = [sdn.snapshot_date(f) for f in files]
    history = sdn.history(pd.concat([sdn.parse_snapshot(f) for f in files]), dates)
    targets = pd.DataFrame([
        {"name": "TEST SHIP ONE", "kind": "vessel", "curated_imo": "9161003", "table": "shipments",
         "us_designated": pd.Timestamp("2023-12-01"), "us_designated_by": pd.Timestamp("2023-12-01")},
        {"name": "Test Owner", "kind": "entity", "curated_imo": None, "table": "sanctions",
         "us_designated": pd.NaT, "us_designated_by": pd.NaT},
        {"name": "SECOND SHIP", "kind": "vessel", "curated_imo": None, "table": "sanctions",
         "us_designated": pd.Timestamp("2024-01-01"), "us_designated_by": pd.Timestamp("2024-01-01")},
        {"name": "Test Person Kim", "kind": "individual", "curated_imo": None, "table": "sanctions",
         "us_designated": pd.NaT, "us_designated_by": pd.NaT},
        {"name": "UNLISTED VESSEL", "kind": "vessel", "curated_imo": None, "table": "shipments",
         "us_designated": pd.NaT, "us_designated_by": pd.NaT},
    ])
    check = sdn.crosscheck(targets, history, dates).set_index("name")
    assert "IMO differs: curated 9161003, SDN 9179842" in check.loc["TEST SHIP ONE", "mismatch"]
    assert "name spelled differently" in check.loc["Test Owner", "mismatch"]
    assert "absent from 2024-01-15" in check.loc["SECOND SHIP", "mismatch"]
    assert check.loc["Test Person Kim", "on_sdn"] and pd.isna(check.loc["Test Person Kim", "mismatch"])
    assert not check.loc["UNLISTED VESSEL", "on_sdn"]


@needs_real
def test_real_2024_snapshot_lists_the_four_vessels_under_russia_eo14024():
    frame = sdn.parse_snapshot(SHARED / "sdn-2024-05-03.csv")
    SdnEntries.validate(frame, lazy=True)
    vessels = frame[frame["sdn_type"] == "vessel"].set_index("name")
    for name, imo in [("ANGARA", "9179842"), ("LADY R", "9161003"), ("MAIA-1", "9358010"),
                      ("MARIA", "8517839")]:
        assert vessels.loc[name, "imo"] == imo
        assert "RUSSIA-EO14024" in vessels.loc[name, "programs"].split(";")


@needs_real
def test_real_snapshots_crosscheck_the_curated_vessels():
    from pipeline.validation import load_all

    frames, _ = load_all(ROOT / "raw")
    dates = [sdn.snapshot_date(f) for f in REAL]
    history = sdn.history(pd.concat([sdn.parse_snapshot(f) for f in REAL]), dates)
    targets = sdn.curated_targets(frames["shipments"].reset_index(drop=True),
                                  frames["sanctions"].reset_index(drop=True))
    check = sdn.crosscheck(targets, history, dates).set_index("name")
    for vessel in ("ANGARA", "LADY R", "MAIA-1", "MARIA"):
        assert check.loc[vessel, "on_sdn"], vessel
    assert check.loc["ANGARA", "sdn_imo"] == "9179842"
    assert check.loc["ANGARA", "first_seen"] == pd.Timestamp("2023-06-01")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_fetch_downloads_from_a_local_server(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", served / "sdn.csv")
    handler = lambda *a, **k: _Handler(*a, directory=str(served), **k)  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sdn.csv"
        path = fetch(Project(tmp_path), url=url, timeout=10, today=date(2026, 1, 2))
    finally:
        server.shutdown()
    assert path == tmp_path / "raw" / "ofac" / "sdn-2026-01-02.csv"
    assert path.read_bytes() == (served / "sdn.csv").read_bytes()


def test_fetch_offline_gives_a_clear_error_and_writes_nothing(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(FetchError, match="could not download .* are you offline"):
        fetch(Project(tmp_path), url=f"http://127.0.0.1:{port}/sdn.csv", timeout=3)
    assert not (tmp_path / "raw" / "ofac").exists()


def test_malformed_snapshot_names_file_and_line(tmp_path):
    bad = tmp_path / "sdn-2024-01-01.csv"
    bad.write_bytes(b'1,"A",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B\x00",-0- \r\n')
    with pytest.raises(sdn.SdnFormatError, match=r"sdn-2024-01-01.csv:2"):
        sdn.parse_snapshot(bad)
