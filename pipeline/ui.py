"""`make ui`: Dagster's webserver and daemon on 127.0.0.1 with the project's DAGSTER_HOME.

`make ui-team` (`--team`) uses the PostgreSQL instance of deploy/dagster.postgres.yaml.
The source-file and automation sensors start RUNNING, so editing a raw file rebuilds what
depends on it within seconds, by the same rule as `make report`.
"""

import os
import sys

from pipeline.instance import prepare_home, team_home
from pipeline.project import Project, argument_parser

HOST = "127.0.0.1"


def command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dagster",
        "dev",
        "-m",
        "pipeline.definitions",
        "--host",
        HOST,
        "--port",
        str(port),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argument_parser("make ui", "Dagster's UI and daemon for this project.")
    parser.add_argument("--team", action="store_true", help="use the PostgreSQL instance")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    project = Project.from_env(args.root)
    os.environ["DPRK_PROJECT_ROOT"] = str(project.root)
    if args.team:
        team_home(project)
    else:
        prepare_home(project)
    port = int(os.environ.get("DAGSTER_PORT", "3000"))
    print(f"Dagster UI on http://{HOST}:{port} (DAGSTER_HOME={os.environ['DAGSTER_HOME']})")
    os.execv(sys.executable, command(port))


if __name__ == "__main__":
    main()
