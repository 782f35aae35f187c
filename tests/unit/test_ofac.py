"""The official list: synthetic snapshots with the real format's quirks, the real snapshots
beside the project (when present), broken snapshots, the cross-check, the downloader."""

import http.server
import json
import shutil
import socket
import threading
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pipeline.analysis.marts import ofac_crosscheck
from pipeline.project import Project
from pipeline.sources.ofac import match, parse
from pipeline.sources.ofac.fetch import FetchError, fetch
from pipeline.sources.ofac.source import provenance
from pipeline.validation import validate_dataset
from schemas.ofac import SdnEntries
from tests.support import RAW, ROOT, SHARED_OFAC

FIXTURES = ROOT / "tests" / "fixtures" / "ofac"
REAL = sorted(SHARED_OFAC.glob("sdn-*.csv")) if SHARED_OFAC.is_dir() else []
needs_real = pytest.mark.skipif(
    not REAL,
    reason="the real SDN snapshots beside the project "
    "(../shared/data/ofac/) are absent; they are read in place there, "
    "never copied into the repository",
)


def install_fixtures(folder: Path) -> Path:
    """The synthetic snapshots under the names a user would give them."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in FIXTURES.glob("synthetic-sdn-*.csv"):
        shutil.copyfile(path, folder / path.name.removeprefix("synthetic-"))
    return folder


def read_all(folder: Path) -> list[parse.Snapshot]:
    return parse.read_snapshots(folder, lambda p: f"raw/ofac/{p.name}")


@pytest.fixture
def fixture_dir(tmp_path):
    return install_fixtures(tmp_path / "ofac")


def test_fixture_has_the_real_quirks():
    data = (FIXTURES / "synthetic-sdn-2024-01-15.csv").read_bytes()
    assert data.endswith(b"\r\n\x1a") and b"-0- " in data and b"] [" in data
    assert b"\xe9" in data  # a Latin-1 byte


def test_parse_keeps_programmes_identifiers_every_field_and_file_lines(fixture_dir):
    snapshot = parse.read_snapshot(fixture_dir / "sdn-2024-01-15.csv", "x")
    assert snapshot.problems == []
    frame = snapshot.entries
    SdnEntries.validate(frame, lazy=True)
    assert set(frame["ent_num"]) == {100, 101, 102, 103}  # the CUBA entry is left out
    ship = frame.set_index("ent_num").loc[100]
    assert (ship["imo"], ship["mmsi"], ship["imo_check_digit_ok"]) == ("9179842", "273123456", True)
    assert (ship["vessel_type"], ship["grt"], ship["vessel_flag"], ship["call_sign"]) == (
        "General Cargo",
        "9611",
        "Russia",
        "UBAA1",
    )
    assert ship["linked_to"] == "TEST OWNER LLC" and ship["sdn_type"] == "vessel"
    assert ship["line"] == 2  # the CUBA entry is line 1 of the file
    owner = frame.set_index("ent_num").loc[101]
    assert owner["programs"] == "RUSSIA-EO14024;DPRK3" and owner["sdn_type"] == "entity"
    assert owner["linked_to"] == "KOREA TEST TRADING;TEST SHIP ONE"
    assert frame.set_index("ent_num").loc[102, "title"] == "Minister"
    firm = frame.set_index("ent_num").loc[103]
    assert not firm["mentions_dprk"] and "Café" in firm["remarks"]


def test_history_finds_first_seen_and_delistings(fixture_dir):
    snapshots = read_all(fixture_dir)
    entries = pd.concat([s.entries for s in snapshots])
    history = parse.history(entries, [s.date for s in snapshots]).set_index("ent_num")
    assert history.loc[102, "last_seen"] == pd.Timestamp("2024-01-15")
    assert history.loc[102, "delisted_after"] == pd.Timestamp("2024-06-30")
    assert not history.loc[102, "in_latest"]
    assert history.loc[104, "first_seen"] == pd.Timestamp("2024-06-30")
    assert history.loc[100, "in_latest"] and history.loc[100, "vessel_type"] == "General Cargo"


@pytest.mark.parametrize(
    "name,check", [("sdn_latest.csv", "snapshot_name"), ("sdn-2024-02-30.csv", "snapshot_name")]
)
def test_bad_file_names_are_problems_not_crashes(tmp_path, name, check):
    shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", tmp_path / name)
    [snapshot] = read_all(tmp_path)
    assert [p.check for p in snapshot.problems] == [check]
    assert name in snapshot.problems[0].value


def test_names_are_matched_without_regard_to_case(tmp_path):
    shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", tmp_path / "SDN-2024-01-15.CSV")
    [snapshot] = read_all(tmp_path)
    assert snapshot.problems == [] and snapshot.date == date(2024, 1, 15)


def test_two_files_for_one_date_are_refused(tmp_path):
    for name in ("sdn-2024-01-15.csv", "SDN-2024-01-15.csv"):
        shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", tmp_path / name)
    problems = [p for s in read_all(tmp_path) for p in s.problems]
    assert [p.check for p in problems] == ["snapshot_name"]


def test_an_empty_or_shrunken_snapshot_beside_a_real_one_is_refused(fixture_dir):
    (fixture_dir / "sdn-2024-07-01.csv").write_bytes(b"")
    problems = [p for s in read_all(fixture_dir) for p in s.problems]
    assert [p.check for p in problems] == ["snapshot_not_empty"]
    first = (fixture_dir / "sdn-2024-01-15.csv").read_bytes().split(b"\r\n")
    (fixture_dir / "sdn-2024-07-01.csv").write_bytes(first[0] + b"\r\n" + first[1] + b"\r\n")
    problems = [p for s in read_all(fixture_dir) for p in s.problems]
    assert [p.check for p in problems] == ["snapshot_complete"]


def test_malformed_entries_name_their_real_line(tmp_path):
    good = b'1,"A",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    (tmp_path / "sdn-2024-01-01.csv").write_bytes(
        good
        + b'x9,"B",-0- ,"DPRK3",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
        + b'3,"C\x00",-0- \r\n'
    )
    [snapshot] = read_all(tmp_path)
    assert [(p.line, p.check, p.column) for p in snapshot.problems] == [
        (3, "sdn_field_count", ""),
        (2, "integer", "ent_num"),
    ]


def test_official_text_gets_the_same_text_rules(tmp_path):
    from pipeline.defs.ofac import load

    (tmp_path / "raw" / "ofac").mkdir(parents=True)
    (tmp_path / "raw" / "ofac" / "sdn-2024-01-01.csv").write_bytes(
        b'1,"A\xe2",-0- ,"DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"see <img src=x>"\r\n'
    )
    _, failures = load(Project(tmp_path))
    assert [(f.line, f.column, f.check) for f in failures] == [(1, "remarks", "no_markup")]


def test_crosscheck_reports_listing_spelling_imo_and_date_mismatches(fixture_dir):
    snapshots = read_all(fixture_dir)
    dates = [pd.Timestamp(s.date) for s in snapshots]
    history = parse.history(pd.concat([s.entries for s in snapshots]), dates)
    targets = pd.DataFrame(
        [
            {
                "name": "TEST SHIP ONE",
                "kind": "vessel",
                "curated_imo": "9161003",
                "table": "shipments",
                "us_designated": pd.Timestamp("2023-12-01"),
                "us_designated_by": pd.Timestamp("2023-12-01"),
            },
            {
                "name": "Test Owner",
                "kind": "entity",
                "curated_imo": None,
                "table": "sanctions",
                "us_designated": pd.NaT,
                "us_designated_by": pd.NaT,
            },
            {
                "name": "SECOND SHIP",
                "kind": "vessel",
                "curated_imo": None,
                "table": "sanctions",
                "us_designated": pd.Timestamp("2024-01-01"),
                "us_designated_by": pd.Timestamp("2024-01-01"),
            },
            {
                "name": "Test Person Kim",
                "kind": "individual",
                "curated_imo": None,
                "table": "sanctions",
                "us_designated": pd.NaT,
                "us_designated_by": pd.NaT,
            },
            {
                "name": "UNLISTED VESSEL",
                "kind": "vessel",
                "curated_imo": None,
                "table": "shipments",
                "us_designated": pd.NaT,
                "us_designated_by": pd.NaT,
            },
        ]
    )
    check = match.crosscheck(targets, history, dates).set_index("name")
    assert "IMO differs: curated 9161003, SDN 9179842" in check.loc["TEST SHIP ONE", "mismatch"]
    assert "name spelled differently" in check.loc["Test Owner", "mismatch"]
    assert "absent from 2024-01-15" in check.loc["SECOND SHIP", "mismatch"]
    assert check.loc["Test Person Kim", "on_sdn"] and pd.isna(
        check.loc["Test Person Kim", "mismatch"]
    )
    assert not check.loc["UNLISTED VESSEL", "on_sdn"]


@needs_real
def test_real_2024_snapshot_lists_the_four_vessels_under_russia_eo14024():
    snapshot = parse.read_snapshot(SHARED_OFAC / "sdn-2024-05-03.csv", "x")
    assert snapshot.problems == []
    vessels = snapshot.entries[snapshot.entries["sdn_type"] == "vessel"].set_index("name")
    for name, imo in [
        ("ANGARA", "9179842"),
        ("LADY R", "9161003"),
        ("MAIA-1", "9358010"),
        ("MARIA", "8517839"),
    ]:
        assert vessels.loc[name, "imo"] == imo
        assert "RUSSIA-EO14024" in vessels.loc[name, "programs"].split(";")


@needs_real
def test_real_snapshots_pass_the_text_rules_and_crosscheck_the_curated_vessels(tmp_path):
    from pipeline.defs.ofac import load, publish_ofac

    folder = tmp_path / "raw" / "ofac"
    folder.mkdir(parents=True)
    for path in REAL:
        shutil.copyfile(path, folder / path.name)
    snapshots, failures = load(Project(tmp_path))
    assert [f.describe() for f in failures] == []
    history, listing = publish_ofac(snapshots)
    frames = validate_dataset(RAW).frames
    check = ofac_crosscheck(
        frames["shipments"].reset_index(drop=True),
        frames["sanctions"].reset_index(drop=True),
        history,
        listing,
    )
    check = check.set_index("name")
    for vessel in ("ANGARA", "LADY R", "MAIA-1", "MARIA"):
        assert check.loc[vessel, "on_sdn"], vessel
    assert check.loc["ANGARA", "sdn_imo"] == "9179842"
    assert check.loc["ANGARA", "first_seen"] == pd.Timestamp("2023-06-01")


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_fetch_downloads_from_a_local_server_and_records_provenance(tmp_path):
    served = tmp_path / "served"
    served.mkdir()
    shutil.copyfile(FIXTURES / "synthetic-sdn-2024-01-15.csv", served / "sdn.csv")

    def handler(*args, **kwargs):
        return _Handler(*args, directory=str(served), **kwargs)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sdn.csv"
        path = fetch(Project(tmp_path), url=url, timeout=10, today=date(2026, 1, 2))
    finally:
        server.shutdown()
    assert path == tmp_path / "raw" / "ofac" / "sdn-2026-01-02.csv"
    assert path.read_bytes() == (served / "sdn.csv").read_bytes()
    record = provenance(path)
    assert record["url"] == url and len(record["sha256"]) == 64 and record["fetched_at"]
    assert json.loads(path.with_name(path.name + ".provenance.json").read_text())["bytes"] > 0


def test_fetch_offline_gives_a_clear_error_and_writes_nothing(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    with pytest.raises(FetchError, match=r"could not download .* are you offline"):
        fetch(Project(tmp_path), url=f"http://127.0.0.1:{port}/sdn.csv", timeout=3)
    assert not (tmp_path / "raw" / "ofac").exists()
